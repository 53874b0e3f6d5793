package analysis

import (
	"strings"
	"sync"
)

// valueNames is the set of value keys of a module (see namesUsedAsValues),
// computed on first use and then shared read-only.
type valueNames struct {
	once  sync.Once
	names map[string]bool
	// walked, when set while building, holds the value uses read from the
	// tree (valueUsesInTree), which paramTypesFromCallers needed first:
	// one walk serves both.
	walked []*Node
}

// What a module uses as a value is kept as keys naming what each use
// resolves to, through the module's own bindings (Module.Resolve for
// attributes), never by the bare name: a parameter or a local variable
// named like a function is not a use of it.
//   - "pkg.mod.f", "pkg.mod.C.m": a function, class or method the use
//     resolves to (a def of the module, or the qualified name an import
//     binds: `from pkg.mod import f`, `import pkg.mod as m; m.f`);
//   - "*.f": a bare name bound nowhere in the module (several star
//     imports, names injected at run time): it may be any `f`;
//   - ".m": an attribute of an object the module cannot resolve
//     (`obj.on_ping`): it may be any method `m`.
// Function.ValueKeys lists the keys by which a use of a function can be
// recorded; the two meet in the project's index (UsesAsValue).

// UsesAsValue reports whether the module uses something as a value under
// key (see Function.ValueKeys): other than as the callee of a call or at
// its own definition, as a function handed to a framework, a task group or
// a router. A call whose coroutine is handed to a scheduler
// (`create_task(f())`, `loop.run_until_complete(f())`, `gather(f(), g())`)
// counts too: like a function passed by name, its callee must be a
// coroutine function.
func (m *Module) UsesAsValue(key string) bool {
	return m.valueNameSet()[key]
}

func namesUsedAsValues(m *Module) map[string]bool {
	out := map[string]bool{}
	defs := map[*Scope]map[string][]*Function{} // the defs of each scope by name
	for _, f := range m.Functions {
		if f.Lambda || f.Scope == nil || f.Scope.Parent == nil {
			continue
		}
		byName := defs[f.Scope.Parent]
		if byName == nil {
			byName = map[string][]*Function{}
			defs[f.Scope.Parent] = byName
		}
		byName[f.Name] = append(byName[f.Name], f)
	}
	seen := lookedUp{}
	uses := m.values.walked
	m.values.walked = nil
	if uses == nil {
		uses = valueUsesInTree(m, nil)
	}
	for _, n := range uses {
		m.addValueKeys(out, defs, seen, n)
	}
	for _, c := range m.Calls {
		// A coroutine handed to a scheduler, or to any other callable
		// (`gen.with_timeout(t, f())`, which awaits it), must stay one; a
		// callee that does not await it is ASL102's finding.
		if c.Usage != UsageScheduled && c.Usage != UsageArgument {
			continue
		}
		if fn := c.Node.ChildByField("function"); fn != nil && (fn.Type() == "identifier" || fn.Type() == "attribute") {
			m.addValueKeys(out, defs, seen, fn)
		}
	}
	// The project-wide question of task_entries.go rides on the same index
	// (and on what caches keep of it) under keys no identifier can spell.
	for name := range m.methodTaskEntries().other {
		out[TaskEntryIndexKey(name)] = true
	}
	for name := range m.methodTaskEntries().started {
		out[StartedTaskIndexKey(name)] = true
	}
	return out
}

// valueUsesInTree returns the identifiers and attributes the module's tree
// uses as values: other than as a callee, at their definition or as a
// parameter. When imported is not nil, the names written in import
// statements, which do not count, are added to it.
func valueUsesInTree(m *Module, imported map[string]bool) []*Node {
	var out []*Node
	m.File.Root.Walk(func(n *Node) bool {
		if n.Type() == "attribute" {
			if !(n.Parent() != nil && n.Parent().Type() == "call" && n.Field() == "function") {
				out = append(out, n)
			}
			return true
		}
		if n.Type() != "identifier" || n.Field() == "name" || n.Field() == "attribute" {
			return true
		}
		if p := n.Parent(); p != nil {
			switch {
			case p.Type() == "import_from_statement" || p.Type() == "dotted_name" || p.Type() == "aliased_import":
				if imported != nil {
					imported[m.File.Text(n)] = true
				}
				return true
			case p.Type() == "call" && n.Field() == "function":
				return true
			case p.Type() == "keyword_argument" && n.Field() == "name" || p.Type() == "parameters":
				return true
			}
		}
		out = append(out, n)
		return true
	})
	return out
}

// addValueKeys adds the keys of what the identifier or attribute n
// denotes, when that may be a function or class (see the keys above). seen
// holds the names and dotted names already looked up, each from its scope
// (for a dotted name, the scope of its first name).
func (m *Module) addValueKeys(out map[string]bool, defs map[*Scope]map[string][]*Function, seen lookedUp, n *Node) {
	if n.Type() == "attribute" {
		// A dotted name (`self.conn.send`) resolves by its text from the
		// scope of its first name alone: look each up once per scope.
		if base := dottedBase(n); base != nil && !seen.first(m.ScopeAt(base), m.File.Src[n.Start:n.End]) {
			return
		}
		attr := m.File.Text(n.ChildByField("attribute"))
		switch r := m.Resolve(n); {
		case r.Func != nil:
			out[r.Func.FullName()] = true
		case r.Class != nil && !r.Instance:
			out[r.Class.FullName()] = true
		case r.Name != "" && !r.Instance:
			out[r.Name] = true
		default:
			out["."+attr] = true
		}
		return
	}
	from := m.ScopeAt(n)
	if !seen.first(from, m.File.Src[n.Start:n.End]) {
		return // the same name from the same scope adds the same keys
	}
	name := m.File.Text(n)
	b, scope := from.lookup(name)
	if b == nil {
		switch {
		case builtins[name]:
		case m.starSource() != "":
			out[m.starSource()+"."+name] = true
		default:
			out["*."+name] = true
		}
		return
	}
	// A parameter, a variable or a loop target holds a value recorded
	// where it was assigned or passed; a name bound several ways (a def
	// rebound by a decorator call, an import with a fallback def, a
	// parameter replaced by a nested def) keeps each meaning it has.
	for _, f := range defs[scope][name] {
		out[f.FullName()] = true
	}
	if b.Class != nil {
		out[b.Class.FullName()] = true
	}
	if b.Qualified != "" {
		out[strings.TrimPrefix(b.Qualified, "builtins.")] = true
	}
}

// dottedBase returns the identifier a dotted name (attributes of
// attributes of an identifier, nothing else: no call, subscript or
// parentheses) starts with, or nil when n is not one.
func dottedBase(n *Node) *Node {
	for n != nil && n.Type() == "attribute" {
		n = n.ChildByField("object")
	}
	if n == nil || n.Type() != "identifier" {
		return nil
	}
	return n
}

// lookedUp holds, per scope, the names and dotted names already looked up
// from it (a name never contains a dot, a dotted name always does).
type lookedUp map[*Scope]map[string]bool

// first reports whether text is looked up from scope for the first time,
// and records it. Only a first look-up copies text.
func (l lookedUp) first(scope *Scope, text []byte) bool {
	names := l[scope]
	if names == nil {
		names = map[string]bool{}
		l[scope] = names
	}
	if names[string(text)] {
		return false
	}
	names[string(text)] = true
	return true
}

// ValueKeys returns the keys under which a module records a use of f as a
// value: its qualified names (under each name of its module), the names
// the packages above its module may re-export a module-level function by
// (`from pkg import f` for pkg/mod.py's f: whether pkg/__init__.py does
// re-export it is not asked, so the answer depends on the using modules
// alone), a bare name bound nowhere, and, for a method, an attribute of an
// object that cannot be resolved.
func (f *Function) ValueKeys() []string {
	names := append([]string{f.module.Name}, f.module.Aliases...)
	var keys []string
	for _, mod := range names {
		if mod == "" {
			keys = append(keys, f.QualName)
			continue
		}
		keys = append(keys, mod+"."+f.QualName)
		if f.QualName != f.Name {
			continue
		}
		for i := len(mod) - 1; i > 0; i-- {
			if mod[i] == '.' {
				keys = append(keys, mod[:i]+"."+f.Name)
			}
		}
	}
	keys = append(keys, "*."+f.Name)
	if f.Class != nil {
		keys = append(keys, "."+f.Name)
	}
	return keys
}

// ValueKeyWord returns the identifier a value key ends with: the word a
// module's text must hold for the module to record the key.
func ValueKeyWord(key string) string {
	return key[strings.LastIndexByte(key, '.')+1:]
}

// UsesAsValue reports whether any module of the project records key (see
// Function.ValueKeys). It asks the project's index (see AnyModuleHas),
// never every module: ASYNC124 asks it for each async function of each
// module.
func (p *Project) UsesAsValue(key string) bool {
	return p.AnyModuleHas("values", (*Module).valueNameSet, key)
}

// ValueNames returns the module's value keys (see UsesAsValue) and the
// TaskEntryIndexKey of each method name it references other than as a
// task's entry point (see UsesMethodOtherThanAsTask); shared, not to be
// modified. It is the module's part of the project-wide index, kept
// by caches that do not keep the module.
func (m *Module) ValueNames() map[string]bool { return m.valueNameSet() }

// AddValueNames counts sets of value keys of modules that are not in the
// project (a cache summarised them instead of keeping them), for
// UsesAsValue. Call it before the first question.
func (p *Project) AddValueNames(sets ...map[string]bool) {
	p.indexMu.Lock()
	defer p.indexMu.Unlock()
	if p.external == nil {
		p.external = map[string][]map[string]bool{}
	}
	p.external["values"] = append(p.external["values"], sets...)
}

// valueNameSet returns the module's value keys (computed once).
func (m *Module) valueNameSet() map[string]bool {
	m.values.once.Do(func() { m.values.names = namesUsedAsValues(m) })
	return m.values.names
}

// AnyModuleHas reports whether name is in names(m) for some module m of the
// project: a project-wide question answered from an index built once per
// snapshot (or derived from the previous snapshot's), not by asking every
// module. names must depend on the module alone, return the same set each
// time (memoise it on the module: Module.Memo) and always be passed with the
// same key.
func (p *Project) AnyModuleHas(key string, names func(*Module) map[string]bool, name string) bool {
	if p.nameIndex(key, names).has(name) {
		return true
	}
	p.indexMu.Lock()
	outside := p.outside[key]
	p.indexMu.Unlock()
	return outside != nil && outside(name)
}

// AddValueNamesFrom answers UsesAsValue for the modules that are not in
// the project and not given to AddValueNames: has(key) reports whether one
// of them records the value key (a check of a few files asks it of the
// modules it did not parse). has must be safe for concurrent use. Call it
// before the first question.
func (p *Project) AddValueNamesFrom(has func(key string) bool) {
	p.indexMu.Lock()
	defer p.indexMu.Unlock()
	if p.outside == nil {
		p.outside = map[string]func(string) bool{}
	}
	p.outside["values"] = has
}

// nameIndex counts, per name, the modules whose set holds it. An edited
// snapshot shares its predecessor's counts (base, over the sets of
// baseSets) and records only the sets of the modules that changed since
// (delta, by path; nil for a removed module), so an edit costs O(changed
// modules), not O(project); past maxIndexDelta changes the counts are
// rebuilt. It keeps sets, not modules: a module replaced or removed from the
// project is not kept alive by the index.
type nameIndex struct {
	names    func(*Module) map[string]bool
	base     map[string]int32
	baseSets map[string]map[string]bool // path -> set, for the modules counted in base
	delta    map[string]map[string]bool // path -> set of the current module (nil: removed)
}

const maxIndexDelta = 32

func buildNameIndex(modules map[string]*Module, names func(*Module) map[string]bool, external []map[string]bool) *nameIndex {
	x := &nameIndex{names: names, base: map[string]int32{}, baseSets: make(map[string]map[string]bool, len(modules))}
	for _, set := range external {
		for n := range set {
			x.base[n]++
		}
	}
	for path, m := range modules {
		set := names(m)
		x.baseSets[path] = set
		for n := range set {
			x.base[n]++
		}
	}
	return x
}

func (x *nameIndex) has(name string) bool {
	n := x.base[name]
	for path, set := range x.delta {
		if x.baseSets[path][name] {
			n--
		}
		if set[name] {
			n++
		}
	}
	return n > 0
}

// derive returns the index of a snapshot that differs from x's by changed
// (path -> new module, nil when removed), or nil when it is cheaper to
// rebuild it.
func (x *nameIndex) derive(changed map[string]*Module) *nameIndex {
	if len(x.delta)+len(changed) > maxIndexDelta {
		return nil
	}
	y := &nameIndex{names: x.names, base: x.base, baseSets: x.baseSets, delta: make(map[string]map[string]bool, len(x.delta)+len(changed))}
	for path, set := range x.delta {
		y.delta[path] = set
	}
	for path, m := range changed {
		if m == nil {
			y.delta[path] = nil
		} else {
			y.delta[path] = x.names(m)
		}
	}
	return y
}

// nameIndex returns the snapshot's index under key, building it on first use.
func (p *Project) nameIndex(key string, names func(*Module) map[string]bool) *nameIndex {
	if x, ok := p.indexes.Load(key); ok {
		return x.(*nameIndex)
	}
	p.indexMu.Lock()
	defer p.indexMu.Unlock()
	if x, ok := p.indexes.Load(key); ok {
		return x.(*nameIndex)
	}
	x := buildNameIndex(p.byPath, names, p.external[key])
	p.indexes.Store(key, x)
	return x
}
