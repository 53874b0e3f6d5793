package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC300 reports tasks whose only reference is dropped.
var ASYNC300 = register(&Rule{
	Code:    "ASYNC300",
	Name:    "create-task-no-reference",
	Summary: "Task created with create_task/ensure_future and its reference dropped",
	Rationale: "The event loop keeps only a weak reference to tasks. A task whose result is not stored can be " +
		"garbage-collected before it finishes, silently cancelling its work, and any exception it raises is never seen. " +
		"Keep a reference (a set of background tasks, or an `asyncio.TaskGroup`) until the task is done.",
	Bad: `import asyncio

async def main():
    asyncio.create_task(heartbeat())`,
	Good: `import asyncio

background = set()

async def main():
    task = asyncio.create_task(heartbeat())
    background.add(task)
    task.add_done_callback(background.discard)`,
	CrossFile: true,
	Severity:  Warning,
	Default:   true,
	Fix:       "For a statement `asyncio.create_task(...)`: assign the task and keep it in a module-level set, `_background_tasks.add(task)` with `task.add_done_callback(_background_tasks.discard)`, the set defined after the imports (safe: it only extends the task's lifetime to its completion).",
	Notes: "Reported wherever the reference is lost, not only for a bare statement: inside a conditional expression or " +
		"boolean operator whose value is discarded, in a list built and thrown away, or when only " +
		"`.add_done_callback(...)` is called on the new task, or when it is only printed. `create_task` on a receiver named like " +
		"an event loop (`loop`, `self.loop`, `bot.loop`, `get_event_loop()`) counts as `loop.create_task` when its type is unknown. `TaskGroup.create_task` is not reported: the group holds the task. A synchronous function of the project that only returns such a task (`def spawn(coro): return asyncio.create_task(coro)`, through any number of such wrappers) is a task factory too, and so is anything listed in `[tool.asyncls]` `task-factories` and any such wrapper of one. ruff calls this check RUF006: `# noqa: RUF006`, and RUF006 in `ignore`, `per-file-ignores` or `select`, act on ASYNC300 as written.",
	Run: runTaskDropped,
})

// isTaskFactory reports a call that creates a task: asyncio's factories, a
// loop's create_task, or a synchronous function of the project that only
// returns what one of those makes (`def spawn(coro): return
// asyncio.create_task(coro)`), through any number of such wrappers.
func isTaskFactory(p *Pass, c *analysis.Call) bool {
	if isTaskFactoryCall(p.Module, c) {
		return true
	}
	var extra []string
	if p.Options != nil {
		extra = p.Options.ExtraTaskFactories
	}
	direct := func(m *analysis.Module, c *analysis.Call) bool {
		return isTaskFactoryCall(m, c) || configuredTaskFactory(p.Project, extra, c)
	}
	if configuredTaskFactory(p.Project, extra, c) {
		return true
	}
	// The wrappers of configured factories are factories too; the memo is
	// the project's, shared by runs with other settings, so its key names
	// the configured list.
	t := p.Project.Target(c)
	return t != nil && !t.Async && p.Project.Wrapper("task-factory "+strings.Join(extra, ","), t, direct)
}

// configuredTaskFactory reports a call of a `task-factories` entry.
func configuredTaskFactory(proj *analysis.Project, extra []string, c *analysis.Call) bool {
	if len(extra) == 0 {
		return false
	}
	name := proj.Callee(c).Name
	return configured(extra, name) || configured(extra, proj.Canonical(name))
}

func isTaskFactoryCall(m *analysis.Module, c *analysis.Call) bool {
	if pylib.Is(c.Callee, pylib.TaskFactory) {
		return true
	}
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type != "attribute" || m.File.Text(fn.ChildByField("attribute")) != "create_task" {
		return false
	}
	// The resolver names an attribute of a library object it has no type for
	// by its path ("discord.Client.loop.create_task" for self.loop in a
	// discord.Client subclass): a receiver named like a loop is then taken as
	// one, as it is when nothing resolves.
	if c.Callee != "" && !strings.HasSuffix(c.Callee, "loop.create_task") {
		return false
	}
	return loopLikeReceiver(m.File, fn.ChildByField("object"))
}

// loopLikeReceiver reports whether an expression reads as an event loop by
// its name: loop, self.loop, bot.loop, self._loop, event_loop, or a call of
// get_event_loop / get_running_loop / new_event_loop.
func loopLikeReceiver(f *analysis.File, recv *analysis.Node) bool {
	if recv == nil {
		return false
	}
	var name string
	switch recv.Type {
	case "identifier":
		name = f.Text(recv)
	case "attribute":
		name = f.Text(recv.ChildByField("attribute"))
	case "call":
		fn := recv.ChildByField("function")
		if fn != nil && fn.Type == "attribute" {
			fn = fn.ChildByField("attribute")
		}
		switch f.Text(fn) {
		case "get_event_loop", "get_running_loop", "new_event_loop":
			return true
		}
		return false
	}
	switch name {
	case "loop", "_loop", "event_loop", "ev_loop":
		return true
	}
	return false
}

func runTaskDropped(p *Pass) {
	for _, c := range p.Module.Calls {
		if !isTaskFactory(p, c) {
			continue
		}
		if valueDropped(p.File, c.Node) || readOnlyArgument(p.Module, c.Node) {
			p.Report(c.Node, "the task returned by `"+p.File.Text(c.Node.ChildByField("function"))+"()` is not kept: it may be garbage-collected "+
				"before it finishes and its exceptions are lost; store it (e.g. in a set, with add_done_callback(set.discard)) or use asyncio.TaskGroup", WithFix(storeTaskFix(p, c.Node)))
		}
	}
}

// valueDropped reports whether the value of expression n is discarded:
// it flows only through parentheses, conditional branches, boolean
// operators, collection literals and `.add_done_callback()` into an
// expression statement.
func valueDropped(f *analysis.File, n *analysis.Node) bool {
	child := n
	for p := n.Parent; p != nil; child, p = p, p.Parent {
		switch p.Type {
		case "expression_statement":
			return true
		case "parenthesized_expression", "boolean_operator", "list", "tuple", "set", "expression_list":
			continue
		case "conditional_expression":
			if named := p.NamedChildren(); len(named) == 3 && named[1] == child {
				return false
			}
			continue
		case "list_comprehension", "set_comprehension", "generator_expression":
			if child.Field == "body" {
				continue
			}
			return false
		case "attribute":
			// task.add_done_callback(cb) returns None: the task is still dropped.
			if child.Field == "object" && f.Text(p.ChildByField("attribute")) == "add_done_callback" &&
				p.Parent != nil && p.Parent.Type == "call" && p.Field == "function" {
				child, p = p, p.Parent
				continue
			}
			return false
		default:
			return false
		}
	}
	return false
}

// storeTaskFix rewrites the statement `asyncio.create_task(...)` into an
// assignment kept in the module-level set.
func storeTaskFix(p *Pass, call *analysis.Node) *Fix {
	stmt := call.Parent
	if stmt == nil || stmt.Type != "expression_statement" || len(stmt.NamedChildren()) != 1 || !ownLine(p.File, stmt) {
		return nil
	}
	scope := p.Module.ScopeAt(call)
	name := "task"
	for i := 1; scope.Lookup(name) != nil; i++ {
		name = "task_" + itoaSmall(i)
	}
	store := backgroundStore(p)
	indent := lineIndent(p.File, stmt)
	edits := []Edit{{Start: int(stmt.Start), End: int(stmt.End), New: name + " = " + p.File.Text(call) + "\n" + indent + store.keep(name, indent)}}
	if store.define != nil {
		edits = append(edits, *store.define)
	}
	return &Fix{Title: "Keep the task in a module-level set until it is done", Safe: true, Edits: edits}
}
