package rules

// ASYNC222 reports blocking wait for a process in an async function.
var ASYNC222 = register(&Rule{
	Code:      "ASYNC222",
	Name:      "blocking-process-wait",
	Summary:   `Blocking wait for a process in an async function`,
	Rationale: "`os.wait`, `os.waitpid` and friends block until a child exits, holding the event loop the whole time.",
	Bad: `import os

async def reap(pid):
    os.waitpid(pid, 0)`,
	Good: `import asyncio, os

async def reap(pid):
    await asyncio.to_thread(os.waitpid, pid, 0)`,
	Severity:     Warning,
	Default:      true,
	QuietInTests: true,
	Fix:          "Wrap the call as `await asyncio.to_thread(f, *args)`, importing asyncio when needed; a call on the result of another call (`conn.execute(q).fetchall()`) as `await asyncio.to_thread(lambda: ...)`, so the whole chain runs in the thread (unsafe: the callee then runs in another thread). In a module written for trio or anyio (and not asyncio): `await trio.to_thread.run_sync(f, *args)` (anyio's alike), with a lambda when the call has keyword arguments, which run_sync does not pass; a module mixing asyncio with them gets no fix.",
	Notes:        ``,
	Requires:     []Fact{blockingCalls, blockingDelays},
	Run:          runBlockingProcessWait,
})

// runBlockingProcessWait reports the calls of this family made directly in a
// coroutine: the library table's entries with Code ASYNC222 (pylib), as the
// blockingCalls fact classifies them.
func runBlockingProcessWait(p *Pass) {
	for _, b := range blockingCalls.of(p).InCoroutines() {
		if b.Code == "ASYNC222" {
			p.Report(b.Call.Node, blockingMessage(p, b), WithFix(toThreadFix(p, b.Call)))
		}
	}
}
