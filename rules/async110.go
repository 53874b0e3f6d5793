package rules

import (
	"strings"
	"unicode"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC110 reports busy-wait loops that poll with sleep.
var ASYNC110 = register(&Rule{
	Code:    "ASYNC110",
	Name:    "async-busy-wait",
	Summary: "`while ...: await asyncio.sleep()` busy-wait loop",
	Rationale: "A loop whose body only sleeps polls a condition: it wakes up needlessly, and it reacts up to one sleep " +
		"interval late. Have the code that changes the condition set an `asyncio.Event` (or notify an " +
		"`asyncio.Condition`) and `await event.wait()` instead.",
	Bad: `import asyncio

async def wait_ready(service):
    while not service.ready:
        await asyncio.sleep(0.1)`,
	Good: `async def wait_ready(service):
    await service.ready_event.wait()`,
	Severity: Info,
	Default:  true,
	Notes: "Reported when the loop body is exactly one statement, an awaited `asyncio.sleep` (or trio/anyio " +
		"`sleep`/`sleep_until`, or `lowlevel.checkpoint`), as in flake8-async. A loop that does other work besides sleeping " +
		"is not reported, and neither is `while True:` (or `while 1:`) around a sleep: it sleeps until cancelled, " +
		"with no condition an Event could signal (flake8-async does not check asyncio code for this rule). Nor is a loop " +
		"whose condition does the periodic work itself, a call named for an action (`while client.loop_misc() == OK:`, " +
		"`while self.process_events():`, `while await self.flush():`; first word loop, run, process, step, tick, pump, " +
		"flush, send, write, update, do, handle, dispatch, sync, refresh, service, iterate, drive, feed, perform or " +
		"execute, and no later word such as pending, done, ready, running, state or empty): the sleep paces work, it " +
		"waits for no flag (flake8-async reports it in trio and anyio code; a deliberate difference). " +
		"Nor is a loop whose condition awaits a coroutine function of the project that itself awaits work (uamqp's " +
		"`while not await self.auth_complete_async():`, a step of the handshake each time), or awaits a call that runs a " +
		"function in a worker thread (snitun's `while (await loop.run_in_executor(None, sock.fileno)) != -1:`, " +
		"`await asyncio.to_thread(proc.poll)`): what it tests is state outside the program, read by blocking work the " +
		"thread does, which no code of the program could signal. " +
		"Nor is a loop whose condition only the clock or the file system changes: each part of it (through `not`, " +
		"`and`/`or`, comparisons and arithmetic) is a literal, a name local to the function (which the loop, only " +
		"sleeping, cannot change; not one a nested function rebinds with `nonlocal`), a clock read (`time.monotonic()`, " +
		"`datetime.datetime.now()`, `loop.time()`) or a file-system query (`os.path.exists(path)`, `Path.exists()`), with " +
		"at least one such call (`while datetime.utcnow() < next_beat:`, `while not os.path.exists(scheduler_file):`): " +
		"no code of the program changes it, so none could set an Event; the fix is one sleep of the remaining time, or a " +
		"file watcher for a file another process writes (a deliberate difference from flake8-async, which reports it in " +
		"trio and anyio code). A deadline in an attribute (`time.monotonic() < self.deadline`) or a flag beside the clock " +
		"(`while not self.connected and time.monotonic() < end:`) is still a poll. " +
		"A query in the condition (`while not conn.is_connected():`, `while q.empty():`, a coroutine that awaits nothing) " +
		"is still a poll and is reported. " +
		"Nor is a poll that opens a coroutine function run only as the main coroutine of a private event loop in a thread " +
		"of its own: each call of it is what `loop.run_until_complete()` (or `asyncio.run()`) completes, in a function the " +
		"module hands to `threading.Thread(target=...)`, and it is mentioned nowhere else (twitchAPI's `_keep_loop_alive()`, " +
		"`while not self._closing: await asyncio.sleep(0.1)`, and its OAuth server's wait for `_can_close` before cleanup). " +
		"The poll is that loop's lifetime, its other tasks run while it sleeps, and what ends it is the owner's `stop()` on " +
		"another thread, which cannot set an `asyncio.Event` directly: the fix is `run_forever()` with " +
		"`loop.call_soon_threadsafe(loop.stop)`, a restructuring, not an Event (flake8-async does not check asyncio code " +
		"for this rule; on the eighteen judged corpora the 5 such findings, all in twitchAPI, were judged debatable).\n\n" +
		"Like the rules about blocking calls, not run on test modules by default (`blocking-in-tests = true` runs it; a " +
		"deliberate difference from flake8-async, which checks every file alike): a poll costs latency and a few " +
		"wake-ups of the loop it runs on, and a test's loop is the test's own (pytest-asyncio, trio's and anyio's " +
		"plugins); tests poll on purpose what a thread they started does (`while thread.is_alive(): await sleep(0.01)`: " +
		"each such finding on 82 real packages, 3 in trio's tests, was judged noise). A poll never makes a test pass " +
		"wrongly or hang, which is what the rules still run on tests catch. Outside tests, the thread's keep-alive loop " +
		"above aside, no general property tells " +
		"an acceptable poll from one to replace: state set by another thread or process can still be signalled " +
		"(`loop.call_soon_threadsafe(event.set)`; starlette replaced exactly such a poll of a thread-side queue), and " +
		"a poll in a shutdown path or a helper for scripts (uvicorn's wait for connections to close, judged debatable) " +
		"is told apart only by the names or comments around it.",
	QuietInTests: true,
	Run:          runBusyWait,
})

func runBusyWait(p *Pass) {
	p.File.Root.Walk(func(n *analysis.Node) bool {
		if n.Type() != "while_statement" {
			return true
		}
		body := statements(n.ChildByField("body"))
		if len(body) != 1 || body[0].Type() != "expression_statement" {
			return true
		}
		// `while True: await asyncio.sleep(1)` sleeps forever (keeping the
		// loop awake, waiting to be cancelled): there is no condition to wait for.
		if cond := analysis.Unparen(n.ChildByField("condition")); cond != nil && (cond.Type() == "true" || p.File.Text(cond) == "1") {
			return true
		}
		if worksInCondition(p.Module, n.ChildByField("condition")) || awaitsWorkInCondition(p, n.ChildByField("condition")) ||
			onlyClockOrFilesInCondition(p.Module, n.ChildByField("condition")) || keepsThreadLoopAlive(p.Module, n) {
			return true
		}
		expr := body[0].NamedChildren()
		if len(expr) != 1 || expr[0].Type() != "await" {
			return true
		}
		inner := expr[0].NamedChildren()
		if len(inner) != 1 {
			return true
		}
		if name := calleeOf(p.Module, inner[0]); pylib.Is(name, pylib.Sleep) {
			// From `while` to the end of the condition, as flake8-async reports the statement.
			p.ReportRange(int(n.Start), int(n.ChildByField("condition").End), "busy-wait: this loop only polls with `"+name+"()`; have the code that changes the condition "+
				"set an `asyncio.Event` and `await event.wait()` instead")
		}
		return true
	})
}

// actionVerbs are first words of a method name that does work rather than
// answer a question (`loop_misc`, `process_events`, `flush`).
var actionVerbs = map[string]bool{
	"loop": true, "run": true, "process": true, "step": true, "tick": true, "pump": true, "flush": true,
	"send": true, "write": true, "update": true, "do": true, "handle": true, "dispatch": true, "sync": true,
	"refresh": true, "service": true, "iterate": true, "drive": true, "feed": true, "perform": true, "execute": true,
}

// stateWords, after the verb, make a method name a question about work
// (`update_pending`, `sync_done`, `send_queue_empty`).
var stateWords = map[string]bool{
	"pending": true, "done": true, "running": true, "ready": true, "finished": true, "complete": true,
	"completed": true, "alive": true, "active": true, "state": true, "status": true, "count": true, "size": true,
	"empty": true, "full": true, "available": true, "needed": true, "required": true, "allowed": true,
	"started": true, "stopped": true, "in": true, "is": true, "has": true,
}

// worksInCondition reports a loop condition that calls a function named for
// an action: each test of the condition does the periodic work, and the
// sleep in the body only paces it, so there is no flag to wait for.
func worksInCondition(m *analysis.Module, cond *analysis.Node) bool {
	found := false
	cond.Walk(func(c *analysis.Node) bool {
		if found || isDef(c) {
			return false
		}
		if c.Type() == "call" {
			name := m.File.Text(c.ChildByField("function"))
			words := nameWords(name[strings.LastIndex(name, ".")+1:])
			found = len(words) > 0 && actionVerbs[words[0]]
			for _, w := range words[min(1, len(words)):] {
				found = found && !stateWords[w]
			}
		}
		return !found
	})
	return found
}

// awaitsWorkInCondition reports a loop condition that awaits a coroutine
// function of the project that itself awaits something other than a sleep
// (uamqp's `while not await self.auth_complete_async():`, which drives the
// handshake with `await self._connection.work_async()`): each test does
// the work, and the sleep only paces it. A coroutine that only reads state
// (no await of a call) is a poll like a plain query, and so is a wrapper
// that awaits what it is given (`await ensure_async(self.is_alive())`).
func awaitsWorkInCondition(p *Pass, cond *analysis.Node) bool {
	if cond == nil {
		return false
	}
	found := false
	cond.Walk(func(a *analysis.Node) bool {
		if found || isDef(a) {
			return false
		}
		if a.Type() != "await" {
			return true
		}
		inner := a.NamedChildren()
		if len(inner) != 1 {
			return true
		}
		call := analysis.Unparen(inner[0])
		for _, c := range p.Module.Calls {
			if c.Node != call {
				continue
			}
			// A call run in a worker thread (`await loop.run_in_executor(None,
			// sock.fileno)`, `await asyncio.to_thread(proc.poll)`): each test
			// is blocking work the thread does, not a flag of the program.
			if _, offload := offloadAPI(p.Module, c, calleeName(p.Module, c)); offload {
				found = true
				break
			}
			t := p.Project.Target(c)
			if t == nil || !t.Async || t.Generator {
				break
			}
			for _, aw := range t.Awaits {
				// A call of its own; awaiting a parameter (jupyter_client's
				// `ensure_async(obj)`) only hands on what the caller passed.
				w := aw.NamedChildren()
				if len(w) == 1 && analysis.Unparen(w[0]).Type() == "call" && !pylib.Is(calleeOf(t.Module(), w[0]), pylib.Sleep) {
					found = true
				}
			}
			break
		}
		return !found
	})
	return found
}

// nameWords splits a snake_case or camelCase name into lower-case words.
func nameWords(name string) []string {
	var words []string
	start := -1
	for i, r := range name {
		boundary := r == '_' || unicode.IsUpper(r)
		if boundary && start >= 0 {
			words = append(words, strings.ToLower(name[start:i]))
			start = -1
		}
		if r != '_' && start < 0 {
			start = i
		}
	}
	if start >= 0 {
		words = append(words, strings.ToLower(name[start:]))
	}
	return words
}

// onlyClockOrFilesInCondition reports a loop condition whose value depends
// only on the clock, the file system and names local to the function
// (`while datetime.now() < next_beat:`, `while not os.path.exists(path):`):
// no code of the program changes it, so none could set an Event. Time
// passing is waited for with one sleep of the remaining time (or
// `trio.sleep_until`), a file another process writes with a file watcher;
// the loop's own body cannot change a local, since it only sleeps. Each
// leaf of the condition (through `not`, `and`/`or`, comparisons and
// arithmetic) is a literal, a local name of the enclosing function, a call
// that reads the clock or the file system's metadata
// (pylib.ReadsOutsideState; its arguments only name the file), and at least one
// is such a call. An attribute (`self.deadline`), a subscript or any other
// call may be changed by other code: still a poll.
func onlyClockOrFilesInCondition(m *analysis.Module, cond *analysis.Node) bool {
	fn := m.FunctionAt(cond)
	if cond == nil || fn == nil {
		return false
	}
	reads := 0
	var ok func(n *analysis.Node) bool
	ok = func(n *analysis.Node) bool {
		n = analysis.Unparen(n)
		if n == nil {
			return false
		}
		switch n.Type() {
		case "integer", "float", "string", "true", "false", "none":
			return true
		case "identifier":
			return localName(m, fn, n)
		case "call":
			name := calleeOf(m, n)
			if pylib.ReadsOutsideState(name) {
				reads++
				return true
			}
			return false
		case "not_operator", "boolean_operator", "comparison_operator", "binary_operator", "unary_operator":
			for _, c := range n.NamedChildren() {
				if !ok(c) {
					return false
				}
			}
			return true
		}
		return false
	}
	return ok(cond) && reads > 0
}

// localName reports an identifier bound in fn's own scope (an assignment
// or a parameter) that no nested function rebinds with `nonlocal`.
func localName(m *analysis.Module, fn *analysis.Function, id *analysis.Node) bool {
	name := m.File.Text(id)
	sc := m.ScopeAt(id)
	if sc == nil || sc.Kind != analysis.FunctionScope || sc.Func != fn || sc.Global(name) || sc.Nonlocal(name) {
		return false
	}
	b := sc.Bindings.Get(name)
	if b == nil || (b.Kind != analysis.BindAssign && b.Kind != analysis.BindParam) {
		return false
	}
	rebound := false
	fn.Node.Walk(func(c *analysis.Node) bool {
		if c.Type() == "nonlocal_statement" {
			for _, v := range c.NamedChildren() {
				rebound = rebound || m.File.Text(v) == name
			}
		}
		return !rebound
	})
	return !rebound
}

// keepsThreadLoopAlive reports a poll that opens a coroutine function run
// only as the main coroutine of a private event loop in a thread of its own:
// every call of the function is the awaitable that `loop.run_until_complete`
// (or `asyncio.run`) completes, inside a function that the module hands to a
// thread as its callable (`threading.Thread(target=self.__run_socket)`), and
// the function is mentioned nowhere else. The poll is that loop's lifetime
// (twitchAPI's `_keep_loop_alive()`, `while not self._closing: await
// asyncio.sleep(0.1)`): the loop's other tasks run while it sleeps, and the
// flag is set by the owner's `stop()` on another thread, where an
// `asyncio.Event` cannot be set directly; the fix is `run_forever()` with
// `loop.call_soon_threadsafe(loop.stop)`, not an Event.
func keepsThreadLoopAlive(m *analysis.Module, loop *analysis.Node) bool {
	f := m.FunctionAt(loop)
	if f == nil || !f.Async || f.Generator || f.Lambda || loop.Parent() == nil || loop.Parent().Field() != "body" ||
		loop.Parent().Parent() != f.Node {
		return false
	}
	for _, st := range statements(loop.Parent()) {
		if st == loop {
			break
		}
		if !isDocstring(st) {
			return false
		}
	}
	if len(uncalledMentions(m, f.Name)) > 0 {
		return false
	}
	runs := 0
	for _, c := range m.Calls {
		if c.Target != f {
			continue
		}
		args := c.Node.Parent()
		if args == nil || args.Type() != "argument_list" || len(args.NamedChildren()) == 0 || args.NamedChildren()[0] != c.Node {
			return false
		}
		runner := args.Parent()
		fn := runner.ChildByField("function")
		completes := pylib.CompletesArgument(calleeOf(m, runner))
		if fn != nil && fn.Type() == "attribute" {
			completes = completes || pylib.CompletingMethod(m.File.Text(fn.ChildByField("attribute")))
		}
		if !completes || c.Func == nil || !threadTarget(m, c.Func) {
			return false
		}
		runs++
	}
	return runs > 0
}

// threadTarget reports a function the module hands to a thread as the
// callable it runs (`threading.Thread(target=self._run)`; pylib's Offload
// APIs with a CallableKeyword), by its name.
func threadTarget(m *analysis.Module, g *analysis.Function) bool {
	if g.Async || g.Name == "" {
		return false
	}
	for _, c := range m.Calls {
		api, ok := pylib.Lookup(c.Callee)
		if !ok || !api.Has(pylib.Offload) || api.CallableKeyword == "" {
			continue
		}
		args := c.Node.ChildByField("arguments")
		if args == nil {
			continue
		}
		for _, a := range args.NamedChildren() {
			if a.Type() != "keyword_argument" || m.File.Text(a.ChildByField("name")) != api.CallableKeyword {
				continue
			}
			v := analysis.Unparen(a.ChildByField("value"))
			if v == nil {
				continue
			}
			// The target as the module resolves it; by name only when it
			// cannot be resolved and is written as `self.name` or `name`
			// (`other.run_loop` is another object's method).
			if r := m.Resolve(v); r.Func != nil {
				if r.Func == g {
					return true
				}
				continue
			}
			if v.Type() == "attribute" {
				if m.File.Text(v.ChildByField("object")) != "self" {
					continue
				}
				v = v.ChildByField("attribute")
			}
			if v.Type() == "identifier" && m.File.Text(v) == g.Name {
				return true
			}
		}
	}
	return false
}

// isDocstring reports a statement that is only a string literal.
func isDocstring(st *analysis.Node) bool {
	if st.Type() != "expression_statement" {
		return false
	}
	named := st.NamedChildren()
	return len(named) == 1 && named[0].Type() == "string"
}
