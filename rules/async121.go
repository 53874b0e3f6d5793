package rules

import "github.com/asyncls/asyncls/analysis"

// ASYNC121 reports return/break/continue inside a TaskGroup body.
var ASYNC121 = register(&Rule{
	Code:    "ASYNC121",
	Name:    "control-flow-in-taskgroup",
	Summary: "`return`, `break` or `continue` inside a TaskGroup block",
	Rationale: "Leaving an `async with asyncio.TaskGroup()` block with `return`, `break` or `continue` does not take " +
		"effect immediately: the group first waits for every task it started. Readers (and authors) expect the jump " +
		"to happen at once, and with trio/anyio nurseries it can even be swallowed by cancellation. Cancel the tasks or " +
		"set a flag inside the group, and put the jump after the `async with` block.",
	Bad: `import asyncio

async def first_match(items):
    async with asyncio.TaskGroup() as tg:
        for item in items:
            if item.ok:
                return item
            tg.create_task(check(item))`,
	Good: `import asyncio

async def first_match(items):
    found = None
    async with asyncio.TaskGroup() as tg:
        for item in items:
            if item.ok:
                found = item
                break
            tg.create_task(check(item))
    return found`,
	Severity: Warning,
	Default:  true,
	Notes: "`break` and `continue` are reported only when the loop they leave encloses the task group; a loop entirely " +
		"inside the task group body is fine. A `return` right after the statement that cancels the group's own tasks " +
		"(`nursery.cancel_scope.cancel()`, `tg.cancel_scope.cancel()`) is not reported: the rule's advice, cancel the " +
		"tasks, is followed, and the return waits only for them to unwind (streamlink's process runner returns the first " +
		"result so; a deliberate difference from flake8-async).",
	Requires: []Fact{taskGroups},
	Run:      runControlFlowInTaskGroup,
})

func runControlFlowInTaskGroup(p *Pass) {
	for _, tg := range taskGroups.of(p) {
		walkBody(tg.With.ChildByField("body"), func(n *analysis.Node) bool {
			switch n.Type() {
			case "return_statement":
				if cancelsGroupBefore(p.File, tg, n) {
					return true
				}
				p.Report(n, "`return` inside a "+tg.Kind+" waits for all its tasks before returning; set the result and return after the `async with` block")
			case "break_statement", "continue_statement":
				// Only when the innermost loop around it encloses the task group.
				for q := n.Parent(); q != nil; q = q.Parent() {
					if q == tg.With {
						word := "break"
						if n.Type() == "continue_statement" {
							word = "continue"
						}
						p.Report(n, "`"+word+"` inside a "+tg.Kind+" waits for all its tasks first; move it after the `async with` block")
						break
					}
					if q.Type() == "for_statement" || q.Type() == "while_statement" {
						if q.ChildByField("body") != nil && isAncestor(q.ChildByField("body"), n) {
							break
						}
					}
				}
			}
			return true
		})
	}
}

// cancelsGroupBefore reports a return whose previous statement in its
// block cancels the task group's own scope (`nursery.cancel_scope.cancel()`):
// the tasks are cancelled, so the return waits only for them to unwind.
func cancelsGroupBefore(f *analysis.File, tg taskGroupScope, ret *analysis.Node) bool {
	if tg.Name == "" {
		return false
	}
	block := ret.Parent()
	if block == nil || block.Type() != "block" {
		return false
	}
	var prev *analysis.Node
	for _, st := range block.NamedChildren() {
		if st == ret {
			break
		}
		prev = st
	}
	if prev == nil || prev.Type() != "expression_statement" {
		return false
	}
	named := prev.NamedChildren()
	return len(named) == 1 && named[0].Type() == "call" && f.Text(named[0]) == tg.Name+".cancel_scope.cancel()"
}
