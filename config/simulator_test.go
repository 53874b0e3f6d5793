package config

import (
	"strings"
	"testing"
)

// TestBlockingCallsWithSuggestionReachTheSimulator: a `blocking-calls` entry
// with `-> suggestion` is blocking for the simulator under its name alone
// (the suggestion was kept in the key, so the call never matched).
func TestBlockingCallsWithSuggestionReachTheSimulator(t *testing.T) {
	table := blockingTable([]string{"app.db.fetch -> app.db.afetch", "app.io.read"})
	for _, name := range []string{"app.db.fetch", "app.io.read"} {
		if _, ok := table[name]; !ok {
			t.Errorf("%s not in the simulator's blocking table: %v", name, table)
		}
	}
	for name := range table {
		if strings.Contains(name, "->") {
			t.Errorf("a suggestion kept in the simulator's key: %q", name)
		}
	}
}
