package rules

// ASYNC250 reports blocking input() in an async function.
var ASYNC250 = register(&Rule{
	Code:      "ASYNC250",
	Name:      "blocking-input",
	Summary:   `Blocking input() in an async function`,
	Rationale: "`input()` waits for a line on standard input while holding the event loop: every task stops until the user presses Enter.",
	Bad: `async def ask():
    return input("name? ")`,
	Good: `import asyncio

async def ask():
    return await asyncio.to_thread(input, "name? ")`,
	Severity:                Warning,
	Default:                 true,
	QuietInTests:            true,
	QuietInCommandLineTools: true,
	Fix:                     toThreadFixDoc,
	Notes:                   ``,
	Requires:                []Fact{blockingCalls, blockingDelays},
	Run:                     runBlockingInput,
})

// runBlockingInput reports the calls of this family made directly in a
// coroutine: the library table's entries with Code ASYNC250 (pylib), as the
// blockingCalls fact classifies them.
func runBlockingInput(p *Pass) {
	reportDirectBlocking(p, "ASYNC250")
}
