package rules

// ASYNC231 reports blocking os.fdopen() in an async function.
var ASYNC231 = register(&Rule{
	Code:      "ASYNC231",
	Name:      "blocking-fdopen-call",
	Summary:   `Blocking os.fdopen() in an async function`,
	Rationale: "`os.fdopen` wraps a descriptor in a synchronous file object; its use blocks the event loop just as `open()` does.",
	Bad: `import os

async def wrap(fd):
    return os.fdopen(fd)`,
	Good: `import asyncio, os

async def wrap(fd):
    return await asyncio.to_thread(os.fdopen, fd)`,
	Severity:                Warning,
	Default:                 false,
	QuietInTests:            true,
	QuietInCommandLineTools: true,
	Fix:                     toThreadFixDoc,
	Notes: "Off by default, a deliberate difference from flake8-async (which reports it by default): `os.fdopen` " +
		"wraps a descriptor that is already open, with no read or write (at most an `fstat`), so the call itself " +
		"does not wait; the file object's `read()`/`write()` do, and ASYNC232 reports those. On 38 real async " +
		"packages each finding was a pipe or socket descriptor wrapped for a protocol (none a maintainer would " +
		"change). Enable it with `extend-select = [\"ASYNC231\"]`; ASL201 then also follows it through helpers.",
	Requires: []Fact{blockingCalls, blockingDelays},
	Run:      runBlockingFdopenCall,
})

// runBlockingFdopenCall reports the calls of this family made directly in a
// coroutine: the library table's entries with Code ASYNC231 (pylib), as the
// blockingCalls fact classifies them.
func runBlockingFdopenCall(p *Pass) {
	reportDirectBlocking(p, "ASYNC231")
}
