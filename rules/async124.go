package rules

// ASYNC124 reports async functions that never suspend.
var ASYNC124 = register(&Rule{
	Code:    "ASYNC124",
	Name:    "async-function-could-be-sync",
	Summary: "Async function with no `await`, `async for` or `async with` could be a plain function",
	Rationale: "An `async def` that never awaits gains nothing from being a coroutine: calling it is slower, callers " +
		"must `await` it, and it cannot be used from synchronous code. It often means an `await` is missing or the " +
		"function could simply be synchronous.",
	Bad: `async def total(prices):
    return sum(prices)`,
	Good: `def total(prices):
    return sum(prices)`,
	Severity: Info,
	Default:  true,
	Notes: "As in flake8-async, methods (which often implement an async interface) and functions whose body is only " +
		"`pass`, `...` or a docstring are skipped, as are `@overload` stubs and pytest fixtures with parameters; async " +
		"generators and `test_*` functions are reported like any other async function (a test without an await runs as a " +
		"plain `def` too). asyncls also skips every decorated function: frameworks (web routes, event handlers, test " +
		"markers) require coroutine functions whatever their body, so flagging them is noise (flake8-async reports them). " +
		"Awaits in nested functions do not count, but one in a nested function's default value does; a list, set or dict " +
		"comprehension with `async for` or `await` counts, while a generator expression counts only for its first iterable " +
		"(the rest runs lazily, when it is consumed). Also skipped: functions used by name anywhere in the project other " +
		"than being called (`trio.run(main)`, `tg.start_soon(child)`, `app.add_route(path, handler)`), whose caller " +
		"requires a coroutine function. A coroutine passed to `asyncio.run(main())` is still reported, as in flake8-async: " +
		"making `main` sync means changing that caller, as for any `await main()`.",
	Run: runCouldBeSync,
})

func runCouldBeSync(p *Pass) {
	for _, f := range p.Module.Functions {
		if !f.Async || f.Lambda || f.Class != nil || len(f.Decorators) > 0 || emptyBody(f.Node) {
			continue
		}
		if usedAsValue(p, f.Name) {
			continue
		}
		if hasCheckpoint(p.Module, f.Node.ChildByField("body"), false, nil) {
			continue
		}
		p.Report(f.Node.ChildByField("name"), "async function `"+f.Name+"` never awaits; make it a plain `def` "+
			"(or add the missing `await`)")
	}
}

// usedAsValue reports whether name is used other than by calling it,
// anywhere in the project (or the module, without a project).
func usedAsValue(p *Pass, name string) bool {
	if p.Project == nil {
		return p.Module.UsesNameAsValue(name)
	}
	return p.Project.UsesNameAsValue(name)
}
