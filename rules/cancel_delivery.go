package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
)

// shieldingScopes are trio's and anyio's cancel scopes; with `shield=True`
// they keep the enclosing scopes' cancellation away from their body.
var shieldingScopes = map[string]bool{"CancelScope": true, "move_on_after": true, "move_on_at": true,
	"fail_after": true, "fail_at": true}

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
	if n.Type == "with_statement" && !isAsyncStmt(n) && shieldedWith(m, n) {
		return false
	}
	if !containsShieldedWith(m, n) {
		return hasCheckpoint(m, n, false, nil)
	}
	if (n.Type == "with_statement" || n.Type == "for_statement") && isAsyncStmt(n) {
		return true
	}
	for _, c := range n.Children {
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
		if c.Type == "with_statement" && !isAsyncStmt(c) && shieldedWith(m, c) {
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
		if shielded || c.Type == "block" {
			return false
		}
		if c.Type != "call" {
			return true
		}
		fn := m.File.Text(c.ChildByField("function"))
		if !shieldingScopes[fn[strings.LastIndex(fn, ".")+1:]] {
			return true
		}
		if args := c.ChildByField("arguments"); args != nil {
			for _, a := range args.NamedChildren() {
				if a.Type == "keyword_argument" && m.File.Text(a.ChildByField("name")) == "shield" &&
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
		if q.Type != "block" || q.Parent == nil || q.Parent.Type != "if_statement" || q.Field != "consequence" {
			continue
		}
		cond := analysis.Unparen(q.Parent.ChildByField("condition"))
		if cond.Type != "comparison_operator" || len(cond.NamedChildren()) != 2 {
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
