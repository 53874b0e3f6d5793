package analysis

import (
	"strings"

	"github.com/asyncls/asyncls/pylib"
)

// Dispatch to overrides: a call through a base type (`self.backend.send(x)`
// with backend typed as Backend, or `self.send(x)` in Backend's own
// methods) runs the override of the instance's class. When the base's
// definition is a synchronous stub, meant only to be overridden (`def
// send(self, x): raise NotImplementedError`, `...`, `pass`, with or
// without @abstractmethod), and every class of the project deriving from
// the base that defines the name defines it as a coroutine function, the
// call makes a coroutine: dropping it is the bug ASL102 reports.
//
// The answer depends on every module whose classes define the name in any
// way (an override added anywhere may be sync, or be the first async one):
// it is recorded as the override question AnyMemberKey(name), with
// overriddenByAny's MRO question (MixinKey): the keys OverrideQueryKeys
// gives for such a stub; and the stub's class is recorded for the scoped
// check (RecordOverrideQueries).

// OverrideQueryKeys returns the keys under which a check records the
// override questions an answer of IsCoroutineFunction asked about method
// (what its asked callback is called with): for a coroutine function,
// whether a subclass overrides it with a sync member (its name,
// overriddenBySync); for a synchronous stub, how every subclass defines
// its name and which classes list two or more bases (AnyMemberKey and
// MixinKey, dispatchesToCoroutines).
func OverrideQueryKeys(method *Function) []string {
	if method.Async || method.generatorCoroutine || method.asyncCallable {
		return []string{method.Name}
	}
	return []string{AnyMemberKey(method.Name), MixinKey}
}

// DispatchStub reports a method dispatchesToCoroutines may ask about: a
// synchronous method of a class, not a dunder or mangled name, whose body
// is a stub (isStub), the one definition of its name in the class, whose
// only decorators keep its behaviour (pylib.KeepsBehaviour: @abstractmethod,
// @override, @final).
func (f *Function) DispatchStub() bool {
	if f == nil || f.Class == nil || f.Async || f.Lambda || f.Generator || f.generatorCoroutine || f.asyncCallable ||
		f.Name == "" || strings.HasPrefix(f.Name, "__") {
		return false
	}
	for _, d := range f.Decorators {
		expr := d.NamedChildren()
		if len(expr) == 0 {
			return false
		}
		api, ok := pylib.Lookup(f.module.Resolve(expr[0]).Name)
		if !ok || !api.Has(pylib.KeepsBehaviour) {
			return false
		}
	}
	if scope := f.module.ScopeOf(f); scope == nil {
		return false
	} else if b := scope.Bindings.Get(f.Name); b == nil || b.Kind != BindDef || b.Func != f {
		return false // a second definition (an @overload stub's real one)
	}
	return f.isStub()
}

// dispatchedCall reports a call that runs the override of its receiver's
// class: a method called through an instance (`self.send(x)`,
// `self.backend.send(x)`), not through `super()` (which runs the next
// definition after the caller's class, never a subclass's) or a class
// (`Backend.send(self, x)` runs Backend's).
func (p *Project) dispatchedCall(c *Call) (bool, *Class) {
	fn := Unparen(c.Node.ChildByField("function"))
	if fn == nil || fn.Type() != "attribute" {
		return false, nil
	}
	// The enclosing function's module, else a walk of the project's.
	var m *Module
	if c.Func != nil {
		m = c.Func.module
	} else {
		m = p.moduleOfNode(c.Node)
	}
	if m == nil {
		return false, nil
	}
	obj := Unparen(fn.ChildByField("object"))
	if obj == nil {
		return false, nil
	}
	if obj.Type() == "call" {
		if g := obj.ChildByField("function"); g != nil && g.Type() == "identifier" && m.File.Text(g) == "super" {
			return false, nil
		}
	}
	// The receiver's class, when known: the method's own class for its
	// first parameter (`self.send(x)`), else the instance's class.
	var recv *Class
	if f := c.Func; obj.Type() == "identifier" && f != nil && f.Class != nil && len(f.Params) > 0 &&
		m.File.Text(obj) == f.Params[0] && !f.decoratedWith("staticmethod") && !f.decoratedWith("classmethod") {
		recv = f.Class
	}
	if obj.Type() == "identifier" || obj.Type() == "attribute" {
		r := m.Resolve(obj)
		if r.Class != nil && !r.Instance {
			return false, nil
		}
		if recv == nil && r.Class != nil && r.Instance {
			recv = r.Class
		}
	}
	return true, recv
}

// dispatchesToCoroutines reports whether f is a synchronous stub
// (DispatchStub) that at least one class of the project deriving from f's
// class overrides, every such class with a coroutine function (an async
// def no decorator turns into something else; not an attribute stored on
// self, not a second binding), and that no class reaches through a base
// listed before f's lineage that may define the name otherwise.
func (p *Project) dispatchesToCoroutines(f *Function, recv *Class, asked func(*Function)) bool {
	if p == nil || !f.DispatchStub() {
		return false
	}
	if p.recordOverrides != nil {
		p.recordOverrides(f.Class)
	}
	if asked != nil {
		asked(f)
	}
	if p.classStoresAttr(f.Class, f.Name, 0) || p.rewritesMembers(f.Class, 0) {
		return false
	}
	if p.recordPatched != nil {
		p.recordPatched(f.Name)
	}
	if p.isPatched(f.Name) {
		return false
	}
	// A receiver of a subclass that keeps the stub (the call resolved to
	// it) runs an override only of its own subclasses.
	if recv == f.Class || recv != nil && !p.derivesFrom(recv, f.Class, 0) {
		recv = nil
	}
	below := func(c *Class) bool {
		return p.derivesFrom(c, f.Class, 0) && (recv == nil || c == recv || p.derivesFrom(c, recv, 0))
	}
	for _, s := range p.stubOverrides[f] {
		if recv == nil || s.Ancestors[recv] {
			return false
		}
	}
	coroutine := func(m *Function) bool { return m.isCoroutineFunctionIn(p) }
	found := false
	for _, c := range p.anyMemberIndex()[f.Name] {
		if c == f.Class || !below(c) {
			continue
		}
		if !c.definesOnlyAs(f.Name, coroutine) {
			return false
		}
		found = true
	}
	if !found {
		return false
	}
	for _, d := range p.multiBaseClasses() {
		if d != f.Class && below(d) && p.earlierBaseMay(d, f, coroutine) {
			return false
		}
	}
	return true
}

// earlierBaseMay reports whether d derives from f's class through a base
// listed after one that may define f's name other than as a def for which
// is holds: a project class whose lineage does (lineageDefinesOtherThan),
// or a base the project does not define other than a marker base (object,
// ABC, Generic[...], typing's Protocol: pylib.MarkerBase; asyncio.Protocol,
// a library mixin or an unknown base may define it). The MRO question of
// ASL110 (overriddenByAny, is a plain value's maker) and of dispatch to
// overrides (is a coroutine function).
func (p *Project) earlierBaseMay(d *Class, f *Function, is func(*Function) bool) bool {
	earlier := false
	for _, b := range d.Bases {
		if b.Type() == "keyword_argument" {
			continue
		}
		_, parent := p.baseClass(d, b)
		if parent == f.Class || (parent != nil && p.derivesFrom(parent, f.Class, 0)) {
			return earlier
		}
		if parent == nil {
			e := Unparen(b)
			if e != nil && e.Type() == "subscript" {
				e = e.ChildByField("value")
			}
			if e == nil || !pylib.MarkerBase(d.module.Resolve(e).Name) {
				earlier = true
			}
			continue
		}
		earlier = earlier || p.lineageDefinesOtherThan(parent, f.Name, is, 0)
	}
	return false
}

// lineageDefinesOtherThan reports whether the project class c or one of
// its project bases defines name other than as one def for which is holds
// (the first definition in its MRO decides).
func (p *Project) lineageDefinesOtherThan(c *Class, name string, is func(*Function) bool, depth int) bool {
	if depth > 8 {
		return true
	}
	if c.Methods[name] != nil || len(c.Attrs[name]) > 0 || (c.Scope != nil && c.Scope.Bindings.Get(name) != nil) {
		return !c.definesOnlyAs(name, is)
	}
	for _, parent := range p.projectBases(c) {
		if p.lineageDefinesOtherThan(parent, name, is, depth+1) {
			return true
		}
	}
	return false
}

// definesOnlyAs reports whether the class's own definition of name is one
// def for which is holds: not also an attribute stored on self, not a
// second binding of the name in the class body.
func (c *Class) definesOnlyAs(name string, is func(*Function) bool) bool {
	m := c.Methods[name]
	if m == nil || len(c.Attrs[name]) > 0 || c.Scope == nil || !is(m) {
		return false
	}
	b := c.Scope.Bindings.Get(name)
	return b != nil && b.Kind == BindDef && b.Func == m
}

// A StubOverride stands for a class, of a module a partial project lacks,
// that derives from a sync stub's class (DispatchStub) and defines the
// stub's name otherwise than as a coroutine function: as the class itself
// would, it makes dispatchesToCoroutines false for every receiver it
// derives from. A streamed check (lint/stream.go) keeps these in place of
// the dropped module and what it imports, which on src/ were 447 modules
// kept for the sync `connection_made`s of asyncio.Protocol's subclasses.
type StubOverride struct {
	// Ancestors holds the classes the class derives from (derivesFrom's
	// walk) that are in the modules every later project holds.
	Ancestors map[*Class]bool
}

// AddStubOverrides gives the project the classes of modules it lacks that
// override sync stubs otherwise than with coroutine functions (by stub).
// Call it before the first question; the map is not changed afterwards.
func (p *Project) AddStubOverrides(overrides map[*Function][]StubOverride) {
	p.stubOverrides = overrides
}

// StubOverrideOf summarises class c, which derives from stub f's class and
// defines f's name (AnyOverriders), for a project that lacks c's module:
// ok false when it cannot stand for c there: c defines the name as a
// coroutine function (a dispatch may then find it), lists two or more
// bases (overriddenByAny's and dispatch's MRO question), or derives from
// f's class through a class of a module other than c's for which stable is
// false (a later project may hold that class, as a receiver c derives
// from, without c).
func (p *Project) StubOverrideOf(c *Class, f *Function, stable func(*Class) bool) (StubOverride, bool) {
	if c.multiBase() || c.definesOnlyAs(f.Name, func(m *Function) bool { return m.isCoroutineFunctionIn(p) }) {
		return StubOverride{}, false
	}
	s := StubOverride{Ancestors: map[*Class]bool{}}
	ok := true
	// derivesFrom's walk, visiting every ancestor; it stops at a class of
	// another module for which stable is false.
	p.derivesFromWhere(c, func(k *Class) bool {
		switch {
		case stable(k):
			s.Ancestors[k] = true
		case k.module != c.module:
			ok = false
			return true
		}
		return false
	}, 0)
	return s, ok
}
