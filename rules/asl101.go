package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASL101 reports event-loop entry points reachable from a coroutine.
var ASL101 = register(&Rule{
	Code:    "ASL101",
	Name:    "run-in-running-loop",
	Summary: "asyncio.run() or run_until_complete() reachable from a coroutine",
	Rationale: "A coroutine runs inside a running event loop. Starting another loop from there, directly or through " +
		"any number of synchronous helpers, fails at run time with `RuntimeError: asyncio.run() cannot be called from " +
		"a running event loop` (or `This event loop is already running`). It typically hides in a sync helper written " +
		"for scripts and later called from a web handler, a notebook or an agent framework.",
	Bad: `import asyncio

def load_user(uid):
    return asyncio.run(fetch_user(uid))

async def handler(uid):
    return load_user(uid)`,
	Good: `async def handler(uid):
    return await fetch_user(uid)`,
	Severity:  Error,
	Default:   true,
	CrossFile: true,
	Notes: "Reported at the call site inside the coroutine; the message names the chain of calls and related " +
		"information points at each hop, across modules. Code reached only from synchronous callers or module level " +
		"(`if __name__ == \"__main__\": asyncio.run(main())`) is not reported, nor is a helper handed by reference to " +
		"`asyncio.to_thread` / `run_in_executor`, which runs it in another thread, nor an entry point asked to run its " +
		"loop on a thread of its own (pylib's OwnThreadKeyword: prompt_toolkit's `Application.run(in_thread=True)`, " +
		"`PromptSession.prompt(in_thread=True)`; the terminal prompts of prompt_toolkit, InquirerPy's `execute()` and " +
		"questionary's `ask()` are reported otherwise, testdata `terminal_prompts_in_coroutine.py`). A module that calls `nest_asyncio.apply()` " +
		"(which makes nested loops legal) is exempt, as is a chain ending in such a module. Like ASL201's walk, this one follows only the branches the call can take: " +
		"a helper's `if connect:` left at its default `connect=False` (or passed a falsy literal), an `isinstance` test the " +
		"argument's known type cannot pass, or code that runs only when no loop is running, is not followed from that call. " +
		"A call matched only by its method name (`stream.run_until_complete()` on a receiver of unknown type) is not the loop's " +
		"when its value is awaited or handed to gather / wait_for / create_task (the loop's method returns the result, not an " +
		"awaitable), or when the project resolves it to an `async def` of its own.",
	Run: runRunInLoop,
})

func startsLoop(proj *analysis.Project, m *analysis.Module, c *analysis.Call) bool {
	if !isLoopEntry(proj, m, c) {
		return false
	}
	// A helper that first asks whether a loop is running is written for
	// both worlds (try: get_running_loop() except RuntimeError: asyncio.run(...)).
	return c.Func == nil || !checksRunningLoop(m, c.Func)
}

// isLoopEntry reports whether c starts an event loop, guarded or not: in a
// coroutine a loop is always running, so the guard cannot help. The callee
// is resolved through the project (a library object another module made:
// `self.agent = agent` from `app.llm`); a function the project defines
// under a library's name (a package `agents` of its own) is the project's,
// walked as such, not the library's loop starter.
func isLoopEntry(proj *analysis.Project, m *analysis.Module, c *analysis.Call) bool {
	if api, ok := loopAPI(proj, c); ok && api.Has(pylib.RefusesRunningLoop) && !api.Has(pylib.ByMethodName) {
		if api.OwnThreadKeyword != "" && keywordMayBeTrue(m, c, api.OwnThreadKeyword) {
			return false
		}
		// prompt_toolkit 2's `prompt(async_=True)` returned an awaitable.
		if api.AwaitableKeyword != "" && keywordMayBeTrue(m, c, api.AwaitableKeyword) {
			return false
		}
		return proj.ShadowingDefinition(c) == nil
	}
	// A method of the project that happens to share the name is not the loop's.
	if !loopRefusingMethods[c.Method(m.File)] || c.Target != nil {
		return false
	}
	return !coroutineMethodByUse(proj, c)
}

// onOwnThread reports whether call c passes keyword with a value that may
// be true (only a literal False, None or 0 is not): the keyword with which
// the API runs its loop on a thread of its own (pylib's OwnThreadKeyword:
// prompt_toolkit's `app.run(in_thread=True)`) or returns an awaitable
// (AwaitableKeyword: prompt_toolkit 2's `prompt(async_=True)`).
func keywordMayBeTrue(m *analysis.Module, c *analysis.Call, keyword string) bool {
	v := analysis.Unparen(c.Keyword(keyword, m.File))
	if v == nil {
		return false
	}
	switch m.File.Text(v) {
	case "False", "None", "0":
		return false
	}
	return true
}

// coroutineMethodByUse reports whether a call matched only by its method
// name (`stream.run_until_complete()` on a receiver of unknown type) is
// shown to be a coroutine method of that name rather than the event loop's:
// its value is awaited or handed to gather / create_task / wait_for (the
// loop's method returns the result, not an awaitable), or the project
// resolves it, in any module, to an `async def`.
func coroutineMethodByUse(proj *analysis.Project, c *analysis.Call) bool {
	if c.Usage == analysis.UsageAwaited || c.Usage == analysis.UsageScheduled {
		return true
	}
	f := proj.Target(c)
	return f != nil && f.Async
}

// loopAPI returns the library record of c's callee, resolved through the
// project: its name as the module writes it, or the canonical name of a
// module-level object of another module (`app.llm.agent.run_sync` ->
// pydantic_ai.Agent.run_sync).
func loopAPI(proj *analysis.Project, c *analysis.Call) (pylib.API, bool) {
	name := proj.Callee(c).Name
	if name == "" {
		return pylib.API{}, false
	}
	if api, ok := pylib.Lookup(name); ok {
		return api, true
	}
	return pylib.Lookup(proj.Canonical(name))
}

// loopRefusingMethods and runningLoopQuestions are the methods of those
// pylib roles matched by name on receivers of unknown type.
var (
	loopRefusingMethods  = methodNames(pylib.RefusesRunningLoop | pylib.ByMethodName)
	runningLoopQuestions = methodNames(pylib.AsksRunningLoop | pylib.ByMethodName)
)

// methodNames returns the method names of the APIs with every role in r.
func methodNames(r pylib.Role) map[string]bool {
	out := map[string]bool{}
	pylib.Each(r, func(a pylib.API) { out[a.Name[strings.LastIndexByte(a.Name, '.')+1:]] = true })
	return out
}

// checksRunningLoop reports whether f asks if an event loop is running.
func checksRunningLoop(m *analysis.Module, f *analysis.Function) bool {
	for _, c := range f.Calls {
		if api, ok := pylib.Lookup(c.Callee); ok && api.Has(pylib.AsksRunningLoop) && !api.Has(pylib.ByMethodName) {
			return true
		}
		if runningLoopQuestions[c.Method(m.File)] {
			return true
		}
	}
	return false
}

// appliesNestAsyncio reports whether module m calls nest_asyncio.apply(),
// which patches asyncio so that a nested run() works in a running loop.
func appliesNestAsyncio(m *analysis.Module) bool {
	for _, c := range m.Calls {
		if c.Callee != "" && pylib.Is(c.Callee, pylib.AllowsNestedLoops) {
			return true
		}
	}
	return false
}

func runRunInLoop(p *Pass) {
	if appliesNestAsyncio(p.Module) {
		return
	}
	for _, c := range p.Module.Calls {
		if !c.InAsync() {
			continue
		}
		if isLoopEntry(p.Project, p.Module, c) {
			advice := "await the coroutine instead"
			if api, ok := loopAPI(p.Project, c); ok && api.Instead != "" {
				advice = api.Instead
			}
			p.Report(c.Node, "`"+p.File.Brief(c.Node.ChildByField("function"))+"()` called in coroutine `"+c.Func.Name+
				"` raises RuntimeError: it cannot run while the event loop is running; "+advice)
			continue
		}
		target := p.Project.Target(c)
		if target == nil || target.Async || target.Lambda || target.Generator || returnsAwaitable(c) {
			continue
		}
		chain := p.Project.ReachOnLoop("starts-loop", c, target, func(m *analysis.Module, c *analysis.Call) bool {
			return startsLoop(p.Project, m, c)
		})
		if chain == nil {
			continue
		}
		last := chain[len(chain)-1].Call
		if appliesNestAsyncio(last.Func.Module()) {
			continue
		}
		lastName := last.Func.Module().File.Brief(last.Node.ChildByField("function"))
		p.Report(c.Node, "coroutine `"+c.Func.Name+"` reaches `"+lastName+"()` via "+describeChain(chain)+
			": it raises RuntimeError inside a running event loop; make the helpers async and await, or run them with asyncio.to_thread",
			WithRelated(chainRelated(chain)...))
	}
}
