// Package pylib holds facts about Python libraries that both the semantic
// model (analysis) and the simulator (loopsim) use. It imports nothing, so
// the pure-Go simulator can share it without depending on the analysis.
package pylib

// AwaitResult maps an awaited library call (by qualified name; methods by
// the type of their receiver) to the type of the object it produces:
// `conn = await asyncpg.connect(...)` gives an asyncpg.Connection.
var AwaitResult = map[string]string{
	"aiohttp.ClientSession.delete":     "aiohttp.ClientResponse",
	"aiohttp.ClientSession.get":        "aiohttp.ClientResponse",
	"aiohttp.ClientSession.patch":      "aiohttp.ClientResponse",
	"aiohttp.ClientSession.post":       "aiohttp.ClientResponse",
	"aiohttp.ClientSession.put":        "aiohttp.ClientResponse",
	"aiohttp.ClientSession.request":    "aiohttp.ClientResponse",
	"aiohttp.ClientSession.ws_connect": "aiohttp.ClientWebSocketResponse",
	"aiohttp.request":                  "aiohttp.ClientResponse",
	"asyncio.create_subprocess_exec":   "asyncio.subprocess.Process",
	"asyncio.create_subprocess_shell":  "asyncio.subprocess.Process",
	"asyncio.start_server":             "asyncio.Server",
	"asyncpg.Pool.acquire":             "asyncpg.Connection",
	"asyncpg.connect":                  "asyncpg.Connection",
	"asyncpg.create_pool":              "asyncpg.Pool",
	"httpx.AsyncClient.get":            "httpx.Response",
	"httpx.AsyncClient.post":           "httpx.Response",
	"httpx.AsyncClient.request":        "httpx.Response",
}
