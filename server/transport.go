package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// lspCodec marshals payloads with protocol.Marshal / protocol.Unmarshal so
// that LSP union types round-trip (jsonrpc2's default codec does not know
// them, and protocol's own codec is unexported).
type lspCodec struct{}

func (lspCodec) Marshal(v any) ([]byte, error) {
	switch m := v.(type) {
	case jsonrpc2.RawMessage:
		if m == nil {
			return []byte("null"), nil
		}
		return m, nil
	case json.RawMessage:
		if m == nil {
			return []byte("null"), nil
		}
		return m, nil
	}
	return protocol.Marshal(v)
}

func (lspCodec) Unmarshal(data []byte, v any) error {
	if p, ok := v.(*jsonrpc2.RawMessage); ok {
		*p = append(jsonrpc2.RawMessage(nil), data...)
		return nil
	}
	// jsonrpc2 lends a result from its read buffer, and protocol.Unmarshal
	// makes its own copy only for some destinations: decoding into a slice
	// of unions ([]protocol.CommandOrCodeAction) aliases data, so a later
	// message overwrote the code action titles read from it.
	return protocol.Unmarshal(bytes.Clone(data), v)
}

// frameIO is the raw-frame side of jsonrpc2's header stream.
type frameIO interface {
	ReadFrame(ctx context.Context) ([]byte, int64, error)
	WriteFrame(ctx context.Context, data []byte) (int64, error)
}

// tolerantStream wraps the LSP header stream so that a message which is not
// valid JSON, or not a valid JSON-RPC request, is answered with an error
// response instead of ending the connection (jsonrpc2 treats a decode error
// as a transport failure and stops reading), and so that every message goes
// out through one writer goroutine (see writeQueue): the read loop never
// waits for the client to read.
type tolerantStream struct {
	jsonrpc2.Stream
	frames frameIO
	out    *writeQueue
	log    func(string)
}

func newTolerantStream(rwc io.ReadWriteCloser, log func(string)) jsonrpc2.Stream {
	inner := jsonrpc2.NewHeaderStream(rwc)
	frames := inner.(frameIO)
	return &tolerantStream{Stream: inner, frames: frames, out: newWriteQueue(frames), log: log}
}

// ReadFrame returns the next frame that jsonrpc2 can decode, answering the
// others itself.
func (s *tolerantStream) ReadFrame(ctx context.Context) ([]byte, int64, error) {
	for {
		frame, n, err := s.frames.ReadFrame(ctx)
		if err != nil {
			return frame, n, err
		}
		problem := checkFrame(frame)
		if problem == nil {
			return frame, n, nil
		}
		s.log(fmt.Sprintf("rejected a malformed message (%s): %.200s", problem.Message, frame))
		body, _ := json.Marshal(struct {
			JSONRPC string          `json:"jsonrpc"`
			ID      json.RawMessage `json:"id"`
			Error   *jsonrpc2.Error `json:"error"`
		}{"2.0", requestID(frame), problem})
		if err := s.out.enqueue(ctx, body, false); err != nil {
			return nil, 0, err
		}
	}
}

// Write queues a message for the writer goroutine. Answers (everything
// jsonrpc2 writes for a request: results, errors, rejections) return once
// queued; the server's own notifications and requests (whose context carries
// waitWritten) return once written, so that the outbox keeps only the newest
// diagnostics while the client is not reading.
func (s *tolerantStream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	// Encoding here, on the caller's goroutine, also copies whatever the
	// message borrowed.
	body, err := jsonrpc2.EncodeMessage(msg)
	if err != nil {
		return 0, err
	}
	if err := s.out.enqueue(ctx, body, ctx.Value(waitWrittenKey{}) != nil); err != nil {
		return 0, err
	}
	return int64(len(body)), nil
}

// WriteFrame queues an already-encoded frame, as Write queues an answer.
func (s *tolerantStream) WriteFrame(ctx context.Context, data []byte) (int64, error) {
	if err := s.out.enqueue(ctx, bytes.Clone(data), false); err != nil {
		return 0, err
	}
	return int64(len(data)), nil
}

// Close writes what is queued (for at most closeDrainTimeout: the client may
// not be reading) and closes the connection.
func (s *tolerantStream) Close() error {
	s.out.close(closeDrainTimeout)
	return s.Stream.Close()
}

// waitWrittenKey marks the context of a write that waits until it is
// written (the server's own notifications and requests).
type waitWrittenKey struct{}

func waitWritten(ctx context.Context) context.Context {
	return context.WithValue(ctx, waitWrittenKey{}, true)
}

// maxQueuedAnswerBytes bounds the answers waiting for a client that does not
// read: past it, whoever answers (the read loop, for rejections) waits for
// the writer. Rejections are ~100 bytes, so tens of thousands fit.
const maxQueuedAnswerBytes = 8 << 20

// closeDrainTimeout bounds how long closing the connection waits for the
// queued messages to be written.
const closeDrainTimeout = 2 * time.Second

// writeQueue writes frames in the order they were queued, on one goroutine,
// so that a client that stops reading blocks only that goroutine: the read
// loop, which answers initialize, shutdown, malformed messages and the
// requests it rejects, goes on reading (a client that writes without reading
// until both pipes are full would otherwise deadlock with it). Answers are
// bounded by maxQueuedAnswerBytes; a waiting write holds its goroutine, so
// those are bounded by the server's writers (the outbox and its requests).
type writeQueue struct {
	frames frameIO

	mu          sync.Mutex
	changed     *sync.Cond // the queue or its state changed
	items       []queuedFrame
	answerBytes int   // bytes of queued answers
	writing     bool  // the writer holds an item
	err         error // the first write error; later writes fail with it
	closed      bool
}

type queuedFrame struct {
	data    []byte
	written chan error // nil for an answer; else receives the write's outcome
}

var errQueueClosed = errors.New("asyncls: the connection is closed")

func newWriteQueue(frames frameIO) *writeQueue {
	q := &writeQueue{frames: frames}
	q.changed = sync.NewCond(&q.mu)
	go q.run()
	return q
}

// enqueue queues data; with wait it returns once data was written (or ctx
// ended), else once queued.
func (q *writeQueue) enqueue(ctx context.Context, data []byte, wait bool) error {
	q.mu.Lock()
	for !wait && q.answerBytes >= maxQueuedAnswerBytes && q.err == nil && !q.closed {
		q.changed.Wait()
	}
	if q.err != nil || q.closed {
		err := q.err
		q.mu.Unlock()
		if err == nil {
			err = errQueueClosed
		}
		return err
	}
	item := queuedFrame{data: data}
	if wait {
		item.written = make(chan error, 1)
	} else {
		q.answerBytes += len(data)
	}
	q.items = append(q.items, item)
	q.changed.Broadcast()
	q.mu.Unlock()
	if !wait {
		return nil
	}
	select {
	case err := <-item.written:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// run writes queued frames until the queue is closed and empty.
func (q *writeQueue) run() {
	q.mu.Lock()
	defer q.mu.Unlock()
	for {
		for len(q.items) == 0 && !q.closed {
			q.changed.Wait()
		}
		if len(q.items) == 0 {
			return
		}
		item := q.items[0]
		q.items[0] = queuedFrame{}
		q.items = q.items[1:]
		q.writing = true
		q.mu.Unlock()
		_, err := q.frames.WriteFrame(context.Background(), item.data)
		q.mu.Lock()
		q.writing = false
		if item.written == nil {
			q.answerBytes -= len(item.data)
		} else {
			item.written <- err
		}
		if err != nil && q.err == nil {
			// The client is gone: fail what waits, drop the rest.
			q.err = err
			for _, it := range q.items {
				if it.written != nil {
					it.written <- err
				}
			}
			q.items, q.answerBytes = nil, 0
		}
		q.changed.Broadcast()
	}
}

// close waits until what is queued was written, or timeout, then stops the
// writer once the queue is empty; later writes fail. A write still blocked
// on the client ends when the caller closes the connection.
func (q *writeQueue) close(timeout time.Duration) {
	timer := time.AfterFunc(timeout, func() {
		q.mu.Lock()
		q.closed = true
		q.changed.Broadcast()
		q.mu.Unlock()
	})
	defer timer.Stop()
	q.mu.Lock()
	defer q.mu.Unlock()
	for (len(q.items) > 0 || q.writing) && q.err == nil && !q.closed {
		q.changed.Wait()
	}
	if q.closed {
		// Timed out: drop what the client did not read.
		for _, it := range q.items {
			if it.written != nil {
				it.written <- errQueueClosed
			}
		}
		q.items, q.answerBytes = nil, 0
	}
	q.closed = true
	q.changed.Broadcast()
}

// checkFrame returns the error to answer a frame with, or nil when jsonrpc2
// can handle it.
func checkFrame(frame []byte) *jsonrpc2.Error {
	if !json.Valid(frame) {
		return jsonrpc2.NewError(jsonrpc2.ParseError, "invalid JSON")
	}
	trimmed := strings.TrimSpace(string(frame[:min(len(frame), 16)]))
	if strings.HasPrefix(trimmed, "[") {
		// LSP has no batches; jsonrpc2 would fail the whole connection on a bad one.
		return jsonrpc2.NewError(jsonrpc2.InvalidRequest, "JSON-RPC batches are not supported by the Language Server Protocol")
	}
	if _, err := jsonrpc2.DecodeMessage(frame); err != nil {
		return jsonrpc2.NewError(jsonrpc2.InvalidRequest, "invalid JSON-RPC message: "+err.Error())
	}
	return nil
}

// requestID extracts the id of a malformed request when it has a usable one.
func requestID(frame []byte) json.RawMessage {
	var probe struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(frame, &probe) == nil && len(probe.ID) > 0 {
		var s string
		var n int64
		if json.Unmarshal(probe.ID, &s) == nil || json.Unmarshal(probe.ID, &n) == nil {
			return probe.ID
		}
	}
	return json.RawMessage("null")
}

// orderedRequests change the server's lifecycle state before later messages
// are read: initialize is answered on the read loop, shutdown changes the
// state there and is answered off it.
var orderedRequests = map[string]bool{
	protocol.MethodInitialize: true,
	protocol.MethodShutdown:   true,
}

// handler wires the Server into jsonrpc2: notifications run on the read loop
// in wire order (didOpen/didChange/didClose must apply in order), requests
// are released to run concurrently, $/cancelRequest cancels them, and no
// handler error or panic can take the connection down.
func (s *Server) handler() jsonrpc2.Handler {
	dispatch := protocol.ServerHandler(s, nil)
	return func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		method := req.Method()
		if !req.IsCall() {
			if method == protocol.MethodCancelRequest {
				s.cancelRequest(req.Params())
				return nil, nil
			}
			if !s.admitNotification(method) {
				return nil, nil
			}
			// A notification error would close the connection (jsonrpc2
			// treats it as fatal): log it instead.
			if _, err := s.recovering(method, func() (any, error) {
				if s.hooks.BeforeHandle != nil {
					s.hooks.BeforeHandle(ctx, method)
				}
				return dispatch(ctx, req)
			}); err != nil {
				s.log.errorf("%s: %v", method, err)
			}
			return nil, nil
		}
		if err := s.admitRequest(method); err != nil {
			return nil, err
		}
		if method == protocol.MethodShutdown {
			// The requests read from here on are rejected. The answer waits
			// for the requests running and for the notifications published
			// before it, off the read loop: the client may not read until it
			// has sent more.
			s.state.Store(int32(stateShutdown))
			running := s.requests.snapshot()
			jsonrpc2.Async(ctx)
			method = req.Method() // owned after Async
			s.requests.wait(running, shutdownWaitLimit, func(n int) {
				s.log.warnf("shutdown: answering while %d requests still run", n)
			})
		} else if !orderedRequests[method] {
			// Waits on the read loop while maxConcurrentRequests run.
			select {
			case s.requestSlots <- struct{}{}:
			case <-ctx.Done():
				return nil, protocol.ErrRequestCancelled
			}
			defer func() { <-s.requestSlots }()
			// Positions in a request refer to the document as it was when
			// the request was sent: take its snapshot here, on the read
			// loop, before later edits or a close are applied.
			atReceipt := s.snapshotAtReceipt(req.Params())
			// Registered before Async lets the read loop go on, so that a
			// $/cancelRequest or a shutdown read next finds this request.
			// jsonrpc2 cancels the request's own context once its answer is
			// written (here: queued): shutdown waits for that.
			s.requests.add(ctx.Done())
			// Released requests are never recycled by jsonrpc2, so a context
			// derived from ctx stays valid (deriving one from an inline
			// request's pooled context is not safe): Async follows at once.
			reqCtx, cancel := context.WithCancel(ctx)
			id := req.ID() // decoded into an owned string
			s.inflight.Store(id, cancel)
			defer func() {
				s.inflight.Delete(id)
				cancel()
			}()
			jsonrpc2.Async(ctx)
			// The method string borrowed the read buffer; after Async the
			// request holds an owned copy.
			method = req.Method()
			ctx = reqCtx
			if atReceipt != nil {
				ctx = context.WithValue(ctx, receivedDocKey{}, atReceipt)
			}
		}
		result, err := s.recovering(method, func() (any, error) {
			if s.hooks.BeforeHandle != nil {
				s.hooks.BeforeHandle(ctx, method)
			}
			return dispatch(ctx, req)
		})
		if err != nil {
			if ctx.Err() != nil && !errors.Is(err, protocol.ErrRequestCancelled) {
				return nil, protocol.ErrRequestCancelled
			}
			// protocol reports undecodable params as a parse error; for the
			// client they are invalid params.
			if errors.Is(err, jsonrpc2.ErrParse) {
				return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, "invalid params for "+method+": "+err.Error())
			}
		} else if ctx.Err() != nil {
			return nil, protocol.ErrRequestCancelled
		}
		return result, err
	}
}

// cancelRequest cancels the in-flight request named by $/cancelRequest;
// unknown or finished ids are ignored, as the specification asks.
func (s *Server) cancelRequest(params []byte) {
	var p struct {
		ID json.RawMessage `json:"id"`
	}
	if err := json.Unmarshal(params, &p); err != nil {
		s.log.warnf("$/cancelRequest with bad params: %v", err)
		return
	}
	var id jsonrpc2.ID
	var n int64
	var str string
	switch {
	case json.Unmarshal(p.ID, &n) == nil:
		id = jsonrpc2.NewNumberID(n)
	case json.Unmarshal(p.ID, &str) == nil:
		id = jsonrpc2.NewStringID(str)
	default:
		s.log.warnf("$/cancelRequest with bad id %s", p.ID)
		return
	}
	if cancel, ok := s.inflight.Load(id); ok {
		cancel.(context.CancelFunc)()
	}
}

// recovering runs fn, turning a panic into a logged internal error.
func (s *Server) recovering(method string, fn func() (any, error)) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.errorf("panic in %s: %v\n%s", method, r, debug.Stack())
			result, err = nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "asyncls: internal error in %s: %v (see the server log)", method, r)
		}
	}()
	return fn()
}

// waitBackground waits for the background work to end, once nothing more
// may start.
func (s *Server) waitBackground() {
	s.backgroundMu.Lock()
	s.backgroundDone = true
	s.backgroundMu.Unlock()
	s.background.Wait()
}

// goSafe runs fn on a new goroutine with panic recovery.
// Nothing starts once the session is over (Serve is waiting for what runs):
// a WaitGroup must not be added to while it is waited for.
func (s *Server) goSafe(what string, fn func()) {
	s.backgroundMu.Lock()
	if s.backgroundDone {
		s.backgroundMu.Unlock()
		return
	}
	s.background.Add(1)
	s.backgroundMu.Unlock()
	go func() {
		defer s.background.Done()
		defer func() {
			if r := recover(); r != nil {
				s.log.errorf("panic in %s: %v\n%s", what, r, debug.Stack())
			}
		}()
		fn()
	}()
}

// shutdownWaitLimit bounds how long shutdown waits for running requests
// (each is bounded by its own budgets; one may wait on the client).
const shutdownWaitLimit = 10 * time.Second

// runningRequests tracks the released requests until they are answered, so
// that shutdown can answer after them.
type runningRequests struct {
	mu      sync.Mutex
	next    uint64
	pending map[uint64]<-chan struct{} // closed once the request was answered
}

func (r *runningRequests) add(answered <-chan struct{}) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.pending == nil {
		r.pending = map[uint64]<-chan struct{}{}
	}
	if len(r.pending) >= 2*maxConcurrentRequests {
		// Forget the answered ones: at most maxConcurrentRequests run.
		for k, ch := range r.pending {
			select {
			case <-ch:
				delete(r.pending, k)
			default:
			}
		}
	}
	r.next++
	r.pending[r.next] = answered
}

// snapshot returns the requests not answered yet.
func (r *runningRequests) snapshot() []<-chan struct{} {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []<-chan struct{}
	for k, ch := range r.pending {
		select {
		case <-ch:
			delete(r.pending, k)
		default:
			out = append(out, ch)
		}
	}
	return out
}

// wait waits until the requests of a snapshot were answered, or limit has
// passed (then late is told how many still run).
func (r *runningRequests) wait(running []<-chan struct{}, limit time.Duration, late func(int)) {
	timeout := time.After(limit)
	for i, ch := range running {
		select {
		case <-ch:
		case <-timeout:
			late(len(running) - i)
			return
		}
	}
}
