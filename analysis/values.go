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
	m.values.once.Do(func() { m.values.names = namesUsedAsValues(m) })
	return m.values.names[name]
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
// value. Each module's set is computed once, so a new snapshot after one
// edit only walks the edited module.
func (p *Project) UsesNameAsValue(name string) bool {
	for _, m := range p.byPath {
		if m.UsesNameAsValue(name) {
			return true
		}
	}
	return false
}
