package rules

// ASYNC210 reports blocking HTTP call in an async function.
var ASYNC210 = register(&Rule{
	Code:      "ASYNC210",
	Name:      "blocking-http-call",
	Summary:   `Blocking HTTP call in an async function`,
	Rationale: `A synchronous HTTP request (requests, urllib, urllib3, httpx's module functions) waits for the network on the event loop's thread. Every other task stalls until the response arrives, so one slow server freezes the whole program.`,
	Bad: `import requests

async def fetch(url):
    return requests.get(url).text`,
	Good: `import httpx

async def fetch(url):
    async with httpx.AsyncClient() as client:
        return (await client.get(url)).text`,
	Severity:     Warning,
	Default:      true,
	QuietInTests: true,
	Fix:          toThreadFixDoc,
	Notes: "Calls are recognised through imports and aliases (`import requests as r`), `requests.Session()` objects held in a local or in `self.<attr>`, and `with requests.Session() as s`. A module name bound nowhere in the file (`requests.get()` with no import) is read as that module, as in flake8-async (not after a star import, which may bind it to anything); a local variable called `requests` is not the library. flake8-async also reports the bare names `urlopen()` and " +
		"`request.urlopen()` when nothing binds them; asyncls reports them once imported from urllib (also through " +
		"`from urllib.request import *`): unbound they are not a module but a NameError.",
	Requires: []Fact{blockingCalls, blockingDelays},
	Run:      runBlockingHTTPCall,
})

// runBlockingHTTPCall reports the calls of this family made directly in a
// coroutine: the library table's entries with Code ASYNC210 (pylib), as the
// blockingCalls fact classifies them.
func runBlockingHTTPCall(p *Pass) {
	reportDirectBlocking(p, "ASYNC210")
}
