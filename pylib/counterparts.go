package pylib

import "sort"

// AsyncLibraries are the event-loop libraries advice and fixes are written
// for, in the order a module importing several is taken to use: asyncio
// (what advice and fixes are written in), then anyio (which also runs on
// trio), then trio.
var AsyncLibraries = []string{"asyncio", "anyio", "trio"}

// What advice written for asyncio names, in trio and anyio: a module that
// uses one of those libraries (and not asyncio) is told that library's API.
func init() {
	counterpart("asyncio.sleep", "trio.sleep", "anyio.sleep")
	counterpart("asyncio.to_thread", "trio.to_thread.run_sync", "anyio.to_thread.run_sync")
	// trio's and anyio's deadlines are plain (not async) context managers.
	counterpart("asyncio.timeout", "trio.fail_after", "anyio.fail_after")
	counterpart("asyncio.Event", "trio.Event", "anyio.Event")
	counterpart("asyncio.Lock", "trio.Lock", "anyio.Lock")
	counterpart("asyncio.Queue", "trio.open_memory_channel", "anyio.create_memory_object_stream")
	counterpart("asyncio.create_subprocess_exec", "trio.run_process", "anyio.run_process")
	// Advice names the API in a code span: the rest of the span says how.
	counterpart("asyncio.create_subprocess_shell", "trio.run_process` with `shell=True", "anyio.run_process` given a command `str")
	counterpart("aiofiles", "trio.open_file", "anyio.open_file")
	counterpart("asyncio.open_connection", "trio.open_tcp_stream", "anyio.connect_tcp")
	counterpart("loop.getaddrinfo", "trio.socket.getaddrinfo", "anyio.getaddrinfo")
	counterpart("loop.run_in_executor", "trio.to_thread.run_sync", "anyio.to_thread.run_sync")
	// A raw socket: trio's socket module has awaitable methods; anyio waits
	// for readiness and then uses the socket without blocking.
	counterpart("loop.sock_*", "trio.socket.*", "anyio.wait_socket_readable")
}

// counterparts holds one record per asyncio API (or event-loop method, as
// advice writes it: `loop.getaddrinfo`): its name in each other library.
// Kept apart from the API table, whose names are what code calls.
var counterparts = map[string]map[string]string{}

// counterpart records the trio and anyio names of an asyncio API.
func counterpart(asyncioName, trioName, anyioName string) {
	counterparts[asyncioName] = map[string]string{"trio": trioName, "anyio": anyioName}
}

// Counterpart returns the name of the asyncio API name in library lib
// ("trio", "anyio"), or "" when none is recorded.
func Counterpart(name, lib string) string {
	return counterparts[name][lib]
}

// CounterpartNames returns the asyncio names that have counterparts,
// longest first (so that a name is replaced before a prefix of it).
func CounterpartNames() []string {
	var out []string
	for n := range counterparts {
		out = append(out, n)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}
