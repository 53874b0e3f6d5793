package analysis

import "strings"

// Generic classes of the project: `class Holder(Generic[T])` (or
// `Protocol[T]`, or PEP 695's `class Holder[T]:`) annotated `Holder[Client]`
// is an instance that carries its type arguments (Ref.Args, as a library
// generic does); a method of the class whose return annotation is a type
// parameter (`def get(self) -> T`, also `Optional[T]`, `T | None`), and an
// attribute annotated with one (`item: T`), then have the argument's type.

// typeParams returns the names of c's type parameters, in order; nil when
// c is not generic.
func (c *Class) typeParams() []string {
	if tp := c.Node.ChildByField("type_parameters"); tp != nil {
		// `[T, U]`: one `type` per parameter.
		var out []string
		for _, t := range tp.NamedChildren() {
			if t.Type() == "comment" {
				continue
			}
			if t.Type() == "type" {
				if inner := t.NamedChildren(); len(inner) == 1 {
					t = inner[0]
				}
			}
			if t.Type() != "identifier" {
				return nil // *Ts, **P, a bound: positions no longer line up
			}
			out = append(out, c.module.File.Text(t))
		}
		return out
	}
	for _, base := range c.Bases {
		b := Unparen(base)
		if b.Type() != "subscript" {
			continue
		}
		// Python's generic markers (annotation syntax).
		switch strings.TrimPrefix(c.module.resolve(b.ChildByField("value"), 0).Name, "typing.") {
		case "Generic", "Protocol":
		default:
			continue
		}
		var out []string
		for _, p := range b.ChildrenByField("subscript") {
			if p.Type() != "identifier" {
				return nil
			}
			out = append(out, c.module.File.Text(p))
		}
		return out
	}
	return nil
}

// typeParamIndex returns the position among c's type parameters of the
// one annotation t names (`T`, `Optional[T]`, `T | None`, `"T"`), or -1.
func (c *Class) typeParamIndex(t *Node) int {
	t = Unparen(t)
	if t == nil || c == nil {
		return -1
	}
	m := c.module
	switch t.Type() {
	case "type":
		if named := t.NamedChildren(); len(named) == 1 {
			return c.typeParamIndex(named[0])
		}
		return -1
	case "identifier":
		name := m.File.Text(t)
		for i, p := range c.typeParams() {
			if p == name {
				return i
			}
		}
		return -1
	case "string":
		text := strings.TrimSpace(strings.Trim(m.File.Text(t), `"'`))
		// "T | None", "Optional[T]" (annotation syntax, as text).
		if parts := strings.Split(text, "|"); len(parts) == 2 {
			if a, b := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1]); b == "None" {
				text = a
			} else if a == "None" {
				text = b
			}
		}
		if inner, ok := strings.CutPrefix(text, "Optional["); ok && strings.HasSuffix(inner, "]") {
			text = strings.TrimSpace(strings.TrimSuffix(inner, "]"))
		}
		for i, p := range c.typeParams() {
			if p == text {
				return i
			}
		}
		return -1
	case "binary_operator":
		left, right := t.ChildByField("left"), t.ChildByField("right")
		switch {
		case isNoneAnnotation(m.File, right):
			return c.typeParamIndex(left)
		case isNoneAnnotation(m.File, left):
			return c.typeParamIndex(right)
		}
		return -1
	case "generic_type", "subscript":
		base, params := genericParts(t)
		if base == nil || len(params) != 1 {
			return -1
		}
		switch strings.TrimPrefix(m.resolve(base, 0).Name, "typing.") {
		case "Optional":
			return c.typeParamIndex(params[0])
		}
	}
	return -1
}

// typeArgOf resolves annotation t of a member of class c to the type
// argument args gives it when t names one of c's type parameters.
func (c *Class) typeArgOf(t *Node, args *TypeArgs, depth int) (Ref, bool) {
	if args == nil || args.module == nil || t == nil {
		return Ref{}, false
	}
	i := c.typeParamIndex(t)
	if i < 0 {
		return Ref{}, false
	}
	return args.Arg(i, depth), true
}
