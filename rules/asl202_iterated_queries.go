package rules

import (
	"fmt"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// iteratedQuery is an expression a coroutine iterates synchronously whose
// type runs a query when iterated (pylib.QueryOnIteration).
type iteratedQuery struct {
	Expr    *analysis.Node
	Func    *analysis.Function
	Type    string
	Instead string
}

// iteratedQueries returns the lazy queries (a Django QuerySet) that the
// module's coroutines iterate in place: the iterable of a `for` or of a
// comprehension's `for` clause (not `async for`), or the first argument of
// a builtin that consumes it (`list(qs)`, `sorted(qs, key=...)`), also
// through `enumerate`, `reversed` and `zip` (`for i, o in enumerate(qs)`). The query runs at
// that iteration, on the event loop; building the queryset (`filter`,
// `only`, a slice) sends nothing.
func iteratedQueries(p *Pass) []iteratedQuery {
	m := p.Module
	var out []iteratedQuery
	for _, f := range m.Functions {
		if !f.Async || f.Lambda {
			continue
		}
		body := f.Node.ChildByField("body")
		walkBody(body, func(n *analysis.Node) bool {
			var exprs []*analysis.Node
			switch n.Type() {
			case "for_statement", "for_in_clause":
				if !n.HasToken("async") {
					exprs = iteratedThrough(m, n.ChildByField("right"))
				}
			case "call":
				if name, args := builtinCallArgs(m, n); pylib.Method(name, pylib.ConsumesIterable) && len(args) > 0 &&
					!(len(args) > 1 && (name == "min" || name == "max")) {
					// `sorted(qs, key=...)`, `sum(qs, start)`: the first
					// argument is iterated (min and max of several
					// arguments compare them)
					exprs = iteratedThrough(m, args[0])
				}
			}
			for _, expr := range exprs {
				r := m.Resolve(expr)
				if r.Name == "" && r.Via != "" && p.Project != nil {
					r = p.Project.ResolveVia(r.Via)
				}
				if !r.Instance || r.Name == "" {
					continue
				}
				if instead, ok := pylib.QueryOnIteration[r.Name]; ok {
					out = append(out, iteratedQuery{Expr: expr, Func: f, Type: r.Name, Instead: instead})
				}
			}
			return true
		})
	}
	return out
}

// reportIteratedQueries reports each of iteratedQueries, without a fix (the
// iteration is the statement's own, not a call to move to a thread).
func reportIteratedQueries(p *Pass) {
	for _, q := range iteratedQueries(p) {
		p.Report(q.Expr, fmt.Sprintf("`%s` (%s) is iterated here, which runs its query and blocks the event loop in async function `%s`; %s",
			p.Module.File.Text(q.Expr), q.Type, q.Func.Name, q.Instead))
	}
}

// builtinCallArgs returns, for a call of a builtin by its bare name, the
// name and the positional arguments (none after a splat); "" otherwise.
func builtinCallArgs(m *analysis.Module, call *analysis.Node) (string, []*analysis.Node) {
	fn := call.ChildByField("function")
	args := call.ChildByField("arguments")
	if fn == nil || fn.Type() != "identifier" || args == nil || args.Type() != "argument_list" {
		return "", nil
	}
	name := m.File.Text(fn)
	if !m.IsBuiltin(fn, name) {
		return "", nil
	}
	var out []*analysis.Node
	for _, a := range args.NamedChildren() {
		switch a.Type() {
		case "list_splat", "dictionary_splat":
			return name, out
		case "keyword_argument", "comment":
			continue
		}
		out = append(out, a)
	}
	return name, out
}

// iteratedThrough returns the expressions a loop over expr iterates: expr
// itself, or the iterables `enumerate(qs)`, `reversed(qs)` and `zip(a, b)`
// iterate as the loop goes.
func iteratedThrough(m *analysis.Module, expr *analysis.Node) []*analysis.Node {
	expr = analysis.Unparen(expr)
	if expr == nil {
		return nil
	}
	if expr.Type() == "call" {
		switch name, args := builtinCallArgs(m, expr); {
		case (name == "enumerate" || name == "reversed") && len(args) > 0:
			return iteratedThrough(m, args[0])
		case name == "zip":
			var out []*analysis.Node
			for _, a := range args {
				out = append(out, iteratedThrough(m, a)...)
			}
			return out
		}
	}
	if expr.Type() == "list_splat" || expr.Type() == "keyword_argument" {
		return nil
	}
	return []*analysis.Node{expr}
}
