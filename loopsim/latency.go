package loopsim

import (
	"strings"

	"github.com/asyncls/asyncls/pylib"
)

// latencySource says where a latency came from; it sets how much the
// estimate can be trusted.
type latencySource string

const (
	srcUser    latencySource = "user setting"
	srcTable   latencySource = "built-in default"
	srcUnknown latencySource = "unknown awaitable, assumed instantaneous"
)

func (l latencySource) weight() float64 {
	switch l {
	case srcUser:
		return 1
	case srcTable:
		return 0.85
	}
	return 0.5
}

// DefaultLatency is the built-in table of awaited I/O latencies in seconds,
// by qualified name. Module prefixes (ending in ".") apply to any name
// under that module without an exact entry.
var DefaultLatency = map[string]float64{
	"aiohttp.ClientSession":            0,
	"aiohttp.ClientSession.get":        0.1,
	"aiohttp.ClientSession.post":       0.1,
	"aiohttp.ClientSession.put":        0.1,
	"aiohttp.ClientSession.patch":      0.1,
	"aiohttp.ClientSession.delete":     0.1,
	"aiohttp.ClientSession.head":       0.1,
	"aiohttp.ClientSession.request":    0.1,
	"aiohttp.ClientSession.close":      0,
	"aiohttp.request":                  0.1,
	"aiohttp.ClientResponse.text":      0.005,
	"aiohttp.ClientResponse.json":      0.005,
	"aiohttp.ClientResponse.read":      0.005,
	"aiohttp.":                         0.1,
	"httpx.AsyncClient":                0,
	"httpx.AsyncClient.get":            0.1,
	"httpx.AsyncClient.post":           0.1,
	"httpx.AsyncClient.put":            0.1,
	"httpx.AsyncClient.patch":          0.1,
	"httpx.AsyncClient.delete":         0.1,
	"httpx.AsyncClient.request":        0.1,
	"httpx.AsyncClient.send":           0.1,
	"httpx.AsyncClient.aclose":         0,
	"httpx.":                           0.1,
	"asyncpg.connect":                  0.02,
	"asyncpg.create_pool":              0.05,
	"asyncpg.Connection.fetch":         0.005,
	"asyncpg.Connection.fetchrow":      0.005,
	"asyncpg.Connection.fetchval":      0.005,
	"asyncpg.Connection.execute":       0.005,
	"asyncpg.Connection.close":         0.001,
	"asyncpg.Pool.fetch":               0.005,
	"asyncpg.Pool.fetchrow":            0.005,
	"asyncpg.Pool.fetchval":            0.005,
	"asyncpg.Pool.execute":             0.005,
	"asyncpg.Pool.acquire":             0.001,
	"asyncpg.":                         0.005,
	"aiosqlite.":                       0.001,
	"redis.asyncio.":                   0.001,
	"aioredis.":                        0.001,
	"motor.":                           0.005,
	"aiofiles.":                        0.001,
	"aiobotocore.":                     0.05,
	"openai.":                          1.0,
	"anthropic.":                       1.0,
	"asyncio.open_connection":          0.02,
	"asyncio.StreamReader.read":        0.01,
	"asyncio.StreamReader.readline":    0.01,
	"asyncio.StreamWriter.drain":       0.001,
	"asyncio.StreamWriter.wait_closed": 0,
	"asyncio.create_subprocess_exec":   0.01,
	"asyncio.create_subprocess_shell":  0.01,
}

// DefaultBlocking is the built-in table of synchronous calls that hold the
// loop (or a worker thread), in seconds.
var DefaultBlocking = map[string]float64{
	"requests.get":             0.1,
	"requests.post":            0.1,
	"requests.put":             0.1,
	"requests.patch":           0.1,
	"requests.delete":          0.1,
	"requests.head":            0.1,
	"requests.request":         0.1,
	"requests.Session.get":     0.1,
	"requests.Session.post":    0.1,
	"urllib.request.urlopen":   0.1,
	"httpx.get":                0.1,
	"httpx.post":               0.1,
	"httpx.Client.get":         0.1,
	"httpx.Client.post":        0.1,
	"subprocess.run":           0.05,
	"subprocess.call":          0.05,
	"subprocess.check_call":    0.05,
	"subprocess.check_output":  0.05,
	"os.system":                0.05,
	"sqlite3.connect":          0.001,
	"psycopg2.connect":         0.02,
	"socket.create_connection": 0.02,
}

var asyncModules = []string{"aiohttp.", "httpx.Async", "asyncpg.", "aiosqlite.", "redis.asyncio.", "aioredis.", "motor.", "aiofiles.", "aiobotocore.", "asyncio."}

// isAsyncQual reports whether a qualified name belongs to an async API.
func isAsyncQual(q string) bool {
	for _, m := range asyncModules {
		if strings.HasPrefix(q, m) {
			return true
		}
	}
	return false
}

// blockingLatency is the cost of a synchronous blocking call, or 0.
func blockingLatency(q string) float64 {
	return DefaultBlocking[q]
}

// blockingOf looks up a synchronous call: d < 0 means it blocks for an
// unknown time; ok is false when it is not known to block.
func (s *Sim) blockingOf(q string) (d float64, ok bool) {
	if d, ok := s.cfg.Blocking[q]; ok {
		return d, true
	}
	d, ok = DefaultBlocking[q]
	return d, ok
}

// latencyOf looks up an awaited call: user setting, exact table entry,
// module prefix, then unknown.
func (s *Sim) latencyOf(q string) (float64, latencySource) {
	if d, ok := lookupQual(s.cfg.Latency, q); ok {
		return d, srcUser
	}
	if d, ok := lookupQual(DefaultLatency, q); ok {
		return d, srcTable
	}
	return 0, srcUnknown
}

// exactLatency is like latencyOf but without module-prefix defaults (for
// entering "async with" on library objects such as sessions).
func (s *Sim) exactLatency(q string) (float64, latencySource, bool) {
	if d, ok := s.cfg.Latency[q]; ok {
		return d, srcUser, true
	}
	if d, ok := DefaultLatency[q]; ok {
		return d, srcTable, true
	}
	return 0, srcUnknown, false
}

func lookupQual(table map[string]float64, q string) (float64, bool) {
	if d, ok := table[q]; ok {
		return d, true
	}
	for p := q; ; {
		i := strings.LastIndexByte(p, '.')
		if i < 0 {
			return 0, false
		}
		p = p[:i]
		if d, ok := table[p+"."]; ok {
			return d, true
		}
	}
}

// returnType names the object an awaited library call produces.
func returnType(q string) string {
	if r := pylib.AwaitResult(q); r != "" {
		return r
	}
	return q + "()"
}

// HasAwaitLatency reports whether awaiting the qualified name q costs time
// in the simulation (a user setting or a table entry, exact or by module):
// other unknown awaitables are instantaneous.
func HasAwaitLatency(user map[string]float64, q string) bool {
	if _, ok := lookupQual(user, q); ok {
		return true
	}
	_, ok := lookupQual(DefaultLatency, q)
	return ok
}
