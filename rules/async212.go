package rules

// ASYNC212 reports blocking call on a synchronous httpx.Client in an async function.
var ASYNC212 = register(&Rule{
	Code:      "ASYNC212",
	Name:      "blocking-http-call-httpx",
	Summary:   `Blocking call on a synchronous httpx.Client in an async function`,
	Rationale: "`httpx.Client` is the synchronous client: its `get`, `post`, `send`, `stream`... block the event loop. httpx ships `httpx.AsyncClient` with the same API.",
	Bad: `import httpx

async def fetch(url):
    with httpx.Client() as client:
        return client.get(url)`,
	Good: `import httpx

async def fetch(url):
    async with httpx.AsyncClient() as client:
        return await client.get(url)`,
	Severity:     Warning,
	Default:      true,
	QuietInTests: true,
	Fix:          toThreadFixDoc,
	Notes: "As in flake8-async, a module name bound nowhere in the file (`httpx.Client()` with no import) is read as " +
		"that module. Calls on urllib3's pools are reported once, as ASYNC211, whatever is known of the pool's type; " +
		"flake8-async also reports any method of a pool whose type an annotation gives as ASYNC212, on top of its " +
		"ASYNC211 for the same call. Names are resolved, so `from httpx import Client` then `Client()` is followed " +
		"(flake8-async's tests list it as not implemented); a module-level name given two types (`glob_client = " +
		"httpx.Client()`, later `glob_client: int = 4`) has no known type, where flake8-async follows the statements " +
		"in order; and an annotation naming something bound nowhere (`Optional[httpx.Client]` with no import of " +
		"`Optional`, a NameError when the function is defined) is not read.",
	Requires: []Fact{blockingCalls, blockingDelays},
	Run:      runBlockingHTTPCallHttpx,
})

// runBlockingHTTPCallHttpx reports the calls of this family made directly in
// a coroutine: the library table's entries with Code ASYNC212 (pylib), as
// the blockingCalls fact classifies them.
func runBlockingHTTPCallHttpx(p *Pass) {
	reportDirectBlocking(p, "ASYNC212")
}
