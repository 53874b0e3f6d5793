package analysis

// Parameter types from the module's own calls: `async def start_game(message,
// args)` called only as `start_game(message, ...)` from a discord handler
// whose `message` is a discord.Message receives a discord.Message, so
// `message.channel.send(...)` in it is a coroutine call. The types are
// computed while the module is built, before any resolution is memoised.

// paramTypesFromCallers returns, for functions of the module that are only
// called (never used as a value, never decorated), the type of each untyped
// parameter on which every call of the module agrees. A chain of helpers
// (handler -> helper -> helper) is followed by resolving again with what the
// previous round found.
func (m *Module) paramTypesFromCallers(calls []*Call) map[*Function]map[string]Ref {
	byName := map[string][]*Function{}
	for _, f := range m.Functions {
		if f.Lambda || f.Name == "" || len(f.Decorators) > 0 || len(f.Params) == 0 {
			continue
		}
		byName[f.Name] = append(byName[f.Name], f)
	}
	if len(byName) == 0 {
		return nil
	}
	// Calls that may be of a candidate, by the callee's last name.
	var candidates []*Call
	for _, c := range calls {
		if name := calleeLastName(m.File, c.Node); name != "" && byName[name] != nil {
			candidates = append(candidates, c)
		}
	}
	if len(candidates) == 0 {
		return nil
	}
	passed := m.namesPassedAsValues(byName)
	var out map[*Function]map[string]Ref
	for round := 0; round < 3; round++ {
		next := m.callerArgTypes(candidates, passed)
		m.forgetResolutions()
		if sameParamTypes(out, next) {
			break
		}
		out = next
		m.callerTypes = out // the next round resolves with them
	}
	m.callerTypes = nil
	return out
}

// callerArgTypes is one round of paramTypesFromCallers.
func (m *Module) callerArgTypes(calls []*Call, passed map[string]bool) map[*Function]map[string]Ref {
	type agreement struct {
		ref Ref
		ok  bool
	}
	seen := map[*Function]map[string]*agreement{}
	spoiled := map[*Function]bool{}
	for _, c := range calls {
		f := m.resolve(c.Node.ChildByField("function"), 0).Func
		if f == nil || spoiled[f] || passed[f.Name] || f.Lambda || len(f.Decorators) > 0 {
			continue
		}
		params := f.Params
		if f.Class != nil {
			if len(params) == 0 {
				continue
			}
			params = params[1:] // self, passed by the attribute access
		}
		if c.hasSplat() {
			spoiled[f] = true
			continue
		}
		if seen[f] == nil {
			seen[f] = map[string]*agreement{}
		}
		positional := true
		for j, name := range params {
			b := f.Scope.Bindings[name]
			if b == nil || b.Kind != BindParam {
				positional = false
				continue
			}
			switch b.Node.Type() {
			case "list_splat_pattern", "dictionary_splat_pattern":
				positional = false
				continue
			case "identifier", "default_parameter":
			default:
				continue // annotated: the annotation says
			}
			var arg *Node
			if positional {
				arg = c.Positional(j)
			}
			if arg == nil {
				arg = c.Keyword(name, m.File)
			}
			r := Ref{}
			if arg != nil {
				r = m.resolve(arg, 0)
			}
			a := seen[f][name]
			known := r.Instance && r.Name != "" && r.Via == ""
			switch {
			case a == nil:
				seen[f][name] = &agreement{ref: r, ok: known}
			case !known || a.ref.Name != r.Name:
				a.ok = false
			}
		}
	}
	out := map[*Function]map[string]Ref{}
	for f, params := range seen {
		if spoiled[f] {
			continue
		}
		for name, a := range params {
			if a.ok {
				if out[f] == nil {
					out[f] = map[string]Ref{}
				}
				out[f][name] = a.ref
			}
		}
	}
	return out
}

func sameParamTypes(a, b map[*Function]map[string]Ref) bool {
	if len(a) != len(b) {
		return false
	}
	for f, pa := range a {
		pb := b[f]
		if len(pa) != len(pb) {
			return false
		}
		for n, r := range pa {
			if pb[n].Name != r.Name {
				return false
			}
		}
	}
	return true
}

// hasSplat reports a call with *args or **kwargs: which parameter gets what
// is not known.
func (c *Call) hasSplat() bool {
	for _, a := range c.Args() {
		if a.Type() == "list_splat" || a.Type() == "dictionary_splat" {
			return true
		}
	}
	return false
}

// calleeLastName is `f` for f(...) and obj.f(...).
func calleeLastName(file *File, call *Node) string {
	fn := call.ChildByField("function")
	switch {
	case fn == nil:
		return ""
	case fn.Type() == "identifier":
		return file.Text(fn)
	case fn.Type() == "attribute":
		return file.Text(fn.ChildByField("attribute"))
	}
	return ""
}

// namesPassedAsValues returns the names in want that the module mentions
// other than as a callee or at their definition: such a function may be
// called by others (a framework, a callback registry) with other values.
func (m *Module) namesPassedAsValues(want map[string][]*Function) map[string]bool {
	out := map[string]bool{}
	m.File.Root.Walk(func(n *Node) bool {
		var name string
		switch {
		case n.Type() == "attribute":
			if n.Parent != nil && n.Parent.Type() == "call" && n.Field() == "function" {
				return true
			}
			name = m.File.Text(n.ChildByField("attribute"))
		case n.Type() == "identifier" && n.Field() != "name" && n.Field() != "attribute":
			if p := n.Parent; p != nil && (p.Type() == "call" && n.Field() == "function" || p.Type() == "parameters" ||
				p.Type() == "keyword_argument" && n.Field() == "name") {
				return true
			}
			name = m.File.Text(n)
		default:
			return true
		}
		if want[name] != nil {
			out[name] = true
		}
		return true
	})
	return out
}

// forgetResolutions drops the memoised resolutions, computed before the
// parameter types from callers were known.
func (m *Module) forgetResolutions() {
	for _, s := range m.scopeOf {
		for _, b := range s.Bindings {
			b.resolved, b.ref = false, nil
		}
	}
	for _, c := range m.Classes {
		c.attrRefs = nil
	}
}
