// Package pyfront translates Python source (parsed by package analysis)
// into loopsim's IR and runs the simulation. It never executes the code.
package pyfront

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/loopsim"
)

type translator struct {
	f *analysis.File
	// file names f in the positions of another module of the project
	// ("" for the simulated program's own file).
	file    string
	latency map[int]float64 // per-line "# asyncls: latency=..." overrides (0-based line)
	used    map[int]bool
}

var latencyComment = regexp.MustCompile(`asyncls:\s*latency\s*=\s*([0-9.]+\s*[a-zµ]*)`)

// ParseDuration reads "200ms", "0.2s", "1.5" (seconds), "150us", "2m".
func ParseDuration(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		if f < 0 || math.IsNaN(f) || math.IsInf(f, 0) {
			return 0, fmt.Errorf("invalid duration %q", s)
		}
		return f, nil
	}
	d, err := time.ParseDuration(strings.ReplaceAll(s, " ", ""))
	if err != nil || d < 0 {
		return 0, fmt.Errorf("invalid duration %q (use e.g. 120ms, 0.5s)", s)
	}
	return d.Seconds(), nil
}

// Translate converts a parsed file into a loopsim program. Constructs it
// cannot express become Unknown/Unsupported nodes, which the simulator
// reports as assumptions.
func Translate(f *analysis.File) *loopsim.Program {
	return translateAs(f, "")
}

// translateAs is Translate with positions naming file (another module of
// the project, see Project).
func translateAs(f *analysis.File, file string) *loopsim.Program {
	t := &translator{f: f, file: file, latency: map[int]float64{}, used: map[int]bool{}}
	for _, c := range f.Comments {
		if m := latencyComment.FindStringSubmatch(f.Text(c)); m != nil {
			if d, err := ParseDuration(m[1]); err == nil {
				t.latency[f.Lines.Position(int(c.Start)).Line] = d
			}
		}
	}
	return &loopsim.Program{Path: f.Path, Body: t.block(f.Root)}
}

func (t *translator) pos(n *analysis.Node) loopsim.Pos {
	return loopsim.Pos{Offset: int(n.Start), Line: t.f.Lines.Position(int(n.Start)).Line + 1, File: t.file}
}

func (t *translator) text(n *analysis.Node) string { return t.f.Text(n) }

func (t *translator) block(n *analysis.Node) []loopsim.Stmt {
	var out []loopsim.Stmt
	if n == nil {
		return nil
	}
	for _, c := range n.NamedChildren() {
		out = append(out, t.stmt(c)...)
	}
	return out
}

func (t *translator) unsupported(n *analysis.Node, what string) []loopsim.Stmt {
	return []loopsim.Stmt{&loopsim.Unsupported{What: what, P: t.pos(n)}}
}

func (t *translator) stmt(n *analysis.Node) []loopsim.Stmt {
	p := t.pos(n)
	switch n.Type() {
	case "expression_statement":
		named := n.NamedChildren()
		if len(named) == 1 {
			c := named[0]
			switch c.Type() {
			case "assignment":
				return t.assignment(c)
			case "augmented_assignment":
				op := strings.TrimSuffix(t.text(c.ChildByField("operator")), "=")
				return []loopsim.Stmt{&loopsim.AugAssign{Target: t.expr(c.ChildByField("left")), Op: op, Value: t.expr(c.ChildByField("right")), P: p}}
			}
			return []loopsim.Stmt{&loopsim.ExprStmt{X: t.expr(c), P: p}}
		}
		var elts []loopsim.Expr
		for _, c := range named {
			elts = append(elts, t.expr(c))
		}
		return []loopsim.Stmt{&loopsim.ExprStmt{X: &loopsim.ListExpr{Kind: "tuple", Elts: elts, P: p}, P: p}}
	case "return_statement":
		var v loopsim.Expr
		if named := n.NamedChildren(); len(named) == 1 {
			v = t.expr(named[0])
		} else if len(named) > 1 {
			v = t.tupleOf(named, p)
		}
		return []loopsim.Stmt{&loopsim.Return{Value: v, P: p}}
	case "pass_statement":
		return []loopsim.Stmt{&loopsim.Pass{P: p}}
	case "break_statement":
		return []loopsim.Stmt{&loopsim.Break{P: p}}
	case "continue_statement":
		return []loopsim.Stmt{&loopsim.Continue{P: p}}
	case "raise_statement":
		r := &loopsim.Raise{P: p}
		for _, c := range n.NamedChildren() {
			if c.Field() == "cause" {
				r.Cause = t.expr(c)
			} else if r.Exc == nil {
				r.Exc = t.expr(c)
			}
		}
		return []loopsim.Stmt{r}
	case "global_statement", "nonlocal_statement":
		g := &loopsim.Global{Nonlocal: n.Type() == "nonlocal_statement", P: p}
		for _, c := range n.NamedChildren() {
			g.Names = append(g.Names, t.text(c))
		}
		return []loopsim.Stmt{g}
	case "if_statement", "elif_clause":
		st := &loopsim.If{Cond: t.expr(n.ChildByField("condition")), Body: t.block(n.ChildByField("consequence")), P: p}
		alts := n.ChildrenByField("alternative")
		if n.Type() == "if_statement" && len(alts) > 0 {
			// Chain elif/else clauses right to left.
			var rest []loopsim.Stmt
			for i := len(alts) - 1; i >= 0; i-- {
				a := alts[i]
				if a.Type() == "else_clause" {
					rest = t.block(a.ChildByField("body"))
					continue
				}
				el := t.stmt(a)[0].(*loopsim.If)
				el.Else = rest
				rest = []loopsim.Stmt{el}
			}
			st.Else = rest
		}
		return []loopsim.Stmt{st}
	case "for_statement":
		st := &loopsim.For{Target: t.target(n.ChildByField("left")), Iter: t.expr(n.ChildByField("right")),
			Body: t.block(n.ChildByField("body")), Async: n.HasToken("async"), P: p}
		if alt := n.ChildByField("alternative"); alt != nil {
			st.Else = t.block(alt.ChildByField("body"))
		}
		return []loopsim.Stmt{st}
	case "while_statement":
		st := &loopsim.While{Cond: t.expr(n.ChildByField("condition")), Body: t.block(n.ChildByField("body")), P: p}
		if alt := n.ChildByField("alternative"); alt != nil {
			st.Else = t.block(alt.ChildByField("body"))
		}
		return []loopsim.Stmt{st}
	case "try_statement":
		return []loopsim.Stmt{t.try(n)}
	case "with_statement":
		st := &loopsim.With{Async: n.HasToken("async"), Body: t.block(n.ChildByField("body")), P: p}
		for _, c := range n.NamedChildren() {
			if c.Type() != "with_clause" {
				continue
			}
			for _, item := range c.NamedChildren() {
				v := item.ChildByField("value")
				if v == nil {
					continue
				}
				wi := loopsim.WithItem{}
				if v.Type() == "as_pattern" {
					named := v.NamedChildren()
					wi.Ctx = t.expr(named[0])
					if alias := v.ChildByField("alias"); alias != nil {
						an := alias.NamedChildren()
						if len(an) == 1 {
							wi.Target = t.target(an[0])
						}
					}
				} else {
					wi.Ctx = t.expr(v)
				}
				st.Items = append(st.Items, wi)
			}
		}
		return []loopsim.Stmt{st}
	case "function_definition":
		return []loopsim.Stmt{&loopsim.FuncDef{Func: t.function(n, nil), P: p}}
	case "class_definition":
		return []loopsim.Stmt{t.class(n)}
	case "decorated_definition":
		var decs []loopsim.Expr
		for _, c := range n.NamedChildren() {
			if c.Type() == "decorator" {
				if dn := c.NamedChildren(); len(dn) == 1 {
					decs = append(decs, t.expr(dn[0]))
				}
			}
		}
		def := n.ChildByField("definition")
		if def == nil {
			return nil
		}
		if def.Type() == "function_definition" {
			return []loopsim.Stmt{&loopsim.FuncDef{Func: t.function(def, decs), P: p}}
		}
		out := t.stmt(def)
		if len(out) == 1 {
			if cd, ok := out[0].(*loopsim.ClassDef); ok {
				cd.Decorators = decs
			}
		}
		return out
	case "import_statement":
		var out []loopsim.Stmt
		for _, c := range n.ChildrenByField("name") {
			if c.Type() == "aliased_import" {
				out = append(out, &loopsim.Import{Module: t.text(c.ChildByField("name")), As: t.text(c.ChildByField("alias")), P: p})
			} else {
				out = append(out, &loopsim.Import{Module: t.text(c), P: p})
			}
		}
		return out
	case "import_from_statement":
		mod := n.ChildByField("module_name")
		if mod == nil {
			return t.unsupported(n, "relative import")
		}
		st := &loopsim.ImportFrom{Module: t.text(mod), P: p}
		if mod.Type() == "relative_import" {
			// from . import x, from ..pkg.mod import y: resolved by the
			// simulator from the module's own name (Program.Module).
			st.Module = ""
			for _, c := range mod.Children() {
				switch c.Type() {
				case "import_prefix":
					st.Level = strings.Count(t.text(c), ".")
				case "dotted_name":
					st.Module = t.text(c)
				}
			}
		}
		for _, c := range n.NamedChildren() {
			switch {
			case c.Type() == "wildcard_import":
				st.Names = append(st.Names, [2]string{"*", "*"})
			case c.Field() != "name":
			case c.Type() == "aliased_import":
				st.Names = append(st.Names, [2]string{t.text(c.ChildByField("name")), t.text(c.ChildByField("alias"))})
			default:
				st.Names = append(st.Names, [2]string{t.text(c), t.text(c)})
			}
		}
		return []loopsim.Stmt{st}
	case "future_import_statement", "comment", "delete_statement", "assert_statement", "type_alias_statement":
		return nil
	case "match_statement":
		return []loopsim.Stmt{t.match(n)}
	case "exec_statement", "print_statement", "ERROR":
		return t.unsupported(n, "unparsable statement")
	}
	return t.unsupported(n, n.Type())
}

func (t *translator) assignment(n *analysis.Node) []loopsim.Stmt {
	p := t.pos(n)
	var targets []loopsim.Expr
	cur := n
	for cur != nil && cur.Type() == "assignment" {
		left := cur.ChildByField("left")
		right := cur.ChildByField("right")
		if right == nil {
			return nil // a bare annotation
		}
		targets = append(targets, t.target(left))
		if right.Type() != "assignment" {
			return []loopsim.Stmt{&loopsim.Assign{Targets: targets, Value: t.expr(right), P: p}}
		}
		cur = right
	}
	return nil
}

func (t *translator) try(n *analysis.Node) loopsim.Stmt {
	st := &loopsim.Try{Body: t.block(n.ChildByField("body")), P: t.pos(n)}
	for _, c := range n.NamedChildren() {
		switch c.Type() {
		case "except_clause", "except_group_clause":
			h := loopsim.Handler{P: t.pos(c)}
			if c.Type() == "except_group_clause" || c.HasToken("*") {
				st.Star = true
			}
			for _, k := range c.NamedChildren() {
				switch k.Type() {
				case "block":
					h.Body = t.block(k)
				case "as_pattern":
					kn := k.NamedChildren()
					h.Types = []loopsim.Expr{t.expr(kn[0])}
					if alias := k.ChildByField("alias"); alias != nil {
						h.Name = strings.TrimSpace(t.text(alias))
					}
				case "list_splat":
					st.Star = true
					h.Types = []loopsim.Expr{t.expr(k.NamedChildren()[0])}
				default:
					if h.Types == nil {
						h.Types = []loopsim.Expr{t.expr(k)}
					}
				}
			}
			st.Handlers = append(st.Handlers, h)
		case "else_clause":
			st.Else = t.block(c.ChildByField("body"))
		case "finally_clause":
			for _, k := range c.NamedChildren() {
				if k.Type() == "block" {
					st.Finally = t.block(k)
				}
			}
		}
	}
	return st
}

func (t *translator) function(n *analysis.Node, decorators []loopsim.Expr) *loopsim.Func {
	fn := &loopsim.Func{
		Name:       t.text(n.ChildByField("name")),
		Async:      n.HasToken("async"),
		Decorators: decorators,
		P:          t.pos(n),
	}
	fn.Params = t.params(n.ChildByField("parameters"))
	// A latency comment on the def line (up to the body) sets the cost of
	// every call.
	if body := n.ChildByField("body"); body != nil {
		first := t.f.Lines.Position(int(n.Start)).Line
		last := max(first, t.f.Lines.Position(int(body.Start)).Line-1)
		for line := first; line <= last; line++ {
			if d, ok := t.latency[line]; ok && !t.used[line] {
				t.used[line] = true
				fn.Latency = &d
				break
			}
		}
	}
	body := n.ChildByField("body")
	fn.Body = t.block(body)
	fn.Generator = containsYield(body)
	return fn
}

// containsYield reports a yield in the function body (not in nested defs).
func containsYield(n *analysis.Node) bool {
	found := false
	n.Walk(func(c *analysis.Node) bool {
		if found {
			return false
		}
		switch c.Type() {
		case "function_definition", "class_definition", "lambda":
			return c == n
		case "yield":
			found = true
			return false
		}
		return true
	})
	return found
}

func (t *translator) params(n *analysis.Node) []loopsim.Param {
	if n == nil {
		return nil
	}
	var out []loopsim.Param
	kwOnly := false
	for _, c := range n.NamedChildren() {
		switch c.Type() {
		case "identifier":
			out = append(out, loopsim.Param{Name: t.text(c), Kind: kindOf(kwOnly)})
		case "typed_parameter":
			inner := c.NamedChildren()
			if len(inner) == 0 {
				continue
			}
			switch inner[0].Type() {
			case "list_splat_pattern":
				out = append(out, loopsim.Param{Name: t.splatName(inner[0]), Kind: loopsim.ParamVarArgs})
				kwOnly = true
			case "dictionary_splat_pattern":
				out = append(out, loopsim.Param{Name: t.splatName(inner[0]), Kind: loopsim.ParamKwArgs})
			default:
				out = append(out, loopsim.Param{Name: t.text(inner[0]), Kind: kindOf(kwOnly), Annotation: t.annotation(c)})
			}
		case "default_parameter", "typed_default_parameter":
			out = append(out, loopsim.Param{Name: t.text(c.ChildByField("name")), Default: t.expr(c.ChildByField("value")), Kind: kindOf(kwOnly), Annotation: t.annotation(c)})
		case "list_splat_pattern":
			out = append(out, loopsim.Param{Name: t.splatName(c), Kind: loopsim.ParamVarArgs})
			kwOnly = true
		case "dictionary_splat_pattern":
			out = append(out, loopsim.Param{Name: t.splatName(c), Kind: loopsim.ParamKwArgs})
		case "keyword_separator":
			kwOnly = true
		}
	}
	return out
}

// annotation translates a parameter's declared type when it is a plain
// (dotted) name; other annotations do not help the simulation.
func (t *translator) annotation(param *analysis.Node) loopsim.Expr {
	ty := param.ChildByField("type")
	if ty == nil {
		return nil
	}
	named := ty.NamedChildren()
	if len(named) != 1 {
		return nil
	}
	switch named[0].Type() {
	case "identifier", "attribute":
		return t.expr(named[0])
	case "string":
		// a forward reference such as "Client"
		name := t.stringValue(named[0])
		if name != "" && !strings.ContainsAny(name, "[]| ,") {
			var e loopsim.Expr
			for i, part := range strings.Split(name, ".") {
				if i == 0 {
					e = &loopsim.Name{ID: part, P: t.pos(named[0])}
				} else {
					e = &loopsim.Attr{X: e, Name: part, P: t.pos(named[0])}
				}
			}
			return e
		}
	}
	return nil
}

func (t *translator) splatName(n *analysis.Node) string {
	if named := n.NamedChildren(); len(named) > 0 {
		return t.text(named[0])
	}
	return "_"
}

func kindOf(kwOnly bool) loopsim.ParamKind {
	if kwOnly {
		return loopsim.ParamKwOnly
	}
	return loopsim.ParamNormal
}

func (t *translator) class(n *analysis.Node) loopsim.Stmt {
	st := &loopsim.ClassDef{Name: t.text(n.ChildByField("name")), Body: t.block(n.ChildByField("body")), P: t.pos(n)}
	if body := n.ChildByField("body"); body != nil {
		for _, c := range body.NamedChildren() {
			if c.Type() != "expression_statement" || len(c.NamedChildren()) != 1 {
				continue
			}
			a := c.NamedChildren()[0]
			if a.Type() == "assignment" && a.ChildByField("type") != nil && a.ChildByField("left").Type() == "identifier" {
				st.Fields = append(st.Fields, loopsim.Param{Name: t.text(a.ChildByField("left"))})
			}
		}
	}
	if sc := n.ChildByField("superclasses"); sc != nil {
		for _, b := range sc.NamedChildren() {
			if b.Type() != "keyword_argument" {
				st.Bases = append(st.Bases, t.expr(b))
			} else {
				st.Keywords = append(st.Keywords, loopsim.Arg{Name: t.text(b.ChildByField("name")), Value: t.expr(b.ChildByField("value"))})
			}
		}
	}
	return st
}

// target translates an assignment target.
func (t *translator) target(n *analysis.Node) loopsim.Expr {
	n = analysis.Unparen(n)
	switch n.Type() {
	case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list":
		var elts []loopsim.Expr
		for _, c := range n.NamedChildren() {
			elts = append(elts, t.target(c))
		}
		return &loopsim.ListExpr{Kind: "tuple", Elts: elts, P: t.pos(n)}
	case "list_splat_pattern", "list_splat":
		return &loopsim.Starred{X: t.target(n.NamedChildren()[0]), P: t.pos(n)}
	}
	return t.expr(n)
}

func (t *translator) tupleOf(nodes []*analysis.Node, p loopsim.Pos) loopsim.Expr {
	var elts []loopsim.Expr
	for _, c := range nodes {
		elts = append(elts, t.expr(c))
	}
	return &loopsim.ListExpr{Kind: "tuple", Elts: elts, P: p}
}

func (t *translator) unknown(n *analysis.Node, why string) loopsim.Expr {
	return &loopsim.Unknown{Why: why, P: t.pos(n)}
}

func (t *translator) expr(n *analysis.Node) loopsim.Expr {
	if n == nil {
		return &loopsim.Const{}
	}
	p := t.pos(n)
	switch n.Type() {
	case "identifier":
		return &loopsim.Name{ID: t.text(n), P: p}
	case "true":
		return &loopsim.Const{Value: true, P: p}
	case "false":
		return &loopsim.Const{Value: false, P: p}
	case "none", "ellipsis":
		return &loopsim.Const{Value: nil, P: p}
	case "integer":
		s := strings.ReplaceAll(strings.ToLower(t.text(n)), "_", "")
		if v, err := strconv.ParseInt(s, 0, 64); err == nil {
			return &loopsim.Const{Value: v, P: p}
		}
		if strings.HasSuffix(s, "l") {
			return t.unknown(n, "long literal")
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return &loopsim.Const{Value: f, P: p}
		}
		return t.unknown(n, "integer literal "+s)
	case "float":
		s := strings.ReplaceAll(strings.ToLower(t.text(n)), "_", "")
		if strings.HasSuffix(s, "j") {
			return t.unknown(n, "complex literal")
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return &loopsim.Const{Value: f, P: p}
		}
		return t.unknown(n, "float literal "+s)
	case "string", "concatenated_string":
		return t.stringExpr(n)
	case "parenthesized_expression":
		if named := n.NamedChildren(); len(named) == 1 {
			return t.expr(named[0])
		}
		return t.unknown(n, "parenthesized expression")
	case "attribute":
		return &loopsim.Attr{X: t.expr(n.ChildByField("object")), Name: t.text(n.ChildByField("attribute")), P: p}
	case "call":
		return t.call(n, false)
	case "await":
		named := n.NamedChildren()
		if len(named) != 1 {
			return t.unknown(n, "await")
		}
		inner := analysis.Unparen(named[0])
		if inner.Type() == "call" {
			return &loopsim.Await{X: t.call(inner, true), P: p}
		}
		return &loopsim.Await{X: t.expr(inner), P: p}
	case "binary_operator":
		return &loopsim.BinOp{Op: t.text(n.ChildByField("operator")), L: t.expr(n.ChildByField("left")), R: t.expr(n.ChildByField("right")), P: p}
	case "unary_operator":
		return &loopsim.UnaryOp{Op: t.text(n.ChildByField("operator")), X: t.expr(n.ChildByField("argument")), P: p}
	case "not_operator":
		return &loopsim.UnaryOp{Op: "not", X: t.expr(n.ChildByField("argument")), P: p}
	case "boolean_operator":
		return &loopsim.BoolOp{Op: t.text(n.ChildByField("operator")), Values: []loopsim.Expr{t.expr(n.ChildByField("left")), t.expr(n.ChildByField("right"))}, P: p}
	case "comparison_operator":
		cmp := &loopsim.Compare{P: p}
		first := true
		for _, c := range n.Children() {
			if c.Field() == "operators" {
				cmp.Ops = append(cmp.Ops, strings.Join(strings.Fields(t.text(c)), " "))
				continue
			}
			if !c.Named() || c.Type() == "comment" {
				continue
			}
			if first {
				cmp.L = t.expr(c)
				first = false
			} else {
				cmp.Rs = append(cmp.Rs, t.expr(c))
			}
		}
		if len(cmp.Ops) != len(cmp.Rs) || cmp.L == nil {
			return t.unknown(n, "comparison")
		}
		return cmp
	case "conditional_expression":
		named := n.NamedChildren()
		if len(named) != 3 {
			return t.unknown(n, "conditional expression")
		}
		return &loopsim.IfExp{Then: t.expr(named[0]), Cond: t.expr(named[1]), Else: t.expr(named[2]), P: p}
	case "list", "tuple", "set", "expression_list", "pattern_list":
		kind := n.Type()
		if kind == "expression_list" || kind == "pattern_list" {
			kind = "tuple"
		}
		l := &loopsim.ListExpr{Kind: kind, P: p}
		for _, c := range n.NamedChildren() {
			l.Elts = append(l.Elts, t.expr(c))
		}
		return l
	case "list_splat", "list_splat_pattern":
		named := n.NamedChildren()
		if len(named) != 1 {
			return t.unknown(n, "starred expression")
		}
		return &loopsim.Starred{X: t.expr(named[0]), P: p}
	case "dictionary":
		d := &loopsim.DictExpr{P: p}
		for _, c := range n.NamedChildren() {
			switch c.Type() {
			case "pair":
				d.Keys = append(d.Keys, t.expr(c.ChildByField("key")))
				d.Values = append(d.Values, t.expr(c.ChildByField("value")))
			case "dictionary_splat":
				d.Keys = append(d.Keys, nil)
				d.Values = append(d.Values, t.expr(c.NamedChildren()[0]))
			}
		}
		return d
	case "subscript":
		subs := n.ChildrenByField("subscript")
		var idx loopsim.Expr
		switch len(subs) {
		case 0:
			return t.unknown(n, "subscript")
		case 1:
			idx = t.expr(subs[0])
		default:
			idx = t.tupleOf(subs, p)
		}
		return &loopsim.Subscript{X: t.expr(n.ChildByField("value")), Index: idx, P: p}
	case "slice":
		return t.slice(n)
	case "list_comprehension", "set_comprehension", "generator_expression", "dictionary_comprehension":
		return t.comprehension(n)
	case "lambda":
		l := &loopsim.Lambda{Body: t.expr(n.ChildByField("body")), P: p}
		l.Params = t.params(n.ChildByField("parameters"))
		return l
	case "keyword_argument":
		return t.expr(n.ChildByField("value"))
	case "named_expression":
		name := n.ChildByField("name")
		if name == nil || name.Type() != "identifier" {
			return t.unknown(n, "assignment expression (:=)")
		}
		return &loopsim.NamedExpr{Target: t.text(name), Value: t.expr(n.ChildByField("value")), P: p}
	case "yield":
		y := &loopsim.Yield{From: n.HasToken("from"), P: p}
		if named := n.NamedChildren(); len(named) == 1 {
			y.Value = t.expr(named[0])
		} else if len(named) > 1 {
			y.Value = t.tupleOf(named, p)
		}
		return y
	}
	return t.unknown(n, n.Type())
}

// stringExpr translates a string literal, an f-string (to loopsim.FString)
// or an implicit concatenation of them.
func (t *translator) stringExpr(n *analysis.Node) loopsim.Expr {
	var parts []loopsim.FPart
	hasInterp, isBytes := false, false
	var walk func(str *analysis.Node)
	walk = func(str *analysis.Node) {
		if str.Type() == "concatenated_string" {
			for _, c := range str.NamedChildren() {
				walk(c)
			}
			return
		}
		// The prefix: the letters before the first quote (the lowered
		// tree keeps no string_start under a string).
		prefix := t.text(str)
		if i := strings.IndexAny(prefix, "'\"`"); i >= 0 {
			prefix = prefix[:i]
		}
		raw := strings.ContainsAny(prefix, "rR")
		isBytes = isBytes || strings.ContainsAny(prefix, "bB")
		for _, c := range str.Children() {
			switch c.Type() {
			case "string_content":
				text := t.text(c)
				if !raw {
					text = unescape(text)
				}
				parts = append(parts, loopsim.FPart{Lit: text})
			case "interpolation":
				hasInterp = true
				fp := loopsim.FPart{X: t.expr(c.ChildByField("expression"))}
				if conv := c.ChildByField("type_conversion"); conv != nil {
					fp.Conv = strings.TrimPrefix(t.text(conv), "!")
				}
				if spec := c.ChildByField("format_specifier"); spec != nil {
					fp.Spec = strings.TrimPrefix(t.text(spec), ":")
					if strings.Contains(fp.Spec, "{") {
						fp.X = t.unknown(c, "nested format specifier")
					}
				}
				parts = append(parts, fp)
			}
		}
	}
	walk(n)
	if !hasInterp {
		var b strings.Builder
		for _, p := range parts {
			b.WriteString(p.Lit)
		}
		if isBytes {
			return &loopsim.Const{Value: &loopsim.Bytes{B: []byte(b.String())}, P: t.pos(n)}
		}
		return &loopsim.Const{Value: b.String(), P: t.pos(n)}
	}
	return &loopsim.FString{Parts: parts, P: t.pos(n)}
}

// unescape decodes the common backslash escapes of a string literal.
func unescape(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '0':
			b.WriteByte(0)
		case '\\', '\'', '"':
			b.WriteByte(s[i])
		case 'x':
			// \xNN is one byte (in bytes literals) or code point
			if v, err := strconv.ParseUint(s[i+1:min(len(s), i+3)], 16, 8); err == nil && i+3 <= len(s) {
				b.WriteByte(byte(v))
				i += 2
				continue
			}
			b.WriteString("\\x")
		case '\n':
			// a line continuation inside the literal
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// stringValue returns the literal text of a string (interpolations kept
// as written).
func (t *translator) stringValue(n *analysis.Node) string {
	var b strings.Builder
	n.Walk(func(c *analysis.Node) bool {
		switch c.Type() {
		case "string_content":
			b.WriteString(t.text(c))
			return false
		case "interpolation":
			b.WriteString(t.text(c))
			return false
		}
		return true
	})
	return b.String()
}

// slice recovers which parts of a[lo:hi:step] are present: the lowered tree
// drops the colons, so they are located in the source.
func (t *translator) slice(n *analysis.Node) loopsim.Expr {
	sl := &loopsim.Slice{P: t.pos(n)}
	parts := []*loopsim.Expr{&sl.Lo, &sl.Hi, &sl.Step}
	named := n.NamedChildren()
	src := t.f.Src
	idx := 0
	ci := 0
	for off := int(n.Start); off < int(n.End); {
		if ci < len(named) && off == int(named[ci].Start) {
			if idx < 3 {
				*parts[idx] = t.expr(named[ci])
			}
			off = int(named[ci].End)
			ci++
			continue
		}
		if src[off] == ':' {
			idx++
		}
		off++
	}
	return sl
}

func (t *translator) comprehension(n *analysis.Node) loopsim.Expr {
	kind := map[string]string{"list_comprehension": "list", "set_comprehension": "set", "generator_expression": "gen", "dictionary_comprehension": "dict"}[n.Type()]
	c := &loopsim.Comprehension{Kind: kind, P: t.pos(n)}
	body := n.ChildByField("body")
	if kind == "dict" && body != nil && body.Type() == "pair" {
		c.Key = t.expr(body.ChildByField("key"))
		c.Elt = t.expr(body.ChildByField("value"))
	} else {
		c.Elt = t.expr(body)
	}
	for _, k := range n.NamedChildren() {
		switch k.Type() {
		case "for_in_clause":
			c.Gens = append(c.Gens, loopsim.CompFor{Target: t.target(k.ChildByField("left")), Iter: t.expr(k.ChildByField("right")), Async: k.HasToken("async")})
		case "if_clause":
			if len(c.Gens) > 0 {
				g := &c.Gens[len(c.Gens)-1]
				if cn := k.NamedChildren(); len(cn) == 1 {
					g.Ifs = append(g.Ifs, t.expr(cn[0]))
				}
			}
		}
	}
	if len(c.Gens) == 0 {
		return t.unknown(n, "comprehension")
	}
	return c
}

// call translates a call; awaited says it is the direct operand of await
// (where a per-line latency comment applies first).
func (t *translator) call(n *analysis.Node, awaited bool) loopsim.Expr {
	c := &loopsim.Call{Fn: t.expr(n.ChildByField("function")), P: t.pos(n)}
	line := t.f.Lines.Position(int(n.Start)).Line
	if d, ok := t.latency[line]; ok && !t.used[line] && (awaited || !t.lineHasAwaitedCall(n, line)) {
		t.used[line] = true
		c.Latency = &d
	}
	args := n.ChildByField("arguments")
	if args == nil {
		return c
	}
	if args.Type() == "generator_expression" {
		c.Args = []loopsim.Arg{{Value: t.comprehension(args)}}
		return c
	}
	for _, a := range args.NamedChildren() {
		switch a.Type() {
		case "list_splat":
			c.Args = append(c.Args, loopsim.Arg{Star: true, Value: t.expr(a.NamedChildren()[0])})
		case "dictionary_splat":
			c.Args = append(c.Args, loopsim.Arg{DoubleStar: true, Value: t.expr(a.NamedChildren()[0])})
		case "keyword_argument":
			c.Args = append(c.Args, loopsim.Arg{Name: t.text(a.ChildByField("name")), Value: t.expr(a.ChildByField("value"))})
		default:
			c.Args = append(c.Args, loopsim.Arg{Value: t.expr(a)})
		}
	}
	return c
}

// lineHasAwaitedCall reports whether the statement around n has an awaited
// call on line, which a latency comment on that line prefers.
func (t *translator) lineHasAwaitedCall(n *analysis.Node, line int) bool {
	root := n
	for root.Parent() != nil && t.f.Lines.Position(int(root.Parent().Start)).Line == line && !strings.HasSuffix(root.Parent().Type(), "statement") {
		root = root.Parent()
	}
	found := false
	root.Walk(func(c *analysis.Node) bool {
		if c.Type() == "await" && t.f.Lines.Position(int(c.Start)).Line == line {
			found = true
		}
		return !found
	})
	return found
}

func (t *translator) match(n *analysis.Node) loopsim.Stmt {
	m := &loopsim.Match{Subject: t.expr(n.ChildByField("subject")), P: t.pos(n)}
	if subjects := n.ChildrenByField("subject"); len(subjects) > 1 {
		m.Subject = t.tupleOf(subjects, t.pos(n))
	}
	body := n.ChildByField("body")
	if body == nil {
		return m
	}
	for _, cc := range body.NamedChildren() {
		if cc.Type() != "case_clause" {
			continue
		}
		mc := loopsim.MatchCase{Body: t.block(cc.ChildByField("consequence"))}
		var pats []*analysis.Node
		for _, k := range cc.NamedChildren() {
			if k.Type() == "case_pattern" {
				pats = append(pats, k)
			}
		}
		switch len(pats) {
		case 0:
			mc.Pattern = &loopsim.Pattern{Kind: loopsim.PatUnknown}
		case 1:
			mc.Pattern = t.pattern(pats[0])
		default: // case a, b: an open sequence
			seq := &loopsim.Pattern{Kind: loopsim.PatSequence}
			for _, pn := range pats {
				seq.Elts = append(seq.Elts, t.pattern(pn))
			}
			mc.Pattern = seq
		}
		if g := cc.ChildByField("guard"); g != nil {
			if gn := g.NamedChildren(); len(gn) == 1 {
				mc.Guard = t.expr(gn[0])
			}
		}
		m.Cases = append(m.Cases, mc)
	}
	return m
}

// pattern translates a case pattern; nodes is the pattern's own children
// for wrappers (case_pattern) and alternatives.
func (t *translator) pattern(n *analysis.Node) *loopsim.Pattern {
	if n.Type() == "case_pattern" {
		return t.patternOf(n.ChildList())
	}
	return t.patternOf([]*analysis.Node{n})
}

func (t *translator) patternOf(nodes []*analysis.Node) *loopsim.Pattern {
	unknown := &loopsim.Pattern{Kind: loopsim.PatUnknown}
	var named []*analysis.Node
	negative := false
	for _, c := range nodes {
		switch {
		case c.Type() == "_" && !c.Named():
			return &loopsim.Pattern{Kind: loopsim.PatWildcard}
		case c.Type() == "-" && !c.Named():
			negative = true
		case c.Named() && c.Type() != "comment":
			named = append(named, c)
		}
	}
	if len(named) != 1 {
		return unknown
	}
	c := named[0]
	switch c.Type() {
	case "case_pattern":
		return t.pattern(c)
	case "dotted_name":
		ids := c.NamedChildren()
		if len(ids) == 1 {
			name := t.text(ids[0])
			if name == "_" {
				return &loopsim.Pattern{Kind: loopsim.PatWildcard}
			}
			return &loopsim.Pattern{Kind: loopsim.PatCapture, Name: name}
		}
		return &loopsim.Pattern{Kind: loopsim.PatValue, Value: t.dotted(c)}
	case "string", "concatenated_string", "integer", "float", "true", "false", "none":
		v := t.expr(c)
		if negative {
			v = &loopsim.UnaryOp{Op: "-", X: v, P: t.pos(c)}
		}
		return &loopsim.Pattern{Kind: loopsim.PatValue, Value: v}
	case "union_pattern":
		or := &loopsim.Pattern{Kind: loopsim.PatOr}
		var group []*analysis.Node
		flush := func() {
			if len(group) > 0 {
				or.Elts = append(or.Elts, t.patternOf(group))
				group = nil
			}
		}
		for _, k := range c.Children() {
			if k.Type() == "|" && !k.Named() {
				flush()
				continue
			}
			group = append(group, k)
		}
		flush()
		return or
	case "list_pattern", "tuple_pattern":
		seq := &loopsim.Pattern{Kind: loopsim.PatSequence}
		for _, k := range c.NamedChildren() {
			seq.Elts = append(seq.Elts, t.pattern(k))
		}
		return seq
	case "splat_pattern":
		star := &loopsim.Pattern{Kind: loopsim.PatStar}
		if ids := c.NamedChildren(); len(ids) == 1 && t.text(ids[0]) != "_" {
			star.Name = t.text(ids[0])
		}
		return star
	case "dict_pattern":
		mp := &loopsim.Pattern{Kind: loopsim.PatMapping}
		for _, k := range c.NamedChildren() {
			switch {
			case k.Field() == "key":
				mp.Keys = append(mp.Keys, t.patternKey(k))
			case k.Field() == "value":
				mp.Vals = append(mp.Vals, t.pattern(k))
			case k.Type() == "splat_pattern":
				if ids := k.NamedChildren(); len(ids) == 1 {
					mp.Name = t.text(ids[0])
				}
			}
		}
		if len(mp.Keys) != len(mp.Vals) {
			return unknown
		}
		return mp
	case "class_pattern":
		cp := &loopsim.Pattern{Kind: loopsim.PatClass}
		for _, k := range c.NamedChildren() {
			switch k.Type() {
			case "dotted_name":
				cp.Value = t.dotted(k)
			case "case_pattern":
				inner := k.NamedChildren()
				if len(inner) == 1 && inner[0].Type() == "keyword_pattern" {
					kw := inner[0]
					kn := kw.NamedChildren()
					if len(kn) < 2 {
						return unknown
					}
					cp.KwNames = append(cp.KwNames, t.text(kn[0]))
					var rest []*analysis.Node
					seenEq := false
					for _, x := range kw.Children() {
						if x.Type() == "=" && !x.Named() {
							seenEq = true
							continue
						}
						if seenEq {
							rest = append(rest, x)
						}
					}
					cp.KwPats = append(cp.KwPats, t.patternOf(rest))
					continue
				}
				cp.Elts = append(cp.Elts, t.pattern(k))
			}
		}
		if cp.Value == nil {
			return unknown
		}
		return cp
	case "as_pattern":
		var sub *analysis.Node
		var alias string
		for _, k := range c.NamedChildren() {
			if k.Type() == "case_pattern" && sub == nil {
				sub = k
			} else if k.Type() == "identifier" {
				alias = t.text(k)
			}
		}
		if sub == nil || alias == "" {
			return unknown
		}
		return &loopsim.Pattern{Kind: loopsim.PatAs, Name: alias, Elts: []*loopsim.Pattern{t.pattern(sub)}}
	}
	return unknown
}

// patternKey translates a mapping-pattern key (a literal or dotted name).
func (t *translator) patternKey(n *analysis.Node) loopsim.Expr {
	if n.Type() == "dotted_name" {
		return t.dotted(n)
	}
	return t.expr(n)
}

func (t *translator) dotted(n *analysis.Node) loopsim.Expr {
	var e loopsim.Expr
	for i, id := range n.NamedChildren() {
		if i == 0 {
			e = &loopsim.Name{ID: t.text(id), P: t.pos(id)}
		} else {
			e = &loopsim.Attr{X: e, Name: t.text(id), P: t.pos(id)}
		}
	}
	if e == nil {
		return t.unknown(n, "pattern name")
	}
	return e
}
