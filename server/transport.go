package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

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
	return protocol.Unmarshal(data, v)
}

// frameIO is the raw-frame side of jsonrpc2's header stream.
type frameIO interface {
	ReadFrame(ctx context.Context) ([]byte, int64, error)
	WriteFrame(ctx context.Context, data []byte) (int64, error)
}

// tolerantStream wraps the LSP header stream so that a message which is not
// valid JSON, or not a valid JSON-RPC request, is answered with an error
// response instead of ending the connection (jsonrpc2 treats a decode error
// as a transport failure and stops reading).
type tolerantStream struct {
	jsonrpc2.Stream
	frames frameIO
	log    func(string)
}

func newTolerantStream(rwc io.ReadWriteCloser, log func(string)) jsonrpc2.Stream {
	inner := jsonrpc2.NewHeaderStream(rwc)
	return &tolerantStream{Stream: inner, frames: inner.(frameIO), log: log}
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
		if _, err := s.frames.WriteFrame(ctx, body); err != nil {
			return nil, 0, err
		}
	}
}

// WriteFrame writes an already-encoded frame.
func (s *tolerantStream) WriteFrame(ctx context.Context, data []byte) (int64, error) {
	return s.frames.WriteFrame(ctx, data)
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

// orderedRequests are answered on the read loop, before later messages are
// read: they change the server's lifecycle state.
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
		if !orderedRequests[method] {
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
			// Released requests are never recycled by jsonrpc2, so a context
			// derived from ctx stays valid (deriving one from an inline
			// request's pooled context is not safe).
			jsonrpc2.Async(ctx)
			// The method string borrowed the read buffer; after Async the
			// request holds an owned copy.
			method = req.Method()
			var cancel context.CancelFunc
			ctx, cancel = context.WithCancel(ctx)
			if atReceipt != nil {
				ctx = context.WithValue(ctx, receivedDocKey{}, atReceipt)
			}
			id := req.ID()
			s.inflight.Store(id, cancel)
			defer func() {
				s.inflight.Delete(id)
				cancel()
			}()
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
