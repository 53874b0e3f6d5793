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
// default_factory of each field of the class and of its project dataclass
// bases (dataclassFields) that the call leaves to its factory, in field
// order, then the synchronous `__post_init__` the class has or inherits. A
// field counts as passed when the call names it, when its position may be
// reached by the positional arguments (a library base's fields would come
// first, so the position is a lower bound), or when the call unpacks
// `*args` or `**kwargs`. Nil otherwise.
func (p *Project) GeneratedInitCalls(cm *Module, c *Call) []GeneratedInitCall {
	cls := p.constructedClass(c)
	if cls == nil || cls.Methods["__init__"] != nil || !cls.GeneratedInit() {
		return nil
	}
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
	index := 0 // the field's position among the generated __init__'s parameters
	for _, fd := range p.dataclassFields(cls, 0) {
		pos := index
		if fd.inInit {
			index++
		}
		if fd.factory == nil || fd.inInit && (keywords[fd.name] || positional > pos) {
			continue
		}
		if fn := p.functionAt(fd.module, fd.factory); fn != nil && !fn.Async && !fn.Generator {
			out = append(out, GeneratedInitCall{Func: fn, Field: fd.name, Factory: fd.module.File.Brief(fd.factory)})
		}
	}
	return append(out, p.postInitOnly(cls)...)
}

// dataclassField is one field of a dataclass's generated __init__.
type dataclassField struct {
	name    string
	module  *Module // where the field is declared
	factory *Node   // its default_factory, nil for none
	inInit  bool    // a parameter of the generated __init__ (not init=False)
}

// dataclassFields lists the fields the generated __init__ of cls takes or
// fills, in dataclasses' order: those of its project dataclass bases first
// (the bases walked last to first, as dataclasses walks the MRO in
// reverse; a field declared again keeps its first place and takes the
// later declaration), then the class's own. A base of a library is not
// seen, so a field's index is a lower bound of its parameter position.
func (p *Project) dataclassFields(cls *Class, depth int) []dataclassField {
	if depth > 8 {
		return nil
	}
	var out []dataclassField
	add := func(fd dataclassField) {
		for i := range out {
			if out[i].name == fd.name {
				out[i] = fd
				return
			}
		}
		out = append(out, fd)
	}
	bases := p.projectBases(cls)
	for i := len(bases) - 1; i >= 0; i-- {
		for _, fd := range p.dataclassFields(bases[i], depth+1) {
			add(fd)
		}
	}
	if !cls.isDataclass() {
		// A plain class between dataclasses declares no fields; it
		// passes its bases' fields on.
		return out
	}
	m := cls.module
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
		factory, inInit := fieldFactory(m, as.ChildByField("right"))
		add(dataclassField{name: m.File.Text(left), module: m, factory: factory, inInit: inInit})
	}
	return out
}

// postInitOnly is the synchronous __post_init__ of the class or of a
// project base (the generated __init__ calls `self.__post_init__()`),
// which runs whatever the arguments.
func (p *Project) postInitOnly(cls *Class) []GeneratedInitCall {
	if post := p.projectMethod(cls, "__post_init__", 0); post != nil && !post.Async && !post.Generator {
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

// isDataclass reports a class with a dataclass decorator (pylib's
// CallsPostInits), whatever its arguments: its annotated class attributes
// are fields of the dataclasses derived from it.
func (cls *Class) isDataclass() bool {
	par := cls.Node.Parent()
	if par == nil || par.Type() != "decorated_definition" {
		return false
	}
	m := cls.module
	for _, d := range par.NamedChildren() {
		if d.Type() != "decorator" || len(d.NamedChildren()) == 0 {
			continue
		}
		e := Unparen(d.NamedChildren()[0])
		if e.Type() == "call" {
			e = e.ChildByField("function")
		}
		name := m.Resolve(e).Name
		if name == "" {
			name = m.File.Text(e)
		}
		if pylib.CallsPostInits(name) {
			return true
		}
	}
	return false
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
		return p.projectMethod(r.Class, "__init__", 0)
	}
	return nil
}
