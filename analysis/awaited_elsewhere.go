package analysis

import (
	"bytes"
	"strings"

	"github.com/asyncls/asyncls/pylib"
)

// A call of a library coroutine method the tables do not record, or whose
// receiver's type the model cannot follow, is still recognisable by how
// the module treats the same callee: when coroutines of the module await it
// (`await self._client.fetch(...)`, or hand it to gather/create_task/
// wait_for) at least MinAwaitedTwins times and never use it any other way,
// the one call that is not awaited is the deviant one ("bugs as deviant
// behaviour"). The callee is identified as precisely as the model can: by
// the qualified name it resolves to (`fastmcp.FastMCP.list_tools`), or,
// for a receiver of unknown type, by the same attribute path from `self`
// in methods of one class whose first attribute the class assigns once
// (`self._client.fetch` with one `self._client = ...`), or by the class and
// the method's name for a method the class inherits from a base outside the
// project (`self.get_state(...)` in a subclass of a framework's class).
//
// The awaits are counted in the module itself (its calls, and the
// resolution its check already does). One project-wide question guards
// dual-mode APIs: whether any module calls the callee from synchronous code,
// or calls it in coroutines without ever awaiting it (a module that treats
// it as synchronous). Each module files those callees in the project's name
// index (SyncCalleeIndexKey, see UsesAsValue), so `check FILE`, `check .`,
// the scoped lint and the server answer alike.

// MinAwaitedTwins is how many awaited calls of the same callee the module
// needs before a lone un-awaited call is taken for a missing await.
const MinAwaitedTwins = 2

// AwaitedTwins returns the calls of the module that await the callee of c
// when c is the only call of that callee in the module that is not awaited
// or scheduled, the callee is awaited at least MinAwaitedTwins times in
// coroutines, and nothing says it is not a coroutine function: not a
// function, class or instance of the project, not an API the library
// tables record, not a name some library uses for work that runs without
// an await (run_in_executor, ensure_future, create_future), not a name the
// module defines as a synchronous method, not referenced other than by
// calls, and neither c nor a twin is in a function that asks
// iscoroutine.../isawaitable or under a test of the value's type. nil
// otherwise.
//
// usesAsValue answers the project-wide question (Project.UsesAsValue, or a
// caller's wrapper that records it for its cache); nil asks p.
func (p *Project) AwaitedTwins(m *Module, c *Call, usesAsValue func(key string) bool) []*Call {
	return p.awaitedTwins(m, c, usesAsValue, MinAwaitedTwins)
}

// LoneAwaitedTwin is AwaitedTwins content with one awaited twin: the
// module's coroutines await the callee once (`reports = await
// self.report_dao.get_all()` in one method), and c, the only other call of
// it, is not awaited. One await is weaker evidence than two, so the caller
// must take c for a coroutine call only when its value is then used as the
// result would be (iterated, subscripted, its attribute read, negated):
// code that expects the result from a call another coroutine of the module
// awaits. A value thrown away or handed on still needs MinAwaitedTwins.
// c's value must be used (not an expression statement), in a coroutine.
func (p *Project) LoneAwaitedTwin(m *Module, c *Call, usesAsValue func(key string) bool) []*Call {
	if c.Usage == UsageDropped || !c.InAsync() {
		return nil
	}
	return p.awaitedTwins(m, c, usesAsValue, 1)
}

// awaitedTwins is AwaitedTwins with min awaited twins required.
func (p *Project) awaitedTwins(m *Module, c *Call, usesAsValue func(key string) bool, min int) []*Call {
	if c.Usage == UsageAwaited || c.Usage == UsageScheduled {
		return nil
	}
	// In synchronous code only a call whose value is thrown away: the
	// coroutine can be neither awaited nor passed on there (a value handed
	// on may be a dual-mode API's result), and the index leaves this lone
	// call out of the synchronous uses it counts (addSyncCalleeKeys).
	if !c.InAsync() && (c.Usage != UsageDropped || c.Func == nil) {
		return nil
	}
	fn := c.Node.ChildByField("function")
	if fn == nil {
		return nil
	}
	var word string
	var same []*Call
	switch fn.Type() {
	case "attribute":
		word = m.File.Text(fn.ChildByField("attribute"))
		same = m.callsByWord()[word]
		if m.referencesWord()[word] {
			return nil
		}
	case "identifier":
		// `f(...)` of a function imported by name from a module outside the
		// project (`from app.db import get_user`): the import names the
		// callee as precisely as a qualified attribute call does.
		word = m.File.Text(fn)
		if !importedOnlyName(m, fn, word) {
			return nil
		}
		same = m.callsByName()[word]
		if m.referencesName()[word] {
			return nil
		}
	default:
		return nil
	}
	if word == "" || pylib.RunsWithoutAwait(word) || word[0] >= 'A' && word[0] <= 'Z' {
		return nil
	}
	if len(same) <= min {
		return nil
	}
	key := p.twinKey(m, c)
	if key == "" || definesSyncMethodNamed(m, word) || asksCoroutineness(m, c) || UnderTypeTest(m, c.Node, c.Func.Node) {
		return nil
	}
	var twins []*Call
	for _, o := range same {
		if o == c || p.twinKey(m, o) != key {
			continue
		}
		if !o.InAsync() || !awaitedOrScheduled(o) ||
			asksCoroutineness(m, o) || UnderTypeTest(m, o.Node, o.Func.Node) {
			return nil
		}
		twins = append(twins, o)
	}
	if len(twins) < min {
		return nil
	}
	if usesAsValue == nil {
		if p == nil {
			return nil
		}
		usesAsValue = p.UsesAsValue
	}
	if path := calleePath(c); path != "" && usesAsValue(SyncCalleeIndexKey(path)) {
		return nil
	}
	return twins
}

// syncCalleeIndexPrefix marks the index entries of callees (by calleePath)
// a module calls from synchronous code, or calls in coroutines without ever
// awaiting them.
const syncCalleeIndexPrefix = "sync-callee:"

// SyncCalleeIndexKey is the project index key asking whether some module
// uses the callee at path synchronously (see AwaitedTwins).
func SyncCalleeIndexKey(path string) string { return syncCalleeIndexPrefix + path }

// calleePath is the callee of an attribute call `x.m(...)` as the module
// resolves it: a qualified name (`sdk.Remote.pull`), or the value path
// through another module (`sdk.make_client().fetch`); "" for a project
// function or class, an instance's call, or a receiver it cannot name.
func calleePath(c *Call) string {
	if c.Target != nil || c.CalleeInstance {
		return ""
	}
	path := c.Callee
	if path == "" && !IsParamVia(c.Via) {
		path = c.Via
	}
	if !strings.Contains(path, ".") {
		return ""
	}
	return path
}

// addSyncCalleeKeys records, in out, the SyncCalleeIndexKey of each
// attribute call's callee the module calls from synchronous code (a sync
// def, a lambda, the module or a class body), or calls in coroutines and
// never awaits.
func (m *Module) addSyncCalleeKeys(out map[string]bool) {
	var awaited map[string]int
	var loose map[string]bool
	var sync map[string][]*Call
	for _, c := range m.Calls {
		fn := c.Node.ChildByField("function")
		if fn == nil || fn.Type() != "attribute" && (fn.Type() != "identifier" || !importedOnlyName(m, fn, m.File.Text(fn))) {
			continue
		}
		path := calleePath(c)
		if path == "" {
			continue
		}
		switch {
		case !c.InAsync():
			if sync == nil {
				sync = map[string][]*Call{}
			}
			sync[path] = append(sync[path], c)
		case awaitedOrScheduled(c):
			if awaited == nil {
				awaited = map[string]int{}
			}
			awaited[path]++
		default:
			if loose == nil {
				loose = map[string]bool{}
			}
			loose[path] = true
		}
	}
	for path := range loose {
		if awaited[path] == 0 {
			out[SyncCalleeIndexKey(path)] = true
		}
	}
	for path, calls := range sync {
		// The lone synchronous call, its value thrown away, of a callee the
		// module's coroutines await and never use otherwise is the deviant
		// AwaitedTwins asks about, not a synchronous use of the callee.
		if len(calls) == 1 && calls[0].Usage == UsageDropped && calls[0].Func != nil && awaited[path] >= MinAwaitedTwins && !loose[path] {
			continue
		}
		out[SyncCalleeIndexKey(path)] = true
	}
}

// awaitedOrScheduled reports `await x.m(...)`, or x.m(...) handed
// positionally to a scheduler (gather, create_task, wait_for), not as one
// of its other arguments (`wait_for(f(), timeout=conf.get("t"))`).
func awaitedOrScheduled(c *Call) bool {
	switch c.Usage {
	case UsageAwaited:
		return true
	case UsageScheduled:
		parent := c.Node.Parent()
		return parent != nil && parent.Type() == "argument_list"
	}
	return false
}

// twinKey names the callee of c for AwaitedTwins, "" when it cannot be
// named precisely enough or something else decides what it returns.
func (p *Project) twinKey(m *Module, c *Call) string {
	if c.Target != nil {
		return ""
	}
	r := p.Callee(c)
	if r.Name != "" && !p.UnknownProjectValue(r.Name) {
		if r.Func != nil || r.Class != nil || r.Instance || p.Target(c) != nil {
			return ""
		}
		name := r.Name
		if p != nil {
			name = p.Canonical(r.Name)
			if s := p.Lookup(name); s.Func != nil || s.Class != nil {
				return ""
			}
		}
		if _, known := pylib.Lookup(r.Name); known {
			return ""
		}
		if _, known := pylib.Lookup(name); known {
			return ""
		}
		return "name:" + name
	}
	if r.Func != nil || r.Class != nil || r.Instance {
		return ""
	}
	if strings.Contains(c.Via, awaitedCallVia) {
		// On what an await gave that the project could not type: often an
		// instance of a project class awaited into itself (distributed's
		// `sem = await Semaphore()`), whose methods serve both modes.
		return ""
	}
	if c.Via != "" && !IsParamVia(c.Via) {
		// A value path the project could not follow to a name
		// (`vendored_sdk.make_client().fetch`): the same path is the same
		// callee.
		return "via:" + c.Via
	}
	// `self.X.....m(...)` in a method of the class, self.X assigned once.
	fn := c.Node.ChildByField("function")
	var first *Node
	n := fn
	for n.Type() == "attribute" {
		first = n
		n = n.ChildByField("object")
	}
	if n == nil || n.Type() != "identifier" || m.File.Text(n) != "self" {
		return ""
	}
	f := c.Func
	if f == nil || f.Class == nil || f.Parent != nil || len(f.Params) == 0 || f.Params[0] != "self" {
		return ""
	}
	attr := m.File.Text(first.ChildByField("attribute"))
	if first == fn {
		// `self.m(...)` of a method the class inherits from a base the
		// project does not hold (`class FileState(rx.State)` calling
		// `self.get_state(...)`): the class names the callee. Not a
		// method, class-level value or instance attribute of the class
		// itself (those resolve, or are values), and only with a base.
		if len(f.Class.Bases) == 0 || f.Class.Methods[attr] != nil || len(f.Class.Attrs[attr]) > 0 ||
			f.Class.Scope.Bindings.Get(attr) != nil {
			return ""
		}
		return "self:" + f.Class.FullName() + ":self." + attr
	}
	if len(f.Class.Attrs[attr]) != 1 {
		return ""
	}
	if b := f.Class.Scope.Bindings.Get(attr); b != nil && (b.Kind != BindAssign || len(b.Values) > 0) {
		// A class-level value as well (a default, a method): two values.
		return ""
	}
	return "self:" + f.Class.FullName() + ":" + strings.Join(strings.Fields(m.File.Text(fn)), "")
}

// callsByWord indexes the module's calls `x.word(...)` by word.
func (m *Module) callsByWord() map[string][]*Call {
	return m.Memo("awaited-twins:calls", func() any {
		out := map[string][]*Call{}
		for _, c := range m.Calls {
			if fn := c.Node.ChildByField("function"); fn != nil && fn.Type() == "attribute" {
				w := m.File.Text(fn.ChildByField("attribute"))
				out[w] = append(out[w], c)
			}
		}
		return out
	}).(map[string][]*Call)
}

// callsByName indexes the module's calls `name(...)` by name.
func (m *Module) callsByName() map[string][]*Call {
	return m.Memo("awaited-twins:names", func() any {
		out := map[string][]*Call{}
		for _, c := range m.Calls {
			if fn := c.Node.ChildByField("function"); fn != nil && fn.Type() == "identifier" {
				w := m.File.Text(fn)
				out[w] = append(out[w], c)
			}
		}
		return out
	}).(map[string][]*Call)
}

// referencesName lists the names the module uses other than as a call's
// callee or in an import (`cb = get_user`, `run(get_user, uid)`): a
// function handed on may be called by anything.
func (m *Module) referencesName() map[string]bool {
	return m.Memo("awaited-twins:name-refs", func() any {
		out := map[string]bool{}
		if m.File.Root == nil {
			return out
		}
		m.File.Root.Walk(func(n *Node) bool {
			switch n.Type() {
			case "import_statement", "import_from_statement", "future_import_statement":
				return false
			case "identifier":
			default:
				return true
			}
			p := n.Parent()
			if p != nil && p.Type() == "call" && n.Field() == "function" {
				return true
			}
			if p != nil && (p.Type() == "attribute" && n.Field() == "attribute" || p.Type() == "keyword_argument" && n.Field() == "name") {
				return true
			}
			out[m.File.Text(n)] = true
			return true
		})
		return out
	}).(map[string]bool)
}

// importedOnlyName reports a name that, where fn uses it, is bound only by
// one import at module level of a module outside the project: neither
// assigned, defined nor a parameter anywhere in between.
func importedOnlyName(m *Module, fn *Node, name string) bool {
	b := m.ScopeAt(fn).Lookup(name)
	if b == nil || b.Kind != BindImport || b.Qualified == "" || len(b.Values) > 0 {
		return false
	}
	return m.Scope.Bindings.Get(name) == b
}

// referencesWord lists the words of the module's attributes `x.word` used
// other than as a call's callee (`cb = self._client.fetch`, `partial(
// x.fetch, ...)`): a method handed on may be called by anything.
func (m *Module) referencesWord() map[string]bool {
	return m.Memo("awaited-twins:refs", func() any {
		out := map[string]bool{}
		if m.File.Root == nil {
			return out
		}
		m.File.Root.Walk(func(n *Node) bool {
			if n.Type() != "attribute" {
				return true
			}
			if p := n.Parent(); p != nil && p.Type() == "call" && n.Field() == "function" {
				return true
			}
			if p := n.Parent(); p != nil && p.Type() == "attribute" && n.Field() == "object" {
				return true
			}
			out[m.File.Text(n.ChildByField("attribute"))] = true
			return true
		})
		return out
	}).(map[string]bool)
}

// definesSyncMethodNamed reports whether the module defines a synchronous
// function or method called name: awaiting its value may await a Future
// it returns.
func definesSyncMethodNamed(m *Module, name string) bool {
	for _, f := range m.Functions {
		if !f.Async && f.Name == name {
			return true
		}
	}
	return false
}

// asksCoroutineness reports a call in a function that asks whether
// something is a coroutine (`if iscoroutinefunction(func): return await
// func()`): it handles callables of both kinds.
func asksCoroutineness(m *Module, c *Call) bool {
	if c.Func == nil {
		return false
	}
	body := m.File.Src[c.Func.Node.Start:c.Func.Node.End] // searched, not copied
	return bytes.Contains(body, []byte("iscoroutine")) || bytes.Contains(body, []byte("isawaitable"))
}

// UnderTypeTest reports a node under an if or conditional expression that
// tests a value's type or kind (isinstance, hasattr, callable,
// iscoroutine..., isawaitable) inside fn (nil: up to the module).
func UnderTypeTest(m *Module, node, fn *Node) bool {
	for n := node.Parent(); n != nil && n != fn; n = n.Parent() {
		if n.Type() != "if_statement" && n.Type() != "elif_clause" && n.Type() != "conditional_expression" {
			continue
		}
		cond := n.ChildByField("condition")
		if n.Type() == "conditional_expression" {
			if named := n.NamedChildren(); len(named) == 3 {
				cond = named[1]
			}
		}
		if cond == nil {
			continue
		}
		text := m.File.Text(cond)
		for _, test := range []string{"isinstance(", "hasattr(", "callable(", "iscoroutine", "isawaitable("} {
			if strings.Contains(text, test) {
				return true
			}
		}
	}
	return false
}
