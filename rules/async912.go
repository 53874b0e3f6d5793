package rules

import "github.com/asyncls/asyncls/analysis"

// ASYNC912 reports timeout contexts whose checkpoints may not run.
var ASYNC912 = register(&Rule{
	Code:    "ASYNC912",
	Name:    "cancel-scope-no-guaranteed-checkpoint",
	Summary: "Timeout context whose checkpoints are not guaranteed to run",
	Rationale: "A timeout context with awaits only on some paths (inside an `if`, a loop that may not run) cannot " +
		"fire on the other paths: the timeout silently does nothing there.",
	Bad: `import asyncio

async def refresh(cache, key):
    async with asyncio.timeout(1):
        if key not in cache:
            cache[key] = await load(key)`,
	Good: `import asyncio

async def refresh(cache, key):
    if key not in cache:
        async with asyncio.timeout(1):
            cache[key] = await load(key)`,
	Severity: Info,
	Default:  false,
	Notes:    "Off by default, as in flake8-async. A context with no checkpoint at all is ASYNC100's.",
	Run:      runTimeoutNoGuaranteedCheckpoint,
})

func runTimeoutNoGuaranteedCheckpoint(p *Pass) {
	p.File.Root.Walk(func(n *analysis.Node) bool {
		if n.Type() != "with_statement" {
			return true
		}
		exprs, _ := withItems(n)
		for _, e := range exprs {
			kind, name := contextKind(p.Module, e)
			if kind != "timeout" {
				continue
			}
			body := n.ChildByField("body")
			if !hasCheckpoint(p.Module, body, true, nil) {
				continue // ASYNC100
			}
			fl := &cpFlow{m: p.Module}
			if out, reach := fl.block(statements(body), false); reach && !out {
				p.Report(e, "`"+name+"()` context has checkpoints, but not on every path; on the others the timeout cannot fire")
			}
		}
		return true
	})
}
