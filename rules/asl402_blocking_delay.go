package rules

import (
	"fmt"
	"strings"
	"sync"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/loopsim"
	"github.com/asyncls/asyncls/loopsim/pyfront"
)

// ASL402 reports blocking calls that delay other ready tasks.
var ASL402 = register(&Rule{
	Code:    "ASL402",
	Name:    "blocking-delays-tasks",
	Summary: "Blocking call holds the event loop while other tasks are ready to run",
	Rationale: "While a blocking call runs in a coroutine, the event loop cannot run anything else: tasks whose " +
		"sleep ended, whose I/O completed or that were just created wait until it returns. asyncls simulates the " +
		"program's entry point (loopsim) and reports each blocking call that actually delays other work, with how long " +
		"it holds the loop and how late the other tasks run.",
	Bad: `import asyncio
import time

async def heartbeat():
    while True:
        await asyncio.sleep(0.1)

async def main():
    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.05)
    time.sleep(0.5)
    beat.cancel()

if __name__ == "__main__":
    asyncio.run(main())`,
	Good: `import asyncio

async def heartbeat():
    while True:
        await asyncio.sleep(0.1)

async def main():
    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.05)
    await asyncio.sleep(0.5)
    beat.cancel()

if __name__ == "__main__":
    asyncio.run(main())`,
	Severity:  Warning,
	Default:   true,
	Simulates: true,
	Notes: "Only files with an entry point are simulated: the coroutine passed to `asyncio.run()` under " +
		"`if __name__ == \"__main__\":`, else `main`. Reported when another callback waits at least 10 ms. " +
		"ASYNC2xx and ASL201 name the blocking call; this rule adds its measured effect, so it offers no fix of its own.",
	Run: runBlockingDelay,
})

const minBlockingDelay = 0.010

func runBlockingDelay(p *Pass) {
	if _, err := pyfront.FindEntry(p.File, ""); err != nil {
		return
	}
	// The findings are cached by what the entry point's simulation reads.
	p.simulate(p.entryUnit(), func() { reportBlockingDelays(p) })
}

// reportBlockingDelays simulates the entry point and reports the blocking
// calls that delayed other work.
func reportBlockingDelays(p *Pass) {
	opts := simOptions(p)
	opts.Config.UnknownLoopCount = 1
	res, err := pyfront.Simulate(p.File, opts)
	if err != nil || res == nil {
		return
	}
	type agg struct {
		first             loopsim.BlockEvent
		count, delayed    int
		total, worstDelay float64
	}
	byOffset := map[int]*agg{}
	var order []int
	for _, b := range res.Blocks {
		if b.Delayed == 0 || b.MaxDelay < minBlockingDelay {
			continue
		}
		a, ok := byOffset[b.Offset]
		if !ok {
			a = &agg{first: b}
			byOffset[b.Offset] = a
			order = append(order, b.Offset)
		}
		a.count++
		a.total += b.Duration
		a.delayed = max(a.delayed, b.Delayed)
		a.worstDelay = max(a.worstDelay, b.MaxDelay)
	}
	for _, off := range order {
		a := byOffset[off]
		call := callAt(p.File, off)
		if call == nil {
			continue
		}
		times := ""
		if a.count > 1 {
			times = fmt.Sprintf(" (%d times, %s in all)", a.count, loopsim.FormatSeconds(a.total))
		}
		others := "another ready task or callback"
		if a.delayed > 1 {
			others = fmt.Sprintf("%d other ready tasks or callbacks", a.delayed)
		}
		assumed := ""
		for _, as := range res.Assumptions {
			if strings.Contains(as.Text, a.first.Label) && strings.Contains(as.Text, "built-in default") {
				assumed = ", assuming its default latency"
			}
		}
		p.Report(call, fmt.Sprintf("`%s()` holds the event loop for ≈%s%s and delays %s by up to ≈%s (simulated run of %s%s)",
			p.File.Text(call.ChildByField("function")), loopsim.FormatSeconds(a.first.Duration), times, others,
			loopsim.FormatSeconds(a.worstDelay), res.Entry, assumed))
	}
}

// callAt returns the call expression starting at byte offset off.
func callAt(f *analysis.File, off int) *analysis.Node {
	var out *analysis.Node
	f.Root.Walk(func(n *analysis.Node) bool {
		if out != nil || int(n.End) <= off || int(n.Start) > off {
			return false
		}
		if n.Type == "call" && int(n.Start) == off {
			out = n
			return false
		}
		return true
	})
	return out
}

// BlockingCallNames returns the qualified names the blocking rules know
// (ASYNC2xx families) plus the configured extra ones, as loopsim's
// Config.Blocking: durations the simulator knows by default are kept,
// the others are unknown (-1).
func BlockingCallNames(extra []string) map[string]float64 {
	if len(extra) == 0 {
		defaultBlockingOnce.Do(func() { defaultBlocking = blockingCallNames(nil) })
		return defaultBlocking
	}
	return blockingCallNames(extra)
}

// The table without configured names is the same for every module: built
// once (the simulator only reads it).
var (
	defaultBlockingOnce sync.Once
	defaultBlocking     map[string]float64
)

func blockingCallNames(extra []string) map[string]float64 {
	out := map[string]float64{}
	for name := range blockingNames {
		if _, known := loopsim.DefaultBlocking[name]; !known {
			out[name] = -1
		}
	}
	for _, name := range extra {
		if _, known := loopsim.DefaultBlocking[name]; !known {
			out[name] = -1
		}
	}
	return out
}
