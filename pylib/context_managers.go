package pylib

// Context managers that support only `async with` (ASL108): their classes
// define __aenter__/__aexit__ and no __enter__/__exit__, or an __enter__
// that raises, so `with x:` fails when it runs, whatever the code inside.
func init() {
	asyncWithOnly(
		// asyncio's locks lost their synchronous `with (yield from lock)`
		// protocol in Python 3.9 (asyncio-sync docs: "Changed in version
		// 3.9: Acquiring a lock using await lock or yield from lock and/or
		// with statement (with await lock, with (yield from lock)) was
		// removed. Use async with lock instead."); before 3.9 `with lock:`
		// raised RuntimeError too.
		"asyncio.Lock", "asyncio.Semaphore", "asyncio.BoundedSemaphore", "asyncio.Condition",
		"asyncio.locks.Lock", "asyncio.locks.Semaphore", "asyncio.locks.BoundedSemaphore", "asyncio.locks.Condition",
		// asyncio.timeout()/timeout_at() return an asyncio.Timeout, "an
		// asynchronous context manager" (asyncio-task docs, 3.11), and
		// TaskGroup is "an asynchronous context manager holding a group of
		// tasks".
		"asyncio.timeout", "asyncio.timeout_at", "asyncio.timeouts.timeout", "asyncio.timeouts.timeout_at",
		"asyncio.Timeout", "asyncio.timeouts.Timeout", "asyncio.TaskGroup", "asyncio.taskgroups.TaskGroup",
		// aiohttp.ClientSession.__enter__ raises TypeError("Use async with
		// instead") (aiohttp/client.py).
		"aiohttp.ClientSession", "aiohttp.client.ClientSession",
		// httpx.AsyncClient defines only __aenter__/__aexit__
		// (httpx/_client.py).
		"httpx.AsyncClient",
		// aiofiles.open returns an AiofilesContextManager with only
		// __aenter__/__aexit__ (aiofiles/base.py).
		"aiofiles.open",
		// trio's nursery, anyio's task group and both libraries' locks:
		// asynchronous context managers only (trio docs: "async with
		// trio.open_nursery() as nursery"; anyio: "async with
		// create_task_group() as tg", anyio.Lock "async with lock").
		"trio.open_nursery", "trio.Lock", "trio.StrictFIFOLock", "trio.Semaphore", "trio.Condition",
		"anyio.create_task_group", "anyio.Lock", "anyio.Semaphore", "anyio.Condition",
		// redis.asyncio's Lock (redis/asyncio/lock.py; aioredis 2's is
		// the same class) defines __aenter__/__aexit__ and no __enter__;
		// the client's `lock()` returns one (redis-py's synchronous Lock
		// is a plain context manager and is not listed).
		"redis.asyncio.lock.Lock", "aioredis.lock.Lock",
		"redis.asyncio.Redis.lock", "redis.asyncio.client.Redis.lock", "redis.asyncio.StrictRedis.lock",
		"aioredis.Redis.lock", "redis.asyncio.RedisCluster.lock",
		// aiosqlite: `connect()` returns a Connection (a threading.Thread)
		// that defines __await__ and __aenter__/__aexit__ and no
		// __enter__; the Connection's cursor()/execute*()/executescript()
		// are wrapped by aiosqlite.context.contextmanager into a Result
		// with __await__ and __aenter__/__aexit__ only; a Cursor has
		// __aenter__/__aexit__ only (aiosqlite/core.py, context.py,
		// cursor.py). `with aiosqlite.connect(p) as db:` raises before
		// the block runs.
		"aiosqlite.connect", "aiosqlite.Connection", "aiosqlite.core.Connection", "aiosqlite.Cursor",
		"aiosqlite.cursor.Cursor", "aiosqlite.Connection.cursor", "aiosqlite.Connection.execute",
		"aiosqlite.Connection.execute_insert", "aiosqlite.Connection.execute_fetchall",
		"aiosqlite.Connection.executemany", "aiosqlite.Connection.executescript",
		// asyncpg: create_pool() returns a Pool and Pool.acquire() a
		// PoolAcquireContext, each with __await__ and __aenter__/__aexit__
		// and no __enter__ (asyncpg/pool.py); Connection.transaction()
		// returns a Transaction with __aenter__/__aexit__ only
		// (asyncpg/transaction.py).
		"asyncpg.create_pool", "asyncpg.Pool", "asyncpg.pool.Pool", "asyncpg.Pool.acquire",
		"asyncpg.pool.Pool.acquire", "asyncpg.Connection.transaction", "asyncpg.connection.Connection.transaction",
		"asyncpg.transaction.Transaction",
		// Tortoise ORM: in_transaction() returns a TransactionContext,
		// which declares only __aenter__/__aexit__ ("A context manager
		// interface for transactions. It is returned from in_transaction";
		// tortoise/backends/base/client.py, tortoise/transactions.py).
		"tortoise.transactions.in_transaction", "tortoise.backends.base.client.TransactionContext",
	)
}

// contextlib's exit stacks enter a context manager for the caller and give
// back what entering it gives (Python docs, contextlib: ExitStack.
// enter_context "Enters a new context manager and adds its __exit__()
// method to the callback stack. The return value is the result of the
// context manager's own __enter__() method"; AsyncExitStack.
// enter_async_context is "Similar to ExitStack.enter_context() but expects
// an asynchronous context manager" and is a coroutine method):
// `self.session = await self.stack.enter_async_context(ClientSession(r, w))`
// holds the session, as `async with ClientSession(r, w) as session` does.
func init() {
	for _, stack := range []string{"contextlib.ExitStack", "contextlib.AsyncExitStack"} {
		returns(stack, stack)
		entry(stack + ".enter_context").EntersFirstArg = true
	}
	coroutineMethods("contextlib.AsyncExitStack", "enter_async_context", "aclose", "__aenter__", "__aexit__")
	entry("contextlib.AsyncExitStack.enter_async_context").EntersFirstArg = true
}

// asyncWithOnly marks types and context-manager factories that support
// only `async with`.
func asyncWithOnly(names ...string) {
	for _, n := range names {
		entry(n).AsyncWithOnly = true
	}
}

// AsyncWithOnly reports whether name (a type, or a function returning a
// context manager) supports only `async with`.
func AsyncWithOnly(name string) bool {
	a, ok := Lookup(name)
	return ok && a.AsyncWithOnly
}

// Context managers that support only a plain `with` (ASL111): their
// classes define __enter__/__exit__ and no __aenter__/__aexit__, so `async
// with x:` raises TypeError ("'Lock' object does not support the
// asynchronous context manager protocol") before its body runs. threading's
// locks, conditions and semaphores (threading docs, "Using locks,
// conditions, and semaphores in the with statement"; no __aenter__ in
// Lib/threading.py), contextlib's ExitStack and suppress (Lib/contextlib.py:
// AbstractContextManager only; AsyncExitStack is the asynchronous one), and
// concurrent.futures' executors (Executor.__enter__/__exit__ in
// Lib/concurrent/futures/_base.py).
func init() {
	for _, n := range []string{"threading.Lock", "threading.RLock", "threading.Condition", "threading.Semaphore",
		"threading.BoundedSemaphore", "contextlib.ExitStack", "contextlib.suppress",
		"concurrent.futures.ThreadPoolExecutor", "concurrent.futures.ProcessPoolExecutor",
		"concurrent.futures.thread.ThreadPoolExecutor", "concurrent.futures.process.ProcessPoolExecutor"} {
		entry(n).SyncWithOnly = true
	}
}

// SyncWithOnly reports whether name (a type, or a function returning a
// context manager) supports only a plain `with`.
func SyncWithOnly(name string) bool {
	a, ok := Lookup(name)
	return ok && a.SyncWithOnly
}
