package rules

import "github.com/asyncls/asyncls/pylib"

// ASL105 reports asyncio.get_event_loop() inside a coroutine.
var ASL105 = register(&Rule{
	Code:    "ASL105",
	Name:    "get-event-loop-in-coroutine",
	Summary: "`asyncio.get_event_loop()` inside a coroutine; use `asyncio.get_running_loop()`",
	Rationale: "`get_event_loop()` has confusing, version-dependent behaviour (it may create a loop, and emits " +
		"DeprecationWarning in some contexts since Python 3.10-3.12). Inside a coroutine a loop is always running, and " +
		"`asyncio.get_running_loop()` returns exactly that loop with none of the ambiguity.",
	Bad: `import asyncio

async def main():
    loop = asyncio.get_event_loop()
    await loop.run_in_executor(None, work)`,
	Good: `import asyncio

async def main():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, work)`,
	Severity: Warning,
	Default:  false,
	Fix:      "Replace `get_event_loop` with `get_running_loop` (safe: inside a coroutine both return the running loop).",
	Notes: "Off by default: inside a coroutine `get_event_loop()` returns the running loop, so this is style (and " +
		"modernisation), not a bug; enable it with `extend-select = [\"ASL105\"]`. Only calls made directly in an `async def` are reported: a nested synchronous function may run in another " +
		"thread, where there is no running loop. The fix rewrites the call to `asyncio.get_running_loop()` (through an " +
		"`import asyncio as ...` alias when there is one, importing asyncio when nothing does), whether it was written " +
		"`asyncio.get_event_loop()`, `asyncio.events.get_event_loop()` or `get_event_loop()` imported by name.",
	Run: runGetEventLoopInCoroutine,
})

func runGetEventLoopInCoroutine(p *Pass) {
	for _, c := range p.Module.Calls {
		if !c.InAsync() {
			continue
		}
		name := calleeName(p.Module, c)
		if name == "" || !pylib.Is(name, pylib.GetsLoopImplicitly) {
			continue
		}
		var opts []ReportOption
		fn := c.Node.ChildByField("function")
		if fn.Type() == "attribute" && qualName(p.Module, fn.ChildByField("object")) == "asyncio" {
			attr := fn.ChildByField("attribute")
			opts = append(opts, WithFix(&Fix{Title: "Use `get_running_loop()`", Safe: true,
				Edits: []Edit{{Start: int(attr.Start), End: int(attr.End), New: "get_running_loop"}}}))
		} else if aio, imp, ok := asyncioRef(p, c.Node); ok {
			// `get_event_loop()` imported by name, or `asyncio.events.get_event_loop()`.
			edits := []Edit{{Start: int(fn.Start), End: int(fn.End), New: aio + ".get_running_loop"}}
			if imp != nil {
				edits = append(edits, *imp)
			}
			opts = append(opts, WithFix(&Fix{Title: "Use `" + aio + ".get_running_loop()`", Safe: true, Edits: edits}))
		}
		p.Report(c.Node, "`get_event_loop()` in coroutine `"+c.Func.Name+"`: use `asyncio.get_running_loop()`, which "+
			"returns the running loop without creating one or warning", opts...)
	}
}
