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
	// The binding is looked up only once a test of the name is found (most
	// calls have no if statement around them that asks).
	t := kindTest{m: m, name: name, at: fn}
	child := c.Node
	for n := c.Node.Parent(); n != nil; child, n = n, n.Parent() {
		if n.Type() == "else_clause" && n.Parent() != nil && n.Parent().Type() == "if_statement" {
			// Only the if statement's own else (not an elif chain's).
			if ifs := n.Parent(); ifs.ChildByField("alternative") == n && len(ifs.ChildrenByField("alternative")) == 1 {
				if t.says(ifs.ChildByField("condition"), true) {
					return true
				}
			}
			continue
		}
		if n.Type() != "if_statement" && n.Type() != "elif_clause" || n.ChildByField("consequence") != child {
			continue
		}
		if t.says(n.ChildByField("condition"), false) {
			return true
		}
	}
	return false
}

// kindTest asks whether conditions test name, read at node at, with a
// coroutine-function test; the name's binding (a parameter never rebound,
// else none) is looked up on the first test of the name met.
type kindTest struct {
	m        *Module
	name     string
	at       *Node
	b        *Binding
	lookedUp bool
}

func (t *kindTest) binding() *Binding {
	if !t.lookedUp {
		t.lookedUp = true
		b := t.m.ScopeAt(t.at).Lookup(t.name)
		if b != nil && b.Kind == BindParam && len(b.Values) == 0 {
			t.b = b
		}
	}
	return t.b
}

// says reports a condition that holds only when the name is a coroutine
// function: `iscoroutinefunction(name)`, or a conjunction with it;
// negated, `not iscoroutinefunction(name)`, whose false branch is the one
// meant.
func (t *kindTest) says(cond *Node, negated bool) bool {
	cond = Unparen(cond)
	if cond == nil {
		return false
	}
	m := t.m
	if negated {
		if cond.Type() != "not_operator" {
			return false
		}
		return t.says(cond.ChildByField("argument"), false)
	}
	switch cond.Type() {
	case "boolean_operator":
		if op := cond.ChildByField("operator"); op != nil && m.File.Text(op) == "and" {
			return t.says(cond.ChildByField("left"), false) || t.says(cond.ChildByField("right"), false)
		}
		return false
	case "call":
		args, ok := plainPositionalArgs(cond)
		if !ok || len(args) != 1 || args[0].Type() != "identifier" || m.File.Text(args[0]) != t.name {
			return false
		}
		b := t.binding()
		if b == nil || m.ScopeAt(args[0]).Lookup(t.name) != b {
			return false
		}
		callee := m.Resolve(cond.ChildByField("function"))
		return callee.Func == nil && callee.Class == nil && pylib.CoroutineFunctionTests[callee.Name]
	}
	return false
}
