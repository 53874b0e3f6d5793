package server

import (
	"context"
	"hash/maphash"
	"sync"
	"sync/atomic"
	"time"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/loopsim/pyfront"
)

// defaultHoverWait is how long a hover waits for its timing estimate. Most
// estimates take well under a millisecond; one that takes longer (up to
// hoverSimulationBudget) finishes in the background and the next hover at
// the same place shows it, so a hover answers within the 5 ms of issue 11
// instead of holding the editor for the whole budget. Estimates run one at
// a time: a hover whose estimate is queued behind another does not wait.
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

// hoverHintKey: one estimate per place (pyfront.PlaceAt: a coroutine
// hovered on its name, or a statement), not per offset: the cursor moving
// within one statement asks for the same simulation.
type hoverHintKey struct {
	text     uint64 // hash of the file's text
	place    uint32 // the place's node start
	function bool
	cfg      *config.Config
	// project is the workspace's generation of project snapshots: the
	// estimate follows the file's imports into its project's modules.
	project uint64
}

// hoverHint is one estimate; its fields are written before done is closed.
type hoverHint struct {
	done     chan struct{}
	running  atomic.Bool // it holds run: waiting for it may pay off
	markdown string
	ok       bool
}

func newHoverHints() *hoverHints {
	return &hoverHints{seed: maphash.MakeSeed(), byKey: map[hoverHintKey]*hoverHint{}, run: make(chan struct{}, 1)}
}

// timingHint returns the estimate for the hover at offset if it is ready
// within the hover's wait, starting it in the background the first time.
func (s *Server) timingHint(ctx context.Context, file *analysis.File, project *analysis.Project, gen uint64, offset int, cfg *config.Config) (string, int, int, bool) {
	h := s.hoverHints
	place, ok := pyfront.PlaceAt(file, offset)
	if !ok {
		return "", 0, 0, false
	}
	key := hoverHintKey{text: maphash.Bytes(h.seed, file.Src), place: place.Node.Start, function: place.Function, cfg: cfg, project: gen}
	// The estimate covers the place; the range shown is the construct at
	// this offset (another offset of the place may have started it).
	answer := func(hint *hoverHint) (string, int, int, bool) {
		if !hint.ok {
			return "", 0, 0, false
		}
		return hint.markdown, place.Start, place.End, true
	}
	h.mu.Lock()
	hint := h.byKey[key]
	// The hover waits for an estimate that runs or starts now, not for one
	// queued behind another (which may take the whole budget): waiting
	// then only delays the answer, and the next hover here shows it.
	wait := hint != nil && hint.running.Load()
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
		wait = h.pending == 0 // none running or queued: it starts now
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
				hint.running.Store(true)
				defer func() { <-h.run }()
			case <-s.ctx.Done():
				return
			}
			// The session's context, not the hover's: an estimate outlives
			// the hover that asked for it; its budget bounds it.
			hint.markdown, _, _, hint.ok = estimate(s.ctx, file, project, offset, cfg)
		})
	}
	h.mu.Unlock()
	select {
	case <-hint.done:
		return answer(hint)
	default:
	}
	if !wait {
		return "", 0, 0, false
	}
	d := s.opts.HoverWait
	if d <= 0 {
		d = defaultHoverWait
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-hint.done:
		return answer(hint)
	case <-timer.C:
	case <-ctx.Done():
	}
	return "", 0, 0, false
}
