package rules

// ASYNC211 reports likely blocking HTTP call on a connection pool in an async function.
var ASYNC211 = register(&Rule{
	Code:      "ASYNC211",
	Name:      "blocking-http-call-pool",
	Summary:   `Likely blocking HTTP call on a connection pool in an async function`,
	Rationale: "`pool.request(\"GET\", url)` and `pool.urlopen(\"GET\", url)` are urllib3's synchronous pool API. When the receiver's type is unknown, the call's shape (an HTTP verb as the first argument) is what identifies it. The call blocks the event loop until the response arrives.",
	Bad: `async def fetch(pool, url):
    return pool.request("GET", url)`,
	Good: `import httpx

async def fetch(client: httpx.AsyncClient, url):
    return await client.get(url)`,
	Severity: Warning,
	Default:  true,
	Fix:      "Wrap the call as `await asyncio.to_thread(f, *args)`, importing asyncio when needed (unsafe: the callee then runs in another thread).",
	Notes:    "Only the call's signature is matched, as flake8-async does; receivers whose type is known (for example an `aiohttp` session) are never matched by this rule.",
	Run:      runBlocking,
})
