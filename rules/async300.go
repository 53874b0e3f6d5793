package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC300 reports tasks whose only reference is dropped.
var ASYNC300 = register(&Rule{
	Code:    "ASYNC300",
	Name:    "create-task-no-reference",
	Summary: "Task created with create_task/ensure_future and its reference dropped",
	Rationale: "The event loop keeps only a weak reference to tasks. A task whose result is not stored can be " +
		"garbage-collected before it finishes, silently cancelling its work, and any exception it raises is never seen. " +
		"Keep a reference (a set of background tasks, or an `asyncio.TaskGroup`) until the task is done.",
	Bad: `import asyncio

async def main():
    asyncio.create_task(heartbeat())`,
	Good: `import asyncio

background = set()

async def main():
    task = asyncio.create_task(heartbeat())
    background.add(task)
    task.add_done_callback(background.discard)`,
	CrossFile: true,
	Severity:  Warning,
	Default:   true,
	Fix:       "For a statement `asyncio.create_task(...)`: assign the task and keep it in a module-level set, `_background_tasks.add(task)` with `task.add_done_callback(_background_tasks.discard)`, the set defined after the imports (safe: it only extends the task's lifetime to its completion).",
	Notes: "Reported wherever the reference is lost, not only for a bare statement: inside a conditional expression or " +
		"boolean operator whose value is discarded, in a list built and thrown away, or when only " +
		"`.add_done_callback(...)` is called on the new task, or when it is only printed. `create_task` on a receiver named like " +
		"an event loop (`loop`, `self.loop`, `bot.loop`, a name ending in `_loop` such as `self.app.aio_loop`, `get_event_loop()`) counts as `loop.create_task` when its type is unknown. `TaskGroup.create_task` is not reported: the group holds the task. Nor is `ensure_future(call)` of a call that returns a Future already (`loop.run_in_executor(...)`, `loop.create_future()`, `asyncio.gather(...)`, `shield`, `wrap_future`, a synchronous function of the project that returns one): `ensure_future` returns that Future unchanged, no task is made, and what completes it holds it. A synchronous function of the project that returns a coroutine on some path (`def refresh_soon(n): return refresh(n)`, also through other such functions) makes it start a task, which is reported; for a call through `self` its methods are looked up from the caller's class, so a base class's plain `def on_message(self, m): return self.process(m)` reaching hooks that only raise `NotImplementedError` there, which the subclass defines with `async def`, starts one too (graphql-ws's per-message `ensure_future(self.on_message(...))`). A synchronous function of the project that only returns such a task (`def spawn(coro): return asyncio.create_task(coro)`, through any number of such wrappers) is a task factory too, and so is anything listed in `[tool.asyncls]` `task-factories` and any such wrapper of one. A task only tested for truth (`x if create_task(c) else y`, `if create_task(c):`) is dropped too, as in flake8-async. So is a task that a lambda returns when the lambda is the callback a loop callback registrar takes (`loop.call_soon(lambda: asyncio.ensure_future(refresh()))`, `loop.call_later(5, lambda: ...)`, `call_at`, `call_soon_threadsafe`, `add_signal_handler`, a task's `add_done_callback(lambda t: ...)`: the registrars of pylib.LoopCallbackRegistrarOf, those ASL201 follows, that drop the callback's result; not Tornado's IOLoop, whose `_run_callback` keeps a returned awaitable and logs its exception), also when the lambda only adds a done callback to it (`lambda: ensure_future(c()).add_done_callback(cb)`): the loop calls the lambda from its callback handle and drops what it returns, so the task is held by nothing; a lambda passed anywhere else (`map`, a factory kept in a name) may have its result kept by its caller and is not reported (testdata `loop_callback_lambdas.py`). Deliberately unlike flake8-async: names are resolved, so a function-local `from asyncio import create_task` and an alias (`spawn = asyncio.create_task`) are followed; and `with create_task(c):` is not reported (a task is no context manager: that line fails at once). Nor is an asyncio task factory given a coroutine function left uncalled (`asyncio.create_task(worker)`, `ensure_future(self.service)`), which flake8-async reports like any other dropped call: that call raises TypeError and makes no task, and ASL110 reports the missing call instead; a project wrapper that takes the function itself (`self.start_background_task(self.service)`) makes a task and is reported (testdata `task_factory_given_an_uncalled_coroutine_function.py`). A task created right before `loop.run_forever()` in the same frame (a script's main task) is reported too: the loop holds a task only through the ready handle, timer or future it waits on, never through `run_forever`, so a main coroutine parked on a future nothing else holds (`await asyncio.Future()`, `await asyncio.Event().wait()`, the \"run forever\" idiom) is collected while the loop runs, and its `finally` blocks (closing the server) run then; `task = loop.create_task(main())` before `loop.run_forever()` keeps it. A task scheduled from a finaliser (`def __del__(self): asyncio.ensure_future(self.close())`) is reported as well: nothing else holds it while its creator is being destroyed, and a close that is collected half-way leaks what `__del__` meant to free; keep it in a module-level set, or close explicitly (`async with`) and drop the finaliser. In a test module (README \"Test modules\"), a task of the tests' own coroutine function (a closure of the test, a method of a test class or of a fake the test builds, a function of a test module) that checks nothing, in its body or in the test modules' functions it calls (no `assert`, no `raise` outside an except clause, `pytest.raises`, `pytest.fail`, `self.assert*()`, mock `assert_*()`), is not reported: it is the test's scaffolding, feeding the stream, setting the future, publishing the messages or breaking the connection that the test then waits for, so its failure shows as the test's own (what the test waits for never comes) and asyncio logs its exception; a deliberate difference from flake8-async and ruff. A dropped task that checks something is reported there (its failed assertion is lost and the test passes whatever happens), and so is a task of the code under test, a library's or the project's own coroutine (testdata `test_modules/`). ruff calls this check RUF006: `# noqa: RUF006`, and RUF006 in `ignore`, `per-file-ignores` or `select`, act on ASYNC300 as written. A task whose coroutine is a project `async def` that never suspends (no `await`, `async for` or `async with` in its body, not replaceable by a subclass) cannot be collected mid-run, since it finishes at the loop's next step; it is still reported, with a message that says so and suggests a plain function, because maintainers fix exactly that (PyISY#425 made such an `update()` synchronous; exempting it lost four real bugs of bench/realbugs*, noise300 in docs/precision.md).",
	Run: runTaskDropped,
})

func runTaskDropped(p *Pass) {
	for _, c := range p.Module.Calls {
		if !isTaskFactory(p, c) || ensureFutureOfFuture(p, c) || uncalledCoroutineArgument(p, c) || testScaffoldingTask(p, c) {
			continue
		}
		if valueDropped(p.File, c.Node) || readOnlyArgument(p.Module, c.Node) {
			if f := neverSuspends(p, c); f != nil {
				p.Report(c.Node, "the task returned by `"+p.File.Brief(c.Node.ChildByField("function"))+"()` is not kept, and its coroutine `"+f.Name+
					"()` never suspends (no await): it runs to completion at the loop's next step and any exception it raises is only logged; "+
					"call a plain function instead (make `"+f.Name+"` a `def`), or keep the task", WithFix(storeTaskFix(p, c.Node)))
				continue
			}
			p.Report(c.Node, "the task returned by `"+p.File.Brief(c.Node.ChildByField("function"))+"()` is not kept: it may be garbage-collected "+
				"before it finishes and its exceptions are lost; store it (e.g. in a set, with add_done_callback(set.discard)) or use asyncio.TaskGroup", WithFix(storeTaskFix(p, c.Node)))
		} else if reg := lambdaLoopCallback(p, c.Node); reg != nil {
			p.Report(c.Node, "the task returned by `"+p.File.Brief(c.Node.ChildByField("function"))+"()` is not kept: it is what the lambda "+
				"returns, and `"+p.File.Brief(reg.ChildByField("function"))+"()` calls the lambda later and discards its result; the task "+
				"may be garbage-collected before it finishes and its exceptions are lost; keep it (e.g. a function that adds it to a set, "+
				"with add_done_callback(set.discard)) or use asyncio.TaskGroup")
		}
	}
}

// lambdaLoopCallback returns the registering call when the value of task
// expression n is what a lambda returns (through parentheses and the
// branches of a conditional or boolean operator) and the lambda is the
// callback that a loop callback registrar takes (`loop.call_soon(lambda:
// asyncio.ensure_future(c()))`, `loop.call_later(5, lambda: ...)`,
// `task.add_done_callback(lambda t: ...)`: pylib.LoopCallbackRegistrarOf):
// the loop calls the lambda from its callback handle and drops what it
// returns, so nothing holds the task (pylib.LoopCallbackRegistrar's
// DropsResult). Nil otherwise (a lambda passed anywhere else may have its
// result kept by its caller).
func lambdaLoopCallback(p *Pass, n *analysis.Node) *analysis.Node {
	child := n
	var lambda *analysis.Node
	for par := n.Parent(); par != nil && lambda == nil; child, par = par, par.Parent() {
		switch par.Type() {
		case "parenthesized_expression", "boolean_operator":
		case "conditional_expression":
			if named := par.NamedChildren(); len(named) == 3 && named[1] == child {
				return nil // the condition's truth is read, the lambda returns a branch
			}
		case "attribute":
			// `lambda: ensure_future(c()).add_done_callback(cb)`: the
			// callback registration returns None, the task is still dropped
			// (as valueDropped).
			if child.Field() != "object" || p.File.Text(par.ChildByField("attribute")) != "add_done_callback" ||
				par.Parent() == nil || par.Parent().Type() != "call" || par.Field() != "function" {
				return nil
			}
			child, par = par, par.Parent()
		case "lambda":
			if child.Field() != "body" {
				return nil
			}
			lambda = par
		default:
			return nil
		}
	}
	if lambda == nil {
		return nil
	}
	arg := lambda
	for arg.Parent() != nil && arg.Parent().Type() == "parenthesized_expression" {
		arg = arg.Parent()
	}
	args := arg.Parent()
	if args == nil || args.Type() != "argument_list" || args.Parent() == nil || args.Parent().Type() != "call" {
		return nil
	}
	calls := p.Module.Memo("rules.callByNode", func() any { return callByNode(p.Module) }).(map[*analysis.Node]*analysis.Call)
	c := calls[args.Parent()]
	if c == nil {
		return nil
	}
	reg, ok := loopCallbackRegistrar(p, c)
	if !ok || !reg.DropsResult || c.Positional(reg.Arg) != arg {
		return nil
	}
	return c.Node
}

// valueDropped reports whether the value of expression n is discarded:
// it flows only through parentheses, conditional branches, boolean
// operators, collection literals and `.add_done_callback()` into an
// expression statement, or is only tested for truth (a condition).
func valueDropped(f *analysis.File, n *analysis.Node) bool {
	child := n
	for p := n.Parent(); p != nil; child, p = p, p.Parent() {
		switch p.Type() {
		case "expression_statement":
			return true
		case "parenthesized_expression", "boolean_operator", "list", "tuple", "set", "expression_list":
			continue
		case "conditional_expression":
			if named := p.NamedChildren(); len(named) == 3 && named[1] == child {
				// Only the task's truth value is read (`x if create_task(c) else y`).
				return true
			}
			continue
		case "if_clause", "if_statement", "elif_clause", "while_statement":
			// Used as a condition: tested for truth, then dropped.
			return child.Field() == "condition" || p.Type() == "if_clause"
		case "list_comprehension", "set_comprehension", "generator_expression":
			if child.Field() == "body" {
				continue
			}
			return false
		case "attribute":
			// task.add_done_callback(cb) returns None: the task is still dropped.
			if child.Field() == "object" && f.Text(p.ChildByField("attribute")) == "add_done_callback" &&
				p.Parent() != nil && p.Parent().Type() == "call" && p.Field() == "function" {
				child, p = p, p.Parent()
				continue
			}
			return false
		default:
			return false
		}
	}
	return false
}

// storeTaskFix rewrites the statement `asyncio.create_task(...)` into an
// assignment kept in the module-level set.
func storeTaskFix(p *Pass, call *analysis.Node) *Fix {
	stmt := call.Parent()
	if stmt == nil || stmt.Type() != "expression_statement" || len(stmt.NamedChildren()) != 1 || !ownLine(p.File, stmt) {
		return nil
	}
	scope := p.Module.ScopeAt(call)
	name := "task"
	for i := 1; scope.Lookup(name) != nil; i++ {
		name = "task_" + itoaSmall(i)
	}
	store := backgroundStore(p)
	indent := lineIndent(p.File, stmt)
	edits := []Edit{{Start: int(stmt.Start), End: int(stmt.End), New: name + " = " + p.File.Text(call) + "\n" + indent + store.keep(name, indent)}}
	if store.define != nil {
		edits = append(edits, *store.define)
	}
	return &Fix{Title: "Keep the task in a module-level set until it is done", Safe: true, Edits: edits}
}

// readOnlyArgument reports whether n is an argument of a call of a builtin
// that only reads it (`print(fetch())`): the value is gone afterwards.
func readOnlyArgument(m *analysis.Module, n *analysis.Node) bool {
	u, by := m.UsageOf(n)
	if u != analysis.UsageArgument || by == nil || by.Type() != "call" {
		return false
	}
	fn := by.ChildByField("function")
	if fn == nil || fn.Type() != "identifier" {
		return false
	}
	name := m.File.Text(fn)
	return pylib.Method(name, pylib.ReadsArgument) && m.IsBuiltin(fn, name)
}

// uncalledCoroutineArgument reports whether c's first argument is a
// coroutine function left uncalled (`asyncio.create_task(worker)`): the call
// raises TypeError and makes no task; ASL110 reports it.
func uncalledCoroutineArgument(p *Pass, c *analysis.Call) bool {
	// Only an asyncio API that takes awaitables (awaitableArgs): a project
	// wrapper may take the function itself (`start_background_task(self._service)`).
	args := awaitableArgs(p, c)
	return len(args) > 0 && (uncalledCoroutine(p, args[0]) || scheduledNotAwaitable(p, args[0]) != "")
}

// testScaffoldingTask reports a task started in a test module to run a
// coroutine function of the tests themselves (a function or method of a
// test module, a closure of the test) that checks nothing: no `assert`, no
// `pytest.raises`/`pytest.fail`, no `self.assert*()` or mock `assert_*()`
// call, in its body or in the test modules' functions it calls.
// Such a task is the test's scaffolding: it feeds the stream, sets the
// future, publishes the messages or breaks the connection that the test
// itself then waits for, so a failure in it shows as the test's own failure
// (what the test waits for never comes), and asyncio logs its exception.
// A dropped task that checks something is reported: its failed assertion
// is lost and the test passes whatever happens. So is a task of the code
// under test (a library's or the project's own coroutine): its error is
// only logged while the test goes on.
func testScaffoldingTask(p *Pass, c *analysis.Call) bool {
	if !testModule(p.Module, p.Project) {
		return false
	}
	inner := taskCoroutineCall(p, c)
	if inner == nil {
		return false
	}
	f := p.Project.Target(inner)
	return f != nil && f.IsCoroutineFunction() && testModule(f.Module(), p.Project) && !checksInTest(p.Project, f, map[*analysis.Function]bool{})
}

// taskCoroutineCall returns the call that makes the coroutine a task
// factory call runs (`create_task(self.update())`: `self.update()`), or
// nil when its argument is no call of the module.
func taskCoroutineCall(p *Pass, c *analysis.Call) *analysis.Call {
	args := awaitableArgs(p, c)
	var arg *analysis.Node
	if len(args) > 0 {
		arg = args[0]
	} else if arg = c.Positional(0); arg != nil {
		arg = analysis.Unparen(arg)
	}
	if arg == nil || arg.Type() != "call" {
		return nil
	}
	calls := p.Module.Memo("rules.callByNode", func() any { return callByNode(p.Module) }).(map[*analysis.Node]*analysis.Call)
	return calls[arg]
}

// checksInTest reports whether test-module function f checks something that
// fails the test when it does not hold: an `assert` statement, a `raise` of
// an exception (outside an except clause, which may re-raise what it
// caught), or a call of
// `pytest.raises` (pylib.ExpectsRaise), of `pytest.fail` or another call
// that never returns (pylib.NeverReturnsCall), or of a method named
// `assert*` or `fail`
// (unittest's `self.assertEqual`, `self.fail`, mock's
// `assert_called_once_with`), in its own body or in a function of a test
// module it calls (not in nested functions it only defines).
func checksInTest(proj *analysis.Project, f *analysis.Function, seen map[*analysis.Function]bool) bool {
	if seen[f] || len(seen) > 32 {
		return len(seen) > 32
	}
	seen[f] = true
	m := f.Module()
	found := false
	walkBody(f.Node.ChildByField("body"), func(n *analysis.Node) bool {
		switch n.Type() {
		case "assert_statement":
			found = true
		case "except_clause", "except_group_clause":
			return false // re-raising what it caught (a cancellation) checks nothing
		case "raise_statement":
			found = len(n.NamedChildren()) > 0 // `raise AssertionError(...)`: lost with the task
		}
		return !found
	})
	if found {
		return true
	}
	for _, c := range f.Calls {
		text := m.File.Text(c.Node.ChildByField("function"))
		last := text[strings.LastIndex(text, ".")+1:]
		name := m.Resolve(c.Node.ChildByField("function")).Name
		if strings.HasPrefix(last, "assert") || last == "fail" || pylib.Is(name, pylib.ExpectsRaise) || pylib.NeverReturnsCall(name) {
			return true
		}
		if g := proj.Target(c); g != nil && testModule(g.Module(), proj) && checksInTest(proj, g, seen) {
			return true
		}
	}
	return false
}
