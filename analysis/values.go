package analysis

import (
	"sync"

	"github.com/asyncls/asyncls/pylib"
)

// valueNames is the set of names a module uses as values, computed on first
// use and then shared read-only.
type valueNames struct {
	once  sync.Once
	names map[string]bool
}

// UsesNameAsValue reports whether the module mentions name other than as the
// callee of a call or at its own definition (`self.handler` counts as
// `handler`): a function handed to a framework, a task group or a router.
// A call whose coroutine is handed to a scheduler (`create_task(f())`,
// `loop.run_until_complete(f())`, `gather(f(), g())`) counts too: like a
// function passed by name, its callee must be a coroutine function.
func (m *Module) UsesNameAsValue(name string) bool {
	return m.valueNameSet()[name]
}

func namesUsedAsValues(m *Module) map[string]bool {
	out := map[string]bool{}
	m.File.Root.Walk(func(n *Node) bool {
		if n.Type == "attribute" {
			if !(n.Parent != nil && n.Parent.Type == "call" && n.Field == "function") {
				out[m.File.Text(n.ChildByField("attribute"))] = true
			}
			return true
		}
		if n.Type != "identifier" || n.Field == "name" || n.Field == "attribute" {
			return true
		}
		if p := n.Parent; p != nil {
			switch {
			case p.Type == "import_from_statement" || p.Type == "dotted_name" || p.Type == "aliased_import":
				return true
			case p.Type == "call" && n.Field == "function":
				return true
			case p.Type == "keyword_argument" && n.Field == "name" || p.Type == "parameters":
				return true
			}
		}
		out[m.File.Text(n)] = true
		return true
	})
	for _, c := range m.Calls {
		if c.Usage != UsageScheduled && !(c.Usage == UsageArgument && handsOnAwaitable(m, c.UsedBy)) {
			continue
		}
		switch fn := c.Node.ChildByField("function"); {
		case fn == nil:
		case fn.Type == "identifier":
			out[m.File.Text(fn)] = true
		case fn.Type == "attribute":
			out[m.File.Text(fn.ChildByField("attribute"))] = true
		}
	}
	return out
}

// handsOnAwaitable reports whether the call consumer, given a coroutine as an
// argument, keeps it for someone to await: any call but a builtin or a
// library function that reads its arguments as data (print, str, json.dumps,
// logging; passing a coroutine there is ASL102's mistake, not a use).
// (`_ContextManager(build())` wraps the coroutine and awaits it on entry.)
func handsOnAwaitable(m *Module, consumer *Node) bool {
	if consumer == nil || consumer.Type != "call" {
		return false
	}
	fn := consumer.ChildByField("function")
	if fn == nil {
		return false
	}
	name := m.File.Text(fn)
	if fn.Type == "attribute" {
		name = m.File.Text(fn.ChildByField("attribute"))
	}
	if pylib.Method(name, pylib.ReadsArgument) || pylib.Method(name, pylib.ReportsException) ||
		pylib.Method(name, pylib.ConsumesIterable) {
		return false
	}
	for _, c := range m.Calls {
		if c.Node == consumer {
			return c.Callee == "" || !pylib.Is(c.Callee, pylib.ReadsData)
		}
	}
	return true
}

// UsesNameAsValue reports whether any module of the project uses name as a
// value. It asks the project's index (see AnyModuleHas), never every module:
// ASYNC124 asks it for each async function of each module.
func (p *Project) UsesNameAsValue(name string) bool {
	return p.AnyModuleHas("values", (*Module).valueNameSet, name)
}

// ValueNames returns the set of names the module uses as values (see
// UsesNameAsValue); shared, not to be modified. It is the module's part of
// the project-wide index, kept by caches that do not keep the module.
func (m *Module) ValueNames() map[string]bool { return m.valueNameSet() }

// AddValueNames counts sets of names used as values by modules that are not
// in the project (a cache summarised them instead of keeping them), for
// UsesNameAsValue. Call it before the first question.
func (p *Project) AddValueNames(sets ...map[string]bool) {
	p.indexMu.Lock()
	defer p.indexMu.Unlock()
	if p.external == nil {
		p.external = map[string][]map[string]bool{}
	}
	p.external["values"] = append(p.external["values"], sets...)
}

// valueNameSet returns the module's names used as values (computed once).
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

// AddValueNamesFrom answers UsesNameAsValue for the modules that are not in
// the project and not given to AddValueNames: has(name) reports whether one
// of them uses name as a value (a check of a few files asks it of the
// modules it did not parse). has must be safe for concurrent use. Call it
// before the first question.
func (p *Project) AddValueNamesFrom(has func(name string) bool) {
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
