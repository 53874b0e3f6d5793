package rules

import (
	"strconv"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC103 reports cancellation-catching handlers with a path that does not re-raise.
var ASYNC103 = register(&Rule{
	Code:    "ASYNC103",
	Name:    "no-reraise-cancelled",
	Summary: "Handler catching CancelledError (or BaseException, or bare except) with a path that does not re-raise",
	Rationale: "`Task.cancel()`, `asyncio.timeout()`, `TaskGroup` and `asyncio.run()`'s shutdown all work by raising " +
		"`CancelledError` inside the task. A handler that catches it and carries on makes the task ignore the " +
		"cancellation: timeouts stop firing, a task group waits forever, shutdown hangs. Since Python 3.8 " +
		"`CancelledError` derives from `BaseException`, so `except Exception` does not catch it, but `except " +
		"BaseException` and a bare `except:` do. Clean up, then `raise`.",
	Bad: `import asyncio

async def worker(queue):
    try:
        while True:
            await process(await queue.get())
    except asyncio.CancelledError:
        print("worker stopped")`,
	Good: `import asyncio

async def worker(queue):
    try:
        while True:
            await process(await queue.get())
    except asyncio.CancelledError:
        print("worker stopped")
        raise`,
	Severity: Warning,
	Default:  true,
	Notes: "One mistake, one finding: a handler that swallows the cancellation is reported once. On the handler when " +
		"control can reach its end (a path with no statement to point at); its message names any `return` that also " +
		"leaves it, and ASYNC104 does not report those returns again. A handler left only by `return` (no path falls " +
		"through) is ASYNC104's, at each return, the line to change. Deliberately different from flake8-async, whose " +
		"tests expect both codes for `except BaseException: return` (ASYNC103 on the handler and ASYNC104 on the " +
		"return, 4 cases of its async104.py): the two describe one swallow, and on 82 real packages each such pair was " +
		"one judgement (13 pairs). Each line reported is one flake8-async reports with the same code, so `noqa` " +
		"comments written for it keep working. With ASYNC104 turned off, ASYNC103 reports the handler as before. A `break` or " +
		"`continue` out of the loop around the try statement, and a path ending in `raise OtherError`, are ASYNC104's " +
		"alone, as in flake8-async. A handler that always calls a function that never returns (it always raises, or is annotated " +
		"`NoReturn`, or a library call that ends the process or the test: `os._exit`, `pytest.fail`, unittest's `self.fail`; or, as the handler's last " +
		"statement, a method the project resolves, through its classes in any module, to a library's that never returns: " +
		"traitlets' `Application.exit`, which calls `sys.exit`, inherited by every IPython and Jupyter application) re-raises, and so does one " +
		"whose last statement calls (or awaits) a function of the project that itself raises a cancellation class on some path " +
		"(grpc's `self.cancel(); await self._raise_for_status()`, whose helper raises `asyncio.CancelledError()` for a " +
		"locally cancelled call: the re-raise is written once, in the helper; a helper raising only other exceptions does " +
		"not count), and so does one " +
		"starting with `if not isinstance(exc, Exception): raise`, and one that " +
		"records the cancellation (`cancelled = True`, `self._exc = exc`) when code after the try statement raises on " +
		"that record (`if cancelled: raise CancelledError`: clean up first, then propagate). A cleanup try statement " +
		"inside a handler of the cancellation that ends with a bare `raise` (and has no return, break or continue) is " +
		"not reported: the outer handler re-raises whatever the inner one does. A broad handler after one " +
		"that already handles `CancelledError` is not reported, and neither is one that hands the caught exception to " +
		"whoever waits for the outcome (`fut.set_exception(exc)`, `self._exceptions.append(exc)`, `results[i] = exc`, " +
		"`return exc` as the function's result, as `gather(..., return_exceptions=True)` does, for the caller to raise, " +
		"`sys.exc_info()` passed on: sqlalchemy's `context.throw(*sys.exc_info())` into the greenlet that awaited; " +
		"logging it does not count, with the standard library's methods or structlog's asynchronous ones, `await " +
		"logger.aexception(e)`: langflow's handler that logged the cancellation that way and raised ValueError, " +
		"langflow-ai/langflow#13827, bench/realbugs74): the cancellation reaches the consumer, as in asyncio's own future bridging and " +
		"task-group machinery (flake8-async reports these). A handler whose nested try statement raises the caught " +
		"exception again on every path (`try: raise err` / `except ValueError: raise err` / `except: raise err`) " +
		"re-raises; flake8-async reports it, and ASYNC104 at the inner `raise err`, which re-raises the same exception.\n\n" +
		"Deliberately quieter than flake8-async, because a task's cancellation is delivered at an `await`: only try " +
		"statements of async functions whose body awaits (`await`, `async for`, `async with`) are checked. A " +
		"`CancelledError` caught in a synchronous function, at module level or around a try body with no await came " +
		"from a cancelled future's `result()`, and swallowing it swallows nothing (flake8-async checks every function " +
		"and module-level code; on 38 real async packages each of those extra findings was a false alarm: done " +
		"callbacks, executor workers, asyncio's own `except (SystemExit, KeyboardInterrupt): raise` / `except " +
		"BaseException` guards). Also not reported: `t.cancel()` followed by `try: await t` (or `x = await t`) / `except " +
		"asyncio.CancelledError: pass`, the documented way to wait for a task one cancelled (asyncio's own " +
		"`Task.cancel` example), with the cancel before the try statement or in its body, or by a loop that cancels " +
		"every task of a collection holding it (`for p in pending: p.cancel()`, where `pending` is a display naming the " +
		"task or the pending set of an `asyncio.wait()` over one: a task that is not pending is done, and awaiting it " +
		"does not suspend), or by `asyncio.wait_for(t, ...)` timing out (the try statement is in its `except " +
		"TimeoutError` handler: wait_for cancelled t before raising); likewise a task of the done set of an `asyncio.wait()` " +
		"(`done, pending = await asyncio.wait(tasks)`, then `for t in done: try: await t`, the loop not rebinding `t`): it " +
		"has finished, awaiting it does not suspend, and the CancelledError caught is the task's own; the await of the task " +
		"(directly or through `asyncio.wait_for`/`shield`, or `return await t`) must be the try body's last statement and its only " +
		"await (it may sit in an `async with asyncio.timeout(...)` or `async_timeout.timeout(...)`, whose entry does not " +
		"suspend: aiojobs's `Job._close`; also imported through a module of the project that imports one or the other " +
		"conditionally), and statements after it that await nothing do not count. The same for a local future the " +
		"function stored in an attribute of its receiver, alone or in a tuple (`self._expected = tag, fut`), that a " +
		"method of the class cancels there (`self._expected[1].cancel()`: xknx). The same for an attribute of the method's receiver that a method of the class cancels (`await " +
		"self._task` in `wait_stop()`, `self._task.cancel()` in `stop()` or `close()`, or through a local the cancelling " +
		"method binds only to the attribute, `if task := self._task: task.cancel()`: HABApp; also awaited through a method of " +
		"the class taking no argument whose one await is `await self._task`: hass-nabucasa's `_wait_retry()`), when the " +
		"try statement is in no loop of the method, or its handlers end with `break` or `return` (the swallow ends " +
		"the wait): the CancelledError is most likely the task's own, and before Python 3.11 " +
		"(`Task.cancelling()`) the code cannot tell it from the caller's (awaiting a task, a cancelled caller " +
		"cancels the task too). On 82 real packages each of these findings was judged debatable (websockets, " +
		"elasticsearch, aioamqp, aioxmpp). The same for a local bound only to a call, on the receiver, of a synchronous " +
		"method of the class that returns nothing, None or a local it cancelled before (`if task := self.cancel(): " +
		"await task`, where `cancel()` ends `task.cancel(); return task`: HABApp's `SingleTask.cancel_wait`). Nor is a handler that first re-raises unless a flag of the instance is " +
		"set (`if not self._sigint_received: raise`) when a method of the class sets that flag to True and then calls " +
		"`cancel()`: it goes on only after the cancellation the class requested itself (aioconsole's SIGINT " +
		"handler). Nor is a try body whose awaits " +
		"all run inside a shielded cancel scope (`with trio.CancelScope(shield=True):`, `anyio.move_on_after(t, " +
		"shield=True)`): no cancellation from outside reaches them. " +
		"Nor is the close-out wait of a `finally:` clause, `while not t.done(): try: await asyncio.shield(t) / except " +
		"asyncio.CancelledError: pass` (the try statement the loop's only statement, its body only the shielded wait for " +
		"the task the condition tests, the handler leaving neither the loop nor the function): the cancellations it " +
		"swallows arrive while the cleanup is waited out, and an exception that left the try statement owning the " +
		"finally clause (the task's own cancellation among them) propagates after it; only a cancellation arriving " +
		"during the cleanup after a body that ended normally is lost, the shape's design (aiowebostv's and " +
		"aiorussound's connection loops, 3 findings on the judged corpora, each judged debatable, none true; the same " +
		"wait outside a finally clause is still reported; flake8-async reports it, a deliberate difference). " +
		"Nor is a dispatcher's boundary around code it was handed: a try statement, in no loop of its function (or whose " +
		"handler leaves the function on every path), whose every " +
		"await awaits a call of a callable supplied from outside the function's own code (a parameter of the function or of " +
		"one enclosing it: a decorator's `f`, a wrapper factory's `coro`; an attribute of the instance that the class defines " +
		"no method for and only ever sets to None or to a parameter of the method setting it, `self.on_startup = on_startup`; " +
		"or one looked up at run time: `self.handlers[event]`, not an item of a table of the project's own functions; " +
		"a local bound only to such a lookup, to a mapping's `.get(key)`, to `getattr(obj, name)` or to None), or a local bound only to such a call: the " +
		"handler is the dispatcher's policy for whatever the handed code raises, a CancelledError of its own included " +
		"(python-socketio's and python-engineio's `except asyncio.CancelledError: ret = None` around an application's event " +
		"handler, discord.py's command-callback wrapper, a plugin's or an RPC method's catch-all; on the eighteen judged " +
		"corpora each such finding, 16, was judged debatable, none true). A method of a parameter (`await client.refresh()`) is the " +
		"parameter's own code and is still reported, and so is a try statement in a loop (a retry helper that ignores " +
		"`cancel()`) or one that also awaits anything else; flake8-async reports them all (a deliberate difference). " +
		"In `__exit__`/`__aexit__`, `return False` (or " +
		"`None`) on the path where the caught exception is the one the method was given (`if exc is value: return " +
		"False`, or `if sys.exc_info()[1] is value: return False` under a bare except) propagates it, as contextlib's own context managers do, and is not reported here or as ASYNC104; so does " +
		"the mirrored shape, a handler that ends with `if exc is not value: raise` and otherwise falls through to the end " +
		"of the method, which returns None. " +
		"Nor is a handler nobody can observe: in a coroutine function that only ever runs as a task's entry point " +
		"(handed to `create_task`, `ensure_future`, `start_soon`, anyio's portal `start_task_soon`, `spawn_system_task`, a task group's `spawn` (aiorpcx, " +
		"curio) or `asyncio.gather` (whose caller gets its own cancellation back whatever the children return), or " +
		"given to `asyncio.start_server` as the connection callback, to tornado's `IOLoop.add_callback`/`spawn_callback` " +
		"or to python-socketio's and python-engineio's `start_background_task`, " +
		"whose coroutine the library runs as a task, or run by `asyncio.run(main())` (`trio.run(main)`) as a new loop's " +
		"main task, which nobody else awaits (after a Ctrl-C, asyncio.run raises KeyboardInterrupt whatever main returns; " +
		"a module-level function of a package's `__main__.py` counts as private to it, since that module is run, not " +
		"imported: a demo CLI's `except CancelledError: pass` around its main loop); directly, through a local " +
		"name (`accept = self._accept(conn)`; `loop.create_task(accept)`) or by name (`spawn_system_task(_shutdown, " +
		"workers)`), or awaited by the module's own code only as the last statement of another such coroutine's body, not inside its `with` or `try` (`async def _run(self): await self._take_message()` with `_run` started as a task; up to three such hops), since that coroutine then returns at once; never awaited otherwise, never passed anywhere else), where every path out of the handler ends the task: " +
		"`return`, or `break`/falling through to the end of the function without going back into the try statement, " +
		"or clearing the flag of the `while` loop around it (`while self.running:` ... `self.running = False`, with " +
		"no await after the try statement in the loop's body: pymodbus's connection handler) " +
		"(cleanup that awaits, in the handler or after it, is fine; a `while` loop or `async for` that waits after it is " +
		"not: the task goes on working). Only the task's final state differs (finished, not cancelled): " +
		"`asyncio.run`'s shutdown, a TaskGroup and `t.cancel(); await t` complete the same (on 38 real packages: " +
		"connection, ASGI-application, reader, accept and shutdown tasks that log and end). For a function private to " +
		"its module (a nested def or a `_name`) the module's own uses decide; a public method counts when the module " +
		"starts a method of that name as a task and no module of the project references a method of that name any " +
		"other way (`await conn.serve()`, `wait_for(conn.serve(), 5)`, `handler = self.serve`; by name, so a method " +
		"that shares its name with an awaited one is still reported; a call of that name whose value is thrown away, " +
		"tested or compared, `process.poll()`, `if child.poll() is not None:`, or kept in a local name of a function " +
		"that only tests or compares it (`changed = resource.poll()` then `if changed:`), would never run a coroutine " +
		"and does not count (labgrid's coordinator and exporter `poll` tasks), and neither does a reference that " +
		"cannot be a method: the target of an assignment or `del` (`self.websocket = WebSocketClient(...)`), an " +
		"uncalled one only tested or compared (`if self.websocket is not None:`), the object of a further attribute " +
		"other than a dunder (`self.websocket.stop()`; unless what that attribute gives is called and its result " +
		"called again, as a decorator's wrapper may be: tenacity's `self.fetch.retry_with(...)()`), or `self.name` in " +
		"a method of a class whose methods store `self.name = ...` and whose body binds no `name` (that instance's " +
		"own data: `for t in self.targets:` beside `self.targets = []`; pyisy's `websocket` task, asysocks' scanner " +
		"`targets` task; not when a stored value mentions the attribute itself, `self.drain = retry(self.drain)`, " +
		"which wraps the inherited method). A private method its own module never mentions " +
		"(a mixin's `_update_loop`, started by the class that mixes it in, in another module: Telethon) counts when " +
		"some module of the project starts a method of that name as a task and none references one any other way. " +
		"A public module-level function is still " +
		"reported: callers the project cannot see may await it under a timeout. Also still reported: a handler inside " +
		"a with statement of the function (`async with asyncio.timeout(5):`, a task group), whose cancellation may be " +
		"that scope's own (a plain `with` counts only in a module that imports trio or anyio, whose cancel scopes are " +
		"plain `with` statements; asyncio's are all `async with`: prompt-toolkit's SSH session task inside `with " +
		"create_pipe_input():` ends quietly), and a handler after which the task goes on (loops back into the try statement): `cancel()` " +
		"is then ignored. In a test module, a handler that first asserts the " +
		"caught exception's type (`assert type(exc) is KeyError`, `assert isinstance(exc, Exception)`), or that " +
		"asserts `False` (`except BaseException as e: assert False, e`, before any statement that leaves), lets no " +
		"cancellation through: it fails the test. A handler of trio's or anyio's cancellation (`trio.Cancelled`, " +
		"`anyio.get_cancelled_exc_class()`) that re-raises on some path and otherwise lets the function return with no " +
		"further await (`if not received: raise`, then `return item`: the operation had already completed) is not " +
		"reported: their cancel scopes are level-triggered, so the caller's next checkpoint raises the cancellation " +
		"again (anyio's memory object stream); the same handler of asyncio's `CancelledError`, delivered once, is. " +
		"Nor is a handler that re-raises when the running task is itself being cancelled: before any statement that " +
		"leaves it, `if task.cancelling(): raise` (Python 3.11's `Task.cancelling()`, on `asyncio.current_task()` or " +
		"a name bound only to it, alone or and-ed with other tests: `sys.version_info >= (3, 11) and (t := " +
		"asyncio.current_task()) and t.cancelling()`), the documented way to tell the task's own cancellation from an " +
		"inner future's or timeout's: what it goes on after is not the task's (aiohttp's lingering read and graceful " +
		"shutdown wait; on Python 3.10 the guard cannot tell, a limit of that version). A negated guard, or one on " +
		"another task, is still reported. Nor is a handler in a function that, before the handler, cancels its own " +
		"running task or schedules that (`task = asyncio.current_task()` then `task.cancel()` in the try body, or " +
		"`loop.call_later(timeout, task.cancel)` before it): the CancelledError is the one the function asked for, as " +
		"with `t.cancel(); await t` (zwave-js-server's dump under a timeout of its own; a test of the cancel message); not when " +
		"the try statement is in a loop the handler does not leave (no break, return or raise), which goes on after the " +
		"cancellation asked for (`loop.add_signal_handler(SIGTERM, task.cancel)` that never stops the task). " +
		"In a test module, nor is the handler of a try statement whose `else` clause fails the test (`self.fail(...)`, " +
		"`pytest.fail(...)`, `assert False`, `raise AssertionError`): the test asserts that its body is cancelled, and " +
		"the handler is the outcome it expects (libpulse's `else: self.fail('wait_forever has not been cancelled as " +
		"expected')`).",
	Requires:           []Fact{cancelHandlers},
	SharesFindingsWith: []string{"ASYNC104"},
	Run:                runNoReraiseCancelled,
})

func runNoReraiseCancelled(p *Pass) {
	for _, h := range cancelHandlers.of(p) {
		caught := ""
		if h.Name != nil {
			caught = p.File.Text(h.Name)
		}
		if reraisesCancellation(p.Module, h.InTestModule, h.Body, h.Name) {
			continue
		}
		returns := handlerReturns(p.Module, h.Body, caught)
		if !handlerFallsOutIn(p, h) {
			// Left only by `return`: one mistake, reported once, by ASYNC104 at
			// each return (the line to change), unless that rule is off.
			if len(returns) == 0 || p.Options.Enabled["ASYNC104"] {
				continue
			}
		}
		at := h.Clause.FirstChild() // the `except` keyword of a bare except
		if h.Type != nil {
			at = cancellationTypeNode(p.Module, h.Type)
		}
		msg := h.Shown + " has a path that does not re-raise: swallowing cancellation breaks " +
			"`cancel()`, timeouts and TaskGroups; end the handler with `raise`"
		var related []Related
		if len(returns) > 0 {
			lines := make([]string, len(returns))
			for i, r := range returns {
				lines[i] = strconv.Itoa(p.File.Lines.Position(int(r.Start)).Line + 1)
				related = append(related, RelatedAt(p.Module, r, "`return` here also drops the cancellation"))
			}
			on := " on line "
			if len(lines) > 1 {
				on = " on lines "
			}
			msg += " (and `raise` instead of `return`" + on + strings.Join(lines, ", ") + ")"
		}
		p.Report(at, msg, WithRelated(related...))
	}
}

// handlerFallsOut reports whether control can reach the end of a
// cancellation handler (h is one of cancelHandlers) without re-raising: a
// path with no statement to point at, ASYNC103's own. An exit method's
// handler that falls through only for the exception it was given
// propagates it (exitFallThroughPropagates).
func handlerFallsOut(m *analysis.Module, h cancelHandler) bool {
	caught := ""
	if h.Name != nil {
		caught = m.File.Text(h.Name)
	}
	return fallsThrough(m, statements(h.Body)) && !exitFallThroughPropagates(m, h.Try, h.Body, caught) &&
		!reraisesCancellation(m, h.InTestModule, h.Body, h.Name)
}

// handlerFallsOutIn is handlerFallsOut, except that a handler whose last
// statement calls a library method that never returns, inherited through
// the project's classes, does not fall out (ipyparallel's `except
// BaseException: self.log.exception(...); self.exit(1)`, where the class
// derives, through a base of another module, from traitlets'
// Application, whose exit() calls sys.exit).
func handlerFallsOutIn(p *Pass, h cancelHandler) bool {
	return handlerFallsOut(p.Module, h) && !endsInLibraryExit(p, h.Body) && !endsInCancellingHelper(p, h.Body)
}

// endsInCancellingHelper reports a handler whose last statement calls (or
// awaits) a function of the project that itself raises CancelledError on
// some path (grpc's `self.cancel(); await self._raise_for_status()`, where
// `_raise_for_status` raises `asyncio.CancelledError()` for a call
// cancelled locally): the re-raise is written once, in the helper, and
// adding `raise` after the call would be dead code on that path.
func endsInCancellingHelper(p *Pass, body *analysis.Node) bool {
	stmts := statements(body)
	if len(stmts) == 0 {
		return false
	}
	last := stmts[len(stmts)-1]
	if last.Type() != "expression_statement" {
		return false
	}
	named := last.NamedChildren()
	if len(named) != 1 {
		return false
	}
	call := analysis.Unparen(named[0])
	if call.Type() == "await" {
		inner := call.NamedChildren()
		if len(inner) != 1 {
			return false
		}
		call = analysis.Unparen(inner[0])
	}
	if call == nil || call.Type() != "call" {
		return false
	}
	c := p.Module.CallOf(call)
	if c == nil {
		return false
	}
	t := p.Project.Target(c)
	return t != nil && !t.Lambda && !t.Generator && raisesCancellation(t)
}

// raisesCancellation reports a function whose own body (not a nested
// def) raises a cancellation class: `raise asyncio.CancelledError()`,
// `raise trio.Cancelled`; a bare `raise` does not count.
func raisesCancellation(f *analysis.Function) bool {
	fm := f.Module()
	found := false
	walkBody(f.Node.ChildByField("body"), func(n *analysis.Node) bool {
		if found {
			return false
		}
		if n.Type() == "raise_statement" {
			if ex := n.NamedChildren(); len(ex) > 0 {
				e := analysis.Unparen(ex[0])
				if e != nil && e.Type() == "call" {
					e = e.ChildByField("function")
				}
				if kind, _ := catchesCancellation(fm, e); e != nil && kind == "specific" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// endsInLibraryExit reports whether the last statement of body is a call
// that the project resolves to a library function or method that never
// returns (pylib.NeverReturnsCall).
func endsInLibraryExit(p *Pass, body *analysis.Node) bool {
	stmts := statements(body)
	if len(stmts) == 0 || p.Project == nil {
		return false
	}
	last := stmts[len(stmts)-1]
	if last.Type() != "expression_statement" {
		return false
	}
	named := last.NamedChildren()
	if len(named) != 1 || named[0].Type() != "call" {
		return false
	}
	callee := calleeOf(p.Module, named[0])
	return callee != "" && pylib.NeverReturnsCall(p.Project.Canonical(callee))
}

// handlerReturns returns the `return` statements that leave an except
// block: the caught cancellation is then dropped without a raise. A break
// or continue of a loop around the handler drops it as well; those are
// ASYNC104's alone, as in flake8-async. An exit method's falsy return of the
// exception it was given propagates it (exitPropagates).
func handlerReturns(m *analysis.Module, body *analysis.Node, caught string) []*analysis.Node {
	var found []*analysis.Node
	var walk func(n *analysis.Node)
	walk = func(n *analysis.Node) {
		switch n.Type() {
		case "function_definition", "lambda", "class_definition":
			return
		case "except_clause", "except_group_clause":
			// A nested handler of cancellation is checked on its own, as
			// ASYNC104 does.
			if typ, _, _ := exceptParts(n); func() bool { kind, _ := catchesCancellation(m, typ); return kind != "" }() {
				return
			}
		case "return_statement":
			if !exitPropagates(m, n, caught) {
				found = append(found, n)
			}
			return
		}
		for _, c := range n.Children() {
			walk(c)
		}
	}
	walk(body)
	return found
}

// cancellationTypeNode returns the part of an except clause's type that
// catches cancellation (the element of a tuple), where flake8-async reports.
func cancellationTypeNode(m *analysis.Module, typ *analysis.Node) *analysis.Node {
	kind, _ := catchesCancellation(m, typ)
	t := analysis.Unparen(typ)
	if t.Type() == "tuple" {
		for _, e := range t.NamedChildren() {
			if k, _ := catchesCancellation(m, e); k == kind {
				return e
			}
		}
	}
	return t
}

// exitFallThroughPropagates reports the mirrored shape of exitPropagates:
// an exit method's handler that ends with `if exc is not value: raise` and
// so falls through only when the caught exception is the one the method was
// given, after which the method ends and returns None: that exception
// propagates (prompt-toolkit's copy of contextlib's asynccontextmanager).
func exitFallThroughPropagates(m *analysis.Module, try, body *analysis.Node, caught string) bool {
	if caught == "" {
		return false
	}
	def, value := exitMethodValue(m, try)
	if def == nil {
		return false
	}
	stmts := statements(body)
	if len(stmts) == 0 {
		return false
	}
	last := stmts[len(stmts)-1]
	if last.Type() != "if_statement" || last.ChildByField("alternative") != nil ||
		!comparesIdentity(m, last.ChildByField("condition"), caught, value, "is not") ||
		fallsThrough(m, statements(last.ChildByField("consequence"))) {
		return false
	}
	// After the try statement the method must end with no other statement:
	// a later `return True` would suppress.
	for q := try; q.Parent() != nil && q.Parent() != def; q = q.Parent() {
		p := q.Parent()
		switch p.Type() {
		case "while_statement", "for_statement":
			return false
		case "block":
			if kids := p.NamedChildren(); kids[len(kids)-1] != q {
				return false
			}
		}
	}
	return true
}
