package rules

import "github.com/asyncls/asyncls/analysis"

// ASYNC100 reports timeout contexts whose body never reaches a checkpoint.
var ASYNC100 = register(&Rule{
	Code:    "ASYNC100",
	Name:    "cancel-scope-no-checkpoint",
	Summary: "Timeout context that contains no checkpoint (await, async for, async with)",
	Rationale: "A timeout can only interrupt a task where it suspends: at an `await`, an `async for` or an `async with`. " +
		"A timeout context (`asyncio.timeout`, `asyncio.timeout_at`, trio's and anyio's `move_on_*`/`fail_*`) whose body " +
		"has none of these can never fire, so it is either dead code or, more likely, the awaits it was meant to guard " +
		"ended up outside it.",
	Bad: `import asyncio

async def fetch(client):
    async with asyncio.timeout(5):
        request = client.build_request()
    return await client.send(request)`,
	Good: `import asyncio

async def fetch(client):
    async with asyncio.timeout(5):
        request = client.build_request()
        return await client.send(request)`,
	Severity: Warning,
	Default:  true,
	Notes: "As in flake8-async, a `yield` inside the context counts as a checkpoint (the caller may suspend). An async " +
		"comprehension (`[x async for x in it]`, or one containing `await`) is a checkpoint too, so a context whose only " +
		"await is inside a comprehension is not reported. A nested timeout context's own `async with` is not a " +
		"checkpoint (entering `asyncio.timeout` never suspends: in `async with asyncio.timeout(1), asyncio.timeout_at(t):` both " +
		"are reported, where flake8-async counts the second's entry as the first's checkpoint), nor is a TaskGroup whose body calls nothing (its exit waits only for tasks started in it; as in flake8-async), but any other `async with` is, including a TaskGroup that starts tasks. The timeout functions are " +
		"recognised through imports; `asyncio.timeout` written without `import asyncio` (a snippet) is taken at face " +
		"value when nothing else binds the name `asyncio`. A timeout call split over several lines is reported on the " +
		"line where the call starts, as flake8-async's code places it; one version of flake8-async's eval file " +
		"async912_asyncio.py writes that expectation on the header's last line (`):`), where black moved the comment. " +
		"A `# noqa: ASYNC100` on any line of the header silences it.",
	Run: runCancelScopeNoCheckpoint,
})

func runCancelScopeNoCheckpoint(p *Pass) {
	// Entering and leaving a timeout never suspends, nor does a task group
	// that starts no task (its exit waits only for the tasks started in it).
	isTimeoutWith := func(w *analysis.Node) bool {
		exprs, _ := withItems(w)
		for _, e := range exprs {
			switch k, _ := contextKind(p.Module, e); k {
			case "timeout":
			case "taskgroup":
				if containsCall(w.ChildByField("body")) {
					return false
				}
			default:
				return false
			}
		}
		return len(exprs) > 0
	}
	p.File.Root.Walk(func(n *analysis.Node) bool {
		if n.Type() != "with_statement" {
			return true
		}
		exprs, _ := withItems(n)
		for i, e := range exprs {
			kind, name := contextKind(p.Module, e)
			if kind != "timeout" {
				continue
			}
			// Later items of the same statement are entered inside this one.
			later := false
			for _, other := range exprs[i+1:] {
				if k, _ := contextKind(p.Module, other); k != "timeout" {
					later = true
				}
			}
			if later && isAsyncStmt(n) {
				continue
			}
			if hasCheckpoint(p.Module, n.ChildByField("body"), true, isTimeoutWith) {
				continue
			}
			p.Report(e, "`"+name+"()` context contains no checkpoint, so the timeout can never fire; "+
				"move the awaits it should guard inside it, or remove it")
		}
		return true
	})
}

// containsCall reports whether n has a call outside nested definitions.
func containsCall(n *analysis.Node) bool {
	found := false
	walkBody(n, func(c *analysis.Node) bool {
		if c.Type() == "call" {
			found = true
		}
		return !found
	})
	return found
}
