package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASL109 reports `loop=` passed to an asyncio function or class whose loop
// parameter Python 3.10 removed.
var ASL109 = register(&Rule{
	Code:    "ASL109",
	Name:    "removed-loop-argument",
	Summary: "`loop=` passed to an asyncio function or class that no longer takes it (TypeError since Python 3.10)",
	Rationale: "Python 3.8 deprecated the `loop` parameter of asyncio's high-level API and Python 3.10 removed it: " +
		"`asyncio.sleep`, `gather`, `shield`, `wait_for`, `wait`, `as_completed`, the locks, events, conditions, " +
		"semaphores and queues, the stream functions and `create_subprocess_exec`/`_shell` raise TypeError when " +
		"given `loop=` (\"As of 3.10, the *loop* parameter was removed from Queue() since it is no longer " +
		"necessary\"). Code written for Python 3.7 that still passes it fails the first time the call runs: a " +
		"constructor in `__init__` breaks every object of the class, a `wait_for(..., loop=...)` every read it " +
		"guards. These functions use the running loop by themselves; drop the argument.",
	Bad: `import asyncio

class Device:
    def __init__(self, loop):
        self._loop = loop
        self.queue = asyncio.Queue(loop=loop)

    async def read(self, client, char):
        return await asyncio.wait_for(client.read(char), timeout=5, loop=self._loop)`,
	Good: `import asyncio

class Device:
    def __init__(self):
        self.queue = asyncio.Queue()

    async def read(self, client, char):
        return await asyncio.wait_for(client.read(char), timeout=5)`,
	Severity: Error,
	Default:  true,
	Notes: "The callables are pylib's LoopArgumentRemoved records (pylib/structure.go: asyncio's `sleep`, `gather`, " +
		"`shield`, `wait_for`, `wait`, `as_completed`, `Lock`, `Event`, `Condition`, `Semaphore`, " +
		"`BoundedSemaphore`, `Queue`, `LifoQueue`, `PriorityQueue`, `open_connection`, `start_server`, " +
		"`open_unix_connection`, `start_unix_server`, `create_subprocess_exec`, `create_subprocess_shell`, " +
		"also through their submodules), recognised through imports and aliases (`import asyncio as aio`). The " +
		"low-level API that still takes a loop (`ensure_future`, `wrap_future`, `run_coroutine_threadsafe`, " +
		"`Future`, `Task`, the loop's own methods) is not listed. Reported in any function or at module level: the " +
		"call fails wherever it runs. Not reported in a project whose declarations admit no Python at or above 3.10 " +
		"(the nearest pyproject.toml's `requires-python = \">=3.7,<3.10\"`, setup.py's or setup.cfg's `python_requires`, " +
		"Poetry's `python = \"~3.8\"`; read as ASL102 reads a pinned library release), where `loop=` is still taken; " +
		"a floor alone (`>=3.7`) leaves it reported. Nor in code written for both sides of the removal, that is a call in the " +
		"body of a try statement with a handler of TypeError (or `Exception`, `BaseException`, a bare `except:`): " +
		"the old-Python attempt with its fallback; a call in a handler of a try statement whose body calls the " +
		"same function without `loop=` (the fallback for old Pythons, which the new call never sends there); and a " +
		"call under an `if`, `elif`, or conditional expression whose condition reads `sys.version_info`.",
	Run: runRemovedLoopArgument,
})

func runRemovedLoopArgument(p *Pass) {
	for _, c := range p.Module.Calls {
		name := calleeName(p.Module, c)
		shown := pylib.LoopArgumentRemoved[name]
		if shown == "" && name != "" {
			shown = pylib.LoopArgumentRemoved[p.Project.Canonical(name)]
		}
		if shown == "" {
			continue
		}
		loopValue := c.Keyword("loop", p.File)
		if loopValue == nil || loopArgGuarded(p, c.Node, name) || p.Project.DeclaresOlder(c.Node, pylib.LoopArgumentRemovedIn) {
			continue
		}
		p.Report(loopValue.Parent(), "`"+shown+"()` no longer takes `loop` (removed in Python 3.10): this call raises "+
			"TypeError; drop the argument: asyncio uses the running loop")
	}
}

// loopArgGuarded reports whether call sits in code written for both sides
// of the removal: the body of a try statement of its function handling
// TypeError, a handler of a try statement of its function whose body calls
// the same function without `loop=`, or a branch chosen by
// `sys.version_info` (around the call, or around the def or class holding
// it: anyio's `native_run` for Pythons before 3.7).
func loopArgGuarded(p *Pass, call *analysis.Node, name string) bool {
	inFunc := true
	child := call
	for q := call.Parent(); q != nil; child, q = q, q.Parent() {
		if isDef(q) {
			inFunc = false
		}
		switch q.Type() {
		case "try_statement":
			if !inFunc {
				continue
			}
			if child == q.ChildByField("body") {
				for _, h := range q.NamedChildren() {
					if h.Type() != "except_clause" {
						continue
					}
					if typ, _, _ := exceptParts(h); catchesTypeError(p.Module, typ) {
						return true
					}
				}
			}
			if child.Type() == "except_clause" && callsWithoutLoop(p, q.ChildByField("body"), name) {
				return true
			}
		case "if_statement", "elif_clause", "conditional_expression":
			cond := q.ChildByField("condition")
			if q.Type() == "conditional_expression" {
				if named := q.NamedChildren(); len(named) == 3 {
					cond = named[1]
				}
			}
			if cond != nil && strings.Contains(p.File.Text(cond), "version_info") {
				return true
			}
		}
	}
	return false
}

// catchesTypeError reports whether an except clause's type catches
// TypeError: TypeError itself, Exception, BaseException, a tuple naming one
// of them, or no type at all (a bare except).
func catchesTypeError(m *analysis.Module, typ *analysis.Node) bool {
	typ = analysis.Unparen(typ)
	if typ == nil {
		return true
	}
	if typ.Type() == "tuple" {
		for _, e := range typ.NamedChildren() {
			if catchesTypeError(m, e) {
				return true
			}
		}
		return false
	}
	switch m.File.Text(typ) {
	case "TypeError", "Exception", "BaseException":
		return true
	}
	return false
}

// callsWithoutLoop reports whether body calls the function name without a
// `loop=` argument.
func callsWithoutLoop(p *Pass, body *analysis.Node, name string) bool {
	found := false
	walkBody(body, func(n *analysis.Node) bool {
		if found || n.Type() != "call" {
			return !found
		}
		if callee := calleeOf(p.Module, n); callee == name || (callee != "" && p.Project.Canonical(callee) == p.Project.Canonical(name)) {
			found = (&analysis.Call{Node: n}).Keyword("loop", p.File) == nil
		}
		return !found
	})
	return found
}
