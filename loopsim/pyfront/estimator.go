package pyfront

import (
	"context"
	"crypto/sha256"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/loopsim"
	"github.com/asyncls/asyncls/rules"
)

// Estimator is the simulator as the rules see it (rules.Simulator):
// ASL401's estimates of regions of a function and ASL402's run of the
// entry point, within the budgets a lint can afford.
type Estimator struct {
	cfg         loopsim.Config
	fingerprint string
}

var _ rules.Simulator = (*Estimator)(nil)

// NewEstimator returns the rules' simulator with cfg's latencies, default
// executor size and blocking calls (config.Simulator builds cfg from
// [tool.asyncls]). Its budgets are a lint's, whatever cfg says: a single
// lint must stay fast even on pathological input, so budgets that a
// simulation uses up in tens of milliseconds, and two seconds of real time
// as a backstop (generous, so that a loaded machine does not change the
// findings). simulation-budget is for `asyncls simulate` and hover hints.
func NewEstimator(cfg loopsim.Config) *Estimator {
	cfg.MaxSteps = 300_000
	cfg.MaxTasks = 10_000
	cfg.MaxValueSize = 100_000
	cfg.MaxAllocated = 2_000_000
	cfg.MaxWallTime = 2 * time.Second
	cfg.MaxSimTime = 3600
	cfg.Context = nil
	return &Estimator{cfg: cfg, fingerprint: fingerprint(cfg)}
}

// fingerprint digests what of cfg changes an estimate.
func fingerprint(cfg loopsim.Config) string {
	h := sha256.New()
	writeTable := func(name string, m map[string]float64) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Fprintf(h, "%s:%d\x00", name, len(keys))
		for _, k := range keys {
			fmt.Fprintf(h, "%s=%g\x00", k, m[k])
		}
	}
	writeTable("latency", cfg.Latency)
	writeTable("blocking", cfg.Blocking)
	fmt.Fprintf(h, "workers=%d", cfg.DefaultWorkers)
	return fmt.Sprintf("%x", h.Sum(nil))
}

// options are the simulator's for one run; the rules read no task's
// timeline, and what a region takes needs no list of blocking calls.
func (e *Estimator) options(ctx context.Context, unknownLoops int, needBlocks bool) Options {
	cfg := e.cfg
	cfg.UnknownLoopCount = unknownLoops
	cfg.SkipSpans, cfg.SkipBlocks = true, !needBlocks
	cfg.Context = ctx
	if cfg.Context == nil {
		cfg.Context = context.Background()
	}
	return Options{Config: cfg}
}

// EndlessLoopRuns is loopsim.Config.EndlessLoopRuns for the estimates
// that are worth something only when the run finishes (ASL401's regions,
// a hover's): a loop that only an exception can leave runs this many
// times without progress, not until the step budget is spent (300,000
// steps, ~0.2 s each of electrum's and aiorpcx's receive loops).
const EndlessLoopRuns = 8

// EstimateRegion implements rules.Simulator with EstimateRegion. The run
// stops at a loop that cannot end (EndlessLoopRuns): ASL401 takes only
// estimates of runs that finish. (SimulateEntry's does not: ASL402 counts
// what a blocking call does over the whole run.)
func (e *Estimator) EstimateRegion(ctx context.Context, f *analysis.File, fn *analysis.Node, start, end, unknownLoops int) (rules.Estimate, error) {
	opts := e.options(ctx, unknownLoops, false)
	opts.Config.EndlessLoopRuns = EndlessLoopRuns
	r, ok, err := EstimateRegion(f, fn, start, end, opts)
	var out rules.Estimate
	if r.Result != nil {
		out.Cancelled = r.Result.Budget == loopsim.BudgetCancelled
		out.Exhausted = r.Result.Budget != "" && !out.Cancelled
		out.Complete = ok && err == nil && r.Result.Finished
		out.Assumed = assumptionKinds(r.Result.Assumptions)
	}
	out.Seconds = r.ConcurrentS
	return out, err
}

// assumptionKinds classifies what a simulation assumed, in order.
func assumptionKinds(in []loopsim.Assumption) []rules.Assumption {
	out := make([]rules.Assumption, 0, len(in))
	for _, a := range in {
		switch {
		case strings.Contains(a.Text, "number of items"), strings.Contains(a.Text, "number of iterations"):
			out = append(out, rules.AssumedLoopCount)
		case strings.Contains(a.Text, "built-in default"):
			out = append(out, rules.AssumedDefaultLatency)
		default:
			out = append(out, rules.AssumedOther)
		}
	}
	return out
}

// HasEntry implements rules.Simulator with FindEntry, for files that
// define a coroutine function: the rules simulate one file, and one without
// an `async def` has no task of its own for a blocking call to delay (a
// plain `main()` of a synchronous tool, netdisco's discovery loops, would
// only spend the step budget).
func (e *Estimator) HasEntry(f *analysis.File) bool {
	if !definesCoroutine(f) {
		return false
	}
	_, err := FindEntry(f, "")
	return err == nil
}

// definesCoroutine reports an `async def` anywhere in f.
func definesCoroutine(f *analysis.File) bool {
	found := false
	f.Root.Walk(func(n *analysis.Node) bool {
		if found {
			return false
		}
		if n.Type() == "function_definition" && n.HasToken("async") {
			found = true
		}
		return !found
	})
	return found
}

// SimulateEntry implements rules.Simulator with Simulate.
func (e *Estimator) SimulateEntry(ctx context.Context, f *analysis.File, unknownLoops int) (rules.EntryRun, error) {
	res, err := Simulate(f, e.options(ctx, unknownLoops, true))
	if err != nil {
		return rules.EntryRun{}, err
	}
	if res == nil {
		return rules.EntryRun{}, fmt.Errorf("%s: no simulation", f.Path)
	}
	out := rules.EntryRun{Entry: res.Entry, Cancelled: res.Budget == loopsim.BudgetCancelled}
	var defaults []string // assumptions of a call's built-in duration
	for _, as := range res.Assumptions {
		if strings.Contains(as.Text, "built-in default") {
			defaults = append(defaults, as.Text)
		}
	}
	for _, b := range res.Blocks {
		ev := rules.BlockingEvent{Offset: b.Offset, Duration: b.Duration, Delayed: b.Delayed, MaxDelay: b.MaxDelay}
		for _, text := range defaults {
			if strings.Contains(text, b.Label) {
				ev.DefaultDuration = true
			}
		}
		out.Blocks = append(out.Blocks, ev)
	}
	return out, nil
}

// KnowsLatency implements rules.Simulator with loopsim.HasAwaitLatency.
func (e *Estimator) KnowsLatency(name string) bool {
	return loopsim.HasAwaitLatency(e.cfg.Latency, name)
}

// Fingerprint implements rules.Simulator.
func (e *Estimator) Fingerprint() string { return e.fingerprint }
