package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASL108 reports a plain `with` on a context manager that supports only
// `async with`.
var ASL108 = register(&Rule{
	Code:    "ASL108",
	Name:    "with-on-async-context-manager",
	Summary: "Plain `with` on a context manager that supports only `async with`",
	Rationale: "asyncio's `Lock`, `Semaphore` and `Condition`, `asyncio.timeout()`, `TaskGroup`, " +
		"`aiohttp.ClientSession`, `httpx.AsyncClient` and the like are asynchronous context managers: they define " +
		"`__aenter__`/`__aexit__` and no usable `__enter__`. A plain `with` on one raises as soon as it runs (TypeError: " +
		"the object does not support the context manager protocol, or the library's \"use async with instead\"), so the " +
		"block never runs: a crash on the first request that reaches it, which a test that does not reach it misses.",
	Bad: `import asyncio

lock = asyncio.Lock()

async def update(db, key):
    with lock:
        await db.set(key, await db.get(key) + 1)`,
	Good: `import asyncio

lock = asyncio.Lock()

async def update(db, key):
    async with lock:
        await db.set(key, await db.get(key) + 1)`,
	Severity:  Error,
	Default:   true,
	CrossFile: true,
	Fix:       "Write `async with` (safe: the plain `with` cannot run; offered in a coroutine when every item of the statement supports only `async with`).",
	Notes: "The context manager is recognised by its type (from the constructor or factory call written in the " +
		"`with`, or the type of the name or attribute it holds: `self._lock = asyncio.Lock()` in `__init__`) among " +
		"pylib's AsyncWithOnly records (pylib/context_managers.go): asyncio's locks, semaphores, conditions, `timeout()`, " +
		"`timeout_at()` and `TaskGroup`, `aiohttp.ClientSession`, `httpx.AsyncClient`, `aiofiles.open`, trio's nursery " +
		"and locks, anyio's task group and locks, redis.asyncio's `Lock` (and the client's `lock()`), aiosqlite's " +
		"`connect()` and connection (and its `execute*()`/`cursor()` results, and a cursor), asyncpg's `create_pool()`, pool, " +
		"`pool.acquire()` and `conn.transaction()`, Tortoise ORM's `in_transaction()`. Those aiosqlite and asyncpg objects are awaitable as well; ASL102 " +
		"leaves a plain `with` on one to this rule (`with await x` would fail too: what awaiting gives has no " +
		"`__enter__`). Reported in any function or at module level: the `with` fails wherever " +
		"it runs. `async_timeout.timeout()` is not listed: a plain `with` on it works in its releases up to 4.0.x " +
		"(deprecated since 4.0 with a DeprecationWarning; async_timeout/__init__.py of 4.0.2). A library manager kept in a module-level variable of another module of the project (`from .locks import lock`, " +
		"bound once there to `asyncio.Lock()`) counts as well. The project's own " +
		"asynchronous context managers count too: a call of a generator function that `@asynccontextmanager` alone " +
		"decorates (or a name one assignment binds to such a call: `cm = transaction(db)` then `with cm:`), and a project class (or an instance of one) whose hierarchy is in view (project bases only, no " +
		"`metaclass=`, no class decorator) binding `__aenter__` and not `__enter__`, with ASL111's conditions: no " +
		"module assigns `__enter__` on an object, no project subclass defines it for a value other than a name bound " +
		"once to a call of the class (an annotated parameter may hold the subclass), one definition of the name, and " +
		"for a method called through an instance (`self.transaction()`) no subclass, store on `self` or patch that " +
		"may replace it, and never a class read from an instance or a class (`self.pool_class()`). The reverse mistake " +
		"(`async with threading.Lock()`, `async with` on an `@contextmanager` generator) is ASL111's. `with (await lock):` " +
		"on such a library object is reported too: it was how asyncio's locks, semaphores and conditions were entered " +
		"before `async with`, Python 3.9 removed it (bpo-34793), and awaiting any of these objects raises TypeError " +
		"(\"object Lock can't be used in 'await' expression\"; jupyter-server-proxy's `with (await " +
		"self.state['proc_lock']):`, jupyterhub/jupyter-server-proxy#224, bench/realbugs74); the fix writes `async with " +
		"lock`. Only an object of the type itself is taken there (`await aiofiles.open(path)` gives a file), and no " +
		"project class (it may define `__await__` to give a context manager). An item " +
		"read from a mapping under a constant key has the type of what the module stores under that key " +
		"(`state['proc_lock'] = Lock()`), also when the mapping is a parameter a method keeps as `self.state` and " +
		"fills itself (analysis: keyedMappingValues). " +
		"Not reported in " +
		"the body of `with pytest.raises(TypeError):` (or `Exception`, `BaseException`, a tuple holding one; " +
		"`self.assertRaises(...)` alike): a test that the `with` fails, as aiohttp's own test of `ClientSession`.",
	Run: runWithOnAsyncContextManager,
})

func runWithOnAsyncContextManager(p *Pass) {
	p.File.Root.Walk(func(n *analysis.Node) bool {
		if n.Type() != "with_statement" || isAsyncStmt(n) {
			return true
		}
		if expectedToRaiseOf(p.Module, n, "TypeError") {
			return true // a test that the `with` fails
		}
		exprs, _ := withItems(n)
		names := make([]string, len(exprs))
		awaited := make([]*analysis.Node, len(exprs))
		all := len(exprs) > 0
		for i, e := range exprs {
			names[i] = asyncOnlyContextManager(p, e)
			if names[i] == "" {
				names[i], awaited[i] = awaitedAsyncOnlyManager(p, e)
			}
			all = all && names[i] != ""
		}
		// `async with` is the fix when every item supports it and the
		// statement is in a coroutine; offered once, on the first item,
		// with each `(await x)` item unwrapped to `x`.
		f := p.Module.FunctionAt(n)
		inCoroutine := f != nil && f.Async && !f.Lambda
		fixable := all && inCoroutine
		for i, e := range exprs {
			if names[i] == "" {
				continue
			}
			advice := "write `async with`"
			if !inCoroutine {
				advice = "use it with `async with` in a coroutine"
			}
			var opts []ReportOption
			if fixable {
				edits := []Edit{{Start: int(n.Start), End: int(n.Start), New: "async "}}
				for j, e := range exprs {
					if awaited[j] != nil {
						outer := e
						for q := outer.Parent(); q != nil && q.Type() == "parenthesized_expression"; q = outer.Parent() {
							outer = q
						}
						edits = append(edits, Edit{Start: int(outer.Start), End: int(outer.End), New: p.File.Text(awaited[j])})
					}
				}
				opts = append(opts, WithFix(&Fix{Title: "Write `async with`", Safe: true, Edits: edits}))
				fixable = false
			}
			if awaited[i] != nil {
				x := p.File.Brief(awaited[i])
				p.Report(e, "`with (await "+x+")`: `"+x+"` ("+names[i]+") cannot be awaited (Python 3.9 removed the "+
					"`with (await lock)` form: TypeError) and supports only `async with`; "+
					strings.Replace(advice, "`async with`", "`async with "+x+"`", 1), opts...)
				continue
			}
			p.Report(e, "`"+p.File.Brief(e)+"` ("+names[i]+") supports only `async with`: this `with` raises TypeError "+
				"when it runs; "+advice, opts...)
		}
		return true
	})
}

// awaitedAsyncOnlyManager recognises `with (await lock):`, the form
// asyncio's locks, semaphores and conditions accepted before Python 3.9
// (their `__await__` acquired and returned a context manager that
// released; bpo-34793 removed it): e awaits an object of a library type
// that supports only `async with`. Awaiting it now raises TypeError
// ("object Lock can't be used in 'await' expression"), as it does for the
// other such types, which were never awaitable (a ClientSession, a
// TaskGroup). It returns that type and the awaited operand, or "".
// Project classes are left out: one may define `__await__` to give a
// context manager.
func awaitedAsyncOnlyManager(p *Pass, e *analysis.Node) (string, *analysis.Node) {
	if e == nil || e.Type() != "await" {
		return "", nil
	}
	named := e.NamedChildren()
	if len(named) != 1 {
		return "", nil
	}
	operand := analysis.Unparen(named[0])
	if operand == nil {
		return "", nil
	}
	// The operand is an object of the type itself (a lock, a session), not
	// what a factory returns: `await aiofiles.open(path)` gives a file.
	if name := asyncOnlyContextManager(p, operand); name != "" && pylib.AsyncWithOnly(name) && instanceType(p, operand) == name {
		return name, operand
	}
	return "", nil
}

// asyncOnlyContextManager returns the qualified name of the type or
// factory that makes e a context manager supporting only `async with`, or
// "".
func asyncOnlyContextManager(p *Pass, e *analysis.Node) string {
	e = analysis.Unparen(e)
	if e.Type() == "call" {
		fn := e.ChildByField("function")
		r := projectRef(p, fn)
		if r.Name != "" && !r.Instance && pylib.AsyncWithOnly(r.Name) {
			return r.Name
		}
		// A project generator that @asynccontextmanager alone makes a
		// context manager, or a class of the project (its hierarchy in
		// view) with __aenter__ and no __enter__.
		if what := generatorManagerOnly(p, e, true); what != "" {
			return what
		}
		if cls := definiteClass(p, fn, r.Class); cls != nil && !r.Instance {
			return classLacks(p, cls, true, "__aenter__", "__enter__", "")
		}
	} else if call := boundOnceToCall(p.Module, e); call != nil {
		// `cm = transaction(db)` then `with cm:` is the call's protocol.
		if what := generatorManagerOnly(p, call, true); what != "" {
			return what
		}
	}
	if t := instanceType(p, e); t != "" && pylib.AsyncWithOnly(t) {
		return t
	}
	if r := projectRef(p, e); r.Class != nil && r.Instance {
		return classLacks(p, r.Class, madeByCall(p, e, r.Class), "__aenter__", "__enter__", "")
	}
	return ""
}
