package rules

import (
	"context"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/internal/seconds"
)

// Simulator is what the rules that simulate (ASL401, ASL402, and the
// delay the blocking rules add to their messages) need from asyncls's
// event-loop simulator: how long code takes when asyncio runs it. rules
// does not import the simulator: loopsim/pyfront implements this interface
// (pyfront.Estimator), and config puts one, built from [tool.asyncls]
// (latency, executor-workers, blocking-calls), in every Options it makes.
//
// With no Simulator in the Options, the rules that simulate report nothing
// and CheckRun returns complete = false (the findings the simulator would
// add are missing); the other rules are unaffected.
type Simulator interface {
	// EstimateRegion simulates the async function fn (a function_definition
	// node of f) on its own and returns how long the statements starting in
	// bytes [start, end) of its body take. Loops and collections whose
	// length cannot be known run unknownLoops times. The simulation stops
	// when ctx is done (Estimate.Cancelled).
	EstimateRegion(ctx context.Context, f *analysis.File, fn *analysis.Node, start, end, unknownLoops int) (Estimate, error)
	// HasEntry reports whether f has an entry point SimulateEntry can run
	// (cheap: no simulation).
	HasEntry(f *analysis.File) bool
	// SimulateEntry simulates f's entry point (the coroutine passed to
	// asyncio.run() under `if __name__ == "__main__":`, else main) and
	// returns the blocking calls that held the loop.
	SimulateEntry(ctx context.Context, f *analysis.File, unknownLoops int) (EntryRun, error)
	// KnowsLatency reports whether awaiting a call of the qualified name
	// takes simulated time (a built-in or configured latency); awaits of
	// other library calls are instantaneous to the simulator.
	KnowsLatency(qualifiedName string) bool
	// Fingerprint identifies the settings the estimates depend on
	// (latencies, executor size, blocking calls), so that results cached
	// under other settings are not reused.
	Fingerprint() string
}

// Estimate is the simulated duration of a region of a function.
type Estimate struct {
	// Seconds is the wall time from entering the region to leaving it,
	// summed over its runs (inside loops).
	Seconds float64
	// Complete is true when the region ran and the simulation finished
	// within its budgets; otherwise Seconds means nothing.
	Complete bool
	// Cancelled is true when the simulation stopped because its context was
	// done: the outcome depends on the moment and is not cached.
	Cancelled bool
	// Exhausted is true when the simulation ended on one of its budgets
	// (steps, tasks, values, its own time), not on the context: the
	// function's run does not finish, whichever of its regions is timed.
	Exhausted bool
	// Assumed lists what the simulation had to assume, in the order it did.
	Assumed []Assumption
}

// Assumption is a kind of assumption a simulation made, for the message.
type Assumption int

const (
	AssumedLoopCount      Assumption = iota + 1 // a loop or collection of unknown length ran unknownLoops times
	AssumedDefaultLatency                       // an operation took the simulator's built-in latency
	AssumedOther                                // anything else
)

// EntryRun is the simulation of a module's entry point.
type EntryRun struct {
	Entry     string // the entry point as the message names it: "main()"
	Blocks    []BlockingEvent
	Cancelled bool // see Estimate.Cancelled
}

// BlockingEvent is one run of a blocking call that held the event loop.
type BlockingEvent struct {
	Offset   int     // byte offset of the call in the file
	Duration float64 // seconds it held the loop
	// Delayed is how many other callbacks (woken tasks, due timers) became
	// ready during the call; MaxDelay is the longest any of them waited.
	Delayed  int
	MaxDelay float64
	// DefaultDuration is true when the duration is the simulator's built-in
	// default for the call.
	DefaultDuration bool
}

// approxSeconds formats a simulated duration for a message, as the
// simulator's own output does: "12.3 s", "0.25 s", "40 ms".
func approxSeconds(s float64) string { return seconds.Format(s) }
