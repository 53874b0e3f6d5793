package pylib

// Library entry points that run an event loop to completion on the calling
// thread and refuse to start inside a running one (ASL101), beyond asyncio's
// own (structure.go).
func init() {
	// anyio.run raises RuntimeError "Already running asyncio in this
	// thread" when any event loop already runs in the thread (anyio API
	// reference, anyio.run: "Raises: RuntimeError – if an asynchronous event
	// loop is already running in this thread"; it asks sniffio first).
	with(RefusesRunningLoop, "anyio.run")

	// FastMCP servers: run() is the synchronous entry point, anyio.run over
	// the coroutine run_async() (fastmcp 2.x, FastMCP.run) or
	// run_stdio_async()/run_sse_async()/run_streamable_http_async() (the MCP
	// SDK's mcp.server.fastmcp.FastMCP.run), so inside a coroutine it raises
	// instead of serving; the coroutines are what an async main awaits
	// (gofastmcp.com, "Running your server": "use run_async() in async
	// contexts").
	sdk := []string{"mcp.server.fastmcp.FastMCP", "mcp.server.fastmcp.server.FastMCP"}
	for _, server := range sdk {
		returns(server, "mcp.server.fastmcp.FastMCP")
		coroutineMethods(server, "run_stdio_async", "run_sse_async", "run_streamable_http_async")
	}
	for _, server := range sdk {
		a := entry(server + ".run")
		a.Roles |= RefusesRunningLoop
		a.Instead = "await `run_stdio_async()` (or `run_sse_async()`, `run_streamable_http_async()`) instead"
	}
	for _, server := range []string{"fastmcp.FastMCP", "fastmcp.server.FastMCP", "fastmcp.server.server.FastMCP"} {
		a := entry(server + ".run")
		a.Roles |= RefusesRunningLoop
		a.Instead = "await `run_async()` instead"
	}
}
