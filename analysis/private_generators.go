package analysis

import (
	"unsafe"

	"github.com/asyncls/asyncls/pylib"
)

// A private async generator (`_stream_events`) is made only by the
// project's own calls. When every one of them closes the generator it makes
// (`aclosing(self._stream_events(url))`, or `stream = self._stream_events(url)`
// then `await stream.aclose()` in a `finally:`), its with blocks are exited
// when the caller's iteration ends, not at garbage collection (ASYNC119 asks
// ClosedByEveryCaller). The question is project-wide, and the callers of a
// mixin's method need not import its module, so each module contributes its
// mentions of private names to the project's name index (see UsesAsValue):
// each call of the name, closed by its caller or not, and any other mention
// (`callback=self._events`, `self._events = ...`, a name passed on).

const (
	closedCallIndexPrefix   = "closed-private-call:"
	unclosedCallIndexPrefix = "unclosed-private-call:"
	otherMentionIndexPrefix = "private-mention:"
)

// ClosedByEveryCaller reports whether the private name is called somewhere
// in the project, each call's generator closed by its caller, and
// mentioned nowhere other than as a call, a definition or an import.
// usesAsValue answers the project-wide questions (nil: Project.UsesAsValue;
// a check passes one that records them).
func (p *Project) ClosedByEveryCaller(name string, usesAsValue func(key string) bool) bool {
	if usesAsValue == nil {
		usesAsValue = p.UsesAsValue
	}
	return PrivateName(name) && usesAsValue(closedCallIndexPrefix+name) &&
		!usesAsValue(unclosedCallIndexPrefix+name) && !usesAsValue(otherMentionIndexPrefix+name)
}

// ClosedByEveryCaller is Project.ClosedByEveryCaller for the module alone.
func (m *Module) ClosedByEveryCaller(name string) bool {
	return PrivateName(name) && m.UsesAsValue(closedCallIndexPrefix+name) &&
		!m.UsesAsValue(unclosedCallIndexPrefix+name) && !m.UsesAsValue(otherMentionIndexPrefix+name)
}

// addPrivateMentionKeys records, in out, the index entries of the module's
// mentions of private names (see above).
func (m *Module) addPrivateMentionKeys(out map[string]bool) {
	root := m.File.Root
	if root == nil {
		return
	}
	var calls map[*Node]*Call
	src := m.File.Src
	nodes := unsafe.Slice(root, int(root.descendants())+1)
	for i := range nodes {
		n := &nodes[i]
		var name *Node
		switch n.Type() {
		case "attribute":
			name = n.ChildByField("attribute")
		case "identifier":
			if n.Field() != "attribute" || n.Parent() == nil || n.Parent().Type() != "attribute" {
				name = n
			}
		}
		if name == nil || name.End <= name.Start || src[name.Start] != '_' {
			continue
		}
		text := string(src[name.Start:name.End])
		if !PrivateName(text) {
			continue
		}
		up := n.Parent()
		if up == nil {
			continue
		}
		switch {
		case up.Type() == "call" && n.Field() == "function":
			if calls == nil {
				calls = make(map[*Node]*Call, len(m.Calls))
				for _, c := range m.Calls {
					calls[c.Node] = c
				}
			}
			if c := calls[up]; c != nil && closedByCaller(m, c, calls) {
				out[closedCallIndexPrefix+text] = true
			} else {
				out[unclosedCallIndexPrefix+text] = true
			}
		case n.Type() == "identifier" && (up.Type() == "function_definition" && n.Field() == "name" ||
			up.Type() == "dotted_name" || up.Type() == "aliased_import" || up.Type() == "import_from_statement"):
		default:
			out[otherMentionIndexPrefix+text] = true
		}
	}
}

// closedByCaller reports a call whose generator its caller closes: given
// straight to a closer (`aclosing(self._events())`: pylib.ClosesArgument),
// or bound to a local name of the calling function that a `finally:` after
// the binding closes (`await gen.aclose()`) or that is given to a closer.
func closedByCaller(m *Module, c *Call, calls map[*Node]*Call) bool {
	closer := func(call *Node) bool {
		o := calls[call]
		return o != nil && o.Callee != "" && pylib.ClosesArgument(o.Callee)
	}
	n := c.Node
	for n.Parent() != nil && n.Parent().Type() == "parenthesized_expression" {
		n = n.Parent()
	}
	up := n.Parent()
	if up == nil {
		return false
	}
	if up.Type() == "argument_list" && up.Parent() != nil && up.Parent().Type() == "call" && firstPositional(up.Parent()) == n {
		return closer(up.Parent())
	}
	if up.Type() != "assignment" || n.Field() != "right" || c.Func == nil {
		return false
	}
	left := up.ChildByField("left")
	if left == nil || left.Type() != "identifier" {
		return false
	}
	local := m.File.Text(left)
	closes := false
	body := c.Func.Node.ChildByField("body")
	if body == nil {
		return false
	}
	body.Walk(func(q *Node) bool {
		if closes {
			return false
		}
		switch q.Type() {
		case "function_definition", "lambda", "class_definition":
			return false
		case "call":
		default:
			return true
		}
		if q.Start < up.End {
			return true
		}
		if fn := q.ChildByField("function"); fn != nil && m.File.Text(fn) == local+".aclose" && inFinallyBelow(q, c.Func.Node) {
			closes = true
		} else if a := firstPositional(q); a != nil && Unparen(a).Type() == "identifier" && m.File.Text(Unparen(a)) == local && closer(q) {
			closes = true
		}
		return !closes
	})
	return closes
}

// inFinallyBelow reports a node inside a `finally:` clause below stop.
func inFinallyBelow(n, stop *Node) bool {
	for q := n.Parent(); q != nil && q != stop; q = q.Parent() {
		if q.Type() == "finally_clause" {
			return true
		}
	}
	return false
}
