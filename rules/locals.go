package rules

import "github.com/asyncls/asyncls/analysis"

// localUses returns the identifiers that read the binding of the plain local
// name assigned by assign (an assignment statement in a function), in
// source order, and whether the name is also rebound or captured by a
// nested function (in which case its life cannot be followed).
func localUses(m *analysis.Module, assign *analysis.Node) (name string, uses []*analysis.Node, ok bool) {
	local, found := assignedLocal(m, assign)
	if !found || local.binding.Kind != analysis.BindAssign || len(local.binding.Values) != 1 {
		return "", nil, false
	}
	uses, ok = bindingUses(m, local.scope, local.binding, local.target)
	return local.name, uses, ok
}

// assignedName is a plain local name an assignment statement binds, with
// its scope and binding.
type assignedName struct {
	name    string
	target  *analysis.Node
	scope   *analysis.Scope
	binding *analysis.Binding
}

// assignedLocal returns the plain local name an assignment statement in a
// function binds (not a global or nonlocal one).
func assignedLocal(m *analysis.Module, assign *analysis.Node) (assignedName, bool) {
	if assign == nil || assign.Type() != "assignment" {
		return assignedName{}, false
	}
	target := analysis.Unparen(assign.ChildByField("left"))
	if target == nil || target.Type() != "identifier" {
		return assignedName{}, false
	}
	scope := m.ScopeAt(target)
	if scope.Kind != analysis.FunctionScope && scope.Kind != analysis.LambdaScope {
		return assignedName{}, false
	}
	name := m.File.Text(target)
	if scope.Global(name) || scope.Nonlocal(name) {
		return assignedName{}, false
	}
	binding := scope.Bindings.Get(name)
	if binding == nil {
		return assignedName{}, false
	}
	return assignedName{name: name, target: target, scope: scope, binding: binding}, true
}

// bindingUses returns the identifiers of scope's body that read binding
// (target, the assigned name, aside), in source order; ok is false when a
// nested function or comprehension reads it.
func bindingUses(m *analysis.Module, scope *analysis.Scope, binding *analysis.Binding, target *analysis.Node) (uses []*analysis.Node, ok bool) {
	name := binding.Name
	ok = true
	scope.Node.ChildByField("body").Walk(func(n *analysis.Node) bool {
		if !ok {
			return false
		}
		if n == target || n.Type() != "identifier" || m.File.Text(n) != name || n.Field() == "attribute" ||
			(n.Parent() != nil && n.Parent().Type() == "keyword_argument" && n.Field() == "name") {
			return true
		}
		if m.ScopeAt(n).Lookup(name) != binding {
			return true
		}
		if p := n.Parent(); p != nil && p.Type() == "assignment" && n.Field() == "left" {
			return true // another assignment of the name stores, it does not read
		}
		if m.ScopeAt(n) != scope {
			ok = false // captured by a nested function or comprehension
			return false
		}
		uses = append(uses, n)
		return true
	})
	return uses, ok
}

// useKind classifies what happens to a name at one use: "await", "schedule"
// (handed to gather/create_task/...), "method:NAME" (obj.NAME(...)) or "other".
func useKind(m *analysis.Module, n *analysis.Node) string {
	n, p := analysis.ParenParent(n)
	if p == nil {
		return "other"
	}
	switch p.Type() {
	case "await":
		return "await"
	case "argument_list":
		if p.Parent() != nil && p.Parent().Type() == "call" && m.IsScheduler(p.Parent()) {
			return "schedule"
		}
	case "list", "tuple", "set":
		// gather(*[a, b]) / wait([a, b]): a container handed straight to a scheduler.
		q := p.Parent()
		for q != nil && (q.Type() == "list_splat" || q.Type() == "parenthesized_expression") {
			q = q.Parent()
		}
		if q != nil && q.Type() == "argument_list" && q.Parent() != nil && m.IsScheduler(q.Parent()) {
			return "schedule"
		}
	case "attribute":
		if n.Field() == "object" && p.Parent() != nil && p.Parent().Type() == "call" && p.Field() == "function" {
			return "method:" + m.File.Text(p.ChildByField("attribute"))
		}
	}
	return "other"
}

// exclusiveBranches reports whether a and b lie in different branches of
// an if statement (so at most one of them runs).
func exclusiveBranches(a, b *analysis.Node) bool {
	for q := a.Parent(); q != nil; q = q.Parent() {
		if !isAncestor(q, b) {
			continue
		}
		if q.Type() != "if_statement" {
			return false
		}
		branch := func(n *analysis.Node) *analysis.Node {
			for r := n; r != nil && r.Parent() != nil; r = r.Parent() {
				if r.Parent() == q {
					return r
				}
			}
			return nil
		}
		ba, bb := branch(a), branch(b)
		return ba != bb && ba != nil && bb != nil && ba.Field() != "condition" && bb.Field() != "condition"
	}
	return false
}

// inLoopAfter reports whether use sits in a loop body that does not also
// contain def (so it may run several times for one assignment).
func inLoopAfter(use, def *analysis.Node) bool {
	for q := use.Parent(); q != nil && !isDef(q); q = q.Parent() {
		if (q.Type() == "for_statement" || q.Type() == "while_statement") && isAncestor(q.ChildByField("body"), use) && !isAncestor(q, def) {
			return true
		}
	}
	return false
}
