package analysis

import (
	"strings"

	"github.com/asyncls/asyncls/pylib"
)

// Which of Python's synchronous and asynchronous protocols (iteration,
// context management) an object of the project supports, when the code in
// view decides it: ASL108 and ASL111 report the statement that uses the
// other one, which raises TypeError when it runs.

// ClosedClass reports whether everything cls gets from its bases is in
// view: every base is a project class that is closed too (or `object`), no
// base list passes a keyword (`metaclass=`, which may add or change any
// method), no class decorator rewrites the class, and its name is bound by
// this class statement only (not `if PY37: class Lock: ... else: class
// Lock: ...`, where a name resolves to the last).
func (p *Project) ClosedClass(cls *Class) bool { return p.closedClass(cls, 0) }

func (p *Project) closedClass(cls *Class, depth int) bool {
	if cls == nil || depth > 8 {
		return false
	}
	if par := cls.Node.Parent(); par != nil && par.Type() == "decorated_definition" || !soleDefinition(cls.Scope, cls.Node, cls.Name) {
		return false
	}
	for _, base := range cls.Bases {
		if base.Type() == "keyword_argument" {
			return false
		}
		r, parent := p.baseClass(cls, base)
		if parent == nil && r.Name == "object" && r.Func == nil && !r.Instance {
			continue
		}
		if parent == nil || parent == cls || !p.closedClass(parent, depth+1) {
			return false
		}
	}
	return true
}

// ClassBinds reports whether cls's body or the body of one of its project
// bases binds name: a def, or an assignment (`__aenter__ = __enter__`).
func (p *Project) ClassBinds(cls *Class, name string) bool { return p.classBinds(cls, name, 0) }

func (p *Project) classBinds(cls *Class, name string, depth int) bool {
	if cls == nil || depth > 8 {
		return false
	}
	if cls.Methods[name] != nil || cls.Scope != nil && cls.Scope.Bindings.Get(name) != nil {
		return true
	}
	for _, parent := range p.projectBases(cls) {
		if p.classBinds(parent, name, depth+1) {
			return true
		}
	}
	return false
}

// ProtocolBoundElsewhere reports whether an object of the project class cls
// may get the method name from outside cls's hierarchy: a module of the
// project rebinds or patches name on an object (`Conn.__aenter__ =
// _aenter`, `setattr(Conn, "__aenter__", f)`: PatchedNames), or, unless
// exact (the object is made by a call of cls itself, not a value annotated
// or inferred as cls, which may be an instance of a subclass), a project
// class deriving from cls defines name in any way (`class AsyncConn(Conn)`
// adding `__aenter__`). asked (may be nil) is called with the key of the
// question (AnyMemberKey), for incremental checks. Its callers ask of a
// class that binds a protocol method (ClassBinds), as ProtocolOverrides
// assumes.
func (p *Project) ProtocolBoundElsewhere(cls *Class, name string, exact bool, asked func(string)) bool {
	if p.recordPatched != nil {
		p.recordPatched(name)
	}
	if !exact && p.recordOverrides != nil {
		p.recordOverrides(cls)
	}
	if asked != nil {
		asked(AnyMemberKey(name))
	}
	if p.isPatched(name) {
		return true
	}
	if exact {
		return false
	}
	for _, c := range p.anyMemberIndex()[name] {
		if c != cls && p.derivesFrom(c, cls, 0) {
			return true
		}
	}
	return false
}

// soleDefinition reports whether the class or def statement def, whose
// body is scope, is the only binding of its name where it binds it: a name
// defined twice (`if PY2: def f(): ... else: async def f(): ...`, `try:
// class C(Fast) ... except ImportError: class C: ...`) resolves to the last
// definition, which need not be the one that runs.
func soleDefinition(scope *Scope, def *Node, name string) bool {
	id := def.ChildByField("name")
	if scope == nil || scope.Parent == nil || id == nil {
		return false
	}
	bd := scope.Parent.Bindings.Get(name)
	// Bound first here (Node), and still by this statement (Func or Class:
	// the last of several, and no binding of another kind, BindOther).
	return bd != nil && bd.Node != nil && bd.Node.Start == id.Start &&
		(bd.Kind == BindDef && bd.Func != nil && bd.Func.Node == def || bd.Kind == BindClass && bd.Class != nil && bd.Class.Node == def)
}

// SoleDefinition reports whether f's def statement is the only binding of
// its name in its scope (soleDefinition): not `if PY_352: def __aiter__ ...
// else: async def __aiter__ ...`, nor a def rebound by an assignment.
func (f *Function) SoleDefinition() bool {
	return f != nil && !f.Lambda && soleDefinition(f.Scope, f.Node, f.Name)
}

// GeneratorContextManager reports whether f is a generator function turned
// into a context manager by contextlib's decorator alone, and whether that
// manager is asynchronous (`@asynccontextmanager` on an async generator)
// or synchronous (`@contextmanager` on a generator). A second decorator may
// wrap it into anything, so ok is false then; so may another definition of
// its name (soleDefinition).
func (f *Function) GeneratorContextManager() (async, ok bool) {
	if f == nil || !f.Generator || f.Lambda || len(f.Decorators) != 1 || !soleDefinition(f.Scope, f.Node, f.Name) {
		return false, false
	}
	expr := f.Decorators[0].NamedChildren()
	if len(expr) == 0 {
		return false, false
	}
	isAsync, known := pylib.GeneratorContextManagers[f.module.Resolve(expr[0]).Name]
	if !known || isAsync != f.Async {
		return false, false
	}
	return isAsync, true
}

// PlainGenerator reports whether f is a generator function (async or not)
// whose calls return the generator itself: no decorator but @staticmethod
// or @classmethod, and no other definition of its name (soleDefinition).
func (f *Function) PlainGenerator() bool {
	if f == nil || !f.Generator || f.Lambda || !soleDefinition(f.Scope, f.Node, f.Name) {
		return false
	}
	for _, d := range f.Decorators {
		expr := d.NamedChildren()
		if len(expr) == 0 {
			return false
		}
		switch f.module.File.Text(expr[0]) {
		case "staticmethod", "classmethod":
		default:
			return false
		}
	}
	return true
}

// GlobalInstanceType is the type of the instance a module-level name of a
// project module holds (`pkg.locks.lock`, where pkg/locks.py binds `lock =
// threading.Lock()` once), as that module resolves its value; "" when the
// name is bound otherwise, more than once, or to anything but an instance.
// Canonical follows such a name to its type too, but cannot tell an
// instance from an alias of the class (`Lock = threading.Lock`).
func (p *Project) GlobalInstanceType(qualified string) string {
	dot := strings.LastIndexByte(qualified, '.')
	if p == nil || dot <= 0 {
		return ""
	}
	m := p.byName[qualified[:dot]]
	if m == nil || m.Scope == nil {
		return ""
	}
	b := m.Scope.Bindings.Get(qualified[dot+1:])
	if b == nil || b.Kind != BindAssign || len(b.Values) != 1 || b.Values[0] == nil {
		return ""
	}
	if r := m.Resolve(b.Values[0]); r.Instance && r.Class == nil && r.Func == nil {
		return r.Name
	}
	return ""
}

// NoCoroutineInstances reports whether no coroutine object can pass
// `isinstance(x, cls)` for the project class cls: isinstance is true of a
// coroutine only for the classes of its type's MRO (coroutine, object) and
// the ABCs that register or hook it (collections.abc.Awaitable and
// Coroutine, typing's aliases, runtime-checkable Protocols, a class whose
// metaclass decides `__instancecheck__`). So cls qualifies when neither it
// nor a project base takes a keyword in its base list (`metaclass=`), is
// decorated (`@runtime_checkable`), or binds `__instancecheck__`,
// `__subclasshook__` or `__await__`, and every base outside the project is
// known and keeps coroutines out (externalBaseKeepsCoroutinesOut: not a
// Protocol nor an abstract awaitable). A library base such as pydantic's
// BaseModel or Exception keeps it: a subclass of it is a class a coroutine
// is no instance of.
func (p *Project) NoCoroutineInstances(cls *Class) bool {
	return p.noCoroutineInstances(cls, 0)
}

func (p *Project) noCoroutineInstances(cls *Class, depth int) bool {
	if cls == nil || depth > 8 {
		return false
	}
	if par := cls.Node.Parent(); par != nil && par.Type() == "decorated_definition" {
		return false
	}
	for _, name := range []string{"__instancecheck__", "__subclasshook__", "__await__"} {
		if cls.Methods[name] != nil || cls.Scope != nil && cls.Scope.Bindings.Get(name) != nil {
			return false
		}
	}
	for _, base := range cls.Bases {
		if base.Type() == "keyword_argument" {
			return false
		}
		r, parent := p.baseClass(cls, base)
		if parent != nil {
			if parent == cls || !p.noCoroutineInstances(parent, depth+1) {
				return false
			}
			continue
		}
		name := r.Name
		if name == "" && base.Type() == "identifier" && cls.module.IsBuiltin(base, cls.module.File.Text(base)) {
			name = "builtins." + cls.module.File.Text(base) // class Timeout(Exception)
		}
		if name == "" || r.Instance || r.Func != nil || !externalBaseKeepsCoroutinesOut(name) {
			return false
		}
	}
	return true
}

// externalBaseKeepsCoroutinesOut: a base class from outside the project
// whose subclasses no coroutine object is an instance of (see
// NoCoroutineInstances). isinstance admits a coroutine for a class of its
// type's MRO, a registered virtual base or a class whose hook or
// metaclass says so; of the library classes a project derives from, a
// Protocol (checked by its members at run time) is the one that may, and
// the abstract awaitables are kept out with it. The typing and
// collections.abc names are dotted as the resolver gives them; every
// other module's class (pydantic's BaseModel, Exception) keeps
// coroutines out.
func externalBaseKeepsCoroutinesOut(name string) bool {
	if strings.HasPrefix(name, "typing.") || strings.HasPrefix(name, "collections.abc.") {
		return false
	}
	switch name[strings.LastIndex(name, ".")+1:] {
	case "Protocol", "Awaitable", "Coroutine", "Generator", "AsyncGenerator":
		return false
	}
	return true
}
