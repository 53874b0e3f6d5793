package pyfront

import (
	"math"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/loopsim"
)

func simulateSrc(t *testing.T, src string, opts Options) *loopsim.Result {
	t.Helper()
	opts.Config.IdealTimers = true
	res, err := Simulate(analysis.Parse("t.py", []byte(src)), opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestEntrySelection(t *testing.T) {
	cases := []struct {
		name, src, entry string
		want             float64
	}{
		{"guard argument", `import asyncio
async def main(n=1):
    await asyncio.sleep(0.1 * n)
async def other():
    await asyncio.sleep(5)
if __name__ == "__main__":
    asyncio.run(main(3))
`, "main(3)", 0.3},
		{"plain main", `import asyncio
async def main():
    await asyncio.sleep(0.25)
`, "main()", 0.25},
		{"sync wrapper", `import asyncio
async def amain(n):
    await asyncio.sleep(0.1 * n)
def main():
    n = 2
    asyncio.run(amain(n))
    asyncio.run(amain(1))
if __name__ == "__main__":
    main()
`, "main()", 0.3},
		{"from-import run", `from asyncio import run, sleep
async def go():
    await sleep(0.2)
if __name__ == '__main__':
    run(go())
`, "go()", 0.2},
	}
	for _, c := range cases {
		res := simulateSrc(t, c.src, Options{})
		if res.Entry != c.entry || math.Abs(res.ConcurrentS-c.want) > 1e-9 || !res.Finished {
			t.Errorf("%s: entry %q, %.3f s, finished %v (want %q, %.3f s)", c.name, res.Entry, res.ConcurrentS, res.Finished, c.entry, c.want)
		}
	}
}

func TestLatencyComment(t *testing.T) {
	src := `import asyncio
import httpx

async def main():
    async with httpx.AsyncClient() as client:
        a = await client.get("https://a")  # asyncls: latency=250ms
        b = await client.get("https://b")
        await asyncio.gather(client.get("https://c"), client.get("https://d"))  # asyncls: latency=0.05
`
	res := simulateSrc(t, src, Options{Config: loopsim.Config{Latency: map[string]float64{"httpx.AsyncClient.get": 0.02}}})
	// 250 ms (comment) + 20 ms (setting) + 50 ms (comment on the awaited gather)
	if math.Abs(res.ConcurrentS-0.32) > 1e-9 {
		t.Errorf("concurrent %.3f s, want 0.320", res.ConcurrentS)
	}
	var texts []string
	for _, a := range res.Assumptions {
		texts = append(texts, a.Text)
	}
	if !strings.Contains(strings.Join(texts, "\n"), "httpx.AsyncClient.get takes 20 ms (user setting)") {
		t.Errorf("assumptions: %v", texts)
	}
}

func TestUnknownsAreListed(t *testing.T) {
	src := `import asyncio
import random
import inventory

async def work(d):
    await asyncio.sleep(d)

async def main():
    items = inventory.load()
    for item in items:
        await work(random.uniform(0.1, 0.3))
`
	res := simulateSrc(t, src, Options{Config: loopsim.Config{UnknownLoopCount: 2}})
	if math.Abs(res.ConcurrentS-0.4) > 1e-9 || res.Level == "high" || len(res.Assumptions) < 2 {
		t.Errorf("%.3f s, level %s, assumptions %+v", res.ConcurrentS, res.Level, res.Assumptions)
	}
}

func TestLatencyCommentOnDef(t *testing.T) {
	src := `import asyncio
import external

async def fetch(url):  # asyncls: latency=150ms
    return await external.call(url)

def parse(page):  # asyncls: latency=20ms
    return page

async def main():
    pages = await asyncio.gather(fetch("a"), fetch("b"))
    for p in pages:
        parse(p)
`
	res := simulateSrc(t, src, Options{})
	if math.Abs(res.ConcurrentS-0.19) > 1e-9 || math.Abs(res.BlockedS-0.04) > 1e-9 {
		t.Errorf("concurrent %.3f blocked %.3f, want 0.190 / 0.040", res.ConcurrentS, res.BlockedS)
	}
}

// The rules simulate a file's entry point only when the file defines a
// coroutine function: a synchronous tool's main() has no task for a
// blocking call to delay, and its socket loops would only spend the step
// budget (netdisco's discovery modules took 0.2-0.3 s each). `simulate`
// itself still runs such a main (FindEntry).
func TestRulesSimulateOnlyFilesWithCoroutines(t *testing.T) {
	e := &Estimator{}
	syncTool := analysis.Parse("gdm.py", []byte("import socket\n\ndef main():\n    while True:\n        socket.socket().recv(1)\n\nif __name__ == \"__main__\":\n    main()\n"))
	if e.HasEntry(syncTool) {
		t.Error("a file without async def has an entry for the rules")
	}
	if _, err := FindEntry(syncTool, ""); err != nil {
		t.Errorf("simulate lost the sync main: %v", err)
	}
	asyncTool := analysis.Parse("app.py", []byte("import asyncio\n\nasync def main():\n    await asyncio.sleep(0.1)\n\nif __name__ == \"__main__\":\n    asyncio.run(main())\n"))
	if !e.HasEntry(asyncTool) {
		t.Error("a file with asyncio.run(main()) has no entry for the rules")
	}
}
