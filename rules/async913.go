package rules

import "github.com/asyncls/asyncls/analysis"

// ASYNC913 reports indefinite loops with no guaranteed checkpoint.
var ASYNC913 = register(&Rule{
	Code:    "ASYNC913",
	Name:    "indefinite-loop-no-guaranteed-checkpoint",
	Summary: "`while True` loop in an async function with no guaranteed checkpoint in each iteration",
	Rationale: "An endless loop in a coroutine that can go round without awaiting never lets the event loop run other " +
		"tasks and cannot be cancelled on that path: the program hangs.",
	Bad: `async def pump(queue, items):
    while True:
        if items:
            await queue.put(items.pop())`,
	Good: `async def pump(queue, items):
    while True:
        if items:
            await queue.put(items.pop())
        else:
            await asyncio.sleep(0.1)`,
	Severity: Warning,
	Default:  false,
	Notes: "Off by default, as in flake8-async. Only `while True` / `while 1` loops without a `break` directly in async functions " +
		"are checked. " +
		"A `yield` in an async generator's loop counts as a checkpoint here: it hands control to the consumer, so the " +
		"loop cannot spin on its own (flake8-async does not count a yield, so it also reports `while True: yield x`).",
	Run: runIndefiniteLoop,
})

func runIndefiniteLoop(p *Pass) {
	for _, f := range p.Module.Functions {
		if !f.Async || f.Lambda {
			continue
		}
		walkBody(f.Node.ChildByField("body"), func(n *analysis.Node) bool {
			// As in flake8-async, a loop with a `break` is not indefinite (ASYNC910-912 cover its exits).
			if n.Type() != "while_statement" || !isInfinite(p.Module, n) || hasBreak(n) {
				return true
			}
			fl := &cpFlow{m: p.Module, yieldSuspends: true}
			if !fl.loopBodyState(n, false, false) {
				p.Report(n.ChildByField("condition"), "this endless loop can go round without a checkpoint, blocking the event loop "+
					"and cancellation; await something on every path through it")
			}
			return true
		})
	}
}

// hasBreak reports whether loop's own body has a break.
func hasBreak(loop *analysis.Node) bool {
	found := false
	walkLoopBody(loop, func(n *analysis.Node) {
		found = found || n.Type() == "break_statement"
	})
	return found
}
