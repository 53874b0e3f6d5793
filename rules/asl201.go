package rules

import (
	"sort"
	"strconv"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASL201 reports blocking calls reached through synchronous helpers.
var ASL201 = register(&Rule{
	Code:    "ASL201",
	Name:    "blocking-call-via-helper",
	Summary: "Blocking call reached from a coroutine through synchronous helpers",
	Rationale: "Linters stop at the function boundary: `time.sleep` in a coroutine is caught, but a coroutine that " +
		"calls `load_config()`, which calls `requests.get`, blocks the event loop just the same. asyncls follows calls " +
		"into the project's synchronous functions and methods, at any depth and across modules.",
	Bad: `import requests

def load_config(url):
    return requests.get(url).json()

async def start(url):
    config = load_config(url)`,
	Good: `import asyncio
import requests

def load_config(url):
    return requests.get(url).json()

async def start(url):
    config = await asyncio.to_thread(load_config, url)`,
	Severity:     Warning,
	Default:      true,
	QuietInTests: true,
	CrossFile:    true,
	Fix:          "Wrap the call as `await asyncio.to_thread(helper, *args)` (`trio.to_thread.run_sync`, `anyio.to_thread.run_sync` in a module written for that library).",
	Notes: "Blocking calls are every call of the ASYNC2xx families (and names configured as blocking). Reported at " +
		"the call site in the coroutine, with the chain in the message and each hop as related information. A `with` " +
		"statement over a `@contextmanager` helper counts too (its body runs on entry and exit), and so does a generator " +
		"iterated where it is called (`for line in read_lines(path):`, `list(read_lines(path))`). A helper whose result " +
		"is awaited or scheduled has been made asynchronous by a decorator and is not followed. A hook meant to be " +
		"overridden, whose result the coroutine awaits when it is awaitable (`r = self._server.stat(path)`, then `if " +
		"inspect.isawaitable(r): r = await r`), is reported once, at the default method when it blocks, not at each " +
		"call site. A call in the body of `with pytest.raises(...):` (or `self.assertRaises(...)`) is not reported: " +
		"the test expects it to fail, typically at a guard before the blocking work (a thread-only API called from " +
		"the event loop raises `RuntimeError` first). A blocking call under an `isinstance` test of a parameter is not " +
		"followed when the argument is known not to pass it: `File(io.BytesIO(data))` where File opens only what is " +
		"not an `io.IOBase`; a value narrowed on the way (`if isinstance(media, InputFile): get_attributes(media)`) or a " +
		"parameter left at its default (`thumb=None`) where the helper opens only a `str`. Types are known from " +
		"constructor calls, literals, annotations and `isinstance` tests; base classes from the project's class " +
		"statements and the standard library's io classes; an argument of unknown type may take any branch. Nor is " +
		"code a helper runs only when no event loop is running followed (called from a coroutine, one is): after `if " +
		"<running loop>: ... return`, in its `else`, or under `if <no running loop>:`, where the test is " +
		"`asyncio.get_running_loop()` / `asyncio._get_running_loop()` (compared with None or negated), a function of " +
		"the project that returns it, or a name or attribute the helper assigned it to (`self.loop = " +
		"get_running_loop()`, `if self.loop: ...; return`, then `self._start_thread()`).",
	Requires: []Fact{blockingCalls, blockingInHelpers, blockingViaHelpers, blockingDelays},
	Run:      runBlockingViaHelper,
})

func runBlockingViaHelper(p *Pass) {
	for _, h := range blockingViaHelpers.of(p) {
		c, chain := h.Call, h.Chain
		last := chain[len(chain)-1]
		lastText := last.Func.Module().File.Text(last.Call.Node.ChildByField("function"))
		how := "it calls blocking `" + lastText + "()`"
		if len(chain) > 1 {
			how = "it reaches blocking `" + lastText + "()` via " + describeChain(chain)
		}
		msg := "`" + p.File.Text(c.Node.ChildByField("function")) + "()` blocks the event loop in async function `" +
			c.Func.Name + "`: " + how + "; run it with `await asyncio.to_thread(...)`"
		if last.Func.Module() == p.Module {
			msg = withDelay(p, msg, int(last.Call.Node.Start))
		}
		p.Report(c.Node, msg, WithRelated(chainRelated(chain)...), WithFix(h.Fix))
	}
	// Dispatch to something that may be overridden by a coroutine function
	// is reported once, at the default method.
	defaults := map[*analysis.Function]*analysis.Call{} // overridable default method -> first dispatching call
	var order []*analysis.Function
	for _, c := range p.Module.Calls {
		if !c.InAsync() || !awaitedIfAwaitable(p.Module, c) {
			continue
		}
		if t := p.Project.Target(c); t != nil && t.Class != nil && t.Module() == p.Module && !t.Async {
			if _, seen := defaults[t]; !seen {
				defaults[t] = c
				order = append(order, t)
			}
		}
	}
	inHelpers := blockingInHelpers.of(p)
	kind, blocks := inHelpers.Kind, inHelpers.Blocks
	for _, f := range order {
		chain := p.Project.Reach(kind, f, blocks)
		if chain == nil {
			continue
		}
		last := chain[len(chain)-1]
		lastText := last.Func.Module().File.Text(last.Call.Node.ChildByField("function"))
		via := ""
		if len(chain) > 1 {
			via = " via " + describeChain(chain)
		}
		caller := defaults[f]
		p.Report(f.Node.ChildByField("name"), "default method `"+f.QualName+"()` blocks the event loop: it reaches blocking `"+
			lastText+"()`"+via+", and coroutines such as `"+caller.Func.Name+"` call it expecting an override that may be "+
			"async (they await its result when it is awaitable); make the default `async def` and run the blocking work "+
			"with `await asyncio.to_thread(...)`",
			WithRelated(append([]Related{RelatedAt(p.Module, caller.Node, "called here from coroutine `"+caller.Func.Name+"`")},
				chainRelated(chain)...)...))
	}
}

// awaitedIfAwaitable reports a call whose stored result the coroutine
// awaits only when it is awaitable (`r = self._server.stat(path)` then `if
// inspect.isawaitable(r): r = await r`): the callee is an overridable hook
// that may be sync or async.
func awaitedIfAwaitable(m *analysis.Module, c *analysis.Call) bool {
	if c.Usage != analysis.UsageStored || c.UsedBy == nil || c.UsedBy.Type() != "assignment" {
		return false
	}
	left := analysis.Unparen(c.UsedBy.ChildByField("left"))
	if left == nil || left.Type() != "identifier" {
		return false
	}
	name := m.File.Text(left)
	for _, other := range c.Func.Calls {
		if other.Node.Start <= c.Node.Start {
			continue
		}
		fn := other.Node.ChildByField("function")
		if fn == nil {
			continue
		}
		text := m.File.Text(fn)
		if !strings.HasSuffix(text, "isawaitable") && !strings.HasSuffix(text, "iscoroutine") {
			continue
		}
		if arg := other.Positional(0); arg != nil && m.File.Text(arg) == name {
			return true
		}
	}
	return false
}

// blockingViaHelpers are the calls of the module's coroutines that reach a
// blocking call through synchronous helpers, in source order, with the
// chain and the fix that moves the call to a thread: what ASL201 reports,
// and what ASL402 leaves to it. Calls dispatched to an overridable hook
// (awaitedIfAwaitable) and calls expected to raise are not among them.
var blockingViaHelpers = &fact[[]helperChain]{name: "blockingViaHelpers", crossFile: true, compute: func(p *Pass) []helperChain {
	var out []helperChain
	inHelpers := blockingInHelpers.of(p)
	tr := &typedReach{project: p.Project, kind: inHelpers.Kind, direct: inHelpers.Blocks, onStack: map[*analysis.Function]bool{}, memo: map[string]analysis.Chain{}}
	for _, c := range p.Module.Calls {
		if !c.InAsync() || awaitedIfAwaitable(p.Module, c) || expectedToRaise(p.Module, c.Node) {
			continue
		}
		if chain, fix := blockingHelperChain(p, c, tr); chain != nil {
			out = append(out, helperChain{Call: c, Chain: chain, Fix: fix})
		}
	}
	return out
}}

// helperChain is a call that blocks through helpers.
type helperChain struct {
	Call  *analysis.Call
	Chain analysis.Chain // from the called helper to the blocking call
	Fix   *Fix
}

// blockingHelperChain returns, for call c in a coroutine, the chain through
// synchronous project helpers to a blocking call (nil when there is none or
// c itself is a blocking call), and the fix that moves c to a thread.
func blockingHelperChain(p *Pass, c *analysis.Call, tr *typedReach) (analysis.Chain, *Fix) {
	inHelpers := blockingInHelpers.of(p)
	kind, blocks := inHelpers.Kind, inHelpers.Blocks
	direct := blocks
	if blocks(p.Module, c) || awaitedIfAwaitable(p.Module, c) {
		return nil, nil
	}
	target := p.Project.Target(c)
	if target == nil || target.Async || target.Lambda || returnsAwaitable(c) {
		return nil, nil
	}
	switch {
	case !target.Generator:
		chain := p.Project.Reach(kind, target, direct)
		if chain == nil {
			return nil, nil
		}
		// What the arguments are known to be, here or narrowed by an
		// isinstance test on the way, may rule out the branches that block
		// (`File(io.BytesIO(data))` where File opens only a path): follow
		// the calls again with those types.
		if chain = tr.reach(target, argTypes(p.Project, p.Module, c, target, nil, c.Func), 0); chain == nil {
			return nil, nil
		}
		return chain, toThreadFix(p, c)
	case isContextManagerDef(target) && withStatementOf(c.Node) != nil && !withStatementOf(c.Node).HasToken("async"):
		// `with opened(path) as f:` runs the @contextmanager body up to
		// its yield (and the rest on exit) on the event loop's thread.
		return contextManagerReach(p, target, kind, direct), nil
	case iteratedOnLoop(p.Module, c.Node):
		// `for line in read_lines(path):` runs the generator's body, one
		// step per iteration, in the coroutine.
		return contextManagerReach(p, target, kind, direct), nil
	}
	return nil, nil
}

// isContextManagerDef reports a generator decorated with
// contextlib.contextmanager.
func isContextManagerDef(f *analysis.Function) bool {
	for _, d := range f.Decorators {
		named := d.NamedChildren()
		if len(named) == 1 && pylib.Is(f.Module().Resolve(named[0]).Name, pylib.SyncContextManagerDecorator) {
			return true
		}
	}
	return false
}

// contextManagerReach is Reach for the body of a generator that is run (a
// @contextmanager entered by `with`, or a generator iterated in place), which
// Reach skips (calling a plain generator runs none of its body).
func contextManagerReach(p *Pass, f *analysis.Function, kind string, direct func(*analysis.Module, *analysis.Call) bool) analysis.Chain {
	for _, c := range f.Calls {
		if direct(f.Module(), c) {
			return analysis.Chain{{Func: f, Call: c}}
		}
	}
	for _, c := range f.Calls {
		t := p.Project.Target(c)
		if t == nil || t.Async || t.Lambda || t.Generator || t == f {
			continue
		}
		if sub := p.Project.Reach(kind, t, direct); sub != nil {
			return append(analysis.Chain{{Func: f, Call: c}}, sub...)
		}
	}
	return nil
}

// iteratedOnLoop reports whether the value of call is iterated where it is
// made: the iterable of a (non-async) for statement or comprehension, or the
// argument of a builtin that consumes an iterable (`list(gen())`).
func iteratedOnLoop(m *analysis.Module, call *analysis.Node) bool {
	n := call
	p := n.Parent()
	for p != nil && p.Type() == "parenthesized_expression" {
		n, p = p, p.Parent()
	}
	if p == nil {
		return false
	}
	switch p.Type() {
	case "for_statement", "for_in_clause":
		return n.Field() == "right" && !p.HasToken("async")
	case "argument_list":
		outer := p.Parent()
		if outer == nil || outer.Type() != "call" || len(p.NamedChildren()) != 1 {
			return false
		}
		fn := outer.ChildByField("function")
		if fn == nil || fn.Type() != "identifier" {
			return false
		}
		name := m.File.Text(fn)
		return pylib.Method(name, pylib.ConsumesIterable) && m.IsBuiltin(fn, name)
	}
	return false
}

// typeEnv maps parameters of a function to the types their arguments are
// known to have (one of them: `isinstance(x, (A, B))` gives A or B).
type typeEnv map[string][]string

// typedReach is Project.Reach with the types of some parameters known: a
// call under an `isinstance` guard on such a parameter that the known types
// cannot pass (`if isinstance(fp, io.IOBase): ... else: open(fp)` given an
// io.BytesIO; `if isinstance(file, str): open(file)` given a class that is
// no str) never runs, and is not followed; nor is code a helper runs only
// when no event loop is running (loopRunning). Past a depth of 6 it falls
// back to Project.Reach.
type typedReach struct {
	project *analysis.Project
	kind    string
	direct  func(*analysis.Module, *analysis.Call) bool
	onStack map[*analysis.Function]bool
	memo    map[string]analysis.Chain // function and env -> chain
}

// key names f called with env, for the memo.
func (tr *typedReach) key(f *analysis.Function, env typeEnv) string {
	parts := []string{f.Module().Name + ":" + f.QualName + ":" + strconv.Itoa(int(f.Node.Start))}
	for name, types := range env {
		parts = append(parts, name+"="+strings.Join(types, "|"))
	}
	sort.Strings(parts[1:])
	return strings.Join(parts, ",")
}

func (tr *typedReach) reach(f *analysis.Function, env typeEnv, depth int) analysis.Chain {
	if depth > 6 {
		return tr.project.Reach(tr.kind, f, tr.direct)
	}
	if f.Async || f.Generator || tr.onStack[f] {
		return nil
	}
	key := tr.key(f, env)
	if chain, ok := tr.memo[key]; ok {
		return chain
	}
	tr.onStack[f] = true
	chain := tr.follow(f, env, depth)
	delete(tr.onStack, f)
	tr.memo[key] = chain
	return chain
}

func (tr *typedReach) follow(f *analysis.Function, env typeEnv, depth int) analysis.Chain {
	m := f.Module()
	for _, c := range f.Calls {
		if tr.direct(m, c) && !guardedOut(tr.project, m, f, c.Node, env) {
			return analysis.Chain{{Func: f, Call: c}}
		}
	}
	for _, c := range f.Calls {
		t := tr.project.Target(c)
		if t == nil || t.Async || t.Lambda || t.Generator || guardedOut(tr.project, m, f, c.Node, env) {
			continue
		}
		if sub := tr.reach(t, argTypes(tr.project, m, c, t, env, f), depth+1); sub != nil {
			return append(analysis.Chain{{Func: f, Call: c}}, sub...)
		}
	}
	return nil
}

// argTypes gives the known types of the arguments call c (in function in of
// module m, whose parameters have the types env) passes to the parameters
// of t. A parameter that t reassigns is left out.
func argTypes(p *analysis.Project, m *analysis.Module, c *analysis.Call, t *analysis.Function, env typeEnv, in *analysis.Function) typeEnv {
	offset := 0
	fn := c.Node.ChildByField("function")
	if t.Class != nil && len(t.Params) > 0 {
		static, classmethod := false, false
		for _, d := range t.Decorators {
			text := t.Module().File.Text(d)
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
	out := typeEnv{}
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
		if b := t.Scope.Bindings[param]; b == nil || b.Kind != analysis.BindParam {
			continue
		}
		if types := valueTypes(p, m, value, env, in); len(types) > 0 {
			out[param] = types
		}
	}
	// A parameter not passed holds its default: `thumb=None` is no str.
	if params := t.Node.ChildByField("parameters"); params != nil {
		for _, prm := range params.NamedChildren() {
			if prm.Type() != "default_parameter" && prm.Type() != "typed_default_parameter" {
				continue
			}
			name := t.Module().File.Text(prm.ChildByField("name"))
			if passed[name] {
				continue
			}
			if typ := literalType(prm.ChildByField("value")); typ != "" {
				out[name] = []string{typ}
			}
		}
	}
	return out
}

// literalType is the type of a literal (None, a boolean, a number, a string).
func literalType(n *analysis.Node) string {
	switch analysis.Unparen(n).Type() {
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
// string literal, or what the resolver knows of an instance.
func valueTypes(p *analysis.Project, m *analysis.Module, value *analysis.Node, env typeEnv, in *analysis.Function) []string {
	value = analysis.Unparen(value)
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
func isinstanceGuard(m *analysis.Module, cond *analysis.Node) (param string, types []string, positive bool) {
	cond, positive = analysis.Unparen(cond), true
	for cond != nil && cond.Type() == "not_operator" {
		cond, positive = analysis.Unparen(cond.ChildByField("argument")), !positive
	}
	if cond == nil || cond.Type() != "call" || m.File.Text(cond.ChildByField("function")) != "isinstance" {
		return "", nil, false
	}
	args := cond.ChildByField("arguments")
	if args == nil || len(args.NamedChildren()) != 2 || args.NamedChildren()[0].Type() != "identifier" {
		return "", nil, false
	}
	param = m.File.Text(args.NamedChildren()[0])
	typ := analysis.Unparen(args.NamedChildren()[1])
	elems := []*analysis.Node{typ}
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

// guardedOut reports a node of f under an if/elif/else whose isinstance
// conditions on parameters of known type (env) cannot hold on its path.
func guardedOut(p *analysis.Project, m *analysis.Module, f *analysis.Function, n *analysis.Node, env typeEnv) bool {
	// fails reports a condition known to be the opposite of want.
	fails := func(cond *analysis.Node, want bool) bool {
		param, types, positive := isinstanceGuard(m, cond)
		known, ok := env[param]
		if types == nil || !ok || !unassignedAt(m, param, cond) {
			return false
		}
		if positive == want {
			return noneIsInstance(p, known, types)
		}
		return allAreInstances(p, known, types)
	}
	for q := n; q.Parent() != nil && q != f.Node; q = q.Parent() {
		parent := q.Parent()
		if parent.Type() == "block" && afterReturnWhileLoopRuns(p, m, f, parent, q) {
			return true
		}
		switch {
		case q.Field() == "consequence" && parent.Type() == "if_statement":
			if fails(parent.ChildByField("condition"), true) || loopRunning(p, m, f, parent.ChildByField("condition")) == isFalse {
				return true
			}
		case q.Type() == "else_clause" && parent.Type() == "if_statement" && loopRunning(p, m, f, parent.ChildByField("condition")) == isTrue:
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

// earlierConditionHolds reports an elif or else clause that cannot run
// because the condition of the if, or of an elif before it, holds.
func earlierConditionHolds(clause *analysis.Node, fails func(*analysis.Node, bool) bool) bool {
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
func allAreInstances(p *analysis.Project, known, types []string) bool {
	for _, k := range known {
		bases, _ := typeBases(p, k, 0)
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
func noneIsInstance(p *analysis.Project, known, types []string) bool {
	for _, k := range known {
		bases, complete := typeBases(p, k, 0)
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
func typeBases(p *analysis.Project, typ string, depth int) (map[string]bool, bool) {
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
		r := cls.Module().Resolve(b)
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
		more, ok := typeBases(p, name, depth+1)
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
func unassignedAt(m *analysis.Module, name string, n *analysis.Node) bool {
	b := m.ScopeAt(n).Lookup(name)
	if b == nil || b.Kind != analysis.BindParam {
		return false
	}
	for _, v := range b.Values {
		if v == nil || v.Start < n.Start {
			return false
		}
		for q := n.Parent(); q != nil && !isDef(q); q = q.Parent() {
			if (q.Type() == "for_statement" || q.Type() == "while_statement") && isAncestor(q, v) {
				return false
			}
		}
	}
	return true
}

// A truth value known or not.
type truth int

const (
	unknownTruth truth = iota
	isTrue
	isFalse
)

// afterReturnWhileLoopRuns reports statement stmt of block following an
// `if <a loop is running>: ... return` (the helper's own way to stay off
// the running loop: `self.loop = get_running_loop()`, `if self.loop:
// ...; return`, then `self._start_thread()`). ASL201 follows helpers called
// from coroutines, where a loop is always running.
func afterReturnWhileLoopRuns(p *analysis.Project, m *analysis.Module, f *analysis.Function, block, stmt *analysis.Node) bool {
	for _, s := range block.NamedChildren() {
		if s == stmt {
			return false
		}
		if s.Type() == "if_statement" && s.ChildByField("alternative") == nil &&
			!fallsThrough(m, statements(s.ChildByField("consequence"))) &&
			loopRunning(p, m, f, s.ChildByField("condition")) == isTrue {
			return true
		}
	}
	return false
}

// loopRunning tells whether cond holds while an event loop runs on this
// thread: a call that asks for the running loop (asyncio.get_running_loop,
// or a function of the project that returns one), compared with None or
// negated, directly or through a name or attribute that the function
// assigned it to before cond.
func loopRunning(p *analysis.Project, m *analysis.Module, f *analysis.Function, cond *analysis.Node) truth {
	cond = analysis.Unparen(cond)
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
		return flip(loopRunning(p, m, f, cond.ChildByField("argument")))
	case "comparison_operator":
		ops := cond.NamedChildren()
		if len(ops) != 2 || analysis.Unparen(ops[1]).Type() != "none" {
			return unknownTruth
		}
		op := strings.Join(strings.Fields(m.File.Text(cond)[len(m.File.Text(ops[0])):len(m.File.Text(cond))-len(m.File.Text(ops[1]))]), " ")
		switch op {
		case "is not", "!=":
			return loopRunning(p, m, f, ops[0])
		case "is", "==":
			return flip(loopRunning(p, m, f, ops[0]))
		}
		return unknownTruth
	case "call":
		if asksRunningLoop(p, m, f, cond) {
			return isTrue
		}
	case "identifier", "attribute":
		// The last assignment of that name or attribute before cond.
		text := m.File.Text(cond)
		var value *analysis.Node
		f.Node.ChildByField("body").Walk(func(c *analysis.Node) bool {
			if c.Start >= cond.Start || isDef(c) {
				return false
			}
			if c.Type() == "assignment" && m.File.Text(c.ChildByField("left")) == text {
				value = c.ChildByField("right")
			}
			return true
		})
		if value != nil && analysis.Unparen(value).Type() == "call" && asksRunningLoop(p, m, f, analysis.Unparen(value)) {
			return isTrue
		}
	}
	return unknownTruth
}

// asksRunningLoop reports a call (in f) of asyncio.get_running_loop and its
// kin (pylib.AsksRunningLoop), or of a function of the project whose first
// return statement returns such a call (`with suppress(RuntimeError):
// return asyncio.get_running_loop()`, then `return None`).
func asksRunningLoop(p *analysis.Project, m *analysis.Module, f *analysis.Function, call *analysis.Node) bool {
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
		var first *analysis.Node
		t.Node.ChildByField("body").Walk(func(n *analysis.Node) bool {
			if first != nil || isDef(n) {
				return false
			}
			if n.Type() == "return_statement" {
				first = n
				return false
			}
			return true
		})
		if first == nil || len(first.NamedChildren()) != 1 {
			return false
		}
		for q := first.Parent(); q != nil && q != t.Node; q = q.Parent() {
			if q.Type() == "if_statement" || q.Type() == "for_statement" || q.Type() == "while_statement" {
				return false // returned only on some condition
			}
		}
		v := analysis.Unparen(first.NamedChildren()[0])
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
