package config

import (
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
		return loopsim.Config{}, &Error{Path: c.Path, Msg: "latency: " + err.Error()}
	}
	sim := loopsim.Config{Latency: latency, Blocking: rules.BlockingCallNames(c.BlockingCalls)}
	if c.ExecutorWorkers != nil {
		sim.DefaultWorkers = *c.ExecutorWorkers
	}
	return sim, nil
}
