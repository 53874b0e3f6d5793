package analysis

import (
	"fmt"
	"strings"
	"testing"
)

// helperChain is a module whose coroutine awaits the last of levels
// synchronous helpers, each returning the previous one's call on returns
// paths; the first returns asyncio.create_subprocess_exec(...).
func helperChain(levels, returns int) string {
	var b strings.Builder
	b.WriteString("import asyncio\n\ndef h0(x):\n    return asyncio.create_subprocess_exec('a')\n\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "def h%d(x):\n", i)
		for r := 0; r < returns-1; r++ {
			fmt.Fprintf(&b, "    if x == %d:\n        return h%d(x + %d)\n", r, i-1, r)
		}
		fmt.Fprintf(&b, "    return h%d(x)\n\n", i-1)
	}
	fmt.Fprintf(&b, "async def main():\n    p = await h%d(1)\n    return p\n", levels)
	return b.String()
}

// TestAwaitedReturnChainLinear: awaiting a chain of synchronous helpers
// with several returns each works each helper out once per depth, not once
// per path (exponential before: 8 returns, 7 helpers: 2.3 s).
func TestAwaitedReturnChainLinear(t *testing.T) {
	const levels, returns = 7, 8
	steps := 0
	awaitedReturnSteps = func() { steps++ }
	defer func() { awaitedReturnSteps = nil }()
	m := build(t, helperChain(levels, returns))
	var b *Binding
	for _, f := range m.Functions {
		if f.Name == "main" {
			b = f.Scope.Bindings.Get("p")
		}
	}
	if b == nil {
		t.Fatal("no binding p in main")
	}
	if got := m.resolveBinding(b, 0); got.Name != "asyncio.subprocess.Process" {
		t.Errorf("p = %+v, want asyncio.subprocess.Process", got)
	}
	// Each helper once per depth it is asked at (one here), whatever the
	// number of its returns; the build and the question above ask twice.
	if limit := 4 * (levels + 1); steps > limit {
		t.Errorf("awaitedReturn worked out %d answers, want at most %d", steps, limit)
	}
}

// BenchmarkAwaitedReturnChain builds a module awaiting a chain of helpers.
func BenchmarkAwaitedReturnChain(b *testing.B) {
	src := []byte(helperChain(7, 8))
	for i := 0; i < b.N; i++ {
		f := Parse("pkg/mod.py", src)
		BuildModule(f, "pkg.mod", false)
	}
}
