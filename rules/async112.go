package rules

import (
	"slices"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC112 reports task groups that only start one task.
var ASYNC112 = register(&Rule{
	Code:    "ASYNC112",
	Name:    "useless-nursery",
	Summary: "TaskGroup whose body only starts a single task",
	Rationale: "A task group whose body is a single `tg.create_task(...)` runs one task and waits for it: the same as " +
		"awaiting the coroutine directly, with more machinery and an `ExceptionGroup` wrapped around any error.",
	Bad: `import asyncio

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker())`,
	Good: `async def main():
    await worker()`,
	Severity: Info,
	Default:  true,
	Notes: "Not reported when the task group itself is passed to the task (it may start more tasks), as in flake8-async, " +
		"nor when the task is a function nested in the same function whose body names the group (a closure over `tg` " +
		"that calls `tg.start_soon(...)`: anyio's tests of task parentage). " +
		"The single task must be started with the group's own method: `create_task` for asyncio's TaskGroup, " +
		"`start_soon`/`start` for trio's nursery and anyio's task group (asyncio's TaskGroup has no `start`, as in " +
		"flake8-async). " +
		"Not run on test modules unless `hints-in-tests = true` (a deliberate difference from flake8-async, README " +
		"\"Test modules\"): a test's one-task group is how it exercises what the hint would simplify away, the group's " +
		"own task, cancel scope and `ExceptionGroup` (`with pytest.RaisesGroup(ValueError): async with create_task_group() " +
		"as tg: tg.start_soon(fails)`); on the corpora of docs/precision.md every one-task group in a test suite was such " +
		"a test (20 in anyio's and sse-starlette's suites, none a mistake).",
	QuietHintInTests: true,
	Requires:         []Fact{taskGroups},
	Run:              runUselessTaskGroup,
})

func runUselessTaskGroup(p *Pass) {
	for _, tg := range taskGroups.of(p) {
		if tg.Name == "" {
			continue
		}
		body := statements(tg.With.ChildByField("body"))
		if len(body) != 1 || body[0].Type() != "expression_statement" {
			continue
		}
		named := body[0].NamedChildren()
		if len(named) != 1 {
			continue
		}
		call := named[0]
		if call.Type() == "await" {
			if inner := call.NamedChildren(); len(inner) == 1 {
				call = inner[0]
			}
		}
		if call.Type() != "call" {
			continue
		}
		fn := call.ChildByField("function")
		if fn == nil || fn.Type() != "attribute" || p.File.Text(fn.ChildByField("object")) != tg.Name ||
			!tg.spawns(p.File.Text(fn.ChildByField("attribute"))) {
			continue
		}
		passesItself := false
		call.ChildByField("arguments").Walk(func(n *analysis.Node) bool {
			if n.Type() == "identifier" && p.File.Text(n) == tg.Name && n.Field() != "attribute" {
				passesItself = true
			}
			return !passesItself
		})
		if passesItself || startsClosureOverGroup(p.Module, tg, call) {
			continue
		}
		p.Report(tg.Expr, "this "+tg.Kind+" only starts one task; await the coroutine directly instead")
	}
}

// spawns reports whether method starts a task in this group: asyncio's
// TaskGroup only has create_task (start/start_soon there would be an
// AttributeError, not a task), trio's and anyio's have start_soon and start.
func (tg taskGroupScope) spawns(method string) bool {
	if methods, ok := pylib.TaskGroupSpawns(tg.Opener); ok {
		return slices.Contains(methods, method)
	}
	return pylib.SpawnMethod(method)
}

// startsClosureOverGroup reports a task whose function is nested in the
// function holding the task group and names the group in its body: it may
// start more tasks in it (`async def starter(): tg.start_soon(sub)`, then
// `tg.start_soon(starter)`), as a task handed the group may.
func startsClosureOverGroup(m *analysis.Module, tg taskGroupScope, call *analysis.Node) bool {
	args := call.ChildByField("arguments")
	if args == nil {
		return false
	}
	named := args.NamedChildren()
	if len(named) == 0 {
		return false
	}
	target := analysis.Unparen(named[0])
	if target.Type() == "call" { // create_task(starter())
		target = target.ChildByField("function")
	}
	if target == nil || target.Type() != "identifier" {
		return false
	}
	outer := m.FunctionAt(tg.With)
	if outer == nil {
		return false
	}
	name := m.File.Text(target)
	for _, f := range m.Functions {
		if f.Name != name || f.Parent != outer || f.Lambda {
			continue
		}
		found := false
		f.Node.ChildByField("body").Walk(func(n *analysis.Node) bool {
			if n.Type() == "identifier" && m.File.Text(n) == tg.Name && n.Field() != "attribute" {
				found = true
			}
			return !found
		})
		if found && !slices.Contains(f.Params, tg.Name) {
			return true
		}
	}
	return false
}
