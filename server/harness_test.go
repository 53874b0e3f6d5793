package server

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// waitTimeout bounds every wait for the server. It is generous on purpose:
// tests run on two busy cores and assert on what arrives, never on timing.
const waitTimeout = 60 * time.Second

var binary string // asyncls built by TestMain for the subprocess tests

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "asyncls-server-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	binary = filepath.Join(dir, "asyncls")
	build := exec.Command("go", "build", "-o", binary, "../cmd/asyncls")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building asyncls:", err)
		os.RemoveAll(dir)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// pipeConn joins a reader and a writer into the stream a connection needs.
type pipeConn struct {
	io.Reader
	io.Writer
	closers []io.Closer
}

func (p *pipeConn) Close() error {
	for _, c := range p.closers {
		c.Close()
	}
	return nil
}

// lockedWriter serialises whole-frame writes from the jsonrpc2 client and
// from raw test frames.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// session is a server under test: in-process or a subprocess.
type session struct {
	t        *testing.T
	toServer *lockedWriter
	fromSrv  io.Reader
	closeIn  func()
	exitCode func() int // blocks until the server ends
	// final holds, for an in-process server, each version's final findings
	// (Hooks.Analysed): the simulator's findings are published after the
	// others. nil for a subprocess.
	final *finalFindings
}

// finalFindings records what Hooks.Analysed reports.
type finalFindings struct {
	mu    sync.Mutex
	diags map[string]string // uri#version -> JSON of the final diagnostics
}

func finalKey(u uri.URI, version int32) string { return string(u) + "#" + strconv.Itoa(int(version)) }

func (f *finalFindings) record(u uri.URI, version int32, diags []protocol.Diagnostic) {
	data, _ := json.Marshal(diags)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.diags[finalKey(u, version)] = string(data)
}

func (f *finalFindings) get(u uri.URI, version int32) (string, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, ok := f.diags[finalKey(u, version)]
	return d, ok
}

// startInProcess runs Serve over in-memory pipes.
func startInProcess(t *testing.T, opts Options) *session {
	t.Helper()
	cr, sw := io.Pipe() // server -> client
	sr, cw := io.Pipe() // client -> server
	var logBuf syncBuilder
	if opts.Stderr == nil {
		opts.Stderr = &logBuf
	}
	final := &finalFindings{diags: map[string]string{}}
	if next := opts.Hooks.Analysed; next != nil {
		opts.Hooks.Analysed = func(u uri.URI, v int32, d []protocol.Diagnostic) { final.record(u, v, d); next(u, v, d) }
	} else {
		opts.Hooks.Analysed = final.record
	}
	done := make(chan int, 1)
	go func() {
		code := Serve(context.Background(), &pipeConn{Reader: sr, Writer: sw, closers: []io.Closer{sr, sw}}, opts)
		sw.Close()
		done <- code
	}()
	var once sync.Once
	code := -1
	s := &session{t: t, toServer: &lockedWriter{w: cw}, fromSrv: cr, closeIn: func() { cw.Close() }, final: final}
	s.exitCode = func() int {
		once.Do(func() {
			select {
			case code = <-done:
			case <-time.After(waitTimeout):
				t.Errorf("the server did not end")
			}
		})
		return code
	}
	t.Cleanup(func() {
		cw.Close()
		s.exitCode()
		cr.Close()
		if t.Failed() {
			t.Logf("server log:\n%s", logBuf.String())
		}
	})
	return s
}

// startSubprocess runs `asyncls serve`.
func startSubprocess(t *testing.T, dir string) *session {
	t.Helper()
	cmd := exec.Command(binary, "serve")
	cmd.Dir = dir
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr syncBuilder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan int, 1)
	go func() {
		err := cmd.Wait()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			code = -1
		}
		done <- code
	}()
	var once sync.Once
	code := -1
	s := &session{t: t, toServer: &lockedWriter{w: stdin}, fromSrv: stdout, closeIn: func() { stdin.Close() }}
	s.exitCode = func() int {
		once.Do(func() {
			select {
			case code = <-done:
			case <-time.After(waitTimeout):
				cmd.Process.Kill()
				t.Errorf("asyncls serve did not exit")
				code = <-done
			}
		})
		return code
	}
	t.Cleanup(func() {
		stdin.Close()
		s.exitCode()
		if t.Failed() {
			t.Logf("asyncls serve stderr:\n%s", stderr.String())
		}
	})
	return s
}

type syncBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuilder) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuilder) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// client is a real LSP client on jsonrpc2: it answers the server's requests
// and records its notifications.
type client struct {
	t    *testing.T
	conn jsonrpc2.Conn
	sess *session

	// settings answers workspace/configuration.
	settings json.RawMessage
	// scoped answers workspace/configuration for items of that scopeUri
	// (else settings).
	scoped map[uri.URI]json.RawMessage

	mu       sync.Mutex
	changed  chan struct{} // closed and replaced on every notification
	diags    map[uri.URI][]protocol.PublishDiagnosticsParams
	messages []protocol.ShowMessageParams
	progress []string // kinds of $/progress values, in order
	requests []string // methods the server called
	shown    []string // URIs of window/showDocument requests
}

func newClient(t *testing.T, sess *session) *client {
	c := &client{t: t, sess: sess, changed: make(chan struct{}), diags: map[uri.URI][]protocol.PublishDiagnosticsParams{}}
	stream := jsonrpc2.NewHeaderStream(&pipeConn{Reader: sess.fromSrv, Writer: sess.toServer})
	c.conn = jsonrpc2.NewConn(stream, jsonrpc2.WithCodec(lspCodec{}))
	c.conn.Go(context.Background(), c.handle)
	return c
}

func (c *client) handle(ctx context.Context, req *jsonrpc2.Request) (any, error) {
	// jsonrpc2 v1.0.1 hands the handler a method string that aliases its
	// reusable read buffer (valid only until the handler returns); the next
	// frame overwrites it. c.requests keeps the method, so it takes a copy
	// (without it, a recorded "client/registerCapability" read back as
	// `window/logMessage","param` once the next frame had arrived).
	method := strings.Clone(req.Method())
	if req.IsCall() {
		// Answer the server's requests off the read loop, as editors do: a
		// read loop that waits for its answer to be written, while the
		// server's read loop waits to write an answer to us, deadlocks over
		// the unbuffered in-process pipes (seen under load: the client
		// answering one of the server's requests, the server answering
		// shutdown).
		jsonrpc2.Async(ctx)
	}
	c.mu.Lock()
	defer func() {
		close(c.changed)
		c.changed = make(chan struct{})
		c.mu.Unlock()
	}()
	if req.IsCall() {
		c.requests = append(c.requests, method)
	}
	switch method {
	case protocol.MethodTextDocumentPublishDiagnostics:
		var p protocol.PublishDiagnosticsParams
		if err := protocol.Unmarshal(req.Params(), &p); err != nil {
			c.t.Errorf("bad publishDiagnostics: %v", err)
			return nil, nil
		}
		c.diags[p.URI] = append(c.diags[p.URI], p)
	case protocol.MethodWindowShowMessage:
		var p protocol.ShowMessageParams
		protocol.Unmarshal(req.Params(), &p)
		c.messages = append(c.messages, p)
	case protocol.MethodProgress:
		var p struct {
			Value struct {
				Kind string `json:"kind"`
			} `json:"value"`
		}
		json.Unmarshal(req.Params(), &p)
		c.progress = append(c.progress, p.Value.Kind)
	case protocol.MethodWindowShowDocument:
		var p protocol.ShowDocumentParams
		protocol.Unmarshal(req.Params(), &p)
		c.shown = append(c.shown, string(p.URI))
		return map[string]bool{"success": true}, nil
	case protocol.MethodWorkspaceConfiguration:
		var p protocol.ConfigurationParams
		protocol.Unmarshal(req.Params(), &p)
		out := make([]json.RawMessage, len(p.Items))
		for i := range out {
			out[i] = c.settings
			if scope := p.Items[i].ScopeURI; scope != nil && c.scoped[*scope] != nil {
				out[i] = c.scoped[*scope]
			}
			if out[i] == nil {
				out[i] = json.RawMessage("null")
			}
		}
		return out, nil
	}
	return nil, nil
}

// waitFor blocks until cond (called with the lock held) holds.
func (c *client) waitFor(what string, cond func() bool) {
	c.t.Helper()
	if !c.waitUntil(waitTimeout, cond) {
		c.t.Logf("timed out: what the client received and every goroutine of the test process:\n%s\n%s", c.received(), allStacks())
		c.t.Fatalf("timed out waiting for %s", what)
	}
}

// received lists the diagnostics the client was sent, per document in
// order (version and codes), and the server's requests.
func (c *client) received() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var b strings.Builder
	for u, list := range c.diags {
		fmt.Fprintf(&b, "%s:\n", u)
		for _, p := range list {
			v, _ := p.Version.Get()
			fmt.Fprintf(&b, "  version %d: %v\n", v, codes(p.Diagnostics))
		}
	}
	fmt.Fprintf(&b, "requests from the server: %v\n", c.requests)
	return b.String()
}

// allStacks returns the stacks of every goroutine: what a wait that timed
// out was stuck behind.
func allStacks() string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return string(buf[:n])
		}
		buf = make([]byte, 2*len(buf))
	}
}

// waitUntil is waitFor with its own limit; it reports whether cond came to
// hold instead of failing the test.
func (c *client) waitUntil(limit time.Duration, cond func() bool) bool {
	deadline := time.After(limit)
	for {
		c.mu.Lock()
		ok := cond()
		ch := c.changed
		c.mu.Unlock()
		if ok {
			return true
		}
		select {
		case <-ch:
		case <-time.After(10 * time.Millisecond):
			// Conditions on the server's hooks change without a message.
		case <-deadline:
			return false
		}
	}
}

// waitDiagnostics waits for the diagnostics of u at version and returns
// them: from an in-process server the final ones (the simulator's findings
// come after the others), from a subprocess the first published.
func (c *client) waitDiagnostics(u uri.URI, version int32) []protocol.Diagnostic {
	c.t.Helper()
	var found []protocol.Diagnostic
	c.waitFor(fmt.Sprintf("diagnostics of %s version %d", u, version), func() bool {
		list := c.diags[u]
		for i := len(list) - 1; i >= 0; i-- {
			if v, ok := list[i].Version.Get(); ok && v == version {
				found = list[i].Diagnostics
				if c.sess.final == nil {
					return true
				}
				// The last publication of this version must be the final
				// one (it is not sent again when it repeats the first).
				want, ok := c.sess.final.get(u, version)
				got, _ := json.Marshal(found)
				return ok && string(got) == want
			}
		}
		return false
	})
	return found
}

// lastDiagnostics returns the latest diagnostics of u once some satisfy cond.
func (c *client) waitDiagnosticsWhere(u uri.URI, what string, cond func([]protocol.Diagnostic) bool) []protocol.Diagnostic {
	c.t.Helper()
	var found []protocol.Diagnostic
	c.waitFor(what, func() bool {
		list := c.diags[u]
		if len(list) == 0 {
			return false
		}
		found = list[len(list)-1].Diagnostics
		return cond(found)
	})
	return found
}

func (c *client) call(method string, params, result any) error {
	ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
	defer cancel()
	_, err := c.conn.Call(ctx, method, params, result)
	return err
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("notify %s: %v", method, err)
	}
}

// initialize runs the handshake with the given capabilities and options.
func (c *client) initialize(root string, caps protocol.ClientCapabilities, initOptions string) *protocol.InitializeResult {
	c.t.Helper()
	var folders []string
	if root != "" {
		folders = []string{root}
	}
	return c.initializeFolders(folders, caps, initOptions)
}

// initializeFolders is initialize with several workspace folders.
func (c *client) initializeFolders(roots []string, caps protocol.ClientCapabilities, initOptions string) *protocol.InitializeResult {
	c.t.Helper()
	params := &protocol.InitializeParams{Capabilities: caps}
	if len(roots) > 0 {
		var folders []protocol.WorkspaceFolder
		for _, r := range roots {
			folders = append(folders, protocol.WorkspaceFolder{URI: uri.File(r), Name: filepath.Base(r)})
		}
		params.WorkspaceFolders = protocol.NewNullable(folders)
	}
	if initOptions != "" {
		params.InitializationOptions = protocol.LSPAny(initOptions)
	}
	var res protocol.InitializeResult
	if err := c.call(protocol.MethodInitialize, params, &res); err != nil {
		c.t.Fatalf("initialize: %v", err)
	}
	c.notify(protocol.MethodInitialized, &protocol.InitializedParams{})
	return &res
}

func (c *client) open(u uri.URI, text string) {
	c.t.Helper()
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: "python", Version: 1, Text: text,
	}})
}

func (c *client) change(u uri.URI, version int32, changes ...protocol.TextDocumentContentChangeEvent) {
	c.t.Helper()
	c.notify(protocol.MethodTextDocumentDidChange, &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version},
		ContentChanges: changes,
	})
}

func (c *client) shutdownAndExit() int {
	c.t.Helper()
	if err := c.call(protocol.MethodShutdown, nil, nil); err != nil {
		c.t.Fatalf("shutdown: %v", err)
	}
	c.notify(protocol.MethodExit, nil)
	return c.sess.exitCode()
}

func utf16Caps() protocol.ClientCapabilities { return protocol.ClientCapabilities{} }

func utf8Caps() protocol.ClientCapabilities {
	return protocol.ClientCapabilities{General: &protocol.GeneralClientCapabilities{
		PositionEncodings: []protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF8, protocol.PositionEncodingKindUTF16},
	}}
}

// rawClient speaks LSP framing by hand, to send what a jsonrpc2 client
// never would (malformed JSON, bad params) and to see every response.
type rawClient struct {
	t  *testing.T
	w  io.Writer
	r  *bufio.Reader
	id int
}

func newRawClient(t *testing.T, sess *session) *rawClient {
	return &rawClient{t: t, w: sess.toServer, r: bufio.NewReader(sess.fromSrv)}
}

func (c *rawClient) sendRaw(body string) {
	c.t.Helper()
	if _, err := fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

func (c *rawClient) request(method string, params string) int {
	c.id++
	if params == "" {
		params = "null"
	}
	c.sendRaw(fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":%q,"params":%s}`, c.id, method, params))
	return c.id
}

func (c *rawClient) notification(method string, params string) {
	if params == "" {
		params = "null"
	}
	c.sendRaw(fmt.Sprintf(`{"jsonrpc":"2.0","method":%q,"params":%s}`, method, params))
}

type rawMessage struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// read returns the next message from the server.
func (c *rawClient) read() rawMessage {
	c.t.Helper()
	type frame struct {
		msg rawMessage
		err error
	}
	ch := make(chan frame, 1)
	go func() {
		length := -1
		for {
			line, err := c.r.ReadString('\n')
			if err != nil {
				ch <- frame{err: err}
				return
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				length, _ = strconv.Atoi(v)
			}
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(c.r, body); err != nil {
			ch <- frame{err: err}
			return
		}
		var m rawMessage
		err := json.Unmarshal(body, &m)
		ch <- frame{msg: m, err: err}
	}()
	select {
	case f := <-ch:
		if f.err != nil {
			c.t.Fatalf("reading from the server: %v", f.err)
		}
		return f.msg
	case <-time.After(waitTimeout):
		c.t.Fatal("timed out reading from the server")
	}
	return rawMessage{}
}

// response skips notifications until the response with id (a number, or
// "null" for errors about unreadable requests) arrives.
func (c *rawClient) response(id string) rawMessage {
	c.t.Helper()
	for {
		m := c.read()
		if m.Method == "" && string(m.ID) == id {
			return m
		}
	}
}

func (c *rawClient) initialize() {
	c.t.Helper()
	id := c.request("initialize", `{"processId":null,"rootUri":null,"capabilities":{}}`)
	if m := c.response(strconv.Itoa(id)); m.Error != nil {
		c.t.Fatalf("initialize failed: %+v", m.Error)
	}
	c.notification("initialized", "{}")
}
