package pylib

// LoopThreadHandler is a decorator of a framework that makes the framework
// call the plain (synchronous) def it decorates on the event loop's thread:
// a web framework's request handler, unless the decorator is told to run
// it in a worker thread, or a function a framework marks as safe to run
// in its loop (Home Assistant's `@callback`). A blocking call in such a
// function stalls the loop as it would in a coroutine.
type LoopThreadHandler struct {
	// Framework is how messages name the framework.
	Framework string
	// ThreadKeyword is the decorator's keyword argument that, set to True,
	// runs a synchronous handler in a thread pool instead ("": none).
	ThreadKeyword string
	// Where says, after the function's name in backquotes, what the
	// function is and where it runs (", a synchronous Litestar request
	// handler that ..."); Advice, after a semicolon, how to keep the
	// blocking work off the loop; Registered is the related information
	// at the decorator.
	Where, Advice, Registered string
	Note                      string
}

var loopThreadHandlers = map[string]*LoopThreadHandler{}

// LoopThreadHandlerOf returns the record of a handler decorator by its
// qualified name, or nil.
func LoopThreadHandlerOf(name string) *LoopThreadHandler {
	if h, ok := loopThreadHandlers[name]; ok {
		return h
	}
	if orig, _, ok := forkOf(name); ok {
		return loopThreadHandlers[orig]
	}
	return nil
}

func init() {
	// Litestar's route handler decorators (litestar docs, "Route handlers",
	// https://docs.litestar.dev/2/usage/routing/handlers.html, "Synchronous
	// and asynchronous callables": "using a synchronous function which
	// perform blocking operations, such as I/O or computationally intensive
	// tasks, can potentially block the main thread running the event loop,
	// and in turn block the whole application. To mitigate this, the
	// sync_to_thread parameter can be set to True, which will result in the
	// function being run in a thread pool. ... If a synchronous function is
	// passed, without setting an explicit sync_to_thread value, a warning
	// will be raised"; the unset value runs it on the loop, as False does).
	litestar := &LoopThreadHandler{Framework: "Litestar", ThreadKeyword: "sync_to_thread",
		Where: ", a synchronous Litestar request handler that Litestar calls on the event loop's thread (its " +
			"decorator does not pass `sync_to_thread=True`)",
		Advice:     "pass `sync_to_thread=True` to the decorator to run it in a thread pool",
		Registered: "registered here without `sync_to_thread=True`",
		Note:       "docs.litestar.dev/2/usage/routing/handlers.html: a synchronous handler runs on the event loop's thread unless sync_to_thread=True"}
	for _, pkg := range []string{"litestar", "litestar.handlers", "litestar.handlers.http_handlers", "litestar.handlers.http_handlers.decorators"} {
		for _, verb := range []string{"get", "post", "put", "patch", "delete", "head", "route"} {
			loopThreadHandlers[pkg+"."+verb] = litestar
		}
	}
}

// The MCP Python SDK 1.x's FastMCP (`mcp.server.fastmcp`) calls a
// synchronous tool function inline, on the event loop's thread:
// `Tool.run` awaits `FuncMetadata.call_fn_with_arg_validation`, which ends
// `if fn_is_async: return await fn(**arguments_parsed_dict)` / `else:
// return fn(**arguments_parsed_dict)`, no worker thread
// (modelcontextprotocol/python-sdk, src/mcp/server/fastmcp/utilities/func_metadata.py;
// python-sdk#1646 asks why a sync `@mcp.tool` "will block the whole running
// loop instead of using to_thread()"). The module path names the version:
// mcp 2.x removed `mcp.server.fastmcp` (its MCPServer runs sync tools on
// worker threads), and the standalone `fastmcp` package, whose newer
// releases also run them in a thread pool, is not this record.
func init() {
	h := &LoopThreadHandler{Framework: "the MCP SDK's FastMCP",
		Where: ", a synchronous tool of the MCP SDK's FastMCP, which calls a plain `def` tool on the event loop's " +
			"thread (mcp 1.x)",
		Advice:     "make the tool `async def` and run the blocking work with `await anyio.to_thread.run_sync(...)` (or `asyncio.to_thread`)",
		Registered: "registered here as a FastMCP tool",
		Note: "python-sdk src/mcp/server/fastmcp/utilities/func_metadata.py: call_fn_with_arg_validation calls a sync tool " +
			"with `return fn(**arguments_parsed_dict)`, inline on the loop (mcp 1.x; mcp 2.x removed mcp.server.fastmcp)"}
	for _, server := range []string{"mcp.server.fastmcp.FastMCP", "mcp.server.fastmcp.server.FastMCP"} {
		loopThreadHandlers[server+".tool"] = h
	}
}

// Sanic calls a route handler, sync or async, on its event loop and awaits
// the result only when it is awaitable (sanic/app.py handle_request:
// `response = handler(request, **request.match_info)` then `if
// isawaitable(response): response = await response`); its guide
// ("Handlers", "A word about async...") shows a synchronous handler's
// `time.sleep(0.1)` cutting four workers to about 32 requests a second.
// Middleware registered with `@app.middleware`/`on_request`/`on_response`
// is run the same way (`_run_request_middleware`: `response =
// middleware(request)`, awaited when awaitable). A class-based view's verb
// methods are called by HTTPMethodView.dispatch_request the same way
// (loop_thread_methods.go).
func init() {
	h := &LoopThreadHandler{Framework: "Sanic",
		Where:      ", a synchronous Sanic handler, which Sanic calls on its event loop and awaits only when it returns an awaitable",
		Advice:     "make it `async def` and run the blocking work with `await asyncio.to_thread(...)` (or an async client)",
		Registered: "registered here as a Sanic handler",
		Note:       "sanic/app.py handle_request calls the handler inline and awaits only an awaitable result (Sanic guide, \"Handlers\")"}
	for _, owner := range []string{"sanic.Sanic", "sanic.app.Sanic", "sanic.Blueprint", "sanic.blueprints.Blueprint"} {
		for _, verb := range []string{"route", "get", "post", "put", "patch", "delete", "head", "options",
			"middleware", "on_request", "on_response"} {
			loopThreadHandlers[owner+"."+verb] = h
		}
	}
	loopThreadMethods = append(loopThreadMethods, &LoopThreadMethods{Handler: h,
		Bases: []string{"sanic.views.HTTPMethodView"},
		Names: []string{"get", "post", "put", "patch", "delete", "head", "options"}})
	LibraryBases["sanic.HTTPMethodView"] = []string{"sanic.views.HTTPMethodView"}
}
