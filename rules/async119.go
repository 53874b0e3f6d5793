package rules

import "github.com/asyncls/asyncls/analysis"

// ASYNC119 reports yield inside a context manager in an async generator.
var ASYNC119 = register(&Rule{
	Code:    "ASYNC119",
	Name:    "yield-in-cm-in-async-gen",
	Summary: "`yield` inside a `with` block in an async generator",
	Rationale: "If the consumer of an async generator stops iterating early, the generator is suspended at its `yield` " +
		"and its `with` blocks are only closed when it is finalised: by `aclose()`, or by the garbage collector at an " +
		"arbitrary later time, possibly when the event loop is gone and `await` is impossible (PEP 533). Cleanup (closing " +
		"a connection, releasing a lock) is delayed or skipped. Use `@asynccontextmanager`, wrap iteration in " +
		"`async with contextlib.aclosing(gen)`, or restructure so that the resource is held by the caller.",
	Bad: `async def rows(pool):
    async with pool.acquire() as conn:
        async for row in conn.cursor("SELECT 1"):
            yield row`,
	Good: `from contextlib import asynccontextmanager

@asynccontextmanager
async def rows(pool):
    async with pool.acquire() as conn:
        yield conn.cursor("SELECT 1")`,
	Severity: Warning,
	Default:  true,
	Notes:    "Async generators decorated with `@asynccontextmanager` or a pytest fixture decorator are not reported.",
	Run:      runYieldInCMInAsyncGen,
})

func runYieldInCMInAsyncGen(p *Pass) {
	for _, f := range p.Module.Functions {
		if !f.Async || !f.Generator || f.Lambda || hasDecorator(p.Module, f, contextManagerDecorators...) {
			continue
		}
		walkBody(f.Node.ChildByField("body"), func(n *analysis.Node) bool {
			if !isYield(n) {
				return true
			}
			for q := n.Parent; q != nil && q != f.Node; q = q.Parent {
				if q.Type == "with_statement" && inWithBody(q, n) {
					p.Report(n, "`yield` inside a `with` block of async generator `"+f.Name+"`: cleanup may be delayed until the generator is "+
						"garbage-collected; use `@asynccontextmanager` or have callers wrap it in `contextlib.aclosing()`")
					break
				}
			}
			return true
		})
	}
}
