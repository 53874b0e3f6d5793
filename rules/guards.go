package rules

import (
	"strconv"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// guardedAgainstBlocking (part of the blockingCalls fact, so it applies to
// every blocking family) reports a blocking-capable call that the code
// around it has made non-blocking, in the simple shapes real code uses:
//   - the same callee offloaded elsewhere in the function
//     (`await run_in_threadpool(self.file.read, n)`), or awaited there (`if
//     is_async: await fh.read(n)`), and called directly only under a
//     condition (`if self._in_memory: return self.file.read(n)`, `else:
//     fh.read(n)`): the author routes the call by whether it blocks;
//   - code that never runs: the body of a loop over an empty literal
//     (`for name in ():`), of `if False:` or `while False:`, the `else` of
//     `if True:`;
//   - code that runs only in a debug or verbose mode (debugOnly);
//   - code a fresh event loop's main coroutine runs before its first
//     suspension, when nothing else is on that loop yet: one nested in the
//     function that runs it, or a script's module-level main
//     (beforeLoopIsShared);
//   - code in the `with` block of a context manager that hands the terminal
//     to another program while the app waits (Textual's `App.suspend()`;
//     terminalHandedOver);
//   - a call whose statement is followed at once by `os._exit()` (or
//     `os.abort()`): no other task runs again, so none waits for it
//     (rightBeforeProcessEnds);
//   - code of a coroutine that only the module's own synchronous driver
//     runs, on no event loop, or that a framework runs on a loop of its own
//     in a worker thread (Textual's `@work(thread=True)`, a
//     threading.Thread's run() running it on a loop run() made;
//     drivenSynchronously);
//   - a call `f(...)` in an if statement (or conditional expression) whose
//     condition asks `iscoroutinefunction(f)`: the code awaits f when it is
//     a coroutine function and calls it plainly when it is not, a plain
//     override or plug-in it supports by design (google-auth's async
//     `before_request` calling a synchronous subclass's `refresh`), as
//     ASL102 reads the same test (underCoroutineFunctionTestIn).
//
// What makes a call of one API non-blocking (`q.get(block=False)`, a
// `q.get()` after `while q.empty(): await ...`, a file opened read-only) is
// its family's: the NonBlocking predicate in the rule's file (asl202.go,
// async232.go).
func guardedAgainstBlocking(m *analysis.Module, c *analysis.Call) bool {
	fn := c.Node.ChildByField("function")
	if fn == nil {
		return false
	}
	if neverRuns(m, c.Node) || debugOnly(m, c.Node) || beforeLoopIsShared(m, c) || drivenSynchronously(m, c) || terminalHandedOver(m, c) ||
		underCoroutineFunctionTestIn(m, c) || rightBeforeProcessEnds(m, c) {
		return true
	}
	return offloadedElsewhere(m, c, m.File.Text(fn))
}

// beforeLoopIsShared reports a call made directly in a coroutine that is
// only ever run as the main coroutine of a new event loop, before that
// coroutine first suspends. Two shapes are known to run it so:
//   - the coroutine is defined inside a synchronous function, and every
//     other mention of its name there is `asyncio.run(main())` (or
//     `anyio.run(main)`, `trio.run(main)`; runsAsMainCoroutine);
//   - it is a script's module-level coroutine that the module mentions only
//     to run it from its top level or its `if __name__ == "__main__":`, with
//     `asyncio.run(main())` or
//     `asyncio.get_event_loop().run_until_complete(main())`, when that top
//     level puts nothing else on a loop (runsAsScriptMain);
//   - it is a web framework's start-up hook that runs first, before the
//     server accepts a connection, in a module that serves the
//     application, if at all, only as a standalone server (a FastAPI
//     lifespan before its yield, aiohttp's first on_startup handler;
//     startupHookEnd).
//
// Until its first await, async for, async with or yield, and its first
// call that starts a task, a callback or anything else (firstSharing), no
// other task has run on that loop, nor waits on it, so a blocking call there stalls nobody: it is the same as
// making it before `asyncio.run` (a CLI's `main()` loading its options and
// config files, mitmproxy's and textual's `run()`, zigpy-znp's tools
// reading their backup file). A call inside a loop that awaits later runs
// again after the loop is shared, and is still reported; so is everything
// after the first suspension, and a coroutine whose name is used in any
// other way (returned, stored, passed to create_task, run from a def of
// the module).
//
// The answer is the module's alone: the mentions asked about are the
// enclosing function's, or the module's own; whether another module
// imports a script's main is not asked, as for any `__main__` code.
func beforeLoopIsShared(m *analysis.Module, c *analysis.Call) bool {
	f := c.Func
	if f == nil || !f.Async || f.Lambda || f.Name == "" {
		return false
	}
	first, ok := uint32(0), false
	if f.Class == nil {
		first, ok = startupHookEnd(m, f)
	}
	if !ok {
		if f.Generator || len(f.Decorators) > 0 || f.Parent != nil && (f.Parent.Async || f.Parent.Lambda) {
			return false
		}
		var main mainCoroutine
		if f.Class == nil {
			main = mainCoroutineOf(m, f)
		} else {
			main = mainCoroutineMethodOf(m, f)
		}
		if !main.onlyMain {
			return false
		}
		first = main.firstSuspension
	}
	if first != 0 && c.Node.Start >= first {
		return false
	}
	for q := c.Node.Parent(); q != nil && q != f.Node; q = q.Parent() {
		switch q.Type() {
		case "while_statement", "for_statement":
			if first != 0 && q.End > first {
				return false // the loop comes back to the call after suspending
			}
		}
	}
	return true
}

// mainCoroutine is what beforeLoopIsShared asks of a coroutine function,
// once per function.
type mainCoroutine struct {
	onlyMain        bool   // every mention in the enclosing function (the module, for a module-level one) runs it as a new loop's main coroutine
	firstSuspension uint32 // offset of its first await, async for or async with, or first call that starts work (firstSharing); 0 when none
}

func mainCoroutineOf(m *analysis.Module, f *analysis.Function) mainCoroutine {
	key := "guards.mainCoroutine:" + strconv.FormatUint(uint64(f.Node.Start), 10)
	return m.Memo(key, func() any {
		scope := m.File.Root
		if f.Parent != nil {
			scope = f.Parent.Node
		}
		return onlyRunOnNewLoops(m, f, scope, func(n *analysis.Node) (skip, runs bool) {
			if n.Field() == "attribute" {
				return true, false // not a mention of the coroutine function (`asyncio.run`)
			}
			return false, f.Parent != nil && runsAsMainCoroutine(m, n) || f.Parent == nil && runsAsScriptMain(m, n)
		})
	}).(mainCoroutine)
}

// onlyRunOnNewLoops is the mainCoroutine of f when every mention of its name
// under scope (not its definition, nor a keyword argument's name: `run=...`)
// that mention does not skip is one that runs it as a new loop's main
// coroutine, and there is one at least; the zero mainCoroutine otherwise.
func onlyRunOnNewLoops(m *analysis.Module, f *analysis.Function, scope *analysis.Node,
	mention func(n *analysis.Node) (skip, runs bool)) mainCoroutine {
	runs := 0
	ok := true
	nameNode := f.Node.ChildByField("name")
	scope.Walk(func(n *analysis.Node) bool {
		if !ok {
			return false
		}
		if n.Type() != "identifier" || n == nameNode || m.File.Text(n) != f.Name ||
			n.Field() == "name" && n.Parent() != nil && n.Parent().Type() == "keyword_argument" {
			return true
		}
		skip, run := mention(n)
		switch {
		case skip:
		case run:
			runs++
		default:
			ok = false
		}
		return true
	})
	if !ok || runs == 0 {
		return mainCoroutine{}
	}
	first, _ := firstSharing(m, f.Node)
	return mainCoroutine{onlyMain: true, firstSuspension: first}
}

// mainCoroutineMethodOf is mainCoroutineOf for a coroutine method that is
// private to its module (its name or its class's starts with `_`, not a
// dunder: other modules do not call it) and that the module mentions only
// as `asyncio.run(self.NAME(...))` (or trio's, anyio's: runsAsMainCoroutine),
// the synchronous face of an async API that runs each call on a new loop
// (ring-doorbell's deprecated sync API: `asyncio.run(self.run_and_close_session(...))`
// in the methods of its `_DeprecatedSyncApiHandler`).
func mainCoroutineMethodOf(m *analysis.Module, f *analysis.Function) mainCoroutine {
	private := func(name string) bool { return strings.HasPrefix(name, "_") && !strings.HasPrefix(name, "__") }
	if f.Class == nil || f.Parent != nil || !private(f.Name) && !private(f.Class.Name) {
		return mainCoroutine{}
	}
	key := "guards.mainCoroutineMethod:" + strconv.FormatUint(uint64(f.Node.Start), 10)
	return m.Memo(key, func() any {
		return onlyRunOnNewLoops(m, f, m.File.Root, func(n *analysis.Node) (skip, runs bool) {
			// a bare name, or `x.NAME` used otherwise (awaited, stored,
			// handed on), is not a run
			return false, n.Field() == "attribute" && runsAsMainCoroutine(m, n.Parent())
		})
	}).(mainCoroutine)
}

// runsAsMainCoroutine reports a mention of a coroutine function's name that
// hands it to a fresh loop runner: `asyncio.run(main())` or `trio.run(main)`
// (the first argument, as written).
func runsAsMainCoroutine(m *analysis.Module, name *analysis.Node) bool {
	arg := name
	if p := name.Parent(); p != nil && p.Type() == "call" && p.ChildByField("function") == name {
		arg = p // main(args): the coroutine it makes
	}
	args := arg.Parent()
	if args == nil || args.Type() != "argument_list" || len(args.NamedChildren()) == 0 || args.NamedChildren()[0] != arg {
		return false
	}
	runner := args.Parent()
	if runner == nil || runner.Type() != "call" {
		return false
	}
	// A loop starter that is no method of an existing loop (those are
	// matched by name, ByMethodName) makes a new loop: asyncio.run,
	// trio.run, anyio.run.
	api, ok := pylib.Lookup(calleeOf(m, runner))
	return ok && api.Has(pylib.LoopStarter) && !api.Has(pylib.ByMethodName)
}

// runsAsScriptMain reports the mention of a module-level coroutine
// function that the module's top level, as a script, runs as a fresh loop's
// main coroutine: `asyncio.run(main())` (or trio's, anyio's), or
// `asyncio.get_event_loop().run_until_complete(main())` (or
// `asyncio.new_event_loop()`), the form older scripts write (matrix-nio
// bots' `main()` opening their store before logging in), as a statement of
// the module's top level or of its `if __name__ == "__main__":`, in a
// module whose top level starts no other task or callback on a loop (no
// `ensure_future`, `create_task`, `call_soon`, `call_later`, `gather`,
// `run_forever` or other `run_until_complete` of its own). Until main()
// first suspends, nothing else has run on the loop. A mention anywhere
// else (a def that runs it, an import by another module is not asked)
// keeps the function reported.
func runsAsScriptMain(m *analysis.Module, name *analysis.Node) bool {
	call := name.Parent()
	if call == nil || call.Type() != "call" || call.ChildByField("function") != name {
		return false
	}
	args := call.Parent()
	if args == nil || args.Type() != "argument_list" || len(args.NamedChildren()) != 1 || args.NamedChildren()[0] != call {
		return false
	}
	runner := args.Parent()
	if runner == nil || runner.Type() != "call" {
		return false
	}
	if !runsAsMainCoroutine(m, call) {
		fn := runner.ChildByField("function")
		if fn == nil || fn.Type() != "attribute" || m.File.Text(fn.ChildByField("attribute")) != "run_until_complete" {
			return false
		}
		// The loop: a call of an API that returns the thread's event loop
		// (asyncio's get_event_loop or new_event_loop, pylib's
		// ReturnsEventLoop), made right there.
		loop := analysis.Unparen(fn.ChildByField("object"))
		if loop == nil || loop.Type() != "call" {
			return false
		}
		lf := loop.ChildByField("function")
		if lf != nil && lf.Type() == "attribute" {
			lf = lf.ChildByField("attribute")
		}
		if lf == nil || lf.Type() != "identifier" || !pylib.Method(m.File.Text(lf), pylib.ReturnsEventLoop) {
			return false
		}
	}
	// The runner is a statement of the module's top level, or of an
	// `if __name__ == "__main__":` there.
	st := runner.Parent()
	if st == nil || st.Type() != "expression_statement" || !scriptTopLevel(m, st) {
		return false
	}
	return !topLevelSchedules(m, runner)
}

// scriptTopLevel reports a statement of the module's top level, directly or
// in the body of an `if __name__ == "__main__":` there.
func scriptTopLevel(m *analysis.Module, st *analysis.Node) bool {
	up := st.Parent()
	if up != nil && up.Type() == "block" {
		ifst := up.Parent()
		if ifst == nil || ifst.Type() != "if_statement" || up.Field() != "consequence" || !isMainGuard(m.File, ifst) {
			return false
		}
		st, up = ifst, ifst.Parent()
	}
	return up != nil && up.Type() == "module"
}

// loopWorkNames are the last names of the calls that put work on an event
// loop, whatever their receiver: pylib's scheduler and callback methods
// (create_task, ensure_future, run_coroutine_threadsafe, call_soon,
// call_later...), the gathering functions, and the methods that run an
// existing loop (run_until_complete, run_forever).
var loopWorkNames = func() map[string]bool {
	out := map[string]bool{}
	for name := range pylib.SchedulerMethods {
		out[name] = true
	}
	for name := range pylib.CallbackMethods {
		out[name] = true
	}
	for _, name := range append(pylib.LastNames(pylib.Gathers), pylib.LastNames(pylib.LoopStarter|pylib.ByMethodName)...) {
		out[name] = true
	}
	return out
}()

// topLevelSchedules reports a call, outside every def and class of the
// module, other than runner, that puts work on an event loop: the loop
// runner's main coroutine would then not be the first to run.
func topLevelSchedules(m *analysis.Module, runner *analysis.Node) bool {
	found := false
	m.File.Root.Walk(func(n *analysis.Node) bool {
		if found {
			return false
		}
		switch n.Type() {
		case "function_definition", "class_definition", "lambda":
			return false
		case "call":
			if n == runner {
				return true
			}
			if fn := n.ChildByField("function"); fn != nil {
				word := m.File.Text(fn)
				if fn.Type() == "attribute" {
					word = m.File.Text(fn.ChildByField("attribute"))
				}
				if loopWorkNames[word] {
					found = true
					return false
				}
			}
		}
		return true
	})
	return found
}

// debugOnly reports a node that runs only in a debug or verbose mode: under
// `if DEBUG:` (a name or attribute whose last part says debug or verbose,
// alone or in an `and`), or after `if not DEBUG: return` at the top of its
// function (nala's dprint, which appends to its debug log only with
// --debug). Writing a debug log as it goes is what the logging module's
// file handlers do too; it is the mode's cost, chosen by the user.
func debugOnly(m *analysis.Module, n *analysis.Node) bool {
	def := enclosingFunc(n)
	for q := n.Parent(); q != nil && q != def; q = q.Parent() {
		if q.Type() == "block" && q.Field() == "consequence" && q.Parent() != nil && q.Parent().Type() == "if_statement" &&
			debugFlag(m, q.Parent().ChildByField("condition")) {
			return true
		}
	}
	if def == nil {
		return false
	}
	for _, st := range statements(def.ChildByField("body")) {
		if st.End > n.Start {
			return false
		}
		if st.Type() != "if_statement" || st.ChildByField("alternative") != nil {
			continue
		}
		cond := analysis.Unparen(st.ChildByField("condition"))
		body := statements(st.ChildByField("consequence"))
		if cond != nil && cond.Type() == "not_operator" && debugFlag(m, cond.ChildByField("argument")) &&
			len(body) == 1 && body[0].Type() == "return_statement" {
			return true
		}
	}
	return false
}

// debugFlag: a name or attribute whose last part says debug or verbose
// (`DEBUG`, `self.verbose`, `arguments.debug`), alone or in an `and`.
func debugFlag(m *analysis.Module, cond *analysis.Node) bool {
	cond = analysis.Unparen(cond)
	if cond == nil {
		return false
	}
	switch cond.Type() {
	case "boolean_operator":
		if op := cond.ChildByField("operator"); op == nil || m.File.Text(op) != "and" {
			return false
		}
		return debugFlag(m, cond.ChildByField("left")) || debugFlag(m, cond.ChildByField("right"))
	case "identifier", "attribute":
		name := m.File.Text(cond)
		name = strings.ToLower(name[strings.LastIndex(name, ".")+1:])
		return strings.Contains(name, "debug") || strings.Contains(name, "verbose")
	}
	return false
}

// offloadedElsewhere: the callee expression (`self.file.read`) is passed,
// uncalled, as an argument of an awaited call in the same function, or is
// itself awaited there (a function taking sync or async file objects), and
// the direct call sits under a condition.
func offloadedElsewhere(m *analysis.Module, c *analysis.Call, callee string) bool {
	if c.Func == nil || !strings.Contains(callee, ".") {
		return false
	}
	conditional := false
	for q := c.Node.Parent(); q != nil && q != c.Func.Node; q = q.Parent() {
		if q.Type() == "if_statement" || q.Type() == "elif_clause" || q.Type() == "else_clause" || q.Type() == "conditional_expression" {
			conditional = true
			break
		}
	}
	if !conditional {
		return false
	}
	for _, other := range c.Func.Calls {
		if other == c || other.Usage != analysis.UsageAwaited {
			continue
		}
		// The same callee awaited in another branch (`if ifh_is_async: buf =
		// await ifh.read(n) else: buf = ifh.read(n)`): the function takes
		// sync and async objects alike, and calls a sync one (a BytesIO as
		// often as a file) as it must.
		if ofn := other.Node.ChildByField("function"); ofn != nil && m.File.Text(ofn) == callee {
			return true
		}
		for _, a := range other.Args() {
			if a.Type() != "call" && m.File.Text(a) == callee {
				return true
			}
		}
	}
	return false
}

// neverRuns reports a node inside the body of a loop over an empty literal,
// of `if False:` / `while False:`, or in the `elif`/`else` of `if True:`,
// also when the condition is a module-level name bound
// once to such a literal or an `and` with a failing operand
// (conditionTruth, conditionFails). The last is how code generated from a synchronous twin
// keeps the twin's line (psycopg's `if True:  # ASYNC` ... `else:
// self.set_autocommit(value)`): the branch is there to be read, not run.
// The walk goes on past the enclosing defs and classes: a def in a branch
// that never runs is never made, so its body never runs either (psycopg-pool
// keeps the sync twin's `__del__` under a class-level `if False:  # ASYNC`).
func neverRuns(m *analysis.Module, n *analysis.Node) bool {
	for q := n.Parent(); q != nil; q = q.Parent() {
		switch q.Type() {
		case "for_statement":
			if body := q.ChildByField("body"); body != nil && isAncestor(body, n) && emptyLiteral(m, q.ChildByField("right")) {
				return true
			}
		case "if_statement", "while_statement":
			cond := q.ChildByField("condition")
			if conditionFails(m, cond) {
				if body := firstBlock(q); body != nil && isAncestor(body, n) {
					return true
				}
			}
			if q.Type() == "if_statement" && conditionTruth(m, cond) == "truthy" {
				for _, alt := range q.ChildrenByField("alternative") {
					if isAncestor(alt, n) {
						return true
					}
				}
			}
		}
	}
	return false
}

// conditionTruth is "truthy" or "falsy" for a condition whose value is
// fixed where it is written: a literal (True, False, None, an integer) or a
// module-level name bound once, to such a literal, and never rebound
// (pymongo's generated async modules set `_IS_SYNC = False` and keep the
// synchronous twin's lines under `if _IS_SYNC:`), under any number of
// `not`s; "" for anything else.
func conditionTruth(m *analysis.Module, cond *analysis.Node) string {
	inner, negated := analysis.StripNot(cond)
	if inner == nil {
		return ""
	}
	truth := analysis.LiteralTruth(m.File, inner)
	if truth == "" && inner.Type() == "identifier" {
		name := m.File.Text(inner)
		var b *analysis.Binding
		if scope := m.ScopeAt(inner); scope != nil {
			b = scope.Lookup(name)
		}
		if b != nil && b.Kind == analysis.BindAssign && len(b.Values) == 1 && b.Values[0] != nil && m.Scope.Bindings.Get(name) == b {
			truth = analysis.LiteralTruth(m.File, b.Values[0])
		}
	}
	switch {
	case truth == "" || !negated:
		return truth
	case truth == "truthy":
		return "falsy"
	}
	return "truthy"
}

// conditionFails reports a condition that is always false: a fixed one
// (conditionTruth), or an `and` one of whose operands is.
func conditionFails(m *analysis.Module, cond *analysis.Node) bool {
	cond = analysis.Unparen(cond)
	if cond != nil && cond.Type() == "boolean_operator" && cond.ChildByField("operator") != nil &&
		m.File.Text(cond.ChildByField("operator")) == "and" {
		return conditionFails(m, cond.ChildByField("left")) || conditionFails(m, cond.ChildByField("right"))
	}
	return conditionTruth(m, cond) == "falsy"
}

// firstBlock is the block an if or while statement runs when its condition holds.
func firstBlock(stmt *analysis.Node) *analysis.Node {
	if b := stmt.ChildByField("consequence"); b != nil {
		return b
	}
	return stmt.ChildByField("body")
}

// emptyLiteral: [], (), {}, "", set(), an empty tuple, list or dict call.
func emptyLiteral(m *analysis.Module, n *analysis.Node) bool {
	n = analysis.Unparen(n)
	if n == nil {
		return false
	}
	switch n.Type() {
	case "list", "tuple", "dictionary", "set":
		return len(n.NamedChildren()) == 0
	case "string":
		t := m.File.Text(n)
		return t == `""` || t == "''"
	case "call":
		fn := n.ChildByField("function")
		args := n.ChildByField("arguments")
		if fn == nil || fn.Type() != "identifier" || args == nil || len(args.NamedChildren()) != 0 {
			return false
		}
		name := m.File.Text(fn)
		return pylib.Method(name, pylib.BuildsCollection) && m.IsBuiltin(fn, name)
	}
	return false
}

// terminalHandedOver reports a call in the body of a `with` (not `async
// with`) whose context manager suspends the app for the block so that a
// blocking call can have the terminal (pylib.HandsTerminalOver: Textual's
// `App.suspend()`, whose documented use is `with self.suspend():
// os.system("emacs -nw")`): the app reads and draws nothing until the call
// returns, on purpose, and the block must run on the app's thread, so the
// rules' advice (a worker thread, to_thread) cannot apply (on corpus44,
// posting's "open in editor / pager" actions, 4 findings judged false). The
// same call outside the block is still reported.
func terminalHandedOver(m *analysis.Module, c *analysis.Call) bool {
	for q := c.Node.Parent(); q != nil && !isDef(q); q = q.Parent() {
		if q.Type() != "with_statement" || q.HasToken("async") || !inWithBody(q, c.Node) {
			continue
		}
		exprs, _ := withItems(q)
		for _, e := range exprs {
			if e.Type() != "call" {
				continue
			}
			for _, o := range m.Calls {
				if o.Node == e && pylib.HandsTerminalOver(o.Callee) {
					return true
				}
			}
		}
	}
	return false
}

// rightBeforeProcessEnds reports a call that is its statement's whole
// expression (`time.sleep(2)`) when the next statement of the same block
// ends the process at once (pylib.EndsProcessNow: `os._exit(result)`):
// jupyterlab's browser check sleeps to let output flush, then exits; the
// tasks the sleep holds up never run again anyway.
func rightBeforeProcessEnds(m *analysis.Module, c *analysis.Call) bool {
	st := c.Node.Parent()
	if st == nil || st.Type() != "expression_statement" || len(st.NamedChildren()) != 1 {
		return false
	}
	var next *analysis.Node
	if block := st.Parent(); block != nil {
		var sts []*analysis.Node
		for _, s := range statements(block) {
			if s.Type() != "comment" {
				sts = append(sts, s)
			}
		}
		for i, s := range sts {
			if s == st && i+1 < len(sts) {
				next = sts[i+1]
			}
		}
	}
	if next == nil || next.Type() != "expression_statement" || len(next.NamedChildren()) != 1 {
		return false
	}
	call := analysis.Unparen(next.NamedChildren()[0])
	return call.Type() == "call" && pylib.EndsProcessNow[calleeOf(m, call)]
}
