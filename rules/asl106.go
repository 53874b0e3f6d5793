package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
)

// ASL106 reports non-thread-safe loop/future methods called from executor threads.
var ASL106 = register(&Rule{
	Code:    "ASL106",
	Name:    "loop-call-from-thread",
	Summary: "Event-loop or future method that is not thread-safe called from a function run in a thread",
	Rationale: "A function handed to `loop.run_in_executor()`, `asyncio.to_thread()`, `ThreadPoolExecutor.submit()` or " +
		"`threading.Thread(target=...)` " +
		"runs in another thread. The event loop and its futures are not thread-safe: `loop.call_soon()`, " +
		"`loop.create_task()`, `fut.set_result()` or `queue.put_nowait()` called from there may corrupt the loop's state or " +
		"sit unnoticed until something else wakes the loop. Use the thread-safe entry points: " +
		"`loop.call_soon_threadsafe(...)` and `asyncio.run_coroutine_threadsafe(coro, loop)`.",
	Bad: `import asyncio

def produce(loop, fut):
    result = compute()
    fut.set_result(result)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    await loop.run_in_executor(None, produce, loop, fut)`,
	Good: `import asyncio

def produce(loop, fut):
    result = compute()
    loop.call_soon_threadsafe(fut.set_result, result)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    await loop.run_in_executor(None, produce, loop, fut)`,
	Severity:  Error,
	Default:   true,
	CrossFile: true,
	Notes: "Follows the function handed over (a function or method of the project, a lambda, or `functools.partial(f, " +
		"...)`) and the synchronous helpers it calls, across modules. Reported methods: `call_soon`, `call_later`, " +
		"`call_at`, `create_task`, `set_result`, `set_exception` on any receiver except a `concurrent.futures.Future` " +
		"(whose methods are thread-safe), `asyncio.create_task`/`ensure_future`, and `put_nowait`/`set` on an " +
		"`asyncio.Queue`/`asyncio.Event`. A thread function that creates or runs its own event loop (`new_event_loop`, " +
		"`set_event_loop`, `asyncio.run`, `run_until_complete`, `run_forever`) owns that loop and is not reported.",
	Run: runLoopCallFromThread,
})

var threadUnsafeMethods = map[string]string{
	"call_soon":     "use `loop.call_soon_threadsafe(...)`",
	"call_later":    "use `loop.call_soon_threadsafe(loop.call_later, ...)`",
	"call_at":       "use `loop.call_soon_threadsafe(loop.call_at, ...)`",
	"create_task":   "use `asyncio.run_coroutine_threadsafe(coro, loop)`",
	"set_result":    "use `loop.call_soon_threadsafe(fut.set_result, value)`",
	"set_exception": "use `loop.call_soon_threadsafe(fut.set_exception, exc)`",
}

// threadUnsafe returns advice when call c must not run outside the loop's thread.
func threadUnsafe(m *analysis.Module, c *analysis.Call) string {
	name := c.Callee
	if name == "" {
		name = calleeOf(m, c.Node)
	}
	switch name {
	case "asyncio.create_task", "asyncio.ensure_future":
		return "use `asyncio.run_coroutine_threadsafe(coro, loop)`"
	case "asyncio.Queue.put_nowait", "asyncio.Event.set":
		return "use `loop.call_soon_threadsafe(...)`"
	}
	meth := c.Method(m.File)
	advice, ok := threadUnsafeMethods[meth]
	if !ok {
		return ""
	}
	recv := c.Node.ChildByField("function").ChildByField("object")
	t := receiverType(m, recv, 0)
	if strings.HasPrefix(t, "concurrent.futures.") || strings.HasPrefix(name, "concurrent.futures.") {
		return ""
	}
	return advice
}

func runLoopCallFromThread(p *Pass) {
	funcs := funcByNode(p.Module)
	direct := func(m *analysis.Module, c *analysis.Call) bool { return threadUnsafe(m, c) != "" }
	for _, c := range p.Module.Calls {
		name := c.Callee
		if name == "" {
			name = calleeOf(p.Module, c.Node)
		}
		var fnArg *analysis.Node
		via := ""
		switch {
		case name == "asyncio.to_thread" || name == "asyncio.threads.to_thread":
			fnArg, via = c.Positional(0), "asyncio.to_thread"
		case c.Method(p.File) == "run_in_executor":
			fnArg, via = c.Positional(1), "run_in_executor"
		case name == "threading.Thread":
			fnArg, via = c.Keyword("target", p.File), "threading.Thread"
		case name == "concurrent.futures.ThreadPoolExecutor.submit" || name == "concurrent.futures.Executor.submit" ||
			(c.Method(p.File) == "submit" && receiverType(p.Module, c.Node.ChildByField("function").ChildByField("object"), 0) == "concurrent.futures.ThreadPoolExecutor"):
			fnArg, via = c.Positional(0), "ThreadPoolExecutor.submit"
		default:
			continue
		}
		fnArg = analysis.Unparen(fnArg)
		if fnArg == nil {
			continue
		}
		if fnArg.Type == "call" && calleeOf(p.Module, fnArg) == "functools.partial" {
			fnArg = analysis.Unparen(firstArg(fnArg))
			if fnArg == nil {
				continue
			}
		}
		var target *analysis.Function
		if fnArg.Type == "lambda" {
			target = funcs[fnArg]
		} else {
			r := p.Module.Resolve(fnArg)
			target = r.Func
			if target == nil && r.Name != "" && p.Project != nil {
				target = p.Project.Lookup(r.Name).Func
			}
		}
		if target == nil || target.Async {
			continue
		}
		if p.Project.Reach("runs-own-loop", target, runsOwnLoop) != nil {
			continue // the thread runs its own event loop, to which these calls belong
		}
		chain := p.Project.Reach("thread-unsafe-loop-call", target, direct)
		if chain == nil {
			continue
		}
		last := chain[len(chain)-1]
		lm := last.Func.Module()
		advice := threadUnsafe(lm, last.Call)
		shown := lm.File.Text(last.Call.Node.ChildByField("function"))
		p.Report(fnArg, "`"+p.File.Text(fnArg)+"` runs in another thread (via "+via+") and calls `"+shown+"()`, which is not "+
			"thread-safe: "+advice, WithRelated(chainRelated(chain)...))
	}
}

// runsOwnLoop reports calls that create or run an event loop in the current
// thread: a thread doing so owns that loop and may call its methods.
func runsOwnLoop(m *analysis.Module, c *analysis.Call) bool {
	name := c.Callee
	if name == "" {
		name = calleeOf(m, c.Node)
	}
	switch name {
	case "asyncio.run", "asyncio.new_event_loop", "asyncio.set_event_loop", "asyncio.Runner":
		return true
	}
	switch c.Method(m.File) {
	case "run_until_complete", "run_forever", "run_sync":
		return true
	}
	return false
}
