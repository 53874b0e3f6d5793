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
// comprehension's `for` clause (not `async for`), or the argument of a
// builtin that consumes it (`list(qs)`, `sorted(qs)`). The query runs at
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
			var expr *analysis.Node
			switch n.Type() {
			case "for_statement", "for_in_clause":
				if !n.HasToken("async") {
					expr = n.ChildByField("right")
				}
			case "call":
				fn := n.ChildByField("function")
				args := n.ChildByField("arguments")
				if fn != nil && fn.Type() == "identifier" && args != nil && len(args.NamedChildren()) == 1 {
					name := m.File.Text(fn)
					if pylib.Method(name, pylib.ConsumesIterable) && m.IsBuiltin(fn, name) {
						expr = args.NamedChildren()[0]
					}
				}
			}
			if expr = analysis.Unparen(expr); expr == nil || expr.Type() == "list_splat" || expr.Type() == "keyword_argument" {
				return true
			}
			r := m.Resolve(expr)
			if r.Name == "" && r.Via != "" && p.Project != nil {
				r = p.Project.ResolveVia(r.Via)
			}
			if !r.Instance || r.Name == "" {
				return true
			}
			if instead, ok := pylib.QueryOnIteration[r.Name]; ok {
				out = append(out, iteratedQuery{Expr: expr, Func: f, Type: r.Name, Instead: instead})
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
