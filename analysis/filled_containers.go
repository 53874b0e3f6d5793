package analysis

import "github.com/asyncls/asyncls/pylib"

// Containers filled one item at a time: `clients = set()` at module level,
// `clients.add(ws)` in a websocket handler, `for ws in clients:
// ws.send_str(data)` in a broadcast helper (realbugs34 blood mixer). The
// loop variable holds what was added. A name bound once to an empty list,
// set, deque or WeakSet whose every use in the scope that holds it is
// read-only or an add of one item (append, add, appendleft, insert) has the
// items those adds give; any other use (extend, update, |=, an item
// assignment, the container handed to another call, returned or stored)
// leaves its items unknown.

// containerReadMethods are the methods of a list, set or deque that add
// nothing to it.
var containerReadMethods = map[string]bool{"discard": true, "remove": true, "pop": true, "popleft": true,
	"clear": true, "copy": true, "count": true, "index": true, "difference": true, "union": true,
	"intersection": true, "issubset": true, "issuperset": true, "isdisjoint": true, "symmetric_difference": true}

// containerReaders are the builtins that read a container they are given
// without keeping it.
var containerReaders = map[string]bool{"len": true, "list": true, "tuple": true, "set": true, "frozenset": true,
	"sorted": true, "any": true, "all": true, "bool": true, "print": true, "str": true, "repr": true,
	"enumerate": true, "iter": true, "reversed": true, "min": true, "max": true}

// addedItemsElement is iterElement of a name filled one item at a time
// (see above); ok is false when n is no such name.
func (m *Module) addedItemsElement(n *Node, steps []unpackStep, depth int) (elementResult, bool) {
	if n == nil || n.Type() != "identifier" {
		return elementResult{}, false
	}
	name := m.File.Text(n)
	b, owner := m.ScopeAt(n).lookup(name)
	if b == nil || owner == nil || owner.Node == nil || b.Kind != BindAssign {
		return elementResult{}, false
	}
	d := m.boundDisplay(n)
	if d == nil || !m.emptyContainer(d, depth) {
		return elementResult{}, false
	}
	// The adds are collected once (filledStores, not Module.Memo: a
	// rule's Memo may resolve names); the element is not memoised, the
	// binding being resolved is itself memoised once resolved.
	return m.addedElement(m.addedItems(b, owner, name), steps, depth)
}

// addedElement is the element the items added to a container agree on
// (items are nodes of m); ok is false when nothing is added.
func (m *Module) addedElement(added []*Node, steps []unpackStep, depth int) (elementResult, bool) {
	if len(added) == 0 {
		return elementResult{}, false
	}
	var results []elementResult
	for _, v := range added {
		results = append(results, m.elementOf(v, steps, depth+1))
	}
	return elementResult{ref: agreeElements(results)}, true
}

// emptyContainer reports whether v makes an empty list, set, deque or
// WeakSet: `[]` or a call of one of their constructors without arguments.
func (m *Module) emptyContainer(v *Node, depth int) bool {
	return m.emptyOf(v, "list", pylib.ItemByItemContainers, depth)
}

// emptyOf reports whether v is an empty display of the literal type
// (`[]`, `{}`) or a call without arguments of one of constructors. v may
// be the annotation of an annotated binding (declaredValue).
func (m *Module) emptyOf(v *Node, literal string, constructors map[string]bool, depth int) bool {
	v = declaredValue(v)
	switch v.Type() {
	case literal:
		return onlyComments(v.NamedChildren())
	case "call":
		args := v.ChildByField("arguments")
		if args == nil || args.Type() != "argument_list" || !onlyComments(args.NamedChildren()) {
			return false
		}
		return constructors[m.resolve(v.ChildByField("function"), depth+1).Name]
	}
	return false
}

// declaredValue is the value of the annotated binding whose annotation v
// is, or v itself. The builder binds `self.conns: dict = {}` (and
// `pending: list = []`) to its annotation, which says what the items are
// when it has type arguments (elementAnnotation, containerAnnotation read
// them first); a bare `dict` or `list` says nothing, and the empty display
// behind it is what a container filled one item at a time starts from
// (realbugs90 nekro-agent: `self.imap_connections: dict = {}`, filled with
// imaplib connections, read back in get_raw_email_content and cleanup).
func declaredValue(v *Node) *Node {
	if v == nil || v.Type() != "type" {
		return v
	}
	p := v.Parent()
	if p == nil || p.Type() != "assignment" || p.ChildByField("type") != v {
		return v
	}
	if right := Unparen(p.ChildByField("right")); right != nil {
		return right
	}
	return v
}

// plainPositionalArgs returns a call's arguments, or false when one is a
// keyword argument or a splat (what such a call stores is not known).
func plainPositionalArgs(call *Node) ([]*Node, bool) {
	var args []*Node
	for _, a := range call.ChildByField("arguments").NamedChildren() {
		switch a.Type() {
		case "comment":
			continue
		case "keyword_argument", "list_splat", "dictionary_splat":
			return nil, false
		}
		args = append(args, a)
	}
	return args, true
}

// storedTarget reports whether n is the target, or inside the targets, of
// an assignment, an augmented assignment, a `for` or a `del`.
func storedTarget(n *Node) bool {
	for c, p := n, n.Parent(); p != nil; c, p = p, p.Parent() {
		switch p.Type() {
		case "pattern_list", "tuple_pattern", "list_pattern", "parenthesized_expression", "expression_list", "tuple", "list":
			continue
		case "assignment", "augmented_assignment", "for_statement", "for_in_clause":
			return c.Field() == "left"
		case "delete_statement":
			return true
		}
		return false
	}
	return false
}

// onlyComments reports whether nodes holds nothing but comments.
func onlyComments(nodes []*Node) bool {
	for _, c := range nodes {
		if c.Type() != "comment" {
			return false
		}
	}
	return true
}

// addedItems returns the values added to binding b (a container named name
// in scope owner) by every use in owner, or nil when a use may put
// anything else into it or let it escape. It reads the tree only.
func (m *Module) addedItems(b *Binding, owner *Scope, name string) []*Node {
	return m.filledStores(filledKey{"adds", b, ""}, func() []*Node {
		return m.collectUses(owner.Node, m.nameOccurrences(b, name), m.containerUse)
	})
}

// nameOccurrences tells, for collectUses, the occurrences of name that
// denote binding b.
func (m *Module) nameOccurrences(b *Binding, name string) func(c *Node) (is, fine bool) {
	return func(c *Node) (bool, bool) {
		if c.Type() != "identifier" || m.File.Text(c) != name {
			return false, true
		}
		// `self.state` and `f(state=...)` name an attribute and a keyword,
		// not the variable.
		if p := c.Parent(); p != nil && (p.Type() == "attribute" && c.Field() == "attribute" || p.Type() == "keyword_argument" && c.Field() == "name") {
			return false, true
		}
		use, _ := m.ScopeAt(c).lookup(name)
		return use == b, true
	}
}

// selfAttrOccurrences tells, for collectUses, the occurrences of attribute
// attr in the module: fine only as `self.attr` inside class c. `self.attr`
// in a method of an unrelated class that binds the attribute itself (two
// classes of a module each keeping `self.clients = {}`) is another
// object's, not an occurrence.
func (m *Module) selfAttrOccurrences(c *Class, attr string) func(a *Node) (is, fine bool) {
	return func(a *Node) (bool, bool) {
		if a.Type() != "attribute" || m.File.Text(a.ChildByField("attribute")) != attr {
			return false, true
		}
		obj := a.ChildByField("object")
		isSelf := obj != nil && obj.Type() == "identifier" && m.File.Text(obj) == "self"
		if isSelf && !encloses(c.Node, a) {
			if f := m.FunctionAt(a); f != nil && f.Class != nil && f.Class != c && f.Class.module == m &&
				len(f.Class.Attrs[attr]) > 0 && !derivesFrom(f.Class, c, 0) && !derivesFrom(c, f.Class, 0) {
				return false, true
			}
		}
		return true, isSelf && encloses(c.Node, a)
	}
}

// derivesFrom reports whether class d has c among its bases, directly or
// through bases that its module resolves; a base it cannot resolve counts
// as c (it may be).
func derivesFrom(d, c *Class, depth int) bool {
	if depth > 8 {
		return true
	}
	for _, base := range d.Bases {
		if base.Type() == "keyword_argument" {
			continue
		}
		r := d.module.resolve(base, 0)
		if r.Class == c {
			return true
		}
		if r.Class == nil {
			if r.Name == "" || !knownLibrary(r.Name) && r.Name != "object" {
				return true // unknown: it may be c
			}
			continue
		}
		if derivesFrom(r.Class, c, depth+1) {
			return true
		}
	}
	return false
}

// collectUses walks root for the occurrences of a container or mapping
// (occurrence says whether node c is one, and fine false when c touches it
// in a way that leaves its items unknown) and returns the items they add
// or store (use: containerUse, mappingUse), or nil when any occurrence is
// not a fine use.
func (m *Module) collectUses(root *Node, occurrence func(c *Node) (is, fine bool), use func(c *Node) (v *Node, fine bool)) []*Node {
	added, _ := m.collectUsesOK(root, occurrence, use)
	return added
}

// collectUsesOK is collectUses that also tells a walk whose every
// occurrence was fine (ok) from one that met another use, whatever it
// stored: nil, true is a mapping nothing stores into.
func (m *Module) collectUsesOK(root *Node, occurrence func(c *Node) (is, fine bool), use func(c *Node) (v *Node, fine bool)) ([]*Node, bool) {
	var added []*Node
	ok := true
	root.Walk(func(c *Node) bool {
		if !ok {
			return false
		}
		is, fine := occurrence(c)
		if fine && !is {
			return true
		}
		var v *Node
		if fine {
			v, fine = use(c)
		}
		if !fine {
			ok = false
			return false
		}
		if v != nil {
			added = append(added, v)
		}
		return true
	})
	if !ok {
		return nil, false
	}
	return added, true
}

// containerUse classifies one occurrence c of a container's name: fine
// when it adds nothing unknown to the container and does not let it
// escape; v is the item it adds, if it adds one.
func (m *Module) containerUse(c *Node) (v *Node, fine bool) {
	p := c.Parent()
	for p != nil && p.Type() == "parenthesized_expression" {
		c, p = p, p.Parent()
	}
	if p == nil {
		return nil, false
	}
	switch p.Type() {
	case "assignment":
		// The binding itself (its one value is the empty container).
		return nil, c.Field() == "left"
	case "global_statement", "nonlocal_statement":
		return nil, true
	case "for_statement", "for_in_clause":
		return nil, c.Field() == "right"
	case "comparison_operator", "not_operator", "boolean_operator":
		return nil, true
	case "if_statement", "while_statement", "elif_clause", "conditional_expression":
		return nil, c.Field() == "condition" || p.Type() == "conditional_expression"
	case "subscript":
		// An item or slice read (`workers[0]`, `workers[-1].stop()`,
		// `workers[1:]`) adds nothing; an item stored or deleted
		// (`workers[0] = w`, `del workers[0]`) may put anything there.
		return nil, c.Field() == "value" && !storedTarget(p)
	case "argument_list":
		call := p.Parent()
		if call == nil || call.Type() != "call" {
			return nil, false
		}
		fn := call.ChildByField("function")
		return nil, fn != nil && fn.Type() == "identifier" && containerReaders[m.File.Text(fn)]
	case "attribute":
		if c.Field() != "object" {
			return nil, false
		}
		call := p.Parent()
		if call == nil || call.Type() != "call" || p.Field() != "function" {
			return nil, false
		}
		method := m.File.Text(p.ChildByField("attribute"))
		if containerReadMethods[method] {
			return nil, true
		}
		if !pylib.Method(method, pylib.ContainerAdder) {
			return nil, false
		}
		args, plain := plainPositionalArgs(call)
		if !plain {
			return nil, false
		}
		want := 1
		if method == "insert" {
			want = 2
		}
		if len(args) != want {
			return nil, false
		}
		return args[want-1], true
	}
	return nil, false
}

// addedAttrItemsElement is addedItemsElement of an attribute of an instance
// of a project class (`self.clients = set()` in __init__, `self.clients.add
// (ws)` in a handler, `for ws in self.clients:` in broadcast): the class's
// module must touch the attribute only as `self.NAME` inside the class, each
// time read-only or adding one item; any other access to an attribute of
// that name in the module leaves the items unknown.
func (m *Module) addedAttrItemsElement(n *Node, steps []unpackStep, depth int) (elementResult, bool) {
	if n == nil || n.Type() != "attribute" {
		return elementResult{}, false
	}
	obj := m.resolve(n.ChildByField("object"), depth+1)
	c := obj.Class
	if c == nil || !obj.Instance || c.module == nil || c.Node == nil {
		return elementResult{}, false
	}
	attr := m.File.Text(n.ChildByField("attribute"))
	var only *Node
	for _, v := range c.Attrs[attr] {
		v = Unparen(v)
		if v == nil {
			return elementResult{}, false
		}
		if v.Type() == "none" {
			continue
		}
		if only != nil {
			return elementResult{}, false
		}
		only = v
	}
	cm := c.module
	if only == nil || !cm.emptyContainer(only, depth) || c.Scope.Bindings.Get(attr) != nil {
		return elementResult{}, false
	}
	return cm.addedElement(cm.addedAttrItems(c, attr), steps, depth)
}

// addedAttrItems returns the values added to attribute attr of class c's
// instances, or nil when the module touches an attribute of that name in
// any other way (see addedAttrItemsElement). It reads the tree only.
func (m *Module) addedAttrItems(c *Class, attr string) []*Node {
	return m.filledStores(filledKey{"adds", c, attr}, func() []*Node {
		return m.collectUses(m.File.Root, m.selfAttrOccurrences(c, attr), m.containerUse)
	})
}

// Mappings filled one item at a time: `self._sessions = {}` in __init__,
// `self._sessions[loop] = session` where session is an aiohttp
// ClientSession, `self._sessions[loop].close()` in close (realbugs48
// asyncpushbullet). A name or self attribute bound once to an empty dict
// (`{}`, `dict()`, `collections.OrderedDict()`) whose every use is a read
// (an item read, `in`, iteration, get/pop/keys/values/items...) or stores
// one value (`d[key] = value`, `d.setdefault(key, value)`) holds the
// values those stores give; any other use (update, `d[key] += ...`, the
// mapping handed to another call, returned or stored elsewhere) leaves
// them unknown, as for the containers above.

// emptyMapping reports whether v makes an empty dict: `{}`, or `dict()` /
// `collections.OrderedDict()` without arguments.
func (m *Module) emptyMapping(v *Node, depth int) bool {
	return m.emptyOf(v, "dictionary", pylib.ItemByItemMappings, depth)
}

// filledMappingValues returns the values stored into the mapping that
// expression n (a name, or an attribute of an instance of a project class)
// denotes when it is filled one item at a time (see above); ok is false
// when n is no such mapping or nothing is stored into it.
func (m *Module) filledMappingValues(n *Node, depth int) (values []*Node, ok bool) {
	n = Unparen(n)
	if n == nil || depth > maxResolveDepth {
		return nil, false
	}
	switch n.Type() {
	case "identifier":
		name := m.File.Text(n)
		b, owner := m.ScopeAt(n).lookup(name)
		if b == nil || owner == nil || owner.Node == nil || b.Kind != BindAssign {
			return nil, false
		}
		d := m.boundDisplay(n)
		if d == nil || !m.emptyMapping(d, depth) {
			return nil, false
		}
		values = m.filledStores(filledKey{"stores", b, ""}, func() []*Node {
			return m.collectUses(owner.Node, m.nameOccurrences(b, name), m.mappingUse)
		})
	case "attribute":
		obj := m.resolve(n.ChildByField("object"), depth+1)
		c := obj.Class
		if c == nil || !obj.Instance || c.module == nil || c.Node == nil {
			return nil, false
		}
		attr := m.File.Text(n.ChildByField("attribute"))
		only, ok := soleAttrValue(c, attr)
		if !ok {
			return nil, false
		}
		cm := c.module
		if only == nil || !cm.emptyMapping(only, depth) || c.Scope.Bindings.Get(attr) != nil {
			return nil, false
		}
		values = cm.filledStores(filledKey{"stores", c, attr}, func() []*Node {
			return cm.collectUses(cm.File.Root, cm.selfAttrOccurrences(c, attr), cm.mappingUse)
		})
	default:
		return nil, false
	}
	return values, len(values) > 0
}

// filledKey keys filledStores: what is collected ("adds" to a container,
// "stores" into a mapping) and of what, a *Binding or a *Class with attr.
type filledKey struct {
	what  string
	owner any
	attr  string
}

// filledStores is collect() (the adds or stores of one container or
// mapping, collectUses), computed once per module: every iteration or
// item read of it asks for them, and each collect walks the whole function
// or module (a module with many reads of one registry walked it once per
// read). collect reads the tree only, so the result does not depend on
// what was resolved first.
func (m *Module) filledStores(key filledKey, collect func() []*Node) []*Node {
	m.filledMu.Lock()
	v, ok := m.filled[key]
	m.filledMu.Unlock()
	if ok {
		return v
	}
	v = collect()
	m.filledMu.Lock()
	if m.filled == nil {
		m.filled = map[filledKey][]*Node{}
	}
	m.filled[key] = v
	m.filledMu.Unlock()
	return v
}

// mappingReadMethods are the methods of a dict that store nothing in it.
var mappingReadMethods = map[string]bool{"get": true, "pop": true, "popitem": true, "keys": true, "values": true,
	"items": true, "copy": true, "clear": true, "__contains__": true, "__getitem__": true}

// mappingUse classifies one occurrence c of a mapping: fine when it stores
// nothing unknown in it and does not let it escape; v is the value it
// stores, if it stores one.
func (m *Module) mappingUse(c *Node) (v *Node, fine bool) {
	p := c.Parent()
	for p != nil && p.Type() == "parenthesized_expression" {
		c, p = p, p.Parent()
	}
	if p == nil {
		return nil, false
	}
	switch p.Type() {
	case "subscript":
		if c.Field() != "value" {
			return nil, true // an index: d2[d[k]] reads d
		}
		q := p.Parent()
		switch {
		case q == nil:
			return nil, false
		case q.Type() == "assignment" && p.Field() == "left":
			// d[key] = value: one more value (a type-only declaration
			// `d[key]: T` stores nothing).
			return q.ChildByField("right"), q.ChildByField("right") != nil
		case q.Type() == "augmented_assignment" && p.Field() == "left",
			q.Type() == "pattern_list" || q.Type() == "tuple_pattern" || q.Type() == "list_pattern",
			(q.Type() == "for_statement" || q.Type() == "for_in_clause") && p.Field() == "left":
			return nil, false
		}
		return nil, true // read, or `del d[key]`
	case "attribute":
		if c.Field() != "object" {
			return nil, false
		}
		call := p.Parent()
		if call == nil || call.Type() != "call" || p.Field() != "function" {
			return nil, false
		}
		method := m.File.Text(p.ChildByField("attribute"))
		if mappingReadMethods[method] {
			return nil, true
		}
		if method != "setdefault" {
			return nil, false
		}
		args, plain := plainPositionalArgs(call)
		if !plain {
			return nil, false
		}
		if len(args) != 2 {
			return nil, false // setdefault(key) stores None, nothing typed
		}
		return args[1], true
	}
	return m.containerUse(c)
}

// mappingDefault is the default value of call `d.get(key, default)` (or
// pop/setdefault), nil when none is passed positionally.
func mappingDefault(call *Node) *Node {
	args := call.ChildByField("arguments")
	if args == nil {
		return nil
	}
	var named []*Node
	for _, a := range args.NamedChildren() {
		if a.Type() != "comment" {
			named = append(named, a)
		}
	}
	if len(named) == 2 && named[1].Type() != "keyword_argument" {
		return named[1]
	}
	return nil
}

// filledView is iterElement of `d.values()` or `d.items()` where d is a
// mapping filled one value at a time (filledMappingValues: `self.exchanges
// = {}` in __init__, `self.exchanges['okx'] = ccxt.okx(...)`, then `for
// name, exchange in self.exchanges.items():`): the values the stores give,
// when they agree; the keys are not followed, as for a dict display
// (displayView).
func (m *Module) filledView(obj *Node, view string, steps []unpackStep, depth int) elementResult {
	values, ok := m.filledMappingValues(obj, depth)
	if !ok {
		return elementResult{}
	}
	owner := m
	if o := Unparen(obj); o.Type() == "attribute" {
		if c := m.resolve(o.ChildByField("object"), depth+1).Class; c != nil && c.module != nil {
			owner = c.module
		}
	}
	return owner.viewElement(values, view, steps, depth)
}

// FilledMappingValues returns the values stored into the mapping that
// expression n denotes when it is filled one value at a time (see
// filledMappingValues), with the module whose tree holds them; nil when n is
// no such mapping.
func (m *Module) FilledMappingValues(n *Node) (*Module, []*Node) {
	values, ok := m.filledMappingValues(n, 0)
	if !ok {
		return nil, nil
	}
	owner := m
	if n = Unparen(n); n.Type() == "attribute" {
		if c := m.resolve(n.ChildByField("object"), 1).Class; c != nil && c.module != nil {
			owner = c.module
		}
	}
	return owner, values
}

// Mappings used as records of named slots: `state['proc_lock'] = Lock()`,
// `self.state['proc'] = proc`, `self.state['port'] = 8080`. The values
// stored into such a mapping disagree, so filledMappingValues gives no
// type; an item read under a constant key (`self.state['proc_lock']`)
// holds only what is stored under that key, or under a key that is not a
// constant (which may be it). The mapping is what filledMappingValues
// accepts, a name or a `self` attribute bound once to an empty dict and
// only read or stored into, or a `self` attribute bound once, in a method
// of its class, to a parameter of that method that the method itself only
// reads and stores into besides (`def initialize(self, state): self.state
// = state; if 'proc_lock' not in state: state['proc_lock'] = Lock()`,
// jupyter-server-proxy's handlers, bench/realbugs74): the mapping passed
// in is the object's, and the slots the class fills are its own.

// keyedMappingValues returns the values stored under the constant key into
// the mapping n denotes (see above), with the module whose tree holds
// them; nil when n is no such mapping or nothing is stored under key.
func (m *Module) keyedMappingValues(n *Node, key string, depth int) (*Module, []*Node) {
	n = Unparen(n)
	if n == nil || key == "" || depth > maxResolveDepth {
		return nil, nil
	}
	switch n.Type() {
	case "identifier":
		name := m.File.Text(n)
		b, owner := m.ScopeAt(n).lookup(name)
		if b == nil || owner == nil || owner.Node == nil || b.Kind != BindAssign {
			return nil, nil
		}
		d := m.boundDisplay(n)
		if d == nil || !m.emptyMapping(d, depth) {
			return nil, nil
		}
		stores := m.filledStores(filledKey{"keyed", b, ""}, func() []*Node {
			return m.collectUses(owner.Node, m.nameOccurrences(b, name), m.keyedMappingUse)
		})
		return m, m.storedUnder(stores, key)
	case "attribute":
		obj := m.resolve(n.ChildByField("object"), depth+1)
		c := obj.Class
		if c == nil || !obj.Instance || c.module == nil || c.Node == nil {
			return nil, nil
		}
		attr := m.File.Text(n.ChildByField("attribute"))
		only, ok := soleAttrValue(c, attr)
		if !ok {
			return nil, nil
		}
		cm := c.module
		if only == nil || c.Scope.Bindings.Get(attr) != nil {
			return nil, nil
		}
		var param *Binding
		var method *Node
		if !cm.emptyMapping(only, depth) {
			if only.Type() != "identifier" {
				return nil, nil
			}
			b, sc := cm.ScopeAt(only).lookup(cm.File.Text(only))
			if b == nil || b.Kind != BindParam || sc == nil || sc.Kind != FunctionScope || sc.Node == nil || !encloses(c.Node, sc.Node) {
				return nil, nil
			}
			param, method = b, sc.Node
		}
		stores := cm.filledStores(filledKey{"keyed", c, attr}, func() []*Node {
			stores, ok := cm.collectUsesOK(cm.File.Root, cm.selfAttrOccurrences(c, attr), cm.keyedMappingUse)
			if !ok || param == nil {
				return stores
			}
			more, ok := cm.collectUsesOK(method, cm.nameOccurrences(param, param.Name), func(u *Node) (*Node, bool) {
				if u == param.Node {
					return nil, true // the parameter itself
				}
				// The one assignment that makes the parameter the attribute.
				if p := u.Parent(); p != nil && p.Type() == "assignment" && u.Field() == "right" {
					if is, fine := cm.selfAttrOccurrences(c, attr)(Unparen(p.ChildByField("left"))); is && fine {
						return nil, true
					}
				}
				return cm.keyedMappingUse(u)
			})
			if !ok {
				return nil
			}
			return append(stores, more...)
		})
		return cm, cm.storedUnder(stores, key)
	}
	return nil, nil
}

// keyedMappingUse is mappingUse that gives the store itself (the subscript
// assigned, or the setdefault call) instead of the value, so that its key
// can be read.
func (m *Module) keyedMappingUse(c *Node) (*Node, bool) {
	v, fine := m.mappingUse(c)
	if !fine || v == nil {
		return nil, fine
	}
	p := v.Parent()
	if p != nil && p.Type() == "assignment" {
		return p.ChildByField("left"), true // d[key] = v
	}
	for ; p != nil && p.Type() != "call"; p = p.Parent() {
	}
	return p, p != nil // d.setdefault(key, v)
}

// storedUnder returns the values of stores (keyedMappingUse's) under key,
// or under a key that is not a constant.
func (m *Module) storedUnder(stores []*Node, key string) []*Node {
	var values []*Node
	for _, s := range stores {
		var k, v *Node
		switch s.Type() {
		case "subscript":
			k = s.ChildByField("subscript")
			if p := s.Parent(); p != nil {
				v = p.ChildByField("right")
			}
		case "call":
			if args, plain := plainPositionalArgs(s); plain && len(args) == 2 {
				k, v = args[0], args[1]
			}
		}
		if v == nil {
			continue
		}
		if sk := StringConstant(m.File, k); sk == key || sk == "" {
			values = append(values, v)
		}
	}
	return values
}

// soleAttrValue is the one value other than None the class's code assigns
// to its instances' attribute attr (nil when only None is); ok false when
// it assigns two, or one it cannot read.
func soleAttrValue(c *Class, attr string) (only *Node, ok bool) {
	for _, v := range c.Attrs[attr] {
		v = Unparen(v)
		if v == nil {
			return nil, false
		}
		if v.Type() == "none" {
			continue
		}
		if only != nil {
			return nil, false
		}
		only = v
	}
	return only, true
}
