package pyfront

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/loopsim"
)

// endlessConfig is limitsConfig with the stop at loops that cannot end on
// (as the rules' estimates and hovers have it) or off.
func endlessConfig(on bool) loopsim.Config {
	cfg := limitsConfig()
	if on {
		cfg.EndlessLoopRuns = EndlessLoopRuns
	}
	return cfg
}

// regionIn times the statement of fn that starts with stmt (a region
// inside its loop), as ASL401 and a hover do.
func regionIn(t *testing.T, src, fn, stmt string, on bool) Region {
	t.Helper()
	f := analysis.Parse("endless.py", []byte(src))
	node := FunctionNamed(f, fn)
	if node == nil {
		t.Fatalf("no function %s", fn)
	}
	at := strings.Index(src, stmt)
	if at < 0 {
		t.Fatalf("no %q", stmt)
	}
	r, _, err := EstimateRegion(f, node, at, at+1, Options{Config: endlessConfig(on)})
	if err != nil || r.Result == nil {
		t.Fatalf("%s: %v", fn, err)
	}
	return r
}

// TestEndlessLoopStopsEarly: a coroutine whose loop only an exception can
// leave, and which nothing else can end, is simulated for a few runs of
// its loop (Region.Runs counts them), not until the step budget or the
// simulated-time limit is reached, and ends as it did: without a total (on
// a budget, now BudgetEndless).
func TestEndlessLoopStopsEarly(t *testing.T) {
	cases := []struct{ name, src, fn, stmt string }{
		{"receive loop", `import asyncio

async def serve(queue):
    await asyncio.sleep(0.1)
    while True:
        item = await queue.get()
        await asyncio.sleep(0.1)
`, "serve", "item = await"},
		{"busy loop, no time passes", `async def spin(recv, handle):
    while 1:
        message = await recv()
        await handle(message)
`, "spin", "await handle"},
		{"behind a condition", `import asyncio

async def sync_with(tower):
    if tower:
        while True:
            for chan in tower.channels():
                await tower.sync(chan)
            await asyncio.sleep(5)
`, "sync_with", "await asyncio.sleep(5)"},
		{"in a coroutine it awaits", `import asyncio

async def pump(state):
    while True:
        state.last = await state.read()
        await asyncio.sleep(0.01)

async def run(state):
    await asyncio.sleep(0.5)
    await pump(state)
`, "run", "await asyncio.sleep(0.5)"},
		{"a timestamp kept is no progress", `import asyncio, time

async def keep_alive(conn):
    while True:
        conn.last_seen = time.time()
        await asyncio.sleep(1)
`, "keep_alive", "await asyncio.sleep(1)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			off := regionIn(t, c.src, c.fn, c.stmt, false)
			if off.Result.Finished {
				t.Fatalf("without the stop: finished; want a budget or the simulated-time limit reached")
			}
			on := regionIn(t, c.src, c.fn, c.stmt, true)
			if on.Result.Budget != loopsim.BudgetEndless || on.Result.Finished {
				t.Fatalf("budget %q (%s), finished %v; want %q", on.Result.Budget, on.Result.Problem, on.Result.Finished, loopsim.BudgetEndless)
			}
			if !strings.Contains(on.Result.Problem, "it does not end: the loop at line ") {
				t.Errorf("problem %q", on.Result.Problem)
			}
			// A statement before the loop runs once either way; one in the
			// loop runs a few times, not until a budget is spent.
			if on.Runs > EndlessLoopRuns+1 || on.Runs > off.Runs {
				t.Errorf("the region ran %d times with the stop (%d without); want at most %d", on.Runs, off.Runs, EndlessLoopRuns+1)
			}
		})
	}
}

// TestEndlessLoopKeepsWaysOut: loops without a break or return that do
// end (by an exception: a retry counter, a deadline on the clock, a
// timeout, another task's cancel, a list that fills up) and loops that
// can be left are simulated exactly as without the stop.
func TestEndlessLoopKeepsWaysOut(t *testing.T) {
	cases := []struct{ name, src string }{
		{"retry counter", `import asyncio

async def main():
    attempts = 0
    while True:
        attempts += 1
        await asyncio.sleep(0.1)
        if attempts > 40:
            raise ConnectionError("gave up")
`},
		{"elapsed time on the loop's clock", `import asyncio

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    while True:
        await asyncio.sleep(0.5)
        if loop.time() - start > 30:
            raise TimeoutError
`},
		{"deadline on time.monotonic", `import asyncio, time

async def main():
    deadline = time.monotonic() + 20
    while True:
        await asyncio.sleep(0.25)
        if time.monotonic() > deadline:
            raise TimeoutError
`},
		{"timeout scope", `import asyncio

async def main():
    try:
        async with asyncio.timeout(12):
            while True:
                await asyncio.sleep(0.1)
    except TimeoutError:
        pass
`},
		{"another task cancels it", `import asyncio

async def stop_later(task):
    await asyncio.sleep(7)
    task.cancel()

async def main():
    asyncio.create_task(stop_later(asyncio.current_task()))
    try:
        while True:
            await asyncio.sleep(0.05)
    except asyncio.CancelledError:
        pass
`},
		{"a list that fills up", `import asyncio

async def main():
    seen = []
    while True:
        seen.append(len(seen))
        await asyncio.sleep(0.01)
        if len(seen) >= 300:
            raise OverflowError
`},
		{"a global counter", `import asyncio

ticks = 0

async def main():
    global ticks
    while True:
        ticks += 1
        await asyncio.sleep(0.2)
        if ticks == 25:
            raise StopAsyncIteration
`},
		{"a generator's endless loop", `import asyncio

def numbers():
    n = 0
    while True:
        yield n
        n += 1

async def main():
    for n in numbers():
        await asyncio.sleep(0.1)
        if n == 30:
            break
`},
		{"a loop with a break", `import asyncio

async def main():
    n = 0
    while True:
        await asyncio.sleep(0.1)
        n += 1
        if n == 30:
            break
`},
		{"an endless helper task", `import asyncio

async def heartbeat():
    while True:
        await asyncio.sleep(0.1)

async def main():
    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(3)
    beat.cancel()
`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := analysis.Parse("ways_out.py", []byte(c.src))
			off, err := Simulate(f, Options{Config: endlessConfig(false)})
			if err != nil {
				t.Fatal(err)
			}
			if !off.Finished || off.Budget != "" {
				t.Fatalf("without the stop: finished %v, budget %q (%s); the case must end", off.Finished, off.Budget, off.Problem)
			}
			on, err := Simulate(f, Options{Config: endlessConfig(true)})
			if err != nil {
				t.Fatal(err)
			}
			if on.Finished != off.Finished || on.Budget != off.Budget || on.Outcome != off.Outcome ||
				on.ConcurrentS != off.ConcurrentS || on.SequentialS != off.SequentialS || on.Level != off.Level {
				t.Errorf("with the stop: finished %v %s %.6f/%.6f s %s budget %q (%s); without: finished %v %s %.6f/%.6f s %s",
					on.Finished, on.Outcome, on.ConcurrentS, on.SequentialS, on.Level, on.Budget, on.Problem,
					off.Finished, off.Outcome, off.ConcurrentS, off.SequentialS, off.Level)
			}
		})
	}
}

// TestEndlessStopLeavesGroundTruthAlone: every ground-truth program (they
// all finish) simulates to the same result with the stop as without it.
func TestEndlessStopLeavesGroundTruthAlone(t *testing.T) {
	for _, path := range groundTruthFiles(t) {
		off := simulateFile(t, path)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f := analysis.Parse(path, src)
		cfg := loopsim.Config{EndlessLoopRuns: EndlessLoopRuns}
		on, err := Simulate(f, Options{Config: cfg})
		if err != nil {
			t.Fatal(err)
		}
		if on.Finished != off.Finished || on.Budget != off.Budget || on.Outcome != off.Outcome ||
			on.ConcurrentS != off.ConcurrentS || on.SequentialS != off.SequentialS || len(on.Assumptions) != len(off.Assumptions) {
			t.Errorf("%s: with the stop finished %v %s %.6f s budget %q; without %v %s %.6f s", filepath.Base(path),
				on.Finished, on.Outcome, on.ConcurrentS, on.Budget, off.Finished, off.Outcome, off.ConcurrentS)
		}
	}
}

// TestHoverOnEndlessCoroutine: a hover says at once why a coroutine that
// cannot end has no total, and times a statement in its loop per run (a
// total over the runs simulated would depend on when the simulation
// stopped).
func TestHoverOnEndlessCoroutine(t *testing.T) {
	src := `import asyncio


async def serve(queue):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.1)
`
	f := analysis.Parse("serve.py", []byte(src))
	opts := Options{Config: endlessConfig(true)}
	hint, ok := EstimateAt(f, strings.Index(src, "serve("), opts)
	want := "timing unknown: it does not end: the loop at line 5 (in serve) has no break or return, and only an exception could end it"
	if !ok || !strings.HasPrefix(hint.Text, want) || hint.Confidence != "unknown" {
		t.Errorf("function hint %q (ok %v), want %q...", hint.Text, ok, want)
	}
	hint, ok = EstimateAt(f, strings.Index(src, "asyncio.sleep"), opts)
	want = "≈0.10 s concurrently · 0.10 s sequentially per run (the loop around it does not end; the mean of the "
	if !ok || !strings.HasPrefix(hint.Text, want) {
		t.Errorf("statement hint %q (ok %v), want %q...", hint.Text, ok, want)
	}
}

// TestEstimatorStopsEndlessRegions: the rules' estimates stop at a loop
// that cannot end (Exhausted, as when a budget ran out before), their
// entry-point runs (ASL402, which counts every blocking call of the run)
// do not.
func TestEstimatorStopsEndlessRegions(t *testing.T) {
	src := `import asyncio, time


async def serve(queue):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.1)


async def main():
    while True:
        time.sleep(0.01)
        await asyncio.sleep(0.1)


if __name__ == "__main__":
    asyncio.run(main())
`
	f := analysis.Parse("serve.py", []byte(src))
	e := NewEstimator(loopsim.Config{})
	at := strings.Index(src, "await asyncio.sleep(0.1)")
	est, err := e.EstimateRegion(context.Background(), f, FunctionNamed(f, "serve"), at, at+1, 3)
	if err != nil || !est.Exhausted || est.Complete {
		t.Errorf("region estimate %+v (%v), want exhausted", est, err)
	}
	run, err := e.SimulateEntry(context.Background(), f, 1)
	if err != nil {
		t.Fatal(err)
	}
	// Until the entry's budget: many more runs of the loop than the stop
	// allows.
	if len(run.Blocks) <= 10*EndlessLoopRuns {
		t.Errorf("the entry's run saw %d blocking calls, want it simulated until its budget", len(run.Blocks))
	}
}
