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
