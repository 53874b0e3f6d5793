package rules

import (
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
		"an event loop (`loop`, `self.loop`, `bot.loop`, a name ending in `_loop` such as `self.app.aio_loop`, `get_event_loop()`) counts as `loop.create_task` when its type is unknown. `TaskGroup.create_task` is not reported: the group holds the task. Nor is `ensure_future(call)` of a call that returns a Future already (`loop.run_in_executor(...)`, `loop.create_future()`, `asyncio.gather(...)`, `shield`, `wrap_future`, a synchronous function of the project that returns one): `ensure_future` returns that Future unchanged, no task is made, and what completes it holds it. A synchronous function of the project that returns a coroutine on some path (`def refresh_soon(n): return refresh(n)`, also through other such functions) makes it start a task, which is reported; for a call through `self` its methods are looked up from the caller's class, so a base class's plain `def on_message(self, m): return self.process(m)` reaching hooks that only raise `NotImplementedError` there, which the subclass defines with `async def`, starts one too (graphql-ws's per-message `ensure_future(self.on_message(...))`). A synchronous function of the project that only returns such a task (`def spawn(coro): return asyncio.create_task(coro)`, through any number of such wrappers) is a task factory too, and so is anything listed in `[tool.asyncls]` `task-factories` and any such wrapper of one. A task only tested for truth (`x if create_task(c) else y`, `if create_task(c):`) is dropped too, as in flake8-async. So is a task that a lambda returns when the lambda is the callback a loop callback registrar takes (`loop.call_soon(lambda: asyncio.ensure_future(refresh()))`, `loop.call_later(5, lambda: ...)`, `call_at`, `call_soon_threadsafe`, `add_signal_handler`, a task's `add_done_callback(lambda t: ...)`: the registrars of pylib.LoopCallbackRegistrarOf, those ASL201 follows, that drop the callback's result; not Tornado's IOLoop, whose `_run_callback` keeps a returned awaitable and logs its exception), also when the lambda only adds a done callback to it (`lambda: ensure_future(c()).add_done_callback(cb)`): the loop calls the lambda from its callback handle and drops what it returns, so the task is held by nothing; a lambda passed anywhere else (`map`, a factory kept in a name) may have its result kept by its caller and is not reported (testdata `loop_callback_lambdas.py`). Deliberately unlike flake8-async: names are resolved, so a function-local `from asyncio import create_task` and an alias (`spawn = asyncio.create_task`) are followed; and `with create_task(c):` is not reported (a task is no context manager: that line fails at once). Nor is an asyncio task factory given a coroutine function left uncalled (`asyncio.create_task(worker)`, `ensure_future(self.service)`), which flake8-async reports like any other dropped call: that call raises TypeError and makes no task, and ASL110 reports the missing call instead; a project wrapper that takes the function itself (`self.start_background_task(self.service)`) makes a task and is reported (testdata `task_factory_given_an_uncalled_coroutine_function.py`). A task scheduled from a finaliser (`def __del__(self): asyncio.ensure_future(self.close())`) is reported as well: nothing else holds it while its creator is being destroyed, and a close that is collected half-way leaks what `__del__` meant to free; keep it in a module-level set, or close explicitly (`async with`) and drop the finaliser. ruff calls this check RUF006: `# noqa: RUF006`, and RUF006 in `ignore`, `per-file-ignores` or `select`, act on ASYNC300 as written.",
	Run: runTaskDropped,
})

func runTaskDropped(p *Pass) {
	for _, c := range p.Module.Calls {
		if !isTaskFactory(p, c) || ensureFutureOfFuture(p, c) || uncalledCoroutineArgument(p, c) {
			continue
		}
		if valueDropped(p.File, c.Node) || readOnlyArgument(p.Module, c.Node) {
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
	return len(args) > 0 && uncalledCoroutine(p, args[0])
}
