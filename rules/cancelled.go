package rules

import (
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// catchesCancellation says whether an except clause's type catches
// cancellation, and how to name it in messages: "specific" for
// CancelledError itself, "broad" for BaseException or a bare except.
func catchesCancellation(m *analysis.Module, typ *analysis.Node) (kind, shown string) {
	if typ == nil {
		return "broad", "bare `except:`"
	}
	typ = analysis.Unparen(typ)
	if typ.Type() == "tuple" {
		best, bestShown := "", ""
		for _, e := range typ.NamedChildren() {
			k, s := catchesCancellation(m, e)
			if k == "specific" {
				return k, s
			}
			if k == "broad" {
				best, bestShown = k, s
			}
		}
		return best, bestShown
	}
	// anyio.get_cancelled_exc_class(), also as anyio's own modules import it.
	if typ.Type() == "call" && (pylib.Is(calleeOf(m, typ), pylib.ReturnsCancellation) ||
		namesCancellationClassFunction(calleeOf(m, typ), true) || namesCancellationClassFunction(m.File.Text(typ.ChildByField("function")), false)) {
		return "specific", "`except " + m.File.Brief(typ) + "`"
	}
	name := qualName(m, typ)
	if name == "" && typ.Type() == "identifier" && m.IsBuiltin(typ, m.File.Text(typ)) {
		name = m.File.Text(typ) // builtin exception classes
	}
	switch {
	case pylib.Is(name, pylib.CancellationClass):
		return "specific", "`except " + m.File.Brief(typ) + "`"
	case name == "BaseException" || name == "BaseExceptionGroup":
		return "broad", "`except " + m.File.Brief(typ) + "`"
	}
	return "", ""
}

// cancelHandler is an except clause that catches cancellation.
type cancelHandler struct {
	Clause, Type, Name, Body *analysis.Node
	Try                      *analysis.Node
	Shown                    string
	// InTestModule: the handler is in a test module (testModule), where an
	// assertion on the caught exception's type fails the test instead.
	InTestModule bool
}

// cancelHandlers are the except clauses of the module that catch
// cancellation where a task can be cancelled and are not known to re-raise
// it, in source order. ASYNC103 reports those with a path that does not
// re-raise; ASYNC104 the yield, return or other raise inside them.
var cancelHandlers = &fact[[]cancelHandler]{name: "cancelHandlers", crossFile: true, compute: func(p *Pass) []cancelHandler {
	return findCancelHandlers(p.Project, p.Module, testModule(p.Module, p.Project), taskEntryQueries{startedAnywhere: p.projectStartsMethodAsTask,
		usedOtherwise: p.projectUsesMethodOtherThanAsTask})
}}

// findCancelHandlers returns the except clauses of the module that catch
// cancellation and must re-raise it: explicit CancelledError anywhere, and
// BaseException or bare except inside async functions (where a task can be
// cancelled). A broad handler after one that already handles
// CancelledError, and the documented idiom `t.cancel()` followed by
// `try: await t / except CancelledError:`, are skipped.
//
// usedOtherwise answers, project-wide, whether a method of a name is
// started as a task's entry point, and referenced other than so
// (endsUnobservedTask).
func findCancelHandlers(proj *analysis.Project, m *analysis.Module, inTestModule bool, usedOtherwise taskEntryQueries) []cancelHandler {
	var out []cancelHandler
	m.File.Root.Walk(func(n *analysis.Node) bool {
		if n.Type() != "try_statement" {
			return true
		}
		// A task is cancelled at an await: only a try body of a coroutine
		// with an await, async for or async with can receive the task's
		// cancellation. A CancelledError caught elsewhere (a sync callback,
		// a try body with no await) came from a cancelled future's result(),
		// and swallowing it swallows nothing; nor can awaits inside a
		// shielded cancel scope receive it.
		if f := m.FunctionAt(n); f == nil || !f.Async || !awaitsUnshielded(m, n.ChildByField("body")) {
			return true
		}
		handled := false
		for _, clause := range exceptClauses(n) {
			typ, name, body := exceptParts(clause)
			kind, shown := catchesCancellation(m, typ)
			if kind == "" || handled {
				continue
			}
			handled = true
			if awaitsCancelledTask(proj, m, n) || ownCancellationFlag(m, n, body) || insideReraisingHandler(m, n) || reraisedLater(m, n, body) || reraisesCancellation(m, inTestModule, body, name) ||
				forwardsException(m, body, name) || endsUnobservedTask(m, n, body, usedOtherwise) || deferredToCaller(m, n, typ, body, name) ||
				guardsSuppliedCallable(m, n, body) || reraisesOwnCancellation(m, n, body) || cancelsOwnTask(m, n, clause, body) ||
				waitsOutShieldedCleanup(m, n, body) ||
				expectsCancellation(proj, m, inTestModule, n) {
				continue
			}
			out = append(out, cancelHandler{Clause: clause, Type: typ, Name: name, Body: body, Try: n, Shown: shown, InTestModule: inTestModule})
		}
		return true
	})
	return out
}

// waitsOutShieldedCleanup reports the close-out wait of a `finally:` clause
// (aiowebostv's and aiorussound's connection loops):
//
//	finally:
//	    while not closeout_task.done():
//	        try:
//	            await asyncio.shield(closeout_task)
//	        except asyncio.CancelledError:
//	            pass
//
// The try body is only the shielded wait for the task the loop's condition
// tests, the try statement is the loop's only statement, and the handler
// leaves neither the loop nor the function: the cancellations it swallows
// arrive while the cleanup is waited out, and when the try statement that
// owns the finally clause was left by an exception (the task's own
// cancellation among them) that exception propagates after the clause.
// Only a cancellation arriving during the cleanup of a body that ended
// normally is lost, which is the design of the shape.
func waitsOutShieldedCleanup(m *analysis.Module, try, body *analysis.Node) bool {
	stmts := statements(try.ChildByField("body"))
	if len(stmts) != 1 {
		return false
	}
	target, through := awaitedTask(m, stmts[0])
	if target == nil || through == nil || !pylib.ShieldsArgument(calleeOf(m, through)) {
		return false
	}
	block := try.Parent()
	if block == nil || block.Type() != "block" || len(statements(block)) != 1 {
		return false
	}
	loop := block.Parent()
	if loop == nil || loop.Type() != "while_statement" || loop.ChildByField("alternative") != nil {
		return false
	}
	cond := analysis.Unparen(loop.ChildByField("condition"))
	if cond == nil || cond.Type() != "not_operator" {
		return false
	}
	call := analysis.Unparen(cond.ChildByField("argument"))
	if call == nil || call.Type() != "call" || m.File.Text(call.ChildByField("function")) != m.File.Text(target)+".done" {
		return false
	}
	if args := call.ChildByField("arguments"); args == nil || len(args.NamedChildren()) != 0 {
		return false
	}
	if leavesOrSuspends(body) {
		return false
	}
	for q := loop.Parent(); q != nil && !isDef(q); q = q.Parent() {
		if q.Type() == "finally_clause" {
			return true
		}
	}
	return false
}

// insideReraisingHandler reports a try statement inside the handler of an
// enclosing try statement that catches the cancellation and ends with a
// bare `raise`, with no return, break or continue in that handler: however
// the inner handler ends, control reaches the `raise`, and the task ends
// with the cancellation the outer handler caught (channels_redis's cleanup:
// `except CancelledError: try: await unsubscribe() / except BaseException:
// log` then `raise`, "we want the CancelledError to be the one re-raised").
func insideReraisingHandler(m *analysis.Module, try *analysis.Node) bool {
	for q := try.Parent(); q != nil && !isDef(q); q = q.Parent() {
		if q.Type() != "except_clause" {
			continue
		}
		typ, _, body := exceptParts(q)
		if kind, _ := catchesCancellation(m, typ); kind == "" {
			return false
		}
		stmts := statements(body)
		if len(stmts) == 0 {
			return false
		}
		last := stmts[len(stmts)-1]
		if last.Type() != "raise_statement" || len(last.NamedChildren()) != 0 {
			return false
		}
		leaves := false
		walkBody(body, func(n *analysis.Node) bool {
			switch n.Type() {
			case "return_statement", "break_statement", "continue_statement":
				leaves = true
			}
			return !leaves
		})
		return !leaves
	}
	return false
}

// reraisedLater reports whether a handler records the cancellation (`cancelled
// = True`, `self._cancel_exc = exc`) and, after the try statement, code of the
// same function raises when that record is set (`if cancelled: raise
// CancelledError`, `raise exc`): the cleanup finishes first, then the
// cancellation propagates. A handler that returns leaves before that raise.
func reraisedLater(m *analysis.Module, try, body *analysis.Node) bool {
	var recorded []string
	returns := false
	walkBody(body, func(n *analysis.Node) bool {
		switch n.Type() {
		case "return_statement":
			returns = true
		case "assignment":
			if left := n.ChildByField("left"); left != nil && (left.Type() == "identifier" || left.Type() == "attribute") {
				recorded = append(recorded, m.File.Text(left))
			}
		}
		return true
	})
	if returns || len(recorded) == 0 {
		return false
	}
	scope := enclosingFunc(try)
	if scope == nil {
		scope = m.File.Root
	}
	mentions := func(n *analysis.Node) bool {
		found := false
		n.Walk(func(c *analysis.Node) bool {
			if (c.Type() == "identifier" || c.Type() == "attribute") && !found {
				for _, r := range recorded {
					if m.File.Text(c) == r {
						found = true
					}
				}
			}
			return !found
		})
		return found
	}
	raises := false
	walkBody(scope, func(n *analysis.Node) bool {
		if raises || n.Start < try.End {
			return !raises && n.End > try.Start // descend only into what contains the try
		}
		switch n.Type() {
		case "raise_statement":
			if named := n.NamedChildren(); len(named) > 0 && mentions(named[0]) {
				raises = true
			}
		case "if_statement":
			if cond := n.ChildByField("condition"); cond != nil && mentions(cond) {
				walkBody(n.ChildByField("consequence"), func(c *analysis.Node) bool {
					raises = raises || c.Type() == "raise_statement"
					return !raises
				})
			}
		}
		return !raises
	})
	return raises
}

// cancellationClassFunction is the library function that returns the
// running library's cancellation class (pylib's ReturnsCancellation:
// anyio.get_cancelled_exc_class), first by name should there be several.
var cancellationClassFunction = func() string {
	name := ""
	pylib.Each(pylib.ReturnsCancellation, func(a pylib.API) {
		if name == "" || a.Name < name {
			name = a.Name
		}
	})
	return name
}()

// cancellationClassFunctionNames are the last names of those functions
// (get_cancelled_exc_class), for calls as written: anyio's own modules
// import it relatively, so it does not resolve.
var cancellationClassFunctionNames = pylib.LastNames(pylib.ReturnsCancellation)

// namesCancellationClassFunction reports whether name (a callee as written,
// or resolved) ends in one of cancellationClassFunctionNames: after a dot,
// or, unless qualified, as the whole name.
func namesCancellationClassFunction(name string, qualified bool) bool {
	i := strings.LastIndexByte(name, '.')
	if i < 0 && qualified {
		return false
	}
	return slices.Contains(cancellationClassFunctionNames, name[i+1:])
}

// deferredToCaller reports a handler of a level-triggered cancellation
// (trio.Cancelled, anyio's get_cancelled_exc_class()) that re-raises on some
// path and otherwise lets the function return with no further await: the
// operation had already completed (`if not received: raise`), and the
// cancel scope, still cancelled, raises again at the caller's next
// checkpoint. asyncio's CancelledError is delivered once, so there the
// same handler loses it.
func deferredToCaller(m *analysis.Module, try, typ, body, name *analysis.Node) bool {
	if typ == nil {
		return false
	}
	t := analysis.Unparen(typ)
	class := qualName(m, t)
	if t.Type() == "call" {
		class = calleeOf(m, t)
		fn := m.File.Text(t.ChildByField("function"))
		if namesCancellationClassFunction(fn, false) {
			class = cancellationClassFunction // anyio's own modules import it relatively
		}
	}
	if !pylib.Is(class, pylib.RedeliversCancellation) {
		return false
	}
	bound := ""
	if name != nil {
		bound = m.File.Text(name)
	}
	reraises := false
	walkBody(body, func(n *analysis.Node) bool {
		if n.Type() == "raise_statement" {
			named := n.NamedChildren()
			reraises = reraises || len(named) == 0 || (bound != "" && m.File.Text(named[0]) == bound)
		}
		return !reraises
	})
	if !reraises {
		return false
	}
	fn := enclosingFunc(try)
	if fn == nil {
		return false
	}
	for p := try.Parent(); p != nil && p != fn; p = p.Parent() {
		if p.Type() == "for_statement" || p.Type() == "while_statement" {
			return false // the loop may run the await again
		}
	}
	awaitsLater := false
	walkBody(fn.ChildByField("body"), func(n *analysis.Node) bool {
		if n.End <= try.End {
			return n.End > try.Start // descend only into what contains the try
		}
		if n.Start >= try.End && hasCheckpoint(m, n, false, nil) {
			awaitsLater = true
		}
		return !awaitsLater && n.Start < try.End
	})
	return !awaitsLater
}

// awaitsCancelledTask reports whether the try body only awaits a task that
// the code cancels itself: catching the CancelledError of a task one
// cancelled is the documented way to wait for it to finish (asyncio's
// Task.cancel example), and before Python 3.11 (Task.cancelling) the code
// cannot tell that CancelledError from its own. The task is a name or
// attribute, awaited directly or through a call (`asyncio.wait_for(t, 5)`)
// by the try body's last statement, its only await (the statements before
// it cannot receive a cancellation), and cancelled
//   - earlier in the enclosing function, before the try statement or in its
//     body (`t.cancel()`, then `await t`);
//   - for an attribute of the method's receiver (`await self._task`), by any
//     method of the class, or of a class a mixin is combined with
//     (`self._task.cancel()` in stop() or close()), when
//     the try statement is in no loop of the method (a swallow there would
//     go on working, not end the wait).
func awaitsCancelledTask(proj *analysis.Project, m *analysis.Module, try *analysis.Node) bool {
	body := statements(try.ChildByField("body"))
	if len(body) == 0 {
		return false
	}
	// `async with asyncio.timeout(t): await task` (aiojobs's Job._close):
	// entering an asyncio timeout does not suspend, so the wait inside is
	// the body's wait; on expiry the timeout cancels the task it runs in
	// and raises TimeoutError, which the CancelledError handler does not
	// see.
	// Statements after the wait that await nothing cannot receive a
	// cancellation (xknx: `timer_value = await fut` then
	// `self.update(timer_value)`).
	trim := func() {
		for len(body) > 1 && !awaitsUnshielded(m, body[len(body)-1]) && awaitsUnshielded(m, body[len(body)-2]) {
			body = body[:len(body)-1]
		}
	}
	trim()
	for len(body) > 0 && plainTimeoutWith(proj, m, body[len(body)-1]) {
		body = append(body[:len(body)-1:len(body)-1], statements(body[len(body)-1].ChildByField("body"))...)
		trim()
	}
	if len(body) == 0 {
		return false
	}
	last := body[len(body)-1]
	target, through := awaitedTask(m, last)
	if target == nil {
		target = helperAwaitedTask(m, try, last)
		through = nil
	}
	if target == nil {
		return false
	}
	for _, s := range body[:len(body)-1] {
		if awaitsUnshielded(m, s) {
			return false // the CancelledError may be delivered at that await
		}
	}
	want := m.File.Text(target) + ".cancel"
	scope := enclosingFunc(try)
	if scope == nil {
		scope = m.File.Root
	}
	found := false
	walkBody(scope, func(c *analysis.Node) bool {
		if c.Type() == "call" && c.End <= last.Start && m.File.Text(c.ChildByField("function")) == want {
			found = true
		}
		return !found && c.Start < last.Start
	})
	if found || cancelledInLoop(m, scope, target, last) || cancelledByTimeout(m, try, target) || doneTaskOfWait(m, scope, try, target) {
		return true
	}
	return cancelledByClass(m, try, target, through) || storedForClassToCancel(m, try, target, last) ||
		cancelledByReturningMethod(m, try, target, last)
}

// storedForClassToCancel reports a local future or task that the function
// stored, before the awaiting statement, in an attribute of its receiver,
// alone or as an item of a tuple (`self._expected = tag, waiter_fut`),
// where some method of the class cancels it there (`self._expected.cancel()`,
// `self._expected[1].cancel()`), with the try statement in no loop of the
// method (xknx's timer synchronisation, cancelled by stop()).
func storedForClassToCancel(m *analysis.Module, try, target, last *analysis.Node) bool {
	f := m.FunctionAt(try)
	if f == nil || f.Class == nil || len(f.Params) == 0 || target.Type() != "identifier" {
		return false
	}
	for p := try.Parent(); p != nil && p != f.Node; p = p.Parent() {
		if p.Type() == "for_statement" || p.Type() == "while_statement" {
			return false
		}
	}
	name := m.File.Text(target)
	var wants []string
	walkBody(f.Node.ChildByField("body"), func(n *analysis.Node) bool {
		if n.Start >= last.Start {
			return false
		}
		if n.Type() != "assignment" {
			return true
		}
		l, r := n.ChildByField("left"), analysis.Unparen(n.ChildByField("right"))
		if l == nil || r == nil || l.Type() != "attribute" {
			return true
		}
		if obj := l.ChildByField("object"); obj == nil || obj.Type() != "identifier" || m.File.Text(obj) != f.Params[0] {
			return true
		}
		switch {
		case r.Type() == "identifier" && m.File.Text(r) == name:
			wants = append(wants, m.File.Text(l)+".cancel")
		case r.Type() == "tuple" || r.Type() == "expression_list":
			for i, e := range r.NamedChildren() {
				if e.Type() == "identifier" && m.File.Text(e) == name {
					wants = append(wants, m.File.Text(l)+"["+strconv.Itoa(i)+"].cancel")
				}
			}
		}
		return true
	})
	for _, want := range wants {
		for _, cls := range combinedClasses(m, f.Class) {
			found := false
			cls.Node.Walk(func(c *analysis.Node) bool {
				if c.Type() == "call" && strings.ReplaceAll(m.File.Text(c.ChildByField("function")), " ", "") == want {
					found = true
				}
				return !found
			})
			if found {
				return true
			}
		}
	}
	return false
}

// plainTimeoutWith reports an `async with` statement whose every context
// manager is an asyncio timeout (asyncio.timeout, asyncio.timeout_at, or
// the async_timeout package's, which asyncio.timeout copies): entering one
// schedules a callback and does not suspend.
func plainTimeoutWith(proj *analysis.Project, m *analysis.Module, st *analysis.Node) bool {
	if st.Type() != "with_statement" || !isAsyncStmt(st) {
		return false
	}
	exprs, _ := withItems(st)
	for _, e := range exprs {
		if !pylib.EntersWithoutSuspending[calleeOf(m, e)] && !importsOnly(proj, m, calleeNode(e), pylib.EntersWithoutSuspending) {
			return false
		}
	}
	return len(exprs) > 0
}

// calleeNode returns the function expression of call n (nil if n is no call).
func calleeNode(n *analysis.Node) *analysis.Node {
	n = analysis.Unparen(n)
	if n == nil || n.Type() != "call" {
		return nil
	}
	return n.ChildByField("function")
}

// importsOnly reports a name bound only by imports, each of a name in set:
// the conditional imports of counterparts (`if sys.version_info >= (3, 11):
// from asyncio import timeout as asyncio_timeout` / `else: from
// async_timeout import timeout as asyncio_timeout`), which the model keeps
// as no single import.
func importsOnly(proj *analysis.Project, m *analysis.Module, n *analysis.Node, set map[string]bool) bool {
	n = analysis.Unparen(n)
	if n == nil || n.Type() != "identifier" {
		return false
	}
	scope := m.ScopeAt(n)
	name := m.File.Text(n)
	for scope != nil && scope.Bindings.Get(name) == nil {
		scope = scope.Parent
	}
	return importsOnlyIn(proj, m, scope, name, set, 0)
}

// importsOnlyIn is importsOnly for name in scope of m; an import of a name
// another module of the project binds so (xknx's `from xknx.util import
// asyncio_timeout`, where xknx/util/__init__.py imports it conditionally)
// is followed there.
func importsOnlyIn(proj *analysis.Project, m *analysis.Module, scope *analysis.Scope, name string, set map[string]bool, depth int) bool {
	if scope == nil || depth > 4 {
		return false
	}
	b := scope.Bindings.Get(name)
	if b == nil || len(b.Values) > 0 {
		return false
	}
	found := 0
	for _, imp := range m.Imports {
		if imp.Scope != scope || imp.BoundName != name {
			continue
		}
		if !set[imp.Qualified] {
			i := strings.LastIndexByte(imp.Qualified, '.')
			if proj == nil || i < 0 {
				return false
			}
			other := proj.ModuleNamed(imp.Qualified[:i])
			if other == nil || other == m || !importsOnlyIn(proj, other, other.Scope, imp.Qualified[i+1:], set, depth+1) {
				return false
			}
		}
		found++
	}
	return found > 0
}

// cancelledByTimeout reports a try statement in the `except TimeoutError`
// handler of a try statement whose body awaited `asyncio.wait_for(target,
// ...)`: on timeout wait_for cancels target before it raises, so awaiting
// target there is the wait for a task one cancelled (postfix-mta-sts-
// resolver's shutdown: `except asyncio.TimeoutError: try: await remaining /
// except CancelledError: pass`).
func cancelledByTimeout(m *analysis.Module, try, target *analysis.Node) bool {
	want := m.File.Text(target)
	for q := try.Parent(); q != nil && !isDef(q); q = q.Parent() {
		if q.Type() != "except_clause" {
			continue
		}
		typ, _, _ := exceptParts(q)
		if typ == nil || !strings.HasSuffix(m.File.Text(typ), "TimeoutError") {
			return false
		}
		outer := q.Parent()
		if outer == nil || outer.Type() != "try_statement" {
			return false
		}
		found := false
		walkBody(outer.ChildByField("body"), func(c *analysis.Node) bool {
			if c.Type() == "call" && !found {
				if pylib.CancelsArgumentOnTimeout[m.Resolve(c.ChildByField("function")).Name] {
					if args := c.ChildByField("arguments"); args != nil {
						if a := args.NamedChildren(); len(a) > 0 && m.File.Text(a[0]) == want {
							found = true
						}
					}
				}
			}
			return !found
		})
		return found
	}
	return false
}

// cancelledInLoop reports a loop before `before`, in scope, that cancels
// every task of a collection holding target (`for p in pending:
// p.cancel()`): the collection is a list, tuple or set display naming target
// (`[t1, t2]`), a name bound to one, or the pending set of an
// `asyncio.wait()` over one (`done, pending = await asyncio.wait([t1, t2])`).
// A task of that wait not pending is done, and awaiting a done task does not
// suspend, so no other cancellation can arrive there.
func cancelledInLoop(m *analysis.Module, scope, target, before *analysis.Node) bool {
	want := m.File.Text(target)
	holdsTarget := func(n *analysis.Node) bool {
		n = analysis.Unparen(n)
		if n == nil || (n.Type() != "list" && n.Type() != "tuple" && n.Type() != "set") {
			return false
		}
		for _, e := range n.NamedChildren() {
			if m.File.Text(e) == want {
				return true
			}
		}
		return false
	}
	// bindings of a name before the loop: a display naming target, or the
	// second target of `done, pending = await asyncio.wait(display)`.
	boundToTarget := func(name string, loop *analysis.Node) bool {
		found := false
		walkBody(scope, func(c *analysis.Node) bool {
			if found || c.Start >= loop.Start {
				return false
			}
			if c.Type() != "assignment" {
				return true
			}
			left, right := c.ChildByField("left"), c.ChildByField("right")
			if left == nil || right == nil {
				return true
			}
			switch left.Type() {
			case "identifier":
				found = m.File.Text(left) == name && holdsTarget(right)
			case "pattern_list", "tuple_pattern":
				parts := left.NamedChildren()
				if len(parts) != 2 || m.File.Text(parts[1]) != name {
					return true
				}
				call := analysis.Unparen(right)
				if call.Type() == "await" && len(call.NamedChildren()) == 1 {
					call = analysis.Unparen(call.NamedChildren()[0])
				}
				if call.Type() == "call" && pylib.Is(calleeOf(m, call), pylib.TakesTasks) { // asyncio.wait: (done, pending)
					arg := firstArg(call)
					found = holdsTarget(arg) || (arg != nil && arg.Type() == "identifier" && m.File.Text(arg) != name &&
						boundDisplay(m, scope, m.File.Text(arg), c, holdsTarget))
				}
			}
			return true
		})
		return found
	}
	found := false
	walkBody(scope, func(c *analysis.Node) bool {
		if found || c.Start >= before.Start {
			return false
		}
		if c.Type() != "for_statement" {
			return true
		}
		v, coll := c.ChildByField("left"), c.ChildByField("right")
		if v == nil || coll == nil || v.Type() != "identifier" {
			return true
		}
		cancels := false
		walkBody(c.ChildByField("body"), func(b *analysis.Node) bool {
			cancels = cancels || callStatementOf(m, b, m.File.Text(v)+".cancel")
			return !cancels
		})
		if cancels && (holdsTarget(coll) || coll.Type() == "identifier" && boundToTarget(m.File.Text(coll), c)) {
			found = true
		}
		return true
	})
	return found
}

// doneTaskOfWait reports a target that is the variable of a `for` loop
// around the try statement over the done set of an `asyncio.wait()`
// (`done, pending = await asyncio.wait(tasks)`, then `for t in done:` /
// `try: await t` / `except CancelledError: ...`): a task of the done set
// has finished, and awaiting a finished task does not suspend, so the
// CancelledError caught there is the task's own (it was cancelled), never
// one delivered to the waiting task. The loop must not rebind the variable
// before the try statement.
func doneTaskOfWait(m *analysis.Module, scope, try, target *analysis.Node) bool {
	if target.Type() != "identifier" {
		return false
	}
	name := m.File.Text(target)
	for n := try.Parent(); n != nil && n != scope; n = n.Parent() {
		if n.Type() == "function_definition" || n.Type() == "lambda" || n.Type() == "class_definition" {
			return false
		}
		if n.Type() != "for_statement" {
			continue
		}
		v, coll := n.ChildByField("left"), n.ChildByField("right")
		if v == nil || coll == nil || v.Type() != "identifier" || m.File.Text(v) != name {
			continue
		}
		if rebound(m, n.ChildByField("body"), name, try) {
			return false
		}
		coll = analysis.Unparen(coll)
		return coll.Type() == "identifier" && doneSetOfWait(m, scope, m.File.Text(coll), n)
	}
	return false
}

// rebound reports an assignment to name in body before the node before.
func rebound(m *analysis.Module, body *analysis.Node, name string, before *analysis.Node) bool {
	found := false
	walkBody(body, func(c *analysis.Node) bool {
		if found || c.Start >= before.Start {
			return false
		}
		if c.Type() == "assignment" || c.Type() == "augmented_assignment" || c.Type() == "named_expression" {
			left := c.ChildByField("left")
			if left == nil {
				left = c.ChildByField("name")
			}
			if left != nil && m.File.Text(left) == name {
				found = true
			}
		}
		return true
	})
	return found
}

// doneSetOfWait reports that name is bound, before loop and only once in
// scope, to the first target of `done, pending = await asyncio.wait(...)`.
func doneSetOfWait(m *analysis.Module, scope *analysis.Node, name string, loop *analysis.Node) bool {
	bindings, done := 0, false
	walkBody(scope, func(c *analysis.Node) bool {
		if c.Type() != "assignment" {
			return true
		}
		left, right := c.ChildByField("left"), c.ChildByField("right")
		if left == nil || right == nil {
			return true
		}
		switch left.Type() {
		case "identifier":
			if m.File.Text(left) == name {
				bindings++
			}
		case "pattern_list", "tuple_pattern":
			parts := left.NamedChildren()
			for i, part := range parts {
				if m.File.Text(part) != name {
					continue
				}
				bindings++
				call := analysis.Unparen(right)
				if call.Type() == "await" && len(call.NamedChildren()) == 1 {
					call = analysis.Unparen(call.NamedChildren()[0])
				}
				if i == 0 && len(parts) == 2 && c.End <= loop.Start && call.Type() == "call" && pylib.Is(calleeOf(m, call), pylib.TakesTasks) {
					done = true
				}
			}
		}
		return true
	})
	return done && bindings == 1
}

// boundDisplay reports an assignment `name = [...]` before `before`, in
// scope, whose value passes holds.
func boundDisplay(m *analysis.Module, scope *analysis.Node, name string, before *analysis.Node, holds func(*analysis.Node) bool) bool {
	found := false
	walkBody(scope, func(c *analysis.Node) bool {
		if found || c.Start >= before.Start {
			return false
		}
		if c.Type() == "assignment" {
			if left := c.ChildByField("left"); left != nil && left.Type() == "identifier" && m.File.Text(left) == name {
				found = holds(c.ChildByField("right"))
			}
		}
		return true
	})
	return found
}

// awaitedTask returns the task a statement `await t`, `x = await t` or `return await t`
// (or `await wrapper(t, ...)`) awaits, a name or an attribute, and the
// wrapper call (nil when awaited directly).
func awaitedTask(m *analysis.Module, st *analysis.Node) (target, through *analysis.Node) {
	if st.Type() != "expression_statement" && st.Type() != "return_statement" {
		return nil, nil
	}
	named := st.NamedChildren()
	if len(named) == 1 && named[0].Type() == "assignment" && st.Type() == "expression_statement" {
		// `result = await self._task` (grpc's interceptors, nbclient): the
		// task's result kept; the wait is the same.
		if right := named[0].ChildByField("right"); right != nil {
			named = []*analysis.Node{right}
		}
	}
	if len(named) != 1 || named[0].Type() != "await" {
		return nil, nil
	}
	inner := named[0].NamedChildren()
	if len(inner) != 1 {
		return nil, nil
	}
	target = analysis.Unparen(inner[0])
	if target.Type() == "call" { // await asyncio.wait_for(t, ...) / asyncio.gather(t)
		through = target
		if arg := analysis.Unparen(firstArg(target)); arg != nil {
			target = arg
		}
	}
	if target.Type() != "identifier" && target.Type() != "attribute" {
		return nil, nil
	}
	return target, through
}

// callStatementOf reports a statement that is only a call of the callee
// written as want (`t.cancel()`).
func callStatementOf(m *analysis.Module, st *analysis.Node, want string) bool {
	if st.Type() != "expression_statement" {
		return false
	}
	named := st.NamedChildren()
	return len(named) == 1 && named[0].Type() == "call" && m.File.Text(named[0].ChildByField("function")) == want
}

// cancelledByClass reports an awaited attribute of a method's receiver
// (`self._task`, directly or through a call that awaits its argument,
// `asyncio.wait_for`, `asyncio.shield`: pylib's AwaitsArgs)
// that some method of the class cancels (`self._task.cancel()`), with the
// try statement in no loop of the method.
func cancelledByClass(m *analysis.Module, try, target, through *analysis.Node) bool {
	f := m.FunctionAt(try)
	if f == nil || f.Class == nil || len(f.Params) == 0 || target.Type() != "attribute" {
		return false
	}
	if obj := target.ChildByField("object"); obj == nil || obj.Type() != "identifier" || m.File.Text(obj) != f.Params[0] {
		return false
	}
	if through != nil {
		if !pylib.Is(calleeOf(m, through), pylib.AwaitsArgs) {
			return false
		}
	}
	for p := try.Parent(); p != nil && p != f.Node; p = p.Parent() {
		if (p.Type() == "for_statement" || p.Type() == "while_statement") && !handlersLeaveLoop(m, try) {
			return false
		}
	}
	attr := m.File.Text(target)
	want := attr + ".cancel"
	for _, cls := range combinedClasses(m, f.Class) {
		found := false
		cls.Node.Walk(func(c *analysis.Node) bool {
			if c.Type() == "call" && (m.File.Text(c.ChildByField("function")) == want || cancelsAlias(m, c, attr)) {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// cancelsAlias reports a call `x.cancel()` where x is a local name that its
// function binds only to attr, by assignments or assignment expressions
// (HABApp's `if task := self.task: task.cancel()`, `task = self._task;
// self._task = None; task.cancel()`): the class cancels the attribute's task
// through the alias.
func cancelsAlias(m *analysis.Module, call *analysis.Node, attr string) bool {
	fn := call.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || m.File.Text(fn.ChildByField("attribute")) != "cancel" {
		return false
	}
	obj := fn.ChildByField("object")
	if obj == nil || obj.Type() != "identifier" {
		return false
	}
	scope := enclosingFunc(call)
	if scope == nil {
		return false
	}
	return localBoundOnlyTo(m, scope, m.File.Text(obj), func(v *analysis.Node) bool {
		return m.File.Text(analysis.Unparen(v)) == attr
	})
}

// localBoundOnlyTo reports that the function fn binds name, at least once,
// and only by assignments or assignment expressions (which the model's
// bindings do not record) whose value satisfies ok: not as a parameter, a
// loop, with or except target, by an augmented assignment or in a tuple
// target.
func localBoundOnlyTo(m *analysis.Module, fn *analysis.Node, name string, ok func(*analysis.Node) bool) bool {
	body := fn.ChildByField("body")
	if body == nil {
		return false
	}
	if f := m.FunctionAt(body); f == nil || f.Node != fn || slices.Contains(f.Params, name) {
		return false
	}
	// names reports name among the targets of a binding: the identifiers of
	// a target list, not the attribute of `self.name = ...`.
	var names func(n *analysis.Node) bool
	names = func(n *analysis.Node) bool {
		n = analysis.Unparen(n)
		if n == nil {
			return false
		}
		switch n.Type() {
		case "identifier":
			return m.File.Text(n) == name
		case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list", "list_splat_pattern",
			"list_splat", "as_pattern_target":
			for _, c := range n.NamedChildren() {
				if names(c) {
					return true
				}
			}
		}
		return false
	}
	bound, bad := false, false
	walkBody(body, func(c *analysis.Node) bool {
		if bad {
			return false
		}
		var left, right *analysis.Node
		switch c.Type() {
		case "assignment":
			left, right = c.ChildByField("left"), c.ChildByField("right")
		case "named_expression":
			left, right = c.ChildByField("name"), c.ChildByField("value")
		case "augmented_assignment", "for_statement", "for_in_clause":
			bad = names(c.ChildByField("left"))
			return !bad
		case "as_pattern":
			bad = names(c.ChildByField("alias"))
			return !bad
		default:
			return true
		}
		if left == nil || !names(left) {
			return true
		}
		if left.Type() != "identifier" || right == nil || !ok(right) {
			bad = true
			return false
		}
		bound = true
		return true
	})
	return bound && !bad
}

// cancelledByReturningMethod reports a local name that the function binds
// only, before the awaiting statement last, to a call of a synchronous
// method of its class on the receiver (`if task := self.cancel(): await
// task`), where that method returns only None or a local it cancelled
// earlier (`task.cancel(); return task`, HABApp's SingleTask): asyncio's own
// `t.cancel(); await t` wait through a helper.
func cancelledByReturningMethod(m *analysis.Module, try, target, last *analysis.Node) bool {
	f := m.FunctionAt(try)
	if f == nil || f.Class == nil || len(f.Params) == 0 || target.Type() != "identifier" {
		return false
	}
	scope := enclosingFunc(try)
	if scope == nil {
		return false
	}
	var methods []*analysis.Function
	ok := localBoundOnlyTo(m, scope, m.File.Text(target), func(v *analysis.Node) bool {
		v = analysis.Unparen(v)
		if v.Type() != "call" || v.End > last.Start || firstArg(v) != nil {
			return false
		}
		fn := v.ChildByField("function")
		if fn == nil || fn.Type() != "attribute" {
			return false
		}
		if obj := fn.ChildByField("object"); obj == nil || obj.Type() != "identifier" || m.File.Text(obj) != f.Params[0] {
			return false
		}
		name := m.File.Text(fn.ChildByField("attribute"))
		for _, cls := range combinedClasses(m, f.Class) {
			if meth := cls.Methods[name]; meth != nil {
				methods = append(methods, meth)
				return true
			}
		}
		return false
	})
	if !ok {
		return false
	}
	for _, meth := range methods {
		if meth.Async || !returnsOnlyCancelled(m, meth.Node) {
			return false
		}
	}
	return len(methods) > 0
}

// returnsOnlyCancelled reports a function whose every return statement
// returns nothing, None, or a name the function cancelled before it
// (`x.cancel()` earlier in the body), with at least one such name.
func returnsOnlyCancelled(m *analysis.Module, fn *analysis.Node) bool {
	body := fn.ChildByField("body")
	cancelled, bad := false, false
	walkBody(body, func(c *analysis.Node) bool {
		if bad {
			return false
		}
		if c.Type() != "return_statement" {
			return true
		}
		named := c.NamedChildren()
		if len(named) == 0 {
			return true
		}
		v := analysis.Unparen(named[0])
		if len(named) != 1 || v == nil {
			bad = true
			return false
		}
		if v.Type() == "none" {
			return true
		}
		if v.Type() != "identifier" {
			bad = true
			return false
		}
		want := m.File.Text(v) + ".cancel"
		found := false
		walkBody(body, func(x *analysis.Node) bool {
			if found || x.Start >= c.Start {
				return false
			}
			if x.Type() == "call" && m.File.Text(x.ChildByField("function")) == want {
				found = true
			}
			return true
		})
		if !found {
			bad = true
			return false
		}
		cancelled = true
		return true
	})
	return cancelled && !bad
}

// ownCancellationFlag reports a handler that re-raises unless a flag of the
// instance is set (`if not self._sigint_received: raise`, its first
// statement) where a method of the class sets that flag to True and then
// calls some `cancel()`: the cancellation it goes on after is the one the
// class itself requested, told apart by the flag (aioconsole's console: its
// SIGINT handler sets the flag and cancels the running task).
func ownCancellationFlag(m *analysis.Module, try, body *analysis.Node) bool {
	f := m.FunctionAt(try)
	st := statements(body)
	if f == nil || f.Class == nil || len(f.Params) == 0 || len(st) == 0 || st[0].Type() != "if_statement" {
		return false
	}
	first := st[0]
	if first.ChildByField("alternative") != nil {
		return false
	}
	then := statements(first.ChildByField("consequence"))
	if len(then) != 1 || then[0].Type() != "raise_statement" || len(then[0].NamedChildren()) != 0 {
		return false
	}
	cond := analysis.Unparen(first.ChildByField("condition"))
	if cond == nil || cond.Type() != "not_operator" {
		return false
	}
	flag := analysis.Unparen(cond.ChildByField("argument"))
	if flag == nil || flag.Type() != "attribute" {
		return false
	}
	if obj := flag.ChildByField("object"); obj == nil || obj.Type() != "identifier" || m.File.Text(obj) != f.Params[0] {
		return false
	}
	attr := m.File.Text(flag.ChildByField("attribute"))
	for _, cls := range combinedClasses(m, f.Class) {
		for _, meth := range cls.MethodsInOrder() {
			if len(meth.Params) == 0 {
				continue
			}
			want := meth.Params[0] + "." + attr
			var set *analysis.Node
			cancels := false
			walkBody(meth.Node.ChildByField("body"), func(n *analysis.Node) bool {
				switch n.Type() {
				case "assignment":
					if l, r := n.ChildByField("left"), n.ChildByField("right"); set == nil && l != nil && r != nil &&
						m.File.Text(l) == want && r.Type() == "true" {
						set = n
					}
				case "call":
					if set != nil && n.Start > set.End {
						if fn := n.ChildByField("function"); fn != nil && fn.Type() == "attribute" &&
							m.File.Text(fn.ChildByField("attribute")) == "cancel" {
							cancels = true
						}
					}
				}
				return !cancels
			})
			if cancels {
				return true
			}
		}
	}
	return false
}

// handlersLeaveLoop reports a try statement whose every handler of
// cancellation ends with `break` or `return`: in a loop, such a swallow
// ends the wait instead of going on working (hass-nabucasa's reconnect
// loop: `except asyncio.CancelledError: break  # Happens if disconnect called`).
func handlersLeaveLoop(m *analysis.Module, try *analysis.Node) bool {
	seen := false
	for _, clause := range exceptClauses(try) {
		typ, _, body := exceptParts(clause)
		if kind, _ := catchesCancellation(m, typ); kind == "" {
			continue
		}
		st := statements(body)
		if len(st) == 0 || (st[len(st)-1].Type() != "break_statement" && st[len(st)-1].Type() != "return_statement") {
			return false
		}
		seen = true
	}
	return seen
}

// helperAwaitedTask returns the task a statement `await self.helper()`
// waits for through a method of the class with no arguments whose one
// await is `await self.task` (hass-nabucasa's `_wait_retry()`: it starts
// `self.retry_task`, awaits it and clears it): the attribute node in the
// helper, or nil.
func helperAwaitedTask(m *analysis.Module, try, st *analysis.Node) *analysis.Node {
	f := m.FunctionAt(try)
	if f == nil || f.Class == nil || len(f.Params) == 0 || st.Type() != "expression_statement" {
		return nil
	}
	named := st.NamedChildren()
	if len(named) != 1 || named[0].Type() != "await" || len(named[0].NamedChildren()) != 1 {
		return nil
	}
	call := analysis.Unparen(named[0].NamedChildren()[0])
	if call.Type() != "call" || firstArg(call) != nil {
		return nil
	}
	fn := call.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" {
		return nil
	}
	if obj := fn.ChildByField("object"); obj == nil || obj.Type() != "identifier" || m.File.Text(obj) != f.Params[0] {
		return nil
	}
	helper := f.Class.Methods[m.File.Text(fn.ChildByField("attribute"))]
	if helper == nil || !helper.Async || len(helper.Params) != 1 || helper.Params[0] != f.Params[0] {
		return nil
	}
	var awaited []*analysis.Node
	walkBody(helper.Node.ChildByField("body"), func(n *analysis.Node) bool {
		switch n.Type() {
		case "await":
			if n.Named() {
				awaited = append(awaited, n)
			}
		case "with_statement", "for_statement":
			if isAsyncStmt(n) {
				awaited = append(awaited, nil)
			}
		}
		return true
	})
	if len(awaited) != 1 || awaited[0] == nil || len(awaited[0].NamedChildren()) != 1 {
		return nil
	}
	target := analysis.Unparen(awaited[0].NamedChildren()[0])
	if target.Type() != "attribute" {
		return nil
	}
	if obj := target.ChildByField("object"); obj == nil || obj.Type() != "identifier" || m.File.Text(obj) != f.Params[0] {
		return nil
	}
	return target
}

// combinedClasses returns cls and, when cls is a mixin, the classes of the
// module it is combined with: every class of the module that has cls among
// its bases, and that class's other bases defined in the module. A mixin's
// method runs on such a class's instances, whose methods are the mixin's
// siblings' too (grpc's _InterceptedStreamRequestMixin awaits
// self._interceptors_task, which InterceptedCall.cancel() cancels, in the
// classes that combine both).
func combinedClasses(m *analysis.Module, cls *analysis.Class) []*analysis.Class {
	out := []*analysis.Class{cls}
	seen := map[*analysis.Class]bool{cls: true}
	byName := map[string]*analysis.Class{}
	for _, c := range m.Classes {
		byName[c.Name] = c
	}
	for _, c := range m.Classes {
		combines := false
		for _, b := range c.Bases {
			if m.File.Text(b) == cls.Name {
				combines = true
			}
		}
		if !combines {
			continue
		}
		for _, b := range append([]*analysis.Node{nil}, c.Bases...) {
			other := c
			if b != nil {
				other = byName[m.File.Text(b)]
			}
			if other != nil && !seen[other] {
				seen[other] = true
				out = append(out, other)
			}
		}
	}
	return out
}

func firstArg(call *analysis.Node) *analysis.Node {
	args := call.ChildByField("arguments")
	if args == nil {
		return nil
	}
	for _, a := range args.NamedChildren() {
		if a.Type() != "keyword_argument" {
			return a
		}
		break
	}
	return nil
}

// fallsThrough reports whether control can reach the end of stmts.
func fallsThrough(m *analysis.Module, stmts []*analysis.Node) bool {
	for _, s := range stmts {
		if !stmtFallsThrough(m, s) {
			return false
		}
	}
	return true
}

func stmtFallsThrough(m *analysis.Module, s *analysis.Node) bool {
	switch s.Type() {
	case "expression_statement":
		// A call of a project function that never returns (it always raises).
		if named := s.NamedChildren(); len(named) == 1 && named[0].Type() == "call" {
			fn := named[0].ChildByField("function")
			if f := m.Resolve(fn).Func; f != nil && neverReturns(m, f) {
				return false
			}
			// os._exit(1), pytest.fail(...): the library call never returns.
			if pylib.NeverReturns[m.Resolve(fn).Name] {
				return false
			}
			// self.method() whose class the model could not follow (a generic
			// base such as Mixin[T]): a method of that name in this module.
			if fn != nil && fn.Type() == "attribute" && m.File.Text(fn.ChildByField("object")) == "self" && m.Resolve(fn).Func == nil {
				name := m.File.Text(fn.ChildByField("attribute"))
				for _, f := range m.Functions {
					if f.Class != nil && f.Name == name && neverReturns(m, f) {
						return false
					}
				}
			}
		}
	case "raise_statement", "return_statement", "continue_statement", "break_statement":
		return false
	case "if_statement":
		if fallsThrough(m, statements(s.ChildByField("consequence"))) {
			return true
		}
		hasElse := false
		for _, alt := range s.ChildrenByField("alternative") {
			if alt.Type() == "else_clause" {
				hasElse = true
				if fallsThrough(m, statements(alt.ChildByField("body"))) {
					return true
				}
			} else if fallsThrough(m, statements(alt.ChildByField("consequence"))) {
				return true
			}
		}
		return !hasElse
	case "try_statement":
		for _, c := range s.Children() {
			if c.Type() == "finally_clause" {
				if named := c.NamedChildren(); len(named) > 0 && !fallsThrough(m, statements(named[len(named)-1])) {
					return false
				}
			}
		}
		bodyFalls := fallsThrough(m, statements(s.ChildByField("body")))
		for _, c := range s.Children() {
			if c.Type() == "else_clause" && bodyFalls {
				bodyFalls = fallsThrough(m, statements(c.ChildByField("body")))
			}
		}
		if bodyFalls {
			return true
		}
		for _, clause := range exceptClauses(s) {
			if _, _, body := exceptParts(clause); fallsThrough(m, statements(body)) {
				return true
			}
		}
		return false
	case "with_statement":
		exprs, _ := withItems(s)
		for _, e := range exprs {
			if pylib.Is(calleeOf(m, e), pylib.SuppressesExceptions) {
				return true
			}
		}
		return fallsThrough(m, statements(s.ChildByField("body")))
	case "for_statement":
		// A loop over a non-empty literal runs its body at least once: when
		// that body cannot complete (and never breaks or continues), neither
		// can the loop.
		if nonEmptyIterable(m, s.ChildByField("right")) && !fallsThrough(m, statements(s.ChildByField("body"))) && !hasLoopJump(s) {
			return false
		}
		return loopElseFallsThrough(m, s)
	case "match_statement":
		exhaustive := false
		if body := s.ChildByField("body"); body != nil {
			for _, c := range body.ChildrenByField("alternative") {
				if fallsThrough(m, statements(c.ChildByField("consequence"))) {
					return true
				}
				exhaustive = exhaustive || irrefutableCase(m, c)
			}
		}
		return !exhaustive
	case "while_statement":
		if !loopElseFallsThrough(m, s) {
			return false
		}
		cond := analysis.Unparen(s.ChildByField("condition"))
		if cond != nil && (cond.Type() == "true" || m.File.Text(cond) == "1") {
			hasBreak := false
			walkLoopBody(s, func(n *analysis.Node) {
				if n.Type() == "break_statement" {
					hasBreak = true
				}
			})
			return hasBreak
		}
	}
	return true
}

// walkLoopBody visits the statements of a loop's body that belong to this
// loop (not to nested loops or functions).
func walkLoopBody(loop *analysis.Node, fn func(*analysis.Node)) {
	walkBody(loop.ChildByField("body"), func(n *analysis.Node) bool {
		fn(n)
		return n.Type() != "for_statement" && n.Type() != "while_statement"
	})
}

// neverReturns reports whether calling f always raises: it is annotated
// NoReturn/Never, or its body cannot complete and has no return.
func neverReturns(m *analysis.Module, f *analysis.Function) bool {
	if f.Lambda || f.Generator || f.Async {
		return false
	}
	if rt := f.Node.ChildByField("return_type"); rt != nil {
		t := f.Module().File.Text(rt)
		// Annotation syntax as written, not library APIs.
		if t == "NoReturn" || t == "Never" || t == "typing.NoReturn" || t == "typing.Never" || t == "typing_extensions.Never" {
			return true
		}
	}
	body := f.Node.ChildByField("body")
	hasReturn := false
	walkBody(body, func(n *analysis.Node) bool {
		if n.Type() == "return_statement" {
			hasReturn = true
		}
		return !hasReturn
	})
	if hasReturn {
		return false
	}
	fm := f.Module()
	for _, st := range statements(body) {
		// Avoid recursion through calls: only look at explicit raises here.
		if st.Type() == "raise_statement" {
			return true
		}
		if st.Type() == "expression_statement" || st.Type() == "pass_statement" {
			continue
		}
		if !stmtFallsThrough(fm, st) {
			return true
		}
	}
	return false
}

// forwardsException reports a handler that hands the caught exception to
// whoever waits for the outcome: passes it to a call that is not logging
// (`fut.set_exception(exc)`, `self._exceptions.append(exc)`,
// `queue.append(Error(exc))`) or stores it in an attribute or container
// (`results[i] = exc`), or returns it as the function's result (`return
// exc`, the exception-as-value protocol of `gather(...,
// return_exceptions=True)`: libpulse's `_run_in_task()`, whose callers
// raise what they get back). The cancellation then reaches the task's
// consumer, as in asyncio's own future bridging and task-group machinery. The caught
// exception is the handler's name, or `sys.exc_info()` passed whole,
// unpacked or indexed (sqlalchemy's `context.throw(*sys.exc_info())` raises
// it in the greenlet that awaited; tenacity's
// `retry_state.set_exception(sys.exc_info())` re-raises it from the attempt
// it records).
func forwardsException(m *analysis.Module, body, name *analysis.Node) bool {
	bound := ""
	if name != nil {
		bound = m.File.Text(name)
	}
	found := false
	walkBody(body, func(n *analysis.Node) bool {
		if !found && n.Type() == "call" && isCaughtExceptionCall(m, n) {
			arg := n
			if p := arg.Parent(); p != nil && p.Type() == "subscript" && arg.Field() == "value" {
				arg = p
			}
			if p := arg.Parent(); p != nil && p.Type() == "list_splat" {
				arg = p
			}
			if p := arg.Parent(); p != nil && p.Type() == "argument_list" {
				fn := p.Parent().ChildByField("function")
				method := m.File.Text(fn)
				if fn != nil && fn.Type() == "attribute" {
					method = m.File.Text(fn.ChildByField("attribute"))
				}
				found = !pylib.Method(method, pylib.ReportsException)
			}
			return !found
		}
		if found || bound == "" || n.Type() != "identifier" || m.File.Text(n) != bound || n.Parent() == nil {
			return !found
		}
		switch p := n.Parent(); {
		case p.Type() == "argument_list":
			call := p.Parent()
			fn := call.ChildByField("function")
			method := m.File.Text(fn)
			if fn != nil && fn.Type() == "attribute" {
				method = m.File.Text(fn.ChildByField("attribute"))
			}
			found = !pylib.Method(method, pylib.ReportsException)
		case p.Type() == "assignment" && n.Field() == "right":
			if left := p.ChildByField("left"); left != nil && (left.Type() == "attribute" || left.Type() == "subscript") {
				found = true
			}
		case p.Type() == "return_statement":
			found = true // the result the caller gets, for it to raise
		}
		return !found
	})
	return found
}

// reraisesCancellation reports whether a handler re-raises cancellation up
// front, whatever the rest does: `if not isinstance(exc, Exception): raise`
// or `if isinstance(exc, asyncio.CancelledError): raise` (any cancellation
// class, `get_cancelled_exc_class()`), possibly with an else branch that
// handles the other exceptions.
func reraisesCancellation(m *analysis.Module, inTestModule bool, body, name *analysis.Node) bool {
	if inTestModule {
		for _, st := range statements(body) {
			if st.Type() == "assert_statement" && assertsFalse(m, st) {
				return true // the test fails, whatever was caught
			}
			if !stmtFallsThrough(m, st) {
				break
			}
		}
	}
	if name == nil {
		return false
	}
	bound := m.File.Text(name)
	for _, st := range statements(body) {
		if st.Type() == "assert_statement" && inTestModule && assertsOtherType(m, st, bound) {
			return true // a cancellation fails the test's assertion instead of vanishing
		}
		if st.Type() != "if_statement" {
			if !stmtFallsThrough(m, st) {
				return false // a return or raise before any such check
			}
			continue
		}
		cond := analysis.Unparen(st.ChildByField("condition"))
		if cond == nil || fallsThrough(m, statements(st.ChildByField("consequence"))) {
			continue
		}
		text := m.File.Text(cond)
		if text == "not isinstance("+bound+", Exception)" {
			return true
		}
		if cond.Type() == "call" && m.File.Text(cond.ChildByField("function")) == "isinstance" {
			if args := cond.ChildByField("arguments"); args != nil {
				if a := args.NamedChildren(); len(a) == 2 && m.File.Text(a[0]) == bound {
					if kind, _ := catchesCancellation(m, a[1]); kind == "specific" {
						return true
					}
				}
			}
		}
	}
	return false
}

// loopElseFallsThrough is false for a loop without `break` whose `else`
// block cannot complete: the else block always runs.
func loopElseFallsThrough(m *analysis.Module, loop *analysis.Node) bool {
	alt := loop.ChildByField("alternative")
	if alt == nil || fallsThrough(m, statements(alt.ChildByField("body"))) {
		return true
	}
	hasBreak := false
	walkLoopBody(loop, func(n *analysis.Node) {
		if n.Type() == "break_statement" {
			hasBreak = true
		}
	})
	return hasBreak
}

// hasLoopJump reports whether loop's own body has a break or continue.
func hasLoopJump(loop *analysis.Node) bool {
	found := false
	walkLoopBody(loop, func(n *analysis.Node) {
		if n.Type() == "break_statement" || n.Type() == "continue_statement" {
			found = true
		}
	})
	return found
}

// irrefutableCase reports whether a case clause matches every subject:
// `case _:` or a bare capture `case x:`, without a guard.
func irrefutableCase(m *analysis.Module, clause *analysis.Node) bool {
	return clause.ChildByField("guard") == nil && irrefutablePattern(m, clause)
}

// irrefutablePattern reports whether a case clause's pattern matches every
// subject (`_` or a bare capture), whatever its guard.
func irrefutablePattern(m *analysis.Module, clause *analysis.Node) bool {
	for _, pat := range clause.NamedChildren() {
		if pat.Type() != "case_pattern" {
			continue
		}
		inner := pat.ChildList()
		if len(inner) != 1 {
			return false
		}
		switch p := inner[0]; p.Type() {
		case "_":
			return true
		case "dotted_name":
			return len(p.NamedChildren()) == 1
		case "identifier":
			return true
		}
		return false
	}
	return false
}

// nonEmptyIterable reports whether n is a literal collection, string or
// range() with literal bounds that has at least one element.
func nonEmptyIterable(m *analysis.Module, n *analysis.Node) bool {
	n = analysis.Unparen(n)
	if n == nil {
		return false
	}
	switch n.Type() {
	case "list", "tuple", "set", "dictionary":
		for _, e := range n.NamedChildren() {
			switch e.Type() {
			case "comment":
				continue
			case "list_splat", "dictionary_splat":
				if inner := e.NamedChildren(); len(inner) == 1 && nonEmptyIterable(m, inner[0]) {
					return true
				}
				continue
			}
			return true
		}
		return false
	case "string":
		text := m.File.Text(n)
		i := strings.IndexAny(text, "'\"")
		return i >= 0 && len(text)-i > 2*quoteLen(text[i:])
	case "call":
		if calleeOf(m, n) != "range" && !(m.File.Text(n.ChildByField("function")) == "range" && m.IsBuiltin(n, "range")) {
			return false
		}
		var bounds []*big.Int
		for _, a := range n.ChildByField("arguments").NamedChildren() {
			text := strings.ReplaceAll(m.File.Text(a), "_", "")
			invert := a.Type() == "unary_operator" && strings.HasPrefix(text, "~")
			if invert {
				text = strings.TrimSpace(text[1:]) // ~x == -x-1
			}
			v, ok := new(big.Int).SetString(text, 0)
			if (a.Type() != "integer" && a.Type() != "unary_operator") || !ok {
				return false
			}
			if invert {
				v.Neg(v).Sub(v, big.NewInt(1))
			}
			bounds = append(bounds, v)
		}
		switch len(bounds) {
		case 1:
			return bounds[0].Sign() > 0
		case 2:
			return bounds[0].Cmp(bounds[1]) < 0
		case 3:
			step := bounds[2].Sign()
			return step*bounds[0].Cmp(bounds[1]) < 0
		}
	}
	return false
}

// quoteLen is the length of the opening quote of a string literal body.
func quoteLen(s string) int {
	if strings.HasPrefix(s, `"""`) || strings.HasPrefix(s, "'''") {
		return 3
	}
	return 1
}

// assertsFalse reports `assert False` (or `assert 0`, `assert None`), with
// or without a message: a test's "never gets here", which fails whatever
// was caught (pytest does not run with -O).
func assertsFalse(m *analysis.Module, st *analysis.Node) bool {
	named := st.NamedChildren()
	if len(named) == 0 {
		return false
	}
	switch analysis.Unparen(named[0]).Type() {
	case "false", "none":
		return true
	case "integer":
		return strings.Trim(m.File.Text(analysis.Unparen(named[0])), "0_") == ""
	}
	return false
}

// assertsOtherType reports `assert isinstance(exc, T)` or `assert type(exc)
// is T` (or `==`) where T is not a cancellation type: a test checking what it
// caught, which a cancellation would fail.
func assertsOtherType(m *analysis.Module, st *analysis.Node, bound string) bool {
	named := st.NamedChildren()
	if len(named) == 0 {
		return false
	}
	cond := analysis.Unparen(named[0])
	var typ *analysis.Node
	switch cond.Type() {
	case "call":
		args := cond.ChildByField("arguments")
		if m.File.Text(cond.ChildByField("function")) != "isinstance" || args == nil {
			return false
		}
		if a := args.NamedChildren(); len(a) == 2 && m.File.Text(a[0]) == bound {
			typ = a[1]
		}
	case "comparison_operator":
		ops := cond.NamedChildren()
		if len(ops) == 2 && m.File.Text(ops[0]) == "type("+bound+")" {
			op := strings.TrimSpace(m.File.Text(cond)[len(m.File.Text(ops[0])) : len(m.File.Text(cond))-len(m.File.Text(ops[1]))])
			if op == "is" || op == "==" {
				typ = ops[1]
			}
		}
	}
	if typ == nil {
		return false
	}
	kind, _ := catchesCancellation(m, typ)
	return kind == ""
}
