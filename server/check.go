package server

import (
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/rules"
)

// ruleCosts remembers how long each rule took last time, so the slowest
// rules start first and the others fill the remaining cores.
var ruleCosts sync.Map // code -> time.Duration

// checkModule returns exactly what rules.Check(m, p, opts) returns, in the
// same order, but runs the rules on all cores: a keystroke's latency is
// then bounded by the slowest rule rather than the sum of all of them. Each
// rule runs through rules.Check itself (with only that rule enabled), so
// noqa handling and severities are the ones `asyncls check` applies.
func checkModule(m *analysis.Module, p *analysis.Project, opts *rules.Options) []rules.Diagnostic {
	if opts == nil {
		opts = rules.DefaultOptions()
	}
	workers := runtime.GOMAXPROCS(0)
	var codes []string
	rank := map[string]int{rules.SyntaxErrorCode: -1}
	for i, r := range rules.All() {
		rank[r.Code] = i
		if opts.Enabled[r.Code] {
			codes = append(codes, r.Code)
		}
	}
	if workers < 2 || len(codes) < 2 {
		return rules.Check(m, p, opts)
	}
	// Task 0 reports only the syntax errors (rules.Check always does);
	// task i+1 runs codes[i].
	results := make([][]rules.Diagnostic, len(codes)+1)
	order := make([]int, len(codes)+1)
	for i := range order {
		order[i] = i
	}
	cost := func(task int) time.Duration {
		if task == 0 {
			return 0
		}
		if c, ok := ruleCosts.Load(codes[task-1]); ok {
			return c.(time.Duration)
		}
		return 0
	}
	sort.SliceStable(order, func(i, j int) bool { return cost(order[i]) > cost(order[j]) })
	tasks := make(chan int, len(order))
	for _, t := range order {
		tasks <- t
	}
	close(tasks)
	var wg sync.WaitGroup
	var panicked any
	var panicOnce sync.Once
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					panicOnce.Do(func() { panicked = r })
				}
			}()
			for t := range tasks {
				one := *opts
				one.Enabled = map[string]bool{}
				if t > 0 {
					one.Enabled[codes[t-1]] = true
				}
				start := time.Now()
				diags := rules.Check(m, p, &one)
				if t > 0 {
					ruleCosts.Store(codes[t-1], time.Since(start))
					kept := diags[:0]
					for _, d := range diags {
						if d.Code != rules.SyntaxErrorCode {
							kept = append(kept, d)
						}
					}
					diags = kept
				}
				results[t] = diags
			}
		}()
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked) // the caller recovers and logs it, as for rules.Check
	}
	var out []rules.Diagnostic
	for _, r := range results {
		out = append(out, r...)
	}
	// rules.Check's order: by start, then by code (syntax errors first,
	// then the registry's order); findings of one rule keep their order.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.StartByte != b.StartByte {
			return a.StartByte < b.StartByte
		}
		return rank[a.Code] < rank[b.Code]
	})
	return out
}
