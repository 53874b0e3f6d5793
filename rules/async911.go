package rules

import (
	"github.com/asyncls/asyncls/analysis"
)

// ASYNC911 reports async generator yields/exits without a checkpoint since the last one.
var ASYNC911 = register(&Rule{
	Code:    "ASYNC911",
	Name:    "async-generator-no-checkpoint",
	Summary: "`yield` or exit in an async generator with no guaranteed checkpoint since the start or the previous yield",
	Rationale: "Each step of an `async for` over a generator should be a checkpoint, so that a consumer looping over it " +
		"can be cancelled and lets other tasks run. A path from the start (or from one `yield`) to the next `yield` or " +
		"the end that never awaits turns the loop into a busy loop.",
	Bad: `async def numbers(n):
    for i in range(n):
        yield i`,
	Good: `import asyncio

async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
    await asyncio.sleep(0)`,
	Severity: Info,
	Default:  false,
	Notes: "Off by default, as in flake8-async. Same exemptions and the same reading of the code as ASYNC910 (see its notes, " +
		"also for how it differs from flake8-async).",
	Run: runNoCheckpoint911,
})

func runNoCheckpoint911(p *Pass) {
	settings := checkpointSettings(p)
	for _, f := range p.Module.Functions {
		if !f.Generator || checkpointExempt(p.Module, f) || decoratedWithPattern(p.Module, f, settings.NoCheckpointWarningDecorators) {
			continue
		}
		fl := &cpFlow{m: p.Module, gen: true, suppressors: settings.ExceptionSuppressContextManagers, report: func(n *analysis.Node) {
			what := "`yield`"
			if n.Type() == "return_statement" {
				what = "return"
			}
			p.Report(n, what+" in async generator `"+f.Name+"` with no guaranteed checkpoint since the start or the previous yield; "+
				"await something on this path")
		}}
		// Loops make the state at a yield depend on the previous iteration; the
		// silent loop passes in cpFlow account for it.
		if out, reach := fl.block(statements(f.Node.ChildByField("body")), false); reach && !out {
			p.Report(f.Node.ChildByField("name"), "async generator `"+f.Name+"` can finish with no checkpoint since its last yield; "+
				"await something on every path")
		}
	}
}
