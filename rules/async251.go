package rules

import "github.com/asyncls/asyncls/analysis"

// ASYNC251 reports time.sleep() in an async function.
var ASYNC251 = register(&Rule{
	Code:      "ASYNC251",
	Name:      "blocking-sleep",
	Summary:   `time.sleep() in an async function`,
	Rationale: "`time.sleep()` suspends the whole thread, and in a coroutine that thread is the event loop: no other task, callback or timer runs until it returns. `await asyncio.sleep()` suspends only the current task.",
	Bad: `import time

async def poll():
    time.sleep(1)`,
	Good: `import asyncio

async def poll():
    await asyncio.sleep(1)`,
	Severity:     Warning,
	Default:      true,
	QuietInTests: true,
	Fix:          "Replace a statement `time.sleep(x)` with `await asyncio.sleep(x)`, adding `import asyncio` when missing; in a module written for trio or anyio (and not asyncio) with `trio.sleep` or `anyio.sleep`, and in one mixing them not at all (safe: other tasks may now run during the pause, which is the point; nothing else changes).",
	Notes: "A module name bound nowhere in the file (`subprocess.run()` with no import) is read as that module, as in flake8-async; a name bound by the file (a local, a parameter, an attribute) is not, and after a star import an unbound name may be anything, so it is not read as a module either (a deliberate difference). Imports are followed: `from time import sleep` then " +
		"`sleep(5)` is reported (flake8-async does not track that import, and its tests say so). `time.sleep(0)` is not reported (nor followed through helpers by ASL201): it releases the GIL to other threads and returns at once, holding the loop no longer than any call; code calls it on purpose to let a thread it just fed run (cylc's scheduler). flake8-async reports it; its tests have no such case. Nor is a sleep that a new loop's main coroutine makes before it first suspends (a coroutine defined in a synchronous function that only runs it with `asyncio.run(main())`, or a script's module-level `main()` that only its `if __name__ == \"__main__\":` runs so; testdata `script_main_before_first_await.py`), or that a web framework's start-up hook makes before it first suspends when it runs first, before the server serves (Quart's first `before_serving` function; testdata `startup_hooks.py`): nothing else runs on that loop yet (see ASL202's notes on guards; a deliberate difference from flake8-async). " +
		"Nor is a sleep whose statement is followed at once by `os._exit()` or `os.abort()` (jupyterlab's browser check: " +
		"`time.sleep(2)` to let output flush, then `os._exit(result)`): no task of the loop runs again, so none waits for " +
		"it; this applies to every blocking rule (`sys.exit()` raises, and the loop's tasks then still run their cleanup, so " +
		"a sleep before it is reported; testdata `right_before_the_process_ends.py`; a deliberate difference from flake8-async). " +
		"Like every blocking rule it checks generator-based coroutines too (`@asyncio.coroutine` defs, Python before 3.11), " +
		"whose bodies run on the loop like an async def's; there the advice says `yield from asyncio.sleep(...)` and no fix " +
		"is offered (`await` is a syntax error in them; testdata `generator_based_coroutines.py`).",
	NonBlocking: sleepsZero,
	Requires:    []Fact{blockingCalls, blockingDelays},
	Run:         runBlockingSleep,
})

// sleepsZero reports `time.sleep(0)`: it only lets other threads take the
// GIL and returns at once, so it does not hold the event loop (code calls
// it exactly to yield to a thread it just fed).
func sleepsZero(_ *analysis.Project, m *analysis.Module, c *analysis.Call, _ string) bool {
	args := c.Node.ChildByField("arguments")
	if args == nil {
		return false
	}
	named := args.NamedChildren()
	if len(named) != 1 {
		return false
	}
	switch m.File.Text(named[0]) {
	case "0", "0.0", "0.", "0e0":
		return true
	}
	return false
}

// runBlockingSleep reports the calls of this family made directly in a
// coroutine: the library table's entries with Code ASYNC251 (pylib), as the
// blockingCalls fact classifies them.
func runBlockingSleep(p *Pass) {
	for _, b := range directBlocking(p, "ASYNC251") {
		p.Report(b.Call.Node, blockingMessage(p, b), WithFix(sleepFix(p, b.Call)))
	}
}

// sleepFix rewrites a statement `time.sleep(x)` in a coroutine as
// `await asyncio.sleep(x)` (trio.sleep, anyio.sleep in a module written for
// that library), importing the library when needed.
func sleepFix(p *Pass, c *analysis.Call) *Fix {
	if c.Usage != analysis.UsageDropped || !c.InAsync() {
		return nil
	}
	aio, _, imp, ok := libraryRef(p, c.Node)
	if !ok {
		return nil
	}
	args := c.Node.ChildByField("arguments")
	if args == nil {
		return nil
	}
	edits := []Edit{{Start: int(c.Node.Start), End: int(args.Start), New: "await " + aio + ".sleep"}}
	if imp != nil {
		edits = append(edits, *imp)
	}
	return &Fix{Title: "Use `await " + aio + ".sleep(...)`", Safe: true, Edits: edits}
}
