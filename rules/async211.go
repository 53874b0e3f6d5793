package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

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
	Severity:     Warning,
	Default:      true,
	QuietInTests: true,
	Fix:          toThreadFixDoc,
	Notes: "Calls on a pool whose type is known (`urllib3.PoolManager()` in a local, an attribute or an annotation) are reported. " +
		"When the receiver's type is unknown, the call's shape is matched as flake8-async does: in a module that imports urllib3, " +
		"`.request()` / `.urlopen()` with an HTTP verb as the first argument. Receivers whose type is known to be something else " +
		"(for example an `aiohttp` session) are never matched, and an awaited call is never reported.",
	Requires: []Fact{blockingCalls, blockingDelays},
	Run:      runBlockingHTTPCallPool,
})

// runBlockingHTTPCallPool reports the calls of this family made directly in
// a coroutine: the library table's urllib3 pool methods (pylib, Code
// ASYNC211), and calls shaped like a pool request (urllib3PoolRequest,
// below), as the blockingCalls fact classifies them.
func runBlockingHTTPCallPool(p *Pass) {
	reportDirectBlocking(p, "ASYNC211")
}

// urllib3PoolRequest classifies a call with no known callee shaped like a
// urllib3 pool request: in a module that uses urllib3, an unknown object's
// .request("GET", ...) / .urlopen("GET", ...). The signature is all there is
// to go on (flake8-async's condition).
func urllib3PoolRequest(m *analysis.Module, c *analysis.Call) (blockingCall, bool) {
	if !pylib.Method(c.Method(m.File), pylib.PoolRequestMethod) || !importsUrllib3(m) {
		return blockingCall{}, false
	}
	first := c.Positional(0)
	if first == nil || first.Type() != "string" || !httpMethodStrings[strings.ToUpper(strings.Trim(m.File.Text(first), `"'`))] {
		return blockingCall{}, false
	}
	return blockingCall{Code: "ASYNC211", Instead: pylib.PoolAlt}, true
}

// httpMethodStrings are the first arguments that make x.request(...) /
// x.urlopen(...) likely an HTTP call.
var httpMethodStrings = map[string]bool{"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "HEAD": true, "OPTIONS": true}

// importsUrllib3 reports whether the module imports urllib3 or a part of it
// (asked once per module: every call of an unknown callee may ask).
func importsUrllib3(m *analysis.Module) bool {
	return m.Memo("imports-urllib3", func() any {
		for _, imp := range m.Imports {
			if imp.Qualified != "" && (pylib.Is(imp.Qualified, pylib.PoolRequests) || pylib.Within(imp.Qualified, pylib.PoolRequests)) {
				return true
			}
		}
		return false
	}).(bool)
}
