package pylib

// Libraries of job, workflow and pipeline runners (bench/realbugs82): Ray's
// object store waits, Dask distributed's RPC objects, and the Django
// querysets that a runner's async activity evaluates.

// SliceTypes gives, for a library type, the type of a slice of one of its
// instances (`qs[a:b]`, `qs[n:]`): Django's QuerySet "Slicing an unevaluated
// QuerySet usually returns another unevaluated QuerySet" (Django docs,
// "QuerySet API reference", "When QuerySets are evaluated: Slicing"; only a
// slice with a step evaluates it, and an index `qs[0]` runs the query for
// one row).
var SliceTypes = map[string]string{}

// QueryOnIteration records the library types whose iteration runs a query
// (a Django QuerySet: "A QuerySet is evaluated when you first iterate over
// it", Django docs, "When QuerySets are evaluated"), with what to do instead
// in async code: a synchronous `for` over one, a comprehension's or a
// consuming builtin's (`list(qs)`), runs the query there.
var QueryOnIteration = map[string]string{}

func init() {
	// Django 4.1+ querysets support `async for` (QuerySet.__aiter__,
	// django/db/models/query.py); a synchronous iteration in a coroutine
	// raises SynchronousOnlyOperation (or, with the check turned off,
	// blocks the loop for the round trip).
	const queryset = "django.db.models.QuerySet"
	SliceTypes[queryset] = queryset
	QueryOnIteration[queryset] = "Django raises SynchronousOnlyOperation for it in async code: iterate it with `async for`, " +
		"or evaluate it in `sync_to_async` (`await sync_to_async(list)(qs)`)"

	// Ray (ray-project/ray python/ray/_private/worker.py: `def get(object_refs,
	// *, timeout=None)`, "This method blocks until the object corresponding
	// to the object ref is available in the local object store"; `def
	// wait(...)`, which waits for refs to be ready; in an async actor Ray
	// itself warns "Using blocking ray.get inside async actor. This blocks
	// the event loop. Please use `await` on object ref with asyncio.gather",
	// and its docs, "AsyncIO / Concurrency for Actors": "running blocking
	// ray.get or ray.wait inside async actor method is not allowed"). An
	// ObjectRef is awaitable (`await ref`, `await asyncio.gather(*refs)`),
	// which is the async twin. A zero timeout does not wait.
	const rayAlt = "await the object ref (`await ref`, `await asyncio.gather(*refs)`; `asyncio.wait` for `ray.wait`) " +
		"instead of blocking the event loop until the remote result is ready"
	serviceRequests("ASL202", rayAlt, "ray.get", "ray.wait", "ray._private.worker.get", "ray._private.worker.wait")
	for _, n := range []string{"ray.get", "ray.wait", "ray._private.worker.get", "ray._private.worker.wait"} {
		entry(n).Unblock = UnblockedByZeroTimeout
	}

	// Dask distributed's RPC object (distributed/core.py: `class rpc`, "Conveniently interact with a remote
	// server": `__getattr__` returns `send_recv_from_rpc`, an `async def`, so
	// `r.identity()` is a coroutine, as are `async def live_comm` and, since
	// distributed 2022.02, `async def close_rpc`; `close_comms` is a plain
	// method) and the Comm that `live_comm` gives (distributed/comm/core.py:
	// `async def read`, `async def write`, `async def close`; `abort` is
	// synchronous). Dask Gateway's client, dask-jobqueue and dask-yarn keep
	// an `rpc` to the scheduler as `scheduler_comm` (dask/dask-gateway#588:
	// `self.scheduler_comm.close_rpc()` was never awaited).
	const rpc, comm = "distributed.core.rpc", "distributed.comm.core.Comm"
	for _, r := range []string{rpc, "distributed.rpc"} {
		returns(r, rpc)
	}
	coroutinesOfAnyMethod(rpc, "close_comms", "__enter__", "__exit__", "__repr__")
	awaitReturns(rpc+".live_comm", comm)
	LibraryBases["distributed.comm.Comm"] = []string{comm}
	coroutineMethods(comm, "read", "write", "close")
	for _, c := range []string{"distributed.comm.connect", "distributed.comm.core.connect"} {
		coroutines(c)
		awaitReturns(c, comm)
	}
}
