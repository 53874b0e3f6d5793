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
	// A class-body name bound only to methods of its class (`_sendfile =
	// _sendfile_system` or `_sendfile_fallback`, chosen at import time):
	// self._sendfile(...) calls one of them with the same arguments.
	aliases, aliasValues := m.classAliases()
	aliasNames := map[string][]*Function{}
	for _, byAlias := range aliases {
		for name, targets := range byAlias {
			aliasNames[name] = append(aliasNames[name], targets...)
		}
	}
	// Calls that may be of a candidate, by the callee's last name.
	var candidates []*Call
	for _, c := range calls {
		if name := calleeLastName(m.File, c.Node); name != "" && (byName[name] != nil || aliasNames[name] != nil) {
			candidates = append(candidates, c)
		}
	}
	if len(candidates) == 0 {
		return nil
	}
	// Only calls of a function with a parameter to type, never passed as a
	// value, can agree on something. A call resolves to a function of
	// another name only through an alias, which passes its name as a value
	// (a class-body alias, whose calls are followed, excepted; an alias
	// passed as a value passes its methods).
	want := byName
	if len(aliasNames) > 0 {
		want = make(map[string][]*Function, len(byName)+len(aliasNames))
		for name, fs := range byName {
			want[name] = fs
		}
		for name, fs := range aliasNames {
			want[name] = append(want[name], fs...)
		}
	}
	passed := m.namesPassedAsValues(want, aliasValues)
	for name, targets := range aliasNames {
		if passed[name] {
			for _, f := range targets {
				passed[f.Name] = true
			}
		}
	}
	for name, fs := range byName {
		if passed[name] || !anyHasInferableParam(fs) {
			delete(byName, name)
		}
	}
	kept := candidates[:0:0]
	for _, c := range candidates {
		name := calleeLastName(m.File, c.Node)
		if byName[name] != nil || (aliasNames[name] != nil && !passed[name]) {
			kept = append(kept, c)
		}
	}
	candidates = kept
	if len(candidates) == 0 {
		// What the rounds would have found: nothing, with the memoised
		// resolutions dropped (a memo depends on what was resolved first).
		m.forgetResolutions()
		return nil
	}
	var out map[*Function]map[string]Ref
	for round := 0; round < 3; round++ {
		m.callerTypesAsked = map[paramOf]bool{}
		next := m.callerArgTypes(candidates, passed, aliases)
		asked := m.callerTypesAsked
		m.callerTypesAsked = nil
		m.forgetResolutions()
		if sameParamTypes(out, next) {
			break
		}
		prev := out
		out = next
		m.callerTypes = out // the next round resolves with them
		if sameAnswers(asked, prev, out) {
			// The next round would ask the same and find the same: out.
			break
		}
	}
	m.callerTypes = nil
	return out
}

// paramOf names a parameter of a function of the module.
type paramOf struct {
	f    *Function
	name string
}

// sameAnswers reports whether a and b give the same type to every parameter
// in asked (the parameter types a round of paramTypesFromCallers looked up).
func sameAnswers(asked map[paramOf]bool, a, b map[*Function]map[string]Ref) bool {
	for p := range asked {
		ra, oka := a[p.f][p.name]
		rb, okb := b[p.f][p.name]
		if oka != okb || ra != rb {
			return false
		}
	}
	return true
}

// callerArgTypes is one round of paramTypesFromCallers.
func (m *Module) callerArgTypes(calls []*Call, passed map[string]bool,
	aliases map[*Class]map[string][]*Function) map[*Function]map[string]Ref {
	type agreement struct {
		ref Ref
		ok  bool
	}
	seen := map[*Function]map[string]*agreement{}
	spoiled := map[*Function]bool{}
	for _, c := range calls {
		callees := []*Function{m.resolve(c.Node.ChildByField("function"), 0).Func}
		if callees[0] == nil {
			callees = m.aliasCallees(c.Node, aliases)
		}
		for _, f := range callees {
			if f == nil || spoiled[f] || passed[f.Name] || f.Lambda || len(f.Decorators) > 0 {
				continue
			}
			if f.Class != nil && len(f.Params) == 0 {
				continue
			}
			params := ownParams(f)
			if c.hasSplat() {
				spoiled[f] = true
				continue
			}
			if seen[f] == nil {
				seen[f] = map[string]*agreement{}
			}
			positional := true
			for j, name := range params {
				switch paramKind(f, name) {
				case notPositional:
					positional = false
					continue
				case annotatedParam:
					continue // the annotation says
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

// ownParams returns f's parameters the caller passes (a method's self is
// passed by the attribute access).
func ownParams(f *Function) []string {
	if f.Class != nil && len(f.Params) > 0 {
		return f.Params[1:]
	}
	return f.Params
}

type paramKindOf int

const (
	untypedParam   paramKindOf = iota // may be typed by its callers
	annotatedParam                    // its annotation says
	notPositional                     // *args, **kwargs or not a parameter binding: the positions after it are not known
)

func paramKind(f *Function, name string) paramKindOf {
	b := f.Scope.Bindings.Get(name)
	if b == nil || b.Kind != BindParam {
		return notPositional
	}
	switch b.Node.Type() {
	case "list_splat_pattern", "dictionary_splat_pattern":
		return notPositional
	case "identifier", "default_parameter":
		return untypedParam
	}
	return annotatedParam
}

// anyHasInferableParam reports whether some function of fs has a parameter
// its callers may type.
func anyHasInferableParam(fs []*Function) bool {
	for _, f := range fs {
		for _, name := range ownParams(f) {
			if paramKind(f, name) == untypedParam {
				return true
			}
		}
	}
	return false
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
// Names written in imports count too. The walk is the one UsesAsValue
// needs, kept for it.
func (m *Module) namesPassedAsValues(want map[string][]*Function, skip map[*Node]bool) map[string]bool {
	imported := map[string]bool{}
	walked := collectUses(m, imported)
	m.values.walked, m.values.stashed = walked, true
	wanted := make(map[uint64]bool, len(want))
	for name := range want {
		wanted[wordHashString(name)] = true
	}
	out := map[string]bool{}
	for i, n := range walked.values {
		// The word's hash was found by the walk: only a likely hit is read.
		if !wanted[walked.valueWords[i]] || skip[n] {
			continue
		}
		if name := useWord(m, n); want[string(name)] != nil {
			out[string(name)] = true
		}
	}
	for name := range want {
		if imported[name] {
			out[name] = true
		}
	}
	return out
}

// forgetResolutions drops the memoised resolutions, computed before the
// parameter types from callers were known.
func (m *Module) forgetResolutions() {
	for _, s := range m.scopeOf {
		for _, b := range s.Bindings.All() {
			b.resolved, b.ref = false, nil
		}
	}
	for _, c := range m.Classes {
		c.attrRefs = nil
	}
}

// classAliases finds the class-body names every value of which is a method
// of the same class (`_sendfile = _sendfile_system` in an if, `_sendfile =
// _sendfile_fallback` in its else): by class, the alias's methods; and the
// identifiers written in those assignments (the alias and its methods'
// names, which pass nothing to anyone else).
func (m *Module) classAliases() (map[*Class]map[string][]*Function, map[*Node]bool) {
	var out map[*Class]map[string][]*Function
	var values map[*Node]bool
	for _, c := range m.Classes {
		if c.Scope == nil {
			continue
		}
		for name, b := range c.Scope.Bindings.All() {
			if b.Kind != BindAssign || len(b.Values) == 0 || c.Methods[name] != nil {
				continue
			}
			var targets []*Function
			for _, v := range b.Values {
				if v == nil || v.Type() != "identifier" || v.Parent() == nil || v.Parent().Type() != "assignment" {
					targets = nil
					break
				}
				f := c.Methods[m.File.Text(v)]
				if f == nil || f.Lambda || len(f.Decorators) > 0 {
					targets = nil
					break
				}
				targets = append(targets, f)
			}
			if targets == nil {
				continue
			}
			if out == nil {
				out, values = map[*Class]map[string][]*Function{}, map[*Node]bool{}
			}
			if out[c] == nil {
				out[c] = map[string][]*Function{}
			}
			out[c][name] = targets
			for _, v := range b.Values {
				values[v] = true
				if left := v.Parent().ChildByField("left"); left != nil {
					values[left] = true
				}
			}
		}
	}
	return out, values
}

// aliasCallees returns the methods a call self.alias(...) inside a method
// of a class with that class-body alias may call.
func (m *Module) aliasCallees(call *Node, aliases map[*Class]map[string][]*Function) []*Function {
	fn := call.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || len(aliases) == 0 {
		return nil
	}
	obj := fn.ChildByField("object")
	if obj == nil || obj.Type() != "identifier" {
		return nil
	}
	f := m.FunctionAt(call)
	for f != nil && f.Lambda {
		f = f.Parent
	}
	if f == nil || f.Class == nil || len(f.Params) == 0 || m.File.Text(obj) != f.Params[0] {
		return nil
	}
	return aliases[f.Class][m.File.Text(fn.ChildByField("attribute"))]
}
