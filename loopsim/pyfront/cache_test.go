package pyfront

import (
	"sync"
	"testing"

	"github.com/asyncls/asyncls/analysis"
)

// TestSharedTranslationConcurrent estimates regions of one file from several
// goroutines, all reading the one cached translation; run under -race.
func TestSharedTranslationConcurrent(t *testing.T) {
	src := []byte(`import asyncio

async def fetch(n):
    await asyncio.sleep(0.01 * n)
    return n

async def main():
    a = await fetch(1)
    b = await fetch(2)
    await asyncio.gather(fetch(3), fetch(4))
    return a + b
`)
	f := analysis.Parse("x.py", src)
	var fn *analysis.Node
	f.Root.Walk(func(n *analysis.Node) bool {
		if n.Type() == "function_definition" && f.Text(n.ChildByField("name")) == "main" {
			fn = n
		}
		return true
	})
	stmts := fn.ChildByField("body").NamedChildren()
	// The region stops before the return (its end mark must be reached).
	start, end := int(stmts[0].Start), int(stmts[len(stmts)-2].End)
	want, ok, err := EstimateRegion(f, fn, start, end, Options{})
	if err != nil || !ok {
		t.Fatalf("estimate: %v %v", ok, err)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				got, ok, err := EstimateRegion(f, fn, start, end, Options{})
				if err != nil || !ok || got.ConcurrentS != want.ConcurrentS {
					t.Errorf("concurrent estimate %v (ok=%v, err=%v), want %v", got.ConcurrentS, ok, err, want.ConcurrentS)
					return
				}
				if _, err := EstimateFunction(f, fn, Options{}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if want.ConcurrentS < 0.069 || want.ConcurrentS > 0.071 {
		t.Errorf("main takes %.3f s, want 0.07 (0.01 + 0.02 + max(0.03, 0.04))", want.ConcurrentS)
	}
}
