package analysis

import "sync"

// valueNames is the set of names a module uses as values, computed on first
// use and then shared read-only.
type valueNames struct {
	once  sync.Once
	names map[string]bool
}

// UsesNameAsValue reports whether the module mentions name other than as the
// callee of a call or at its own definition (`self.handler` counts as
// `handler`): a function handed to a framework, a task group or a router.
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
	return out
}

// UsesNameAsValue reports whether any module of the project uses name as a
// value. It asks the project's index of value names (built once per
// snapshot, or derived from the previous snapshot's), never every module:
// ASYNC124 asks it for each async function of each module.
func (p *Project) UsesNameAsValue(name string) bool {
	return p.valueIndex().uses(name)
}

// valueNameSet returns the module's names used as values (computed once).
func (m *Module) valueNameSet() map[string]bool {
	m.values.once.Do(func() { m.values.names = namesUsedAsValues(m) })
	return m.values.names
}

// valueIndex counts, per name, the modules using it as a value. An edited
// snapshot shares its predecessor's counts (base, over the modules of
// baseModules) and records only the modules that changed since (delta, by
// path; nil for a removed module), so an edit costs O(changed modules), not
// O(project); past maxValueDelta changes the counts are rebuilt.
type valueIndex struct {
	base        map[string]int32
	baseModules map[string]*Module // never mutated: a snapshot's byPath
	delta       map[string]*Module
}

const maxValueDelta = 32

func buildValueIndex(modules map[string]*Module) *valueIndex {
	v := &valueIndex{base: map[string]int32{}, baseModules: modules}
	for _, m := range modules {
		for n := range m.valueNameSet() {
			v.base[n]++
		}
	}
	return v
}

func (v *valueIndex) uses(name string) bool {
	n := v.base[name]
	for path, m := range v.delta {
		if old := v.baseModules[path]; old != nil && old.valueNameSet()[name] {
			n--
		}
		if m != nil && m.valueNameSet()[name] {
			n++
		}
	}
	return n > 0
}

// derive returns the index of a snapshot that differs from v's by changed
// (path -> new module, nil when removed), or nil when it is cheaper to
// rebuild it.
func (v *valueIndex) derive(changed map[string]*Module) *valueIndex {
	if v == nil || len(v.delta)+len(changed) > maxValueDelta {
		return nil
	}
	w := &valueIndex{base: v.base, baseModules: v.baseModules, delta: make(map[string]*Module, len(v.delta)+len(changed))}
	for path, m := range v.delta {
		w.delta[path] = m
	}
	for path, m := range changed {
		if m == v.baseModules[path] {
			delete(w.delta, path) // back to the base version
		} else {
			w.delta[path] = m
		}
	}
	return w
}

// valueIndex returns the snapshot's index, building it on first use.
func (p *Project) valueIndex() *valueIndex {
	if v := p.values.Load(); v != nil {
		return v
	}
	p.valuesMu.Lock()
	defer p.valuesMu.Unlock()
	if v := p.values.Load(); v != nil {
		return v
	}
	v := buildValueIndex(p.byPath)
	p.values.Store(v)
	return v
}
