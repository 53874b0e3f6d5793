package server

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// floodExpectation is what the answer to one request of the flood must be.
type floodExpectation struct {
	code   int  // the error code wanted; 0 for any success or error
	result bool // a success is wanted
}

// floodClient sends a session's worth of requests without reading a byte
// (requests before initialize, malformed frames, real requests, shutdown,
// requests after shutdown), and then reads: a server that writes answers on
// its read loop stops reading once the pipe to the client is full, and the
// client, still writing, never gets to read (the deadlock of a client that
// stops reading while it sends, and of editors that answer on their read
// loop). Every id must be answered exactly once, as its phase wants.
func floodClient(t *testing.T, toServer io.Writer, fromServer io.Reader, exitCode func() int, abort func()) {
	t.Helper()
	const (
		beforeInit    = 1000
		malformed     = 300
		badVersion    = 300
		released      = 1000 // hovers and unknown methods, half each
		afterShutdown = 1000
	)
	var (
		want        = map[string]floodExpectation{}
		order       []string // request ids in the order sent
		nullAnswers = malformed
		initID      string
		shutdownID  string
	)
	w := bufio.NewWriter(toServer)
	next := 0
	send := func(body string) error {
		if _, err := fmt.Fprintf(w, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
			return err
		}
		return w.Flush()
	}
	request := func(method, params string, e floodExpectation) (string, error) {
		next++
		id := strconv.Itoa(next)
		if next%3 == 0 {
			// String ids too: jsonrpc2 must not lend them from its buffer.
			id = `"s` + id + `"`
		}
		want[id] = e
		order = append(order, id)
		return id, send(fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"method":%q,"params":%s}`, id, method, params))
	}
	const doc = "file:///flood/app.py"
	hover := `{"textDocument":{"uri":"` + doc + `"},"position":{"line":5,"character":6}}`
	text, _ := json.Marshal(blockingSrc)

	written := make(chan error, 1)
	go func() {
		written <- func() error {
			for range beforeInit {
				if _, err := request(protocol.MethodTextDocumentHover, hover, floodExpectation{code: int(jsonrpc2.ServerNotInitialized)}); err != nil {
					return err
				}
			}
			for i := range malformed {
				if err := send(fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":`, 1_000_000+i)); err != nil {
					return err
				}
			}
			for range badVersion {
				next++
				id := strconv.Itoa(next)
				want[id] = floodExpectation{code: int(jsonrpc2.InvalidRequest)}
				order = append(order, id)
				if err := send(`{"jsonrpc":"1.0","id":` + id + `,"method":"textDocument/hover"}`); err != nil {
					return err
				}
			}
			var err error
			if initID, err = request(protocol.MethodInitialize, `{"processId":null,"rootUri":null,"capabilities":{}}`, floodExpectation{result: true}); err != nil {
				return err
			}
			if err := send(`{"jsonrpc":"2.0","method":"initialized","params":{}}`); err != nil {
				return err
			}
			if err := send(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"` + doc + `","languageId":"python","version":1,"text":` + string(text) + `}}}`); err != nil {
				return err
			}
			for i := range released {
				method, params, e := protocol.MethodTextDocumentHover, hover, floodExpectation{result: true}
				if i%2 == 1 {
					method, params, e = "asyncls/nothing", "{}", floodExpectation{code: int(jsonrpc2.MethodNotFound)}
				}
				if _, err := request(method, params, e); err != nil {
					return err
				}
			}
			if shutdownID, err = request(protocol.MethodShutdown, "null", floodExpectation{result: true}); err != nil {
				return err
			}
			for range afterShutdown {
				if _, err := request(protocol.MethodTextDocumentHover, hover, floodExpectation{code: int(jsonrpc2.InvalidRequest)}); err != nil {
					return err
				}
			}
			return nil
		}()
	}()
	// A generous guard against a hang; the test asserts on what arrives,
	// never on how fast.
	select {
	case err := <-written:
		if err != nil {
			t.Fatalf("writing to the server: %v", err)
		}
	case <-time.After(waitTimeout):
		abort()
		t.Fatal("the server stopped reading while its answers were not read (deadlock)")
	}

	// Now read everything.
	c := &rawClient{t: t, r: bufio.NewReader(fromServer)}
	answeredAt := map[string]int{} // id -> position among the answers
	for n := 0; len(answeredAt) < len(want) || nullAnswers > 0; n++ {
		m := c.read()
		if m.Method != "" {
			continue // a notification
		}
		id := string(m.ID)
		if id == "null" {
			if m.Error == nil || m.Error.Code != int(jsonrpc2.ParseError) {
				t.Fatalf("answer with a null id: %+v", m.Error)
			}
			nullAnswers--
			if nullAnswers < 0 {
				t.Fatal("more parse errors than malformed messages")
			}
			continue
		}
		e, ok := want[id]
		if !ok {
			t.Fatalf("answer to an id never sent: %s", id)
		}
		if _, dup := answeredAt[id]; dup {
			t.Fatalf("id %s answered twice", id)
		}
		answeredAt[id] = n
		switch {
		case e.result && m.Error != nil:
			t.Fatalf("request %s answered %+v, want a result", id, m.Error)
		case e.code != 0 && (m.Error == nil || m.Error.Code != e.code):
			t.Fatalf("request %s answered %+v (result %s), want error %d", id, m.Error, m.Result, e.code)
		}
	}
	// initialize is answered before every request sent after it, shutdown
	// after every request sent before it (the requests still running).
	sentInit, sentShutdown := false, false
	for _, id := range order {
		switch {
		case id == initID:
			sentInit = true
		case id == shutdownID:
			sentShutdown = true
		case sentInit && answeredAt[id] < answeredAt[initID]:
			t.Fatalf("request %s sent after initialize was answered before it", id)
		case sentInit && !sentShutdown && answeredAt[id] > answeredAt[shutdownID]:
			t.Fatalf("request %s sent before shutdown was answered after it", id)
		}
	}
	if err := send(`{"jsonrpc":"2.0","method":"exit"}`); err != nil {
		t.Fatalf("sending exit: %v", err)
	}
	if code := exitCode(); code != 0 {
		t.Fatalf("exit code %d after shutdown and exit, want 0", code)
	}
}

// TestFloodWithoutReading runs the flood in process over operating-system
// pipes (64 KiB buffers, as between an editor and `asyncls serve`).
func TestFloodWithoutReading(t *testing.T) {
	toServerR, toServerW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	fromServerR, fromServerW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	var logBuf syncBuilder
	done := make(chan int, 1)
	go func() {
		done <- Serve(context.Background(), &pipeConn{Reader: toServerR, Writer: fromServerW, closers: []io.Closer{toServerR, fromServerW}},
			Options{Stderr: &logBuf, NoTimingHints: true})
	}()
	closeAll := func() {
		toServerW.Close()
		fromServerR.Close()
	}
	t.Cleanup(func() {
		closeAll()
		select {
		case <-done:
		case <-time.After(waitTimeout):
			t.Error("the server did not end")
		}
		if t.Failed() {
			t.Logf("server log:\n%.20000s", logBuf.String())
		}
	})
	exitCode := func() int {
		select {
		case code := <-done:
			done <- code
			return code
		case <-time.After(waitTimeout):
			t.Fatal("the server did not end after exit")
		}
		return -1
	}
	floodClient(t, toServerW, fromServerR, exitCode, closeAll)
}

// TestSubprocessFloodWithoutReading runs the flood against `asyncls serve`.
func TestSubprocessFloodWithoutReading(t *testing.T) {
	sess := startSubprocess(t, t.TempDir())
	floodClient(t, sess.toServer, sess.fromSrv, sess.exitCode, sess.closeIn)
}

// TestCancelRightAfterRequest sends $/cancelRequest immediately after its
// request: the request is registered for cancellation before the read loop
// reads on, so the cancellation is never lost.
func TestCancelRightAfterRequest(t *testing.T) {
	opts := Options{NoTimingHints: true, Hooks: Hooks{BeforeHandle: func(ctx context.Context, method string) {
		if method == protocol.MethodTextDocumentHover {
			select {
			case <-ctx.Done(): // stands in for slow work that honours cancellation
			case <-time.After(waitTimeout):
			}
		}
	}}}
	sess := startInProcess(t, opts)
	c := newRawClient(t, sess)
	c.initialize()
	var ids []int
	for range 20 {
		id := c.request(protocol.MethodTextDocumentHover, `{"textDocument":{"uri":"file:///x.py"},"position":{"line":0,"character":0}}`)
		c.notification(protocol.MethodCancelRequest, `{"id":`+strconv.Itoa(id)+`}`)
		ids = append(ids, id)
	}
	pending := map[string]bool{}
	for _, id := range ids {
		pending[strconv.Itoa(id)] = true
	}
	for len(pending) > 0 { // answers come in any order
		m := c.read()
		if m.Method != "" || !pending[string(m.ID)] {
			continue
		}
		delete(pending, string(m.ID))
		if m.Error == nil || m.Error.Code != int(protocol.CodeRequestCancelled) {
			t.Fatalf("request %s cancelled right after it was sent answered %+v, want RequestCancelled", m.ID, m.Error)
		}
	}
}
