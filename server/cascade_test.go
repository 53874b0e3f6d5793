package server

import (
	"context"
	"testing"
	"time"

	"github.com/asyncls/asyncls/analysis"
)

// TestCancelledAnalysisHandsOnItsCascade: an analysis that took the duty to
// re-analyse the dependents (a change of its document) and is cancelled by a
// newer schedule that asks for none (a cascade from another document, an
// index refresh) hands the duty to the next analysis; before, the change's
// dependents kept findings from the old version (seen as a rare 60 s
// timeout of TestEditReanalysesIndirectDependents under load).
func TestCancelledAnalysisHandsOnItsCascade(t *testing.T) {
	s := &Server{ctx: context.Background()}
	d := &document{}
	cancelled := false
	d.runningCascade = true
	d.cancelAnalysis = func() { cancelled = true }
	s.schedule(d, time.Hour, false)
	d.timer.Stop()
	if !cancelled {
		t.Fatal("the running analysis was not cancelled")
	}
	if !d.cascade {
		t.Error("the cancelled analysis's cascade was lost: the next analysis will not re-analyse the dependents")
	}

	// An analysis that has already re-analysed its dependents hands nothing on.
	d = &document{cancelAnalysis: func() {}}
	s.schedule(d, time.Hour, false)
	d.timer.Stop()
	if d.cascade {
		t.Error("a cascade appeared from nowhere")
	}
}

// TestStaleAnalysisKeepsNewerCascade: an analysis cancelled after its last
// check hands its cascade over after the newer analysis (which took the
// cascade on) did; the newer module stays the one the dependents are
// compared with, or the newer edit's dependents are never re-analysed.
func TestStaleAnalysisKeepsNewerCascade(t *testing.T) {
	s := &Server{ctx: context.Background()}
	d := &document{cascaded: true} // opened and analysed before: its cascades wait for a pause
	older, newer := &analysis.Module{Name: "older"}, &analysis.Module{Name: "newer"}
	d.analysisSeq.Store(2)
	s.handCascade(d, 2, newer, nil)
	// A third analysis started, with a cascade of its own.
	d.analysisSeq.Store(3)
	d.runningCascade = true
	s.handCascade(d, 1, older, nil)
	d.cascadeTimer.Stop()
	if d.cascadeModule != newer {
		t.Fatalf("the pending cascade is of %q, want the newer analysis's module", d.cascadeModule.Name)
	}
	if !d.runningCascade {
		t.Error("the stale analysis cleared the running analysis's cascade: cancelled, it would not hand it on")
	}
	// In order, each hands over its own.
	s.handCascade(d, 3, older, nil)
	if d.runningCascade {
		t.Error("the latest analysis still holds its cascade after handing it over")
	}
	d.cascadeTimer.Stop()
	if d.cascadeModule != older {
		t.Fatal("a newer analysis's module was not handed over")
	}
}
