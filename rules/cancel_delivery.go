package rules

import (
	"path/filepath"
	"strconv"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// shieldingScopes are the last names of trio's and anyio's cancel scopes;
// with `shield=True` they keep the enclosing scopes' cancellation away from
// their body.
var shieldingScopes = methodNames(pylib.Shieldable)

// awaitsUnshielded reports whether n has a checkpoint (await, async for,
// async with) where the task's cancellation can arrive: one outside every
// `with CancelScope(shield=True):` (or `move_on_after(..., shield=True)`).
// A shielded scope absorbs its own cancellation too (`scope.cancel()` inside
// it ends the scope), so a try body whose awaits are all shielded cannot
// receive a cancellation from outside.
func awaitsUnshielded(m *analysis.Module, n *analysis.Node) bool {
	if n == nil {
		return false
	}
	if n.Type() == "with_statement" && !isAsyncStmt(n) && shieldedWith(m, n) {
		return false
	}
	if !containsShieldedWith(m, n) {
		return hasCheckpoint(m, n, false, nil)
	}
	if (n.Type() == "with_statement" || n.Type() == "for_statement") && isAsyncStmt(n) {
		return true
	}
	for _, c := range n.Children() {
		if awaitsUnshielded(m, c) {
			return true
		}
	}
	return false
}

func containsShieldedWith(m *analysis.Module, n *analysis.Node) bool {
	found := false
	n.Walk(func(c *analysis.Node) bool {
		if found || isDef(c) && c != n {
			return false
		}
		if c.Type() == "with_statement" && !isAsyncStmt(c) && shieldedWith(m, c) {
			found = true
		}
		return !found
	})
	return found
}

// shieldedWith reports a with statement one of whose items is a cancel
// scope called with `shield=True`.
func shieldedWith(m *analysis.Module, with *analysis.Node) bool {
	shielded := false
	with.Walk(func(c *analysis.Node) bool {
		if shielded || c.Type() == "block" {
			return false
		}
		if c.Type() != "call" {
			return true
		}
		fn := m.File.Text(c.ChildByField("function"))
		if !shieldingScopes[fn[strings.LastIndex(fn, ".")+1:]] {
			return true
		}
		if args := c.ChildByField("arguments"); args != nil {
			for _, a := range args.NamedChildren() {
				if a.Type() == "keyword_argument" && m.File.Text(a.ChildByField("name")) == "shield" &&
					m.File.Text(a.ChildByField("value")) == "True" {
					shielded = true
				}
			}
		}
		return !shielded
	})
	return shielded
}

// exitPropagates reports a `return` (bare, `return None` or `return False`)
// that an `__exit__`/`__aexit__` method reaches only when the exception the
// handler caught is the one the method was given (`if exc is value:
// return False`): a falsy return from an exit method lets that exception,
// the cancellation included, propagate, as contextlib's own context managers
// rely on. The exception caught is the handler's name, or
// `sys.exc_info()[1]` (async_generator's asynccontextmanager, a bare except).
func exitPropagates(m *analysis.Module, ret *analysis.Node, caught string) bool {
	if vals := ret.NamedChildren(); len(vals) > 0 {
		if v := m.File.Text(vals[0]); v != "False" && v != "None" {
			return false
		}
	}
	def, value := exitMethodValue(m, ret)
	if def == nil {
		return false
	}
	for q := ret.Parent(); q != nil && q != def; q = q.Parent() {
		if q.Type() != "block" || q.Parent() == nil || q.Parent().Type() != "if_statement" || q.Field() != "consequence" {
			continue
		}
		cond := q.Parent().ChildByField("condition")
		if caught != "" && comparesIdentity(m, cond, caught, value, "is") || comparesCaughtWith(m, cond, value) {
			return true
		}
	}
	return false
}

// exitMethodValue returns the `__exit__`/`__aexit__` method around n and the
// name of its exception parameter (the third), or nil.
func exitMethodValue(m *analysis.Module, n *analysis.Node) (*analysis.Node, string) {
	def := enclosingFunc(n)
	if def == nil {
		return nil, ""
	}
	if name := m.File.Text(def.ChildByField("name")); name != "__exit__" && name != "__aexit__" {
		return nil, ""
	}
	params := def.ChildByField("parameters").NamedChildren()
	if len(params) < 3 {
		return nil, ""
	}
	value := m.File.Text(params[2])
	if i := strings.IndexAny(value, ":="); i >= 0 {
		value = strings.TrimSpace(value[:i])
	}
	return def, value
}

// comparesCaughtWith reports whether cond is `sys.exc_info()[1] is value`
// (or `sys.exception() is value`), either way round.
func comparesCaughtWith(m *analysis.Module, cond *analysis.Node, value string) bool {
	cond = analysis.Unparen(cond)
	if cond == nil || cond.Type() != "comparison_operator" {
		return false
	}
	ops := cond.NamedChildren()
	if len(ops) != 2 {
		return false
	}
	text := m.File.Text(cond)
	l, r := m.File.Text(ops[0]), m.File.Text(ops[1])
	if strings.Join(strings.Fields(text[len(l):len(text)-len(r)]), " ") != "is" {
		return false
	}
	return l == value && caughtExceptionValue(m, ops[1]) || r == value && caughtExceptionValue(m, ops[0])
}

// caughtExceptionValue: `sys.exc_info()[1]` or `sys.exception()`, the
// exception being handled.
func caughtExceptionValue(m *analysis.Module, n *analysis.Node) bool {
	n = analysis.Unparen(n)
	want := -1
	if n != nil && n.Type() == "subscript" {
		idx, err := strconv.Atoi(m.File.Text(n.ChildByField("subscript")))
		if err != nil {
			return false
		}
		want, n = idx, analysis.Unparen(n.ChildByField("value"))
	}
	if !isCaughtExceptionCall(m, n) {
		return false
	}
	return pylib.CaughtException[m.Resolve(n.ChildByField("function")).Name] == want
}

// isCaughtExceptionCall: a call with no arguments of a pylib.CaughtException
// function (`sys.exc_info()`).
func isCaughtExceptionCall(m *analysis.Module, n *analysis.Node) bool {
	if n == nil || n.Type() != "call" {
		return false
	}
	if args := n.ChildByField("arguments"); args == nil || len(args.NamedChildren()) != 0 {
		return false
	}
	_, ok := pylib.CaughtException[m.Resolve(n.ChildByField("function")).Name]
	return ok
}

// comparesIdentity reports whether cond is `a OP b` or `b OP a` (OP `is` or
// `is not`).
func comparesIdentity(m *analysis.Module, cond *analysis.Node, a, b, op string) bool {
	cond = analysis.Unparen(cond)
	if cond == nil || cond.Type() != "comparison_operator" || len(cond.NamedChildren()) != 2 {
		return false
	}
	ops := cond.NamedChildren()
	l, r := m.File.Text(ops[0]), m.File.Text(ops[1])
	text := m.File.Text(cond)
	return strings.Join(strings.Fields(text[len(l):len(text)-len(r)]), " ") == op &&
		(l == a && r == b || l == b && r == a)
}

// endsUnobservedTask reports a handler whose swallowing nobody can observe:
// it sits in a coroutine function that only ever runs as a task's entry
// point (onlyTaskEntry), and every path out of the handler ends that task:
// `return`, or falling through / breaking out of the loop to the end of the
// function without going back into the try statement (endsAfter). Such a
// task's cancellation is only seen as its final state (finished rather
// than cancelled); asyncio.run's shutdown, a TaskGroup and `t.cancel();
// await t` all complete the same. A coroutine that may be awaited is still
// reported, and so is a handler after which the task keeps running, and one
// inside a with statement of the function (`async with asyncio.timeout(5):`,
// a task group): the cancellation may be that scope's, which then fails.
func endsUnobservedTask(m *analysis.Module, try, handler *analysis.Node, usedOtherwise taskEntryQueries) bool {
	f := m.FunctionAt(try)
	if f == nil || !f.Async || f.Lambda || f.Generator || !onlyTaskEntry(m, f, usedOtherwise) {
		return false
	}
	scopesInWith := moduleImportsTrioOrAnyio(m)
	for q := try.Parent(); q != nil && q != f.Node; q = q.Parent() {
		if q.Type() == "with_statement" && (isAsyncStmt(q) || scopesInWith) {
			// A timeout, cancel scope or task group of the function's own may
			// be what cancelled the try body: swallowing that is seen at once.
			// asyncio's are all `async with`; a plain `with` is a cancel scope
			// only in trio's and anyio's code (`with trio.move_on_after(1):`).
			return false
		}
	}
	breaks, continues := handlerExits(handler)
	if continues {
		return false
	}
	if fallsThrough(m, statements(handler)) && !endsAfter(m, try) && !stopsItsLoop(m, try, handler) {
		return false
	}
	if breaks {
		loop := try.Parent()
		for loop != nil && loop.Type() != "while_statement" && loop.Type() != "for_statement" && !isDef(loop) {
			loop = loop.Parent()
		}
		if loop == nil || isDef(loop) || !endsAfter(m, loop) {
			return false
		}
	}
	return true
}

// taskEntryQueries answers, project-wide and by method name, whether some
// module starts a method of the name as a task's entry point, and whether
// some module references one other than so.
type taskEntryQueries struct {
	startedAnywhere, usedOtherwise func(method string) bool
}

// onlyTaskEntry reports whether coroutine function f only ever runs as a
// new task's entry point (analysis.Module.StartedAsTask: handed to
// create_task, ensure_future, start_soon, spawn_system_task, spawn, gather
// start_server or add_callback; pylib.StartsTask), directly or
// through a local name), and is started so at least once. A function private
// to its module (a nested def, or a `_name` that is not a dunder) is
// answered by the module's own calls of it and mentions of its name; a
// private method its module never mentions (a mixin's `_update_loop`,
// started by the class that mixes it in, in another module) by name across
// the project, as a public method is. A public method is answered by name
// across the project (q): the module starts a method of that name as a
// task, and no module of the project references one other than so (`await
// conn.start()`, `handler = self.start`). A public module-level function may
// be awaited by callers the project cannot see, as may any function of a
// library: it is not answered.
func onlyTaskEntry(m *analysis.Module, f *analysis.Function, q taskEntryQueries) bool {
	return onlyTaskEntryDepth(m, f, q, 0)
}

// onlyTaskEntryDepth is onlyTaskEntry, depth tail awaits below a task's
// entry point (tailAwaitedInTaskEntry).
func onlyTaskEntryDepth(m *analysis.Module, f *analysis.Function, q taskEntryQueries, depth int) bool {
	private := strings.HasPrefix(f.Name, "_") && !strings.HasSuffix(f.Name, "__")
	// A module-level function of a package's `__main__.py` is private to
	// it too: that module is run (`python -m pkg`), not imported.
	mainModule := f.Class == nil && enclosingFunc(f.Node) == nil && filepath.Base(m.File.Path) == "__main__.py"
	if !private && !mainModule && enclosingFunc(f.Node) == nil {
		return f.Class != nil && m.StartsMethodAsTask(f.Name) && !q.usedOtherwise(f.Name)
	}
	started := 0
	for _, ref := range uncalledMentions(m, f.Name) {
		if !m.StartedAsTask(ref) && !runsAsMainCoroutine(m, ref) {
			return false // handed to something else: how it is run is unknown
		}
		started++
	}
	for _, c := range m.Calls {
		if c.Target != f { // the module's own calls: the answer depends on this file alone
			continue
		}
		// `asyncio.run(main())` runs it as the main task of a new loop,
		// which nobody else awaits: a cancellation of it (Ctrl-C) that it
		// swallows ends the run, and asyncio.run still raises
		// KeyboardInterrupt after a Ctrl-C.
		if !m.StartedAsTask(c.Node) && !runsAsMainCoroutine(m, c.Node.ChildByField("function")) && !tailAwaitedInTaskEntry(m, f, c, q, depth) {
			return false
		}
		started++
	}
	if started == 0 && f.Class != nil && enclosingFunc(f.Node) == nil && !m.ReferencesMethodOtherThanAsTask(f.Name) {
		return q.startedAnywhere(f.Name) && !q.usedOtherwise(f.Name)
	}
	return started > 0
}

// handlerExits reports the break and continue statements of an except
// block (not those of loops or functions nested in it).
func handlerExits(body *analysis.Node) (breaks, continues bool) {
	var walk func(n *analysis.Node, inLoop bool)
	walk = func(n *analysis.Node, inLoop bool) {
		switch n.Type() {
		case "function_definition", "lambda", "class_definition":
			return
		case "break_statement":
			breaks = breaks || !inLoop
			return
		case "continue_statement":
			continues = continues || !inLoop
			return
		case "for_statement", "while_statement":
			for _, c := range n.Children() {
				walk(c, inLoop || c.Field() == "body")
			}
			return
		}
		for _, c := range n.Children() {
			walk(c, inLoop)
		}
	}
	walk(body, false)
	return
}

// stopsItsLoop reports a try statement in the body of a `while FLAG:` (or
// `while not FLAG:`) loop whose handler clears the flag (`self.running =
// False`; `self._closed = True`) before falling through: the loop ends
// after the handler, with no further await in its body after the try
// statement, and the code after the loop ends too (endsAfter).
func stopsItsLoop(m *analysis.Module, try, handler *analysis.Node) bool {
	body := try.Parent()
	if body == nil || body.Type() != "block" || body.Field() != "body" || body.Parent() == nil ||
		body.Parent().Type() != "while_statement" {
		return false
	}
	loop := body.Parent()
	if loop.ChildByField("alternative") != nil {
		return false
	}
	cond := analysis.Unparen(loop.ChildByField("condition"))
	stop := "False"
	if cond != nil && cond.Type() == "not_operator" {
		cond, stop = analysis.Unparen(cond.ChildByField("argument")), "True"
	}
	if cond == nil || cond.Type() != "identifier" && cond.Type() != "attribute" {
		return false
	}
	flag := m.File.Text(cond)
	cleared := false
	for _, st := range statements(handler) {
		if st.Type() != "expression_statement" {
			continue
		}
		for _, a := range st.NamedChildren() {
			if a.Type() == "assignment" && m.File.Text(a.ChildByField("left")) == flag &&
				m.File.Text(a.ChildByField("right")) == stop {
				cleared = true
			}
		}
	}
	if !cleared {
		return false
	}
	after := false
	for _, st := range body.NamedChildren() {
		if after && hasCheckpoint(m, st, false, nil) {
			return false
		}
		after = after || st == try
	}
	return endsAfter(m, loop)
}

// endsAfter reports whether control leaving statement n runs on to the end
// of its function without coming back: no loop encloses n inside the
// function, and what follows n (at any level) is cleanup that ends, with no
// `while` loop or `async for` that waits (the task would go on working).
func endsAfter(m *analysis.Module, n *analysis.Node) bool {
	for q := n; q.Parent() != nil && !isDef(q.Parent()); q = q.Parent() {
		parent := q.Parent()
		if (parent.Type() == "while_statement" || parent.Type() == "for_statement") && q.Field() == "body" {
			return false
		}
		if parent.Type() != "block" && parent.Type() != "module" {
			continue
		}
		after := false
		for _, s := range parent.NamedChildren() {
			if after && waitsInLoop(m, s) {
				return false
			}
			after = after || s == q
		}
	}
	return true
}

// waitsInLoop reports whether n holds a `while` loop whose body has a
// checkpoint, or an `async for` (not counting nested functions).
func waitsInLoop(m *analysis.Module, n *analysis.Node) bool {
	found := false
	n.Walk(func(c *analysis.Node) bool {
		if found || isDef(c) && c != n {
			return false
		}
		switch {
		case c.Type() == "for_statement" && isAsyncStmt(c):
			found = true
		case c.Type() == "while_statement" && hasCheckpoint(m, c.ChildByField("body"), false, nil):
			found = true
		}
		return !found
	})
	return found
}

// uncalledMentions returns the mentions of name in the module other than
// calling it or defining it (`callback=self._reader`, `spawn(_drain)`).
func uncalledMentions(m *analysis.Module, name string) []*analysis.Node {
	var out []*analysis.Node
	m.File.Root.Walk(func(n *analysis.Node) bool {
		if n.Type() != "identifier" || string(m.File.Src[n.Start:n.End]) != name {
			return true
		}
		ref := n
		if p := n.Parent(); p != nil && p.Type() == "attribute" && n.Field() == "attribute" {
			ref = p
		}
		switch p := ref.Parent(); {
		case p == nil:
		case p.Type() == "function_definition" && ref.Field() == "name":
		case p.Type() == "call" && ref.Field() == "function":
		default:
			out = append(out, ref)
		}
		return false
	})
	return out
}

// guardsSuppliedCallable reports a try statement that is a dispatcher's
// boundary around code it was handed: every await of its body awaits a call
// of a callable supplied from outside the function's own code (a parameter
// of the function or of a function enclosing it: a decorator's `f`, a
// wrapper factory's `coro`; or one looked up at run time: `self.handlers[event]`,
// a local bound only to such a lookup or to `getattr(obj, name)`, or to
// None), or awaits a local bound only to such a call (`ret = callback(*data)`
// then `await ret`). The handler is the dispatcher's policy for whatever the
// handed code raises, a CancelledError of its own included (python-socketio's
// and python-engineio's `except asyncio.CancelledError: ret = None` around an
// application's event handler, discord.py's command callback wrapper, a
// plugin's or an RPC method's catch-all). The try statement must be in no
// loop of the function, or the handler must leave the function on every
// path (`return`, `raise`): a handler after which the dispatcher tries
// again (a retry helper) ignores `cancel()` and is still reported.
func guardsSuppliedCallable(m *analysis.Module, try, handler *analysis.Node) bool {
	f := m.FunctionAt(try)
	if f == nil || f.Lambda {
		return false
	}
	breaks, continues := handlerExits(handler)
	leaves := !breaks && !continues && !fallsThrough(m, statements(handler))
	for q := try.Parent(); q != nil && q != f.Node; q = q.Parent() {
		if (q.Type() == "while_statement" || q.Type() == "for_statement") && !leaves {
			return false
		}
	}
	body := try.ChildByField("body")
	awaits, ok := 0, true
	walkBody(body, func(n *analysis.Node) bool {
		if !ok {
			return false
		}
		switch n.Type() {
		case "with_statement", "for_statement":
			if isAsyncStmt(n) {
				ok = false
			}
		case "for_in_clause":
			if isAsyncStmt(n) {
				ok = false
			}
		case "await":
			if !n.Named() {
				return true // the keyword
			}
			awaits++
			inner := n.NamedChildren()
			if len(inner) != 1 || !awaitsSuppliedCall(m, analysis.Unparen(inner[0]), 0) {
				ok = false
			}
			// An await within it (`await handler(await self.decode(raw))`)
			// must await handed code too.
			return ok
		}
		return ok
	})
	return ok && awaits > 0
}

// awaitsSuppliedCall reports an awaited expression that calls a supplied
// callable (suppliedCallable), or a local name bound only to such calls.
func awaitsSuppliedCall(m *analysis.Module, e *analysis.Node, depth int) bool {
	if e == nil || depth > 2 {
		return false
	}
	switch e.Type() {
	case "call":
		return suppliedCallable(m, analysis.Unparen(e.ChildByField("function")), depth)
	case "identifier":
		return boundOnlyTo(m, e, func(v *analysis.Node) bool { return awaitsSuppliedCall(m, v, depth+1) })
	}
	return false
}

// suppliedCallable reports a callee that the function did not define or
// import: a subscript (`self.handlers[event]`; not an item of a table of the
// project's functions, whose code is known), a parameter of the function
// or of an enclosing one (not `self` or `cls`), an attribute of the
// instance that only ever holds a callable handed to a method
// (handedAttribute), or a local bound only to a subscript, to a mapping's
// `.get(key)`, to `getattr(...)` or to None.
func suppliedCallable(m *analysis.Module, callee *analysis.Node, depth int) bool {
	if callee == nil {
		return false
	}
	switch callee.Type() {
	case "subscript":
		// A table of the project's own functions (`HANDLERS = {"a":
		// handle_a}`, then `HANDLERS[kind](msg)`) holds known code.
		for _, c := range m.Calls {
			if c.Node == callee.Parent() {
				return len(c.Choices()) == 0 && c.Target == nil && c.Callee == ""
			}
		}
		return true
	case "attribute":
		return handedAttribute(m, callee)
	case "identifier":
		name := m.File.Text(callee)
		b := m.ScopeAt(callee).Lookup(name)
		if b == nil {
			return false
		}
		if b.Kind == analysis.BindParam {
			return name != "self" && name != "cls"
		}
		return boundOnlyTo(m, callee, func(v *analysis.Node) bool {
			if v.Type() == "subscript" {
				return true
			}
			// A mapping's lookup: `route = self._routes.get(path)`.
			if fn := v.ChildByField("function"); v.Type() == "call" && fn != nil && fn.Type() == "attribute" &&
				m.File.Text(fn.ChildByField("attribute")) == "get" {
				return true
			}
			return v.Type() == "call" && m.IsBuiltin(v.ChildByField("function"), "getattr") &&
				m.File.Text(v.ChildByField("function")) == "getattr"
		})
	}
	return false
}

// boundOnlyTo reports a name bound in its scope only by assignments, each
// value None or one that ok accepts, with at least one that ok accepts.
func boundOnlyTo(m *analysis.Module, id *analysis.Node, ok func(*analysis.Node) bool) bool {
	b := m.ScopeAt(id).Lookup(m.File.Text(id))
	if b == nil || b.Kind != analysis.BindAssign || len(b.Values) == 0 {
		return false
	}
	accepted := false
	for _, v := range b.Values {
		if v == nil {
			return false
		}
		v = analysis.Unparen(v)
		if v.Type() == "none" {
			continue
		}
		if !ok(v) {
			return false
		}
		accepted = true
	}
	return accepted
}

// handedAttribute reports `self.X` in a method, where the class defines no
// method X and every value its methods assign to `self.X` is None or a
// parameter of the assigning method (`self.on_startup = on_startup` in
// `__init__`): a callable the object was handed (python-engineio's ASGI
// app calling the application's startup and shutdown hooks).
func handedAttribute(m *analysis.Module, callee *analysis.Node) bool {
	obj := callee.ChildByField("object")
	f := m.FunctionAt(callee)
	if obj == nil || obj.Type() != "identifier" || f == nil || f.Class == nil || len(f.Params) == 0 ||
		m.File.Text(obj) != f.Params[0] {
		return false
	}
	attr := m.File.Text(callee.ChildByField("attribute"))
	if f.Class.Methods[attr] != nil {
		return false
	}
	return everyValueBesidesNone(f.Class.Attrs[attr], func(v *analysis.Node) bool {
		if v.Type() != "identifier" {
			return false
		}
		b := m.ScopeAt(v).Lookup(m.File.Text(v))
		return b != nil && b.Kind == analysis.BindParam
	})
}

// everyValueBesidesNone reports whether ok accepts every value of an
// attribute other than None (an attribute reset to None holds nothing
// else), and there is at least one.
func everyValueBesidesNone(values []*analysis.Node, ok func(v *analysis.Node) bool) bool {
	found := false
	for _, v := range values {
		v = analysis.Unparen(v)
		if v == nil {
			return false
		}
		if v.Type() == "none" {
			continue
		}
		if !ok(v) {
			return false
		}
		found = true
	}
	return found
}

// tailAwaitedInTaskEntry reports a call of f, by the module's own code,
// that is awaited as the last statement of another coroutine function g's
// body (`await self._take_message()`, `return await super()._connect(...)`,
// not inside a with or try statement of g) where g itself only runs as a
// task's entry point (onlyTaskEntryDepth, up to three such hops). When f
// ends quietly on a cancellation, g returns right after it, so the task
// ends as it would had the handler been g's own: nobody awaits its result.
func tailAwaitedInTaskEntry(m *analysis.Module, f *analysis.Function, c *analysis.Call, q taskEntryQueries, depth int) bool {
	if depth >= 3 {
		return false
	}
	aw := c.Node.Parent()
	if aw == nil || aw.Type() != "await" {
		return false
	}
	stmt := aw.Parent()
	if stmt == nil || (stmt.Type() != "expression_statement" && stmt.Type() != "return_statement") || len(stmt.NamedChildren()) != 1 {
		return false
	}
	g := m.FunctionAt(stmt)
	if g == nil || g == f || !g.Async || g.Lambda || g.Generator {
		return false
	}
	body := statements(g.Node.ChildByField("body"))
	if len(body) == 0 || body[len(body)-1] != stmt {
		return false
	}
	return onlyTaskEntryDepth(m, g, q, depth+1)
}
