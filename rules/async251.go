package rules

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
	Severity: Warning,
	Default:  true,
	Fix:      "Replace a statement `time.sleep(x)` with `await asyncio.sleep(x)`, adding `import asyncio` when missing (safe: other tasks may now run during the pause, which is the point; nothing else changes).",
	Notes:    "A module name bound nowhere in the file (`subprocess.run()` with no import) is read as that module, as in flake8-async; a name bound by the file (a local, a parameter, an attribute) is not, and after a star import an unbound name may be anything, so it is not read as a module either (a deliberate difference).",
	Run:      runBlocking,
})
