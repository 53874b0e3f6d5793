package analysis

import "strings"

// Property reads: reading `obj.prop` where prop is a `@property` (or
// `cached_property`) of a project class runs its getter there and then, as
// a call would. Reach follows them as calls, so a coroutine that reads a
// lazily-built client (`self.client.get(...)` where the getter builds
// `httpx.AsyncClient()`) reaches what the getter calls.

// PropertyReads returns the reads in f's own body (not its nested
// functions or classes) of a project property whose getter is synchronous,
// in source order, each as a Call whose Node is the attribute read, whose
// Target is the getter and whose Func is f (IsPropertyRead). Assigning or
// deleting the attribute is no read. Computed once per function and
// snapshot.
func (p *Project) PropertyReads(f *Function) []*Call {
	if p == nil || f == nil || f.Node == nil {
		return nil
	}
	names := p.propertyNames()
	if len(names) == 0 {
		return nil
	}
	p.propMu.Lock()
	defer p.propMu.Unlock()
	if reads, ok := p.propReads[f]; ok {
		return *reads
	}
	if p.propReads == nil {
		p.propReads = map[*Function]*[]*Call{}
	}
	reads := p.propertyReadsOf(f, names)
	if len(reads) == 0 {
		// Most functions read no property: they share one entry.
		p.propReads[f] = &noPropertyReads
		return nil
	}
	p.propReads[f] = &reads
	return reads
}

// noPropertyReads is the memo of every function that reads no property (a
// map entry of a pointer is 16 bytes, of a slice 32, and a project
// memoises every function a reach walk enters).
var noPropertyReads []*Call

// IsPropertyRead reports a Call made by PropertyReads: the read of a
// property, not a call expression.
func (c *Call) IsPropertyRead() bool { return c.Node != nil && c.Node.Type() == "attribute" }

// propertyNames are the names of the project's synchronous properties,
// found once per snapshot (not with Memo: Reach asks it, and a Memo's
// compute may walk Reach).
func (p *Project) propertyNames() map[string]bool {
	p.propNamesOnce.Do(func() {
		names := map[string]bool{}
		for _, m := range p.Modules() {
			for _, fn := range m.Functions {
				if fn.Class != nil && !fn.Async && !fn.Generator && fn.isProperty() {
					names[fn.Name] = true
				}
			}
		}
		p.propNames = names
	})
	return p.propNames
}

func (p *Project) propertyReadsOf(f *Function, names map[string]bool) []*Call {
	body := f.Node.ChildByField("body")
	if body == nil {
		return nil
	}
	m := f.module
	var out []*Call
	body.Walk(func(n *Node) bool {
		switch n.Type() {
		case "function_definition", "lambda", "class_definition", "decorated_definition":
			return false
		case "attribute":
		default:
			return true
		}
		attr := n.ChildByField("attribute")
		if attr == nil || !names[m.File.Text(attr)] || IsBindingTarget(n) || deleted(n) {
			return true
		}
		if g := p.getterRead(m, n); g != nil {
			out = append(out, &Call{Node: n, Callee: g.FullName(), Target: g, Func: f, Usage: UsageOther})
		}
		return true
	})
	return out
}

// deleted reports `del obj.attr`.
func deleted(n *Node) bool {
	q := n.Parent()
	for q != nil && (q.Type() == "expression_list" || q.Type() == "tuple" || q.Type() == "parenthesized_expression") {
		q = q.Parent()
	}
	return q != nil && q.Type() == "delete_statement"
}

// getterRead returns the synchronous getter that reading attribute node n
// runs: n's object is an instance of a project class whose attribute is a
// property (the getter, also when a setter of the same name follows it).
func (p *Project) getterRead(m *Module, n *Node) *Function {
	obj := m.Resolve(n.ChildByField("object"))
	if !obj.Known() && obj.Via != "" {
		obj = p.ResolveVia(obj.Via)
	}
	if obj.Class == nil && obj.Instance && obj.Name != "" {
		// An instance of a class of another module of the project.
		obj.Class = p.Lookup(obj.Name).Class
	}
	if obj.Class == nil || !obj.Instance {
		return nil
	}
	attr := m.File.Text(n.ChildByField("attribute"))
	meth := obj.Class.lookupMethod(attr, 0)
	if meth == nil || meth.Async || meth.Generator {
		return nil
	}
	if meth.isProperty() {
		return meth
	}
	// `@prop.setter def prop(self, v)` comes last and is what the class
	// maps the name to; the getter is the property of that name before it.
	for _, d := range meth.Decorators {
		text := meth.module.File.Text(d)
		if strings.HasSuffix(text, attr+".setter") || strings.HasSuffix(text, attr+".deleter") {
			for _, g := range meth.module.Functions {
				if g.Class == meth.Class && g.Name == attr && !g.Async && !g.Generator && g.isProperty() {
					return g
				}
			}
		}
	}
	return nil
}
