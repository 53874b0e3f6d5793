package analysis

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/asyncls/asyncls/pylib"
)

// What a call reaches: the one answer to "does calling this function run a
// call of interest (a blocking call, a loop starter), and through which
// chain of synchronous project functions". Reach follows every call;
// ReachOnLoop follows only what can run where an event loop is running,
// given what the call's arguments are known to be.

// Hop is one step of a call chain: Call runs inside Func. Call may be the
// read of a property (Call.IsPropertyRead), which runs the getter.
type Hop struct {
	Func *Function
	Call *Call
}

// Chain is a witness path from a function to a call of interest.
type Chain []Hop

// reachability is one kind's memoised answers: a chain, or nil for known
// not to reach, per function (Reach) and per function and argument types
// (ReachOnLoop).
type reachability struct {
	memo map[reachKey]Chain
}

// reachKey names a walk of a function: untyped (Reach), or with the
// arguments' known types (ReachOnLoop).
type reachKey struct {
	f     *Function
	typed bool
	env   string // TypeEnv.key
}

// reachabilityOf returns kind's memo; p.factsMu must be held.
func (p *Project) reachabilityOf(kind string) *reachability {
	if p.facts == nil {
		p.facts = map[string]*reachability{}
	}
	r := p.facts[kind]
	if r == nil {
		r = &reachability{memo: map[reachKey]Chain{}}
		p.facts[kind] = r
	}
	return r
}

// Reach returns, for the synchronous function f, the first chain (in the
// order of the calls) of calls through synchronous project functions that
// ends in a call for which direct returns true, or nil. kind names the fact
// for memoisation; direct must be a pure function of its arguments.
func (p *Project) Reach(kind string, f *Function, direct func(*Module, *Call) bool) Chain {
	p.factsMu.Lock()
	defer p.factsMu.Unlock()
	return p.newWalk(kind, direct, false).walk(f, nil, 0)
}

// ReachOnLoop is Reach for call c, made in a coroutine, of the synchronous
// function t: the chain from t to a call for which direct returns true,
// following only the calls that can run there. A call under an
// `isinstance` test of a parameter that the argument's known type cannot
// pass (`if isinstance(fp, io.IOBase): ... else: open(fp)` given an
// io.BytesIO; `if isinstance(file, str): open(file)` given a class that is
// no str, or the parameter's default None) never runs, nor does code a
// helper runs only when no event loop is running (called from a coroutine,
// one is: loopRunning). Types are known from constructor calls, literals,
// annotations, `isinstance` tests on the way and parameters' defaults;
// base classes from the project's class statements and pylib.KnownBases;
// an argument of unknown type may take any branch. Each function is walked
// once per kind and set of known argument types (TypeEnv) in a snapshot.
func (p *Project) ReachOnLoop(kind string, c *Call, t *Function, direct func(*Module, *Call) bool) Chain {
	p.factsMu.Lock()
	defer p.factsMu.Unlock()
	if p.newWalk(kind, direct, false).walk(t, nil, 0) == nil {
		return nil // no path at all, whatever the types
	}
	return p.newWalk(kind, direct, true).walk(t, p.argTypes(c.Func.Module(), c, t, nil, c.Func), 0)
}

// ReachWithin is Reach limited to chains of depth at most max (Chain.Depth;
// max <= 0: any depth): the shallowest such chain, or nil. Reach's chain is
// the first in the order of the calls, which may be deeper than another one.
func (p *Project) ReachWithin(kind string, f *Function, direct func(*Module, *Call) bool, max int) Chain {
	chain := p.Reach(kind, f, direct)
	if chain == nil || max <= 0 || chain.Depth() <= max {
		return chain
	}
	p.factsMu.Lock()
	defer p.factsMu.Unlock()
	return p.shortestReach(f, nil, false, direct, max)
}

// ReachOnLoopWithin is ReachOnLoop limited to chains of depth at most max
// (Chain.Depth; max <= 0: any depth): the shallowest such chain, or nil.
func (p *Project) ReachOnLoopWithin(kind string, c *Call, t *Function, direct func(*Module, *Call) bool, max int) Chain {
	chain := p.ReachOnLoop(kind, c, t, direct)
	if chain == nil || max <= 0 || chain.Depth() <= max {
		return chain
	}
	p.factsMu.Lock()
	defer p.factsMu.Unlock()
	return p.shortestReach(t, p.argTypes(c.Func.Module(), c, t, nil, c.Func), true, direct, max)
}

// ReachCalledOnLoopWithin is ReachOnLoopWithin for a function the event
// loop itself calls (a callback registered with call_soon or
// add_done_callback): no call site gives its arguments' types, but code it
// runs only when no loop is running (loopRunning) is left out. The
// shallowest chain of depth at most max (Chain.Depth; max <= 0: any depth), or nil.
func (p *Project) ReachCalledOnLoopWithin(kind string, t *Function, direct func(*Module, *Call) bool, max int) Chain {
	p.factsMu.Lock()
	defer p.factsMu.Unlock()
	if p.newWalk(kind, direct, false).walk(t, nil, 0) == nil {
		return nil // no path at all
	}
	chain := p.newWalk(kind, direct, true).walk(t, nil, 0)
	if chain == nil || max <= 0 || chain.Depth() <= max {
		return chain
	}
	return p.shortestReach(t, nil, true, direct, max)
}

// shortestReach deepens a bounded walk one level at a time up to max (a
// level is Chain.Depth's unit). It is asked only when the memoised walk
// found a chain deeper than max, so it keeps no memo beyond one bound;
// p.factsMu must be held.
func (p *Project) shortestReach(f *Function, env TypeEnv, typed bool, direct func(*Module, *Call) bool, max int) Chain {
	for bound := 1; bound <= max; bound++ {
		w := boundedWalk{project: p, direct: direct, typed: typed, onPath: map[*Function]bool{}, none: map[reachKey]int{}}
		if chain, _ := w.reach(f, env, bound); chain != nil {
			return chain
		}
	}
	return nil
}

// Depth is the number of objects and functions a chain passes through: its
// hops, less the hops into a method of the calling method's own class
// called on its own `self` (SameObjectHop). A method that splits its work
// into private helpers (`self._ensure_valid_token()` ->
// `self._generate_new_token()`) is one object's work, one level deep; the
// asl201-max-depth limit is about layers a chain crosses (a coroutine's
// helper, a token manager, an OAuth provider), not about how one of them
// is factored (nowireless4u/hpe-networking-mcp#440: a token fetch five
// functions and three objects below a coroutine).
func (chain Chain) Depth() int {
	d := 0
	for i, h := range chain {
		if i > 0 && SameObjectHop(chain[i-1].Func, chain[i-1].Call, h.Func) {
			continue
		}
		d++
	}
	return d
}

// SameObjectHop reports whether call c, made in method f, enters method t
// of f's own class on f's first parameter (`self.helper(...)`).
func SameObjectHop(f *Function, c *Call, t *Function) bool {
	if f == nil || c == nil || t == nil || f.Class == nil || t.Class != f.Class || len(f.Params) == 0 || c.Node == nil ||
		c.Node.Type() != "call" {
		return false
	}
	fn := Unparen(c.Node.ChildByField("function"))
	if fn == nil || fn.Type() != "attribute" {
		return false
	}
	obj := Unparen(fn.ChildByField("object"))
	return obj != nil && obj.Type() == "identifier" && f.Module().File.Text(obj) == f.Params[0]
}

// boundedWalk finds a chain of at most a given depth (Chain.Depth), in the
// order of the calls; none records, per function and argument types, the
// largest bound under which it was found not to reach.
type boundedWalk struct {
	project *Project
	direct  func(*Module, *Call) bool
	typed   bool
	onPath  map[*Function]bool
	none    map[reachKey]int
}

func (w *boundedWalk) reach(f *Function, env TypeEnv, bound int) (chain Chain, cut bool) {
	if bound <= 0 || !runsBodyWhenCalled(f, w.project) {
		return nil, false
	}
	if w.onPath[f] {
		return nil, true
	}
	key := reachKey{f: f, typed: w.typed}
	if w.typed {
		key.env = env.key()
	}
	if b, ok := w.none[key]; ok && b >= bound {
		return nil, false
	}
	if hit := w.project.directHop(f, env, w.typed, w.direct); hit != nil {
		return hit, false
	}
	w.onPath[f] = true
	defer delete(w.onPath, f)
	for _, calls := range [2][]*Call{f.Calls, w.project.PropertyReads(f)} {
		for _, c := range calls {
			t, argTypes := w.project.entered(f, c, env, w.typed)
			if t == nil {
				continue
			}
			next := bound - 1
			if SameObjectHop(f, c, t) {
				next = bound
			}
			if next >= 1 {
				sub, subCut := w.reach(t, argTypes, next)
				cut = cut || subCut
				if sub != nil {
					return append(Chain{{Func: f, Call: c}}, sub...), cut
				}
			}
		}
	}
	// A walk cut short by a function on the path is no answer for
	// another path.
	if !cut {
		w.none[key] = max(w.none[key], bound)
	}
	return nil, cut
}

// reachWalk is one Reach or ReachOnLoop question: a depth-first walk of
// the calls, in order, that does not enter a function already being
// walked (a cycle). A result that depended on such a function (a cycle
// back into a caller) holds only while that caller is open: it is kept in
// open until the caller's walk ends; only results that did not are
// memoised for the snapshot, and a memoised chain through a function being
// walked is not reused, so an answer does not depend on which question was
// asked first (a callee asked about inside a cycle that leads back to its
// caller is not "known not to reach" for everyone, and a caller asked
// about after its callee does not reach through itself).
type reachWalk struct {
	project *Project
	memo    map[reachKey]Chain
	direct  func(*Module, *Call) bool
	typed   bool
	stack   map[*Function]int // function -> depth, while it is walked
	open    map[reachKey]openResult
	openAt  [][]reachKey // keys of open, by their low
}

// openResult is a result that holds while the function at depth low is
// still being walked.
type openResult struct {
	chain Chain
	low   int
}

// closed is the low of a result that depends on no open caller.
const closed = math.MaxInt

func (p *Project) newWalk(kind string, direct func(*Module, *Call) bool, typed bool) *reachWalk {
	return &reachWalk{project: p, memo: p.reachabilityOf(kind).memo, direct: direct, typed: typed,
		stack: map[*Function]int{}, open: map[reachKey]openResult{}}
}

func (w *reachWalk) walk(f *Function, env TypeEnv, depth int) Chain {
	chain, _ := w.reach(f, env, depth)
	return chain
}

func (w *reachWalk) reach(f *Function, env TypeEnv, depth int) (Chain, int) {
	if !runsBodyWhenCalled(f, w.project) {
		return nil, closed
	}
	if d, ok := w.stack[f]; ok {
		return nil, d
	}
	key := reachKey{f: f, typed: w.typed}
	if w.typed {
		key.env = env.key()
	}
	// A memoised chain is what a walk of f alone finds; when it passes
	// through a function being walked, this walk cannot take it.
	if chain, ok := w.memo[key]; ok && !w.throughStack(chain) {
		return chain, closed
	}
	if o, ok := w.open[key]; ok {
		return o.chain, o.low
	}
	w.stack[f] = depth
	chain, low := w.follow(f, env, depth)
	delete(w.stack, f)
	if depth < len(w.openAt) { // the results that held while f was open
		for _, k := range w.openAt[depth] {
			delete(w.open, k)
		}
		w.openAt = w.openAt[:depth]
	}
	if low >= depth {
		w.memo[key] = chain
		return chain, closed
	}
	w.open[key] = openResult{chain, low}
	for len(w.openAt) <= low {
		w.openAt = append(w.openAt, nil)
	}
	w.openAt[low] = append(w.openAt[low], key)
	return chain, low
}

// directHop is the one-hop chain of f's first call of interest (one that
// can run, given its parameters' known types when typed), or nil. Both
// walks ask it first: a direct call is the shortest chain.
func (p *Project) directHop(f *Function, env TypeEnv, typed bool, direct func(*Module, *Call) bool) Chain {
	m := f.module
	for _, c := range f.Calls {
		if direct(m, c) && (!typed || !p.guardedOut(m, f, c.Node, env)) {
			return Chain{{Func: f, Call: c}}
		}
	}
	return nil
}

// entered is the synchronous project function call c of f runs, which a
// walk enters, with its arguments' known types when typed; nil when the
// call has no such target or, typed, cannot run.
func (p *Project) entered(f *Function, c *Call, env TypeEnv, typed bool) (*Function, TypeEnv) {
	t := p.Target(c)
	if t == nil || t.Async || t.Lambda || t.Generator {
		return nil, nil
	}
	if !typed {
		return t, nil
	}
	if p.guardedOut(f.module, f, c.Node, env) {
		return nil, nil
	}
	return t, p.argTypes(f.module, c, t, env, f)
}

// runsBodyWhenCalled reports whether calling f runs its body there and
// then: not a coroutine or generator function (the call makes an object),
// nor one whose decorator hands it to another thread (handsBodyAway).
func runsBodyWhenCalled(f *Function, p *Project) bool {
	return !f.Async && !f.Generator && !f.module.handsBodyAway(f, p)
}

// throughStack reports a chain through a function being walked.
func (w *reachWalk) throughStack(chain Chain) bool {
	for _, h := range chain {
		if _, ok := w.stack[h.Func]; ok {
			return true
		}
	}
	return false
}

func (w *reachWalk) follow(f *Function, env TypeEnv, depth int) (Chain, int) {
	if hit := w.project.directHop(f, env, w.typed, w.direct); hit != nil {
		return hit, closed
	}
	low := closed
	// A property read runs its getter as a call runs its callee; reads
	// come after the calls (a chain through a call is preferred).
	for _, calls := range [2][]*Call{f.Calls, w.project.PropertyReads(f)} {
		for _, c := range calls {
			t, argTypes := w.project.entered(f, c, env, w.typed)
			if t == nil {
				continue
			}
			sub, subLow := w.reach(t, argTypes, depth+1)
			low = min(low, subLow)
			if sub != nil {
				return append(Chain{{Func: f, Call: c}}, sub...), low
			}
		}
	}
	return nil, low
}

// TypeEnv maps parameters of a function to the types their arguments are
// known to have (one of them: `isinstance(x, (A, B))` gives A or B).
type TypeEnv map[string][]string

// key names env in a memo key (parameter order does not matter).
func (env TypeEnv) key() string {
	parts := make([]string, 0, len(env))
	for name, types := range env {
		parts = append(parts, name+"="+strings.Join(types, "|"))
	}
	sort.Strings(parts)
	return strings.Join(parts, ",")
}

// argTypes gives the known types of the arguments call c (in function in of
// module m, whose parameters have the types env) passes to the parameters
// of t. A parameter that t reassigns is left out.
func (p *Project) argTypes(m *Module, c *Call, t *Function, env TypeEnv, in *Function) TypeEnv {
	offset := 0
	fn := c.Node.ChildByField("function")
	if t.Class != nil && len(t.Params) > 0 {
		static, classmethod := false, false
		for _, d := range t.Decorators {
			text := t.module.File.Text(d)
			static = static || strings.Contains(text, "staticmethod")
			classmethod = classmethod || strings.Contains(text, "classmethod")
		}
		switch {
		case static:
		case t.Name == "__init__" && fn != nil && fn.Type() == "attribute":
			// `super().__init__(fp)` binds self; `Base.__init__(self, fp)`
			// passes it.
			if recv := m.Resolve(fn.ChildByField("object")); recv.Class == nil || recv.Instance {
				offset = 1
			}
		case t.Name == "__init__" || t.Name == "__call__" || classmethod:
			offset = 1
		case fn != nil && fn.Type() == "attribute":
			if recv := m.Resolve(fn.ChildByField("object")); recv.Instance || recv.Class == nil {
				offset = 1
			}
		}
	}
	out := TypeEnv{}
	passed := map[string]bool{}
	i := 0
	for _, a := range c.Args() {
		param, value := "", a
		switch a.Type() {
		case "comment":
			continue
		case "list_splat", "dictionary_splat":
			return out
		case "keyword_argument":
			param, value = m.File.Text(a.ChildByField("name")), a.ChildByField("value")
		default:
			if i+offset < len(t.Params) {
				param = t.Params[i+offset]
			}
			i++
		}
		passed[param] = true
		if param == "" || t.Scope == nil {
			continue
		}
		if b := t.Scope.Bindings.Get(param); b == nil || b.Kind != BindParam {
			continue
		}
		if types := p.valueTypes(m, value, env, in); len(types) > 0 {
			out[param] = types
		}
		if truth := LiteralTruth(m.File, value); truth != "" {
			out[truthKey(param)] = []string{truth}
		}
		if none := noneness(m, value); none != "" {
			out[noneKey(param)] = []string{none}
		}
	}
	// A parameter not passed holds its default: `thumb=None` is no str.
	if params := t.Node.ChildByField("parameters"); params != nil {
		for _, prm := range params.NamedChildren() {
			if prm.Type() != "default_parameter" && prm.Type() != "typed_default_parameter" {
				continue
			}
			name := t.module.File.Text(prm.ChildByField("name"))
			if passed[name] {
				continue
			}
			if typ := literalType(prm.ChildByField("value")); typ != "" {
				out[name] = []string{typ}
			}
			if truth := LiteralTruth(t.module.File, prm.ChildByField("value")); truth != "" {
				out[truthKey(name)] = []string{truth}
			}
			if Unparen(prm.ChildByField("value")).Type() == "none" {
				out[noneKey(name)] = []string{isNone}
			}
		}
	}
	return out
}

// truthKey is the TypeEnv entry that holds whether the argument of
// parameter name is a literal known to be true or false ("truthy",
// "falsy"): `key_housekeeping(reg, create=False)` runs no `if create:`
// body. The "?" keeps it apart from the parameters' types.
func truthKey(name string) string { return "?" + name }

// noneKey is the TypeEnv entry that holds whether the argument of
// parameter name is None (isNone) or a value that is no None (notNone):
// `Client(info["client"])` runs no `if connection_info is None:` body, the
// idiom of a parameter that defaults to None and is looked up when not
// given. The "!" keeps it apart from the parameters' types.
func noneKey(name string) string { return "!" + name }

const (
	isNone  = "none"
	notNone = "some"
)

// noneness is isNone for the literal None, notNone for a value that is no
// None as written (a literal, a container or comprehension, arithmetic, a
// subscript, a constructor call) or a local name every assignment of which
// is one, and "" when it may be either (a parameter, an attribute, a
// call's result, `a or b`).
func noneness(m *Module, value *Node) string {
	return nonenessAt(m, value, 0)
}

func nonenessAt(m *Module, value *Node, depth int) string {
	value = Unparen(value)
	if value == nil || depth > 4 {
		return ""
	}
	switch value.Type() {
	case "none":
		return isNone
	case "string", "concatenated_string", "integer", "float", "true", "false",
		"list", "dictionary", "set", "tuple", "list_comprehension",
		"dictionary_comprehension", "set_comprehension", "generator_expression",
		"binary_operator", "unary_operator", "subscript", "comparison_operator",
		"not_operator", "lambda":
		return notNone
	case "call":
		if r := m.Resolve(value); r.Instance && r.Class != nil {
			return notNone
		}
	case "identifier":
		b := m.ScopeAt(value).Lookup(m.File.Text(value))
		if b == nil || b.Kind != BindAssign || len(b.Values) == 0 {
			return ""
		}
		for _, v := range b.Values {
			if v == nil || nonenessAt(m, v, depth+1) != notNone {
				return ""
			}
		}
		return notNone
	}
	return ""
}

// noneTest reads `name is None` or `name is not None` (negated).
func noneTest(m *Module, cond *Node) (name string, negated bool) {
	inner, negated := StripNot(cond)
	if inner == nil || inner.Type() != "comparison_operator" {
		return "", false
	}
	operands := inner.NamedChildren()
	if len(operands) != 2 {
		return "", false
	}
	left, right := operands[0], operands[1]
	if left.Type() != "identifier" || Unparen(right).Type() != "none" {
		return "", false
	}
	switch op := strings.Join(strings.Fields(m.File.Text(inner)[left.End-inner.Start:right.Start-inner.Start]), " "); op {
	case "is":
	case "is not":
		negated = !negated
	default:
		return "", false
	}
	return m.File.Text(left), negated
}

// stillNoneness reports that parameter name holds, at n, a value of the
// noneness its argument had: every assignment to it before n (or in a
// loop around n) assigns a value that is no None, and the argument was
// one too (want notNone), or nothing assigns it before n (either).
func stillNoneness(m *Module, name string, n *Node, want string) bool {
	if unassignedAt(m, name, n) {
		return true
	}
	if want != notNone {
		return false
	}
	b := m.ScopeAt(n).Lookup(name)
	if b == nil || b.Kind != BindParam {
		return false
	}
	for _, v := range b.Values {
		if v != nil && v.Start > n.Start && !InLoopAround(v, n) {
			continue // assigned after the test
		}
		if v == nil || noneness(m, v) != notNone {
			return false
		}
	}
	return true
}

// InLoopAround reports that v is in a for or while loop around n (in n's
// function), whose next round runs v before n again.
func InLoopAround(v, n *Node) bool {
	for q := n.Parent(); q != nil && !isDefinition(q); q = q.Parent() {
		if (q.Type() == "for_statement" || q.Type() == "while_statement") && encloses(q, v) {
			return true
		}
	}
	return false
}

// LiteralTruth is "truthy" or "falsy" for None, True, False and integer
// literals, "" for anything else.
func LiteralTruth(f *File, n *Node) string {
	n = Unparen(n)
	if n == nil {
		return ""
	}
	switch n.Type() {
	case "none", "false":
		return "falsy"
	case "true":
		return "truthy"
	case "integer":
		if v, err := strconv.ParseInt(strings.ReplaceAll(f.Text(n), "_", ""), 0, 64); err == nil {
			if v == 0 {
				return "falsy"
			}
			return "truthy"
		}
	}
	return ""
}

// StripNot returns what a condition tests once its parentheses and `not`s
// are taken off, and whether an odd number of `not`s was.
func StripNot(cond *Node) (inner *Node, negated bool) {
	inner = Unparen(cond)
	for inner != nil && inner.Type() == "not_operator" {
		inner, negated = Unparen(inner.ChildByField("argument")), !negated
	}
	return inner, negated
}

// truthTest reads a condition that tests a name's truth: `name` or `not
// name` (negated).
func truthTest(m *Module, cond *Node) (name string, negated bool) {
	inner, negated := StripNot(cond)
	if inner == nil || inner.Type() != "identifier" {
		return "", false
	}
	return m.File.Text(inner), negated
}

// literalType is the type of a literal (None, a boolean, a number, a string).
func literalType(n *Node) string {
	switch Unparen(n).Type() {
	case "none":
		return "NoneType"
	case "true", "false":
		return "bool"
	case "integer":
		return "int"
	case "float":
		return "float"
	case "string", "concatenated_string":
		return "str"
	}
	return ""
}

// valueTypes gives the types value is known to have: narrowed by an
// enclosing `if isinstance(name, T):`, a parameter's type from env, a
// literal, or what the resolver knows of an instance.
func (p *Project) valueTypes(m *Module, value *Node, env TypeEnv, in *Function) []string {
	value = Unparen(value)
	if value == nil {
		return nil
	}
	switch value.Type() {
	case "string", "concatenated_string", "none", "true", "false", "integer", "float":
		return []string{literalType(value)}
	case "identifier":
		name := m.File.Text(value)
		for q := value; q.Parent() != nil && (in == nil || q != in.Node); q = q.Parent() {
			if q.Field() != "consequence" || (q.Parent().Type() != "if_statement" && q.Parent().Type() != "elif_clause") {
				continue
			}
			if param, types, positive := isinstanceGuard(m, q.Parent().ChildByField("condition")); param == name && positive && types != nil {
				return types
			}
		}
		if types, ok := env[name]; ok && unassignedAt(m, name, value) {
			return types
		}
	}
	if r := m.Resolve(value); r.Instance {
		if r.Class != nil {
			return []string{r.Class.FullName()}
		}
		if r.Name != "" {
			return []string{r.Name}
		}
	}
	return nil
}

// isinstanceGuard reads `isinstance(name, T)`, `isinstance(name, (A, B))`
// or its negation; types is nil when one of them is not known.
func isinstanceGuard(m *Module, cond *Node) (param string, types []string, positive bool) {
	cond, positive = Unparen(cond), true
	for cond != nil && cond.Type() == "not_operator" {
		cond, positive = Unparen(cond.ChildByField("argument")), !positive
	}
	if cond == nil || cond.Type() != "call" || m.File.Text(cond.ChildByField("function")) != "isinstance" {
		return "", nil, false
	}
	args := cond.ChildByField("arguments")
	if args == nil || len(args.NamedChildren()) != 2 || args.NamedChildren()[0].Type() != "identifier" {
		return "", nil, false
	}
	param = m.File.Text(args.NamedChildren()[0])
	typ := Unparen(args.NamedChildren()[1])
	elems := []*Node{typ}
	if typ.Type() == "tuple" {
		elems = typ.NamedChildren()
	}
	for _, e := range elems {
		r := m.Resolve(e)
		name := r.Name
		if r.Class != nil {
			name = r.Class.FullName()
		}
		if name == "" || r.Instance {
			return param, nil, positive
		}
		types = append(types, name)
	}
	return param, types, positive
}

// guardedOut reports a node of f under an if/elif/else that cannot run on
// its path: an isinstance condition on a parameter of known type (env)
// that cannot hold, or code run only when no event loop is running.
func (p *Project) guardedOut(m *Module, f *Function, n *Node, env TypeEnv) bool {
	// fails reports a condition known to be the opposite of want.
	var isinstanceFails, fails func(cond *Node, want bool) bool
	fails = func(cond *Node, want bool) bool {
		// `if a and b:` cannot hold when either cannot, nor fail when
		// both must hold.
		if inner, negated := StripNot(cond); inner != nil && inner.Type() == "boolean_operator" {
			want = want != negated
			left, right := inner.ChildByField("left"), inner.ChildByField("right")
			op := inner.ChildByField("operator")
			if left == nil || right == nil || op == nil {
				return false
			}
			if m.File.Text(op) == "and" {
				if want {
					return fails(left, true) || fails(right, true)
				}
				return fails(left, false) && fails(right, false)
			}
			// `a or b` cannot hold when neither can, nor fail when
			// either must hold.
			if want {
				return fails(left, true) && fails(right, true)
			}
			return fails(left, false) || fails(right, false)
		}
		// `if connection_info is None:` where the caller passed a value
		// that is no None (or None).
		if name, negated := noneTest(m, cond); name != "" {
			none, ok := env[noneKey(name)]
			if !ok {
				// `event = Event() if flag else None` written as an if/else:
				// `event is None` holds exactly when the if's condition
				// took the None branch.
				if branch, noneWhenHolds := noneFlag(m, f, name, cond); branch != nil {
					return fails(branch, (want != negated) == noneWhenHolds)
				}
				return false
			}
			if len(none) != 1 || !stillNoneness(m, name, cond, none[0]) {
				return false
			}
			holds := (none[0] == isNone) != negated
			return holds != want
		}
		// `if create:` where the caller passed a literal (`create=False`)
		// and the function has not reassigned it.
		if name, negated := truthTest(m, cond); name != "" {
			truth, ok := env[truthKey(name)]
			if ok && len(truth) == 1 && unassignedAt(m, name, cond) {
				holds := (truth[0] == "truthy") != negated
				return holds != want
			}
			// `uri_is_file = not isinstance(uri, str)` ... `if not
			// uri_is_file:`: the flag holds what its one test held.
			if test := isinstanceFlag(m, f, name, cond); test != nil {
				return isinstanceFails(test, want != negated)
			}
			return false
		}
		return isinstanceFails(cond, want)
	}
	isinstanceFails = func(cond *Node, want bool) bool {
		param, types, positive := isinstanceGuard(m, cond)
		known, ok := env[param]
		if types == nil || !ok || !unassignedAt(m, param, cond) {
			return false
		}
		if positive == want {
			return p.noneIsInstance(known, types)
		}
		return p.allAreInstances(known, types)
	}
	mustHold := func(cond *Node) bool { return p.loopRunning(m, f, cond) == isTrue || fails(cond, false) }
	for q := n; q.Parent() != nil && q != f.Node; q = q.Parent() {
		parent := q.Parent()
		if parent.Type() == "block" && afterLeavingIf(m, parent, q, mustHold) {
			return true
		}
		switch {
		case q.Field() == "consequence" && parent.Type() == "if_statement":
			if fails(parent.ChildByField("condition"), true) || p.loopRunning(m, f, parent.ChildByField("condition")) == isFalse {
				return true
			}
		case q.Type() == "else_clause" && parent.Type() == "if_statement" && p.loopRunning(m, f, parent.ChildByField("condition")) == isTrue:
			return true
		case q.Field() == "consequence" && parent.Type() == "elif_clause":
			if fails(parent.ChildByField("condition"), true) || earlierConditionHolds(parent, fails) {
				return true
			}
		case q.Type() == "else_clause" && parent.Type() == "if_statement":
			if earlierConditionHolds(q, fails) {
				return true
			}
		}
	}
	return false
}

// isinstanceFlag returns the `isinstance(...)` test (or its negation) that
// local name of f is bound to by its one assignment, made before the test
// cond reads it; nil otherwise.
func isinstanceFlag(m *Module, f *Function, name string, cond *Node) *Node {
	if f == nil || f.Scope == nil {
		return nil
	}
	b := f.Scope.Bindings.Get(name)
	if b == nil || b.Kind != BindAssign || len(b.Values) != 1 || b.Values[0] == nil || b.Values[0].Start > cond.Start {
		return nil
	}
	if param, _, _ := isinstanceGuard(m, b.Values[0]); param == "" {
		return nil
	}
	return b.Values[0]
}

// noneFlag reads a local of f that an if/else sets to None on one side and
// to a new object on the other, and that nothing else assigns, tested for
// None at cond after that statement (argos's model: `if
// wait_for_model_update and ...: event = threading.Event()` / `else: event
// = None` ... `if event is not None: event.wait()`). It returns the if's
// condition and whether the None is set when that condition holds; nil
// when the local is not such a flag. An annotation without a value
// (`event: Event | None`) assigns nothing.
func noneFlag(m *Module, f *Function, name string, cond *Node) (branch *Node, noneWhenHolds bool) {
	if f == nil || f.Scope == nil || f.Lambda {
		return nil, false
	}
	b := f.Scope.Bindings.Get(name)
	if b == nil || b.Kind != BindAssign || m.ScopeAt(cond).Lookup(name) != b {
		return nil, false
	}
	var values []*Node
	for _, v := range b.Values {
		if v == nil || v.Parent() == nil || v.Parent().Type() != "assignment" {
			return nil, false
		}
		a := v.Parent()
		if v.Field() == "type" && a.ChildByField("right") == nil {
			continue // an annotation alone
		}
		if v.Field() != "right" || a.Parent() == nil || a.Parent().Type() != "expression_statement" {
			return nil, false
		}
		values = append(values, v)
	}
	if len(values) != 2 {
		return nil, false
	}
	// blockOf is the block holding the assignment of v as a statement.
	blockOf := func(v *Node) *Node { return v.Parent().Parent().Parent() }
	var then, other *Node
	for _, v := range values {
		blk := blockOf(v)
		if blk == nil || blk.Type() != "block" || blk.Parent() == nil {
			return nil, false
		}
		switch {
		case blk.Parent().Type() == "if_statement" && blk.Field() == "consequence":
			then = v
		case blk.Parent().Type() == "else_clause":
			other = v
		}
	}
	if then == nil || other == nil {
		return nil, false
	}
	stmt := blockOf(then).Parent()
	if blockOf(other).Parent().Parent() != stmt || cond.Start < stmt.End {
		return nil, false
	}
	for _, c := range stmt.NamedChildren() {
		if c.Type() == "elif_clause" {
			return nil, false
		}
	}
	for q := stmt.Parent(); q != nil && q != f.Node; q = q.Parent() {
		if q.Type() == "for_statement" || q.Type() == "while_statement" || isDefinition(q) {
			return nil, false
		}
	}
	newObject := func(v *Node) bool {
		v = Unparen(v)
		if v.Type() != "call" {
			return noneness(m, v) == notNone
		}
		callee := m.Resolve(v.ChildByField("function"))
		made := m.Resolve(v)
		return callee.Name != "" && !callee.Instance && made.Instance && made.Name == callee.Name
	}
	switch {
	case Unparen(then).Type() == "none" && newObject(other):
		return stmt.ChildByField("condition"), true
	case Unparen(other).Type() == "none" && newObject(then):
		return stmt.ChildByField("condition"), false
	}
	return nil, false
}

// earlierConditionHolds reports an elif or else clause that cannot run
// because the condition of the if, or of an elif before it, holds.
func earlierConditionHolds(clause *Node, fails func(*Node, bool) bool) bool {
	stmt := clause.Parent()
	if fails(stmt.ChildByField("condition"), false) {
		return true
	}
	for _, c := range stmt.NamedChildren() {
		if c == clause {
			break
		}
		if c.Type() == "elif_clause" && fails(c.ChildByField("condition"), false) {
			return true
		}
	}
	return false
}

// allAreInstances: every known type is a subclass of one of types.
func (p *Project) allAreInstances(known, types []string) bool {
	for _, k := range known {
		bases, _ := p.typeBases(k, 0)
		match := false
		for _, t := range types {
			match = match || bases[t]
		}
		if !match {
			return false
		}
	}
	return true
}

// noneIsInstance: no known type is a subclass of any of types, and every
// known type's bases are all known.
func (p *Project) noneIsInstance(known, types []string) bool {
	for _, k := range known {
		bases, complete := p.typeBases(k, 0)
		if !complete {
			return false
		}
		for _, t := range types {
			if bases[t] || t == "object" {
				return false
			}
		}
	}
	return true
}

// typeBases gives typ and its base classes (pylib.KnownBases for the
// standard library, the class statements for the project's), and whether
// all of them are known.
func (p *Project) typeBases(typ string, depth int) (map[string]bool, bool) {
	out := map[string]bool{typ: true}
	if bases, ok := pylib.KnownBases[typ]; ok {
		for _, b := range bases {
			out[b] = true
		}
		return out, true
	}
	cls := p.Lookup(typ).Class
	if cls == nil || depth > 8 {
		return out, false
	}
	complete := true
	for _, b := range cls.Bases {
		if b.Type() == "keyword_argument" || b.Type() == "comment" {
			continue
		}
		r := cls.module.Resolve(b)
		name := r.Name
		if r.Class != nil {
			name = r.Class.FullName()
		}
		if name == "object" {
			continue
		}
		if name == "" || r.Instance {
			complete = false
			continue
		}
		more, ok := p.typeBases(name, depth+1)
		complete = complete && ok
		for k := range more {
			out[k] = true
		}
	}
	return out, complete
}

// unassignedAt reports that parameter name still holds its argument at n:
// every assignment to it comes later in the function and not in a loop
// around n (`file = 'a' + ext` after the test of file is fine).
func unassignedAt(m *Module, name string, n *Node) bool {
	b := m.ScopeAt(n).Lookup(name)
	if b == nil || b.Kind != BindParam {
		return false
	}
	for _, v := range b.Values {
		if v == nil || v.Start < n.Start || InLoopAround(v, n) {
			return false
		}
	}
	return true
}

// isDefinition reports a def, lambda or class, whose body is another scope.
func isDefinition(n *Node) bool {
	switch n.Type() {
	case "function_definition", "lambda", "class_definition":
		return true
	}
	return false
}

// encloses reports whether a is n or one of its ancestors.
func encloses(a, n *Node) bool {
	for q := n; q != nil; q = q.Parent() {
		if q == a {
			return true
		}
	}
	return false
}

// A truth value known or not.
type truth int

const (
	unknownTruth truth = iota
	isTrue
	isFalse
)

// afterLeavingIf reports statement stmt of block following an `if cond:
// ... return` (or raise) whose condition must hold on this path: a loop
// is running (the helper's own way to stay off the running loop: `self.loop
// = get_running_loop()`, `if self.loop: ...; return`, then
// `self._start_thread()`), or the caller's arguments make it hold
// (holds: `if config is not None: return config` when a config is passed).
//
// The `if` may also sit at the top level of the body of a `with` statement
// before stmt (pyrate-limiter's `with combined_lock(...):` ... `if
// _force_async: return ...` ... then, after the with, the blocking retry
// loop): the body runs in order, so leaving the with normally passes the
// `if`. Not through a with whose context manager swallows exceptions
// (pylib.SuppressesExceptions: contextlib.suppress), where an exception
// raised before the `if` goes on after the with.
func afterLeavingIf(m *Module, block, stmt *Node, holds func(cond *Node) bool) bool {
	for _, s := range block.NamedChildren() {
		if s == stmt {
			return false
		}
		if leavesWhenHolds(m, s, holds) {
			return true
		}
	}
	return false
}

// leavesWhenHolds reports a statement that cannot end normally when holds
// holds: an `if cond: ... return` (no else), or a with statement whose body
// has one at its top level.
func leavesWhenHolds(m *Module, s *Node, holds func(cond *Node) bool) bool {
	switch s.Type() {
	case "if_statement":
		return s.ChildByField("alternative") == nil && blockLeaves(s.ChildByField("consequence")) && holds(s.ChildByField("condition"))
	case "with_statement":
		if withSuppresses(m, s) {
			return false
		}
		body := s.ChildByField("body")
		if body == nil {
			return false
		}
		for _, t := range body.NamedChildren() {
			if leavesWhenHolds(m, t, holds) {
				return true
			}
		}
	}
	return false
}

// withSuppresses reports a with statement one of whose context managers is
// a call of a library API that swallows the exceptions of its body.
func withSuppresses(m *Module, with *Node) bool {
	for _, c := range with.NamedChildren() {
		if c.Type() != "with_clause" {
			continue
		}
		for _, item := range c.NamedChildren() {
			if item.Type() != "with_item" {
				continue
			}
			v := Unparen(item.ChildByField("value"))
			if v != nil && v.Type() == "as_pattern" {
				if kids := v.NamedChildren(); len(kids) > 0 {
					v = Unparen(kids[0])
				}
			}
			if v == nil || v.Type() != "call" {
				continue
			}
			if name := m.Resolve(v.ChildByField("function")).Name; name != "" && pylib.Is(name, pylib.SuppressesExceptions) {
				return true
			}
		}
	}
	return false
}

// RunsOnlyOnLoopThread reports a node of f that runs only while an event
// loop runs on the current thread: in the body of an `if` whose condition
// holds only then (`if self.asynchronous:` where the property asks
// asyncio.get_running_loop), or in the else of one that never holds then.
func (p *Project) RunsOnlyOnLoopThread(m *Module, f *Function, n *Node) bool {
	for q := n; q != nil && q.Parent() != nil && q != f.Node; q = q.Parent() {
		parent := q.Parent()
		switch {
		case q.Field() == "consequence" && parent.Type() == "if_statement":
			if p.loopRunning(m, f, parent.ChildByField("condition")) == isTrue {
				return true
			}
		case q.Type() == "else_clause" && parent.Type() == "if_statement":
			if p.loopRunning(m, f, parent.ChildByField("condition")) == isFalse {
				return true
			}
		}
	}
	return false
}

// loopRunning tells whether cond holds while an event loop runs on this
// thread: a call that asks for the running loop (asyncio.get_running_loop,
// or a function of the project that returns one), compared with None or
// negated, directly or through a name or attribute that the function
// assigned it to before cond.
func (p *Project) loopRunning(m *Module, f *Function, cond *Node) truth {
	return p.loopRunningAt(m, f, cond, 0)
}

// maxLoopQuestionDepth bounds how many functions (properties, helpers)
// loopRunning follows to the running-loop question they answer.
const maxLoopQuestionDepth = 3

func (p *Project) loopRunningAt(m *Module, f *Function, cond *Node, depth int) truth {
	cond = Unparen(cond)
	if cond == nil {
		return unknownTruth
	}
	flip := func(t truth) truth {
		switch t {
		case isTrue:
			return isFalse
		case isFalse:
			return isTrue
		}
		return t
	}
	switch cond.Type() {
	case "not_operator":
		return flip(p.loopRunningAt(m, f, cond.ChildByField("argument"), depth))
	case "comparison_operator":
		ops := cond.NamedChildren()
		if len(ops) != 2 {
			return unknownTruth
		}
		op := strings.Join(strings.Fields(m.File.Text(cond)[len(m.File.Text(ops[0])):len(m.File.Text(cond))-len(m.File.Text(ops[1]))]), " ")
		if Unparen(ops[1]).Type() != "none" {
			// `loop is asyncio.get_running_loop()` holds only on a thread
			// whose loop runs: without one, get_running_loop raises.
			if (op == "is" || op == "==") && (raisesWithoutRunningLoop(f, Unparen(ops[0])) || raisesWithoutRunningLoop(f, Unparen(ops[1]))) {
				return isTrue
			}
			return unknownTruth
		}
		switch op {
		case "is not", "!=":
			return p.loopRunningAt(m, f, ops[0], depth)
		case "is", "==":
			return flip(p.loopRunningAt(m, f, ops[0], depth))
		}
		return unknownTruth
	case "call":
		if p.asksRunningLoop(f, cond) {
			return isTrue
		}
		// A helper of the project that answers the question (`def
		// in_async_call(loop): return loop is get_running_loop()`).
		for _, c := range f.Calls {
			if c.Node == cond {
				if t := p.Target(c); t != nil && p.answersLoopRunning(t, depth+1) {
					return isTrue
				}
				break
			}
		}
	case "identifier", "attribute":
		// A property of the project that answers it (`if
		// self.asynchronous:` where the property returns
		// `in_async_call(self.loop)`).
		if cond.Type() == "attribute" {
			if obj := m.Resolve(cond.ChildByField("object")); obj.Class != nil && obj.Instance {
				if meth := p.projectMethod(obj.Class, m.File.Text(cond.ChildByField("attribute")), 0); meth != nil &&
					meth.isProperty() && p.answersLoopRunning(meth, depth+1) {
					return isTrue
				}
			}
		}
		// The last assignment of that name or attribute before cond.
		text := m.File.Text(cond)
		var value *Node
		f.Node.ChildByField("body").Walk(func(c *Node) bool {
			if c.Start >= cond.Start || isDefinition(c) {
				return false
			}
			if c.Type() == "assignment" && m.File.Text(c.ChildByField("left")) == text {
				value = c.ChildByField("right")
			}
			return true
		})
		if value != nil && Unparen(value).Type() == "call" && p.asksRunningLoop(f, Unparen(value)) {
			return isTrue
		}
	}
	return unknownTruth
}

// answersLoopRunning reports a synchronous function of the project whose
// first return statement (on every path: not under an if or a loop)
// returns a value that holds only while an event loop runs on this thread,
// by loopRunning's reading, following at most maxLoopQuestionDepth
// functions.
func (p *Project) answersLoopRunning(t *Function, depth int) bool {
	if depth > maxLoopQuestionDepth || t.Async || t.Generator || t.Lambda {
		return false
	}
	v := firstUnconditionalReturn(t)
	return v != nil && p.loopRunningAt(t.module, t, v, depth) == isTrue
}

// firstUnconditionalReturn is the value of t's first return statement when
// no if or loop of t encloses it (a try may: `try: return loop is
// get_running_loop()` then `except RuntimeError: return False`).
func firstUnconditionalReturn(t *Function) *Node {
	var first *Node
	t.Node.ChildByField("body").Walk(func(n *Node) bool {
		if first != nil || isDefinition(n) {
			return false
		}
		if n.Type() == "return_statement" {
			first = n
			return false
		}
		return true
	})
	if first == nil || len(first.NamedChildren()) != 1 {
		return nil
	}
	for q := first.Parent(); q != nil && q != t.Node; q = q.Parent() {
		if q.Type() == "if_statement" || q.Type() == "for_statement" || q.Type() == "while_statement" {
			return nil
		}
	}
	return Unparen(first.NamedChildren()[0])
}

// raisesWithoutRunningLoop reports a call (in f) of asyncio.get_running_loop,
// which raises when no loop runs on this thread (unlike _get_running_loop,
// which returns None).
func raisesWithoutRunningLoop(f *Function, call *Node) bool {
	if call == nil || call.Type() != "call" {
		return false
	}
	for _, c := range f.Calls {
		if c.Node == call {
			return pylib.RaisesWithoutRunningLoop(c.Callee)
		}
	}
	return false
}

// asksRunningLoop reports a call (in f) of asyncio.get_running_loop and its
// kin (pylib.AsksRunningLoop), or of a function of the project whose first
// return statement returns such a call (`with suppress(RuntimeError):
// return asyncio.get_running_loop()`, then `return None`).
func (p *Project) asksRunningLoop(f *Function, call *Node) bool {
	for _, c := range f.Calls {
		if c.Node != call {
			continue
		}
		if api, ok := pylib.Lookup(c.Callee); ok && api.Has(pylib.AsksRunningLoop) && !api.Has(pylib.ByMethodName) {
			return true
		}
		t := p.Target(c)
		if t == nil || t.Async || t.Generator || t.Lambda {
			return false
		}
		// Only a value returned on every path counts (not one returned on
		// some condition): the same first-return rule loopRunningAt uses.
		v := firstUnconditionalReturn(t)
		if v == nil {
			return false
		}
		for _, tc := range t.Calls {
			if tc.Node == v {
				api, ok := pylib.Lookup(tc.Callee)
				return ok && api.Has(pylib.AsksRunningLoop) && !api.Has(pylib.ByMethodName)
			}
		}
		return false
	}
	return false
}
