package server

import (
	"sync"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// maxQueuedNotifications bounds the notifications other than diagnostics
// (log messages, progress) waiting to be written; past it new ones are
// dropped. Diagnostics are bounded by the number of documents instead: a
// document's pending diagnostics are replaced by newer ones.
const maxQueuedNotifications = 256

// outbox sends the server's notifications on one goroutine, so that a client
// that stops reading its input blocks only that goroutine, never the
// analyses, and what waits for it stays bounded: at most one pending
// publishDiagnostics per document (the newest: older ones are superseded)
// and maxQueuedNotifications others.
type outbox struct {
	send func(method string, params any) // writes one notification; may block

	mu      sync.Mutex
	queue   []queued                                       // in order; a diagnostics entry names its URI
	diags   map[uri.URI]*protocol.PublishDiagnosticsParams // newest pending diagnostics per document
	dropped int                                            // notifications dropped because the queue was full
	writing bool                                           // an item is being written
	wake    chan struct{}                                  // capacity 1: something was queued
	idle    *sync.Cond                                     // signalled when the queue empties
}

type queued struct {
	method string
	params any
	diags  uri.URI // for publishDiagnostics: the document whose newest diagnostics to send
}

func newOutbox(send func(method string, params any)) *outbox {
	o := &outbox{send: send, diags: map[uri.URI]*protocol.PublishDiagnosticsParams{}, wake: make(chan struct{}, 1)}
	o.idle = sync.NewCond(&o.mu)
	return o
}

// post queues a notification without blocking.
func (o *outbox) post(method string, params any) {
	o.mu.Lock()
	if p, ok := params.(*protocol.PublishDiagnosticsParams); ok && method == protocol.MethodTextDocumentPublishDiagnostics {
		if _, pending := o.diags[p.URI]; !pending {
			o.queue = append(o.queue, queued{method: method, diags: p.URI})
		}
		o.diags[p.URI] = p // supersedes what was pending for the document
	} else if len(o.queue)-len(o.diags) >= maxQueuedNotifications {
		o.dropped++
	} else {
		o.queue = append(o.queue, queued{method: method, params: params})
	}
	o.mu.Unlock()
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

// run writes queued notifications until done is closed.
func (o *outbox) run(done <-chan struct{}) {
	for {
		o.mu.Lock()
		if len(o.queue) == 0 {
			o.writing = false
			o.idle.Broadcast()
			o.mu.Unlock()
			select {
			case <-o.wake:
				continue
			case <-done:
				return
			}
		}
		item := o.queue[0]
		o.queue[0] = queued{}
		o.queue = o.queue[1:]
		if item.diags != "" {
			item.params = o.diags[item.diags]
			delete(o.diags, item.diags)
		}
		o.writing = true
		o.mu.Unlock()
		o.send(item.method, item.params)
	}
}

// pending returns how many notifications wait and how many were dropped.
func (o *outbox) pending() (queued, dropped int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.queue), o.dropped
}

// flush waits until everything queued so far has been written, or until
// timeout has passed.
func (o *outbox) flush(timeout time.Duration) {
	stopped := false
	timer := time.AfterFunc(timeout, func() {
		o.mu.Lock()
		stopped = true
		o.idle.Broadcast()
		o.mu.Unlock()
	})
	defer timer.Stop()
	o.mu.Lock()
	defer o.mu.Unlock()
	for (len(o.queue) > 0 || o.writing) && !stopped {
		o.idle.Wait()
	}
}
