package server

import (
	"context"
	"testing"
	"time"
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
