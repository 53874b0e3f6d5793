package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// Syntax helpers shared by the structural rules (ASYNC1xx, ASYNC9xx, ASL1xx).

// qualName returns the qualified name expression n denotes ("asyncio.timeout"),
// following imports; an unbound dotted name rooted at a pylib.FaceValue module is
// taken as written.
func qualName(m *analysis.Module, n *analysis.Node) string {
	n = analysis.Unparen(n)
	if n == nil {
		return ""
	}
	if r := m.Resolve(n); r.Name != "" {
		return r.Name
	}
	return faceValueName(m, n)
}

// calleeName is calleeOf for a call of m's model: its Callee is what
// Resolve names (the model resolved it when m was built), so only the
// face-value reading is left to do. Resolving every call's callee again
// was 3 % of a check's CPU on /work/corpus/src (ASL106's hand-offs alone
// ask it of every call).
func calleeName(m *analysis.Module, c *analysis.Call) string {
	if c.Callee != "" {
		return c.Callee
	}
	return faceValueName(m, analysis.Unparen(c.Node.ChildByField("function")))
}

// faceValueName reads an unresolved dotted name at face value when its
// root names a well-known module not bound in the file (pylib.FaceValue:
// `subprocess.run` with no import, as flake8-async reads it), else "".
func faceValueName(m *analysis.Module, n *analysis.Node) string {
	if n == nil || n.Type() != "attribute" && n.Type() != "identifier" {
		return ""
	}
	text := m.File.Text(n)
	root := text
	if i := strings.IndexByte(text, '.'); i >= 0 {
		root = text[:i]
	}
	if root != "" && pylib.Is(root, pylib.FaceValue) && m.ScopeAt(n).Lookup(root) == nil && !strings.ContainsAny(text, " \t\n()[]") {
		return text
	}
	return ""
}

// calleeOf returns the qualified name of the function called by call node n.
func calleeOf(m *analysis.Module, n *analysis.Node) string {
	n = analysis.Unparen(n)
	if n == nil || n.Type() != "call" {
		return ""
	}
	return qualName(m, n.ChildByField("function"))
}

// isDef reports whether n opens a new function or class body.
func isDef(n *analysis.Node) bool {
	switch n.Type() {
	case "function_definition", "lambda", "class_definition":
		return true
	}
	return false
}

// walkBody walks n without entering nested defs, lambdas and classes.
func walkBody(n *analysis.Node, fn func(*analysis.Node) bool) {
	if n == nil {
		return
	}
	n.Walk(func(c *analysis.Node) bool {
		if c != n && isDef(c) {
			return false
		}
		if c != n && c.Type() == "decorated_definition" {
			return false
		}
		return fn(c)
	})
}

// withItems returns the context expressions of a with_statement and the
// node bound by `as` (nil when none), in order.
func withItems(with *analysis.Node) (exprs, aliases []*analysis.Node) {
	for _, c := range with.Children() {
		if c.Type() != "with_clause" {
			continue
		}
		for _, item := range c.NamedChildren() {
			if item.Type() != "with_item" {
				continue
			}
			v := item.ChildByField("value")
			if v == nil {
				continue
			}
			var alias *analysis.Node
			if v.Type() == "as_pattern" {
				alias = v.ChildByField("alias")
				if named := v.NamedChildren(); len(named) > 0 {
					v = named[0]
				}
				if alias != nil {
					if inner := alias.NamedChildren(); len(inner) == 1 {
						alias = inner[0]
					}
				}
			}
			exprs = append(exprs, analysis.Unparen(v))
			aliases = append(aliases, alias)
		}
	}
	return exprs, aliases
}

// contextKind classifies a with-item expression: "timeout", "taskgroup" or "".
func contextKind(m *analysis.Module, expr *analysis.Node) (kind, name string) {
	name = calleeOf(m, expr)
	switch {
	case pylib.Is(name, pylib.TimeoutScope):
		return "timeout", name
	case pylib.Is(name, pylib.TaskGroupOpener):
		return "taskgroup", name
	}
	return "", name
}

// isAsyncStmt reports whether a with/for statement or comprehension clause is async.
func isAsyncStmt(n *analysis.Node) bool { return n.HasToken("async") }

// hasCheckpoint reports whether n contains an await, async for, async with or
// async comprehension (and, when yields is true, a yield) outside nested
// functions. ignoreWith, when non-nil, says an async with does not count.
func hasCheckpoint(m *analysis.Module, n *analysis.Node, yields bool, ignoreWith func(*analysis.Node) bool) bool {
	found := false
	if n == nil {
		return false
	}
	n.Walk(func(c *analysis.Node) bool {
		if found {
			return false
		}
		if c != n && (c.Type() == "function_definition" || c.Type() == "lambda") {
			// A nested def's body runs later, but its default values run here.
			if params := c.ChildByField("parameters"); params != nil {
				for _, p := range params.NamedChildren() {
					if v := p.ChildByField("value"); v != nil && hasCheckpoint(m, v, yields, ignoreWith) {
						found = true
					}
				}
			}
			return false
		}
		if c != n && c.Type() == "class_definition" {
			return false
		}
		switch c.Type() {
		case "generator_expression":
			// Only the first iterable is evaluated when a generator expression
			// is created; the rest runs when it is consumed.
			for _, clause := range c.NamedChildren() {
				if clause.Type() == "for_in_clause" {
					found = hasCheckpoint(m, clause.ChildByField("right"), yields, ignoreWith)
					break
				}
			}
			return false

		case "await":
			found = true
		case "yield":
			found = yields && c.Named()
		case "for_statement", "for_in_clause":
			if isAsyncStmt(c) {
				found = true
			}
		case "with_statement":
			if isAsyncStmt(c) && (ignoreWith == nil || !ignoreWith(c)) {
				found = true
			}
		}
		return !found
	})
	return found
}

// enclosingFunc returns the innermost function_definition or lambda node
// containing n (n itself excluded), or nil.
func enclosingFunc(n *analysis.Node) *analysis.Node {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == "function_definition" || p.Type() == "lambda" {
			return p
		}
	}
	return nil
}

// decoratorNames returns the qualified (or, failing that, written) names of
// a function's decorators, without call arguments.
func decoratorNames(m *analysis.Module, f *analysis.Function) []string {
	var out []string
	for _, e := range f.DecoratorCallees() {
		name := qualName(m, e)
		if name == "" {
			// A decorator imported with a fallback assignment for a failed
			// import is written for what the try imports.
			name = m.ImportUnlessFailed(analysis.Unparen(e))
		}
		if name == "" {
			name = m.File.Text(e)
		}
		out = append(out, name)
	}
	return out
}

// hasDecorator reports whether one of f's decorators ends in one of names
// ("asynccontextmanager" matches contextlib.asynccontextmanager).
func hasDecorator(m *analysis.Module, f *analysis.Function, names ...string) bool {
	for _, d := range decoratorNames(m, f) {
		last := d[strings.LastIndexByte(d, '.')+1:]
		for _, n := range names {
			if last == n || d == n {
				return true
			}
		}
	}
	return false
}

// emptyBody reports whether a function body holds only pass, ... and strings.
func emptyBody(def *analysis.Node) bool {
	body := def.ChildByField("body")
	if body == nil {
		return true
	}
	for _, s := range body.NamedChildren() {
		switch s.Type() {
		case "pass_statement":
			continue
		case "expression_statement":
			named := s.NamedChildren()
			if len(named) == 1 && (named[0].Type() == "ellipsis" || named[0].Type() == "string" || named[0].Type() == "concatenated_string") {
				continue
			}
		}
		return false
	}
	return true
}

// funcByNode maps function nodes of m to their Function.
func funcByNode(m *analysis.Module) map[*analysis.Node]*analysis.Function {
	out := make(map[*analysis.Node]*analysis.Function, len(m.Functions))
	for _, f := range m.Functions {
		out[f.Node] = f
	}
	return out
}

// callByNode maps call nodes of m to their Call.
func callByNode(m *analysis.Module) map[*analysis.Node]*analysis.Call {
	out := make(map[*analysis.Node]*analysis.Call, len(m.Calls))
	for _, c := range m.Calls {
		out[c.Node] = c
	}
	return out
}

// exceptClauses returns the except / except* clauses of a try statement.
func exceptClauses(try *analysis.Node) []*analysis.Node {
	var out []*analysis.Node
	for _, c := range try.Children() {
		if c.Type() == "except_clause" || c.Type() == "except_group_clause" {
			out = append(out, c)
		}
	}
	return out
}

// exceptParts splits an except clause into the caught type expression (nil
// for a bare except), the bound name (nil when none) and the body block.
func exceptParts(clause *analysis.Node) (typ, name, body *analysis.Node) {
	for _, c := range clause.NamedChildren() {
		switch {
		case c.Type() == "block":
			body = c
		case c.Type() == "as_pattern":
			if named := c.NamedChildren(); len(named) > 0 {
				typ = named[0]
			}
			if alias := c.ChildByField("alias"); alias != nil {
				if inner := alias.NamedChildren(); len(inner) == 1 {
					name = inner[0]
				} else {
					name = alias
				}
			}
		case typ == nil:
			typ = c
		}
	}
	return typ, name, body
}

// statements returns the statements of a block (or the block-like body of a clause).
func statements(block *analysis.Node) []*analysis.Node {
	if block == nil {
		return nil
	}
	return block.NamedChildren()
}

// funcDisplay names a function for messages.
func funcDisplay(f *analysis.Function) string {
	if f == nil {
		return "<module>"
	}
	if f.Lambda {
		return "<lambda>"
	}
	return f.Name
}

// isYield reports whether n is a yield expression (not the keyword token).
func isYield(n *analysis.Node) bool { return n.Type() == "yield" && n.Named() }

// isAncestor reports whether a is n or one of its ancestors.
func isAncestor(a, n *analysis.Node) bool {
	for q := n; q != nil; q = q.Parent() {
		if q == a {
			return true
		}
	}
	return false
}

// withStatementOf returns the with statement whose item is call, or nil.
func withStatementOf(call *analysis.Node) *analysis.Node {
	n := call
	for p := n.Parent(); p != nil; n, p = p, p.Parent() {
		switch p.Type() {
		case "as_pattern":
			if p.ChildByField("alias") == n {
				return nil
			}
		case "with_item", "with_clause", "parenthesized_expression":
		case "with_statement":
			return p
		default:
			return nil
		}
	}
	return nil
}

// inWithBody reports whether n lies in the body of with statement w (not its items).
func inWithBody(w, n *analysis.Node) bool {
	body := w.ChildByField("body")
	for q := n; q != nil && q != w; q = q.Parent() {
		if q == body {
			return true
		}
	}
	return false
}

// raisesNotImplemented reports whether a function body is a stub that
// raises NotImplementedError.
func raisesNotImplemented(f *analysis.File, def *analysis.Node) bool {
	if !stubBody(f, def) {
		return false
	}
	for _, s := range statements(def.ChildByField("body")) {
		if s.Type() == "raise_statement" {
			return true
		}
	}
	return false
}

// definesMethod reports whether class c or one of its project base classes
// (in any module) defines method name: `class Group(MultiError,
// ExceptionGroup)` inherits MultiError's derive.
func definesMethod(p *Pass, c *analysis.Class, name string, depth int) bool {
	if _, ok := c.Methods[name]; ok {
		return true
	}
	if depth > 8 {
		return false
	}
	for _, base := range projectBases(p, c) {
		if definesMethod(p, base, name, depth+1) {
			return true
		}
	}
	return false
}

// projectBases are the base classes of c that the project defines (in any
// module), resolved in c's module or else by qualified name; keyword
// arguments (metaclass=...) and c itself are left out. ASYNC126 (through
// definesMethod) and ASYNC109 (a method overriding a base's) walk the same
// bases through it.
func projectBases(p *Pass, c *analysis.Class) []*analysis.Class {
	var bases []*analysis.Class
	m := c.Module()
	for _, b := range c.Bases {
		if b.Type() == "keyword_argument" {
			continue
		}
		r := m.Resolve(b)
		base := r.Class
		if base == nil && r.Name != "" && p.Project != nil {
			base = p.Project.Lookup(r.Name).Class
		}
		if base != nil && base != c {
			bases = append(bases, base)
		}
	}
	return bases
}

// returnsAwaitable reports a call of a sync def whose result the coroutine
// awaits or schedules: a decorator (`@sync_to_async`, a thread-pool
// wrapper) has turned it into something asynchronous, so its body does not
// run on the event loop's thread.
func returnsAwaitable(c *analysis.Call) bool {
	return c.Usage == analysis.UsageAwaited || c.Usage == analysis.UsageScheduled
}
