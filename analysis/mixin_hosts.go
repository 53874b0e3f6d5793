package analysis

import (
	"strings"

	"github.com/asyncls/asyncls/pylib"
)

// A mixin's call of a method its host class provides: a class with no
// base of its own (or only marker bases: object, ABC, Generic[...]) whose
// methods call `self.NAME()` where NAME is defined by the class it is
// mixed into, not by the mixin —
//
//	class RetrievalMixin:                      # resources/retrieval.py
//	    async def _handle(self, model):
//	        conn, acl = await self._get_user_context()
//	        acl.validate_model_access(model, "read")   # blocks the loop
//
//	class Handler(RetrievalMixin, FormattingMixin):   # resources/handler.py
//	    async def _get_user_context(self) -> Tuple[Conn, AccessController]: ...
//
// At run time `self` is an instance of a class deriving from the mixin, so
// `self.NAME` is that class's definition. When the project has exactly one
// class naming the mixin among its bases (its host), and the host defines
// NAME in its own body as one def, that def is what `Mixin.NAME` means:
// its return annotation types what the mixin's code does with the result,
// and a coroutine or blocking host method is one in the mixin's calls too
// (realbugs97, an Odoo connector's resource handlers).
//
// The answer depends on the modules that name the mixin among a class's
// bases: they import the mixin's module (or a package above it) and hold
// its name, as the callers of a function do, so the question is recorded
// as a CallerQuery (the class's name, its module's path) for checks of
// part of a project and for the cache.

// mixinHostMethod returns the def that attr of the mixin class cls means
// through its one host class, or nil when cls is not such a mixin (it has
// a base that is not a marker base, defines attr itself in any way, or
// rewrites its members), has no host or several, or its host does not
// define attr in its own body as one def.
func (p *Project) mixinHostMethod(cls *Class, attr string, viaBase bool) *Function {
	if cls == nil || attr == "" || strings.HasPrefix(attr, "__") || !pureMixin(cls) {
		return nil
	}
	if _, ok := cls.Methods[attr]; ok {
		return nil
	}
	if len(cls.Attrs[attr]) > 0 || cls.Scope == nil || cls.Scope.Bindings.Get(attr) != nil ||
		cls.Methods["__getattr__"] != nil || cls.Methods["__getattribute__"] != nil {
		return nil
	}
	// Only a name the mixin's coroutine methods call on self
	// (`self.NAME(`), and only for a mixin its own module does not mix in
	// (readsOnSelf): a lookup of any other name it lacks (a subclass's
	// member looked for up its bases, an attribute of a receiver typed as
	// a library part's base class such as tornado's RequestHandler, a
	// library's shared helper such as asyncio.locks' _ContextManagerMixin)
	// is answered by the mixin's module alone, and asks nothing of the
	// modules holding its name: in a streamed check a question about a
	// module many import makes every module importing it be checked
	// again (/work/corpus/big: 3,658 again instead of 1,161 with
	// `self.NAME` read anywhere in the class). Through a subclass's walk up its bases (viaBase) the answer is
	// nil anyway: the walk passed through the mixin's direct subclass,
	// which would be the one host, and it does not define the name.
	if viaBase || !p.readsOnSelf(cls, attr) {
		return nil
	}
	if p.recordCallers != nil && cls.module != nil && cls.module.File != nil {
		p.recordCallers(CallerQuery{Word: cls.Name, Path: cls.module.File.Path})
	}
	hosts := p.directSubclasses()[cls.FullName()]
	if len(hosts) != 1 {
		return nil
	}
	host := hosts[0]
	if host == cls || host.Methods["__getattribute__"] != nil || hasMetaclass(host) {
		return nil
	}
	isDef := func(f *Function) bool { return f != nil && !f.Lambda }
	if !host.definesOnlyAs(attr, isDef) {
		return nil
	}
	return host.Methods[attr]
}

// pureMixin reports whether every base of cls is a marker base (object,
// abc.ABC, typing.Generic[...], typing.Protocol: pylib.MarkerBase), as
// cls's own module resolves it, and none is a keyword (`metaclass=`):
// nothing but cls's own body and the class it is mixed into defines its
// members.
func pureMixin(cls *Class) bool {
	for _, b := range cls.Bases {
		if b.Type() == "keyword_argument" {
			return false
		}
		e := Unparen(b)
		if e != nil && e.Type() == "subscript" {
			e = e.ChildByField("value")
		}
		if e == nil || !pylib.MarkerBase(cls.module.Resolve(e).Name) {
			return false
		}
	}
	return true
}

// baseClassExpr is the class expression of an entry of a class
// statement's base list (`Base` of `Base[T]`), nil for a keyword
// (`metaclass=`).
func baseClassExpr(b *Node) *Node {
	if b.Type() == "keyword_argument" {
		return nil
	}
	e := Unparen(b)
	if e != nil && e.Type() == "subscript" {
		e = e.ChildByField("value")
	}
	return e
}

// hasMetaclass reports whether the class statement of c passes a keyword
// in its base list (`metaclass=`, which may wrap every method).
func hasMetaclass(c *Class) bool {
	for _, b := range c.Bases {
		if b.Type() == "keyword_argument" {
			return true
		}
	}
	return false
}

// directSubclasses maps the qualified name of a class to the classes of
// the project that name it in their base list (resolved in their own
// module: `class H(RetrievalMixin)` after `from .retrieval import
// RetrievalMixin`, or a class of the same module), built once per
// snapshot. Not a Memo: Project.Lookup asks it, and a Memo's compute may
// call Lookup (Memo's lock is not reentrant); the index needs only each
// module's own resolution, so building it asks the project nothing.
func (p *Project) directSubclasses() map[string][]*Class {
	p.directSubsOnce.Do(func() {
		out := map[string][]*Class{}
		for _, m := range p.Modules() {
			for _, c := range m.Classes {
				for _, b := range c.Bases {
					e := baseClassExpr(b)
					if e == nil {
						continue
					}
					r := m.Resolve(e)
					name := r.Name
					if r.Class != nil {
						name = r.Class.FullName()
					}
					if name == "" || r.Instance || r.Func != nil || r.Class == c {
						continue
					}
					out[name] = append(out[name], c)
				}
			}
		}
		p.directSubs = out
	})
	return p.directSubs
}

// readsOnSelf reports whether a coroutine method of cls (an `async def`,
// or a generator-based coroutine) holds `self.attr` in its source (attr
// followed by a character that cannot continue a name): the mixin's code
// that runs on the event loop reads the name on its instance. The names
// read so are indexed once per class.
func (p *Project) readsOnSelf(cls *Class, attr string) bool {
	if cls.module == nil || cls.module.File == nil || cls.Node == nil {
		return false
	}
	if v, ok := p.selfReads.Load(cls); ok {
		return v.(map[string]bool)[attr]
	}
	names := map[string]bool{}
	if mixedInOwnModule(cls) {
		// A mixin its own module mixes in (asyncio.locks'
		// _ContextManagerMixin into Lock, Semaphore and Condition) is a
		// library's shared helper with hosts beside it: not asked about.
		v, _ := p.selfReads.LoadOrStore(cls, names)
		return v.(map[string]bool)[attr]
	}
	for _, f := range cls.Methods {
		if f == nil || f.Node == nil || !f.Async && !f.generatorCoroutine {
			continue
		}
		selfNamesIn(cls.module.File.Text(f.Node), names)
	}
	v, _ := p.selfReads.LoadOrStore(cls, names)
	return v.(map[string]bool)[attr]
}

// selfNamesIn adds to names every NAME of `self.NAME(` in text.
func selfNamesIn(text string, names map[string]bool) {
	const self = "self"
	for i := 0; ; {
		j := strings.Index(text[i:], self)
		if j < 0 {
			return
		}
		start := i + j
		i = start + len(self)
		if start > 0 && isNameByte(text[start-1]) || i >= len(text) || text[i] != '.' {
			continue // `myself.x`, `obj.self.x`, `self_x`, `self`
		}
		i++
		k := i
		for k < len(text) && text[k] != '.' && isNameByte(text[k]) {
			k++
		}
		// Called (`self.NAME(`): what the host provides as a def.
		if k > i && k < len(text) && text[k] == '(' {
			names[text[i:k]] = true
		}
		i = k
	}
}

// mixedInOwnModule reports whether a class of cls's module names cls
// among its bases.
func mixedInOwnModule(cls *Class) bool {
	m := cls.module
	for _, c := range m.Classes {
		if c == cls {
			continue
		}
		for _, b := range c.Bases {
			if e := baseClassExpr(b); e != nil && m.Resolve(e).Class == cls {
				return true
			}
		}
	}
	return false
}
