package rules

// ASYNC900 reports async generators not turned into context managers.
var ASYNC900 = register(&Rule{
	Code:    "ASYNC900",
	Name:    "unsafe-async-generator",
	Summary: "Async generator not decorated with `@asynccontextmanager`",
	Rationale: "An async generator abandoned before it is exhausted is finalised at some later point (by the loop's " +
		"asyncgen hooks or the garbage collector), so its `finally` blocks and `async with` cleanups run late, in " +
		"another task, or not at all (PEP 533). Prefer an `@asynccontextmanager` that yields an iterable or an " +
		"`asyncio.Queue`, or make every consumer use `contextlib.aclosing()`.",
	Bad: `async def lines(reader):
    while line := await reader.readline():
        yield line`,
	Good: `from contextlib import asynccontextmanager

@asynccontextmanager
async def lines(reader):
    queue = asyncio.Queue()
    ...
    yield queue`,
	Severity: Info,
	Default:  false,
	Notes: "Off by default, as in flake8-async. Async generators decorated with `@asynccontextmanager` or a pytest fixture decorator are allowed. " +
		"flake8-async's option `--transform-async-generator-decorators` is ASYNC119's setting `transform-async-generator-decorators`, which applies here too.",
	Run: runUnsafeAsyncGenerator,
})

func runUnsafeAsyncGenerator(p *Pass) {
	for _, f := range p.Module.Functions {
		if !f.Async || !f.Generator || f.Lambda || hasDecorator(p.Module, f, "asynccontextmanager", "fixture", "yield_fixture") || transformedGenerator(p, f) {
			continue
		}
		p.Report(f.Node.ChildByField("name"), "async generator `"+f.Name+"` may be finalised late or never; decorate it with "+
			"`@asynccontextmanager` (yielding a queue or iterable), or have callers use `contextlib.aclosing()`")
	}
}
