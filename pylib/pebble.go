package pylib

// Pebble (noxdafox/pebble), "threading and multiprocessing eye-candy"
// (corpus46's microblog.pub scrapes OpenGraph metadata with it).
//
// Its concurrent decorators (pebble documentation, "Concurrent Module"):
// `@concurrent.process(timeout=None)` "runs the decorated function in a
// concurrent process ... The decorated function returns a
// pebble.ProcessFuture object. If timeout is set, the process will be
// stopped once expired and the future object will raise a
// concurrent.futures.TimeoutError exception"; `@concurrent.thread` "runs
// the decorated function in a concurrent thread ... The decorated function
// returns a concurrent.futures.Future object" (README: `future =
// function(1, bar=2)`, `result = future.result()  # blocks until results are
// ready`). So a call of a function so decorated gives a
// concurrent.futures.Future, whose result() blocks (ASL202), and its body
// runs off the loop (RunsInThread: a worker thread or process). The
// decorated function is no class of Pebble's (the decorator returns a
// functools.wraps wrapper); the two type names below are this table's own,
// for the type of the object the decorator makes and its __call__.
// ProcessPool.schedule and ThreadPool.schedule give the same futures
// (pebble documentation: "schedule(function, args=(), kwargs={},
// timeout=None) Schedule a job within the Pool. Returns a
// concurrent.futures.Future" for ThreadPool, a ProcessFuture for
// ProcessPool). `pebble.asynchronous`'s decorators return asyncio futures
// instead ("Same code with AsyncIO support": `await function(1, bar=2)`) and
// are not recorded here.
const (
	pebbleProcessFunction = "pebble.concurrent.process()"
	pebbleThreadFunction  = "pebble.concurrent.thread()"
	pebbleProcessFuture   = "pebble.ProcessFuture"
)

func init() {
	LibraryBases[pebbleProcessFuture] = []string{"concurrent.futures.Future"}
	LibraryBases["pebble.common.ProcessFuture"] = []string{pebbleProcessFuture}
	decorates(pebbleProcessFunction, "pebble.concurrent.process")
	decorates(pebbleThreadFunction, "pebble.concurrent.thread")
	returns(pebbleProcessFunction+".__call__", pebbleProcessFuture)
	returns(pebbleThreadFunction+".__call__", "concurrent.futures.Future")
	threadDecorators["pebble.concurrent.process"] = true
	threadDecorators["pebble.concurrent.thread"] = true
	returns("pebble.ProcessPool.schedule", pebbleProcessFuture)
	returns("pebble.ThreadPool.schedule", "concurrent.futures.Future")
}
