package rules

import (
	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC101 reports yield inside a TaskGroup or timeout context.
var ASYNC101 = register(&Rule{
	Code:    "ASYNC101",
	Name:    "yield-in-cancel-scope",
	Summary: "`yield` inside a TaskGroup or timeout context outside a context manager",
	Rationale: "A generator suspended at a `yield` inside `async with asyncio.TaskGroup()` or `asyncio.timeout()` " +
		"leaves the context open while unrelated code of the consumer runs. Cancellations and errors raised by the " +
		"group or the timeout are then delivered into the wrong code, or lost, and the timeout measures the consumer's " +
		"time. It is only safe in a function decorated as a context manager, where the `yield` hands control to the " +
		"`with` body by design.",
	Bad: `import asyncio

async def ticks():
    async with asyncio.timeout(10):
        while True:
            yield await next_tick()`,
	Good: `import asyncio

async def ticks():
    while True:
        async with asyncio.timeout(10):
            tick = await next_tick()
        yield tick`,
	Severity: Warning,
	Default:  true,
	Notes: "Functions decorated with `@asynccontextmanager`, `@contextmanager` or a pytest fixture decorator are not " +
		"reported; decorators are resolved through imports, so `from contextlib import contextmanager as cm` then `@cm` " +
		"is recognised (flake8-async compares the written name and reports it). Besides asyncio's, trio's and anyio's " +
		"own, the context managers of other libraries that open a task group or cancel scope inside count, as in " +
		"flake8-async: `asgi_lifespan.LifespanManager`, apscheduler's `AsyncScheduler`, anyio's blocking portals, the MCP " +
		"SDK's `sse_client`/`streamablehttp_client`, trio-websocket, trio-asyncio, trio-parallel, trio-util and qtrio. Overlaps with ASYNC119, which reports a `yield` inside any context manager of an async generator.",
	Run: runYieldInCancelScope,
})

// contextManagerDecorators are matched by their last name as written:
// `@fixture` of any origin (pytest_asyncio's included) counts.
var contextManagerDecorators = pylib.LastNames(pylib.ContextManagerDecorator)

func runYieldInCancelScope(p *Pass) {
	funcs := funcByNode(p.Module)
	for _, f := range p.Module.Functions {
		if !f.Generator || f.Lambda || hasDecorator(p.Module, f, contextManagerDecorators...) || transformedGenerator(p, f) {
			continue
		}
		walkBody(f.Node.ChildByField("body"), func(n *analysis.Node) bool {
			if !isYield(n) {
				return true
			}
			for q := n.Parent(); q != nil && q != f.Node; q = q.Parent() {
				if q.Type() != "with_statement" || !inWithBody(q, n) {
					continue
				}
				exprs, _ := withItems(q)
				for _, e := range exprs {
					kind, name := contextKind(p.Module, e)
					if kind == "" && pylib.Is(name, pylib.OpensScope) {
						kind = "scope"
					}
					if kind != "" {
						p.Report(n, "`yield` inside `"+name+"()` in `"+funcDisplay(funcs[f.Node])+"` suspends the generator with the context open; "+
							"move the `yield` outside the context, or make the function a context manager")
						return true
					}
				}
			}
			return true
		})
	}
}
