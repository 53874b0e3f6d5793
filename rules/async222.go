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
	Fix:          toThreadFixDoc,
	Notes:        ``,
	Requires:     []Fact{blockingCalls, blockingDelays},
	Run:          runBlockingProcessWait,
})

// runBlockingProcessWait reports the calls of this family made directly in a
// coroutine: the library table's entries with Code ASYNC222 (pylib), as the
// blockingCalls fact classifies them.
func runBlockingProcessWait(p *Pass) {
	reportDirectBlocking(p, "ASYNC222")
}
