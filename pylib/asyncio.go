package pylib

import "strings"

// asyncio's own APIs.
func init() {
	coroutines(prefixed("asyncio.", "sleep", "wait_for", "wait", "open_connection", "start_server", "open_unix_connection",
		"start_unix_server", "create_subprocess_exec", "create_subprocess_shell", "to_thread", "staggered_race",
		"timeout_at")...)
	coroutines("asyncio.tasks.sleep", "asyncio.tasks.wait_for", "asyncio.tasks.wait")
	// gather returns a future: the awaitables run as tasks, but a caller
	// that does not await it goes on before they finish and loses their
	// exceptions.
	with(Coroutine|Awaitable, "asyncio.gather", "asyncio.tasks.gather")
	coroutineMethods("asyncio.Lock", "acquire")
	coroutineMethods("asyncio.Semaphore", "acquire")
	coroutineMethods("asyncio.BoundedSemaphore", "acquire")
	coroutineMethods("asyncio.Event", "wait")
	coroutineMethods("asyncio.Condition", "wait", "wait_for", "acquire")
	coroutineMethods("asyncio.Queue", "get", "put", "join")
	coroutineMethods("asyncio.PriorityQueue", "get", "put", "join")
	coroutineMethods("asyncio.LifoQueue", "get", "put", "join")
	coroutineMethods("asyncio.Barrier", "wait", "abort", "reset")
	coroutineMethods("asyncio.TaskGroup", "__aenter__", "__aexit__")
	coroutineMethods("asyncio.Runner", "__aenter__")
	coroutineMethods("asyncio.StreamWriter", "drain", "wait_closed", "start_tls")
	coroutineMethods("asyncio.StreamReader", "read", "readline", "readexactly", "readuntil")
	coroutineMethods("asyncio.subprocess.Process", "wait", "communicate")
	coroutineMethods("asyncio.Server", "serve_forever", "wait_closed", "start_serving", "__aenter__", "__aexit__")
	coroutineMethods("asyncio.AbstractEventLoop", "sock_recv", "sock_recv_into", "sock_sendall", "sock_connect",
		"sock_accept", "sock_sendfile", "create_connection", "create_server", "create_unix_connection",
		"create_unix_server", "getaddrinfo", "getnameinfo", "shutdown_asyncgens", "shutdown_default_executor",
		"subprocess_exec", "subprocess_shell", "create_datagram_endpoint", "sendfile", "start_tls",
		"connect_read_pipe", "connect_write_pipe", "connect_accepted_socket")

	// Calls that await or schedule the awaitables handed to them.
	with(AwaitsArgs, "asyncio.gather", "asyncio.wait", "asyncio.wait_for", "asyncio.create_task", "asyncio.ensure_future",
		"asyncio.shield", "asyncio.run", "asyncio.as_completed", "asyncio.run_coroutine_threadsafe", "asyncio.Runner.run",
		"asyncio.tasks.gather", "asyncio.tasks.create_task", "asyncio.tasks.ensure_future", "asyncio.tasks.wait",
		"asyncio.tasks.shield", "asyncio.tasks.wait_for", "asyncio.AbstractEventLoop.run_until_complete",
		"asyncio.AbstractEventLoop.create_task", "asyncio.TaskGroup.create_task", "asyncio.wrap_future",
		"anyio.run", "trio.run", "anyio.abc.TaskGroup.start_soon", "anyio.abc.TaskGroup.start",
		"trio.Nursery.start_soon", "trio.Nursery.start")
	// Each of these takes every awaitable as an argument of its own; a
	// container handed whole raises TypeError (the asyncio docs,
	// "Coroutines and Tasks": `asyncio.gather(*aws, ...)` runs "awaitable
	// objects in the aws sequence", passed as *aws; `ensure_future(obj)`:
	// "TypeError is raised if obj is neither a coroutine, a Future, nor an
	// awaitable"; create_task, shield, wait_for, run and run_until_complete
	// take one coroutine or awaitable). asyncio.wait and as_completed take
	// an iterable of them and are not here.
	for _, n := range []string{"asyncio.gather", "asyncio.tasks.gather", "asyncio.create_task", "asyncio.tasks.create_task",
		"asyncio.ensure_future", "asyncio.tasks.ensure_future", "asyncio.wait_for", "asyncio.tasks.wait_for",
		"asyncio.shield", "asyncio.tasks.shield", "asyncio.run", "asyncio.run_coroutine_threadsafe", "asyncio.Runner.run",
		"asyncio.AbstractEventLoop.run_until_complete", "asyncio.AbstractEventLoop.create_task",
		"asyncio.TaskGroup.create_task"} {
		entry(n).AwaitablesOneByOne = true
	}
	with(TaskFactory, "asyncio.create_task", "asyncio.ensure_future", "asyncio.tasks.create_task",
		"asyncio.tasks.ensure_future", "asyncio.AbstractEventLoop.create_task")
	// (Event loops have no ensure_future method: `loop.ensure_future(coro)`
	// raises AttributeError and makes no task; engineio's __del__.)
	with(LoopStarter, "asyncio.run", "asyncio.Runner.run", "asyncio.AbstractEventLoop.run_until_complete",
		"asyncio.AbstractEventLoop.run_forever", "anyio.run", "trio.run")
	// asyncio.run(coro) "Execute the coroutine coro and return the result",
	// Runner.run(coro) "Run a coroutine coro in the embedded loop. Return
	// the coroutine's result", loop.run_until_complete(future) "Return the
	// Future's result or raise its exception" (the asyncio docs, "Runners"
	// and "Event Loop"): the call's value is what awaiting the argument
	// gives (`self.pool = loop.run_until_complete(asyncpg.create_pool(...))`
	// is a Pool).
	for _, n := range []string{"asyncio.run", "asyncio.runners.run", "asyncio.Runner.run",
		"asyncio.AbstractEventLoop.run_until_complete"} {
		entry(n).CompletesFirstArg = true
	}
	with(CallsBack, "signal.signal", "atexit.register", "threading.Thread", "threading.Timer",
		"asyncio.AbstractEventLoop.call_soon", "asyncio.AbstractEventLoop.call_soon_threadsafe",
		"asyncio.AbstractEventLoop.call_later", "asyncio.AbstractEventLoop.call_at",
		"asyncio.AbstractEventLoop.add_signal_handler", "asyncio.Future.add_done_callback", "asyncio.Task.add_done_callback")
	// A handle's _run() runs its callback synchronously; event-loop
	// integrations call it (qasync's `handle._run()` on handles it keeps in
	// a dict), so a project's own `async def _run` does not make every
	// `x._run()` a coroutine.
	returns("asyncio.Handle._run", "")
	returns("asyncio.TimerHandle._run", "")
	with(Offload, "asyncio.to_thread", "asyncio.threads.to_thread", "anyio.to_thread.run_sync",
		"trio.to_thread.run_sync", "starlette.concurrency.run_in_threadpool", "fastapi.concurrency.run_in_threadpool",
		"asgiref.sync.sync_to_async", "concurrent.futures.ThreadPoolExecutor.submit", "concurrent.futures.Executor.submit")
	entry("asyncio.threads.to_thread").Display = "asyncio.to_thread"
	for _, n := range []string{"concurrent.futures.ThreadPoolExecutor.submit", "concurrent.futures.Executor.submit"} {
		entry(n).Display = "ThreadPoolExecutor.submit"
	}
	// loop.run_in_executor(executor, fn, *args), matched by name on loops
	// of unknown type; threading.Thread(target=fn).
	with(Offload|ByMethodName, "asyncio.AbstractEventLoop.run_in_executor")
	entry("asyncio.AbstractEventLoop.run_in_executor").CallableArg = 1
	entry("asyncio.AbstractEventLoop.run_in_executor").Display = "run_in_executor"
	with(Offload, "threading.Thread")
	// Home Assistant's hass.async_add_executor_job(target, *args) runs its
	// target in the executor (async_add_job is not here: it schedules a
	// coroutine function itself).
	with(Offload|ByMethodName, "homeassistant.core.HomeAssistant.async_add_executor_job")
	entry("homeassistant.core.HomeAssistant.async_add_executor_job").Display = "async_add_executor_job"
	with(ReturnsFuture|ByMethodName, "asyncio.AbstractEventLoop.run_in_executor", "asyncio.AbstractEventLoop.create_future")
	with(ReturnsFuture, "asyncio.wrap_future", "asyncio.futures.wrap_future", "asyncio.gather", "asyncio.tasks.gather",
		"asyncio.shield", "asyncio.tasks.shield")
	entry("threading.Thread").CallableKeyword = "target"
	// Awaiting these gives what the callable returns (not sync_to_async,
	// which returns an async callable, nor an executor's submit, whose
	// concurrent Future is not awaitable, nor a Thread).
	for _, n := range []string{"asyncio.to_thread", "asyncio.threads.to_thread", "anyio.to_thread.run_sync",
		"trio.to_thread.run_sync", "starlette.concurrency.run_in_threadpool", "fastapi.concurrency.run_in_threadpool",
		"asyncio.AbstractEventLoop.run_in_executor", "homeassistant.core.HomeAssistant.async_add_executor_job"} {
		entry(n).ReturnsCallableResult = true
	}

	for name, typ := range map[string]string{
		"asyncio.get_event_loop": "asyncio.AbstractEventLoop", "asyncio.new_event_loop": "asyncio.AbstractEventLoop",
		"asyncio.get_running_loop": "asyncio.AbstractEventLoop", "asyncio.events.get_event_loop": "asyncio.AbstractEventLoop",
		"asyncio.Runner": "asyncio.Runner", "asyncio.TaskGroup": "asyncio.TaskGroup", "asyncio.Queue": "asyncio.Queue",
		"asyncio.PriorityQueue": "asyncio.Queue", "asyncio.LifoQueue": "asyncio.Queue",
		"asyncio.Lock": "asyncio.Lock", "asyncio.Event": "asyncio.Event", "asyncio.Semaphore": "asyncio.Semaphore",
		"asyncio.BoundedSemaphore": "asyncio.Semaphore", "asyncio.Condition": "asyncio.Condition",
		"asyncio.Barrier":                  "asyncio.Barrier",
		"asyncio.run_coroutine_threadsafe": "concurrent.futures.Future",
	} {
		returns(name, typ)
	}
	for name, typ := range map[string]string{
		"asyncio.create_subprocess_exec": "asyncio.subprocess.Process", "asyncio.create_subprocess_shell": "asyncio.subprocess.Process",
		"asyncio.start_server": "asyncio.Server", "asyncio.start_unix_server": "asyncio.Server",
		"asyncio.AbstractEventLoop.create_server": "asyncio.Server",
	} {
		awaitReturns(name, typ)
	}
	// open_connection and open_unix_connection "return a pair of (reader,
	// writer) objects ... instances of StreamReader and StreamWriter
	// classes" (the asyncio docs, "Streams").
	for _, n := range []string{"asyncio.open_connection", "asyncio.open_unix_connection"} {
		entry(n).AwaitUnpacks = []string{"asyncio.StreamReader", "asyncio.StreamWriter"}
	}
	for name, seconds := range map[string]float64{
		"asyncio.open_connection": 0.02, "asyncio.StreamReader.read": 0.01, "asyncio.StreamReader.readline": 0.01,
		"asyncio.StreamWriter.drain": 0.001, "asyncio.StreamWriter.wait_closed": 0, "asyncio.create_subprocess_exec": 0.01,
		"asyncio.create_subprocess_shell": 0.01,
	} {
		latency(name, seconds)
	}
}

// CallbackMethods are method names that call the callable they are given
// and discard its result, whatever their receiver (loop.call_soon,
// fut.add_done_callback): a coroutine function given to them never runs.
var CallbackMethods = map[string]bool{
	"call_soon": true, "call_soon_threadsafe": true, "call_later": true, "call_at": true, "add_signal_handler": true,
	"add_done_callback": true, "add_reader": true, "add_writer": true,
}

// CallbackSlots say where an API that calls its callback synchronously
// (CallsBack records, CallbackMethods) takes that callback, by the API's
// last name: the positional index (`loop.call_later(delay, callback,
// *args)`: 1); the arguments after it are the callback's own
// (`loop.call_soon(asyncio.ensure_future, coro)` hands coro to
// ensure_future). threading.Thread takes it as `target=` or second; the
// asyncio docs ("Scheduling callbacks", "Watching file descriptors", "Unix
// signals"), signal.signal(signalnum, handler), atexit.register(func,
// *args), threading.Timer(interval, function, args).
var CallbackSlots = map[string]int{
	"call_soon": 0, "call_soon_threadsafe": 0, "call_later": 1, "call_at": 1, "add_signal_handler": 1,
	"add_done_callback": 0, "add_reader": 1, "add_writer": 1, "signal": 1, "register": 0, "Thread": 1, "Timer": 1,
}

// AsyncCallableFactories make an async callable of the function they are
// given: calling the result makes a coroutine (asgiref's sync_to_async, a
// SyncToAsync instance, channels' database_sync_to_async).
var AsyncCallableFactories = map[string]bool{
	"asgiref.sync.sync_to_async": true, "asgiref.sync.SyncToAsync": true,
	"channels.db.database_sync_to_async": true,
}

// AsyncCallableType is the type of what an async-callable factory gives
// when it is handed the function (`sync_to_async(f)`,
// `database_sync_to_async(f)`): asgiref's SyncToAsync, whose
// `async def __call__(self, *args, **kwargs)` runs f in a thread
// (asgiref/sync.py; channels/db.py: `database_sync_to_async =
// DatabaseSyncToAsync`, a SyncToAsync subclass), so calling it at once
// (`sync_to_async(r.hdel)(key)`) makes a coroutine. Called with keyword
// options only (`sync_to_async(thread_sensitive=False)`) a factory gives a
// decorator instead.
const AsyncCallableType = "asgiref.sync.SyncToAsync"

func init() {
	coroutines(AsyncCallableType + ".__call__")
}

// RunsCallbackCoroutine are callback APIs named like the loop's that run
// the coroutine a callback returns as a task instead of dropping it:
// tornado's IOLoop passes every callback's result to gen.convert_yielded
// and add_future (IOLoop._run_callback).
var RunsCallbackCoroutine = map[string]bool{
	"tornado.ioloop.IOLoop.call_later": true, "tornado.ioloop.IOLoop.call_at": true,
	"tornado.ioloop.IOLoop.add_timeout": true, "tornado.ioloop.IOLoop.add_callback": true,
	"tornado.ioloop.IOLoop.spawn_callback": true,
}

// SchedulerMethods are method names that schedule an awaitable whatever
// their receiver (loop.create_task, tg.create_task, nursery.start_soon).
var SchedulerMethods = map[string]bool{
	"create_task": true, "ensure_future": true, "run_until_complete": true, "start_soon": true,
	"spawn": true, "run_coroutine_threadsafe": true,
}

// StreamCoroutineMethods are methods that are coroutines wherever they
// occur in the asyncio ecosystem (StreamWriter, Server, websockets,
// aiohttp), so a call on a receiver of unknown type (the writer handed to a
// start_server callback) still returns a coroutine. Only inside a
// coroutine: in synchronous code a `drain()` or `wait_closed()` is as
// likely a serial port's, a queue's or a thread pool's own method.
var StreamCoroutineMethods = map[string]bool{"drain": true, "wait_closed": true}

// AsyncResourceMethods are the I/O methods of the objects that async
// database libraries hand out through `async with`: SQLAlchemy's
// AsyncSession and AsyncConnection (execute, scalar, scalars, refresh,
// commit, rollback, flush, merge, run_sync, stream are `async def` in
// sqlalchemy/ext/asyncio/session.py and engine.py), asyncpg's Connection
// from `pool.acquire()` (fetch, fetchrow, fetchval, execute, executemany),
// aiosqlite's, aiomysql's and aiopg's connections and cursors (execute,
// fetchone, fetchall, fetchmany, commit), databases' (fetch_all,
// fetch_one, fetch_val). A name bound by `async with X as name` is an
// asynchronous resource, so when X is of a type the model cannot follow
// (`async with engine.connect() as conn` with the engine made in a module
// not in the run) a call of one of these methods on it inside a coroutine
// returns a coroutine. Generic names (get, close, delete, add) are not
// here: a settings mapping yielded by an async context manager has a get,
// and AsyncSession.add is synchronous.
var AsyncResourceMethods = map[string]bool{
	"execute": true, "executemany": true, "fetch": true, "fetchrow": true, "fetchval": true,
	"fetchone": true, "fetchall": true, "fetchmany": true, "fetch_all": true, "fetch_one": true, "fetch_val": true,
	"commit": true, "rollback": true, "refresh": true, "flush": true, "scalar": true, "scalars": true,
	"run_sync": true, "stream": true, "merge": true}

// AsyncGeneratorMethods are the methods of the asynchronous generator
// protocol (PEP 525; CPython's Objects/genobject.c, async_gen_methods:
// asend, athrow and aclose each return an awaitable that does nothing
// until it is awaited: `agen.aclose()` left un-awaited neither runs the
// generator's `finally` nor closes what its `async with` holds). Only
// these three: `__anext__` is called through `async for` and `anext()`.
// A name whose value is an async generator object (bound to a call of the
// project's async generator function, or iterated by an `async for` of the
// same function when its type is unknown: an async iterator's `aclose` is
// this protocol's, as anyio's and the async libraries' streams' are
// coroutines too) calls one of them for an awaitable.
var AsyncGeneratorMethods = map[string]bool{"asend": true, "athrow": true, "aclose": true}

// AsyncTwinMethods are LLM frameworks' names for the async twin of a call,
// an `a` prefix, on objects whose type an application rarely annotates
// (`llm = ChatOpenAI(...)` built in another module, a chain from `|`, an
// agent from `create_agent(...)`, a query engine from
// `index.as_query_engine()`): LangChain's and LangGraph's
// Runnable.ainvoke/abatch, retrievers' aget_relevant_documents; LlamaIndex's
// query engines, chat engines, LLMs and retrievers (aquery, achat,
// acomplete, aretrieve). A missing await there
// (`reply = llm.ainvoke(messages); reply.content`) is a common shipped bug.
// Unlike StreamCoroutineMethods they are coroutines in synchronous code too:
// the synchronous twin has the unprefixed name (invoke, query, chat), so a
// plain function that calls `ainvoke` and reads the result
// (`result = self.agent.ainvoke(state); return result.content`) holds a
// coroutine object (LangChain's Runnable.ainvoke and LlamaIndex's
// BaseQueryEngine.aquery are `async def`). `astream` is an async generator,
// not listed.
//
// Also LangChain's language models (agenerate, apredict,
// apredict_messages), embeddings (aembed_documents, aembed_query), vector
// stores (asimilarity_search and its _with_score /
// _with_relevance_scores forms, amax_marginal_relevance_search,
// aadd_documents, aadd_texts), chains and tools (arun, acall), chat
// message histories (aget_messages, aadd_messages), and LlamaIndex's
// streaming chat and completion (astream_chat, astream_complete: `async
// def` that return a generator once awaited) and apredict: each the async
// twin of the unprefixed method, `async def` in the base classes and in
// every implementation found in the search index (find_string `async def
// asimilarity_search(`: ten vector stores and wrappers, all `async def`).
var AsyncTwinMethods = map[string]bool{
	"ainvoke": true, "abatch": true, "aget_relevant_documents": true,
	"aquery": true, "achat": true, "acomplete": true, "aretrieve": true,
	"agenerate": true, "apredict": true, "apredict_messages": true,
	"aembed_documents": true, "aembed_query": true,
	"asimilarity_search": true, "asimilarity_search_with_score": true, "asimilarity_search_with_relevance_scores": true,
	"amax_marginal_relevance_search": true, "aadd_documents": true, "aadd_texts": true,
	"arun": true, "acall": true, "aget_messages": true, "aadd_messages": true,
	"astream_chat": true, "astream_complete": true}

// AsyncQueueTypes are asyncio's queue classes: awaiting get() on one gives
// one of its items, of the type its annotation's parameter names
// (`asyncio.Queue[Job]`).
var AsyncQueueTypes = map[string]bool{
	"asyncio.Queue": true, "asyncio.LifoQueue": true, "asyncio.PriorityQueue": true,
	"asyncio.queues.Queue": true, "asyncio.queues.LifoQueue": true, "asyncio.queues.PriorityQueue": true,
}

// QueueItemNowMethods are the asyncio queue methods that return an item
// without awaiting (`q.get_nowait()`): of the type the queue's annotation's
// parameter names, like what awaiting get() gives.
var QueueItemNowMethods = map[string]bool{"get_nowait": true}

// IsAsyncQueueSpelling reports whether a constructor as written (`asyncio.Queue`,
// or `Queue` imported from asyncio) names one of AsyncQueueTypes.
func IsAsyncQueueSpelling(text string) bool {
	if AsyncQueueTypes[text] {
		return true
	}
	for name := range AsyncQueueTypes {
		if strings.HasSuffix(name, "."+text) {
			return true
		}
	}
	return false
}

// AwaitableAnnotations are the annotations that say a value is an awaitable
// the code still has to await (a coroutine object, or any awaitable).
var AwaitableAnnotations = map[string]bool{
	"typing.Awaitable": true, "collections.abc.Awaitable": true, "typing.Coroutine": true, "collections.abc.Coroutine": true,
}

// CancelsArgumentOnTimeout are calls that, when their timeout expires,
// cancel the awaitable they were given (and wait for it) before raising
// TimeoutError: awaiting that awaitable afterwards waits for a task the
// caller's own timeout cancelled.
var CancelsArgumentOnTimeout = map[string]bool{"asyncio.wait_for": true, "asyncio.tasks.wait_for": true}

// EntersWithoutSuspending are async context managers whose __aenter__ never
// suspends: asyncio's timeouts (and the async_timeout package's, which
// asyncio.timeout copies) only schedule a callback. No cancellation can be
// delivered on entering one.
var EntersWithoutSuspending = map[string]bool{
	"asyncio.timeout": true, "asyncio.timeout_at": true, "asyncio.timeouts.timeout": true,
	"asyncio.timeouts.timeout_at": true, "async_timeout.timeout": true, "async_timeout.timeout_at": true,
}

// NumericAddressClasses are classes whose str() is an IP address literal:
// handed to getaddrinfo/gethostbyname as the host, it is parsed, not looked
// up.
var NumericAddressClasses = map[string]bool{"ipaddress.IPv4Address": true, "ipaddress.IPv6Address": true}

// SocketConstructors make a socket whose kind (SOCK_STREAM, SOCK_DGRAM) is
// their second argument or `type=`.
var SocketConstructors = map[string]bool{"socket.socket": true}

// WrapsFuture are calls whose await waits for the concurrent future they are
// given to complete.
var WrapsFuture = map[string]bool{"asyncio.wrap_future": true, "asyncio.futures.wrap_future": true}

// ThreadedCallbackOwner describes a library object that, once started with
// one of Starters, calls the callbacks stored in its attributes whose names
// start with Prefix (or registered with one of Adders, the callback at
// position AdderArg) from a thread of its own: each such callback is a
// hand-off to another thread, as `threading.Thread(target=...)` is.
type ThreadedCallbackOwner struct {
	Prefix   string
	Starters []string
	Adders   []string
	AdderArg int
	Display  string // how messages name the thread
}

// ThreadedCallbackOwners are the library types whose callbacks run in a
// thread the library starts. paho-mqtt's Client: `loop_start()` "starts a
// new thread to process network traffic" (paho-mqtt's README, "Network
// loop", and Client.loop_start's docstring), a thread that calls `loop()`,
// which dispatches on_connect, on_message and the other `on_*` callbacks
// and those of message_callback_add(sub, callback); with
// `loop_read()`/`loop_write()`/`loop_misc()` driven from an event loop
// instead, the callbacks run on that loop's thread (no starter called).
var ThreadedCallbackOwners = map[string]ThreadedCallbackOwner{
	"paho.mqtt.client.Client": {Prefix: "on_", Starters: []string{"loop_start"}, Adders: []string{"message_callback_add"},
		AdderArg: 1, Display: "paho-mqtt's network thread (`loop_start()`)"},
}

// StopSignal is how code tells a thread (or process) to finish before
// joining it (ASL202: a join after such a signal waits for the rest of the
// thread's current step).
type StopSignal int

const (
	// StopBySentinel: a sentinel put on a queue the thread reads
	// (`queue.Queue.put(None)`, `put_nowait(_STOP)`).
	StopBySentinel StopSignal = iota + 1
	// StopByEvent: an event the thread watches set
	// (`threading.Event.set()`).
	StopByEvent
	// StopByLoopStop: the thread's event loop stopped from outside
	// (`loop.call_soon_threadsafe(loop.stop)`); the method named is the
	// callable's attribute.
	StopByLoopStop
	// StopByKill: the joined process ended by a signal
	// (`multiprocessing.Process.terminate()`, `kill()`).
	StopByKill
	// StopByOwnMethod: the joined object's own stop (`threading.Timer.cancel()`,
	// a Thread subclass's `stop()`).
	StopByOwnMethod
)

// StopSignals maps the method names of those calls to their kind; the
// methods are matched by name, the receiver is whatever the thread sees.
var StopSignals = map[string]StopSignal{
	"put": StopBySentinel, "put_nowait": StopBySentinel, "set": StopByEvent,
	"call_soon_threadsafe": StopByLoopStop, "terminate": StopByKill, "kill": StopByKill,
	"cancel": StopByOwnMethod, "stop": StopByOwnMethod,
}

// LoopStopMethod is the loop method `call_soon_threadsafe` is handed to stop
// a thread's loop (StopByLoopStop).
const LoopStopMethod = "stop"

// Plain methods of asyncio's objects whose result is not awaitable: `await
// event.set()` raises TypeError. The asyncio docs define each as a plain
// method (not "coroutine"), returning None, a bool, a number, the item, a
// handle or the result: "Synchronization Primitives" (Event.set, clear,
// is_set; Lock.release, locked; Semaphore.release, locked), "Queues"
// (put_nowait, qsize, empty, full, task_done), "Streams"
// (StreamWriter.write, writelines, close, write_eof, can_write_eof,
// is_closing, get_extra_info), "Futures" and "Coroutines and Tasks" (cancel,
// done, cancelled, exception, add_done_callback) and "Event Loop"
// (call_soon, call_later, call_at, call_soon_threadsafe, time, stop).
// Not listed: Queue.get_nowait() and Future.result() give back what was
// put in or set, which may be a coroutine or a future (a queue of
// coroutines, `await q.get_nowait()`, is correct code).
func init() {
	for class, methods := range map[string][]string{
		"asyncio.Event":             {"set", "clear", "is_set"},
		"asyncio.Lock":              {"release", "locked"},
		"asyncio.Semaphore":         {"release", "locked"},
		"asyncio.Queue":             {"put_nowait", "qsize", "empty", "full", "task_done"},
		"asyncio.PriorityQueue":     {"put_nowait", "qsize", "empty", "full", "task_done"},
		"asyncio.LifoQueue":         {"put_nowait", "qsize", "empty", "full", "task_done"},
		"asyncio.StreamWriter":      {"write", "writelines", "close", "write_eof", "can_write_eof", "is_closing", "get_extra_info"},
		"asyncio.Task":              {"cancel", "done", "cancelled", "exception", "add_done_callback"},
		"asyncio.Future":            {"cancel", "done", "cancelled", "exception", "add_done_callback"},
		"asyncio.AbstractEventLoop": {"call_soon", "call_later", "call_at", "call_soon_threadsafe", "time", "stop"},
	} {
		plainMethods(class, methods...)
	}
}
