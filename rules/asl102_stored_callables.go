package rules

import (
	"strconv"
	"strings"

	"github.com/asyncls/asyncls/analysis"
)

// reportAsyncCallablesStored reports a coroutine function handed to a
// project method that keeps it in an attribute of its object (`self._cb =
// cb`, `self._callbacks.append(cb)`, `self._handlers[event] = cb`) when a
// method of that class calls what the attribute holds and drops the result
// (`self._cb(x)`, `for cb in self._callbacks: cb(x)`,
// `self._handlers[event](x)`): a synchronous event registry or emitter
// given an async handler. Each such call makes a coroutine that never runs.
// The same for a module-level registry: a function that keeps its
// parameter in a global of its module (`_HANDLERS.append(fn)`), called or
// applied as a decorator (`@on_event` over an `async def`), when code of
// that module calls what the global holds and drops the result.
// A class (or, for a global, the registering and the calling function) that
// asks `iscoroutine`/`iscoroutinefunction`/`isawaitable` tells the kinds
// apart and is left alone; so is a function that stores something other
// than the bare parameter (a wrapper of it).
func reportAsyncCallablesStored(p *Pass) {
	attrOf := map[*analysis.Node]string{} // dropped call -> the attribute that holds the callable
	// keeper names the method that keeps the callable: `Bus.subscribe()`,
	// or `Callback()` for a constructor.
	keeper := func(t *analysis.Function) string {
		switch {
		case t.Class == nil:
			return t.Name + "()"
		case t.Name == "__init__":
			return t.Class.Name + "()"
		}
		return t.Class.Name + "." + t.Name + "()"
	}
	holder := func(d *analysis.Node) string { return attrOf[d] } // `self._listeners`, `_HANDLERS`
	reportParamFlows(p, paramFlow{
		call: func(_ *analysis.Call, t *analysis.Function) bool { return !t.Async },
		arg: func(arg *analysis.Node) string {
			if syncCallbackAPI(p, arg) != "" {
				return "" // the callback APIs are reportCoroutineCallbacks'
			}
			return asyncCallableArg(p, arg)
		},
		dropped: func(t *analysis.Function, name, _ string) []*analysis.Node {
			return droppedStoredCalls(p, t, name, attrOf)
		},
		here: func(d, arg *analysis.Node, t *analysis.Function, name, what, line string) string {
			return "coroutine `" + p.File.Brief(d.ChildByField("function")) + "()` is never awaited: `" + keeper(t) +
				"` keeps its parameter `" + name + "` in `" + holder(d) + "`, this call drops what it returns, and line " + line +
				" passes `" + p.File.Brief(arg) + "`, " + what + "; await it (in an async def) or pass a sync function"
		},
		there: func(d, arg *analysis.Node, t *analysis.Function, name, what string) string {
			return "`" + p.File.Brief(arg) + "` is " + what + ", kept by `" + keeper(t) + "` in `" + holder(d) +
				"` and called without awaiting (`" + t.Module().File.Brief(d) + "`): the coroutine it makes never runs"
		},
	})
	reportStoringDecorators(p, attrOf, keeper)
}

// reportStoringDecorators reports an `async def` of the module decorated by
// a project function that keeps what it decorates in a registry whose
// calls drop the result (`@on_event` with `def on_event(fn):
// _HANDLERS.append(fn); return fn`): on the dropping call when the
// registry is in this module, else on the decorator.
func reportStoringDecorators(p *Pass, attrOf map[*analysis.Node]string, keeper func(*analysis.Function) string) {
	if p.Project == nil {
		return
	}
	seen := map[*analysis.Node]bool{}
	for _, f := range p.Module.Functions {
		// The decorator next to the def gets the `async def` itself,
		// whatever the others make of what it returns.
		if !f.Async || f.Generator || f.Lambda || len(f.Decorators) == 0 {
			continue
		}
		for _, dec := range f.Decorators[len(f.Decorators)-1:] {
			named := dec.NamedChildren()
			if len(named) == 0 {
				continue
			}
			expr := analysis.Unparen(named[0])
			if expr == nil || (expr.Type() != "identifier" && expr.Type() != "attribute") {
				continue // a decorator factory's call: what it returns is not seen
			}
			t := projectFunction(p, expr)
			if t == nil || t.Async || t.Lambda || t.Generator || t.Class != nil {
				continue
			}
			params := positionalParams(t)
			if len(params) == 0 {
				continue
			}
			for _, d := range droppedStoredCalls(p, t, params[0], attrOf) {
				if t.Module() != p.Module {
					p.Report(dec, "coroutine function `"+f.Name+"` is kept by `@"+p.File.Text(expr)+"` in `"+attrOf[d]+
						"` and called without awaiting (`"+t.Module().File.Brief(d)+"`): the coroutine it makes never runs")
				} else if !seen[d] {
					seen[d] = true
					line := strconv.Itoa(p.File.Lines.Position(int(f.Node.Start)).Line + 1)
					p.Report(d, "coroutine `"+p.File.Brief(d.ChildByField("function"))+"()` is never awaited: `"+keeper(t)+
						"` keeps what it decorates in `"+attrOf[d]+"`, this call drops what it returns, and line "+line+
						" decorates the coroutine function `"+f.Name+"`; await it (in an async def) or register a sync function")
				} else {
					continue
				}
				break
			}
		}
	}
}

// projectFunction is the project's function expr names, or nil.
func projectFunction(p *Pass, expr *analysis.Node) *analysis.Function {
	r := p.Module.Resolve(expr)
	if r.Instance {
		return nil
	}
	if r.Func != nil {
		return r.Func
	}
	if r.Via != "" {
		if v := p.Project.ResolveVia(r.Via); v.Func != nil && !v.Instance {
			return v.Func
		}
	}
	if r.Name != "" {
		return p.Project.Lookup(r.Name).Func
	}
	return nil
}

// droppedStoredCalls returns the calls that call, and drop the result of,
// what t keeps from its parameter name: in an attribute of self when t is
// a method (calls in the methods of its class), in a global of its module
// when t is a module-level function (calls anywhere in the module). attrOf
// records each call's holder (`self._listeners`, `_HANDLERS`).
func droppedStoredCalls(p *Pass, t *analysis.Function, name string, attrOf map[*analysis.Node]string) []*analysis.Node {
	b := plainParameter(t, name)
	if b == nil || (t.Class != nil && (len(t.Params) == 0 || t.Params[0] == name)) || (t.Class == nil && t.Parent != nil) {
		return nil
	}
	tm := t.Module()
	src := tm.File
	asksKind := func(n *analysis.Node) bool {
		text := src.Text(n)
		return strings.Contains(text, "iscoroutine") || strings.Contains(text, "isawaitable")
	}
	if t.Class != nil && asksKind(t.Class.Node) || t.Class == nil && asksKind(t.Node) {
		return nil
	}
	self := ""
	if t.Class != nil {
		self = t.Params[0]
	}
	// holderOf returns the holder n names, for code whose receiver is recv:
	// `self.NAME` of a method, or a global NAME of the module for a
	// module-level t.
	holderOf := func(n *analysis.Node, recv string) string {
		n = analysis.Unparen(n)
		if n == nil {
			return ""
		}
		if t.Class == nil {
			if n.Type() != "identifier" {
				return ""
			}
			g := src.Text(n)
			if bb := tm.ScopeAt(n).Lookup(g); bb == nil || bb != tm.Scope.Bindings.Get(g) {
				return "" // a local, or not bound in the module
			}
			return g
		}
		if n.Type() != "attribute" || recv == "" {
			return ""
		}
		obj := analysis.Unparen(n.ChildByField("object"))
		if obj == nil || obj.Type() != "identifier" || src.Text(obj) != recv {
			return ""
		}
		return "self." + src.Text(n.ChildByField("attribute"))
	}
	isParam := func(n *analysis.Node) bool {
		n = analysis.Unparen(n)
		return n != nil && n.Type() == "identifier" && src.Text(n) == name && tm.ScopeAt(n).Lookup(name) == b
	}
	// containerOf returns the holder when n is it, an item of it
	// (`h[k]`) or `h.setdefault(k, ...)` / `h.get(k, ...)`.
	containerOf := func(n *analysis.Node, recv string) string {
		n = analysis.Unparen(n)
		if n == nil {
			return ""
		}
		switch n.Type() {
		case "subscript":
			return holderOf(n.ChildByField("value"), recv)
		case "call":
			if fn := n.ChildByField("function"); fn != nil && fn.Type() == "attribute" {
				switch src.Text(fn.ChildByField("attribute")) {
				case "setdefault", "get":
					return holderOf(fn.ChildByField("object"), recv)
				}
			}
			return ""
		}
		return holderOf(n, recv)
	}
	single, container := map[string]bool{}, map[string]bool{}
	t.Node.Walk(func(n *analysis.Node) bool {
		switch n.Type() {
		case "function_definition", "lambda", "class_definition":
			return n == t.Node
		case "assignment":
			right := n.ChildByField("right")
			if !isParam(right) {
				return true
			}
			left := analysis.Unparen(n.ChildByField("left"))
			if left != nil && left.Type() == "subscript" {
				if h := holderOf(left.ChildByField("value"), self); h != "" {
					container[h] = true
				}
			} else if h := holderOf(left, self); h != "" && t.Class != nil {
				single[h] = true // a global assigned in a function is a `global` statement's: not followed
			}
		case "call":
			fn := n.ChildByField("function")
			if fn == nil || fn.Type() != "attribute" {
				return true
			}
			switch src.Text(fn.ChildByField("attribute")) {
			case "append", "add", "insert", "appendleft":
			default:
				return true
			}
			args := n.ChildByField("arguments")
			if args == nil {
				return true
			}
			named := args.NamedChildren()
			if len(named) == 0 || !isParam(named[len(named)-1]) {
				return true
			}
			if h := containerOf(fn.ChildByField("object"), self); h != "" {
				container[h] = true
			}
		}
		return true
	})
	if len(single) == 0 && len(container) == 0 {
		return nil
	}
	var out []*analysis.Node
	for _, c := range tm.Calls {
		if c.Usage != analysis.UsageDropped {
			continue
		}
		recv := ""
		if t.Class != nil {
			m := c.Func
			for m != nil && m.Class == nil {
				m = m.Parent
			}
			if m == nil || m.Class != t.Class || len(m.Params) == 0 {
				continue
			}
			recv = m.Params[0]
		} else if c.Func != nil && asksKind(c.Func.Node) {
			continue
		}
		fn := analysis.Unparen(c.Node.ChildByField("function"))
		if fn == nil {
			continue
		}
		h := ""
		switch fn.Type() {
		case "attribute":
			if a := holderOf(fn, recv); single[a] {
				h = a
			}
		case "subscript":
			if a := holderOf(fn.ChildByField("value"), recv); container[a] {
				h = a
			}
		case "identifier":
			var def *analysis.Node
			if c.Func != nil {
				def = c.Func.Node
			}
			h = loopOverContainer(src, c.Node, fn, def, func(iter *analysis.Node) string {
				if a := iteratedHolder(src, iter, recv, containerOf); container[a] {
					return a
				}
				return ""
			})
		}
		if h == "" || underCoroutineFunctionTest(p, c) {
			continue
		}
		attrOf[c.Node] = h
		out = append(out, c.Node)
	}
	return out
}

// loopOverContainer returns what attr gives for the iterable of the
// innermost `for NAME in ...` around call (inside def) whose target is the
// called name fn, or "".
func loopOverContainer(src *analysis.File, call, fn, def *analysis.Node, attr func(iter *analysis.Node) string) string {
	name := src.Text(fn)
	for q := call.Parent(); q != nil && q != def; q = q.Parent() {
		if q.Type() != "for_statement" {
			continue
		}
		left := analysis.Unparen(q.ChildByField("left"))
		if left == nil || left.Type() != "identifier" || src.Text(left) != name {
			continue
		}
		return attr(q.ChildByField("right"))
	}
	return ""
}

// iteratedHolder returns the holder H when iter iterates a container H
// holds: `H`, `H.values()`, `list(H)`, `H[k]`, `H.get(k, [])`,
// `list(H.get(k, []))`.
func iteratedHolder(src *analysis.File, iter *analysis.Node, recv string, containerAttr func(*analysis.Node, string) string) string {
	iter = analysis.Unparen(iter)
	for iter != nil && iter.Type() == "call" {
		fn := iter.ChildByField("function")
		args := iter.ChildByField("arguments")
		if fn == nil || args == nil {
			return ""
		}
		switch {
		case fn.Type() == "identifier" && (src.Text(fn) == "list" || src.Text(fn) == "tuple" || src.Text(fn) == "reversed"):
			named := args.NamedChildren()
			if len(named) != 1 {
				return ""
			}
			iter = analysis.Unparen(named[0])
			continue
		case fn.Type() == "attribute" && (src.Text(fn.ChildByField("attribute")) == "values" || src.Text(fn.ChildByField("attribute")) == "copy"):
			iter = analysis.Unparen(fn.ChildByField("object"))
			continue
		}
		return containerAttr(iter, recv)
	}
	return containerAttr(iter, recv)
}
