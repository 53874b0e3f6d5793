package config

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/asyncls/asyncls/loopsim"
	"github.com/asyncls/asyncls/loopsim/pyfront"
	"github.com/asyncls/asyncls/rules"
)

// Simulator returns the event-loop simulator's settings from the
// configuration: latency overrides, the blocking calls the rules know plus
// the configured ones, and the default executor's size. One place, so
// `asyncls simulate`, hover hints and ASL401/ASL402 (through Estimator)
// estimate alike.
func (c *Config) Simulator() (loopsim.Config, error) {
	latency, err := pyfront.LatencyFromStrings(c.Latency)
	if err != nil {
		// Only for a Config built in code: Parse refuses bad entries.
		return loopsim.Config{}, &Error{Path: c.Path, Msg: "latency: " + err.Error()}
	}
	sim := loopsim.Config{Latency: latency, Blocking: blockingTable(c.BlockingCalls)}
	if c.ExecutorWorkers != nil {
		sim.DefaultWorkers = *c.ExecutorWorkers
	}
	if b := c.SimulationBudget; b != nil {
		if b.Steps != nil {
			sim.MaxSteps = *b.Steps
		}
		if b.Tasks != nil {
			sim.MaxTasks = *b.Tasks
		}
		if b.ValueSize != nil {
			sim.MaxValueSize = *b.ValueSize
		}
		if b.Allocations != nil {
			sim.MaxAllocated = *b.Allocations
		}
		if b.Time != nil {
			d, _ := pyfront.ParseDuration(*b.Time) // checked by Validate
			sim.MaxWallTime = time.Duration(d * float64(time.Second))
		}
	}
	return sim, nil
}

// blockingTable is loopsim's Config.Blocking: the calls the rules know as
// blocking and the configured ones; durations the simulator knows by
// default are kept, the others are unknown (-1).
func blockingTable(extra []string) map[string]float64 {
	if len(extra) == 0 {
		// The same for every file without blocking-calls: built once
		// (the simulator only reads it).
		defaultBlockingOnce.Do(func() { defaultBlocking = buildBlockingTable(nil) })
		return defaultBlocking
	}
	return buildBlockingTable(extra)
}

var (
	defaultBlockingOnce sync.Once
	defaultBlocking     map[string]float64
)

func buildBlockingTable(extra []string) map[string]float64 {
	out := map[string]float64{}
	for _, name := range rules.BlockingCallNames(extra) {
		if _, known := loopsim.DefaultBlocking[name]; !known {
			out[name] = -1
		}
	}
	return out
}

// Estimator returns the simulator the rules that simulate ask
// (rules.Options.Simulator), with the configuration's simulator settings.
// Options puts it in every rules.Options; it is built once per distinct
// settings, since Options is called for every file.
func (c *Config) Estimator() rules.Simulator {
	key := c.simulatorKey()
	estimatorsMu.Lock()
	defer estimatorsMu.Unlock()
	if e, ok := estimators[key]; ok {
		return e
	}
	sim, err := c.Simulator()
	if err != nil {
		// Only for a Config built in code with bad latencies: Parse refuses
		// them. The defaults stand in for them, as they do for hover hints.
		sim, _ = Default().Simulator()
	}
	if len(estimators) >= maxEstimators {
		estimators = map[string]*pyfront.Estimator{}
	}
	e := pyfront.NewEstimator(sim)
	estimators[key] = e
	return e
}

// maxEstimators bounds the estimators kept: a long-running server sees a
// new configuration on each settings change.
const maxEstimators = 64

var (
	estimatorsMu sync.Mutex
	estimators   = map[string]*pyfront.Estimator{}
)

// simulatorKey is what of c the rules' simulator depends on.
func (c *Config) simulatorKey() string {
	var b strings.Builder
	keys := make([]string, 0, len(c.Latency))
	for k := range c.Latency {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "%q=%q;", k, c.Latency[k])
	}
	if c.ExecutorWorkers != nil {
		fmt.Fprintf(&b, "\x00workers=%d", *c.ExecutorWorkers)
	}
	fmt.Fprintf(&b, "\x00blocking=%q", c.BlockingCalls)
	return b.String()
}
