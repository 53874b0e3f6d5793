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
	Notes:        "A module name bound nowhere in the file (`subprocess.run()` with no import) is read as that module, as in flake8-async; a name bound by the file (a local, a parameter, an attribute) is not, and after a star import an unbound name may be anything, so it is not read as a module either (a deliberate difference).",
	Requires:     []Fact{blockingCalls, blockingDelays},
	Run:          runBlockingSleep,
})

// runBlockingSleep reports the calls of this family made directly in a
// coroutine: the library table's entries with Code ASYNC251 (pylib), as the
// blockingCalls fact classifies them.
func runBlockingSleep(p *Pass) {
	for _, b := range blockingCalls.of(p).InCoroutines() {
		if b.Code == "ASYNC251" {
			p.Report(b.Call.Node, blockingMessage(p, b), WithFix(sleepFix(p, b.Call)))
		}
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
