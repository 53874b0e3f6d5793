package rules

import (
	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// Handlers of a cancellation the code can tell from the task's own, or
// asked for itself (ASYNC103, ASYNC104).

// isCurrentTaskCall reports a call of asyncio's current_task() (the running
// task).
func isCurrentTaskCall(m *analysis.Module, n *analysis.Node) bool {
	n = analysis.Unparen(n)
	if n == nil || n.Type() != "call" {
		return false
	}
	return pylib.ReturnsRunningTask(calleeOf(m, n))
}

// currentTaskNames returns the names the function body scope binds, by an
// assignment or an assignment expression (`(task := asyncio.current_task())`),
// to the running task and to nothing else.
func currentTaskNames(m *analysis.Module, scope *analysis.Node) map[string]bool {
	names := map[string]bool{}
	other := map[string]bool{}
	walkBody(scope, func(n *analysis.Node) bool {
		var left, right *analysis.Node
		switch n.Type() {
		case "assignment":
			left, right = n.ChildByField("left"), n.ChildByField("right")
		case "named_expression":
			left, right = n.ChildByField("name"), n.ChildByField("value")
		default:
			return true
		}
		if left == nil || left.Type() != "identifier" {
			return true
		}
		name := m.File.Text(left)
		if right != nil && isCurrentTaskCall(m, right) {
			names[name] = true
		} else {
			other[name] = true
		}
		return true
	})
	for name := range other {
		delete(names, name)
	}
	return names
}

// isCurrentTask reports an expression that is the running task: a call of
// current_task() or a name bound only to one (currentTaskNames).
func isCurrentTask(m *analysis.Module, n *analysis.Node, names map[string]bool) bool {
	n = analysis.Unparen(n)
	if n == nil {
		return false
	}
	if n.Type() == "identifier" {
		return names[m.File.Text(n)]
	}
	return isCurrentTaskCall(m, n)
}

// reraisesOwnCancellation reports a handler that re-raises when the running
// task is itself being cancelled: a statement of the handler, with no
// statement before it that leaves, `if task.cancelling(): raise` (the
// condition may and the call with other tests: a version check, the
// binding `(task := asyncio.current_task())`). Python 3.11's
// `Task.cancelling()` is the documented way to tell the task's own
// cancellation from an inner future's or timeout's: what the handler goes
// on after is not the task's (aiohttp's lingering read and graceful
// shutdown wait).
func reraisesOwnCancellation(m *analysis.Module, try, body *analysis.Node) bool {
	scope := enclosingFunc(try)
	if scope == nil {
		return false
	}
	names := currentTaskNames(m, scope)
	for _, st := range statements(body) {
		if st.Type() == "if_statement" && st.ChildByField("alternative") == nil {
			cons := statements(st.ChildByField("consequence"))
			if len(cons) > 0 && isBareRaise(cons[len(cons)-1]) && conjunctAsksCancelling(m, st.ChildByField("condition"), names) {
				return true
			}
		}
		if leavesOrSuspends(st) {
			return false
		}
	}
	return false
}

func isBareRaise(st *analysis.Node) bool {
	return st.Type() == "raise_statement" && len(st.NamedChildren()) == 0
}

// leavesOrSuspends reports a statement that may leave the handler (return,
// break, continue, raise) or hand control away (yield): a guard after it
// does not cover every path.
func leavesOrSuspends(st *analysis.Node) bool {
	found := false
	walkBody(st, func(n *analysis.Node) bool {
		switch n.Type() {
		case "return_statement", "break_statement", "continue_statement", "raise_statement", "yield":
			found = true
		}
		return !found
	})
	return found
}

// conjunctAsksCancelling reports a condition that is true only when
// `task.cancelling()` is, task being the running task: the call itself, or
// one operand of an `and` chain (not under `not`).
func conjunctAsksCancelling(m *analysis.Module, cond *analysis.Node, names map[string]bool) bool {
	cond = analysis.Unparen(cond)
	if cond == nil {
		return false
	}
	switch cond.Type() {
	case "boolean_operator":
		if m.File.Text(cond.ChildByField("operator")) != "and" {
			return false
		}
		return conjunctAsksCancelling(m, cond.ChildByField("left"), names) ||
			conjunctAsksCancelling(m, cond.ChildByField("right"), names)
	case "call":
		fn := cond.ChildByField("function")
		args := cond.ChildByField("arguments")
		if fn == nil || fn.Type() != "attribute" || m.File.Text(fn.ChildByField("attribute")) != "cancelling" ||
			args == nil || len(args.NamedChildren()) != 0 {
			return false
		}
		return isCurrentTask(m, fn.ChildByField("object"), names)
	}
	return false
}

// cancelsOwnTask reports a try statement whose function, before the
// handler (earlier, or in the try body), cancels its own running task or
// schedules that (`task = asyncio.current_task()` then `task.cancel()`, or
// `loop.call_later(timeout, task.cancel)`): the CancelledError the handler
// is for is the one the function asked for, as with `t.cancel(); await t`
// (zwave-js-server's dump with a timeout of its own; a test of the
// cancel message).
//
// Not when the try statement is in a loop the handler does not leave (no
// break, return or raise in it): the loop goes on after the cancellation
// the function asked for, so that request (a signal handler's
// `task.cancel`, a timeout) never stops the task.
func cancelsOwnTask(m *analysis.Module, try, clause, body *analysis.Node) bool {
	scope := enclosingFunc(try)
	if scope == nil || inLoopBelow(try, scope) && !leavesLoop(body) {
		return false
	}
	names := currentTaskNames(m, scope)
	found := false
	walkBody(scope.ChildByField("body"), func(n *analysis.Node) bool {
		if found || n.Start >= clause.Start {
			return false
		}
		if n.Type() == "attribute" && m.File.Text(n.ChildByField("attribute")) == "cancel" &&
			isCurrentTask(m, n.ChildByField("object"), names) {
			found = true
		}
		return !found
	})
	return found
}

// expectsCancellation reports, in a test module, a try statement whose
// `else` clause fails the test (`self.fail(...)`, `pytest.fail(...)`,
// `assert False`, `raise AssertionError`): the test asserts that its body
// is cancelled, and the handler is the outcome it expects (libpulse's test
// of the abort on a connection failure: `try: await wait_forever` /
// `except asyncio.CancelledError: ...` / `else: self.fail('wait_forever
// has not been cancelled as expected')`).
func expectsCancellation(proj *analysis.Project, m *analysis.Module, inTestModule bool, try *analysis.Node) bool {
	if !inTestModule {
		return false
	}
	for _, c := range try.Children() {
		if c.Type() != "else_clause" {
			continue
		}
		stmts := statements(c.ChildByField("body"))
		if len(stmts) == 0 {
			return false
		}
		return failsTest(proj, m, stmts[0])
	}
	return false
}

// failsTest reports a statement that fails the test running it:
// a call of a library function or method that never returns
// (`pytest.fail(...)`, unittest's `self.fail(...)`), `assert False` or `raise AssertionError`.
func failsTest(proj *analysis.Project, m *analysis.Module, st *analysis.Node) bool {
	switch st.Type() {
	case "assert_statement":
		return assertsFalse(m, st)
	case "raise_statement":
		named := st.NamedChildren()
		return len(named) > 0 && raisedBuiltin(m, named[0]) == "AssertionError"
	case "expression_statement":
		named := st.NamedChildren()
		if len(named) != 1 || named[0].Type() != "call" {
			return false
		}
		callee := calleeOf(m, named[0])
		if callee != "" && proj != nil {
			callee = proj.Canonical(callee)
		}
		return callee != "" && pylib.NeverReturnsCall(callee)
	}
	return false
}

// inLoopBelow reports a node inside the body of a for or while loop below
// stop.
func inLoopBelow(n, stop *analysis.Node) bool {
	for q := n.Parent(); q != nil && q != stop; q = q.Parent() {
		if q.Type() == "for_statement" || q.Type() == "while_statement" {
			return true
		}
	}
	return false
}
