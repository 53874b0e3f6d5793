package pylib

import "sync"

// MethodFact is what a method's or attribute's name alone says, for a call
// or read whose receiver's type the analysis did not resolve, or what a
// builtin function does. A resolved API's facts live on its record
// (API.Roles); these are the fallbacks.
type MethodFact uint32

const (
	// OrdersByName: awaited, it orders work whatever the receiver's type
	// (Lock/Semaphore/Event/Condition/Barrier operations, stream writes).
	OrdersByName MethodFact = 1 << iota
	// QueueGet and QueuePut: a queue's get() and put(item), when called the
	// way a queue's are (the arguments tell them from an HTTP client's).
	QueueGet
	QueuePut
	// StartsTask: it starts a coroutine as a new task that nobody needs to
	// await (a loop's, task group's or nursery's; `spawn` of aiorpcx's and
	// curio's task groups; gather, whose children are tasks and whose
	// caller gets its own cancellation back whatever they return), or runs a
	// callback's coroutine as one (start_server's client_connected_cb,
	// tornado's IOLoop.add_callback and spawn_callback; python-socketio's
	// and python-engineio's start_background_task(target, *args), an
	// asyncio task in their asyncio servers and clients; anyio's
	// BlockingPortal.start_task_soon(func, *args), a task of the portal's
	// task group whose outcome goes to a concurrent Future).
	StartsTask
	// FutureAttribute: what a future (asyncio.gather's result) really has.
	FutureAttribute
	// CoroutineAttribute: what a coroutine object really has; reading it
	// handles the coroutine rather than mistaking it for its result.
	CoroutineAttribute
	// ContainerAdder: it puts a value into a list, set or deque.
	ContainerAdder
	// ExceptionGroupAttribute: what an ExceptionGroup really has.
	ExceptionGroupAttribute
	// ObservesOutcome: a future's method that retrieves (or hands on) its
	// exception, so that it is not reported as never retrieved.
	ObservesOutcome
	// ReturnsEventLoop: a function or method returning an event loop
	// (asyncio's get_event_loop and its like, on any receiver).
	ReturnsEventLoop
	// ReturnsElement: a mapping's method returning one of its values
	// (dict.get, pop, setdefault).
	ReturnsElement
	// ConsumesIterable: a builtin that iterates its argument to the end at
	// once (list, sorted, any).
	ConsumesIterable
	// ReadsArgument: a builtin that only looks at its argument (prints,
	// formats or tests its type) and keeps no reference to it.
	ReadsArgument
	// ReportsException: a logging method, traceback function or builtin
	// that reports or inspects an exception without delivering it to
	// anyone waiting for an outcome.
	ReportsException
	// EndsWithException: it makes a task or coroutine end with an exception
	// (cancel, throw).
	EndsWithException
	// WakesWaiters: it wakes what awaits the object (Event.set,
	// Future.set_result).
	WakesWaiters
	// SplitsGroup: an ExceptionGroup's method returning part of it as a new
	// group.
	SplitsGroup
	// BuildsCollection: a builtin whose call builds a list, tuple, set or
	// dict (empty when called with no arguments).
	BuildsCollection
	// PoolRequestMethod: a urllib3 pool's method that takes the HTTP method
	// first (pool.request("GET", url)).
	PoolRequestMethod
	// DictInserter: a dict's method that stores values under keys given as
	// keywords, a dict or its first argument (update, setdefault).
	DictInserter
)

var methodFacts = map[string]MethodFact{}

func methods(f MethodFact, names ...string) {
	for _, n := range names {
		methodFacts[n] |= f
	}
}

// Method reports whether the method or attribute name has every fact in f.
func Method(name string, f MethodFact) bool {
	return methodFacts[name]&f == f && f != 0
}

// SpawnMethod reports whether name starts a task in some async library's
// task group (the union of the module records' Spawns), for a task group
// whose library is unknown.
func SpawnMethod(name string) bool {
	spawnMethodsOnce.Do(func() {
		spawnMethods = map[string]bool{}
		for _, a := range apis {
			for _, s := range a.Spawns {
				spawnMethods[s] = true
			}
		}
	})
	return spawnMethods[name]
}

// spawnMethods is SpawnMethod's set, built once from the tables (complete
// after init) rather than by a walk over every record per question.
var (
	spawnMethodsOnce sync.Once
	spawnMethods     map[string]bool
)

// ReadinessPredicates are, per blocking method, the methods of the same
// object that tell whether it would wait (queue.get and queue.empty).
var ReadinessPredicates = map[string][]string{
	"get":     {"empty", "qsize"},
	"join":    {"is_alive"},
	"wait":    {"is_set"},
	"result":  {"done"},
	"acquire": {"locked"},
	// pyzmq: `if sock.poll(timeout): sock.recv()` receives a message that
	// is already there (devices_and_ipc.go).
	"recv": {"poll"}, "recv_string": {"poll"}, "recv_json": {"poll"}, "recv_pyobj": {"poll"},
	"recv_multipart": {"poll"}, "recv_serialized": {"poll"},
}

func init() {
	methods(OrdersByName, "acquire", "wait", "wait_for", "join", "drain", "sleep")
	methods(QueueGet, "get")
	methods(QueuePut, "put")
	methods(StartsTask, "create_task", "ensure_future", "start_soon", "start_task_soon", "spawn_system_task", "spawn", "gather", "start_server", "start_unix_server", "spawn_callback", "add_callback", "start_background_task")
	methods(FutureAttribute, "cancel", "cancelled", "done", "result", "exception", "add_done_callback",
		"remove_done_callback", "get_loop")
	methods(CoroutineAttribute, "close", "send", "throw", "__await__", "__name__", "__qualname__", "cr_await",
		"cr_code", "cr_frame", "cr_running", "cr_origin", "cr_suspended")
	methods(ContainerAdder, "append", "add", "insert", "appendleft")
	methods(DictInserter, "update", "setdefault")
	methods(ExceptionGroupAttribute, "message", "exceptions", "subgroup", "split", "derive", "args",
		"with_traceback", "add_note")
	methods(ObservesOutcome, "exception", "result", "add_done_callback")
	methods(ReturnsEventLoop, "get_event_loop", "get_running_loop", "new_event_loop")
	methods(ReturnsElement, "get", "pop", "setdefault")
	methods(ConsumesIterable, "list", "tuple", "set", "frozenset", "dict", "sorted", "sum", "any", "all", "min", "max")
	methods(ReadsArgument, "print", "str", "repr", "format", "bool", "id", "hash", "type", "isinstance", "callable")
	methods(ReportsException, "isinstance", "issubclass", "type", "id", "getattr", "hasattr", "debug", "info",
		"warning", "warn", "error", "exception", "critical", "log", "print_exc", "print_exception", "format_exc",
		"log_debug", "call_exception_handler", "print", "repr", "str", "format")
	// structlog's asynchronous logging methods (`await log.aexception(e)`,
	// on its BoundLogger and FilteringBoundLogger), which langflow's lfx
	// logger has too: they log the exception, they deliver it to no one.
	methods(ReportsException, "adebug", "ainfo", "awarning", "aerror", "aexception", "acritical", "afatal", "alog")
	methods(EndsWithException, "cancel", "throw")
	methods(WakesWaiters, "set", "set_result")
	methods(SplitsGroup, "subgroup", "split")
	methods(BuildsCollection, "list", "tuple", "set", "dict", "frozenset")
	methods(PoolRequestMethod, "request", "urlopen")
}

// ThreadLockKind says what a thread-synchronisation class is to the rules
// that measure how long a lock is held (ASL202's brief critical sections).
type ThreadLockKind uint8

const (
	// NotThreadLock: anything else (a Semaphore's count is not held by one
	// section at a time).
	NotThreadLock ThreadLockKind = iota
	// MutexLock: held by one thread at a time, between acquire and release.
	MutexLock
	// ConditionOnLock: a condition variable built on the lock given as its
	// first argument; its wait releases that lock while it waits.
	ConditionOnLock
)

var threadLockKinds = map[string]ThreadLockKind{
	"threading.Lock": MutexLock, "threading.RLock": MutexLock, "threading.Condition": ConditionOnLock,
}

// ThreadLockKindOf returns what the class named name (qualified) is.
func ThreadLockKindOf(name string) ThreadLockKind { return threadLockKinds[name] }
