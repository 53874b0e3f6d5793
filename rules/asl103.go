package rules

import (
	"strconv"

	"github.com/asyncls/asyncls/analysis"
)

// ASL103 reports coroutine objects awaited (or scheduled) more than once.
var ASL103 = register(&Rule{
	Code:    "ASL103",
	Name:    "coroutine-reused",
	Summary: "Coroutine object awaited twice, or both scheduled and awaited",
	Rationale: "A coroutine object runs once. Awaiting it a second time (or awaiting it after handing it to " +
		"`create_task`/`gather`/`wait_for`, or awaiting it in a loop) raises `RuntimeError: cannot reuse already awaited " +
		"coroutine`. To run the work again, call the coroutine function again; to share one result, wrap the coroutine in " +
		"a task (`asyncio.create_task`) and await the task, which may be awaited any number of times.",
	Bad: `import asyncio

async def fetch():
    await asyncio.sleep(0.1)
    return 42

async def main():
    coro = fetch()
    task = asyncio.create_task(coro)
    result = await coro`,
	Good: `import asyncio

async def fetch():
    await asyncio.sleep(0.1)
    return 42

async def main():
    task = asyncio.create_task(fetch())
    result = await task`,
	Severity:  Error,
	Default:   true,
	CrossFile: true,
	Notes: "Follows a coroutine stored in a local variable (assigned once) to its uses in the same function. Uses in " +
		"different branches of an `if` are exclusive and not reported. A use inside a loop that does not also contain the " +
		"assignment counts as repeated. Tasks and futures are not coroutines and may be awaited repeatedly.",
	Run: runCoroutineReused,
})

func runCoroutineReused(p *Pass) {
	for _, c := range p.Module.Calls {
		if c.Usage != analysis.UsageStored || c.Func == nil || !isCoroutineObjectCall(p, c) {
			continue
		}
		if analysis.Unparen(c.UsedBy.ChildByField("right")) != c.Node {
			continue
		}
		checkReuse(p, c)
	}
}

func checkReuse(p *Pass, c *analysis.Call) {
	name, uses, ok := localUses(p.Module, c.UsedBy)
	if !ok {
		return
	}
	var consumed []*analysis.Node
	for _, u := range uses {
		k := useKind(p.Module, u)
		if k == "other" {
			return // it escapes: its later life cannot be followed
		}
		if k != "await" && k != "schedule" {
			continue
		}
		if inLoopAfter(u, c.UsedBy) {
			p.Report(u, "coroutine `"+name+"` is consumed inside a loop: the second iteration raises \"cannot reuse already "+
				"awaited coroutine\"; create the coroutine inside the loop")
			return
		}
		for _, prev := range consumed {
			if exclusiveBranches(prev, u) {
				continue
			}
			what := "awaited"
			if useKind(p.Module, prev) == "schedule" {
				what = "scheduled"
			}
			p.Report(u, "coroutine `"+name+"` was already "+what+" on line "+strconv.Itoa(p.File.Lines.Position(int(prev.Start)).Line+1)+
				": a coroutine runs once, so this raises RuntimeError; wrap it in `asyncio.create_task()` and await the task, or call the function again",
				WithRelated(RelatedAt(p.Module, prev, "first use")))
			return
		}
		consumed = append(consumed, u)
	}
}
