package analysis

import "github.com/asyncls/asyncls/pylib"

// What a call of a dataclass runs of the project's code. `@dataclass`
// writes the class's `__init__` (Lib/dataclasses.py, _init_fn): for a field
// declared `x: T = field(default_factory=f)` the generated `__init__` takes
// `x=_HAS_DEFAULT_FACTORY` and runs `f()` when the caller passes no x
// (_field_init: `{f.name} = {default_name}() if {f.name} is
// _HAS_DEFAULT_FACTORY else {f.name}`; a field with init=False runs f()
// always), and ends with `self.__post_init__(...)` when the class defines
// one. The class statement shows no `__init__`, so Project.Target finds
// none to follow: these are the functions a construction runs instead.

// GeneratedInitCall is a project function a dataclass's generated
// `__init__` calls for one construction.
type GeneratedInitCall struct {
	Func *Function
	// Field is the field whose default_factory Func is ("" for
	// __post_init__); Factory the factory as the field's declaration
	// writes it.
	Field, Factory string
}

// GeneratedInitCalls returns, for call c (in module cm) of a project class whose
// `__init__` `@dataclass` writes (the class defines none and is decorated
// only by dataclass decorators, pylib.CallsPostInits, none of them with
// init=False), the project functions that construction runs: the
// default_factory of each field declared in the class's own body that the
// call leaves to its factory, in field order, then the class's own
// synchronous `__post_init__`. A field counts as passed when the call names
// it, when its position may be reached by the positional arguments (base
// classes' fields come first, so the own position is a lower bound), or
// when the call unpacks `*args` or `**kwargs`. Nil otherwise.
func (p *Project) GeneratedInitCalls(cm *Module, c *Call) []GeneratedInitCall {
	cls := p.constructedClass(c)
	if cls == nil || cls.Methods["__init__"] != nil || !cls.GeneratedInit() {
		return nil
	}
	m := cls.module
	f := m.File
	keywords := map[string]bool{}
	positional := 0
	for _, a := range c.Args() {
		switch a.Type() {
		case "keyword_argument":
			keywords[cm.File.Text(a.ChildByField("name"))] = true
		case "list_splat", "dictionary_splat":
			return p.postInitOnly(cls)
		case "comment":
		default:
			positional++
		}
	}
	var out []GeneratedInitCall
	index := 0 // the field's position among the class's own __init__ parameters
	body := cls.Node.ChildByField("body")
	for _, st := range body.NamedChildren() {
		if st.Type() != "expression_statement" || len(st.NamedChildren()) != 1 {
			continue
		}
		as := st.NamedChildren()[0]
		if as.Type() != "assignment" || as.ChildByField("type") == nil {
			continue
		}
		left := as.ChildByField("left")
		if left == nil || left.Type() != "identifier" || classVarAnnotation(m, as.ChildByField("type")) {
			continue
		}
		name := f.Text(left)
		factory, inInit := fieldFactory(m, as.ChildByField("right"))
		pos := index
		if inInit {
			index++
		}
		if factory == nil || inInit && (keywords[name] || positional > pos) {
			continue
		}
		if fn := p.functionAt(m, factory); fn != nil && !fn.Async && !fn.Generator {
			out = append(out, GeneratedInitCall{Func: fn, Field: name, Factory: f.Brief(factory)})
		}
	}
	return append(out, p.postInitOnly(cls)...)
}

// postInitOnly is the class's own synchronous __post_init__, which the
// generated __init__ calls whatever the arguments.
func (p *Project) postInitOnly(cls *Class) []GeneratedInitCall {
	if post := cls.Methods["__post_init__"]; post != nil && !post.Async && !post.Generator {
		return []GeneratedInitCall{{Func: post}}
	}
	return nil
}

// constructedClass is the project class call c constructs (not an
// instance's __call__), as Target resolves it.
func (p *Project) constructedClass(c *Call) *Class {
	if p == nil || c.CalleeInstance {
		return nil
	}
	if c.Callee == "" && c.Via != "" {
		if r := p.ResolveVia(c.Via); r.Class != nil && !r.Instance {
			return r.Class
		}
		return nil
	}
	if c.Callee == "" {
		return nil
	}
	return p.Lookup(c.Callee).Class
}

// GeneratedInit reports a class decorated only by dataclass decorators
// (`@dataclass`, `@dataclasses.dataclass(frozen=True)`: pylib's
// CallsPostInits) none of which says init=False: its `__init__` is the one
// dataclasses writes, which calls `__post_init__` synchronously. Any other
// decorator might wrap the class.
func (cls *Class) GeneratedInit() bool {
	par := cls.Node.Parent()
	if par == nil || par.Type() != "decorated_definition" {
		return false
	}
	m := cls.module
	found := false
	for _, d := range par.NamedChildren() {
		if d.Type() != "decorator" {
			continue
		}
		expr := d.NamedChildren()
		if len(expr) == 0 {
			return false
		}
		e := Unparen(expr[0])
		if e.Type() == "call" {
			if args := e.ChildByField("arguments"); args != nil {
				for _, a := range args.NamedChildren() {
					if a.Type() == "keyword_argument" && m.File.Text(a.ChildByField("name")) == "init" &&
						m.File.Text(a.ChildByField("value")) != "True" {
						return false
					}
				}
			}
			e = e.ChildByField("function")
		}
		name := m.Resolve(e).Name
		if name == "" {
			name = m.File.Text(e)
		}
		if !pylib.CallsPostInits(name) {
			return false
		}
		found = true
	}
	return found
}

// classVarAnnotation reports a class attribute annotated `ClassVar[...]`
// and the `_: KW_ONLY` marker: no parameter of the generated __init__
// (pylib.NotAFieldAnnotation).
func classVarAnnotation(m *Module, typ *Node) bool {
	head := Unparen(typ)
	if head != nil && head.Type() == "type" && len(head.NamedChildren()) == 1 {
		head = head.NamedChildren()[0]
	}
	if head != nil && (head.Type() == "generic_type" || head.Type() == "subscript") {
		if inner := head.NamedChildren(); len(inner) > 0 {
			head = inner[0]
		}
	}
	if head == nil {
		return false
	}
	name := m.Resolve(head).Name
	if name == "" {
		name = m.File.Text(head)
	}
	return pylib.NotAFieldAnnotation(name)
}

// fieldFactory returns, for a field's value `field(default_factory=f, ...)`
// (a field specifier of pylib: dataclasses.field, or bare `field`),
// the node of f, and whether the field is a parameter of the generated
// __init__ (init=False is not: its factory runs on every construction).
// Any other value is no factory, and its field is a parameter.
func fieldFactory(m *Module, value *Node) (*Node, bool) {
	value = Unparen(value)
	if value == nil || value.Type() != "call" {
		return nil, true
	}
	fn := value.ChildByField("function")
	name := m.Resolve(fn).Name
	if name == "" {
		name = m.File.Text(fn)
	}
	keyword := pylib.FieldFactoryKeyword(name)
	if keyword == "" {
		return nil, true
	}
	var factory *Node
	inInit := true
	if args := value.ChildByField("arguments"); args != nil {
		for _, a := range args.NamedChildren() {
			if a.Type() != "keyword_argument" {
				continue
			}
			switch m.File.Text(a.ChildByField("name")) {
			case keyword:
				factory = Unparen(a.ChildByField("value"))
			case "init":
				inInit = m.File.Text(a.ChildByField("value")) != "False"
			}
		}
	}
	return factory, inInit
}

// functionAt is the project function calling what a name or attribute in
// module m denotes runs: a function of the module or one it imports, or a
// project class's `__init__` (`default_factory=Settings`).
func (p *Project) functionAt(m *Module, n *Node) *Function {
	if n == nil || n.Type() != "identifier" && n.Type() != "attribute" {
		return nil
	}
	r := m.Resolve(n)
	if r.Via != "" && r.Func == nil && r.Class == nil {
		r = p.ResolveVia(r.Via)
	} else if r.Func == nil && r.Class == nil && r.Name != "" {
		s := p.Lookup(r.Name)
		r.Func, r.Class = s.Func, s.Class
	}
	switch {
	case r.Instance:
		return nil
	case r.Func != nil:
		return r.Func
	case r.Class != nil:
		return r.Class.lookupMethod("__init__", 0)
	}
	return nil
}
