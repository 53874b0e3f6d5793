package rules

import (
	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC111 reports context-manager values handed to tasks that outlive the context.
var ASYNC111 = register(&Rule{
	Code:    "ASYNC111",
	Name:    "variable-from-cm-in-start-soon",
	Summary: "Value of a context manager opened inside a TaskGroup passed to a task of that group",
	Rationale: "Tasks started with `tg.create_task(...)` keep running until the task group's block ends. A context " +
		"manager opened inside the group's block closes before that, so the task may use a file, connection or lock " +
		"that is already closed or released. Open the context manager outside the task group, so that the group is " +
		"the innermost context.",
	Bad: `import asyncio

async def main(pool):
    async with asyncio.TaskGroup() as tg:
        async with pool.acquire() as conn:
            tg.create_task(work(conn))`,
	Good: `import asyncio

async def main(pool):
    async with pool.acquire() as conn:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work(conn))`,
	Severity: Warning,
	Default:  true,
	Requires: []Fact{taskGroups},
	Run:      runCMValueInTask,
})

func runCMValueInTask(p *Pass) {
	for _, tg := range taskGroups.of(p) {
		if tg.Name == "" {
			continue
		}
		walkBody(tg.With.ChildByField("body"), func(n *analysis.Node) bool {
			if n.Type() != "call" {
				return true
			}
			fn := n.ChildByField("function")
			if fn == nil || fn.Type() != "attribute" || p.File.Text(fn.ChildByField("object")) != tg.Name ||
				!pylib.SpawnMethod(p.File.Text(fn.ChildByField("attribute"))) {
				return true
			}
			// Names bound by with statements between the task group and the call.
			bound := map[string]bool{}
			for q := n.Parent(); q != nil && q != tg.With; q = q.Parent() {
				if q.Type() == "with_statement" && inWithBody(q, n) {
					_, aliases := withItems(q)
					for _, a := range aliases {
						if a != nil && a.Type() == "identifier" {
							bound[p.File.Text(a)] = true
						}
					}
				}
			}
			if len(bound) == 0 {
				return true
			}
			n.ChildByField("arguments").Walk(func(a *analysis.Node) bool {
				if a.Type() == "identifier" && bound[p.File.Text(a)] && a.Field() != "attribute" &&
					!(a.Parent() != nil && a.Parent().Type() == "keyword_argument" && a.Field() == "name") {
					p.Report(a, "`"+p.File.Brief(a)+"` comes from a context manager that closes before the "+tg.Kind+
						" waits for this task; open it outside the `async with` of the "+tg.Kind)
				}
				return true
			})
			return true
		})
	}
}
