package rules

import (
	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASL111 reports the synchronous protocol used where Python needs the
// asynchronous one, or the reverse: each raises TypeError when the line
// runs, or (for an `async def` dunder Python calls synchronously) makes a
// coroutine that never runs.
var ASL111 = register(&Rule{
	Code:    "ASL111",
	Name:    "sync-async-protocol-mismatch",
	Summary: "`async with`/`async for` on an object with only the synchronous protocol, `for` over an async generator or an asynchronous-only library iterable, or `async def` for a method Python, or a command-line framework, calls synchronously",
	Rationale: "`async with` needs `__aenter__`/`__aexit__` and `async for` needs `__aiter__`/`__anext__`; a plain `with` or " +
		"`for` needs the synchronous pair. Mixing them up raises TypeError when the line runs (\"'Lock' object does not " +
		"support the asynchronous context manager protocol\", \"'async_generator' object is not iterable\"), typically " +
		"left behind when code moves between sync and async: an `@contextmanager` helper entered with `async with`, a " +
		"`threading.Lock` given `async with`, an async generator iterated with `for`. Worse, Python calls some special " +
		"methods synchronously whatever their definition: `async def __init__` fails every construction, and an " +
		"`async def __exit__` returns a coroutine, which is true, so every exception raised in the `with` body is " +
		"silently swallowed while the cleanup never runs.",
	Bad: `import contextlib
import threading


@contextlib.contextmanager
def transaction(db):
    db.begin()
    yield db
    db.commit()


lock = threading.Lock()


async def save(db, row):
    async with lock:
        async with transaction(db) as tx:
            tx.insert(row)`,
	Good: `import asyncio
import contextlib


@contextlib.asynccontextmanager
async def transaction(db):
    await db.begin()
    yield db
    await db.commit()


lock = asyncio.Lock()


async def save(db, row):
    async with lock:
        async with transaction(db) as tx:
            await tx.insert(row)`,
	Severity:  Error,
	Default:   true,
	CrossFile: true,
	Notes: "Reported when the code in view decides the object's protocol: a call of a project generator function turned " +
		"into a context manager by contextlib's decorator alone (`@contextmanager` is synchronous, `@asynccontextmanager` " +
		"asynchronous: the latter in a plain `with` is ASL108's); a project class, or an instance of one, whose " +
		"hierarchy is all in view (project bases only, no `metaclass=` or other base keyword, no class decorator) and " +
		"which binds `__enter__` but not `__aenter__` (or, for iteration, `__iter__` but not `__aiter__`, and the " +
		"reverse for a plain `for`, where `__getitem__` also makes an object iterable), unless a module of the project " +
		"assigns the missing method on some object (`Conn.__aenter__ = _aenter`, `setattr(C, \"__aiter__\", f)`) or, " +
		"for a value other than a name bound once to a call of the class itself (a parameter annotated with it), a " +
		"project subclass defines it (the value may be an instance of that subclass), and no `__new__` in the hierarchy " +
		"(it may return an object of another class); the generator function or class " +
		"must be its name's only definition in its scope (`if PY37: class Lock: ... else: class Lock: ...` resolves " +
		"to the last, which need not be the one that runs), and a method called through an instance (`self.items()`) " +
		"one that no subclass, store on `self` or patch may replace (as ASL110's methods: a subclass's async generator " +
		"`items` makes the base's `async for x in self.items()` right); a class or function read from an instance or " +
		"a class (`self.connection_class()` with `connection_class = Conn` in the class body) is never decided: a " +
		"subclass may set another; a library type pylib records as " +
		"synchronous only (threading's locks, conditions and semaphores, contextlib's `ExitStack` and `suppress`, " +
		"concurrent.futures' executors); for `async for`, a list, tuple, set or dict display or comprehension, a string, " +
		"or a call of a builtin that builds a synchronous iterable (`range`, `enumerate`, `zip`, `sorted`, `reversed`, " +
		"`list`...), and a call of a project generator function with no decorator but `@staticmethod`/`@classmethod`; " +
		"for a plain `for` (a statement or a comprehension clause), a call of such a project async generator function, " +
		"and a library object pylib records as asynchronous only (pylib/async_iterables.go: motor's cursors and change " +
		"streams, `coll.find(...)` and its chained `sort`/`limit`..., aiokafka's `AIOKafkaConsumer`, aio-pika's queue " +
		"and `queue.iterator()`, redis.asyncio's `pubsub.listen()`; not PyMongo's own `AsyncCursor`, whose " +
		"`__getitem__` lets `for` index it). " +
		"Special methods are reported when defined with `async def` (coroutine or async generator), no decorator and " +
		"no other binding of the name in the class body (`if PY_352: def __aiter__ ... else: async def __aiter__ ...`): " +
		"those Python calls synchronously and checks (`__init__`, `__iter__`, `__len__`, `__bool__`, `__hash__`, " +
		"`__str__`, `__repr__`, `__format__`, `__bytes__`, `__int__`, `__float__`, `__index__`, `__length_hint__`: " +
		"TypeError), and those whose coroutine is used as the result and never runs (`__enter__`, `__exit__`, " +
		"`__next__`, `__contains__`, comparisons, `__setitem__`, `__delitem__`, `__setattr__`, `__delattr__`, " +
		"`__del__`, `__post_init__`, `__set_name__`, `__init_subclass__`); `__init__` only in a class whose hierarchy " +
		"is in view (a metaclass may await it: the asyncinit pattern), `__init_subclass__` likewise, and `__post_init__` " +
		"only in a class that `@dataclass` alone decorates without `init=False` (pylib's CallsPostInit: its generated `__init__` calls it; " +
		"elsewhere the class's own code, or another decorator, may await it). `async def __aiter__` that is not an async " +
		"generator (a coroutine returning an iterator: the protocol before Python 3.5.2) is reported too, unless its body " +
		"is a stub (`...`, `pass`, a docstring, `raise NotImplementedError`: a declaration in a `typing.Protocol` or an " +
		"abstract base). " +
		"`__getitem__`, `__getattr__` and `__call__` are not: `await obj[key]` and `await obj.name()` are designs. " +
		"A module-level `async def` registered as a command of Click or Typer is reported too (pylib/cli_commands.go: " +
		"`@click.command()`, `@click.group()`, the `command`/`group` decorators of a group a function of the project was " +
		"made into by `@click.group()`, in any module, and `command`/`callback` of an exact `typer.Typer` instance): both " +
		"call the command's (or a group's) function synchronously, so each invocation makes a coroutine that never runs and " +
		"the command does nothing (nexi-lab/nexus#3050, justincasher/lean-explore#50, neoave/mrack#76; bench/realbugs106). " +
		"Only when every decorator " +
		"under the registering one hands the function's result back as it is: Click's `option`/`argument`/`pass_context` " +
		"(also through a name bound to `click.option(...)`), `functools.wraps`, and decorators of the project whose wrapper " +
		"is an `async def` or returns the wrapped call (`return func(remote_url=remote_url, **kwargs)`, a decorator adding " +
		"options, in any module). A decorator whose wrapper runs the coroutine (`return asyncio.run(f(*args, **kwargs))`, " +
		"`loop.run_until_complete(...)`), " +
		"a library decorator asyncls knows nothing of, asyncclick (which awaits callbacks), a subclass of `typer.Typer` " +
		"(an `AsyncTyper` may run it), a command or group class other than the framework's own given to the registering " +
		"decorator or to the group's (`@click.command(cls=AsyncCommand)`, `@click.group(cls=AsyncGroup)`: the recipe for " +
		"async Click commands, an `invoke` that runs the coroutine with `asyncio.run`) and a def nested in a function keep " +
		"it quiet (testdata `async_cli_commands.py`, `async_cli_commands_across_modules`, " +
		"`async_cli_commands_with_custom_classes.py`). " +
		"A library object kept in a module-level variable of another module of the project (`from .locks import lock`, " +
		"bound once there to `threading.Lock()`) counts as well. " +
		"Functions and classes of other modules of the project count wherever they are imported (at the top, " +
		"relatively, or inside a function), so `check FILE` and `check .` agree. A name one assignment binds to a call " +
		"of such an `@contextmanager` generator (`cm = scope(name)` then `async with cm:`) has the call's protocol, and a " +
		"call of a function of the module that is not a method (`async with make_guard():` where `make_guard` returns " +
		"`Guard()`) the protocol of what it returns, as a name bound to that call has; what a method returns is not " +
		"followed there (`self.guard_class()` in it may be a subclass's choice), nor what a function of another module " +
		"returns (it may depend on the caller's class). " +
		"No automatic fix: the repair is the protocol the object has (`with`/`for`) or giving it the asynchronous one " +
		"(`@asynccontextmanager`, `asyncio.Lock`, `__aenter__`/`__aiter__`), a choice the code does not show.",
	Run: runProtocolMismatch,
})

func runProtocolMismatch(p *Pass) {
	for _, cls := range p.Module.Classes {
		asyncSyncDunders(p, cls)
	}
	asyncCommands(p)
	p.File.Root.Walk(func(n *analysis.Node) bool {
		switch n.Type() {
		case "with_statement":
			if !isAsyncStmt(n) {
				return true
			}
			exprs, _ := withItems(n)
			for _, e := range exprs {
				if what := syncOnlyContextManager(p, e); what != "" {
					p.Report(e, "`"+p.File.Brief(e)+"` ("+what+") supports only a plain `with`: this `async with` raises "+
						"TypeError when it runs; write `with`, or give it the asynchronous protocol")
				}
			}
		case "for_statement", "for_in_clause":
			right := analysis.Unparen(n.ChildByField("right"))
			if right == nil {
				return true
			}
			if isAsyncStmt(n) {
				if what := syncOnlyIterable(p, right); what != "" {
					p.Report(right, "`"+p.File.Brief(right)+"` ("+what+") is not an asynchronous iterable: this `async for` "+
						"raises TypeError when it runs; write `for`")
				}
			} else if what := asyncOnlyIterable(p, right); what != "" {
				p.Report(right, "`"+p.File.Brief(right)+"` ("+what+") is only an asynchronous iterable: this `for` raises "+
					"TypeError when it runs; write `async for` (in a coroutine)")
			}
		}
		return true
	})
}

// syncOnlyContextManager says why e supports only a plain `with`, or "".
func syncOnlyContextManager(p *Pass, e *analysis.Node) string {
	if e.Type() == "call" {
		fn := e.ChildByField("function")
		r := projectRef(p, fn)
		if what := generatorManagerOnly(p, e, false); what != "" {
			return what
		}
		if cls := definiteClass(p, fn, r.Class); cls != nil && !r.Instance {
			return classLacks(p, cls, true, "__enter__", "__aenter__", "")
		}
		if r.Name != "" && !r.Instance && (pylib.SyncWithOnly(r.Name) || pylib.SyncWithOnly(p.Project.Canonical(r.Name))) {
			return "a `" + r.Name + "`"
		}
		// Otherwise what a call of a function gives, as for a name bound
		// to it below (`async with make_guard():` where make_guard returns
		// Guard()); not of a method (`pool.other()` may return
		// `self.guard_class()`, which a subclass may set to another class).
		if r.Func == nil || r.Func.Class != nil || analysis.Unparen(fn).Type() == "attribute" && throughObject(p.Module, fn) {
			return ""
		}
	} else if call := boundOnceToCall(p.Module, e); call != nil {
		// `cm = scope("x")` then `async with cm:` is the call's protocol.
		if what := generatorManagerOnly(p, call, false); what != "" {
			return what
		}
	}
	if r := projectRef(p, e); r.Class != nil && r.Instance {
		return classLacks(p, r.Class, madeByCall(p, e, r.Class), "__enter__", "__aenter__", "")
	}
	if t := instanceType(p, e); t != "" && (pylib.SyncWithOnly(t) || pylib.SyncWithOnly(p.Project.Canonical(t))) {
		return "a `" + t + "`"
	}
	return ""
}

// generatorManagerOnly says why call, a call of a project generator
// function that `@asynccontextmanager` (async) or `@contextmanager` (not
// async) alone makes a context manager, supports only that protocol, or "".
func generatorManagerOnly(p *Pass, call *analysis.Node, async bool) string {
	fn := call.ChildByField("function")
	r := projectRef(p, fn)
	if isAsync, ok := r.Func.GeneratorContextManager(); !ok || isAsync != async || definiteFunc(p, fn, r.Func) == nil {
		return ""
	}
	if async {
		return "a call of an `@asynccontextmanager` generator"
	}
	return "a call of an `@contextmanager` generator"
}

// boundOnceToCall returns the call that name e is bound to when one
// assignment binds it, to a call (`cm = scope("x")`), else nil.
func boundOnceToCall(m *analysis.Module, e *analysis.Node) *analysis.Node {
	if e == nil || e.Type() != "identifier" {
		return nil
	}
	b := m.ScopeAt(e).Lookup(m.File.Text(e))
	if b == nil || b.Kind != analysis.BindAssign || len(b.Values) != 1 || b.Values[0] == nil {
		return nil
	}
	if v := analysis.Unparen(b.Values[0]); v != nil && v.Type() == "call" {
		return v
	}
	return nil
}

// projectRef resolves n as Module.Resolve does, and follows what only the
// project can resolve: a function or class another module of the project
// defines (imported at the top, relatively, or inside a function) and a
// name bound to an instance of such a class (`g = Guard()`). What a
// function of another module returns (Ref.Via) is not followed: it may
// depend on the caller's class (a base class's method returning
// `self.ctx_factory(...)`, an attribute a subclass overrides with an
// asynchronous manager: elastic-apm's aiobotocore instrumentation,
// realbugs70); what a call of a function of the module returns through
// a decorator imported from another module is
// (Project.DecoratedFunctionResult).
func projectRef(p *Pass, n *analysis.Node) analysis.Ref {
	r := p.Project.DecoratedFunctionResult(p.Module.Resolve(n))
	if r.Func != nil || r.Class != nil || r.Name == "" {
		return r
	}
	t := p.Project.Lookup(r.Name)
	if r.Instance {
		r.Class = t.Class // the instance's type: only a class can be one
	} else {
		r.Func, r.Class = t.Func, t.Class
	}
	return r
}

// builtinIterables build a synchronous iterable from their arguments.
var builtinIterables = map[string]bool{"range": true, "enumerate": true, "zip": true, "sorted": true, "reversed": true,
	"list": true, "tuple": true, "set": true, "dict": true, "frozenset": true, "map": true, "filter": true, "iter": true}

// syncOnlyIterable says why e is not an asynchronous iterable, or "".
func syncOnlyIterable(p *Pass, e *analysis.Node) string {
	switch e.Type() {
	case "list", "tuple", "set", "dictionary", "list_comprehension", "set_comprehension", "dictionary_comprehension":
		return "a " + displayKind(e.Type())
	case "string", "concatenated_string":
		return "a string"
	case "call":
		fn := analysis.Unparen(e.ChildByField("function"))
		r := projectRef(p, fn)
		if fn.Type() == "identifier" && builtinIterables[p.File.Text(fn)] && r.Func == nil && r.Class == nil &&
			(r.Name == p.File.Text(fn) || r.Name == "builtins."+p.File.Text(fn)) {
			return "`" + p.File.Text(fn) + "()` builds a synchronous iterable"
		}
		// The cheap test first: whether a method may be replaced asks
		// the whole project (definiteFunc).
		if f := r.Func; f.PlainGenerator() && !f.Async && definiteFunc(p, fn, f) != nil {
			return "a call of the generator function `" + r.Func.Name + "`"
		}
		if cls := definiteClass(p, fn, r.Class); cls != nil && !r.Instance {
			return classLacks(p, cls, true, "__iter__", "__aiter__", "")
		}
		return ""
	}
	if r := projectRef(p, e); r.Class != nil && r.Instance {
		return classLacks(p, r.Class, madeByCall(p, e, r.Class), "__iter__", "__aiter__", "")
	}
	return ""
}

// asyncOnlyIterable says why e is only an asynchronous iterable, or "".
func asyncOnlyIterable(p *Pass, e *analysis.Node) string {
	if e.Type() == "call" {
		fn := e.ChildByField("function")
		r := projectRef(p, fn)
		if f := r.Func; f.PlainGenerator() && f.Async && definiteFunc(p, fn, f) != nil {
			return "a call of the async generator function `" + r.Func.Name + "`"
		}
		if cls := definiteClass(p, fn, r.Class); cls != nil && !r.Instance {
			return classLacks(p, cls, true, "__aiter__", "__iter__", "__getitem__")
		}
		if r.Func == nil && r.Class == nil {
			// A library function (`pubsub.listen`), also reached through
			// another module (`make_pubsub().listen`).
			if v := projectValue(p, p.Module, fn); v.Name != "" && !v.Instance && v.Func == nil && v.Class == nil &&
				asyncForOnly(p, v.Name) {
				return "a call of `" + v.Name + "`"
			}
		}
	} else if r := projectRef(p, e); r.Class != nil && r.Instance {
		return classLacks(p, r.Class, madeByCall(p, e, r.Class), "__aiter__", "__iter__", "__getitem__")
	}
	// A library object, also one another module's function returns or
	// FastAPI injects (`db=Depends(get_database)`; `db["c"].find()`).
	if t := instanceType(p, e); t != "" && asyncForOnly(p, t) {
		return "a `" + t + "`"
	}
	return ""
}

// asyncForOnly reports a library type or iterable factory that supports
// only `async for` (pylib.AsyncForOnly), by its name or the name it is
// defined under.
func asyncForOnly(p *Pass, name string) bool {
	return pylib.AsyncForOnly(name) || pylib.AsyncForOnly(p.Project.Canonical(name))
}

// classLacks says that cls (its hierarchy in view) binds has but neither
// lacks nor also (when set), or "", and no `__new__` (which may return an
// object of another class). exact is true for an object made by a
// call of cls itself; otherwise (a value annotated or inferred as cls) it
// may be an instance of a project subclass that adds the missing method.
// No module may rebind or patch lacks or also on an object
// (`Conn.__aenter__ = _aenter`).
func classLacks(p *Pass, cls *analysis.Class, exact bool, has, lacks, also string) string {
	if !p.Project.ClosedClass(cls) || !p.Project.ClassBinds(cls, has) || p.Project.ClassBinds(cls, lacks) ||
		also != "" && p.Project.ClassBinds(cls, also) || p.Project.ClassBinds(cls, "__new__") {
		return ""
	}
	note := p.overrideKeyNote()
	if p.Project.ProtocolBoundElsewhere(cls, lacks, exact, note) ||
		also != "" && p.Project.ProtocolBoundElsewhere(cls, also, exact, note) {
		return ""
	}
	return "`" + cls.Name + "` defines `" + has + "` and no `" + lacks + "`"
}

// definiteFunc returns f, the function fn (a call's function) resolves
// to, unless fn reads a method through an instance (`self.items`) whose
// name a subclass, a store on self or a patch may give another value
// (Project.MethodMayBeReplaced): a subclass's async generator `items`
// makes the base's `async for x in self.items()` right.
func definiteFunc(p *Pass, fn *analysis.Node, f *analysis.Function) *analysis.Function {
	if f == nil || !throughObject(p.Module, fn) {
		return f
	}
	if f.Class == nil || p.Project.MethodMayBeReplaced(f, p.overrideKeyNote()) {
		return nil // a function kept in a class attribute (`factory = rows`): a subclass may set another
	}
	return f
}

// definiteClass returns cls, the class fn (a call's function) resolves
// to, unless fn reads it from an instance or a class (`self.conn_class()`
// with `conn_class = Conn` in the class body): a subclass may set another
// class there.
func definiteClass(p *Pass, fn *analysis.Node, cls *analysis.Class) *analysis.Class {
	if cls == nil || throughObject(p.Module, fn) {
		return nil
	}
	return cls
}

// throughObject reports whether fn is an attribute read from an instance
// or a class (not from a module).
func throughObject(m *analysis.Module, fn *analysis.Node) bool {
	fn = analysis.Unparen(fn)
	if fn == nil || fn.Type() != "attribute" {
		return false
	}
	obj := m.Resolve(fn.ChildByField("object"))
	return obj.Instance || obj.Class != nil || obj.Func != nil || obj.Name == ""
}

// madeByCall reports whether e is a name that one assignment binds, to a
// call of cls itself (`pool = Pool()`): its value is an instance of cls,
// not of a subclass, as an annotated parameter's may be.
func madeByCall(p *Pass, e *analysis.Node, cls *analysis.Class) bool {
	m := p.Module
	if e.Type() != "identifier" {
		return false
	}
	b := m.ScopeAt(e).Lookup(m.File.Text(e))
	if b == nil || b.Kind != analysis.BindAssign || len(b.Values) != 1 || b.Values[0] == nil {
		return false
	}
	v := analysis.Unparen(b.Values[0])
	if v.Type() != "call" {
		return false
	}
	r := projectRef(p, v.ChildByField("function"))
	return r.Class == cls && !r.Instance
}

func displayKind(t string) string {
	switch t {
	case "dictionary":
		return "dict"
	case "list_comprehension":
		return "list comprehension"
	case "set_comprehension":
		return "set comprehension"
	case "dictionary_comprehension":
		return "dict comprehension"
	}
	return t
}

// syncDunders are the special methods Python calls synchronously, with
// what an `async def` of each does.
var syncDunders = map[string]string{
	"__init__":          "every construction raises TypeError (`__init__()` should return None, not 'coroutine')",
	"__iter__":          "`iter()` raises TypeError (it returned a non-iterator)",
	"__len__":           "`len()` raises TypeError",
	"__bool__":          "truth tests raise TypeError",
	"__hash__":          "`hash()` raises TypeError",
	"__str__":           "`str()` raises TypeError",
	"__repr__":          "`repr()` raises TypeError",
	"__format__":        "`format()` and f-strings raise TypeError",
	"__bytes__":         "`bytes()` raises TypeError",
	"__int__":           "`int()` raises TypeError",
	"__float__":         "`float()` raises TypeError",
	"__index__":         "`operator.index()` raises TypeError",
	"__length_hint__":   "`operator.length_hint()` raises TypeError",
	"__enter__":         "`with ... as x` binds the coroutine, and its body never runs",
	"__exit__":          "the coroutine it returns is true, so every exception raised in the `with` body is swallowed, and its cleanup never runs",
	"__next__":          "iteration yields coroutine objects and never stops",
	"__contains__":      "the coroutine it returns is true, so `in` is always True",
	"__eq__":            "the coroutine it returns is true, so every comparison is True",
	"__ne__":            "the coroutine it returns is true, so every comparison is True",
	"__lt__":            "the coroutine it returns is true, so every comparison is True",
	"__le__":            "the coroutine it returns is true, so every comparison is True",
	"__gt__":            "the coroutine it returns is true, so every comparison is True",
	"__ge__":            "the coroutine it returns is true, so every comparison is True",
	"__setitem__":       "item assignment makes a coroutine that never runs",
	"__delitem__":       "`del obj[key]` makes a coroutine that never runs",
	"__setattr__":       "every attribute assignment makes a coroutine that never runs",
	"__delattr__":       "`del obj.name` makes a coroutine that never runs",
	"__del__":           "finalisation makes a coroutine that never runs",
	"__post_init__":     "the dataclass's `__init__` makes a coroutine that never runs",
	"__set_name__":      "class creation makes a coroutine that never runs",
	"__init_subclass__": "every subclass definition makes a coroutine that never runs",
}

// asyncSyncDunders reports the special methods of cls defined with `async
// def` that Python calls synchronously, and an `async def __aiter__` that
// is a coroutine rather than an async generator.
func asyncSyncDunders(p *Pass, cls *analysis.Class) {
	for _, f := range cls.MethodsInOrder() {
		if !f.Async || len(f.Decorators) > 0 || !f.SoleDefinition() {
			continue // decorated, or one of several definitions (a version-dependent `if`)
		}
		name := f.Node.ChildByField("name")
		if f.Name == "__aiter__" {
			// A stub body (`...`, `pass`, a docstring, `raise
			// NotImplementedError`) declares the method, as a
			// `typing.Protocol` or an abstract base does: nothing runs.
			if !f.Generator && !stubBody(p.File, f.Node) {
				p.Report(name, "`async def __aiter__` is a coroutine, but `async for` calls `__aiter__` synchronously and needs "+
					"an asynchronous iterator back (the awaitable form was removed in Python 3.7): `async for` over this "+
					"class raises TypeError; make it a plain `def` returning an object with `__anext__`, or an async generator")
			}
			continue
		}
		what, ok := syncDunders[f.Name]
		if !ok {
			continue
		}
		if (f.Name == "__init__" || f.Name == "__init_subclass__") && !p.Project.ClosedClass(cls) {
			continue // a metaclass or a base outside the project may await it
		}
		if f.Name == "__post_init__" && !cls.GeneratedInit() {
			continue // no `__init__` dataclasses writes calls it: the class's own code may await it
		}
		p.Report(name, "`async def "+f.Name+"`: Python calls `"+f.Name+"` synchronously, so "+what+"; make it a plain `def`"+
			asyncCounterpart(f.Name))
	}
}

// asyncCounterpart names the asynchronous protocol method to define
// instead, where there is one.
func asyncCounterpart(name string) string {
	switch name {
	case "__enter__", "__exit__":
		return " (for `async with`, define `__aenter__`/`__aexit__`)"
	case "__iter__", "__next__":
		return " (for `async for`, define `__aiter__`/`__anext__`)"
	case "__init__":
		return " (do the asynchronous set-up in an `async` factory classmethod or `__aenter__`)"
	}
	return ""
}
