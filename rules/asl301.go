package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
)

// ASL301 reports tasks kept only in a local variable that dies.
var ASL301 = register(&Rule{
	Code:    "ASL301",
	Name:    "task-reference-dies",
	Summary: "Task stored only in a local variable that goes out of scope without the task being awaited, cancelled or kept",
	Rationale: "The event loop keeps only weak references to tasks. `task = asyncio.create_task(...)` in a function " +
		"that returns without awaiting, cancelling or storing `task` leaves the task unreferenced as soon as the " +
		"function returns: it may be garbage-collected mid-flight, silently cancelling its work, and its exception is " +
		"never retrieved. ASYNC300 (and ruff's RUF006) only see the bare statement `asyncio.create_task(...)`; this is the " +
		"same bug one assignment later.",
	Bad: `import asyncio

async def handle(event):
    task = asyncio.create_task(notify(event))
    task.add_done_callback(log_result)`,
	Good: `import asyncio

background = set()

async def handle(event):
    task = asyncio.create_task(notify(event))
    background.add(task)
    task.add_done_callback(background.discard)`,
	CrossFile: true,
	Severity:  Warning,
	Default:   true,
	Fix: "Keep the task in a module-level set: `_background_tasks.add(task)` and " +
		"`task.add_done_callback(_background_tasks.discard)` after the assignment, with the set defined after the imports " +
		"(safe: it only extends the task's lifetime to its completion).",
	Notes: "Calls of `add_done_callback`, `set_name`, `get_name` and `done` on the task do not keep it; any other use " +
		"(awaiting, `cancel()`, passing it to a function, storing it in a container or attribute, returning it, capturing " +
		"it in a nested function) does. Tasks from `TaskGroup.create_task` are held by the group and not reported. " +
		"`ensure_future(x)` makes a new task only from a coroutine: it is not reported when `x` is a call of a " +
		"synchronous function (tornado's `Event.wait()`, `Semaphore.acquire()` return futures) or a value the model " +
		"cannot see to be a coroutine (a parameter, an attribute), which `ensure_future` returns unchanged when it is " +
		"already a Future or Task.",
	Run: runTaskReferenceDies,
})

// wrapsExistingFuture reports an ensure_future call that is not known to
// make a new task: its argument is not a call (an existing object, often a
// Future, returned unchanged), or a call of a project function that is not
// a coroutine function (it returns some awaitable it made already).
func wrapsExistingFuture(p *Pass, c *analysis.Call) bool {
	fn := c.Node.ChildByField("function")
	if fn == nil || !strings.HasSuffix(p.File.Text(fn), "ensure_future") {
		return false
	}
	arg := c.Positional(0)
	if arg == nil {
		return false
	}
	arg = analysis.Unparen(arg)
	if arg.Type != "call" {
		return true
	}
	for _, inner := range p.Module.Calls {
		if inner.Node != arg {
			continue
		}
		if p.Project.IsCoroutineFunction(inner) {
			return false
		}
		t := p.Project.Target(inner)
		return t != nil && !t.Async
	}
	return false
}

var nonRetainingTaskMethods = map[string]bool{
	"add_done_callback": true, "remove_done_callback": true, "set_name": true, "get_name": true, "done": true,
	"get_coro": true, "get_loop": true, "get_context": true,
}

func runTaskReferenceDies(p *Pass) {
	for _, c := range p.Module.Calls {
		if c.Usage != analysis.UsageStored || c.Func == nil || !isTaskFactory(p, c) || wrapsExistingFuture(p, c) {
			continue
		}
		if c.UsedBy == nil || c.UsedBy.Type != "assignment" || analysis.Unparen(c.UsedBy.ChildByField("right")) != c.Node {
			continue
		}
		name, uses, ok := localUses(p.Module, c.UsedBy)
		if !ok {
			continue
		}
		kept := false
		for _, u := range uses {
			k := useKind(p.Module, u)
			if !strings.HasPrefix(k, "method:") || !nonRetainingTaskMethods[strings.TrimPrefix(k, "method:")] {
				kept = true
				break
			}
		}
		if kept {
			continue
		}
		p.Report(c.UsedBy.ChildByField("left"), "task `"+name+"` is only referenced by this local variable, which dies when `"+
			funcDisplay(c.Func)+"` returns: the task may be garbage-collected before it finishes; keep it in a set (with "+
			"`add_done_callback(set.discard)`), await it, or use an `asyncio.TaskGroup`", WithFix(keepTaskFix(p, c.UsedBy, name)))
	}
}

// keepTaskFix adds `_background_tasks.add(name)` and the discard callback
// after the assignment statement that stores a task in a local.
func keepTaskFix(p *Pass, assign *analysis.Node, name string) *Fix {
	stmt := assign.Parent
	if stmt == nil || stmt.Type != "expression_statement" || !ownLine(p.File, stmt) {
		return nil
	}
	store := backgroundStore(p)
	indent := lineIndent(p.File, stmt)
	edits := []Edit{{Start: int(stmt.End), End: int(stmt.End), New: "\n" + indent + store.keep(name, indent)}}
	if store.define != nil {
		edits = append(edits, *store.define)
	}
	return &Fix{Title: "Keep `" + name + "` in a module-level set until it is done", Safe: true, Edits: edits}
}
