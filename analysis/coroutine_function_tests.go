package analysis

import "github.com/asyncls/asyncls/pylib"

// What a test of a callable's kind says of a call of it.

// TestedCoroutineFunction reports a call `f(...)` of a plain name f in the
// branch where a test says f is a coroutine function: the body of `if
// iscoroutinefunction(f):` (or of such an elif; also `if
// iscoroutinefunction(f) and ...:`) or
// the else branch of `if not iscoroutinefunction(f):`, with the test one of
// pylib.CoroutineFunctionTests (inspect's, asyncio's, asgiref's). The test
// and the call must read the same binding of f, a parameter its function
// never rebinds (Django's `@sync_and_async_middleware` factories test
// get_response, typed Any, and call it in an `async def` nested in the
// branch). A call in a nested def of the branch counts: the def is made
// there, and f is the same closure variable when it runs.
func (m *Module) TestedCoroutineFunction(c *Call) bool {
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "identifier" {
		return false
	}
	name := m.File.Text(fn)
	b := m.ScopeAt(fn).Lookup(name)
	if b == nil || b.Kind != BindParam || len(b.Values) > 0 {
		return false
	}
	child := c.Node
	for n := c.Node.Parent(); n != nil; child, n = n, n.Parent() {
		if n.Type() == "else_clause" && n.Parent() != nil && n.Parent().Type() == "if_statement" {
			// Only the if statement's own else (not an elif chain's).
			if ifs := n.Parent(); ifs.ChildByField("alternative") == n && len(ifs.ChildrenByField("alternative")) == 1 {
				if m.testsCoroutineFunction(ifs.ChildByField("condition"), name, b, true) {
					return true
				}
			}
			continue
		}
		if n.Type() != "if_statement" && n.Type() != "elif_clause" || n.ChildByField("consequence") != child {
			continue
		}
		if m.testsCoroutineFunction(n.ChildByField("condition"), name, b, false) {
			return true
		}
	}
	return false
}

// testsCoroutineFunction reports a condition that holds only when name
// (binding b) is a coroutine function: `iscoroutinefunction(name)`, or a
// conjunction with it; negated, `not iscoroutinefunction(name)`, whose
// false branch is the one meant.
func (m *Module) testsCoroutineFunction(cond *Node, name string, b *Binding, negated bool) bool {
	cond = Unparen(cond)
	if cond == nil {
		return false
	}
	if negated {
		if cond.Type() != "not_operator" {
			return false
		}
		return m.testsCoroutineFunction(cond.ChildByField("argument"), name, b, false)
	}
	switch cond.Type() {
	case "boolean_operator":
		if op := cond.ChildByField("operator"); op != nil && m.File.Text(op) == "and" {
			return m.testsCoroutineFunction(cond.ChildByField("left"), name, b, false) ||
				m.testsCoroutineFunction(cond.ChildByField("right"), name, b, false)
		}
		return false
	case "call":
		args, ok := plainPositionalArgs(cond)
		if !ok || len(args) != 1 || args[0].Type() != "identifier" || m.File.Text(args[0]) != name {
			return false
		}
		if m.ScopeAt(args[0]).Lookup(name) != b {
			return false
		}
		callee := m.Resolve(cond.ChildByField("function"))
		return callee.Func == nil && callee.Class == nil && pylib.CoroutineFunctionTests[callee.Name]
	}
	return false
}
