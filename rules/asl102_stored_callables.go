package rules

import (
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
// A class that asks `iscoroutine`/`iscoroutinefunction`/`isawaitable`
// anywhere tells the kinds apart and is left alone; so is a method that
// stores something other than the bare parameter (a wrapper of it).
func reportAsyncCallablesStored(p *Pass) {
	attrOf := map[*analysis.Node]string{} // dropped call -> the attribute that holds the callable
	// keeper names the method that keeps the callable: `Bus.subscribe()`,
	// or `Callback()` for a constructor.
	keeper := func(t *analysis.Function) string {
		if t.Name == "__init__" {
			return t.Class.Name + "()"
		}
		return t.Class.Name + "." + t.Name + "()"
	}
	reportParamFlows(p, paramFlow{
		call: func(_ *analysis.Call, t *analysis.Function) bool { return t.Class != nil && !t.Async },
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
				"` keeps its parameter `" + name + "` in `self." + attrOf[d] + "`, this call drops what it returns, and line " + line +
				" passes `" + p.File.Brief(arg) + "`, " + what + "; await it (in an async def) or pass a sync function"
		},
		there: func(d, arg *analysis.Node, t *analysis.Function, name, what string) string {
			return "`" + p.File.Brief(arg) + "` is " + what + ", kept by `" + keeper(t) + "` in `self." + attrOf[d] +
				"` and called without awaiting (`" + t.Module().File.Brief(d) + "`): the coroutine it makes never runs"
		},
	})
}

// droppedStoredCalls returns the calls in t's class that call, and drop the
// result of, what t stores from its parameter name in an attribute of self;
// attrOf records each call's attribute.
func droppedStoredCalls(p *Pass, t *analysis.Function, name string, attrOf map[*analysis.Node]string) []*analysis.Node {
	b := plainParameter(t, name)
	if b == nil || len(t.Params) == 0 || t.Params[0] == name {
		return nil
	}
	tm := t.Module()
	src := tm.File
	if cls := src.Text(t.Class.Node); strings.Contains(cls, "iscoroutine") || strings.Contains(cls, "isawaitable") {
		return nil
	}
	self := t.Params[0]
	// selfAttr returns NAME when n is `self.NAME` of the method whose
	// receiver is recv.
	selfAttr := func(n *analysis.Node, recv string) string {
		n = analysis.Unparen(n)
		if n == nil || n.Type() != "attribute" {
			return ""
		}
		obj := analysis.Unparen(n.ChildByField("object"))
		if obj == nil || obj.Type() != "identifier" || src.Text(obj) != recv {
			return ""
		}
		return src.Text(n.ChildByField("attribute"))
	}
	isParam := func(n *analysis.Node) bool {
		n = analysis.Unparen(n)
		return n != nil && n.Type() == "identifier" && src.Text(n) == name && tm.ScopeAt(n).Lookup(name) == b
	}
	// containerAttr returns NAME when n is `self.NAME`, `self.NAME[k]` or
	// `self.NAME.setdefault(k, ...)`: a container held by the object.
	containerAttr := func(n *analysis.Node, recv string) string {
		n = analysis.Unparen(n)
		if n == nil {
			return ""
		}
		switch n.Type() {
		case "subscript":
			return selfAttr(n.ChildByField("value"), recv)
		case "call":
			if fn := n.ChildByField("function"); fn != nil && fn.Type() == "attribute" {
				switch src.Text(fn.ChildByField("attribute")) {
				case "setdefault", "get":
					return selfAttr(fn.ChildByField("object"), recv)
				}
			}
			return ""
		}
		return selfAttr(n, recv)
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
			if a := selfAttr(left, self); a != "" {
				single[a] = true
			} else if left != nil && left.Type() == "subscript" {
				if a := selfAttr(left.ChildByField("value"), self); a != "" {
					container[a] = true
				}
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
			if a := containerAttr(fn.ChildByField("object"), self); a != "" {
				container[a] = true
			}
		}
		return true
	})
	if len(single) == 0 && len(container) == 0 {
		return nil
	}
	var out []*analysis.Node
	for _, c := range tm.Calls {
		if c.Usage != analysis.UsageDropped || c.Func == nil {
			continue
		}
		m := c.Func
		for m != nil && m.Class == nil {
			m = m.Parent
		}
		if m == nil || m.Class != t.Class || len(m.Params) == 0 {
			continue
		}
		recv := m.Params[0]
		fn := analysis.Unparen(c.Node.ChildByField("function"))
		if fn == nil {
			continue
		}
		attr := ""
		switch fn.Type() {
		case "attribute":
			if a := selfAttr(fn, recv); single[a] {
				attr = a
			}
		case "subscript":
			if a := selfAttr(fn.ChildByField("value"), recv); container[a] {
				attr = a
			}
		case "identifier":
			attr = loopOverContainer(src, c.Node, fn, m.Node, func(iter *analysis.Node) string {
				if a := iteratedAttr(src, iter, recv, containerAttr); container[a] {
					return a
				}
				return ""
			})
		}
		if attr == "" || underCoroutineFunctionTest(p, c) {
			continue
		}
		attrOf[c.Node] = attr
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

// iteratedAttr returns NAME when iter iterates a container self.NAME holds:
// `self.NAME`, `self.NAME.values()`, `list(self.NAME)`, `self.NAME[k]`,
// `self.NAME.get(k, [])`, `list(self.NAME.get(k, []))`.
func iteratedAttr(src *analysis.File, iter *analysis.Node, recv string, containerAttr func(*analysis.Node, string) string) string {
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
