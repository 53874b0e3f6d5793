package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// shieldingScopes are the last names of trio's and anyio's cancel scopes;
// with `shield=True` they keep the enclosing scopes' cancellation away from
// their body.
var shieldingScopes = methodNames(pylib.Shieldable)

// awaitsUnshielded reports whether n has a checkpoint (await, async for,
// async with) where the task's cancellation can arrive: one outside every
// `with CancelScope(shield=True):` (or `move_on_after(..., shield=True)`).
// A shielded scope absorbs its own cancellation too (`scope.cancel()` inside
// it ends the scope), so a try body whose awaits are all shielded cannot
// receive a cancellation from outside.
func awaitsUnshielded(m *analysis.Module, n *analysis.Node) bool {
	if n == nil {
		return false
	}
	if n.Type() == "with_statement" && !isAsyncStmt(n) && shieldedWith(m, n) {
		return false
	}
	if !containsShieldedWith(m, n) {
		return hasCheckpoint(m, n, false, nil)
	}
	if (n.Type() == "with_statement" || n.Type() == "for_statement") && isAsyncStmt(n) {
		return true
	}
	for _, c := range n.Children() {
		if awaitsUnshielded(m, c) {
			return true
		}
	}
	return false
}

func containsShieldedWith(m *analysis.Module, n *analysis.Node) bool {
	found := false
	n.Walk(func(c *analysis.Node) bool {
		if found || isDef(c) && c != n {
			return false
		}
		if c.Type() == "with_statement" && !isAsyncStmt(c) && shieldedWith(m, c) {
			found = true
		}
		return !found
	})
	return found
}

// shieldedWith reports a with statement one of whose items is a cancel
// scope called with `shield=True`.
func shieldedWith(m *analysis.Module, with *analysis.Node) bool {
	shielded := false
	with.Walk(func(c *analysis.Node) bool {
		if shielded || c.Type() == "block" {
			return false
		}
		if c.Type() != "call" {
			return true
		}
		fn := m.File.Text(c.ChildByField("function"))
		if !shieldingScopes[fn[strings.LastIndex(fn, ".")+1:]] {
			return true
		}
		if args := c.ChildByField("arguments"); args != nil {
			for _, a := range args.NamedChildren() {
				if a.Type() == "keyword_argument" && m.File.Text(a.ChildByField("name")) == "shield" &&
					m.File.Text(a.ChildByField("value")) == "True" {
					shielded = true
				}
			}
		}
		return !shielded
	})
	return shielded
}

// exitPropagates reports a `return` (bare, `return None` or `return False`)
// that an `__exit__`/`__aexit__` method reaches only when the exception the
// handler caught is the one the method was given (`if exc is value:
// return False`): a falsy return from an exit method lets that exception,
// the cancellation included, propagate, as contextlib's own context managers
// rely on.
func exitPropagates(m *analysis.Module, ret *analysis.Node, caught string) bool {
	if caught == "" {
		return false
	}
	if vals := ret.NamedChildren(); len(vals) > 0 {
		if v := m.File.Text(vals[0]); v != "False" && v != "None" {
			return false
		}
	}
	def := enclosingFunc(ret)
	if def == nil {
		return false
	}
	if name := m.File.Text(def.ChildByField("name")); name != "__exit__" && name != "__aexit__" {
		return false
	}
	params := def.ChildByField("parameters").NamedChildren()
	if len(params) < 3 {
		return false
	}
	value := m.File.Text(params[2])
	if i := strings.IndexAny(value, ":="); i >= 0 {
		value = strings.TrimSpace(value[:i])
	}
	for q := ret.Parent; q != nil && q != def; q = q.Parent {
		if q.Type() != "block" || q.Parent == nil || q.Parent.Type() != "if_statement" || q.Field() != "consequence" {
			continue
		}
		cond := analysis.Unparen(q.Parent.ChildByField("condition"))
		if cond.Type() != "comparison_operator" || len(cond.NamedChildren()) != 2 {
			continue
		}
		ops := cond.NamedChildren()
		l, r := m.File.Text(ops[0]), m.File.Text(ops[1])
		if strings.Join(strings.Fields(m.File.Text(cond)[len(l):len(m.File.Text(cond))-len(r)]), " ") == "is" &&
			(l == caught && r == value || l == value && r == caught) {
			return true
		}
	}
	return false
}

// endsUnobservedTask reports a handler whose swallowing nobody can observe:
// it sits in a coroutine function private to its module (a nested def, or a
// `_name` that is not a dunder) that the module only ever starts as a new
// task (`create_task(self._reader())`, never awaited, never passed around),
// and every path out of the handler ends that task promptly: `return`, or
// falling through / breaking out of the loop to the end of the function with
// no further await. Such a task's cancellation is only seen as its final
// state (finished rather than cancelled); asyncio.run's shutdown, a
// TaskGroup and `t.cancel(); await t` all complete the same. A public
// function may be awaited by callers the module cannot see, so it is still
// reported, and so is a handler after which the task keeps running.
func endsUnobservedTask(m *analysis.Module, try, handler *analysis.Node) bool {
	f := m.FunctionAt(try)
	if f == nil || !f.Async || f.Lambda {
		return false
	}
	private := strings.HasPrefix(f.Name, "_") && !strings.HasSuffix(f.Name, "__")
	if !private && enclosingFunc(f.Node) == nil {
		return false
	}
	if usedUncalled(m, f.Name) {
		return false // handed to something else: how it is run is unknown
	}
	started := 0
	for _, c := range m.Calls {
		if c.Target != f { // the module's own calls: the answer depends on this file alone
			continue
		}
		if c.Usage != analysis.UsageScheduled || c.UsedBy == nil || c.UsedBy.Type() != "call" {
			return false
		}
		fn := m.File.Text(c.UsedBy.ChildByField("function"))
		if !pylib.Method(fn[strings.LastIndex(fn, ".")+1:], pylib.StartsTask) {
			return false
		}
		started++
	}
	if started == 0 {
		return false
	}
	breaks, continues := handlerExits(handler)
	if continues {
		return false
	}
	if fallsThrough(m, statements(handler)) && !quietTail(m, try) {
		return false
	}
	if breaks {
		loop := try.Parent
		for loop != nil && loop.Type() != "while_statement" && loop.Type() != "for_statement" && !isDef(loop) {
			loop = loop.Parent
		}
		if loop == nil || isDef(loop) || !quietTail(m, loop) {
			return false
		}
	}
	return true
}

// handlerExits reports the break and continue statements of an except
// block (not those of loops or functions nested in it).
func handlerExits(body *analysis.Node) (breaks, continues bool) {
	var walk func(n *analysis.Node, inLoop bool)
	walk = func(n *analysis.Node, inLoop bool) {
		switch n.Type() {
		case "function_definition", "lambda", "class_definition":
			return
		case "break_statement":
			breaks = breaks || !inLoop
			return
		case "continue_statement":
			continues = continues || !inLoop
			return
		case "for_statement", "while_statement":
			for _, c := range n.Children() {
				walk(c, inLoop || c.Field() == "body")
			}
			return
		}
		for _, c := range n.Children() {
			walk(c, inLoop)
		}
	}
	walk(body, false)
	return
}

// quietTail reports whether control leaving statement n runs to the end of
// its function without another checkpoint and without looping back: no loop
// encloses n inside the function, and no statement after n (at any level)
// awaits.
func quietTail(m *analysis.Module, n *analysis.Node) bool {
	for q := n; q.Parent != nil && !isDef(q.Parent); q = q.Parent {
		parent := q.Parent
		if (parent.Type() == "while_statement" || parent.Type() == "for_statement") && q.Field() == "body" {
			return false
		}
		if parent.Type() != "block" && parent.Type() != "module" {
			continue
		}
		after := false
		for _, s := range parent.NamedChildren() {
			if after && hasCheckpoint(m, s, false, nil) {
				return false
			}
			after = after || s == q
		}
	}
	return true
}

// usedUncalled reports whether the module mentions name other than by
// calling it or defining it (`callback=self._reader`, `spawn(_drain)`).
func usedUncalled(m *analysis.Module, name string) bool {
	found := false
	m.File.Root.Walk(func(n *analysis.Node) bool {
		if found {
			return false
		}
		if n.Type() != "identifier" || m.File.Text(n) != name {
			return true
		}
		ref := n
		if p := n.Parent; p != nil && p.Type() == "attribute" && n.Field() == "attribute" {
			ref = p
		}
		switch p := ref.Parent; {
		case p == nil:
		case p.Type() == "function_definition" && ref.Field() == "name":
		case p.Type() == "call" && ref.Field() == "function":
		default:
			found = true
		}
		return false
	})
	return found
}
