package analysis

import (
	"slices"
	"sort"
	"strings"
)

// The mirror of IsCoroutineFunction: a call whose value is decidably not
// awaitable, so that `await` on it raises TypeError ("object list can't be
// used in 'await' expression") whenever it runs (ASL110). Where
// IsCoroutineFunction takes a function for a coroutine factory when every
// return hands on a coroutine, this takes it for a plain value's maker only
// when every return gives a value no await accepts (a literal, a display,
// a builtin's result) and nothing can put an awaitable in its place: a
// decorator, a second definition, a rebinding of its name, an instance
// attribute of that name, or an override in a subclass anywhere in the
// project (overriddenByAny, the mirror of overriddenBySync).

// AnyMemberKey is the key under which a check records that an answer
// depends on every class of the project that defines name in any way (a
// method of any kind, a binding of its body, `self.name = ...` in a
// method): the question overriddenByAny answers. No identifier spells it,
// so it never meets the keys of overriddenBySync's question (the method
// name itself) in rules.Dependencies.OverrideQueries.
func AnyMemberKey(name string) string { return "*" + name }

// AnyMemberName is the method name of a key AnyMemberKey made, and whether
// key is one.
func AnyMemberName(key string) (string, bool) { return strings.CutPrefix(key, "*") }

// NotAwaitableCall returns the project function the call c runs when its
// value is decidably not awaitable (see plainValueMaker), else nil. The
// answer of a method depends on every class of the project that defines
// its name (a subclass may override it with a coroutine function); asked
// (may be nil) is called with the key of that question (AnyMemberKey).
func (p *Project) NotAwaitableCall(c *Call, asked func(key string)) *Function {
	if p == nil || c.CalleeInstance || len(c.Choices()) > 0 {
		return nil
	}
	f := p.Target(c)
	if f == nil || strings.HasPrefix(f.Name, "__") || !f.notAwaitableMaker() {
		return nil
	}
	if p.isCoroutineFunctionCall(c, nil) {
		return nil
	}
	// A module anywhere in the project that rebinds the name on an object
	// (`util.reconnect = areconnect`, `Client.fetch = AsyncMock()`) or
	// patches it (`monkeypatch.setattr(Client, "fetch", ...)`,
	// `patch("pkg.util.reconnect")`) may put an awaitable in its place.
	if asked != nil {
		asked(AnyMemberKey(f.Name))
	}
	if p.recordPatched != nil {
		p.recordPatched(f.Name)
	}
	if p.isPatched(f.Name) {
		return nil
	}
	if f.Class != nil {
		if p.rewritesMembers(f.Class, 0) {
			return nil
		}
		if p.classStoresAttr(f.Class, f.Name, 0) {
			return nil
		}
		if p.overriddenByAny(f, asked) {
			return nil
		}
	}
	return f
}

// rewritesMembers reports a class whose attribute reads may not give the
// methods its body defines: it or a project base names a metaclass (which
// may wrap every method) or defines __getattribute__.
func (p *Project) rewritesMembers(c *Class, depth int) bool {
	if depth > 8 {
		return true
	}
	if c.Methods["__getattribute__"] != nil {
		return true
	}
	for _, b := range c.Bases {
		if b.Type() == "keyword_argument" && c.module.File.Text(b.ChildByField("name")) == "metaclass" {
			return true
		}
	}
	for _, parent := range p.projectBases(c) {
		if p.rewritesMembers(parent, depth+1) {
			return true
		}
	}
	return false
}

// classStoresAttr reports whether the project class c or one of its
// project bases stores self.name in a method (an instance attribute that
// shadows a method of that name).
func (p *Project) classStoresAttr(c *Class, name string, depth int) bool {
	if depth > 8 {
		return true
	}
	if len(c.Attrs[name]) > 0 {
		return true
	}
	for _, parent := range p.projectBases(c) {
		if p.classStoresAttr(parent, name, depth+1) {
			return true
		}
	}
	return false
}

// overriddenByAny reports whether a subclass in the project defines the
// method f's name other than as a plain value's maker itself (an async
// def, a decorated def, a binding of its body, `self.NAME = ...`): a call
// through a receiver of f's class may then give an awaitable.
func (p *Project) overriddenByAny(f *Function, asked func(string)) bool {
	if p.recordOverrides != nil {
		p.recordOverrides(f.Class)
	}
	if asked != nil {
		asked(AnyMemberKey(f.Name))
	}
	for _, c := range p.anyMemberIndex()[f.Name] {
		if c == f.Class || !p.derivesFrom(c, f.Class, 0) {
			continue
		}
		if !c.definesOnlyAs(f.Name, (*Function).plainValueMaker) {
			return true
		}
	}
	// A subclass that lists another base before the one leading to f's
	// class takes the name from that base first (its MRO: `class
	// Impl(AsyncMixin, Core)` runs AsyncMixin.fetch for `self.fetch()` in
	// Core's methods). Asked under AnyMemberKey(""), which the modules
	// holding a class of two or more bases define (MemberNames).
	if asked != nil {
		asked(AnyMemberKey(""))
	}
	for _, d := range p.multiBaseClasses() {
		if d != f.Class && p.earlierBaseMay(d, f, (*Function).plainValueMaker) {
			return true
		}
	}
	return false
}

// MethodMayBeReplaced reports whether reading the method f through an
// instance (`self.ready`) may give something other than f: a project
// subclass defines its name in any way (overriddenByAny: an instance
// attribute holding a future, a property, a mixin listed first), the class
// or a project base stores it on self, or a module rebinds or patches the
// name on an object. asked is as for NotAwaitableCall.
func (p *Project) MethodMayBeReplaced(f *Function, asked func(string)) bool {
	if f == nil || f.Class == nil {
		return false
	}
	replaced := p.overriddenByAny(f, asked)
	if p.recordPatched != nil {
		p.recordPatched(f.Name)
	}
	return replaced || p.isPatched(f.Name) || p.classStoresAttr(f.Class, f.Name, 0)
}

// MixinKey is the AnyMemberKey under which a check records that an
// answer depends on the project's classes of two or more bases
// (overriddenByAny's MRO question).
var MixinKey = AnyMemberKey("")

// multiBaseClasses returns the classes of the project that list two or
// more bases, built once per snapshot.
func (p *Project) multiBaseClasses() []*Class {
	return p.Memo("multiBaseClasses", func() any {
		var out []*Class
		for _, m := range p.Modules() {
			for _, c := range m.Classes {
				if c.multiBase() {
					out = append(out, c)
				}
			}
		}
		return out
	}).([]*Class)
}

// multiBase reports a class that lists two or more bases (not counting
// keyword arguments such as metaclass=).
func (c *Class) multiBase() bool {
	n := 0
	for _, b := range c.Bases {
		if b.Type() != "keyword_argument" {
			n++
		}
	}
	return n >= 2
}

// DerivesFromAny reports whether the project class d derives from one of
// classes: what a module holding d contributes to overriddenByAny's MRO
// question about their methods.
func (p *Project) DerivesFromAny(d *Class, classes map[*Class]bool) bool {
	return p.derivesFromWhere(d, func(c *Class) bool { return classes[c] }, 0)
}

// anyMemberIndex maps a name to the classes of the project that define it
// in any way (classMemberNames), built once per snapshot.
func (p *Project) anyMemberIndex() map[string][]*Class {
	return p.Memo("anyMemberIndex", func() any {
		out := map[string][]*Class{}
		for _, m := range p.Modules() {
			for _, c := range m.Classes {
				for _, name := range c.memberNames() {
					out[name] = append(out[name], c)
				}
			}
		}
		return out
	}).(map[string][]*Class)
}

// isPatched reports whether a module of the project rebinds name on an
// object or patches it (patchedIndex), or, when the project answers for
// modules outside it (AddPatchedNamesFrom), one of those does.
func (p *Project) isPatched(name string) bool {
	return p.patchedIndex()[name] || p.outsidePatched != nil && p.outsidePatched(name)
}

// patchedIndex holds the names some module of the project rebinds on an
// object or patches (Module.PatchedNames), built once per snapshot.
func (p *Project) patchedIndex() map[string]bool {
	return p.Memo("patchedIndex", func() any {
		out := map[string]bool{}
		for _, m := range p.Modules() {
			for _, n := range m.PatchedNames() {
				out[n] = true
			}
		}
		return out
	}).(map[string]bool)
}

// PatchedNames returns the names m assigns as an attribute of an object
// other than `self`/`cls` (`util.reconnect = areconnect`, `Client.fetch =
// AsyncMock()`), or names as the attribute a call sets or patches
// (`setattr(obj, "fetch", f)`, `monkeypatch.setattr(Client, "fetch", f)`,
// `patch.object(Client, "fetch")`, the last name of `patch("pkg.Client.fetch")`,
// the keywords of `patch.multiple(Client, fetch=...)`), each once, sorted:
// a function or method of that name elsewhere may hold another callable
// at run time. Memoised per module.
func (m *Module) PatchedNames() []string {
	return m.Memo("patchedNames", func() any {
		seen := map[string]bool{}
		src := m.File
		m.File.Root.Walk(func(n *Node) bool {
			switch n.Type() {
			case "assignment", "augmented_assignment":
				// A literal or display assigned (`job.status = "done"`)
				// puts no callable there.
				if r := n.ChildByField("right"); r == nil || !m.plainValue(r, 0) {
					collectAttrTargets(src, n.ChildByField("left"), seen)
				}
			case "call":
				fn := n.ChildByField("function")
				args := n.ChildByField("arguments")
				if fn == nil || args == nil {
					break
				}
				last := src.Text(fn)
				if fn.Type() == "attribute" {
					last = src.Text(fn.ChildByField("attribute"))
				}
				switch last {
				case "setattr", "patch", "object", "multiple":
				default:
					return true
				}
				for _, a := range args.NamedChildren() {
					switch a.Type() {
					case "string":
						if t := StringConstant(src, a); t != "" && len(t) < 200 {
							seen[t[strings.LastIndexByte(t, '.')+1:]] = true
						}
					case "keyword_argument":
						if last == "multiple" {
							seen[src.Text(a.ChildByField("name"))] = true
						}
					}
				}
			}
			return true
		})
		out := make([]string, 0, len(seen))
		for n := range seen {
			if n != "" {
				out = append(out, n)
			}
		}
		sort.Strings(out)
		return out
	}).([]string)
}

// AnyOverriders returns the classes of the project that derive from f's
// class and define f's name in any way: what overriddenByAny reads.
func (p *Project) AnyOverriders(f *Function) []*Class {
	if f.Class == nil {
		return nil
	}
	var out []*Class
	for _, c := range p.anyMemberIndex()[f.Name] {
		if c != f.Class && p.derivesFrom(c, f.Class, 0) {
			out = append(out, c)
		}
	}
	return out
}

// memberNames returns the names c defines in any way: its methods, the
// bindings of its body, and the attributes its methods store on self,
// each once, sorted, but for dunder and mangled names other than
// protocolMethods; none for a class without a base, which overrides
// nothing (so an edit of such a class changes no project-wide fact).
func (c *Class) memberNames() []string {
	hasBase := false
	for _, b := range c.Bases {
		hasBase = hasBase || b.Type() != "keyword_argument"
	}
	if !hasBase {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	add := func(n string) {
		// Dunder and mangled names are never asked (NotAwaitableCall
		// answers nil for them; every class has `__init__`) but for the
		// protocol methods ProtocolBoundElsewhere asks about.
		if !seen[n] && (!strings.HasPrefix(n, "__") || protocolMethods[n]) {
			seen[n] = true
			out = append(out, n)
		}
	}
	for name := range c.Methods {
		add(name)
	}
	if c.Scope != nil {
		for name := range c.Scope.Bindings.All() {
			add(name)
		}
	}
	for name := range c.Attrs {
		add(name)
	}
	sort.Strings(out)
	return out
}

// protocolMethods are the special methods whose definition in a subclass
// ProtocolBoundElsewhere asks about (ASL108, ASL111): the synchronous and
// asynchronous context-manager and iteration protocols.
var protocolMethods = map[string]bool{"__enter__": true, "__aenter__": true, "__iter__": true, "__aiter__": true,
	"__getitem__": true}

// ProtocolOverrides returns the protocol methods (protocolMethods) that
// the classes of m define in any way, each once, where the class derives
// from a class for which is holds that binds a protocol method
// (ClassBinds): what may make ProtocolBoundElsewhere true for such a class
// when m is in the project (its callers ask of a class that binds the
// protocol's other method). A check that does not hold every module at
// once keeps m for the classes it asks about.
func (p *Project) ProtocolOverrides(m *Module, is func(*Class) bool) []string {
	asked := func(k *Class) bool {
		if !is(k) {
			return false
		}
		for name := range protocolMethods {
			if p.ClassBinds(k, name) {
				return true
			}
		}
		return false
	}
	var out []string
	for _, c := range m.Classes {
		for _, name := range c.memberNames() {
			if protocolMethods[name] && !slices.Contains(out, name) && p.derivesFromWhere(c, asked, 0) {
				out = append(out, name)
			}
		}
	}
	return out
}

// derivesFromWhere reports whether the project class c derives from a
// class for which is holds (derivesFrom's walk, to the same depth).
func (p *Project) derivesFromWhere(c *Class, is func(*Class) bool, depth int) bool {
	if depth > 8 {
		return false
	}
	for _, parent := range p.projectBases(c) {
		if is(parent) || p.derivesFromWhere(parent, is, depth+1) {
			return true
		}
	}
	return false
}

// MemberNames returns the names m's classes define in any way and the
// names m rebinds on objects or patches (PatchedNames), each once, sorted:
// the functions and methods whose plain definitions elsewhere a subclass
// or a patch in m may replace (overriddenByAny, patchedIndex). Caches keep
// it instead of the module.
func (m *Module) MemberNames() []string {
	extra := m.PatchedNames()
	for _, c := range m.Classes {
		if c.multiBase() {
			extra = append(extra[:len(extra):len(extra)], "") // overriddenByAny's MRO question (MixinKey)
			break
		}
	}
	return uniqueClassNames(m, extra, (*Class).memberNames)
}

// OverrideDefinitions is what a module defines that the override
// questions a check records (rules.Dependencies.OverrideQueries) read:
// the names its classes define other than as an async def
// (overriddenBySync) and those they define in any way, with the names it
// patches and MixinKey's "" for a class of two or more bases
// (overriddenByAny, MemberNames). Both sorted. The one rule of which
// modules an override question's answer reads (Answers, OverrideIndex)
// for the server's dependents and lint's cache, which keeps these
// instead of the module.
type OverrideDefinitions struct{ Sync, Members []string }

// OverrideDefinitions returns what m defines that override questions read.
func (m *Module) OverrideDefinitions() OverrideDefinitions {
	return OverrideDefinitions{Sync: m.SyncMemberNames(), Members: m.MemberNames()}
}

// overrideQuestion returns the name an override question recorded under
// key asks about, and whether it asks about a definition in any way (an
// AnyMemberKey: overriddenByAny, Members) or other than as an async def (a
// method name: overriddenBySync, Sync).
func overrideQuestion(key string) (name string, anyMember bool) {
	if name, ok := AnyMemberName(key); ok {
		return name, true
	}
	return key, false
}

// names returns the names of d the question asks about.
func (d OverrideDefinitions) names(anyMember bool) []string {
	if anyMember {
		return d.Members
	}
	return d.Sync
}

// Answers reports whether the answer to the override question recorded
// under key reads the module (its dependencies are such modules, with
// what they import): for an AnyMemberKey, the module defines or patches
// the name in any way; for a method name, its classes define it other than
// as an async def. Whether such a class derives from the method's is
// looked up in the modules it imports.
func (d OverrideDefinitions) Answers(key string) bool {
	name, anyMember := overrideQuestion(key)
	_, found := slices.BinarySearch(d.names(anyMember), name)
	return found
}

// OverrideIndex finds, for an override question, the modules whose
// definitions its answer reads (those whose OverrideDefinitions Answer
// it), among modules given by index.
type OverrideIndex struct {
	byName [2]map[string][]int // by anyMember (0: Sync, 1: Members), name
}

// NewOverrideIndex indexes defs (each module's, by its index).
func NewOverrideIndex(defs []OverrideDefinitions) *OverrideIndex {
	x := &OverrideIndex{byName: [2]map[string][]int{{}, {}}}
	for i, d := range defs {
		for k, anyMember := range []bool{false, true} {
			for _, n := range d.names(anyMember) {
				x.byName[k][n] = append(x.byName[k][n], i)
			}
		}
	}
	return x
}

// Definers returns the indexes of the modules whose definitions the answer
// to the override question recorded under key reads, in index order.
func (x *OverrideIndex) Definers(key string) []int {
	name, anyMember := overrideQuestion(key)
	k := 0
	if anyMember {
		k = 1
	}
	return x.byName[k][name]
}

// uniqueClassNames returns extra and the names each of m's classes gives
// by names, each once, sorted.
func uniqueClassNames(m *Module, extra []string, names func(*Class) []string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	for _, n := range extra {
		add(n)
	}
	for _, c := range m.Classes {
		for _, n := range names(c) {
			add(n)
		}
	}
	sort.Strings(out)
	return out
}

// MakesPlainValue reports whether f is a method whose overriding
// Project.NotAwaitableCall may ask about: a name it answers for (not
// `__init__` or another dunder or mangled name: every class of a project
// has those, and the streamed check asked about each library-part
// `__init__` for every class defining one, a third of a run's time) whose
// call decidably gives a value that is not awaitable, by f alone
// (notAwaitableMaker: a plain value's maker or an async generator
// function).
func (f *Function) MakesPlainValue() bool {
	return !strings.HasPrefix(f.Name, "__") && f.notAwaitableMaker()
}

// notAwaitableMaker reports whether calling f decidably gives a value that
// is not awaitable, by f alone: a plain value's maker (plainValueMaker) or
// an async generator function (asyncGeneratorMaker).
func (f *Function) notAwaitableMaker() bool {
	return f.plainValueMaker() || f.asyncGeneratorMaker()
}

// asyncGeneratorMaker reports an async generator function (AsyncGenerator)
// with no decorator but @staticmethod or @classmethod, the one definition
// of its name in its scope: its call gives an async generator whatever its
// body does (the body runs only when iterated), and an async generator has
// no __await__. Overrides are asked about as for a plain def
// (overriddenByAny takes only plain value makers for harmless overrides, so
// an async generator overriding another one keeps the call unreported).
func (f *Function) asyncGeneratorMaker() bool {
	return f.AsyncGenerator() && !f.generatorCoroutine && !f.asyncCallable && f.Name != "" && f.soleUndecoratedDef()
}

// soleUndecoratedDef reports a def with no decorator but @staticmethod or
// @classmethod that is the one definition of its name in its scope (no
// second def, no other binding of the name).
func (f *Function) soleUndecoratedDef() bool {
	for _, d := range f.Decorators {
		t := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(f.module.File.Text(d)), "@"))
		if t != "staticmethod" && t != "classmethod" {
			return false
		}
	}
	scope := f.module.ScopeOf(f)
	if scope == nil {
		return false
	}
	if b := scope.Bindings.Get(f.Name); b == nil || b.Kind != BindDef || b.Func != f {
		return false
	}
	for _, g := range f.module.Functions {
		if g != f && g.Name == f.Name && g.Parent == f.Parent && g.Class == f.Class && f.module.ScopeOf(g) == scope {
			return false
		}
	}
	return true
}

// plainValueMaker reports whether calling f decidably gives a value that
// is not awaitable, by f alone: a plain def (not a lambda, generator or
// generator-based coroutine) with no decorator but @staticmethod or
// @classmethod, the one definition of its name in its scope (no second
// def, no other binding of the name), no stub meant to be overridden (its
// body only `pass`, `...`, a docstring or `raise NotImplementedError`), that
// can return (not a body that always raises), and each of whose return
// statements returns what plainValue accepts (a bare return, or falling
// off the end, gives None).
func (f *Function) plainValueMaker() bool {
	if f == nil || f.Async || f.Lambda || f.Generator || f.generatorCoroutine || f.asyncCallable || f.Name == "" {
		return false
	}
	if !f.soleUndecoratedDef() {
		return false
	}
	if f.isStub() {
		return false
	}
	returns := f.returnStatements()
	if len(returns) == 0 && !f.mayFallOff() {
		return false // it always raises
	}
	for _, ret := range returns {
		named := ret.NamedChildren()
		if len(named) == 0 {
			continue
		}
		if len(named) != 1 || !f.module.plainValue(named[0], 0) {
			return false
		}
	}
	return true
}

// ScopeOf returns the scope f is defined in (its binding's scope): the
// module's, a class's or an enclosing function's.
func (m *Module) ScopeOf(f *Function) *Scope {
	if f.Scope == nil {
		return nil
	}
	return f.Scope.Parent
}

// isStub reports a body meant to be overridden: only `pass`, `...`, a
// docstring, comments and `raise NotImplementedError`.
func (f *Function) isStub() bool {
	body := f.Node.ChildByField("body")
	if body == nil {
		return true
	}
	for _, s := range body.NamedChildren() {
		switch s.Type() {
		case "comment", "pass_statement":
			continue
		case "expression_statement":
			named := s.NamedChildren()
			if len(named) == 1 && (named[0].Type() == "string" || named[0].Type() == "ellipsis" || named[0].Type() == "concatenated_string") {
				continue
			}
			return false
		case "raise_statement":
			named := s.NamedChildren()
			if len(named) >= 1 {
				e := Unparen(named[0])
				if e.Type() == "call" {
					e = e.ChildByField("function")
				}
				if e != nil && f.module.File.Text(e) == "NotImplementedError" {
					continue
				}
			}
			return false
		default:
			return false
		}
	}
	return true
}

// plainResultBuiltins are the builtins whose result is never awaitable
// whatever their arguments: they build a str, number, bool, container or
// iterator of their own type (unlike min, max or sum, which give back what
// they are given, or abs, which calls __abs__).
var plainResultBuiltins = map[string]bool{
	"len": true, "str": true, "int": true, "float": true, "bool": true, "list": true, "dict": true, "set": true,
	"tuple": true, "frozenset": true, "sorted": true, "repr": true, "isinstance": true, "issubclass": true,
	"hasattr": true, "callable": true, "hash": true, "id": true, "bytes": true, "bytearray": true, "range": true,
	"enumerate": true, "zip": true, "reversed": true, "ascii": true, "chr": true, "ord": true, "hex": true,
	"oct": true, "bin": true, "round": true, "any": true, "all": true,
}

// plainValue reports an expression whose value is decidably not
// awaitable: None, a literal, an f-string, a display or comprehension, the
// result of `not`, a comparison, an arithmetic or boolean operator or a
// conditional of such values, a call of a builtin of plainResultBuiltins
// (not rebound by the module), a str method called on a string literal.
// Anything else (a name, an attribute, self, another call) is not known.
func (m *Module) plainValue(n *Node, depth int) bool {
	n = Unparen(n)
	if n == nil || depth > 8 {
		return false
	}
	switch n.Type() {
	case "none", "true", "false", "integer", "float", "string", "concatenated_string", "ellipsis",
		"list", "dictionary", "set", "list_comprehension", "dictionary_comprehension", "set_comprehension",
		"generator_expression", "not_operator", "comparison_operator":
		return true
	case "tuple", "boolean_operator", "binary_operator", "conditional_expression":
		// and/or give one of their operands; a conditional one of its
		// branches (its condition is any expression); an operator of
		// plain values gives a plain value (their own __add__...); a tuple
		// is plain whatever it holds.
		if n.Type() == "tuple" {
			return true
		}
		named := n.NamedChildren()
		if n.Type() == "conditional_expression" && len(named) == 3 {
			named = []*Node{named[0], named[2]}
		}
		for _, c := range named {
			if c.Type() == "comment" {
				continue
			}
			if !m.plainValue(c, depth+1) {
				return false
			}
		}
		return len(named) > 0
	case "unary_operator":
		arg := n.ChildByField("argument")
		return arg != nil && (arg.Type() == "integer" || arg.Type() == "float")
	case "call":
		fn := n.ChildByField("function")
		if fn == nil {
			return false
		}
		switch fn.Type() {
		case "identifier":
			name := m.File.Text(fn)
			if !plainResultBuiltins[name] {
				return false
			}
			r := m.Resolve(fn)
			return r.Func == nil && r.Class == nil && r.Via == "" && (r.Name == "" || r.Name == name)
		case "attribute":
			obj := Unparen(fn.ChildByField("object"))
			return obj != nil && (obj.Type() == "string" || obj.Type() == "concatenated_string")
		}
	}
	return false
}

// StoresAttributeElsewhere reports whether the module assigns an attribute
// named name on an object other than the receiver of one of its own
// methods (`client.fetch = AsyncMock()`), or holds name as a string
// literal, or as the last name of a dotted one (`patch.object(Client,
// "fetch")`, `setattr(obj, "fetch", f)`, `patch("pkg.Client.fetch")`):
// the attribute may then hold another callable than the method of that
// name. Memoised per module.
func (m *Module) StoresAttributeElsewhere(name string) bool {
	set := m.Memo("storedAttributesElsewhere", func() any {
		out := map[string]bool{}
		src := m.File
		m.File.Root.Walk(func(n *Node) bool {
			switch n.Type() {
			case "string":
				if t := StringConstant(src, n); t != "" && len(t) < 200 {
					// `patch.object(Client, "fetch")`, and the last name of
					// a dotted target, `patch("pkg.client.Client.fetch")`.
					out[t] = true
					out[t[strings.LastIndexByte(t, '.')+1:]] = true
				}
				return false
			case "assignment", "augmented_assignment":
				collectAttrTargets(src, n.ChildByField("left"), out)
			}
			return true
		})
		return out
	}).(map[string]bool)
	return set[name]
}

// collectAttrTargets notes the attribute names assigned in target whose
// object is not a bare `self`/`cls`.
func collectAttrTargets(src *File, target *Node, out map[string]bool) {
	target = Unparen(target)
	if target == nil {
		return
	}
	switch target.Type() {
	case "attribute":
		obj := target.ChildByField("object")
		if obj != nil && obj.Type() == "identifier" && (src.Text(obj) == "self" || src.Text(obj) == "cls") {
			return
		}
		out[src.Text(target.ChildByField("attribute"))] = true
	case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list":
		for _, c := range target.NamedChildren() {
			collectAttrTargets(src, c, out)
		}
	}
}

// AsyncGenerator reports an async generator function: an `async def` whose
// body (not a nested function's) yields. Its call gives an async generator
// to iterate with `async for`, never an awaitable.
func (f *Function) AsyncGenerator() bool {
	return f != nil && f.Async && f.Generator && !f.Lambda
}
