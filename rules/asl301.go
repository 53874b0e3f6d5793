package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASL301 reports tasks kept only in a local variable that dies.
var ASL301 = register(&Rule{
	Code:    "ASL301",
	Name:    "task-reference-dies",
	Summary: "Task stored only in a local variable that goes out of scope without the task being awaited, cancelled or kept",
	Rationale: "The event loop keeps only weak references to tasks. `task = asyncio.create_task(...)` in a function " +
		"that returns without awaiting, cancelling or storing `task` leaves the task unreferenced as soon as the " +
		"function returns: it may be garbage-collected mid-flight, silently cancelling its work, and its exception is " +
		"never retrieved. ASYNC300 only sees the bare statement `asyncio.create_task(...)`; this is the " +
		"same bug one assignment later.",
	Bad: `import asyncio

async def handle(event):
    task = asyncio.create_task(notify(event))
    task.add_done_callback(log_result)`,
	Good: `import asyncio

background = set()

async def handle(event):
    task = asyncio.create_task(notify(event))
    background.add(task)
    task.add_done_callback(background.discard)`,
	CrossFile: true,
	Severity:  Warning,
	Default:   true,
	Fix: "Keep the task in a module-level set: `_background_tasks.add(task)` and " +
		"`task.add_done_callback(_background_tasks.discard)` after the assignment, with the set defined after the imports " +
		"(safe: it only extends the task's lifetime to its completion).",
	Notes: "Calls of `add_done_callback`, `set_name`, `get_name` and `done` on the task do not keep it (also as a " +
		"decorator, `@task.add_done_callback`), nor does testing it (`if task:`, `task is None`); any other use " +
		"(awaiting, `cancel()`, passing it to a function, storing it in a container or attribute, returning it, capturing " +
		"it in a nested function) does. A local assigned more than once, or a parameter reassigned to the task, is " +
		"reported only when no use of the name that can run after the assignment (later in the function, or anywhere " +
		"in a loop around it) keeps it, whichever assignment that use sees. Tasks from `TaskGroup.create_task` are held " +
		"by the group and not reported. " +
		"`ensure_future(x)` makes a new task only from a coroutine: it is not reported when `x` is a call of a " +
		"synchronous function (tornado's `Event.wait()`, `Semaphore.acquire()` return futures) that returns no coroutine " +
		"on any path (one that does, also through self's methods as the caller's class defines them, starts a task), of a library call that " +
		"returns a Future (`loop.run_in_executor`, `loop.create_future`, `asyncio.gather`, `shield`, `wrap_future`) or a value the model " +
		"cannot see to be a coroutine (a parameter, an attribute), which `ensure_future` returns unchanged when it is " +
		"already a Future or Task; a name is one under `if iscoroutine(name):` (asyncio's or inspect's). A done callback that signals an event or future the function then awaits " +
		"(`task.add_done_callback(lambda _: done.set())` ... `await done.wait()`) keeps it: the function, and its " +
		"local, outlive the task; so does polling it in `while not task.done():` with no `break` (qasync spins the Qt " +
		"event loop until the task it made is done). A function that cannot return after the assignment keeps it too: no " +
		"`return` follows, the assignment is in no loop, and a later `while True:` that no `break` leaves encloses the rest " +
		"of its work (a CLI that starts its writer task, then reads forever); only an exception ends that frame, and the " +
		"task's work with it. So does a synchronous function that, after the assignment and with no `return` between, runs " +
		"the event loop until it is stopped (`loop.run_forever()`, as a statement of a block around the assignment or at " +
		"the top of a `try:` or `with` body there): the local lives while the loop runs, and the frame returns only once " +
		"the loop has stopped (amqtt's broker_main: `_ = loop.create_task(broker.start())` then `loop.run_forever()`); " +
		"`run_until_complete(other)` returns while the loop may run on elsewhere and keeps nothing. Handing the task to `asyncio.wait()` keeps it only while it waits when the wait's result " +
		"is dropped and it may return first (a timeout, or `return_when` other than ALL_COMPLETED with other tasks in the " +
		"wait; `asyncio.wait([task], return_when=FIRST_COMPLETED)` returns once that task is done): then a use that keeps " +
		"the task (await, `cancel()`, `result()` of the done task, storing it) must lie on every path to the function's end, " +
		"and one under an `if` whose other path has none is reported (`if task.done(): ... else: " +
		"task.add_done_callback(...)` leaves it pending and unreferenced). After `asyncio.wait([task, other], " +
		"return_when=FIRST_COMPLETED)` with no timeout one of the two is done, so in `if task.done(): ... elif " +
		"other.done(): ... else: ...` the else never runs and is not such a path. ruff's RUF006 also reports a task " +
		"assigned to a local that is never used (`_ = asyncio.ensure_future(...)`): a `# noqa: RUF006` on the line " +
		"silences ASL301 there too; RUF006 in `ignore`, `per-file-ignores` or `select` stays ASYNC300's, since ASL301 " +
		"reports more than ruff's variant.",
	Run: runTaskReferenceDies,
})

// wrapsExistingFuture reports an ensure_future call that is not known to
// make a new task: its argument is not a call (an existing object, often a
// Future, returned unchanged), or a call of a project function that is not
// a coroutine function (it returns some awaitable it made already).
func wrapsExistingFuture(p *Pass, c *analysis.Call) bool {
	arg := ensureFutureArgument(p, c)
	if arg == nil {
		return false
	}
	if arg.Type() == "identifier" && underIsCoroutineTest(p.Module, c.Node, p.File.Text(arg)) {
		return false
	}
	return arg.Type() != "call" || returnsFuture(p, arg)
}

// underIsCoroutineTest reports whether call n runs only in the body of an
// `if`/`elif` whose condition is `iscoroutine(name)`
// (`if iscoroutine(coro): f = ensure_future(coro)`, pyee's emitter).
func underIsCoroutineTest(m *analysis.Module, n *analysis.Node, name string) bool {
	for child, q := n, n.Parent(); q != nil; child, q = q, q.Parent() {
		switch q.Type() {
		case "function_definition", "lambda", "class_definition":
			return false
		case "if_statement", "elif_clause":
			if child.Field() != "consequence" {
				continue
			}
			cond := analysis.Unparen(q.ChildByField("condition"))
			if cond == nil || cond.Type() != "call" {
				continue
			}
			args := cond.ChildByField("arguments")
			if !pylib.CoroutineTests[m.Resolve(cond.ChildByField("function")).Name] || args == nil {
				continue
			}
			if named := args.NamedChildren(); len(named) == 1 && named[0].Type() == "identifier" && m.File.Text(named[0]) == name {
				return true
			}
		}
	}
	return false
}

// ensureFutureArgument returns the argument of an `ensure_future(x)` call,
// without parentheses, or nil for any other call.
func ensureFutureArgument(p *Pass, c *analysis.Call) *analysis.Node {
	fn := c.Node.ChildByField("function")
	if fn == nil || !strings.HasSuffix(p.File.Text(fn), "ensure_future") {
		return nil
	}
	if arg := c.Positional(0); arg != nil {
		return analysis.Unparen(arg)
	}
	return nil
}

// ensureFutureOfFuture reports `ensure_future(call)` where the call is known
// to return a Future already (returnsFuture): ensure_future hands it back
// unchanged, no task is made.
func ensureFutureOfFuture(p *Pass, c *analysis.Call) bool {
	arg := ensureFutureArgument(p, c)
	return arg != nil && arg.Type() == "call" && returnsFuture(p, arg)
}

// futureMethods are the event loop's methods that return a Future, matched
// by name on a receiver named like a loop.
var futureMethods = methodNames(pylib.ReturnsFuture | pylib.ByMethodName)

// returnsFuture reports a call known to return a Future rather than a
// coroutine: a call of a project function that is not a coroutine function
// (tornado's `Event.wait()` returns a future it made), or of a library
// function with pylib's ReturnsFuture role (`run_in_executor` and
// `create_future` also on a receiver named like an event loop, whose type is
// rarely known).
func returnsFuture(p *Pass, call *analysis.Node) bool {
	for _, inner := range p.Module.Calls {
		if inner.Node != call {
			continue
		}
		name := p.Project.Callee(inner).Name
		if api, ok := pylib.Lookup(p.Project.Canonical(name)); ok && api.Has(pylib.ReturnsFuture) {
			return true
		}
		if p.isCoroutineFunction(inner) {
			return false
		}
		if t := p.Project.Target(inner); t != nil {
			// A synchronous function that returns a coroutine on some
			// path (also through self's methods as the caller's class
			// defines them: a base class's hook the subclass implements
			// with async def) makes ensure_future start a task.
			return !t.Async && !p.Project.ReturnsCoroutineFor(inner.SelfClass(), t, p.overrideQueryNote())
		}
		fn := call.ChildByField("function")
		return fn != nil && fn.Type() == "attribute" && futureMethods[inner.Method(p.File)] &&
			loopLikeReceiver(p.File, fn.ChildByField("object"))
	}
	return false
}

// awaitsCompletionSignal reports a done callback that signals an event or
// future (`task.add_done_callback(lambda _: done.set())`) which the function
// that made the task then awaits (`await done.wait()`, also inside the
// awaited call: `await asyncio.wait_for(done.wait(), t)`): the function's
// frame, and its local, outlive the task.
func awaitsCompletionSignal(m *analysis.Module, made *analysis.Call, use *analysis.Node) bool {
	var call *analysis.Node
	for q := use; q != nil && call == nil; q = q.Parent() {
		if q.Type() == "call" {
			call = q
		}
	}
	if call == nil {
		return false
	}
	args := call.ChildByField("arguments")
	if args == nil || len(args.NamedChildren()) != 1 {
		return false
	}
	cb := analysis.Unparen(args.NamedChildren()[0])
	if cb.Type() == "lambda" {
		cb = analysis.Unparen(cb.ChildByField("body"))
	}
	if cb != nil && cb.Type() == "call" {
		cb = cb.ChildByField("function")
	}
	if cb == nil || cb.Type() != "attribute" {
		return false
	}
	if !pylib.Method(m.File.Text(cb.ChildByField("attribute")), pylib.WakesWaiters) {
		return false
	}
	signal := m.File.Text(cb.ChildByField("object"))
	found := false
	made.Func.Node.Walk(func(n *analysis.Node) bool {
		if found || n != made.Func.Node && isDef(n) {
			return false
		}
		if n.Type() == "await" && n.Start > made.Node.Start {
			n.Walk(func(e *analysis.Node) bool {
				t := m.File.Text(e)
				found = found || e != n && (t == signal+".wait()" || t == signal && e.Parent() == n)
				return !found
			})
		}
		return !found
	})
	return found
}

// pollsUntilDone reports a `task.done()` that is the whole condition of a
// `while not task.done():` loop with no break: the function cannot get
// past the loop, and its local keeps the task, until the task is done
// (qasync's `asyncClose` spins the Qt event loop that way).
func pollsUntilDone(m *analysis.Module, use *analysis.Node) bool {
	call := use.Parent()
	for call != nil && call.Type() == "attribute" {
		call = call.Parent()
	}
	if call == nil || call.Type() != "call" {
		return false
	}
	_, not := analysis.ParenParent(call)
	if not == nil || not.Type() != "not_operator" {
		return false
	}
	_, loop := analysis.ParenParent(not)
	if loop == nil || loop.Type() != "while_statement" || analysis.Unparen(loop.ChildByField("condition")) != not {
		return false
	}
	broken := false
	loop.ChildByField("body").Walk(func(n *analysis.Node) bool {
		if broken || isDef(n) || n.Type() == "for_statement" || n.Type() == "while_statement" {
			return false // a break there leaves the inner loop
		}
		broken = n.Type() == "break_statement"
		return !broken
	})
	return !broken
}

func runTaskReferenceDies(p *Pass) {
	for _, c := range p.Module.Calls {
		if c.Usage != analysis.UsageStored || c.Func == nil || !isTaskFactory(p, c) || wrapsExistingFuture(p, c) {
			continue
		}
		if c.UsedBy == nil || c.UsedBy.Type() != "assignment" || analysis.Unparen(c.UsedBy.ChildByField("right")) != c.Node {
			continue
		}
		name, uses, ok := localUsesAnyBinding(p.Module, c.UsedBy)
		if !ok {
			continue
		}
		var keeping []*analysis.Node
		waited := false // handed to a wait that may return with the task pending
		rival := ""     // the other task of a FIRST_COMPLETED wait over two
		for _, u := range uses {
			k := taskUseKind(p.Module, u)
			if k == "test" {
				continue // `if task:`, `task is None`: a truth value keeps nothing
			}
			if k == "schedule" && waitMayLeavePending(p.Module, u) {
				waited = true
				rival = firstCompletedRival(p.Module, u)
				continue
			}
			if !strings.HasPrefix(k, "method:") || !taskMethodsKeepingNoReference[strings.TrimPrefix(k, "method:")] ||
				k == "method:add_done_callback" && awaitsCompletionSignal(p.Module, c, u) ||
				k == "method:done" && pollsUntilDone(p.Module, u) {
				keeping = append(keeping, u)
			}
		}
		if len(keeping) > 0 {
			// After such a wait the task may still run: the function must
			// keep it on every path to its end, not only under an `if`.
			if !waited {
				continue
			}
			cond, _, open := uncoveredPath(p.File, c.UsedBy, keeping)
			if !open || rival != "" && elseUnreachable(p.Module, name, rival, keeping) {
				continue
			}
			p.Report(c.UsedBy.ChildByField("left"), "task `"+name+"` may still be running after `asyncio.wait()` returns "+
				"(a timeout or FIRST_COMPLETED), and on the path where `"+cond+"` is false nothing keeps it before `"+
				funcDisplay(c.Func)+"` returns: the loop holds tasks weakly, so it may be garbage-collected mid-flight; "+
				"keep it in a set (with `add_done_callback(set.discard)`), or cancel or await it on every path",
				WithFix(keepTaskFix(p, c.UsedBy, name)))
			continue
		}
		if frameOutlivesTask(p.Module, c.Func, c.UsedBy) || loopRunsInFrame(p.Module, c.Func, c.UsedBy) {
			continue
		}
		p.Report(c.UsedBy.ChildByField("left"), "task `"+name+"` is only referenced by this local variable, which dies when `"+
			funcDisplay(c.Func)+"` returns: the task may be garbage-collected before it finishes; keep it in a set (with "+
			"`add_done_callback(set.discard)`), await it, or use an `asyncio.TaskGroup`", WithFix(keepTaskFix(p, c.UsedBy, name)))
	}
}

// firstCompletedRival returns, for a task in a two-task display given to
// `asyncio.wait(..., return_when=FIRST_COMPLETED)` with no timeout, the
// other task as written; "" otherwise. When that wait returns, one of the
// two is done.
func firstCompletedRival(m *analysis.Module, use *analysis.Node) string {
	display := use.Parent()
	if display == nil || (display.Type() != "list" && display.Type() != "tuple" && display.Type() != "set") {
		return ""
	}
	items := display.NamedChildren()
	if len(items) != 2 {
		return ""
	}
	args := display.Parent()
	if args == nil || args.Type() != "argument_list" {
		return ""
	}
	firstCompleted := false
	for i, a := range args.NamedChildren() {
		if a.Type() != "keyword_argument" {
			if i > 0 {
				return "" // a positional timeout
			}
			continue
		}
		switch m.File.Text(a.ChildByField("name")) {
		case "timeout":
			if m.File.Text(a.ChildByField("value")) != "None" {
				return ""
			}
		case "return_when":
			firstCompleted = strings.HasSuffix(m.File.Text(a.ChildByField("value")), "FIRST_COMPLETED")
		}
	}
	if !firstCompleted {
		return ""
	}
	other := items[0]
	if other == use {
		other = items[1]
	}
	return m.File.Text(other)
}

// elseUnreachable reports the shape `if task.done(): <keeps it> elif
// rival.done(): <keeps it> else: ...` after a FIRST_COMPLETED wait over the
// two: one of them is done, so the else never runs and every path that
// does keeps the task (jupyterhub's iterate_until, racing the next item
// against a deadline).
func elseUnreachable(m *analysis.Module, name, rival string, keeping []*analysis.Node) bool {
	var s *analysis.Node
	for _, u := range keeping {
		for q := u.Parent(); q != nil && !isDef(q); q = q.Parent() {
			if q.Type() == "if_statement" {
				if c := q.ChildByField("condition"); c != nil && m.File.Text(c) == name+".done()" {
					s = q
				}
			}
		}
	}
	if s == nil {
		return false
	}
	kept := func(branch *analysis.Node) bool {
		for _, u := range keeping {
			if branch != nil && isAncestor(branch, u) {
				return true
			}
		}
		return false
	}
	if !kept(s.ChildByField("consequence")) {
		return false
	}
	elifs := 0
	for _, ch := range s.NamedChildren() {
		if ch.Type() != "elif_clause" {
			continue
		}
		elifs++
		if c := ch.ChildByField("condition"); c == nil || m.File.Text(c) != rival+".done()" || !kept(ch) {
			return false
		}
	}
	return elifs == 1
}

// waitMayLeavePending reports a use of a task in the tasks given to
// `asyncio.wait()` (pylib's TakesTasks) whose result is dropped (`await
// asyncio.wait([...], ...)` as a statement) and which may return while the
// task runs (a timeout, or return_when other than ALL_COMPLETED): the wait
// holds the task only while it waits.
func waitMayLeavePending(m *analysis.Module, use *analysis.Node) bool {
	q := use.Parent()
	// A display of the task alone (`asyncio.wait([task])`): whatever
	// return_when asks, the wait returns once that one task is done.
	alone, splat := false, false
	for q != nil && (q.Type() == "list" || q.Type() == "tuple" || q.Type() == "set" ||
		q.Type() == "parenthesized_expression" || q.Type() == "list_splat") {
		switch q.Type() {
		case "list_splat":
			splat = true
		case "list", "tuple", "set":
			alone = !splat && len(q.NamedChildren()) == 1
		}
		q = q.Parent()
	}
	if q == nil || q.Type() != "argument_list" || q.Parent() == nil || q.Parent().Type() != "call" {
		return false
	}
	call := q.Parent()
	if !pylib.Is(m.Resolve(call.ChildByField("function")).Name, pylib.TakesTasks) {
		return false
	}
	_, aw := analysis.ParenParent(call)
	if aw == nil || aw.Type() != "await" || aw.Parent() == nil || aw.Parent().Type() != "expression_statement" {
		return false
	}
	positional := 0
	for _, a := range q.NamedChildren() {
		if a.Type() != "keyword_argument" {
			positional++
			if positional == 2 && m.File.Text(a) != "None" {
				return true // wait(fs, timeout)
			}
			continue
		}
		value := m.File.Text(a.ChildByField("value"))
		switch m.File.Text(a.ChildByField("name")) {
		case "timeout":
			if value != "None" {
				return true
			}
		case "return_when":
			if !alone && !strings.HasSuffix(value, "ALL_COMPLETED") {
				return true
			}
		}
	}
	return false
}

// keepTaskFix adds `_background_tasks.add(name)` and the discard callback
// after the assignment statement that stores a task in a local.
func keepTaskFix(p *Pass, assign *analysis.Node, name string) *Fix {
	stmt := assign.Parent()
	if stmt == nil || stmt.Type() != "expression_statement" || !ownLine(p.File, stmt) {
		return nil
	}
	store := backgroundStore(p)
	indent := lineIndent(p.File, stmt)
	edits := []Edit{{Start: int(stmt.End), End: int(stmt.End), New: "\n" + indent + store.keep(name, indent)}}
	if store.define != nil {
		edits = append(edits, *store.define)
	}
	return &Fix{Title: "Keep `" + name + "` in a module-level set until it is done", Safe: true, Edits: edits}
}

// taskMethodsKeepingNoReference are the names of the task methods that do
// not keep the task alive.
var taskMethodsKeepingNoReference = methodNames(pylib.KeepsNoReference)

// taskUseKind is useKind for a use of a local holding a task, and also:
// the decorator `@task.add_done_callback` calls that method with the
// function below it ("method:add_done_callback"); a truth test of the name
// (`if task:`, `while not task:`, `task is None`) is "test".
func taskUseKind(m *analysis.Module, n *analysis.Node) string {
	if k := useKind(m, n); k != "other" {
		return k
	}
	n, p := analysis.ParenParent(n)
	if p == nil {
		return "other"
	}
	switch p.Type() {
	case "attribute":
		if n.Field() == "object" && p.Parent() != nil && p.Parent().Type() == "decorator" {
			return "method:" + m.File.Text(p.ChildByField("attribute"))
		}
	case "not_operator":
		if q := p.Parent(); q != nil && isConditionOf(p, q) {
			return "test"
		}
	case "comparison_operator":
		if comparesWithNone(p) {
			return "test"
		}
	default:
		if isConditionOf(n, p) {
			return "test"
		}
	}
	return "other"
}

// isConditionOf reports whether n is the condition of statement p (an if,
// elif, while or assert).
func isConditionOf(n, p *analysis.Node) bool {
	switch p.Type() {
	case "if_statement", "elif_clause", "while_statement":
		return n.Field() == "condition"
	case "assert_statement":
		named := p.NamedChildren()
		return len(named) > 0 && named[0] == n
	}
	return false
}

// comparesWithNone reports `x is None` or `x is not None` (operands in
// either order): the result is a bool, whatever x is.
func comparesWithNone(cmp *analysis.Node) bool {
	named := cmp.NamedChildren()
	if len(named) != 2 || named[0].Type() != "none" && named[1].Type() != "none" {
		return false
	}
	for _, c := range cmp.Children() {
		if !c.Named() && c.Type() != "is" && c.Type() != "not" && c.Type() != "is not" {
			return false
		}
	}
	return true
}

// localUsesAnyBinding is localUses for a local that may also be a
// parameter or be assigned more than once (`f = ensure_future(coro)` in one
// branch, `f = None` in another): the identifiers reading the name
// anywhere in the function, whichever assignment reaches them. A caller
// asking whether any use keeps the value assigned by assign may rely on
// these (they include every use that can see it); one asking which use
// sees it may not.
func localUsesAnyBinding(m *analysis.Module, assign *analysis.Node) (name string, uses []*analysis.Node, ok bool) {
	if name, uses, ok = localUses(m, assign); ok {
		return name, uses, true
	}
	local, found := assignedLocal(m, assign)
	if !found || local.binding.Kind != analysis.BindAssign && local.binding.Kind != analysis.BindParam {
		return "", nil, false
	}
	name, scope := local.name, local.scope
	all, ok := bindingUses(m, scope, local.binding, local.target)
	for _, u := range all {
		// A use before the assignment sees the value only when a loop
		// around both carries it back.
		if u.Start > assign.Start || inLoopWith(u, assign, scope.Node) {
			uses = append(uses, u)
		}
	}
	return name, uses, ok
}

// inLoopWith reports whether a and b lie in one for or while loop inside
// fn.
func inLoopWith(a, b, fn *analysis.Node) bool {
	for q := a.Parent(); q != nil && q != fn; q = q.Parent() {
		if (q.Type() == "for_statement" || q.Type() == "while_statement") && isAncestor(q, b) {
			return true
		}
	}
	return false
}

// frameOutlivesTask reports a task assigned where its function cannot return
// any more: no `return` follows the assignment, which is in no loop of the
// function, and a later statement of a block around it is a `while True:`
// that no `break` leaves (a CLI's read loop after starting its writer task).
// The frame, and with it the local, then lives as long as the function runs;
// only an exception ends it, which ends the work the task serves as well. A
// generator is left out: its consumer may drop it at any suspension.
func frameOutlivesTask(m *analysis.Module, fn *analysis.Function, assign *analysis.Node) bool {
	if fn == nil || fn.Lambda || fn.Generator {
		return false
	}
	body := fn.Node.ChildByField("body")
	returns := false
	walkBody(body, func(n *analysis.Node) bool {
		returns = returns || n.Type() == "return_statement" && n.Start > assign.Start
		return !returns
	})
	if returns || inLoopOf(fn, assign) {
		return false
	}
	return laterStatements(fn, assign, func(st *analysis.Node) (bool, bool) {
		if isInfinite(m, st) && !hasBreak(st) {
			return true, true
		}
		return false, false
	})
}

// inLoopOf reports whether n lies in a for or while loop of fn (or in a
// function fn defines).
func inLoopOf(fn *analysis.Function, n *analysis.Node) bool {
	for ; n != nil && n != fn.Node; n = n.Parent() {
		if t := n.Type(); t == "for_statement" || t == "while_statement" || isDef(n) {
			return true
		}
	}
	return false
}

// laterStatements calls visit on each statement of fn that follows n in a
// block around it, innermost block first, until visit says to stop; it
// reports what visit said then (false when it never stopped).
func laterStatements(fn *analysis.Function, n *analysis.Node, visit func(st *analysis.Node) (stop, result bool)) bool {
	for ; n != nil && n != fn.Node; n = n.Parent() {
		block := n.Parent()
		if block == nil || block.Type() != "block" {
			continue
		}
		after := false
		for _, st := range statements(block) {
			if st == n {
				after = true
			} else if after {
				if stop, result := visit(st); stop {
					return result
				}
			}
		}
	}
	return false
}

// hasReturn reports a return statement in st (not in a function it defines).
func hasReturn(st *analysis.Node) bool {
	returns := false
	walkBody(st, func(q *analysis.Node) bool {
		returns = returns || q.Type() == "return_statement"
		return !returns
	})
	return returns
}

// loopRunsInFrame reports a task assigned in a synchronous function that
// then runs the event loop until it is stopped (`loop.run_forever()`,
// pylib.RunsLoopUntilStopped) in a later statement of a block around the
// assignment (or at the top of a `try:` or `with` body there), with no
// `return` between: the local lives while the loop runs, and the frame
// returns only once the loop has stopped, when the task cannot run anyway
// (amqtt's broker_main: `_ = loop.create_task(broker.start())` then
// `loop.run_forever()`).
func loopRunsInFrame(m *analysis.Module, fn *analysis.Function, assign *analysis.Node) bool {
	if fn == nil || fn.Lambda || fn.Generator || fn.Async || inLoopOf(fn, assign) {
		return false
	}
	return laterStatements(fn, assign, func(st *analysis.Node) (bool, bool) {
		if runsLoopForever(m, st) {
			return true, true
		}
		return hasReturn(st), false
	})
}

// runsLoopForever reports a statement that is, or opens with a `try:` or
// `with` body whose statements include, a call that runs the event loop
// until it is stopped.
func runsLoopForever(m *analysis.Module, st *analysis.Node) bool {
	switch st.Type() {
	case "expression_statement":
		named := st.NamedChildren()
		return len(named) == 1 && pylib.RunsLoopUntilStopped(calleeOf(m, named[0]))
	case "try_statement", "with_statement":
		b := st.ChildByField("body")
		if b == nil {
			return false
		}
		for _, s := range statements(b) {
			if runsLoopForever(m, s) {
				return true
			}
			if hasReturn(s) {
				return false
			}
		}
	}
	return false
}
