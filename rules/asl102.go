package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASL102 reports coroutines that are created and never awaited.
var ASL102 = register(&Rule{
	Code:    "ASL102",
	Name:    "coroutine-never-awaited",
	Summary: "Coroutine created but never awaited",
	Rationale: "Calling a coroutine function only creates a coroutine object; nothing runs until it is awaited or " +
		"scheduled. A call whose result is dropped, tested in a condition (`if not repo.exists(id):` is always " +
		"false, since a coroutine object is truthy), used as an operand, or stored in a variable that is never used " +
		"again silently does nothing, and Python only warns `coroutine ... was never awaited` at garbage collection.",
	Bad: `async def exists(key): ...

async def handler(key):
    if not exists(key):
        raise KeyError(key)`,
	Good: `async def exists(key): ...

async def handler(key):
    if not await exists(key):
        raise KeyError(key)`,
	Severity:  Error,
	Default:   true,
	CrossFile: true,
	Fix:       "Insert `await` before the call (only inside an async function).",
	Notes: "Coroutine functions are the project's `async def` functions and methods (in any module; not async " +
		"generators, and not functions whose decorators might change what they return; decorators of the project that return " +
		"an `async def` wrapper, and `tenacity.retry`, `backoff.on_exception`, `alru_cache` and the like, keep them coroutine functions), " +
		"the project's synchronous functions that only return such a call (`def fetch(self): return self._fetch()`), " +
		"asyncio's own coroutine functions such as `asyncio.sleep` (and `asyncio.gather`, whose future must be awaited too), and the " +
		"coroutine methods of common async libraries listed in `pylib/` (aiohttp, httpx, asyncpg, aiosqlite, SQLAlchemy's " +
		"`AsyncSession`/`AsyncConnection`, aiobotocore/aioboto3 clients, motor, redis.asyncio, aiofiles, websockets, Starlette/FastAPI " +
		"requests and websockets, the OpenAI and Anthropic async clients, and the bot frameworks discord.py, aiogram, " +
		"python-telegram-bot, Telethon and Pyrogram; a handler's untyped `ctx`, `message`, `event` or `interaction` takes its type from the " +
		"registering decorator or the event's name, and an untyped parameter of an undecorated helper takes the type every call of the module passes it, " +
		"through chains of helpers; what awaiting a send gives is the sent message). Receivers are typed through constructors, `with ... as` targets (also `as self.attr`), annotations, properties, type aliases, " +
		"`Optional[...]`, annotated containers (`dict[int, Player]`), class attributes, base classes and mixins, and functions of other " +
		"modules whose return annotation or every `return` names the type. `[tool.asyncls]` `coroutine-functions` and " +
		"`coroutine-wrappers` add your own.\n\n" +
		"The value of the call is followed where it goes, through names, `typing.cast` and containers: awaiting it, scheduling it " +
		"(`gather`, `create_task`, `wait_for`...), returning it from a *sync* function, storing it in an attribute, or passing it to " +
		"code that may await it is fine (so is `c = f(); ...; await c`). Reported: discarding it; using it as if it were the result " +
		"(reading an attribute, subscripting, unpacking, iterating, comparing, arithmetic, `with`); passing it to a builtin or to a " +
		"function that reads data (`json.loads`, logging) or to a library coroutine that takes data (`ctx.send(...)`); returning it " +
		"from an `async def` (awaiting the caller then gives a coroutine object); putting it in a container handed to such code; " +
		"assigning it in one branch while only another awaits; returning it from a lambda handed to an API that calls its " +
		"callable synchronously (`loop.add_signal_handler`, `call_soon`, `add_done_callback`, `signal.signal`, " +
		"`threading.Thread(target=...)`), or handing such an API a coroutine function itself; and a local that is only tested, compared or printed. A name tested " +
		"with `asyncio.iscoroutine`/`isinstance` is taken to hold either. `.drain()` and `.wait_closed()` on a " +
		"receiver of unknown type (the `writer` of a `start_server` callback) count as StreamWriter coroutines.",
	Run: runNeverAwaited,
})

// isCoroutineCall reports whether c returns a coroutine object.
func isCoroutineCall(p *Pass, c *analysis.Call) bool {
	if c.Callee == "" {
		if fn := c.Node.ChildByField("function"); fn != nil && fn.Type == "attribute" &&
			pylib.StreamCoroutineMethods[p.File.Text(fn.ChildByField("attribute"))] {
			return true
		}
	}
	if p.Project.IsCoroutineFunction(c) {
		return true
	}
	return configuredCoroutine(p, c)
}

// isAwaitableObjectCall reports a library call that returns an awaitable
// object other than a coroutine (a future, a request context manager): it
// may be awaited several times, kept and returned.
func isAwaitableObjectCall(p *Pass, c *analysis.Call) bool {
	name := p.Project.Callee(c).Name
	return name != "" && (pylib.Is(name, pylib.Awaitable) || pylib.Is(p.Project.Canonical(name), pylib.Awaitable))
}

// isCoroutineObjectCall reports a call that returns a coroutine object
// proper (which runs once).
func isCoroutineObjectCall(p *Pass, c *analysis.Call) bool {
	return isCoroutineCall(p, c) && !isAwaitableObjectCall(p, c)
}

// configuredCoroutine applies [tool.asyncls] coroutine-functions and
// coroutine-wrappers to a call.
func configuredCoroutine(p *Pass, c *analysis.Call) bool {
	if p.Options == nil || len(p.Options.ExtraCoroutines)+len(p.Options.CoroutineWrappers) == 0 {
		return false
	}
	name := p.Project.Callee(c).Name
	if name != "" && (configured(p.Options.ExtraCoroutines, name) || configured(p.Options.ExtraCoroutines, p.Project.Canonical(name))) {
		return true
	}
	f := p.Project.Target(c)
	if f == nil || !f.Async || f.Generator || f.Lambda || len(p.Options.CoroutineWrappers) == 0 {
		return false
	}
	for _, d := range f.Decorators {
		named := d.NamedChildren()
		if len(named) == 0 {
			continue
		}
		e := named[0]
		if e.Type == "call" {
			e = e.ChildByField("function")
		}
		dn := f.Module().Resolve(e).Name
		if !pylib.KeepsCoroutine[dn] && !configured(p.Options.CoroutineWrappers, dn) &&
			!configured(p.Options.CoroutineWrappers, p.Project.Canonical(dn)) {
			return false
		}
	}
	return true
}

// configured reports whether name matches one of the configured entries:
// a qualified name, or a `module.*` prefix.
func configured(entries []string, name string) bool {
	if name == "" {
		return false
	}
	for _, e := range entries {
		if i := strings.Index(e, "->"); i >= 0 {
			e = e[:i]
		}
		e = strings.TrimSpace(e)
		if name == e || (strings.HasSuffix(e, ".*") && strings.HasPrefix(name, strings.TrimSuffix(e, "*"))) {
			return true
		}
	}
	return false
}

func runNeverAwaited(p *Pass) {
	for _, c := range p.Module.Calls {
		switch c.Usage {
		case analysis.UsageAwaited, analysis.UsageScheduled, analysis.UsageYielded:
			continue
		}
		if !isCoroutineCall(p, c) {
			continue
		}
		fl := &coroFlow{p: p, awaitableObject: isAwaitableObjectCall(p, c)}
		use := fl.judgeValue(c.Node, false)
		if use.fate == fateConsumed {
			continue
		}
		why := use.why
		name := p.File.Text(c.Node.ChildByField("function"))
		msg := "coroutine `" + name + "()` is never awaited: " + why + "; add `await`"
		var opts []ReportOption
		if c.InAsync() && c.Usage != analysis.UsageStored {
			opts = append(opts, WithFix(&Fix{Title: "Add `await`", Safe: false,
				Edits: []Edit{{Start: int(c.Node.Start), End: int(c.Node.Start), New: "await "}}}))
		} else if !c.InAsync() {
			msg = "coroutine `" + name + "()` is never awaited: " + why + "; await it from async code or schedule it with asyncio.run / create_task"
		}
		p.Report(c.Node, msg, opts...)
	}
	reportCoroutineCallbacks(p)
}

// reportCoroutineCallbacks reports coroutine functions handed, uncalled,
// to APIs that call their callable synchronously and drop the result
// (`loop.add_signal_handler(SIGTERM, self.shutdown)` with an async
// shutdown): each call makes a coroutine that never runs.
func reportCoroutineCallbacks(p *Pass) {
	for _, c := range p.Module.Calls {
		fn := c.Node.ChildByField("function")
		if !pylib.Is(c.Callee, pylib.CallsBack) && !(fn != nil && fn.Type == "attribute" &&
			pylib.CallbackMethods[p.File.Text(fn.ChildByField("attribute"))]) &&
			!(c.Callee != "" && pylib.Is(p.Project.Canonical(c.Callee), pylib.CallsBack)) {
			continue
		}
		for _, a := range c.Args() {
			arg := a
			if a.Type == "keyword_argument" {
				arg = a.ChildByField("value")
			}
			arg = analysis.Unparen(arg)
			if arg == nil || (arg.Type != "identifier" && arg.Type != "attribute") {
				continue
			}
			api := syncCallbackAPI(p, arg)
			if api == "" {
				continue
			}
			r := p.Module.Resolve(arg)
			f := r.Func
			if f == nil && r.Name != "" && r.Class == nil && p.Project != nil {
				f = p.Project.Lookup(r.Name).Func
			}
			if f == nil && r.Via != "" && p.Project != nil {
				f = p.Project.ResolveVia(r.Via).Func
			}
			if f == nil || r.Instance || !f.IsCoroutineFunction() {
				continue
			}
			p.Report(arg, "coroutine function `"+p.File.Text(arg)+"` is handed to `"+api+"()`, which calls it without "+
				"awaiting: the coroutine it makes never runs; pass a sync function that schedules it "+
				"(`lambda: asyncio.ensure_future("+p.File.Text(arg)+"())`)")
		}
	}
}

// storedAndForgotten reports whether c's value is assigned to a plain local
// name that is not read anywhere else in its scope.
func storedAndForgotten(p *Pass, c *analysis.Call) bool {
	assign := c.UsedBy
	if assign == nil {
		return false
	}
	var target *analysis.Node
	switch assign.Type {
	case "assignment":
		target = analysis.Unparen(assign.ChildByField("left"))
		if !holdsDirectly(analysis.Unparen(assign.ChildByField("right")), c.Node) {
			return false
		}
	case "named_expression":
		// `if (user := repo.get(id)):` tests the coroutine object; the walrus
		// itself must not hand it on (`await (c := f())`).
		target = assign.ChildByField("name")
		if analysis.Unparen(assign.ChildByField("value")) != c.Node || !inertUse(p.Module, assign) {
			return false
		}
	default:
		return false
	}
	if target == nil || target.Type != "identifier" {
		return false
	}
	scope := p.Module.ScopeAt(target)
	if scope.Kind == analysis.ModuleScope || scope.Kind == analysis.ClassScope {
		return false // module and class attributes may be read from anywhere
	}
	name := p.File.Text(target)
	binding := scope.Lookup(name)
	passedOn := false
	scope.Node.Walk(func(n *analysis.Node) bool {
		if passedOn {
			return false
		}
		if n != target && n.Type == "identifier" && p.File.Text(n) == name && n.Field != "attribute" &&
			!(n.Parent != nil && n.Parent.Type == "keyword_argument" && n.Field == "name") {
			if p.Module.ScopeAt(n).Lookup(name) == binding && !inertUse(p.Module, n) {
				passedOn = true
			}
		}
		return true
	})
	return !passedOn
}

// holdsDirectly reports whether value is the call itself or a list, tuple,
// set or comprehension whose elements are the call's results
// (`pending = [fetch(u) for u in urls]`).
func holdsDirectly(value, call *analysis.Node) bool {
	if value == call {
		return true
	}
	if value == nil {
		return false
	}
	switch value.Type {
	case "list", "tuple", "set":
		for _, el := range value.NamedChildren() {
			if analysis.Unparen(el) == call {
				return true
			}
		}
	case "list_comprehension", "set_comprehension", "generator_expression":
		return analysis.Unparen(value.ChildByField("body")) == call
	}
	return false
}

// inertUse reports a read of a stored coroutine that can neither run it nor
// hand it on: a truth test, a comparison, an operand (`if user:`,
// `user is None`, `user["name"]`).
func inertUse(m *analysis.Module, n *analysis.Node) bool {
	switch u, by := m.UsageOf(n); u {
	case analysis.UsageCondition:
		return true
	case analysis.UsageOperand:
		// `user or default` may hand the coroutine on; `not user` cannot.
		return by == nil || by.Type != "boolean_operator"
	case analysis.UsageArgument:
		return readOnlyArgument(m, n)
	}
	return false
}
