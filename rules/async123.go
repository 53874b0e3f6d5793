package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC123 reports raising a child exception out of an exception group.
var ASYNC123 = register(&Rule{
	Code:    "ASYNC123",
	Name:    "bad-exception-group-flattening",
	Summary: "Raising an exception taken out of an ExceptionGroup (`raise eg.exceptions[0]`)",
	Rationale: "Raising one of the exceptions inside a group mutates it: its `__context__`, `__cause__` and " +
		"traceback are overwritten by the new raise site, so the traceback shows the handler instead of where the error " +
		"happened, and the group's other exceptions are silently dropped. Raise a new exception `from` the group, or " +
		"handle the exceptions with `except*`.",
	Bad: `async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work())
    except* ValueError as eg:
        raise eg.exceptions[0]`,
	Good: `async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work())
    except* ValueError as eg:
        raise RuntimeError("work failed") from eg`,
	Severity: Warning,
	Default:  true,
	Notes: "Follows the group name bound by `except*` (or by an `except` clause naming an ExceptionGroup type) through " +
		"`.exceptions`, `.subgroup()`, `.split()`, assignments and `for` loops, as flake8-async does.",
	Run: runExceptionGroupFlattening,
})

func runExceptionGroupFlattening(p *Pass) {
	f := p.File
	p.File.Root.Walk(func(n *analysis.Node) bool {
		if n.Type() != "except_clause" && n.Type() != "except_group_clause" {
			return true
		}
		typ, name, body := exceptParts(n)
		if name == nil || body == nil {
			return true
		}
		if n.Type() == "except_clause" && (typ == nil || !strings.Contains(f.Text(typ), "ExceptionGroup")) {
			return true
		}
		groups := map[string]bool{f.Text(name): true}
		lists := map[string]bool{}
		children := map[string]bool{}
		var isGroup, isList, isChild func(*analysis.Node) bool
		isGroup = func(e *analysis.Node) bool {
			e = analysis.Unparen(e)
			switch {
			case e == nil:
				return false
			case e.Type() == "identifier":
				return groups[f.Text(e)]
			case e.Type() == "call":
				fn := e.ChildByField("function")
				if fn != nil && fn.Type() == "attribute" {
					m := f.Text(fn.ChildByField("attribute"))
					return pylib.Method(m, pylib.SplitsGroup) && isGroup(fn.ChildByField("object"))
				}
			}
			return isChild(e)
		}
		isList = func(e *analysis.Node) bool {
			e = analysis.Unparen(e)
			switch {
			case e == nil:
				return false
			case e.Type() == "identifier":
				return lists[f.Text(e)]
			case e.Type() == "attribute":
				return f.Text(e.ChildByField("attribute")) == "exceptions" && isGroup(e.ChildByField("object"))
			}
			return false
		}
		isChild = func(e *analysis.Node) bool {
			e = analysis.Unparen(e)
			switch {
			case e == nil:
				return false
			case e.Type() == "identifier":
				return children[f.Text(e)]
			case e.Type() == "subscript":
				return isList(e.ChildByField("value"))
			}
			return false
		}
		walkBody(body, func(s *analysis.Node) bool {
			switch s.Type() {
			case "assignment":
				left, right := analysis.Unparen(s.ChildByField("left")), s.ChildByField("right")
				if left == nil || right == nil {
					break
				}
				if left.Type() == "identifier" {
					switch {
					case isChild(right):
						children[f.Text(left)] = true
					case isList(right):
						lists[f.Text(left)] = true
					case isGroup(right):
						groups[f.Text(left)] = true
					}
				} else if (left.Type() == "pattern_list" || left.Type() == "tuple_pattern" || left.Type() == "tuple") && isGroup(right) {
					for _, t := range left.NamedChildren() {
						if t.Type() == "identifier" {
							groups[f.Text(t)] = true
						}
					}
				}
			case "for_statement":
				if t := s.ChildByField("left"); t != nil && t.Type() == "identifier" && isList(s.ChildByField("right")) {
					children[f.Text(t)] = true
				}
			case "raise_statement":
				if named := s.NamedChildren(); len(named) > 0 && named[0].Field() == "" && isChild(named[0]) {
					p.Report(s, "raising an exception taken out of an ExceptionGroup overwrites its traceback and context and drops "+
						"the others; raise a new exception `from` the group, or handle them with `except*`")
				}
			}
			return true
		})
		return true
	})
}
