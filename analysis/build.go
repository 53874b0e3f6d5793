package analysis

import (
	"github.com/asyncls/asyncls/internal/pyname"
	"regexp"
	"slices"
	"strings"

	"github.com/asyncls/asyncls/pylib"
)

// BuildModule builds the semantic model of f. name is the dotted module name
// ("" if unknown); isPackage is true for __init__.py, which changes how
// relative imports resolve.
func BuildModule(f *File, name string, isPackage bool) *Module {
	return BuildModuleNamed(f, Naming{Name: name, IsPackage: isPackage})
}

// BuildModuleNamed builds the semantic model of f named as the layout
// names it (its copy's absolute imports of its own packages included).
func BuildModuleNamed(f *File, n Naming) *Module {
	m := &Module{File: f, Name: n.Name, IsPackage: n.IsPackage, Aliases: n.Aliases, local: n.Local,
		scopeOf: map[*Node]*Scope{}, NoQA: map[int][]string{}, requestsFixtures: MayRequestFixtures(f.Src)}
	m.Scope = m.newScope(ModuleScope, f.Root, nil)
	b := &builder{m: m}
	b.visitChildren(f.Root, m.Scope, nil, nil)
	for _, c := range f.Comments {
		m.parseNoQA(c)
	}
	// Before any value is resolved: what `yield from` in a function gives
	// depends on it.
	for _, fn := range m.Functions {
		fn.generatorCoroutine = fn.decoratedGeneratorCoroutine()
		fn.asyncCallable = fn.decoratedAsyncCallable()
	}
	m.handlerTypes = m.registeredHandlers(b.calls)
	m.addResponseHandlers(b.calls)
	m.callerTypes = m.paramTypesFromCallers(b.calls)
	for _, c := range b.calls {
		m.finishCall(c)
	}
	m.Calls = b.calls
	m.resolveAll()
	m.finishScopes()
	return m
}

// resolveAll computes every memoised resolution, so the finished module is
// never written again and may be read by many goroutines.
func (m *Module) resolveAll() {
	for _, s := range m.scopeOf {
		for _, b := range s.Bindings.All() {
			if b.Kind == BindAssign || b.Kind == BindLoop || b.Kind == BindParam && len(b.Values) > 0 {
				m.resolveBinding(b, 0)
			}
		}
	}
	for _, c := range m.Classes {
		for attr := range c.Attrs {
			c.module.resolveBinding(c.attrBinding(attr), 0)
		}
	}
}

func (m *Module) newScope(kind ScopeKind, n *Node, parent *Scope) *Scope {
	s := &Scope{Kind: kind, Node: n, Parent: parent}
	m.scopeOf[n] = s
	if !slices.Contains(m.scopeKinds, n.kind()) {
		m.scopeKinds = append(m.scopeKinds, n.kind())
	}
	return s
}

type builder struct {
	m     *Module
	calls []*Call
}

func (b *builder) text(n *Node) string { return b.m.File.Text(n) }

func (b *builder) bind(s *Scope, name string, kind BindingKind, node *Node, value *Node) *Binding {
	if name == "" {
		return nil
	}
	// `global NAME` in a function: its assignments bind the module's NAME
	// (`global log_msg; log_msg = await bot.send_message(...)` in one
	// handler branch, `log_msg.reply(...)` in another).
	if s.Global(name) {
		for s.Parent != nil {
			s = s.Parent
		}
	}
	bd := s.Bindings.Get(name)
	if bd != nil && b.m.importFallbacks != nil {
		delete(b.m.importFallbacks, bd) // rebound once more: not only an import and its fallback
	}
	if bd == nil {
		bd = &Binding{Name: name, Kind: kind, Node: node}
		s.Bindings.add(bd)
	} else if bd.Kind != kind {
		if bd.Kind == BindImport && kind == BindAssign && bd.Qualified != "" && value != nil &&
			Unparen(value).Type() == "none" && b.fallbackImport(bd.Node, node) {
			// An optional dependency (`try: import google.generativeai as
			// genai` / `except ImportError: genai = None`): None has no
			// attributes and cannot be called, so every use of the name
			// that runs anything (`genai.GenerativeModel(...)`) runs with
			// the import; the name keeps what the try imports.
			return bd
		}
		if bd.Kind == BindImport && kind == BindAssign && bd.Qualified != "" && b.fallbackImport(bd.Node, node) {
			// The fallback of a failed import written as an assignment
			// (`try: from pytest_asyncio import fixture as async_fixture` /
			// `except ImportError: async_fixture = pytest.fixture`):
			// recorded for ImportUnlessFailed, resolved as before.
			if b.m.importFallbacks == nil {
				b.m.importFallbacks = map[*Binding]string{}
			}
			b.m.importFallbacks[bd] = bd.Qualified
		}
		// Rebinding with another kind (import then assign): resolution gives up
		// unless every value agrees, which BindOther never does. A parameter
		// reassigned (`session = session or Session()`) stays a parameter
		// whose values are resolved together with its annotation.
		if !(bd.Kind == BindParam && kind == BindAssign) {
			bd.Kind = BindOther
		}
	}
	if kind == BindAssign || bd.Kind == BindAssign || bd.Kind == BindParam && kind == BindAssign || kind == BindLoop && bd.Kind == BindLoop {
		bd.Values = append(bd.Values, value)
	}
	return bd
}

// bindTarget binds the names in an assignment target. value is the
// right-hand side when the target is a plain name, else nil. A name or
// attribute inside an unpacking target of an assignment (`a, b = f()`)
// takes the target node itself as its value: agree resolves it to its
// element of the right-hand side (unpack.go).
func (b *builder) bindTarget(s *Scope, target, value *Node, fn *Function, cls *Class) {
	target = Unparen(target)
	if target == nil {
		return
	}
	switch target.Type() {
	case "identifier":
		b.bind(s, b.text(target), BindAssign, target, value)
	case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list":
		for _, c := range target.NamedChildren() {
			var element *Node
			if value != nil && (value == target || target.Field() == "left" && target.Parent().Type() == "assignment") {
				element = Unparen(c)
			}
			b.bindTarget(s, c, element, fn, cls)
		}
	case "list_splat_pattern", "list_splat":
		for _, c := range target.NamedChildren() {
			b.bindTarget(s, c, nil, fn, cls)
		}
	case "attribute":
		// self.NAME = value inside a method, or inside a function nested in
		// one (`async def _connect(): ... self.ws = ws` within run(self)),
		// records an instance attribute.
		obj := target.ChildByField("object")
		if obj != nil && obj.Type() == "identifier" {
			if method := selfMethod(fn, b.text(obj)); method != nil {
				attr := b.text(target.ChildByField("attribute"))
				method.Class.Attrs[attr] = append(method.Class.Attrs[attr], value)
			}
		}
	}
}

// registeredHandlers finds the functions the module registers as handlers
// by a call (`CommandHandler("start", start)`), with the argument types the
// library will pass them. Only modules importing such a library look.
func (m *Module) registeredHandlers(calls []*Call) map[*Function][]string {
	relevant := false
	for _, imp := range m.Imports {
		if pylib.HandlerLibrary(imp.Qualified) {
			relevant = true
			break
		}
	}
	if !relevant {
		return nil
	}
	out := map[*Function][]string{}
	for _, c := range calls {
		reg, ok := pylib.HandlerRegistrations[m.resolve(c.Node.ChildByField("function"), 0).Name]
		if !ok {
			continue
		}
		types := reg.Types
		if reg.Events != nil {
			types = reg.Events[StringConstant(m.File, c.Positional(0))]
		}
		if arg := c.Positional(reg.Arg); arg != nil && types != nil {
			if f := m.resolve(arg, 0).Func; f != nil {
				out[f] = types
			}
		}
	}
	return out
}

// addResponseHandlers types the one parameter of the module's request
// handlers of a web framework whose handlers are coroutine functions
// taking the request as their only argument (pylib's
// ReturnedByCoroutineHandlers: aiohttp's docs, "A request handler must be
// a coroutine that accepts a Request instance as its only parameter and
// returns a Response instance"): a module-level `async def` of one
// untyped, undecorated parameter that returns such a response, and that
// the module does not call, with a parameter named for a request
// (requestLikeName), is registered as a handler (often by a module
// the check does not see), so its parameter is the framework's request.
func (m *Module) addResponseHandlers(calls []*Call) {
	imports := false
	for _, imp := range m.Imports {
		if strings.HasPrefix(imp.Qualified, "aiohttp") || strings.HasPrefix(imp.Module, "aiohttp") {
			imports = true
			break
		}
	}
	if !imports {
		return
	}
	var called map[*Function]bool
	for _, f := range m.Functions {
		if !f.Async || f.Lambda || f.Generator || f.Class != nil || f.Scope == nil || f.Scope.Parent != m.Scope ||
			len(f.Decorators) != 0 || len(f.Params) != 1 || m.handlerTypes[f] != nil {
			continue
		}
		if b := f.Scope.Bindings.Get(f.Params[0]); b == nil || b.Kind != BindParam || b.Node.Type() != "identifier" {
			continue
		}
		// A handler's parameter is named for the request (aiohttp's docs
		// and nearly every handler: `request`, `req`); a helper of another
		// module turning what it is given into a response (`async def
		// to_response(upstream)`, called with a requests.Response) is not
		// one, and its callers are not all in view.
		if !requestLikeName(f.Params[0]) {
			continue
		}
		request := m.returnedHandlerResponse(f)
		if request == "" {
			continue
		}
		if called == nil {
			called = map[*Function]bool{}
			for _, c := range calls {
				if g := m.resolve(c.Node.ChildByField("function"), 0).Func; g != nil {
					called[g] = true
				}
			}
		}
		if called[f] {
			continue // a helper the module calls with what it has
		}
		if m.handlerTypes == nil {
			m.handlerTypes = map[*Function][]string{}
		}
		m.handlerTypes[f] = []string{request}
	}
}

// requestLikeName reports a parameter name that says it holds a request:
// `request`, `req`, `_request`, `web_request`, `http_req`.
func requestLikeName(name string) bool {
	n := strings.ToLower(strings.TrimLeft(name, "_"))
	return n == "req" || strings.HasSuffix(n, "request") || strings.HasSuffix(n, "_req")
}

// returnedHandlerResponse returns the request type of the framework whose
// handler response (pylib's ReturnedByCoroutineHandlers) f returns
// directly at one of its return statements, or "".
func (m *Module) returnedHandlerResponse(f *Function) string {
	out := ""
	f.Node.ChildByField("body").Walk(func(n *Node) bool {
		if out != "" {
			return false
		}
		switch n.Type() {
		case "function_definition", "lambda", "class_definition":
			return false
		case "return_statement":
			if v := n.NamedChildren(); len(v) == 1 && Unparen(v[0]) != nil && Unparen(v[0]).Type() == "call" {
				name := m.resolve(Unparen(v[0]).ChildByField("function"), 0).Name
				if api, _ := pylib.Lookup(name); api.ReturnedByCoroutineHandlers {
					out = pylib.HandlerRequestType(name)
				}
			}
		}
		return true
	})
	return out
}

// emptyContainer reports `{}`, `[]`, `set()`, `dict()`, `list()`, an empty
// asyncio queue: an annotation on such an assignment says what the
// container will hold. s is the scope of the assignment.
func (b *builder) emptyContainer(s *Scope, v *Node) bool {
	switch v.Type() {
	case "dictionary", "list":
		return len(v.NamedChildren()) == 0
	case "call":
		args := v.ChildByField("arguments")
		if args == nil || len(args.NamedChildren()) != 0 {
			return false
		}
		switch b.text(v.ChildByField("function")) {
		case "set", "dict", "list", "defaultdict", "OrderedDict", "deque":
			return true
		}
		// An empty asyncio queue: the annotation names its items. The
		// spelling decides unless an import says what the name is:
		// `from queue import Queue` then `self.q: Queue = Queue()` makes a
		// thread queue, whose constructor call is the value to keep.
		if fn := b.text(v.ChildByField("function")); pylib.IsAsyncQueueSpelling(fn) {
			if q, ok := b.importedName(s, fn); ok {
				return pylib.AsyncQueueTypes[q]
			}
			return true
		}
	}
	return false
}

// importedName returns what a dotted name means through the import that
// binds its first part in scope s (`aio.Queue` after `import asyncio as aio`
// is "asyncio.Queue"); ok is false when no single import binds it (yet).
func (b *builder) importedName(s *Scope, dotted string) (string, bool) {
	head, rest, _ := strings.Cut(dotted, ".")
	bd := s.Lookup(head)
	if bd == nil || bd.Kind != BindImport || bd.Qualified == "" {
		return "", false
	}
	if rest == "" {
		return bd.Qualified, true
	}
	return bd.Qualified + "." + rest, true
}

// functionScope returns the nearest enclosing non-comprehension scope (where
// walrus targets bind).
func functionScope(s *Scope) *Scope {
	for s.Kind == ComprehensionScope && s.Parent != nil {
		s = s.Parent
	}
	return s
}

func (b *builder) visitChildren(n *Node, s *Scope, fn *Function, cls *Class) {
	for _, c := range n.Children() {
		b.visit(c, s, fn, cls)
	}
}

func (b *builder) visit(n *Node, s *Scope, fn *Function, cls *Class) {
	switch n.Type() {
	case "decorated_definition":
		def := n.ChildByField("definition")
		for _, c := range n.Children() {
			if c != def {
				b.visit(c, s, fn, cls)
			}
		}
		if def != nil {
			b.visitDef(def, n, s, fn, cls)
		}
		return
	case "function_definition", "class_definition":
		b.visitDef(n, nil, s, fn, cls)
		return
	case "lambda":
		lam := &Function{Lambda: true, Node: n, Parent: fn, module: b.m, QualName: qualPrefix(s) + "<lambda>"}
		ls := b.m.newScope(LambdaScope, n, s)
		ls.Func = lam
		lam.Scope = ls
		b.m.Functions = append(b.m.Functions, lam)
		if params := n.ChildByField("parameters"); params != nil {
			b.visitParams(params, s, ls, lam)
		}
		if body := n.ChildByField("body"); body != nil {
			b.visit(body, ls, lam, nil)
		}
		return
	case "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression":
		cs := b.m.newScope(ComprehensionScope, n, s)
		for _, c := range n.Children() {
			if c.Type() == "for_in_clause" {
				b.bindLoop(cs, c.ChildByField("left"), fn, cls)
			}
		}
		b.visitChildren(n, cs, fn, cls)
		return
	case "import_statement", "import_from_statement", "future_import_statement":
		b.visitImport(n, s)
		return
	case "global_statement", "nonlocal_statement":
		for _, c := range n.NamedChildren() {
			if c.Type() != "identifier" {
				continue
			}
			if n.Type() == "global_statement" {
				s.declare(b.text(c), declaredGlobal)
			} else {
				s.declare(b.text(c), declaredNonlocal)
			}
		}
		return
	case "assignment":
		left, right := n.ChildByField("left"), n.ChildByField("right")
		// a = b = value nests assignments on the right.
		value := right
		for value != nil && value.Type() == "assignment" {
			value = value.ChildByField("right")
		}
		// `repo: UserRepo` (a dataclass field) or `self.session:
		// Optional[Session] = None`: the annotation says what the name holds.
		if typ := n.ChildByField("type"); typ != nil && (value == nil || value.Type() == "none" || b.emptyContainer(s, value)) {
			value = typ
		}
		b.bindTarget(s, left, value, fn, cls)
	case "type_alias_statement":
		// `type MyEntry = ConfigEntry[MyData]` (PEP 695): the name holds the type.
		var named []*Node
		for _, c := range n.NamedChildren() {
			if c.Type() == "type" {
				named = append(named, c)
			}
		}
		if len(named) == 2 {
			if inner := named[0].NamedChildren(); len(inner) == 1 && inner[0].Type() == "identifier" {
				b.bind(s, b.text(inner[0]), BindAssign, inner[0], named[1])
			} else if len(inner) == 1 && inner[0].Type() == "generic_type" {
				// `type Pair[T] = ...`: a generic alias; its name is bound, its value not followed.
				if id := inner[0].NamedChildren(); len(id) > 0 && id[0].Type() == "identifier" {
					b.bind(s, b.text(id[0]), BindAssign, id[0], nil)
				}
			}
		}
	case "augmented_assignment":
		if l := Unparen(n.ChildByField("left")); l != nil && l.Type() == "identifier" {
			b.bind(s, b.text(l), BindOther, l, nil)
		}
	case "named_expression":
		if name := n.ChildByField("name"); name != nil {
			b.bind(functionScope(s), b.text(name), BindAssign, name, n.ChildByField("value"))
		}
	case "for_statement":
		b.bindLoop(s, n.ChildByField("left"), fn, cls)
	case "as_pattern":
		// with EXPR as NAME / except E as NAME
		alias := n.ChildByField("alias")
		var value *Node
		if n.Parent() != nil && n.Parent().Type() == "with_item" {
			if named := n.NamedChildren(); len(named) > 0 {
				value = named[0]
			}
		}
		if alias != nil {
			for _, id := range alias.NamedChildren() {
				if id.Type() == "identifier" {
					if value != nil {
						b.bind(s, b.text(id), BindAssign, id, value)
					} else {
						b.bind(s, b.text(id), BindOther, id, nil)
					}
				} else {
					// `async with connect() as self.ws` records the attribute
					// like `self.ws = connect()` (a name target takes the
					// same value above).
					b.bindTarget(s, id, value, fn, cls)
				}
			}
		}
	case "except_clause":
		// tree-sitter 0.23 puts "except E as e" in an as_pattern handled above.
	case "call":
		b.setattrOnSelf(n, fn)
		c := &Call{Node: n, Func: fn}
		b.calls = append(b.calls, c)
		if fn != nil {
			fn.Calls = append(fn.Calls, c)
		}
	case "await":
		// The await expression, not its keyword token (which has the same type).
		if fn != nil && n.Named() {
			fn.Awaits = append(fn.Awaits, n)
		}
	case "yield":
		if fn != nil {
			fn.Generator = true
		}
	}
	b.visitChildren(n, s, fn, cls)
}

// setattrOnSelf records `object.__setattr__(self, "name", value)` and
// `setattr(self, "name", value)` in a method as `self.name = value`: a
// class that overrides __setattr__ (or a frozen dataclass) sets its own
// attributes that way.
func (b *builder) setattrOnSelf(call *Node, fn *Function) {
	if fn == nil {
		return
	}
	callee := call.ChildByField("function")
	args := call.ChildByField("arguments")
	if callee == nil || args == nil {
		return
	}
	switch callee.Type() {
	case "identifier":
		if b.text(callee) != "setattr" {
			return
		}
	case "attribute":
		// The builtin object's (Python syntax, not a library).
		if obj := callee.ChildByField("object"); obj == nil || obj.Type() != "identifier" || b.text(obj) != "object" ||
			b.text(callee.ChildByField("attribute")) != "__setattr__" {
			return
		}
	default:
		return
	}
	named := args.NamedChildren()
	if len(named) != 3 || named[0].Type() != "identifier" || named[2].Type() == "keyword_argument" {
		return
	}
	attr := StringConstant(b.m.File, named[1])
	if attr == "" || !isIdentifierText(attr) {
		return
	}
	if method := selfMethod(fn, b.text(named[0])); method != nil {
		method.Class.Attrs[attr] = append(method.Class.Attrs[attr], named[2])
	}
}

// isIdentifierText reports whether s is spelled like a Python name.
func isIdentifierText(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

// bindLoop binds the names of a for-loop or comprehension target. A loop
// variable takes many values: each name keeps its target node, which
// resolves to the type every element of the iterable has, when that is
// known (unpack.go), and to nothing otherwise. A starred name is a list.
func (b *builder) bindLoop(s *Scope, target *Node, fn *Function, cls *Class) {
	target = Unparen(target)
	if target == nil {
		return
	}
	switch target.Type() {
	case "identifier":
		b.bind(s, b.text(target), BindLoop, target, target)
	case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list":
		for _, c := range target.NamedChildren() {
			b.bindLoop(s, c, fn, cls)
		}
	case "list_splat_pattern", "list_splat":
		target.Walk(func(n *Node) bool {
			if n.Type() == "identifier" {
				b.bind(s, b.text(n), BindLoop, n, nil)
			}
			return n.Type() != "attribute" && n.Type() != "subscript"
		})
	default:
		// `for self.x in ...`: an attribute of unknown value.
		b.bindTarget(s, target, nil, fn, cls)
	}
}

func qualPrefix(s *Scope) string {
	switch {
	case s == nil || s.Kind == ModuleScope:
		return ""
	case s.Kind == ClassScope:
		return s.Class.QualName + "."
	case s.Func != nil:
		return s.Func.QualName + ".<locals>."
	default:
		return qualPrefix(s.Parent)
	}
}

func (b *builder) visitDef(n, decorated *Node, s *Scope, fn *Function, cls *Class) {
	nameNode := n.ChildByField("name")
	name := b.text(nameNode)
	var decorators []*Node
	if decorated != nil {
		for _, c := range decorated.Children() {
			if c.Type() == "decorator" {
				decorators = append(decorators, c)
			}
		}
	}
	if n.Type() == "class_definition" {
		c := newClass(b.m, name, qualPrefix(s)+name)
		c.Node, c.Methods, c.Attrs = n, map[string]*Function{}, map[string][]*Node{}
		if sup := n.ChildByField("superclasses"); sup != nil {
			c.Bases = sup.NamedChildren()
			b.visit(sup, s, fn, cls)
		}
		bd := b.bind(s, name, BindClass, nameNode, nil)
		if bd != nil && bd.Kind == BindClass {
			bd.Class = c
		}
		cs := b.m.newScope(ClassScope, n, s)
		cs.Class = c
		c.Scope = cs
		b.m.Classes = append(b.m.Classes, c)
		if body := n.ChildByField("body"); body != nil {
			b.visit(body, cs, fn, c)
		}
		return
	}
	f := &Function{Name: name, QualName: qualPrefix(s) + name, Node: n, Async: n.HasToken("async"), Parent: fn, Decorators: decorators, module: b.m}
	if s.Kind == ClassScope {
		f.Class = s.Class
		s.Class.Methods[name] = f
	}
	bd := b.bind(s, name, BindDef, nameNode, nil)
	if bd != nil && bd.Kind == BindDef {
		bd.Func = f
	}
	fs := b.m.newScope(FunctionScope, n, s)
	fs.Func = f
	f.Scope = fs
	b.m.Functions = append(b.m.Functions, f)
	if params := n.ChildByField("parameters"); params != nil {
		b.visitParams(params, s, fs, f)
	}
	if rt := n.ChildByField("return_type"); rt != nil {
		b.visit(rt, s, fn, cls)
	}
	if body := n.ChildByField("body"); body != nil {
		b.visit(body, fs, f, nil)
	}
}

// visitParams binds parameter names in inner and visits defaults and
// annotations in the enclosing scope, where Python evaluates them.
func (b *builder) visitParams(params *Node, outer, inner *Scope, f *Function) {
	for _, p := range params.NamedChildren() {
		var nameNode *Node
		switch p.Type() {
		case "identifier":
			nameNode = p
		case "default_parameter", "typed_default_parameter":
			nameNode = p.ChildByField("name")
		case "typed_parameter", "list_splat_pattern", "dictionary_splat_pattern":
			for _, c := range p.NamedChildren() {
				if c.Type() == "identifier" {
					nameNode = c
					break
				}
				if c.Type() == "list_splat_pattern" || c.Type() == "dictionary_splat_pattern" {
					for _, cc := range c.NamedChildren() {
						if cc.Type() == "identifier" {
							nameNode = cc
						}
					}
					break
				}
			}
		}
		if nameNode != nil {
			name := b.text(nameNode)
			f.Params = append(f.Params, name)
			bd := b.bind(inner, name, BindParam, p, nil)
			_ = bd
		}
		for _, c := range p.Children() {
			if c != nameNode && c.Field() != "name" {
				b.visit(c, outer, f.Parent, nil)
			}
		}
	}
}

func (b *builder) visitImport(n *Node, s *Scope) {
	switch n.Type() {
	case "import_statement":
		for _, c := range n.ChildrenByField("name") {
			switch c.Type() {
			case "dotted_name":
				written := b.text(c)
				full := b.absolute(written)
				first := strings.SplitN(written, ".", 2)[0]
				// "import a.b" binds "a" to the package a (in a later copy
				// of a, to that copy's).
				b.addImport(n, s, full, "", first, b.absolute(first))
			case "aliased_import":
				full := b.absolute(b.text(c.ChildByField("name")))
				alias := b.text(c.ChildByField("alias"))
				b.addImport(n, s, full, "", alias, full)
			}
		}
	case "import_from_statement":
		mod := b.resolveModuleName(n.ChildByField("module_name"))
		for _, c := range n.ChildrenByField("name") {
			var name, alias string
			switch c.Type() {
			case "dotted_name":
				name = b.text(c)
				alias = name
			case "aliased_import":
				name = b.text(c.ChildByField("name"))
				alias = b.text(c.ChildByField("alias"))
			default:
				continue
			}
			qual := name
			if mod != "" {
				qual = mod + "." + name
			}
			b.addImport(n, s, mod, name, alias, qual)
		}
		// `from m import *` binds no name the model can follow, but rules
		// about what is imported (ASYNC106, ASYNC127) still see it.
		for _, c := range n.NamedChildren() {
			if c.Type() == "wildcard_import" {
				b.m.Imports = append(b.m.Imports, &Import{Node: n, Module: mod, Name: "*", Qualified: mod + ".*", Scope: s,
					Relative: isRelative(n)})
			}
		}
	}
	if len(b.m.Imports) > 0 && n.Type() == "import_from_statement" && isRelative(n) {
		for i := len(b.m.Imports) - 1; i >= 0 && b.m.Imports[i].Node == n; i-- {
			b.m.Imports[i].Relative = true
		}
	}
}

// fallbackImport reports whether second (an import statement, or the
// target of an assignment) is in an `except ImportError:` (or
// ModuleNotFoundError) handler of a try whose body holds import statement
// first.
func (b *builder) fallbackImport(first, second *Node) bool {
	if first == nil || second == nil {
		return false
	}
	var clause *Node
	for p := second.Parent(); p != nil && clause == nil; p = p.Parent() {
		switch p.Type() {
		case "except_clause":
			clause = p
		case "function_definition", "class_definition", "lambda", "module":
			return false
		}
	}
	if clause == nil {
		return false
	}
	named := clause.NamedChildren()
	if len(named) == 0 {
		return false
	}
	caught := named[0]
	if caught.Type() == "as_pattern" {
		if c := caught.NamedChildren(); len(c) > 0 {
			caught = c[0]
		}
	}
	if caught.Type() == "block" {
		return false // a bare except
	}
	text := b.text(caught)
	if !strings.Contains(text, "ImportError") && !strings.Contains(text, "ModuleNotFoundError") {
		return false
	}
	try := clause.Parent()
	if try == nil || try.Type() != "try_statement" {
		return false
	}
	body := try.ChildByField("body")
	for p := first.Parent(); p != nil; p = p.Parent() {
		if p == body {
			return true
		}
		if p == try {
			return false
		}
	}
	return false
}

// isRelative reports whether a from-import names its module relatively (`from .x import y`).
func isRelative(n *Node) bool {
	m := n.ChildByField("module_name")
	return m != nil && m.Type() == "relative_import"
}

func (b *builder) addImport(n *Node, s *Scope, module, name, bound, qual string) {
	bd := b.bind(s, bound, BindImport, n, nil)
	if bd != nil && bd.Kind == BindImport {
		if bd.Qualified != "" && bd.Qualified != qual {
			// Conditional imports of different things; but the fallback
			// of a failed import (`try: from importlib.metadata import
			// version` / `except ImportError: from importlib_metadata
			// import version`) stands in for the same API: the name is
			// what the try imports.
			if !b.fallbackImport(bd.Node, n) {
				bd.Kind = BindOther
			}
		} else {
			bd.Qualified = qual
		}
	}
	b.m.Imports = append(b.m.Imports, &Import{Node: n, Module: module, Name: name, Qualified: qual, BoundName: bound, Scope: s})
}

// absolute returns the name an absolute import of module means here: a
// later copy's name when the nearest root providing it holds one
// (Naming.Local).
func (b *builder) absolute(module string) string {
	top, _, _ := strings.Cut(module, ".")
	return b.m.local[top] + module
}

// PlainName returns qualified as it would read in the first copy of its
// package: without the prefix of the copy the module's imports mean.
func (m *Module) PlainName(qualified string) string {
	for top, prefix := range m.local {
		if rest, ok := strings.CutPrefix(qualified, prefix); ok && (rest == top || strings.HasPrefix(rest, top+".")) {
			return rest
		}
	}
	return qualified
}

// resolveModuleName turns "pkg.mod", ".mod" or ".." into an absolute module name.
func (b *builder) resolveModuleName(n *Node) string {
	if n == nil {
		return ""
	}
	if n.Type() != "relative_import" {
		return b.absolute(b.text(n))
	}
	dots := 0
	rest := ""
	for _, c := range n.Children() {
		if c.Type() == "import_prefix" {
			dots = strings.Count(b.text(c), ".")
		} else if c.Type() == "dotted_name" {
			rest = b.text(c)
		}
	}
	return relativeModule(b.m.Name, b.m.IsPackage, dots, rest)
}

// relativeModule returns the absolute name of a relative import's module
// (dots leading dots, then rest, "" for none) in the module named name;
// dots that climb above the top-level package leave rest as written.
func relativeModule(name string, isPackage bool, dots int, rest string) string {
	if abs, ok := pyname.Relative(name, isPackage, dots, rest); ok {
		return abs
	}
	return rest
}

var noqaRE = regexp.MustCompile(`(?i)#\s*noqa(?::[\s]*([A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*))?`)

// NoQADirective finds a noqa directive in comment text: the byte range of
// the whole directive, the range of its code list (-1, -1 for a bare
// "# noqa") and the codes, upper-cased. ok is false when there is none.
func NoQADirective(text string) (start, end, codesStart, codesEnd int, codes []string, ok bool) {
	m := noqaRE.FindStringSubmatchIndex(text)
	if m == nil {
		return 0, 0, 0, 0, nil, false
	}
	if m[2] >= 0 {
		for _, c := range strings.FieldsFunc(text[m[2]:m[3]], func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
			codes = append(codes, strings.ToUpper(c))
		}
	}
	return m[0], m[1], m[2], m[3], codes, true
}

func (m *Module) parseNoQA(c *Node) {
	text := m.File.Text(c)
	match := noqaRE.FindStringSubmatch(text)
	if match == nil {
		return
	}
	line := m.File.Lines.Position(int(c.Start)).Line
	if match[1] == "" {
		m.NoQA[line] = nil
		return
	}
	if codes, ok := m.NoQA[line]; ok && codes == nil {
		return
	}
	for _, code := range strings.FieldsFunc(match[1], func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		m.NoQA[line] = append(m.NoQA[line], strings.ToUpper(code))
	}
}

// selfMethod returns the method whose first parameter is name, seen from fn:
// fn itself, or the method enclosing fn when no function in between takes
// a parameter of that name. Nil elsewhere.
func selfMethod(fn *Function, name string) *Function {
	for f := fn; f != nil; f = f.Parent {
		if f.Class != nil && len(f.Params) > 0 && f.Params[0] == name {
			return f
		}
		for _, p := range f.Params {
			if p == name {
				return nil
			}
		}
	}
	return nil
}

// NoqaBlocker says why a `# noqa` comment cannot be appended at the end of
// line (0-based) of f, or "" when it can: the line ends inside a string (a
// comment there would be string content) or continues with a backslash (a
// comment after it is a syntax error).
func NoqaBlocker(f *File, line int) string {
	text := f.Lines.LineText(line)
	end := f.Lines.LineStart(line) + len(text)
	inString := false
	f.Root.Walk(func(n *Node) bool {
		if inString || int(n.Start) >= end || int(n.End) <= end {
			return false
		}
		if n.Type() == "string" || n.Type() == "concatenated_string" {
			inString = true
			return false
		}
		return true
	})
	switch {
	case inString:
		return "the line ends inside a string"
	case strings.HasSuffix(strings.TrimRight(text, " \t"), "\\"):
		return "the line continues with a backslash"
	}
	return ""
}
