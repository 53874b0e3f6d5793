package pylib

// LoopThreadHandler is a decorator of a web framework that registers the
// function it decorates as a request handler and, when that function is a
// plain (synchronous) def, calls it on the event loop's thread, unless the
// decorator is told to run it in a worker thread. A blocking call in such
// a handler stalls the loop as it would in a coroutine.
type LoopThreadHandler struct {
	// Framework is how messages name the framework.
	Framework string
	// ThreadKeyword is the decorator's keyword argument that, set to True,
	// runs a synchronous handler in a thread pool instead.
	ThreadKeyword string
	Note          string
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
		Note: "docs.litestar.dev/2/usage/routing/handlers.html: a synchronous handler runs on the event loop's thread unless sync_to_thread=True"}
	for _, pkg := range []string{"litestar", "litestar.handlers", "litestar.handlers.http_handlers", "litestar.handlers.http_handlers.decorators"} {
		for _, verb := range []string{"get", "post", "put", "patch", "delete", "head", "route"} {
			loopThreadHandlers[pkg+"."+verb] = litestar
		}
	}
}
