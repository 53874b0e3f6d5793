package pylib

// APIs the structural rules (timeouts, task groups, busy waits, locks held
// across await) recognise.
func init() {
	with(TimeoutScope, "asyncio.timeout", "asyncio.timeout_at", "asyncio.timeouts.timeout", "asyncio.timeouts.timeout_at",
		"trio.move_on_after", "trio.move_on_at", "trio.fail_after", "trio.fail_at", "trio.CancelScope",
		"anyio.move_on_after", "anyio.fail_after", "anyio.CancelScope")
	with(TaskGroupOpener, "asyncio.TaskGroup", "asyncio.taskgroups.TaskGroup", "trio.open_nursery", "anyio.create_task_group")
	with(Sleep, "asyncio.sleep", "asyncio.tasks.sleep", "trio.sleep", "trio.sleep_until", "anyio.sleep",
		"anyio.sleep_until", "trio.lowlevel.checkpoint", "anyio.lowlevel.checkpoint")
	with(TakesTimeout, "asyncio.timeout", "asyncio.timeout_at", "asyncio.wait_for", "asyncio.wait",
		"asyncio.as_completed", "asyncio.timeouts.timeout", "asyncio.tasks.wait_for",
		"trio.fail_after", "trio.move_on_after", "trio.fail_at", "trio.move_on_at",
		"anyio.fail_after", "anyio.move_on_after")
	with(SyncLock, "threading.Lock", "threading.RLock", "threading.Semaphore", "threading.BoundedSemaphore",
		"threading.Condition", "multiprocessing.Lock", "multiprocessing.RLock", "multiprocessing.Semaphore",
		"_thread.LockType", "_thread.allocate_lock")
	with(ExceptionGroupClass, "ExceptionGroup", "BaseExceptionGroup", "exceptiongroup.ExceptionGroup",
		"exceptiongroup.BaseExceptionGroup", "builtins.ExceptionGroup", "builtins.BaseExceptionGroup")
	with(CancellationClass, "asyncio.CancelledError", "asyncio.exceptions.CancelledError", "trio.Cancelled")
	with(RedeliversCancellation, "trio.Cancelled", "anyio.get_cancelled_exc_class")
	// unittest's IsolatedAsyncioTestCase is a TestCase (its fail() never
	// returns: NeverReturns).
	for _, name := range []string{"unittest.IsolatedAsyncioTestCase", "unittest.async_case.IsolatedAsyncioTestCase"} {
		LibraryBases[name] = []string{"unittest.TestCase"}
	}
	for _, name := range []string{"asyncio.current_task", "asyncio.tasks.current_task", "asyncio.Task.current_task"} {
		entry(name).ReturnsRunningTask = true
	}
	entry("asyncio.AbstractEventLoop.run_forever").RunsLoopUntilStopped = true
	for _, name := range []string{"asyncio.shield", "asyncio.tasks.shield"} {
		entry(name).ShieldsFirstArg = true
	}
	for _, name := range []string{"asyncio.CancelledError", "asyncio.exceptions.CancelledError"} {
		entry(name).RaisedAnewCancels = true
	}
	with(Startable, "trio.serve_tcp", "trio.serve_ssl_over_tcp", "trio.serve_listeners", "trio.run_process")
	with(KeepsNoReference, prefixed("asyncio.Task.", "add_done_callback", "remove_done_callback", "set_name", "get_name",
		"done", "get_coro", "get_loop", "get_context")...)
	with(AsyncLibrary|FaceValue, "asyncio", "trio", "anyio")
	with(FaceValue, "pytest", "exceptiongroup")
	with(ContextManagerDecorator, "contextlib.asynccontextmanager", "contextlib.contextmanager", "pytest.fixture",
		"pytest.yield_fixture")
	with(ConcurrencyHint, prefixed("asyncio.", "gather", "create_task", "ensure_future", "wait", "wait_for",
		"as_completed", "TaskGroup", "to_thread", "shield")...)
	with(ConcurrencyHint, "asyncio.AbstractEventLoop.run_in_executor")
	with(OpensScope, "asgi_lifespan.LifespanManager", "apscheduler.AsyncScheduler", "anyio.from_thread.BlockingPortal",
		"anyio.from_thread.start_blocking_portal", "mcp.client.streamable_http.streamablehttp_client",
		"mcp.client.sse.sse_client", "trio_websocket.open_websocket", "trio_websocket.open_websocket_url",
		"trio_websocket.serve_websocket", "trio_asyncio.open_loop", "trio_parallel.open_worker_context",
		"trio_util.move_on_when", "trio_util.run_and_cancelling", "qtrio.open_emissions_nursery",
		"qtrio.enter_emissions_channel")
	// Clocks: what a busy-wait loop compares with a deadline (ASYNC110).
	for _, name := range []string{"time.time", "time.time_ns", "time.monotonic", "time.monotonic_ns", "time.perf_counter",
		"time.perf_counter_ns", "datetime.datetime.now", "datetime.datetime.utcnow", "datetime.date.today",
		"asyncio.AbstractEventLoop.time", "trio.current_time", "anyio.current_time"} {
		entry(name).ReadsOutside = true
	}
	// Names as the resolver gives them: builtins bare, an unresolved
	// `abstractmethod` bare too.
	with(TransparentDecorator, "staticmethod", "classmethod", "abc.abstractmethod", "abstractmethod", "functools.wraps",
		"typing.override", "typing_extensions.override", "typing.final", "typing_extensions.final", "typing.overload")
	// A memoryview's exit only releases its buffer export: no file, socket or
	// lock waits for it (builtins bare, as the resolver names them).
	with(HoldsNoResource, "contextlib.suppress", "contextlib.nullcontext", "pytest.raises", "memoryview")
	with(TestsAwaitable, "asyncio.iscoroutine", "inspect.isawaitable", "inspect.iscoroutine", "asyncio.isfuture",
		"isinstance", "asyncio.coroutines.iscoroutine")
	// As written in the source, qualified or bare (`@dataclass(frozen=True)`).
	with(RunsNothingOnImport, "dataclass", "dataclasses.dataclass", "staticmethod", "classmethod", "property",
		"asynccontextmanager", "contextlib.asynccontextmanager", "contextmanager", "contextlib.contextmanager",
		"functools.lru_cache", "lru_cache", "functools.cache", "cache", "functools.wraps", "wraps",
		"functools.total_ordering", "total_ordering", "enum.unique", "unique", "abstractmethod", "abc.abstractmethod",
		"typing.final", "final")
	// dataclasses' generated __init__ ends with
	// `self.__post_init__(...)` when the class defines it, its value
	// dropped (Lib/dataclasses.py, _init_fn: body_lines.append(
	// f'{self_name}.{_POST_INIT_NAME}({params_str})')); as the resolver
	// names it, and bare when unresolved (CallsPostInits).
	for _, n := range []string{"dataclasses.dataclass", "dataclass"} {
		entry(n).CallsPostInit = true
	}
	// The generated __init__ also runs a field's default factory when the
	// caller does not pass the field (Lib/dataclasses.py, _field_init:
	// `{f.name} = {default_name}() if {f.name} is _HAS_DEFAULT_FACTORY
	// else {f.name}`); `dataclasses.field(default_factory=f)` names it,
	// bare `field` when unresolved. A `ClassVar[...]` attribute and the
	// `_: KW_ONLY` marker are no fields (_process_class skips them).
	for _, n := range []string{"dataclasses.field", "field"} {
		entry(n).FactoryKeyword = "default_factory"
	}
	for _, n := range []string{"typing.ClassVar", "ClassVar", "dataclasses.KW_ONLY", "KW_ONLY"} {
		entry(n).NotAField = true
	}
	with(SpawnsProcess, prefixed("os.", "spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp",
		"spawnvpe")...)
	with(CompressedFile, "gzip.GzipFile", "bz2.BZ2File", "lzma.LZMAFile")
	threadUnsafe := func(roles Role, instead string, names ...string) {
		for _, n := range names {
			a := entry(n)
			a.Roles |= ThreadUnsafe | roles
			a.Instead = instead
		}
	}
	threadUnsafe(ByMethodName, "use `loop.call_soon_threadsafe(...)`", "asyncio.AbstractEventLoop.call_soon")
	threadUnsafe(ByMethodName, "use `loop.call_soon_threadsafe(loop.call_later, ...)`", "asyncio.AbstractEventLoop.call_later")
	threadUnsafe(ByMethodName, "use `loop.call_soon_threadsafe(loop.call_at, ...)`", "asyncio.AbstractEventLoop.call_at")
	threadUnsafe(ByMethodName, "use `asyncio.run_coroutine_threadsafe(coro, loop)`", "asyncio.AbstractEventLoop.create_task")
	threadUnsafe(ByMethodName, "use `loop.call_soon_threadsafe(fut.set_result, value)`", "asyncio.Future.set_result")
	threadUnsafe(ByMethodName, "use `loop.call_soon_threadsafe(fut.set_exception, exc)`", "asyncio.Future.set_exception")
	threadUnsafe(0, "use `asyncio.run_coroutine_threadsafe(coro, loop)`", "asyncio.create_task", "asyncio.ensure_future")
	threadUnsafe(0, "use `loop.call_soon_threadsafe(...)`", "asyncio.Queue.put_nowait", "asyncio.Event.set")
	with(OwnsLoop, "asyncio.run", "asyncio.new_event_loop", "asyncio.set_event_loop", "asyncio.Runner")
	with(OwnsLoop|ByMethodName, "asyncio.AbstractEventLoop.run_until_complete", "asyncio.AbstractEventLoop.run_forever",
		"tornado.ioloop.IOLoop.run_sync")
	// ASL101: a loop started where one runs; run_until_complete matched by
	// name on loops of unknown type.
	with(RefusesRunningLoop, "asyncio.run", "asyncio.runners.run", "asyncio.Runner.run")
	with(RefusesRunningLoop|ByMethodName, "asyncio.AbstractEventLoop.run_until_complete")
	with(AsksRunningLoop, "asyncio.get_running_loop", "asyncio._get_running_loop", "asyncio.events._get_running_loop",
		"asyncio.events.get_running_loop")
	with(AsksRunningLoop|ByMethodName, "asyncio.AbstractEventLoop.is_running")
	with(AllowsNestedLoops, "nest_asyncio.apply")
	with(TakesTasks, "asyncio.wait", "asyncio.tasks.wait")
	with(Gathers, "asyncio.gather", "asyncio.tasks.gather")
	with(GetsLoopImplicitly, "asyncio.get_event_loop", "asyncio.events.get_event_loop")
	with(ThreadSafeModule, "concurrent.futures")
	with(UnboundedQueue, "queue.SimpleQueue")
	with(FreeWhenNew, "threading.Lock", "threading.RLock", "threading.Semaphore", "threading.BoundedSemaphore")
	// A new executor has no job and starts its worker threads only as jobs
	// arrive (Lib/concurrent/futures/thread.py, _adjust_thread_count on
	// submit): shutting it down joins nothing that is still working.
	with(FreeWhenNew, "concurrent.futures.ThreadPoolExecutor", "concurrent.futures.ProcessPoolExecutor",
		"concurrent.futures.thread.ThreadPoolExecutor", "concurrent.futures.process.ProcessPoolExecutor")
	with(BindsArguments, "functools.partial")
	with(SyncContextManagerDecorator, "contextlib.contextmanager")
	with(ExpectsRaise, "pytest.raises")
	with(SuppressesExceptions, "contextlib.suppress")
	with(ReturnsCancellation, "anyio.get_cancelled_exc_class")
	with(ReturnsArgument, "typing.cast", "typing_extensions.cast")
	with(NurseryOpener, "trio.open_nursery")
	with(FileObjectKeywordOnly, "gzip.GzipFile")
	// As the resolver gives them: the builtin bare.
	with(OpensFile, "open", "builtins.open", "io.open")
	with(AsyncLock, "asyncio.Lock", "asyncio.Semaphore", "asyncio.BoundedSemaphore", "asyncio.Condition",
		"Lock", "Semaphore", "BoundedSemaphore", "Condition")
	with(OrdersWork|SimulatedModule, "asyncio")
	with(PoolRequests, "urllib3")
	with(Superseded, "httpx")
	with(PropertyDecorator, "property", "functools.cached_property", "cached_property")
	with(NamedEventHandlers, "discord")
	entry("asyncio").Spawns = []string{"create_task"}
	entry("trio").Spawns = []string{"start_soon", "start"}
	entry("anyio").Spawns = []string{"start_soon", "start"}
	with(Shieldable, "trio.CancelScope", "trio.move_on_after", "trio.move_on_at", "trio.fail_after", "trio.fail_at",
		"anyio.CancelScope", "anyio.move_on_after", "anyio.fail_after")
	entry("httpx").Instead = "httpx2"
	with(KeepsBehaviour, "abc.abstractmethod", "typing.final", "typing.override", "typing.overload",
		"typing_extensions.override", "typing_extensions.final", "functools.total_ordering", "typing.no_type_check")
}

// closesArgument holds the context managers whose exit only closes the
// object they are given (`aclosing(gen)` runs `await gen.aclose()`): what
// they release is that object's, not theirs. A table of its own: every bit
// of Role is taken.
// GeneratorContextManagers are the decorators that turn a generator
// function into a context manager whose `with ... as name` binds what the
// generator yields; the value says whether it is entered by `async with`
// (an async generator).
var GeneratorContextManagers = map[string]bool{"contextlib.contextmanager": false, "contextlib.asynccontextmanager": true}

// PytestFixtureDecorators make a function a pytest fixture, which pytest
// passes to every test or fixture naming it as a parameter: its return
// value, or its yield for a generator (pytest's _pytest/fixtures.py:
// `def fixture(fixture_function=None, *, scope="function", params=None,
// autouse=False, ids=None, name=None)`; `yield_fixture` is its deprecated
// alias). pytest-asyncio's `fixture` (pytest_asyncio/plugin.py: `def
// fixture(fixture_function=None, **kwargs)`) also runs an `async def` or
// async generator fixture in the event loop and passes what it returns or
// yields. As the resolver names them (`from pytest import fixture` too).
var PytestFixtureDecorators = map[string]bool{"pytest.fixture": true, "pytest.yield_fixture": true,
	"_pytest.fixtures.fixture": true, "pytest_asyncio.fixture": true, "pytest_asyncio.plugin.fixture": true}

// DependencyMarkers are the parameter defaults by which a web or tool
// framework injects a dependency (`client=Depends(get_client)`): for each
// call of the handler it calls the dependency their first argument (or
// `dependency=`) names and passes what that returns; for a generator, what
// it yields; for an `async def`, its awaited return; for a class, a new
// instance. FastAPI: fastapi/param_functions.py `def Depends(dependency=
// None, *, use_cache=True, scope=None)` and `Security(dependency=None, *,
// scopes=None, use_cache=True)`, solved by fastapi/dependencies/utils.py
// solve_dependencies (generators through its exit stack); `fastapi.params.
// Depends` is the class they build. fastmcp (2.13+): fastmcp.dependencies'
// `Depends`, which fills a tool's, resource's or prompt's parameter the
// same way. As the resolver names them.
var DependencyMarkers = map[string]bool{"fastapi.Depends": true, "fastapi.Security": true,
	"fastapi.param_functions.Depends": true, "fastapi.param_functions.Security": true,
	"fastapi.params.Depends": true, "fastapi.params.Security": true,
	"fastmcp.dependencies.Depends": true, "fastmcp.server.dependencies.Depends": true}

// MockPatchDecorators, used as decorators, pass the mock they make into
// the decorated function's leading parameters (unittest/mock.py
// `_patch.decorate_callable`: "patched" arguments are appended; pytest's
// getfuncargnames drops that many leading parameters from the fixtures it
// fills). The `mock` backport and asynctest name them the same way. As
// the resolver names them.
var MockPatchDecorators = map[string]bool{"unittest.mock.patch": true, "unittest.mock.patch.object": true,
	"mock.patch": true, "mock.patch.object": true, "mock.mock.patch": true, "mock.mock.patch.object": true,
	"asynctest.patch": true, "asynctest.patch.object": true}

// async_generator's aclosing is contextlib.aclosing's backport (Python
// < 3.10), still imported by projects that supported those versions.
var closesArgument = map[string]bool{"contextlib.aclosing": true, "contextlib.closing": true,
	"async_generator.aclosing": true, "async_generator._util.aclosing": true}

// ClosesArgument reports whether the context manager name (a resolved
// name) only closes the object it is given on exit.
func ClosesArgument(name string) bool { return closesArgument[name] }

// raisesWithoutRunningLoop holds the AsksRunningLoop APIs that raise
// RuntimeError when no loop runs on the thread (asyncio._get_running_loop
// returns None instead): `loop is get_running_loop()` holds only on the
// loop's own thread. A table of its own: every bit of Role is taken.
var raisesWithoutRunningLoop = map[string]bool{"asyncio.get_running_loop": true, "asyncio.events.get_running_loop": true}

// RaisesWithoutRunningLoop reports whether name (a resolved name) returns
// the running loop and raises when none runs on the calling thread.
func RaisesWithoutRunningLoop(name string) bool { return raisesWithoutRunningLoop[name] }

// ModuleCache is the interpreter's dict of loaded modules, which an import
// consults first: a function that looks a module up there before importing
// it imports only what is not loaded yet.
const ModuleCache = "sys.modules"

// CoroutineTests are the functions that tell a coroutine object from other
// awaitables (a Future, a Task) and values: under `if iscoroutine(x):`, x is
// a coroutine, which `ensure_future(x)` wraps in a new task.
var CoroutineTests = map[string]bool{
	"asyncio.iscoroutine": true, "asyncio.coroutines.iscoroutine": true, "inspect.iscoroutine": true,
}

// LoopArgumentRemoved are asyncio's high-level functions and classes whose
// `loop` parameter was deprecated in Python 3.8 and removed in 3.10
// (bpo-42392, CPython issue #86558: "Remove loop parameter from asyncio
// locks and Queue" #23420, "from asyncio.streams" #23517, "from
// asyncio.tasks and asyncio.subprocess" #23521; the documentation of each
// says `.. deprecated-removed:: 3.8 3.10  The *loop* parameter.`, and
// What's New in Python 3.10: "The loop parameter has been removed from most
// of asyncio's high-level API"). Passing `loop=` to one raises TypeError
// ("As of 3.10, the *loop* parameter was removed from Queue() since it is
// no longer necessary", asyncio/mixins.py; an unexpected keyword argument
// for the functions). The low-level API keeps it: ensure_future,
// wrap_future, run_coroutine_threadsafe, Future and Task are not listed.
// The value is the name messages show (`asyncio.Queue` for
// `asyncio.queues.Queue`).
var LoopArgumentRemoved = map[string]string{}

// LoopArgumentRemovedIn is the release of Python that removed those
// `loop` parameters: code whose declarations admit no Python at or above
// it (`requires-python = ">=3.7,<3.10"`, Poetry's `python = "~3.8"`) runs
// where `loop=` is still taken.
var LoopArgumentRemovedIn = &Release{Dists: []string{"python"}, Version: "3.10"}

func init() {
	for _, mod := range []string{"asyncio.", "asyncio.tasks."} {
		for _, n := range []string{"sleep", "gather", "shield", "wait_for", "wait", "as_completed"} {
			LoopArgumentRemoved[mod+n] = "asyncio." + n
		}
	}
	for _, mod := range []string{"asyncio.", "asyncio.locks."} {
		for _, n := range []string{"Lock", "Event", "Condition", "Semaphore", "BoundedSemaphore"} {
			LoopArgumentRemoved[mod+n] = "asyncio." + n
		}
	}
	for _, mod := range []string{"asyncio.", "asyncio.queues."} {
		for _, n := range []string{"Queue", "LifoQueue", "PriorityQueue"} {
			LoopArgumentRemoved[mod+n] = "asyncio." + n
		}
	}
	for _, mod := range []string{"asyncio.", "asyncio.streams."} {
		for _, n := range []string{"open_connection", "start_server", "open_unix_connection", "start_unix_server"} {
			LoopArgumentRemoved[mod+n] = "asyncio." + n
		}
	}
	for _, mod := range []string{"asyncio.", "asyncio.subprocess."} {
		for _, n := range []string{"create_subprocess_exec", "create_subprocess_shell"} {
			LoopArgumentRemoved[mod+n] = "asyncio." + n
		}
	}
}

// FieldFactoryKeyword returns the keyword of field specifier name (a
// dataclass field's `field(...)`) that names its default factory, or "".
func FieldFactoryKeyword(name string) string {
	if a, ok := Lookup(name); ok {
		return a.FactoryKeyword
	}
	return ""
}

// NotAFieldAnnotation reports whether name, the head of a class
// attribute's annotation, makes the attribute no dataclass field.
func NotAFieldAnnotation(name string) bool {
	a, ok := Lookup(name)
	return ok && a.NotAField
}

// CallsPostInits reports whether name is a class decorator whose generated
// `__init__` calls `__post_init__` synchronously.
func CallsPostInits(name string) bool {
	a, ok := Lookup(name)
	return ok && a.CallsPostInit
}
