package pyfront

import (
	"math"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/loopsim"
)

const hoverSrc = `import asyncio
import aiohttp

DELAY = 0.2


async def fetch(session: aiohttp.ClientSession, url):
    async with session.get(url) as resp:
        return await resp.text()


async def step(d=DELAY):
    await asyncio.sleep(d)


class Service:
    async def run(self):
        await step(0.1)
        await asyncio.gather(step(), step(0.3))


async def crawl(session: aiohttp.ClientSession):
    a = await fetch(session, "a")
    b = await fetch(session, "b")
    return a, b
`

func at(t *testing.T, src, needle string, delta int) int {
	t.Helper()
	i := strings.Index(src, needle)
	if i < 0 {
		t.Fatalf("%q not in source", needle)
	}
	return i + delta
}

func TestEstimateAt(t *testing.T) {
	f := analysis.Parse("hover.py", []byte(hoverSrc))
	opts := Options{Config: loopsim.Config{IdealTimers: true}}
	cases := []struct {
		needle     string
		conc, seqS float64
		text       string
	}{
		{"step(d=", 0.2, 0.2, "≈0.20 s concurrently · 0.20 s sequentially"},
		{"gather(step()", 0.3, 0.5, "≈0.30 s concurrently · 0.50 s sequentially"},
		{"run(self)", 0.4, 0.6, ""},
		// aiohttp latency comes from the built-in table: 100 ms + 5 ms.
		{"crawl(session", 0.21, 0.21, ""},
		{"await fetch(session, \"b\")", 0.105, 0.105, ""},
	}
	for _, c := range cases {
		h, ok := EstimateAt(f, at(t, hoverSrc, c.needle, 1), opts)
		if !ok {
			t.Errorf("%s: no hint", c.needle)
			continue
		}
		if math.Abs(h.ConcurrentS-c.conc) > 1e-6 || math.Abs(h.SequentialS-c.seqS) > 1e-6 {
			t.Errorf("%s: %.3f/%.3f, want %.3f/%.3f", c.needle, h.ConcurrentS, h.SequentialS, c.conc, c.seqS)
		}
		if c.text != "" && h.Text != c.text {
			t.Errorf("%s: text %q", c.needle, h.Text)
		}
	}
	h, _ := EstimateAt(f, at(t, hoverSrc, "crawl(session", 1), opts)
	if !strings.Contains(h.Markdown(), "aiohttp.ClientSession.get") {
		t.Errorf("assumptions should name the latency default:\n%s", h.Markdown())
	}
	if _, ok := EstimateAt(f, at(t, hoverSrc, "DELAY = ", 0), opts); ok {
		t.Error("a hint on a module constant")
	}
}

// TestSkipTimelineKeepsTotals: a run that records no spans and no blocking
// events (what the rules' estimates ask for) ends with the same totals,
// budget and assumptions as one that records them, here a loop that
// blocks in every iteration until the step budget runs out, the shape
// that recorded 150,000 of each in trio's tests.
func TestSkipTimelineKeepsTotals(t *testing.T) {
	src := `import asyncio
import time


async def waiter(register):
    await asyncio.sleep(0.5)
    while register[0] != "finished":
        time.sleep(0.01)


async def main():
    await asyncio.gather(waiter([None]), asyncio.sleep(1))


asyncio.run(main())
`
	f := analysis.Parse("spin.py", []byte(src))
	cfg := loopsim.Config{IdealTimers: true, MaxSteps: 5000}
	full, err := Simulate(f, Options{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	cfg.SkipSpans, cfg.SkipBlocks = true, true
	bare, err := Simulate(f, Options{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	spans := func(r *loopsim.Result) (n int) {
		for _, task := range r.Tasks {
			n += len(task.Spans)
		}
		return n
	}
	if full.Budget != loopsim.BudgetSteps || len(full.Blocks) < 1000 || spans(full) < 1000 {
		t.Fatalf("the recorded run: budget %q, %d blocking events, %d spans; want the step budget spent on a blocking loop", full.Budget, len(full.Blocks), spans(full))
	}
	if len(bare.Blocks) != 0 || spans(bare) != 0 {
		t.Fatalf("skipped: %d blocking events, %d spans recorded", len(bare.Blocks), spans(bare))
	}
	if full.ConcurrentS != bare.ConcurrentS || full.SequentialS != bare.SequentialS || full.BlockedS != bare.BlockedS ||
		full.Budget != bare.Budget || full.Finished != bare.Finished || len(full.Tasks) != len(bare.Tasks) ||
		len(full.Assumptions) != len(bare.Assumptions) || full.Confidence != bare.Confidence {
		t.Fatalf("totals differ: recorded %+v, skipped %+v", summary(full), summary(bare))
	}
}

func summary(r *loopsim.Result) []any {
	return []any{r.ConcurrentS, r.SequentialS, r.BlockedS, r.Budget, r.Finished, len(r.Tasks), len(r.Assumptions), r.Confidence}
}
