package server

import (
	"context"
	"hash/maphash"
	"sync"
	"time"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
)

// defaultHoverWait is how long a hover waits for its timing estimate. Most
// estimates take well under a millisecond; one that takes longer (up to
// hoverSimulationBudget) finishes in the background and the next hover at
// the same place shows it, so a hover answers within the 5 ms of issue 11
// instead of holding the editor for the whole budget.
const defaultHoverWait = 2 * time.Millisecond

// hoverHintEntries bounds the estimates kept; hoverHintsPending bounds the
// estimates running or queued in the background (a cursor swept over a
// file asks for many; the rest are asked again when hovered again).
const (
	hoverHintEntries  = 512
	hoverHintsPending = 4
)

// hoverHints holds the hovers' timing estimates by file text, offset and
// configuration: finished, or running in the background.
type hoverHints struct {
	seed    maphash.Seed
	mu      sync.Mutex
	byKey   map[hoverHintKey]*hoverHint
	pending int
	run     chan struct{} // one estimate runs at a time
}

type hoverHintKey struct {
	text   uint64 // hash of the file's text
	offset int
	cfg    *config.Config
}

// hoverHint is one estimate; its fields are written before done is closed.
type hoverHint struct {
	done       chan struct{}
	markdown   string
	start, end int
	ok         bool
}

func newHoverHints() *hoverHints {
	return &hoverHints{seed: maphash.MakeSeed(), byKey: map[hoverHintKey]*hoverHint{}, run: make(chan struct{}, 1)}
}

// timingHint returns the estimate for the hover at offset if it is ready
// within the hover's wait, starting it in the background the first time.
func (s *Server) timingHint(ctx context.Context, file *analysis.File, offset int, cfg *config.Config) (string, int, int, bool) {
	h := s.hoverHints
	key := hoverHintKey{text: maphash.Bytes(h.seed, file.Src), offset: offset, cfg: cfg}
	h.mu.Lock()
	hint := h.byKey[key]
	if hint == nil {
		if h.pending >= hoverHintsPending {
			h.mu.Unlock()
			return "", 0, 0, false
		}
		if len(h.byKey) >= hoverHintEntries {
			clear(h.byKey)
		}
		hint = &hoverHint{done: make(chan struct{})}
		h.byKey[key] = hint
		h.pending++
		estimate := s.opts.TimingHints
		s.goSafe("hover timing estimate", func() {
			defer func() {
				h.mu.Lock()
				h.pending--
				h.mu.Unlock()
				close(hint.done)
			}()
			select {
			case h.run <- struct{}{}:
				defer func() { <-h.run }()
			case <-s.ctx.Done():
				return
			}
			// The session's context, not the hover's: an estimate outlives
			// the hover that asked for it; its budget bounds it.
			hint.markdown, hint.start, hint.end, hint.ok = estimate(s.ctx, file, offset, cfg)
		})
	}
	h.mu.Unlock()
	wait := s.opts.HoverWait
	if wait <= 0 {
		wait = defaultHoverWait
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-hint.done:
		return hint.markdown, hint.start, hint.end, hint.ok
	case <-timer.C:
	case <-ctx.Done():
	}
	return "", 0, 0, false
}
