package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

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
	CrossFile: true,
	Severity:  Info,
	Default:   false,
	Notes: "Off by default, a deliberate difference from flake8-async (which reports it by default): it is a style " +
		"check (the function works as written; ruff's equivalent, RUF029, is a preview rule that ruff never enables by " +
		"default), and on 21 corpora of real async code 5 of its 27 findings were ones a maintainer would take (private " +
		"helpers awaited for nothing) while 22 were rejected: public API and framework callbacks that callers await, " +
		"test helpers, predicates kept async like their siblings (docs/precision.md, eighteenth session). A missing " +
		"`await` is ASL102's finding, which stays on. Select it (`extend-select = [\"ASYNC124\"]` or `RUF029`) to " +
		"have flake8-async's check, with the differences below.\n\n" +
		"As in flake8-async, methods (which often implement an async interface: overrides of a base class's async " +
		"methods, protocol methods such as `__aenter__`) and functions whose body is only `pass`, `...` or a docstring " +
		"are skipped, as are `@overload` stubs and pytest fixtures with parameters. asyncls also skips every decorated function: frameworks (web routes, event handlers, " +
		"test markers) require coroutine functions whatever their body, so flagging them is noise (flake8-async reports " +
		"them). Awaits in nested functions do not count, but one in a nested function's default value does; a list, set " +
		"or dict comprehension with `async for` or `await` counts, while a generator expression counts only for its first " +
		"iterable (the rest runs lazily, when it is consumed). ruff's RUF029 is the same check: `# noqa: RUF029`, and " +
		"RUF029 in `ignore`, `per-file-ignores` or `select`, act on ASYNC124 as written.\n\n" +
		"Deliberate differences from flake8-async, each a function that must stay a coroutine whatever its body:\n" +
		"- test functions (`test*` in a test module: `test_*.py`, `*_test.py`, `conftest.py` or under a `tests` " +
		"directory): pytest-asyncio, anyio, pytest-trio and `IsolatedAsyncioTestCase` run them inside the event loop, " +
		"where loop-bound calls work (flake8-async reports a test with no await);\n" +
		"- functions whose coroutine is handed to something that requires one anywhere in the project " +
		"(`asyncio.run(main())`, `loop.run_until_complete(f())`, `asyncio.create_task(f())`, `gather`, `start_soon`, " +
		"or any other callable it is passed to, such as tornado's `gen.with_timeout(t, f())`; a call whose " +
		"`__await__()` is taken, how an object's `__await__` is written with a nested coroutine; calls collected in a " +
		"list, tuple or set display, `[f(), g()]`, to be awaited together; a call bound to a name that its function (or the " +
		"module's top level) binds nowhere else and then passes to a call or awaits, `app = init_app(argv)` followed by " +
		"`web.run_app(app)`, as if the call were written there; a call a plain def or a lambda returns to its " +
		"caller, `def awaitable(v): return _wrap(v)`, which awaits what it gets — in an async def, `return f()` is a " +
		"missing await instead), " +
		"and functions used other than by being called (`trio.run(main)`, `tg.start_soon(child)`, " +
		"`app.add_route(path, handler)`, a callback stored to be awaited later). A use is what a name resolves to " +
		"where it is written: the function itself, an import of it (`from m import f`, `import m; m.f`, or through " +
		"a package above its module, which may re-export it); a parameter, a variable or an attribute of another " +
		"object named like the function is not a use of it;\n" +
		"- async generators: one is how an async iterator is written (`__aiter__` returning one, an API consumed with " +
		"`async for`), so it must stay async even when it never awaits (flake8-async reports them);\n" +
		"- a function whose name is also imported or defined elsewhere in the same scope (an `except ImportError:` " +
		"fallback, a platform variant): it keeps the signature of the coroutine function it stands in for;\n" +
		"- functions that make a blocking call reported by ASYNC2xx, ASL201 or ASL202: the fix for that finding " +
		"(`await asyncio.to_thread(...)`) is the missing await, so one mistake gets one finding; likewise functions " +
		"that throw away a coroutine or awaitable ASL102 reports as never awaited (`asyncio.gather(pool.close(), " +
		"worker.close())` as a statement): its `await` is the fix (one returned un-awaited is still reported: a " +
		"plain def returning it is a fix too);\n" +
		"- a hook a library the module imports looks up by name and awaits (pylib's AwaitedHooks: Home Assistant's " +
		"`async_setup_entry`, `async_unload_entry` and the other setup hooks of an integration and its platforms, which " +
		"HA awaits even when a platform's only adds entities);\n" +
		"- a module-level function that another module of the same directory (package) also defines as a coroutine function that " +
		"awaits: interchangeable modules implementing one protocol, looked up by name and awaited by the package's " +
		"driver (nvchecker's source plugins, each an `async def get_version(name, conf, **kwargs)` that its worker " +
		"awaits; the `manual` source only returns a configured value); siblings are the modules of one directory, with or " +
		"without an `__init__.py`, which is no sibling itself;\n" +
		"- a package's exported API: a module-level function named in its module's `__all__`, or a public one " +
		"defined in a package's `__init__.py`. Its users `await` it; making it a plain `def` breaks every one of " +
		"them (on the corpus: a documented context-processor callback, a compatibility shim meant to be awaited);\n" +
		"- a function whose only parameters are `*args` and/or `**kwargs` and whose body reads neither: it accepts any " +
		"call and uses none of it, the shape of a stand-in for another callable (a browser build's placeholder for " +
		"a library's `async def serve(*args, **kwargs)` that callers await), so its coroutine type is the signature " +
		"it copies. One that reads its arguments, or has a named parameter, is still reported;\n" +
		"- the implementation of a function whose `@overload` signatures are declared `async def`: its coroutine type " +
		"is its declared API (anyio's `maybe_async` compatibility shim, exported through the package's `__init__`);\n" +
		"- a function that returns an `async def` defined in its own body: an async factory of coroutine functions is " +
		"written for a framework that awaits the factory (aiohttp's old-style middleware factories, `async def " +
		"middleware(app, handler)` returning the handler wrapper, which aiohttp awaits; aws-xray-sdk's). One that only " +
		"defines an inner coroutine, without returning it, is still reported, as flake8-async expects;\n" +
		"- a request handler of a framework that accepts only coroutine handlers, known by the response it returns " +
		"(pylib's ReturnedByCoroutineHandlers): aiohttp's docs say a request handler \"must be a coroutine\" (aiohttp " +
		"3.x still wraps a plain def, with a DeprecationWarning: \"Bare functions are deprecated, use async ones\"), so " +
		"`async def index(request): return web.Response(text=...)` stays async even where the module does not " +
		"register it. Starlette's and FastAPI's responses give no such exemption: those frameworks also run " +
		"plain handlers.\n\n" +
		"One version of flake8-async's eval file async124_py311.py expects ASYNC124 at the column of a `yield` in an " +
		"`except*` handler of an `@asynccontextmanager`; ASYNC124 is about a function that never awaits, reported at " +
		"its definition (as in flake8-async's async124.py), and a decorated function is skipped, so asyncls reports " +
		"nothing there.",
	Requires: []Fact{blockingCalls, blockingInHelpers},
	Run:      runCouldBeSync,
})

func runCouldBeSync(p *Pass) {
	inTestModule := testModule(p.Module, p.Project)
	for _, f := range p.Module.Functions {
		if !f.Async || f.Generator || f.Lambda || f.Class != nil || len(f.Decorators) > 0 || emptyBody(f.Node) {
			continue
		}
		if alternativeDefinition(p.Module, f) || declaredAsyncByOverloads(p.Module, f) || ignoresCatchAllArguments(p.File, f) {
			continue
		}
		if inTestModule && strings.HasPrefix(f.Name, "test") {
			continue
		}
		if usedAsValue(p, f) || siblingImplementation(p, f) || exportedAPI(p.Module, f) || awaitedHook(p.Module, f) || returnsInnerCoroutineFunction(p.Module, f) ||
			returnsCoroutineHandlerResponse(p.Module, f) {
			continue
		}
		if hasCheckpoint(p.Module, f.Node.ChildByField("body"), false, nil) || makesBlockingCall(p, f) || makesUnawaitedCoroutine(p, f) {
			continue
		}
		p.Report(f.Node.ChildByField("name"), "async function `"+f.Name+"` never awaits; make it a plain `def` "+
			"(or add the missing `await`)")
	}
}

// siblingImplementation reports a module-level function that another module
// of the same directory (package) also defines as a coroutine function,
// one that awaits (analysis.SiblingCoroutineIndexKey): interchangeable modules implementing
// one protocol, looked up by name and awaited by the package's driver
// (nvchecker's sources, each an `async def get_version`, one of them only
// returning its configuration's value). Asked of the project's name index,
// so a check of one file answers as a check of the whole project.
func siblingImplementation(p *Pass, f *analysis.Function) bool {
	if p.Project == nil || f.Parent != nil || f.Class != nil || p.Module.IsPackage {
		return false
	}
	// The index holds this module's own entry for f when f has an await
	// that does not count (in a lazy generator expression): the answer
	// would be about f itself.
	if p.Module.File == nil || p.Module.File.Path == "" || len(f.Awaits) > 0 {
		return false
	}
	return p.projectUsesAsValue(analysis.SiblingCoroutineIndexKey(p.Module.Directory(), f.Name))
}

// returnsInnerCoroutineFunction reports a coroutine function that returns
// an `async def` defined in its own body: an async factory of coroutine
// functions, a shape written for a framework that awaits the factory
// (aiohttp's old-style middleware factories, `async def factory(app,
// handler)` returning the middleware), where a plain `def` would hand the
// framework a function to await.
func returnsInnerCoroutineFunction(m *analysis.Module, f *analysis.Function) bool {
	inner := map[string]bool{}
	for _, g := range m.Functions {
		if g.Parent == f && g.Async && !g.Lambda && g.Name != "" {
			inner[g.Name] = true
		}
	}
	if len(inner) == 0 {
		return false
	}
	found := false
	walkBody(f.Node.ChildByField("body"), func(n *analysis.Node) bool {
		if found {
			return false
		}
		if n.Type() == "return_statement" {
			if v := n.NamedChildren(); len(v) == 1 && v[0].Type() == "identifier" && inner[m.File.Text(v[0])] {
				found = true
			}
		}
		return true
	})
	return found
}

// returnsCoroutineHandlerResponse reports a function that returns a response
// of a web framework whose request handlers must be coroutine functions
// (pylib's ReturnedByCoroutineHandlers: aiohttp's `return web.Response(...)`,
// also through a name bound once to one): it is such a handler, registered
// in a module the check may not see. aiohttp 3.x still runs a plain def
// there, wrapped, with a DeprecationWarning ("Bare functions are
// deprecated, use async ones", web_urldispatcher.py); its low-level
// Server awaits what the handler returns, so a plain def fails there.
func returnsCoroutineHandlerResponse(m *analysis.Module, f *analysis.Function) bool {
	found := false
	walkBody(f.Node.ChildByField("body"), func(n *analysis.Node) bool {
		if found {
			return false
		}
		if n.Type() == "return_statement" {
			if v := n.NamedChildren(); len(v) == 1 {
				if ctor := constructorCall(m, v[0], 0); ctor != nil {
					api, _ := pylib.Lookup(calleeOf(m, ctor))
					found = api.ReturnedByCoroutineHandlers
				}
			}
		}
		return true
	})
	return found
}

// alternativeDefinition reports whether f's name is also bound in the same
// scope by an import or another def: a fallback (`except ImportError:
// async def open_agent(...): raise OSError(...)`) or a platform variant,
// which must keep the signature of the function it stands in for.
func alternativeDefinition(m *analysis.Module, f *analysis.Function) bool {
	b := scopeBindingsOf(m)
	key := scopedName{f.Scope.Parent, f.Name}
	if b.imports[key] {
		return true
	}
	for _, g := range b.defs[key] {
		if g != f {
			return true
		}
	}
	return false
}

// ignoresCatchAllArguments reports a function whose only parameters are
// `*args` and/or `**kwargs` and whose body reads neither: it accepts any call
// and uses none of it, the shape of a stand-in for another callable (a
// platform's placeholder for a library's `async def serve(...)`, a no-op
// hook). Its callers await what it stands in for, so its coroutine type is
// the signature it copies, whatever its body does.
func ignoresCatchAllArguments(file *analysis.File, f *analysis.Function) bool {
	params := f.Node.ChildByField("parameters")
	body := f.Node.ChildByField("body")
	if params == nil || body == nil {
		return false
	}
	names := map[string]bool{}
	for _, prm := range params.NamedChildren() {
		switch prm.Type() {
		case "list_splat_pattern", "dictionary_splat_pattern":
			for _, c := range prm.NamedChildren() {
				if c.Type() == "identifier" {
					names[file.Text(c)] = true
				}
			}
		default:
			return false
		}
	}
	if len(names) == 0 {
		return false
	}
	used := false
	body.Walk(func(n *analysis.Node) bool {
		if used {
			return false
		}
		if n.Type() == "identifier" && names[file.Text(n)] {
			used = true
		}
		return !used
	})
	return !used
}

// declaredAsyncByOverloads reports the implementation of a function whose
// `@overload` signatures are declared `async def`: the coroutine type is the
// function's declared API, which a plain `def` would contradict.
func declaredAsyncByOverloads(m *analysis.Module, f *analysis.Function) bool {
	// Indexed once per module by scope and name (scanning every function
	// for each was quadratic in a file of thousands of functions).
	overloads := m.Memo("async124-async-overloads", func() any {
		out := map[scopedName][]*analysis.Function{}
		for _, g := range m.Functions {
			if g.Async && hasDecorator(m, g, "overload") {
				key := scopedName{g.Scope.Parent, g.Name}
				out[key] = append(out[key], g)
			}
		}
		return out
	}).(map[scopedName][]*analysis.Function)
	for _, g := range overloads[scopedName{f.Scope.Parent, f.Name}] {
		if g != f {
			return true
		}
	}
	return false
}

type scopedName struct {
	scope *analysis.Scope
	name  string
}

// scopeBindings indexes a module's imports and (non-empty, non-lambda)
// defs by scope and name, once per module: asking each function's question
// by scanning them all was quadratic in a file of thousands of functions.
type scopeBindings struct {
	imports map[scopedName]bool
	defs    map[scopedName][]*analysis.Function
}

func scopeBindingsOf(m *analysis.Module) *scopeBindings {
	return m.Memo("async124-scope-bindings", func() any {
		b := &scopeBindings{imports: map[scopedName]bool{}, defs: map[scopedName][]*analysis.Function{}}
		for _, imp := range m.Imports {
			b.imports[scopedName{imp.Scope, imp.BoundName}] = true
		}
		for _, g := range m.Functions {
			if !g.Lambda && !emptyBody(g.Node) {
				key := scopedName{g.Scope.Parent, g.Name}
				b.defs[key] = append(b.defs[key], g)
			}
		}
		return b
	}).(*scopeBindings)
}

// usedAsValue reports whether f is used other than by calling it, or by a
// call whose coroutine is handed to a scheduler, anywhere in the project (or
// the module, without a project): a use that resolves to f, through the
// project's index of what each module's uses resolve to.
func usedAsValue(p *Pass, f *analysis.Function) bool {
	for _, k := range f.ValueKeys() {
		for _, key := range []string{k, analysis.CallValueKey(k)} {
			if p.Project == nil && p.Module.UsesAsValue(key) || p.Project != nil && p.projectUsesAsValue(key) {
				return true
			}
		}
	}
	return false
}

// makesBlockingCall reports whether the coroutine f makes a call that a
// blocking rule reports: directly (ASYNC2xx, ASL202) or through synchronous
// helpers (ASL201).
func makesBlockingCall(p *Pass, f *analysis.Function) bool {
	inHelpers := blockingInHelpers.of(p)
	kind, blocks := inHelpers.Kind, inHelpers.Blocks
	for _, c := range f.Calls {
		if blocks(p.Module, c) {
			return true
		}
		if p.Project == nil || returnsAwaitable(c) {
			continue
		}
		if t := p.Project.Target(c); t != nil && !t.Async && !t.Lambda && !t.Generator && p.Project.Reach(kind, t, blocks) != nil {
			return true
		}
	}
	return false
}

// makesUnawaitedCoroutine reports whether the coroutine f throws away a
// coroutine or awaitable that ASL102 reports as never awaited
// (`asyncio.gather(a(), b())` as a statement): its fix, the missing `await`,
// makes f await, so the one mistake gets ASL102's finding and not also this
// one. ASL102's own tests of what a call makes: a coroutine or awaitable by
// the tables, the project or its annotation, or one the module awaits
// elsewhere; a call it leaves alone (under a test of coroutine-ness, never
// run, expected to raise first) does not count. A coroutine f returns
// un-awaited is not one: a plain def returning it is a fix too
// (flake8-async expects ASYNC124 there).
func makesUnawaitedCoroutine(p *Pass, f *analysis.Function) bool {
	for _, c := range f.Calls {
		if c.Usage != analysis.UsageDropped {
			continue
		}
		if !isCoroutineCall(p, c) && !awaitedElsewhere(p, c) && !awaitedNameElsewhere(p, c) &&
			!projectCoroutineMethodCall(p, c) && awaitableByAnnotation(p, c) == "" {
			continue
		}
		if underCoroutineFunctionTest(p, c) || neverRuns(p.Module, c.Node) || raisesBeforeMakingAwaitable(p, c) {
			continue
		}
		return true
	}
	return false
}

// awaitedHook reports a module-level function named as a hook that a
// library the module imports looks up and awaits (Home Assistant's
// `async_setup_entry` of an integration's platform).
func awaitedHook(m *analysis.Module, f *analysis.Function) bool {
	if f.Class != nil || f.Scope.Parent != m.Scope {
		return false
	}
	_, ok := m.AwaitedHook(f.Name)
	return ok
}

// exportedAPI reports a module-level function that is its package's public
// API: named in the module's `__all__`, or public (no leading underscore) and
// defined in a package's `__init__.py`.
func exportedAPI(m *analysis.Module, f *analysis.Function) bool {
	if f.Class != nil || enclosingFunc(f.Node) != nil {
		return false
	}
	if m.IsPackage && !strings.HasPrefix(f.Name, "_") {
		return true
	}
	return dunderAllNames(m)[f.Name]
}

// dunderAllNames is the set of names the module's `__all__` assignments
// list, read once per module.
func dunderAllNames(m *analysis.Module) map[string]bool {
	return m.Memo("async124-dunder-all", func() any {
		names := map[string]bool{}
		for _, st := range m.File.Root.NamedChildren() {
			if st.Type() != "expression_statement" || len(st.NamedChildren()) != 1 {
				continue
			}
			a := st.NamedChildren()[0]
			if (a.Type() != "assignment" && a.Type() != "augmented_assignment") || m.File.Text(a.ChildByField("left")) != "__all__" {
				continue
			}
			right := analysis.Unparen(a.ChildByField("right"))
			if right == nil || (right.Type() != "list" && right.Type() != "tuple") {
				continue
			}
			for _, e := range right.NamedChildren() {
				if e.Type() == "string" {
					names[strings.Trim(m.File.Text(e), `"'`)] = true
				}
			}
		}
		return names
	}).(map[string]bool)
}
