package rules

// ASYNC211 reports likely blocking HTTP call on a connection pool in an async function.
var ASYNC211 = register(&Rule{
	Code:      "ASYNC211",
	Name:      "blocking-http-call-pool",
	Summary:   `Likely blocking HTTP call on a connection pool in an async function`,
	Rationale: "`pool.request(\"GET\", url)` and `pool.urlopen(\"GET\", url)` are urllib3's synchronous pool API (`PoolManager`, `HTTPConnectionPool`, `ProxyManager`). The call blocks the event loop until the response arrives.",
	Bad: `import urllib3

http = urllib3.PoolManager()

async def fetch(url):
    return http.request("GET", url)`,
	Good: `import httpx

async def fetch(client: httpx.AsyncClient, url):
    return await client.get(url)`,
	Severity: Warning,
	Default:  true,
	Fix:      "Wrap the call as `await asyncio.to_thread(f, *args)`, importing asyncio when needed; a call on the result of another call (`conn.execute(q).fetchall()`) as `await asyncio.to_thread(lambda: ...)`, so the whole chain runs in the thread (unsafe: the callee then runs in another thread).",
	Notes: "Calls on a pool whose type is known (`urllib3.PoolManager()` in a local, an attribute or an annotation) are reported. " +
		"When the receiver's type is unknown, the call's shape is matched as flake8-async does: in a module that imports urllib3, " +
		"`.request()` / `.urlopen()` with an HTTP verb as the first argument. Receivers whose type is known to be something else " +
		"(for example an `aiohttp` session) are never matched, and an awaited call is never reported.",
	Run: runBlocking,
})
