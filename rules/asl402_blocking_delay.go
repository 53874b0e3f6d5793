package rules

import (
	"fmt"
	"sort"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
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

def sync_all():
    sync_one()

def sync_one():
    store()

def store():
    write_through()

def write_through():
    time.sleep(0.2)

async def heartbeat():
    while True:
        await asyncio.sleep(0.1)

async def main():
    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.05)
    asyncio.get_running_loop().call_soon(sync_all)
    await asyncio.sleep(0.3)
    beat.cancel()

if __name__ == "__main__":
    asyncio.run(main())`,
	Good: `import asyncio
import time

def write_through():
    time.sleep(0.2)

async def heartbeat():
    while True:
        await asyncio.sleep(0.1)

async def main():
    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.05)
    syncing = asyncio.create_task(asyncio.to_thread(write_through))
    await asyncio.sleep(0.3)
    await syncing
    beat.cancel()

if __name__ == "__main__":
    asyncio.run(main())`,
	Severity:     Warning,
	Default:      true,
	QuietInTests: true,
	Simulates:    true,
	Notes: "Only files with an entry point are simulated: the coroutine passed to `asyncio.run()` under " +
		"`if __name__ == \"__main__\":`, else `main`; and only files that define a coroutine function (a synchronous " +
		"tool's `main()` has no task for a blocking call to delay). Reported when another callback waits at least 10 ms. " +
		"One mistake gets one finding: when ASYNC2xx, ASL202 or ASL201 reports the blocking call, the simulated effect " +
		"is added to that finding's message (\"...; it holds the event loop for ≈1.00 s and delays ...\") and ASL402 " +
		"reports only blocking calls that no other rule reports (a chain deeper than ASL201 follows, `asl201-max-depth`; a " +
		"call configured or simulated as blocking that no rule names; or a rule that is disabled). A plain function handed " +
		"to the loop as a callback (`loop.call_soon(f)`, `task.add_done_callback(f)`) is ASL201's finding, at the " +
		"registration. It offers no fix of its own.",
	Requires: []Fact{blockingCalls, blockingInHelpers, blockingViaHelpers, blockingDelays, loopCallbacks},
	Run:      runBlockingDelay,
})

const minBlockingDelay = 0.010

// blockDelay is what the simulation measured for one blocking call.
type blockDelay struct {
	first             BlockingEvent
	count, delayed    int
	total, worstDelay float64
	entry             string
	assumed           bool // the call's duration is asyncls's built-in default
}

// describe says what the blocking call does to the loop: "holds the event
// loop for ≈0.50 s and delays another ready task or callback by up to ≈0.45
// s (simulated run of main())".
func (d *blockDelay) describe() string {
	times := ""
	if d.count > 1 {
		times = fmt.Sprintf(" (%d times, %s in all)", d.count, approxSeconds(d.total))
	}
	others := "another ready task or callback"
	if d.delayed > 1 {
		others = fmt.Sprintf("%d other ready tasks or callbacks", d.delayed)
	}
	assumed := ""
	if d.assumed {
		assumed = ", assuming its default latency"
	}
	return fmt.Sprintf("holds the event loop for ≈%s%s and delays %s by up to ≈%s (simulated run of %s%s)",
		approxSeconds(d.first.Duration), times, others, approxSeconds(d.worstDelay), d.entry, assumed)
}

// blockingDelays is, when ASL402 is enabled, what a simulated run of the
// module's entry point says of its blocking calls: those that delayed other
// work, by the byte offset of the call. The blocking rules (ASYNC2xx,
// ASL201, ASL202) add the delay to their own finding (withDelay); ASL402
// reports the rest. Rules that require it are the ones ASL402 consults.
var blockingDelays = &fact[map[int]*blockDelay]{name: "blockingDelays", compute: func(p *Pass) map[int]*blockDelay {
	if !p.Options.Enabled["ASL402"] {
		return nil
	}
	sim := p.simulator()
	if sim == nil {
		return nil
	}
	if p.shared == nil {
		delays, _ := simulateDelays(p, sim)
		return delays
	}
	return p.cachedDelays(sim)
}}

// simulateDelays simulates the entry point (loops of unknown length run
// once); cut is true when the simulation was cancelled (see
// noteSimulation).
func simulateDelays(p *Pass, sim Simulator) (delays map[int]*blockDelay, cut bool) {
	if !sim.HasEntry(p.File) {
		return nil, false
	}
	run, err := sim.SimulateEntry(p.context(), p.File, 1)
	if err != nil {
		return nil, false
	}
	out := map[int]*blockDelay{}
	for _, b := range run.Blocks {
		if b.Delayed == 0 || b.MaxDelay < minBlockingDelay {
			continue
		}
		d, ok := out[b.Offset]
		if !ok {
			d = &blockDelay{first: b, entry: run.Entry, assumed: b.DefaultDuration}
			out[b.Offset] = d
		}
		d.count++
		d.total += b.Duration
		d.delayed = max(d.delayed, b.Delayed)
		d.worstDelay = max(d.worstDelay, b.MaxDelay)
	}
	return out, run.Cancelled
}

// withDelay appends the simulated delay of the blocking call at offset to
// a blocking rule's message.
func withDelay(p *Pass, msg string, offset int) string {
	if d := blockingDelays.of(p)[offset]; d != nil {
		return msg + "; it " + d.describe()
	}
	return msg
}

// reportedByBlockingRule reports whether another enabled rule reports the
// blocking call at node call (and carries its delay): an ASYNC2xx or ASL202
// call made directly in a coroutine, or the blocking call at the end of an
// ASL201 chain from a coroutine of this module.
func reportedByBlockingRule(p *Pass, call *analysis.Node) bool {
	for _, b := range blockingCalls.of(p).InCoroutines() {
		if b.Call.Node == call && p.Options.Enabled[b.Code] {
			return true
		}
	}
	if !p.Options.Enabled["ASL201"] {
		return false
	}
	for _, h := range blockingViaHelpers.of(p) {
		if h.Chain[len(h.Chain)-1].Call.Node == call {
			return true
		}
	}
	for _, lc := range loopCallbacks.of(p) {
		if lc.Chain[len(lc.Chain)-1].Call.Node == call {
			return true
		}
	}
	return false
}

func runBlockingDelay(p *Pass) {
	delays := blockingDelays.of(p)
	offsets := make([]int, 0, len(delays))
	for off := range delays {
		offsets = append(offsets, off)
	}
	sort.Ints(offsets)
	for _, off := range offsets {
		call := callAt(p.File, off)
		if call == nil || reportedByBlockingRule(p, call) {
			continue
		}
		p.Report(call, fmt.Sprintf("`%s()` %s", p.File.Brief(call.ChildByField("function")), delays[off].describe()))
	}
}

// callAt returns the call expression starting at byte offset off.
func callAt(f *analysis.File, off int) *analysis.Node {
	var out *analysis.Node
	f.Root.Walk(func(n *analysis.Node) bool {
		if out != nil || int(n.End) <= off || int(n.Start) > off {
			return false
		}
		if n.Type() == "call" && int(n.Start) == off {
			out = n
			return false
		}
		return true
	})
	return out
}

// BlockingCallNames returns the qualified names of the blocking calls the
// rules know (the ASYNC2xx families) plus the configured extra ones: the
// calls the simulator must treat as blocking (config.Simulator), without
// the `-> suggestion` a configured entry may carry.
func BlockingCallNames(extra []string) []string {
	var out []string
	pylib.Each(pylib.Blocking, func(api pylib.API) { out = append(out, api.Name) })
	for _, entry := range extra {
		pattern, _ := splitBlockingEntry(entry)
		out = append(out, pattern)
	}
	return out
}
