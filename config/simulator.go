package config

import (
	"time"

	"github.com/asyncls/asyncls/loopsim"
	"github.com/asyncls/asyncls/loopsim/pyfront"
	"github.com/asyncls/asyncls/rules"
)

// Simulator returns the event-loop simulator's settings from the
// configuration: latency overrides, the blocking calls the rules know plus
// the configured ones, and the default executor's size. One place, so
// `asyncls simulate`, hover hints and ASL401 estimate alike.
func (c *Config) Simulator() (loopsim.Config, error) {
	latency, err := pyfront.LatencyFromStrings(c.Latency)
	if err != nil {
		// Only for a Config built in code: Parse refuses bad entries.
		return loopsim.Config{}, &Error{Path: c.Path, Msg: "latency: " + err.Error()}
	}
	sim := loopsim.Config{Latency: latency, Blocking: rules.BlockingCallNames(c.BlockingCalls)}
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
