package rules

import (
	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC110 reports busy-wait loops that poll with sleep.
var ASYNC110 = register(&Rule{
	Code:    "ASYNC110",
	Name:    "async-busy-wait",
	Summary: "`while ...: await asyncio.sleep()` busy-wait loop",
	Rationale: "A loop whose body only sleeps polls a condition: it wakes up needlessly, and it reacts up to one sleep " +
		"interval late. Have the code that changes the condition set an `asyncio.Event` (or notify an " +
		"`asyncio.Condition`) and `await event.wait()` instead.",
	Bad: `import asyncio

async def wait_ready(service):
    while not service.ready:
        await asyncio.sleep(0.1)`,
	Good: `async def wait_ready(service):
    await service.ready_event.wait()`,
	Severity: Info,
	Default:  true,
	Notes: "Reported when the loop body is exactly one statement, an awaited `asyncio.sleep` (or trio/anyio " +
		"`sleep`/`sleep_until`, or `lowlevel.checkpoint`), as in flake8-async. A loop that does other work besides sleeping " +
		"is not reported, and neither is `while True:` (or `while 1:`) around a sleep: it sleeps until cancelled, " +
		"with no condition an Event could signal (flake8-async does not check asyncio code for this rule).",
	Run: runBusyWait,
})

func runBusyWait(p *Pass) {
	p.File.Root.Walk(func(n *analysis.Node) bool {
		if n.Type() != "while_statement" {
			return true
		}
		body := statements(n.ChildByField("body"))
		if len(body) != 1 || body[0].Type() != "expression_statement" {
			return true
		}
		// `while True: await asyncio.sleep(1)` sleeps forever (keeping the
		// loop awake, waiting to be cancelled): there is no condition to wait for.
		if cond := analysis.Unparen(n.ChildByField("condition")); cond != nil && (cond.Type() == "true" || p.File.Text(cond) == "1") {
			return true
		}
		expr := body[0].NamedChildren()
		if len(expr) != 1 || expr[0].Type() != "await" {
			return true
		}
		inner := expr[0].NamedChildren()
		if len(inner) != 1 {
			return true
		}
		if name := calleeOf(p.Module, inner[0]); pylib.Is(name, pylib.Sleep) {
			// From `while` to the end of the condition, as flake8-async reports the statement.
			p.ReportRange(int(n.Start), int(n.ChildByField("condition").End), "busy-wait: this loop only polls with `"+name+"()`; have the code that changes the condition "+
				"set an `asyncio.Event` and `await event.wait()` instead")
		}
		return true
	})
}
