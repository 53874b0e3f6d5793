package analysis

import "strings"

// Instance attributes typed by the stores other code makes. A class whose
// own assignments leave an attribute's type unknown (`self._socketio =
// socketio` with `socketio: Any = None`, `self.client = None`) may be given
// the value by whoever holds an instance: `self.model_manager._socketio =
// self.sio` in another module, where `model_manager` is an instance of the
// class and `sio` a `socketio.AsyncServer`. member resolves such an
// attribute to a Via path (attrStoreVia) the project answers with the type
// every store of the attribute on an instance of exactly that class, outside
// the class's own methods, agrees on (attrStoreType); stores of None are
// left out (the value before it is set), any other store of an unknown or
// different type gives nothing.
//
// The modules that may store into an instance of a class import the
// class's module: the question is recorded as a CallerQuery (Word: the
// attribute's name, Path: the class's module), so a check of part of a
// project holds the importers whose text holds the name, as it does for a
// function's callers; StoredAttrWords is what a module contributes to it.

// attrStoreVia brackets, at the start of a Via path, the qualified name of
// a class of the project and the name of an instance attribute whose
// type its own assignments leave unknown: `&pkg.mod.C&attr&` followed by
// the rest of the path.
const attrStoreVia = "&"

// attrStoreViaFor returns the Via path of attribute attr of instances of
// cls for the project to type from its stores, or "" when other modules
// cannot name cls (a nested or local class, a module without a name).
func attrStoreViaFor(cls *Class, attr string) string {
	if cls == nil || cls.module == nil || cls.module.Name == "" || strings.Contains(cls.QualName, ".") ||
		knownLibrary(cls.module.Name) {
		return ""
	}
	return attrStoreVia + cls.FullName() + attrStoreVia + attr + attrStoreVia
}

// IsAttrStoreVia reports a Via path that starts at an instance attribute
// the project types from the stores other code makes (attrStoreVia).
func IsAttrStoreVia(via string) bool { return strings.HasPrefix(via, attrStoreVia) }

// attrStore resolves an attrStoreVia path: the type the project's stores
// of the attribute agree on, continued with the rest of the path.
func (p *Project) attrStore(via string, depth int) Ref {
	parts := strings.SplitN(via[len(attrStoreVia):], attrStoreVia, 3)
	if len(parts) != 3 {
		return Ref{}
	}
	r := p.attrStoreType(parts[0], parts[1], depth)
	if !r.Known() {
		return Ref{}
	}
	return p.continueVia(r, parts[2], depth)
}

// attrStoreType is the type the stores of attribute attr on instances of
// the class fullName agree on, or Ref{}.
func (p *Project) attrStoreType(fullName, attr string, depth int) Ref {
	if depth > 4 {
		// Too deep to ask here; not memoised, so that the answer does
		// not depend on which question came first.
		return Ref{}
	}
	v, _ := p.attrStoreAnswers.LoadOrStore(fullName+"\x00"+attr, &onceRef{})
	a := v.(*onceRef)
	a.once.Do(func() { a.ref = p.computeAttrStoreType(fullName, attr) })
	return a.ref
}

func (p *Project) computeAttrStoreType(fullName, attr string) Ref {
	// Only what each storing module resolves by itself is read here (no
	// project resolution, which may ask this question again: a store
	// `node.next = node.next.next` reads the attribute it types, and a
	// question asked while its own answer is being computed would wait
	// for itself).
	cls := p.topLevelClass(fullName)
	if cls == nil {
		return Ref{}
	}
	if p.recordCallers != nil {
		defer p.recordCallers(CallerQuery{Word: attr, Path: cls.module.File.Path})
	}
	if !p.ownStoresLeaveOpen(cls, attr) {
		return Ref{}
	}
	names := classNames(cls)
	var out Ref
	for _, m := range p.attrStoreModules(attr) {
		for _, s := range m.attrStores() {
			if s.attr != attr || s.class == cls && cls.module == m {
				continue
			}
			if o := m.Resolve(s.obj); !o.Instance || o.Via != "" || o.Class != cls && (o.Class != nil || !names[o.Name]) {
				continue // not an instance of exactly cls: a store on a subclass's sets that class's attribute
			}
			if v := Unparen(s.value); v != nil && v.Type() == "none" {
				continue
			}
			r := m.Resolve(s.value)
			if !r.Instance || r.Via != "" || r.Func != nil || r.Name == "" && r.Class == nil {
				return Ref{}
			}
			if out.Known() && (out.Name != r.Name || out.Class != r.Class) {
				return Ref{}
			}
			out = r
		}
	}
	return out
}

// topLevelClass returns the module-level class of the project named
// fullName (`pkg.mod.C`), or nil.
func (p *Project) topLevelClass(fullName string) *Class {
	i := strings.LastIndexByte(fullName, '.')
	if i < 0 {
		return nil
	}
	m := p.ModuleNamed(fullName[:i])
	if m == nil {
		return nil
	}
	for _, c := range m.Classes {
		if c.QualName == fullName[i+1:] {
			return c
		}
	}
	return nil
}

// classNames returns the dotted names another module's resolution gives an
// instance of cls: by its module's name and by each of the module's
// aliases.
func classNames(cls *Class) map[string]bool {
	out := map[string]bool{cls.FullName(): true}
	for _, mod := range cls.module.Aliases {
		if mod != "" {
			out[mod+"."+cls.QualName] = true
		}
	}
	return out
}

// attrStoreModules returns the project's modules with a store of an
// attribute named attr on an object other than self or cls.
func (p *Project) attrStoreModules(attr string) []*Module {
	return p.attrStoreIndex.modules(p, (*Module).StoredAttrWords, attr)
}

// attrStoreSite is one store `obj.attr = value` of a module.
type attrStoreSite struct {
	obj, value *Node
	attr       string
	class      *Class // the class whose method makes the store, if any
}

// attrStores returns the module's plain assignments of one value to an
// attribute of an object other than a bare self or cls (`x.attr = v`,
// `self.m.attr = v`), memoised.
func (m *Module) attrStores() []attrStoreSite {
	return m.Memo("attrStores", func() any {
		var out []attrStoreSite
		src := m.File
		m.File.Root.Walk(func(n *Node) bool {
			if n.Type() != "assignment" {
				return true
			}
			left, right := Unparen(n.ChildByField("left")), n.ChildByField("right")
			if left == nil || right == nil || left.Type() != "attribute" || right.Type() == "assignment" {
				return true
			}
			obj := left.ChildByField("object")
			if obj == nil || obj.Type() == "identifier" && (src.Text(obj) == "self" || src.Text(obj) == "cls") {
				return true
			}
			var cls *Class
			if f := m.FunctionAt(n); f != nil {
				cls = f.Class
			}
			out = append(out, attrStoreSite{obj: obj, value: right, attr: src.Text(left.ChildByField("attribute")), class: cls})
			return true
		})
		return out
	}).([]attrStoreSite)
}

// StoredAttrWords returns the names of the attributes the module assigns
// on an object other than a bare self or cls, each once: a question about
// an attribute's stores (attrStoreType) reads the modules whose
// StoredAttrWords hold its name.
func (m *Module) StoredAttrWords() []string {
	stores := m.attrStores() // not within Memo's function: Memo does not nest
	return m.Memo("storedAttrWords", func() any {
		seen := map[string]bool{}
		var out []string
		for _, s := range stores {
			if !seen[s.attr] {
				seen[s.attr] = true
				out = append(out, s.attr)
			}
		}
		return out
	}).([]string)
}

// attrStoreFacts describes the module's attribute stores as it resolves
// them (the object's type, the attribute, the value's type), one a line:
// two versions of a module with equal facts answer attrStoreType alike
// (ProjectWideFacts).
func (m *Module) attrStoreFacts() string {
	var b strings.Builder
	typeOf := func(r Ref) string {
		switch {
		case r.Class != nil:
			return r.Class.FullName()
		case r.Via != "":
			return r.Via
		}
		return r.Name
	}
	for _, s := range m.attrStores() {
		b.WriteString(typeOf(m.Resolve(s.obj)))
		b.WriteString(".")
		b.WriteString(s.attr)
		b.WriteString("=")
		b.WriteString(typeOf(m.Resolve(s.value)))
		b.WriteString("\n")
	}
	return b.String()
}

// ownStoresLeaveOpen reports whether the class's own stores of attr give it
// no value of their own: each is None, or the parameter of `__init__` it
// is constructed with (`self._socketio = socketio`, `socketio: Any =
// None`) when no call of the class in the project passes that parameter.
// Any other own value (`kwargs.get("client")`, a parameter a call passes
// a client of unknown type to) may be anything, and what other code
// stores on an instance (a test's fake) does not say what it is.
func (p *Project) ownStoresLeaveOpen(cls *Class, attr string) bool {
	m := cls.module
	for _, v := range cls.Attrs[attr] {
		v = Unparen(v)
		if v == nil {
			return false
		}
		if v.Type() == "none" {
			continue
		}
		f := m.FunctionAt(v)
		if v.Type() != "identifier" || f == nil || f.Class != cls || f.Name != "__init__" {
			return false
		}
		b := f.Scope.Bindings.Get(m.File.Text(v))
		if b == nil || b.Kind != BindParam || p.classCallPasses(cls, f, b.Name) {
			return false
		}
	}
	return true
}

// classCallPasses reports whether a call of class cls in the project may
// pass parameter name of its `__init__` f: by keyword, by a position it
// may reach, or through `*args`/`**kwargs`.
func (p *Project) classCallPasses(cls *Class, f *Function, name string) bool {
	word := CallerWord(f)
	if p.recordCallers != nil {
		defer p.recordCallers(CallerQuery{Word: word, Path: cls.module.File.Path})
	}
	pos := -1
	if len(f.Params) > 0 {
		for i, prm := range f.Params[1:] {
			if prm == name && paramKind(f, prm) != notPositional {
				pos = i
			}
		}
	}
	for _, m := range p.callerModules(word) {
		for _, c := range m.callsNamed(word) {
			if k := m.callSiteKey(c, word); k == "" || !p.namesFunction(k, f) {
				continue
			}
			if c.hasSplat() || c.Keyword(name, m.File) != nil || pos >= 0 && c.Positional(pos) != nil {
				return true
			}
		}
	}
	return false
}
