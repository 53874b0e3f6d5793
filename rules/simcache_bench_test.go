package rules_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/rules"
)

// asyncHeavy concatenates testdata/loopsim's programs to about 3,000 lines,
// as bench/server's async-heavy file.
func asyncHeavy(b *testing.B) []byte {
	paths, _ := filepath.Glob("../testdata/loopsim/*.py")
	sort.Strings(paths)
	var out []byte
	lines := 0
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		n := strings.Count(string(src), "\n")
		if lines+n > 3000 {
			break
		}
		out = append(append(out, src...), '\n')
		lines += n + 1
	}
	return out
}

// BenchmarkCheckAsyncHeavy compares, on the async-heavy file, Check (every
// simulation), the language server's quick phase from a warm cache, and
// Check without the rules that simulate.
func BenchmarkCheckAsyncHeavy(b *testing.B) {
	src := asyncHeavy(b)
	m, p := moduleOf("heavy.py", src)
	opts := rules.DefaultOptions()
	opts.Simulator = config.Default().Estimator()
	noSim := &rules.Options{Enabled: map[string]bool{}}
	for code, on := range opts.Enabled {
		if r := rules.Lookup(code); on && !r.Simulates {
			noSim.Enabled[code] = true
		}
	}
	b.Run("check", func(b *testing.B) {
		for range b.N {
			rules.Check(m, p, opts)
		}
	})
	b.Run("quick-warm-cache", func(b *testing.B) {
		cache := rules.NewSimulationCache(10000)
		rules.CheckRun(m, p, opts, rules.Run{Simulations: cache})
		b.ResetTimer()
		for range b.N {
			if _, complete := rules.CheckRun(m, p, opts, rules.Run{Phase: rules.QuickRules, Simulations: cache}); !complete {
				b.Fatal("incomplete from a warm cache")
			}
		}
	})
	b.Run("without-simulator-rules", func(b *testing.B) {
		for range b.N {
			rules.Check(m, p, noSim)
		}
	})
}
