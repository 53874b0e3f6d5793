package rules

// ASYNC221 reports blocking run of a process in an async function.
var ASYNC221 = register(&Rule{
	Code:      "ASYNC221",
	Name:      "blocking-run-process",
	Summary:   `Blocking run of a process in an async function`,
	Rationale: "`subprocess.run`, `check_output`, `os.system` and friends wait for the child process to finish on the event loop's thread: nothing else runs meanwhile.",
	Bad: `import subprocess

async def build():
    subprocess.run(["make"])`,
	Good: `import asyncio

async def build():
    proc = await asyncio.create_subprocess_exec("make")
    await proc.wait()`,
	Severity:     Warning,
	Default:      true,
	QuietInTests: true,
	Fix:          "Wrap the call as `await asyncio.to_thread(f, *args)`, importing asyncio when needed; a call on the result of another call (`conn.execute(q).fetchall()`) as `await asyncio.to_thread(lambda: ...)`, so the whole chain runs in the thread (unsafe: the callee then runs in another thread). In a module written for trio or anyio (and not asyncio): `await trio.to_thread.run_sync(f, *args)` (anyio's alike), with a lambda when the call has keyword arguments, which run_sync does not pass; a module mixing asyncio with them gets no fix.",
	Notes:        "A module name bound nowhere in the file (`subprocess.run()` with no import) is read as that module, as in flake8-async; a name bound by the file (a local, a parameter, an attribute) is not, and after a star import an unbound name may be anything, so it is not read as a module either (a deliberate difference).",
	Requires:     []Fact{blockingCalls, blockingDelays},
	Run:          runBlockingRunProcess,
})

// runBlockingRunProcess reports the calls of this family made directly in a
// coroutine: the library table's entries with Code ASYNC221 (pylib), and
// os.spawn* in P_WAIT mode (osSpawnCall in async220.go), as the
// blockingCalls fact classifies them.
func runBlockingRunProcess(p *Pass) {
	for _, b := range blockingCalls.of(p).InCoroutines() {
		if b.Code == "ASYNC221" {
			p.Report(b.Call.Node, blockingMessage(p, b), WithFix(toThreadFix(p, b.Call)))
		}
	}
}
