package rules

import (
	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// taskGroupScope is an `async with TaskGroup() as tg:` (or nursery) statement.
type taskGroupScope struct {
	With   *analysis.Node
	Expr   *analysis.Node // the TaskGroup() call
	Name   string         // the bound name, "" when not bound
	Kind   string         // "task group" or "nursery"
	Opener string         // the resolved name of the opening call (asyncio.TaskGroup, trio.open_nursery...)
}

// taskGroups are the module's `async with` statements that open a task
// group or nursery, in source order (ASYNC111, ASYNC112, ASYNC121).
var taskGroups = &fact[[]taskGroupScope]{name: "taskGroups", compute: func(p *Pass) []taskGroupScope {
	return taskGroupWiths(p.Module)
}}

// taskGroupWiths returns the task-group with statements of the module.
func taskGroupWiths(m *analysis.Module) []taskGroupScope {
	var out []taskGroupScope
	m.File.Root.Walk(func(n *analysis.Node) bool {
		if n.Type() != "with_statement" {
			return true
		}
		exprs, aliases := withItems(n)
		for i, e := range exprs {
			kind, name := contextKind(m, e)
			if kind != "taskgroup" {
				continue
			}
			tg := taskGroupScope{With: n, Expr: e, Kind: "task group", Opener: name}
			if pylib.Is(name, pylib.NurseryOpener) {
				tg.Kind = "nursery"
			}
			if a := aliases[i]; a != nil && a.Type() == "identifier" {
				tg.Name = m.File.Text(a)
			}
			out = append(out, tg)
		}
		return true
	})
	return out
}
