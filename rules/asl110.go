package rules

import (
	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASL110 reports `await` on a call whose value is decidably not awaitable.
var ASL110 = register(&Rule{
	Code:    "ASL110",
	Name:    "await-non-awaitable",
	Summary: "`await` on a value that is not awaitable: a plain function's result, or a coroutine function left uncalled; either handed to `create_task`, `gather` and the like",
	Rationale: "`await` accepts only coroutines, futures, tasks and objects with `__await__`. Awaiting the call of a " +
		"plain `def` that returns a list, None or another plain value raises `TypeError: object list can't be used in " +
		"'await' expression` every time the line runs: the mirror of a missing `await`, left behind by async migrations " +
		"(a function made synchronous again, an `await` added to the wrong call, a plain callback handed where a " +
		"coroutine function is awaited). Its twin is a coroutine function handed over uncalled where a coroutine is " +
		"expected (`asyncio.run(main)`, `await self.refresh`, `asyncio.create_task(worker)`, `asyncio.gather(a, b())`): the " +
		"function object is not awaitable, the line raises every time it runs (TypeError; ValueError from `asyncio.run`), " +
		"and the coroutine function never runs, often on an error or shutdown path that tests do not reach. The third shape " +
		"hands such an API the call of a plain function (`asyncio.create_task(writer.close())`, " +
		"`asyncio.ensure_future(self.flush())` with a plain `def flush`): the call runs at once and its value, None or a " +
		"list, is not a coroutine, so the line raises and schedules nothing. Only a type checker finds these in untyped code.",
	Bad: `class DockerCore:
    def list_images(self):
        return [image.tags for image in self.client.images.list()]


core = DockerCore()


async def images():
    return await core.list_images()`,
	Good: `class DockerCore:
    def list_images(self):
        return [image.tags for image in self.client.images.list()]


core = DockerCore()


async def images():
    return core.list_images()`,
	Severity:  Error,
	Default:   true,
	CrossFile: true,
	Fix: "Remove the `await` (unsafe: the callee may be the one meant to be a coroutine function); for an uncalled " +
		"coroutine function, call it (unsafe: the call may need arguments).",
	Notes: "Reported only when the value is decidably not awaitable. An async generator function of the project (an " +
		"`async def` whose own body, not a nested function's, yields) gives such a value whatever its body does: its call " +
		"is an async generator, to iterate with `async for` (`await anext(gen)` awaits one step); it is reported with no " +
		"decorator but `@staticmethod` or `@classmethod` (`@asynccontextmanager` and others change what the call gives), " +
		"the one definition of its name, and the checks on subclasses, stored attributes and patches below, as a plain " +
		"`def` is. The callee is a function or method of the project " +
		"(resolved as every rule resolves calls: imports, `self` attributes typed by their constructor, annotations, " +
		"attributes of classes of other modules) that is a plain `def`, not a generator, with no decorator but " +
		"`@staticmethod` or `@classmethod` (any other may wrap it into a coroutine function), the one definition of its " +
		"name in its scope (no second, conditional definition, no other binding of the name), not a stub meant to be " +
		"overridden (a body of only `pass`, `...`, a docstring or `raise NotImplementedError`), not a body that always " +
		"raises, and whose every `return` gives None, a literal, an f-string, a display or comprehension, `not`, a " +
		"comparison, an operator or a conditional of such values, or the result of a builtin that builds its own value " +
		"(`len`, `str`, `list`, `sorted`...); any other returned value (a name, an attribute, `self`, a call of anything " +
		"else, such as a coroutine function, `create_task` or `loop.run_in_executor`) is unknown and nothing is reported. " +
		"A method is not reported when its class or a project base class stores an instance attribute of its name " +
		"(`self.fetch = ...`), names a metaclass or defines `__getattribute__` (either may give another value than the " +
		"method), when a subclass anywhere in the project defines the name other than as such a plain " +
		"method (an `async def`, a decorated def, a class attribute, an instance attribute: the call may then give an " +
		"awaitable), or lists before the base leading to the method's class another base that does so or that the project " +
		"does not define (`class Impl(AsyncMixin, Core)` runs `AsyncMixin.fetch` for `self.fetch()` in Core's methods); " +
		"`check FILE`, the cache and the language server follow such subclasses in modules the file does not " +
		"import. Nor is it reported when the calling module assigns an attribute of that name on another object or holds the name as " +
		"a string (`client.fetch = AsyncMock()`, `patch.object(Client, \"fetch\")`, `setattr(obj, \"fetch\", f)`, `patch(\"pkg.Client.fetch\")`), " +
		"nor when any module of the project rebinds the name on an object with anything but a literal (`util.reconnect = " +
		"areconnect`, `Client.fetch = AsyncMock()`) or names it as the attribute a call sets or patches " +
		"(`monkeypatch.setattr(Client, \"fetch\", ...)`, `patch(\"pkg.util.reconnect\")`, `patch.multiple(Client, fetch=...)`): a plugin " +
		"or a test fixture may put a coroutine function there. Special " +
		"methods (`__call__`, `__init__`) and classes (an instance may define `__await__`) are never reported. Library " +
		"methods are those pylib records as plain with a non-awaitable result, on a receiver typed as their class (never " +
		"by the method's name alone): asyncio's `Event.set`/`clear`/`is_set`, `Lock` and `Semaphore` `release`/`locked`, " +
		"the queues' `put_nowait`/`qsize`/`empty`/`full`/`task_done`, `StreamWriter.write`/`writelines`/`close`/" +
		"`write_eof`/`can_write_eof`/`is_closing`/`get_extra_info`, tasks' and futures' `cancel`/`done`/`cancelled`/" +
		"`exception`/`add_done_callback`, and the loop's `call_soon`/`call_later`/`call_at`/`call_soon_threadsafe`/`time`/" +
		"`stop` (`Queue.get_nowait` and `Future.result` give back what was put in, which may be awaitable), and Playwright's " +
		"async API's locator builders, which give a Locator at once (`page.locator`, the `get_by_*` methods, " +
		"`frame_locator`, a locator's `nth`/`filter`/`and_`/`or_`, on a page, frame or locator typed as such), its " +
		"`on`/`once`/`remove_listener`, the timeout setters and `is_closed`/`is_connected`. A plain " +
		"callback handed to a parameter that is then awaited (`await callback(message)`) is reported only where the " +
		"parameter's value is resolved, which the model does for types, not for functions passed as arguments: that " +
		"shape is not reported, and neither is a receiver annotated with the string of a class the module does not " +
		"import (`docker_core: \"DockerCore\"`), which the model leaves unresolved. An uncalled coroutine function is " +
		"reported where it is the operand of `await` or a positional argument of an asyncio API that takes awaitables " +
		"one per argument (pylib's AwaitablesOneByOne: `asyncio.run`, `Runner.run`, `loop.run_until_complete`, " +
		"`create_task` of asyncio, the loop and `TaskGroup`, `ensure_future`, `shield`, `wait_for`, " +
		"`run_coroutine_threadsafe`: the first argument; `gather`: every positional one), when it names an `async def` " +
		"of the project, resolved as calls are, with no decorator that may change what it is (`@property` makes " +
		"`await self.x` right), or a library coroutine function or method pylib records (`asyncio.sleep`, " +
		"`event.wait` on an `asyncio.Event`, `session.close` on an aiohttp `ClientSession`); a method read through an instance (`await self.ready`) " +
		"is not reported when a subclass, the class's own stores on `self`, or a patch may put something else under " +
		"its name, as for calls above (a subclass's `self.ready = loop.create_future()`). trio's and anyio's `run` and `start_soon`, " +
		"which take the function itself, are never reported. A call handed to one of those APIs, in the positions above, is " +
		"reported when its value is decidably not awaitable by the same test as `await` on it (a project plain `def` " +
		"as above, or a library method pylib records as plain on a receiver typed as its class: " +
		"`asyncio.create_task(writer.close())` with `writer` from `asyncio.open_connection` or annotated " +
		"`asyncio.StreamWriter`); an untyped receiver (`writer` of a `start_server` callback without annotation), a " +
		"value carried through a variable, and a project function that is not such an API (`start_background(f())`) " +
		"are not followed; nor is a call in code that never runs (as for ASL102: `if False:`, the `else` of a module's " +
		"`_IS_SYNC = True`), or in a private function or method its module mentions only in such code (pymongo's " +
		"generated synchronous `periodic_executor.py` keeps `_run_async`, `asyncio.run(self._run())` with `_run` now a " +
		"plain def, and hands it to a thread only in the `else` of `if _IS_SYNC:`). No task is made, so ASYNC300 stays quiet on `asyncio.create_task(worker)` and " +
		"`asyncio.create_task(writer.close())` exactly where this is reported.",
	Run: runAwaitNonAwaitable,
})

func runAwaitNonAwaitable(p *Pass) {
	uncalledCoroutineFunctions(p)
	for _, c := range p.Module.Calls {
		if c.Usage != analysis.UsageAwaited || !c.InAsync() || c.UsedBy == nil || c.UsedBy.Type() != "await" {
			continue
		}
		what := notAwaitableValue(p, c)
		if what == "" {
			continue
		}
		aw := c.UsedBy
		fix := &Fix{Title: "Remove `await`", Edits: []Edit{{Start: int(aw.Start), End: int(c.Node.Start), New: ""}}}
		if analysis.Unparen(aw.NamedChildren()[0]) != c.Node {
			fix = nil
		}
		var opts []ReportOption
		if fix != nil {
			opts = append(opts, WithFix(fix))
		}
		p.Report(aw, "`"+p.File.Brief(aw)+"`: "+what+": this `await` raises TypeError whenever it runs; "+
			"remove the `await`, or make the callee a coroutine function", opts...)
	}
}

// overrideKeyNote records, for incremental checks, the override questions
// (analysis.AnyMemberKey) an answer of Project.NotAwaitableCall depended
// on; nil outside a shared run.
func (p *Pass) overrideKeyNote() func(string) {
	if p.shared == nil {
		return nil
	}
	return func(key string) {
		p.shared.mu.Lock()
		p.shared.recorded.OverrideQueries[key] = true
		p.shared.mu.Unlock()
	}
}

// notAwaitableValue says why the value of the call c is decidably not
// awaitable (a library method pylib records as plain with a non-awaitable
// result on a receiver typed as its class, or a plain `def` of the project
// that Project.NotAwaitableCall accepts), or "" when it may be awaitable.
func notAwaitableValue(p *Pass, c *analysis.Call) string {
	if c == nil {
		return ""
	}
	if name := p.Project.Callee(c).Name; name != "" && pylib.NotAwaitable(name) {
		return "`" + name + "` is a plain method"
	}
	if f := p.Project.NotAwaitableCall(c, p.overrideKeyNote()); f != nil && !p.Module.StoresAttributeElsewhere(f.Name) {
		if f.AsyncGenerator() {
			return "`" + f.QualName + "` is an async generator function: its call gives an async generator, " +
				"which is iterated with `async for`, not awaited"
		}
		return "`" + f.QualName + "` is a plain `def` whose value is not awaitable"
	}
	return ""
}

// scheduledNotAwaitable returns, for an argument arg that an asyncio API
// takes as an awaitable (awaitableArgs), why arg is the call of something
// whose value is decidably not awaitable (notAwaitableValue), or "":
// `asyncio.create_task(writer.close())` raises TypeError (ValueError from
// `asyncio.run`) every time it runs, and makes no task.
func scheduledNotAwaitable(p *Pass, arg *analysis.Node) string {
	if arg == nil || arg.Type() != "call" {
		return ""
	}
	calls := p.Module.Memo("rules.callByNode", func() any { return callByNode(p.Module) }).(map[*analysis.Node]*analysis.Call)
	return notAwaitableValue(p, calls[arg])
}
