// Package pylib holds facts about Python libraries: one typed record per
// library API, read by the semantic model (analysis), the rules, the
// simulator (loopsim) and the server. It imports nothing, so the pure-Go
// simulator can share it without depending on the analysis. No other package
// keeps a list of library names.
//
// Names are qualified the way the semantic model resolves them: functions
// by module ("asyncio.sleep"), methods by the type of their receiver
// ("aiohttp.ClientSession.get").
package pylib

import (
	"slices"
	"sort"
	"strings"
	"sync"
)

// Role is one thing a library API is known to do; an API may have several
// (asyncio.wait_for is a coroutine function that awaits its argument).
type Role uint64

const (
	// Coroutine: calling it returns a coroutine (or another awaitable that
	// does nothing until awaited).
	Coroutine Role = 1 << iota
	// AwaitsArgs: it awaits or schedules the awaitables passed to it
	// (gather, wait_for, create_task, run_until_complete).
	AwaitsArgs
	// TaskFactory: it returns a Task the event loop references only weakly.
	TaskFactory
	// Offload: it runs a synchronous callable in a worker thread or process.
	Offload
	// LoopStarter: it runs an event loop to completion on the calling thread.
	LoopStarter
	// Blocking: it blocks the calling thread (Code names the rule family).
	Blocking
	// ReadsData: a synchronous function that only reads its arguments as
	// data (json.dumps, logging): an awaitable passed to it is a mistake.
	ReadsData
)

// API is what is known about one library function, method or class.
type API struct {
	Name  string // qualified name
	Roles Role
	// Returns is the type of the object a call returns ("" when not worth
	// tracking); ReturnsKnown says the entry exists even when Returns is "".
	Returns      string
	ReturnsKnown bool
	// CopiesFirstArg: calling it returns a copy of its first argument
	// (copy.copy, copy.deepcopy), a value of the same type.
	CopiesFirstArg bool
	// EntersFirstArg: calling it (awaiting it, for a coroutine) enters its
	// first argument, a context manager, and returns what that manager's
	// __enter__ (__aenter__) returns, as `with arg as x` binds x
	// (contextlib's exit stacks).
	EntersFirstArg bool
	// CompletesFirstArg: calling it runs its first argument, an awaitable,
	// to completion on an event loop of its own and returns the awaitable's
	// result (asyncio.run, loop.run_until_complete), so the call's value is
	// what `await arg` gives.
	CompletesFirstArg bool
	// ReturnsCallableResult, on an Offload API, says awaiting the call
	// gives what the callable it runs returns (`await
	// asyncio.to_thread(f, x)` is `f(x)`'s value; the callable is at
	// CallableArg or CallableKeyword).
	ReturnsCallableResult bool
	// AwaitReturns is the type of the object `await call(...)` produces.
	AwaitReturns string
	// AwaitReturnsClassAttr, on a method of a library base class, names a
	// class attribute that the subclasses bind to a class: `await
	// self.method()` produces an instance of the class the receiver's
	// class binds there (Airflow's GoogleBaseAsyncHook.get_sync_hook builds
	// `self.sync_hook_class(**kwargs)`, the subclass's synchronous hook).
	AwaitReturnsClassAttr string
	// AwaitUnpacks are the types of the elements of the tuple `await
	// call(...)` produces, by position (`reader, writer = await
	// asyncio.open_connection(...)`).
	AwaitUnpacks []string
	// AwaitIterates is the type of each item of the collection `await
	// call(...)` produces, as iterating it gives (`for el in await
	// page.locator(sel).all():` binds Playwright Locators).
	AwaitIterates string
	// Code is the rule of a blocking call (ASYNC210, ASYNC240, ASL202...);
	// Instead is the advice shown for it.
	Code    string
	Instead string
	// CallableArg and CallableKeyword say where an Offload API takes the
	// callable it runs: the keyword when set, else the positional index.
	CallableArg     int
	CallableKeyword string
	// Display is how messages name the API when not by its qualified name.
	Display string
	// Latency is the simulator's default duration of the call in seconds:
	// awaited for coroutines, holding the thread for blocking calls.
	Latency      float64
	LatencyKnown bool
	Note         string
	// ReadsOutside: calling it reads state that lives outside the program,
	// which no code of the program sets: the clock (time.monotonic,
	// datetime.datetime.now, loop.time) or the file system's metadata
	// (os.path.exists, pathlib.Path.is_file).
	ReadsOutside bool
	// Unblock says which arguments make a Blocking call return at once;
	// FileArg is the position of the file argument UnblockedMemoryFile reads;
	// BlockingKeyword is the argument without which an
	// UnblockedWithoutKeyword call does no I/O (for UnblockedLazy: the
	// argument with which it does none, at position FileArg; for
	// UnblockedWithoutInterval: the interval, by name or at FileArg; for
	// UnblockedMemoryFile: the name of the file argument, which may be
	// given by keyword instead of at FileArg).
	Unblock         Unblocking
	FileArg         int
	BlockingKeyword string
	// ServerMarker, on a constructor of TLS contexts, is how the name of
	// the argument value that makes a server's context ends
	// ("CLIENT_AUTH", "PROTOCOL_TLS_SERVER"), given first or as
	// ServerKeyword: a server builds its context once, when it starts.
	ServerMarker  string
	ServerKeyword string
	// Spawns, on an async library's module record, are the methods of its
	// task groups that start a task (asyncio's TaskGroup has create_task
	// only; trio's and anyio's start_soon and start).
	Spawns []string
	// ServiceRequest marks a request method of the client of a remote
	// service (sdk_clients.go: web APIs, MongoDB, SSH, FTP, IMAP, RabbitMQ):
	// its name is that service's vocabulary
	// (`find_one`, `chat`, `append`), so, unlike `sendall` or `recv`, it
	// says nothing of a call of the same name on an unknown receiver. Its
	// arguments are sent to the service as data: ASL102 reports a
	// coroutine passed to one (nothing there awaits it).
	ServiceRequest bool
	// CoroutineSince, on a Coroutine, says the API became a coroutine
	// function in a release of a distribution and was a plain function
	// before it (discord.py 2.0's extension and cog loading): a project
	// whose dependency declarations keep that distribution below the release
	// calls a plain function (analysis.Project.DeclaresOlder).
	CoroutineSince *Release
	// RemovedIn says the API exists only in releases before this one of its
	// distribution (aioredis 2.0 removed the 1.x factories
	// `create_redis`...): a module that calls it is written for an older
	// release, which analysis.Project.DeclaresOlder reads as a declaration
	// when the dependency files declare none.
	RemovedIn *Release
	// AddedIn says the API exists only from this release of its
	// distribution on (python-telegram-bot 20.0 added `Application` and
	// `ApplicationBuilder`): a module that uses it is written for that
	// release or a later one, which analysis.Project.WrittenForSince reads
	// as a declaration when the dependency files declare none (the mirror
	// of RemovedIn).
	AddedIn *Release
	// AwaitablesOneByOne, on an AwaitsArgs API, says it takes each
	// awaitable as a positional argument of its own (`asyncio.gather(*aws)`,
	// `create_task(coro)`), not an iterable of them as `asyncio.wait` and
	// `as_completed` do: a list, tuple, set, dict or comprehension handed to
	// it whole is not awaitable, the call raises TypeError, and the
	// coroutines in the container are never awaited.
	AwaitablesOneByOne bool
	// AsyncWithOnly, on a type or on a function that returns a context
	// manager, says the object supports only `async with`: a plain `with`
	// raises at once (TypeError, or the library's own "use async with"
	// error). context_managers.go lists them.
	AsyncWithOnly bool
	// NoAsyncWith, on a Coroutine function, says its call returns a bare
	// coroutine, no object with `__aenter__` (unlike aiohttp's
	// `session.get(...)` or aiosqlite's `connect(...)`, awaitables that are
	// also async context managers): `async with f(...)` raises TypeError
	// ("'coroutine' object does not support the asynchronous context
	// manager protocol") before anything runs, and the coroutine is never
	// awaited (ASL102).
	NoAsyncWith bool
	// SyncWithOnly, on a type or on a function that returns a context
	// manager, says the object supports only a plain `with`: `async with`
	// raises TypeError at once (it has no __aenter__). context_managers.go
	// lists them.
	SyncWithOnly bool
	// AsyncForOnly, on a type or on a function that returns an iterable,
	// says the object supports only `async for`: its class defines
	// __aiter__ and neither __iter__ nor __getitem__, so a plain `for`
	// raises TypeError ("... object is not iterable") at once.
	// async_iterables.go lists them.
	AsyncForOnly bool
	// CallsPostInit, on a class decorator, says the `__init__` it
	// generates calls the class's `__post_init__` synchronously and drops
	// what it returns (ASL111). structure.go lists them.
	CallsPostInit bool
	// FactoryKeyword, on a dataclass field specifier, is its keyword
	// naming the function the generated `__init__` calls for a field the
	// caller does not pass; NotAField, on an annotation, marks a class
	// attribute that is no parameter of that `__init__`. structure.go
	// lists them (analysis.Project.GeneratedInitCalls).
	FactoryKeyword string
	NotAField      bool
	// RaisedAnewCancels, on a CancellationClass, says a new instance raised
	// in a task is that task's cancellation as much as the one it caught:
	// asyncio's Task takes any CancelledError leaving its coroutine as its
	// cancellation (CPython Lib/asyncio/tasks.py, Task.__step: `except
	// exceptions.CancelledError as exc: self._cancelled_exc = exc;
	// super().cancel()`), so `raise asyncio.CancelledError from e` in a
	// handler of the caught one replaces nothing. trio.Cancelled has no
	// public constructor (trio's NoPublicConstructor: calling it raises
	// TypeError) and is not marked.
	RaisedAnewCancels bool
	// RunsLoopUntilStopped: calling it runs an event loop in the caller's
	// thread until the loop is stopped (asyncio's loop.run_forever: "Run
	// the event loop until stop() is called", the asyncio docs, "Event
	// Loop"); the caller's frame, and its locals, live as long as the loop
	// runs.
	RunsLoopUntilStopped bool
	// ReturnsRunningTask: calling it returns the task the calling
	// coroutine runs in (asyncio.current_task).
	ReturnsRunningTask bool
	// ShieldsFirstArg: awaiting a call of it waits for its first argument,
	// which a cancellation of the awaiting task does not cancel
	// (asyncio.shield: "Protect an awaitable object from being cancelled",
	// the asyncio docs, "Coroutines and Tasks").
	ShieldsFirstArg bool
	// ReturnedByCoroutineHandlers, on a response type of a web framework
	// that accepts only coroutine functions as request handlers, says a
	// function that returns one is such a handler (async_libs.go: aiohttp).
	ReturnedByCoroutineHandlers bool
	// DecoratedType, on a decorator (or a decorator factory, `@app.task`
	// and `@app.task(bind=True)` alike), is the type of the object the
	// decorated function becomes: its attributes are that type's
	// (`add.delay(...)` of a Celery task is celery.app.task.Task.delay). A
	// call of the decorated function itself keeps the function's meaning.
	DecoratedType string
	// NotAwaitable, on a method of a library class, says the library's docs
	// define it as a plain method whose result is not awaitable (None, a
	// bool, a number, a handle; asyncio's, and Playwright's async API, whose
	// locator builders give a Locator at once): `await` on its call raises
	// TypeError whenever it runs (ASL110). Matched only on a receiver typed
	// as that class, never by the method's name.
	NotAwaitable bool
	// OwnThreadKeyword, on a RefusesRunningLoop API, is the keyword
	// argument with which it runs its event loop on a thread of its own
	// and waits for it instead of refusing the running one
	// (prompt_toolkit's `Application.run(in_thread=True)`).
	OwnThreadKeyword string
	// AwaitableKeyword, on a RefusesRunningLoop API, is the keyword
	// argument with which an earlier release of it returned an awaitable
	// instead of running a loop (prompt_toolkit 2's
	// `session.prompt(async_=True)`): such a call belongs to that release.
	AwaitableKeyword string
}

// Release names a release of a distribution (a PyPI project), under any of
// the names it is installed by: discord.py is also installed as `discord`.
type Release struct {
	Dists   []string
	Version string
}

// Has reports whether the API has every role in r.
func (a API) Has(r Role) bool { return a.Roles&r == r && r != 0 }

var apis = map[string]*API{}

// wildcards holds the records of apis named "T.*" under "T" (looked up for
// every name without a record of its own, without building "T.*").
var wildcards = map[string]*API{}

// Lookup returns the record of a qualified name: its own, or that of a
// wildcard ("aiobotocore.client.AioBaseClient.*": every method of a client).
func Lookup(name string) (API, bool) {
	if a := find(name); a != nil {
		return *a, true
	}
	return API{}, false
}

// knownRoots holds the first component of every name find can answer for
// (records, library bases, wildcard roots, forks), set once the package's
// tables are complete (zz_tables_complete.go): a name under any other root
// (a project's own `app.models.User.save`) has no record, and find answered
// it only after a walk of every prefix's library bases and the wildcard
// roots (~4 % of a check's CPU on /work/corpus/src). nil until then.
var knownRoots map[string]bool

func find(name string) *API {
	if knownRoots != nil {
		root := name
		if i := strings.IndexByte(name, '.'); i >= 0 {
			root = name[:i]
		}
		if !knownRoots[root] {
			return nil
		}
	}
	return findUncached(name)
}

// rootsOfTables returns knownRoots' contents.
func rootsOfTables() map[string]bool {
	out := map[string]bool{}
	add := func(name string) {
		root, _, _ := strings.Cut(name, ".")
		out[root] = true
	}
	for name := range apis {
		add(name)
	}
	for name := range LibraryBases {
		add(name)
	}
	for _, name := range wildcardRoots {
		add(name)
	}
	for name := range Forks {
		add(name)
	}
	return out
}

func findUncached(name string) *API {
	if a, ok := apis[name]; ok {
		return a
	}
	i := strings.LastIndexByte(name, '.')
	if i <= 0 {
		return nil
	}
	// A wildcard covers a class's API methods, not its special methods
	// (`super().__init__(...)` of a subclass of an async client runs the
	// constructor), except the async protocol's own coroutines, nor its
	// private helpers, which are sync and async alike (Telethon's
	// TelegramClient: `_get_response_message` is a plain method,
	// `_call` an `async def`; telethon/sync.py syncifies only the public
	// names): a subclass's `self._get_response_message(...)` is no coroutine.
	if a, ok := wildcards[name[:i]]; ok && (!strings.HasPrefix(name[i+1:], "_") || asyncDunders[name[i+1:]]) {
		return a
	}
	// A method a library class inherits from a library base, also through
	// a class attribute the base declares (`User.objects.aget` is
	// Model.objects.aget for django.contrib.auth's User).
	for j := i; j > 0; j = strings.LastIndexByte(name[:j], '.') {
		for _, base := range LibraryBases[name[:j]] {
			if a := findUncached(base + name[j:]); a != nil {
				return a
			}
		}
	}
	for _, root := range wildcardRoots {
		if len(name) <= len(root) || name[len(root)] != '.' || !strings.HasPrefix(name, root) {
			continue
		}
		rest := strings.Split(name[len(root)+1:], ".")
		if len(rest) < 2 {
			continue
		}
		if a, ok := apis[root+strings.Repeat(".*", len(rest)-1)+"."+rest[len(rest)-1]]; ok {
			return a
		}
	}
	// A fork's name without a record of its own has the original's.
	if orig, _, ok := forkOf(name); ok {
		return findUncached(orig)
	}
	return nil
}

// Is reports whether the qualified name has every role in r.
func Is(name string, r Role) bool {
	a := find(name)
	return a != nil && a.Roles&r == r
}

// NotAwaitable reports whether a call of name gives a value that is not
// awaitable (API.NotAwaitable).
func NotAwaitable(name string) bool {
	a := find(name)
	return a != nil && a.NotAwaitable
}

// TakesAwaitablesOneByOne reports whether name awaits or schedules each of
// its positional arguments as one awaitable (API.AwaitablesOneByOne).
func TakesAwaitablesOneByOne(name string) bool {
	a := find(name)
	return a != nil && a.AwaitablesOneByOne
}

// CopiesArgument reports whether a call of name returns a copy of its
// first argument, so the result has the argument's type.
func CopiesArgument(name string) bool {
	a := find(name)
	return a != nil && a.CopiesFirstArg
}

// EntersArgument reports whether a call of name (awaited, when it is a
// coroutine function) returns what entering its first argument gives.
func EntersArgument(name string) bool {
	a := find(name)
	return a != nil && a.EntersFirstArg
}

// CompletesArgument reports whether a call of name runs its first
// argument, an awaitable, to completion and returns its result.
func CompletesArgument(name string) bool {
	a := find(name)
	return a != nil && a.CompletesFirstArg
}

// CompletingMethod reports whether name is the method name of an API that
// CompletesArgument and is matched by its name on receivers of unknown
// type (ByMethodName: `loop.run_until_complete(...)` on an untyped loop).
func CompletingMethod(name string) bool {
	completingMethodsOnce.Do(func() {
		completingMethods = map[string]bool{}
		for _, a := range apis {
			if a.CompletesFirstArg && a.Roles&ByMethodName != 0 {
				completingMethods[a.Name[strings.LastIndexByte(a.Name, '.')+1:]] = true
			}
		}
	})
	return completingMethods[name]
}

// OffloadResult returns the record of name when awaiting a call of it
// gives what the callable it runs returns (ReturnsCallableResult).
func OffloadResult(name string) (API, bool) {
	if a := find(name); a != nil && a.ReturnsCallableResult {
		return *a, true
	}
	return API{}, false
}

// OffloadResultMethod is OffloadResult by method name, for the APIs matched
// by their name on receivers of unknown type (ByMethodName:
// `loop.run_in_executor(None, f)` on an untyped loop).
func OffloadResultMethod(name string) (API, bool) {
	offloadResultMethodsOnce.Do(func() {
		offloadResultMethods = map[string]*API{}
		for _, a := range apis {
			if a.ReturnsCallableResult && a.Roles&ByMethodName != 0 {
				offloadResultMethods[a.Name[strings.LastIndexByte(a.Name, '.')+1:]] = a
			}
		}
	})
	if a := offloadResultMethods[name]; a != nil {
		return *a, true
	}
	return API{}, false
}

var (
	offloadResultMethodsOnce sync.Once
	offloadResultMethods     map[string]*API
)

// completingMethods is CompletingMethod's set, built once from the tables
// (complete after init): resolving asks it for every method call on an
// untyped receiver, and a walk over every record there made each edit of
// an async-heavy file a third slower.
var (
	completingMethodsOnce sync.Once
	completingMethods     map[string]bool
)

// ReturnType is the type a call of name returns, and whether it is known.
func ReturnType(name string) (string, bool) {
	if a := find(name); a != nil && a.ReturnsKnown {
		if _, fork, ok := forkOf(name); ok {
			return intoFork(a.Returns, fork), true
		}
		return a.Returns, true
	}
	return "", false
}

// DecoratedTypeOf returns the type of the object a function decorated
// with name becomes (API.DecoratedType), or "".
func DecoratedTypeOf(name string) string {
	if a := find(name); a != nil {
		return a.DecoratedType
	}
	return ""
}

// decorates records that a function decorated with each name becomes an
// object of type typ.
func decorates(typ string, names ...string) {
	for _, n := range names {
		entry(n).DecoratedType = typ
	}
}

// ReadsOutsideState reports whether a call of name reads state outside the
// program: the clock or the file system's metadata (API.ReadsOutside).
func ReadsOutsideState(name string) bool {
	a := find(name)
	return a != nil && a.ReadsOutside
}

// RaisesAnewAsCancellation reports whether raising a new instance of the
// class name is a cancellation of the running task (API.RaisedAnewCancels).
func RaisesAnewAsCancellation(name string) bool {
	a := find(name)
	return a != nil && a.RaisedAnewCancels
}

// RunsLoopUntilStopped reports whether a call of name runs an event loop
// until the loop is stopped (API.RunsLoopUntilStopped).
func RunsLoopUntilStopped(name string) bool {
	a := find(name)
	return a != nil && a.RunsLoopUntilStopped
}

// ReturnsRunningTask reports whether a call of name returns the running
// task (API.ReturnsRunningTask).
func ReturnsRunningTask(name string) bool {
	a := find(name)
	return a != nil && a.ReturnsRunningTask
}

// ShieldsArgument reports whether awaiting a call of name waits for its
// first argument without cancelling it when the awaiting task is cancelled
// (API.ShieldsFirstArg).
func ShieldsArgument(name string) bool {
	a := find(name)
	return a != nil && a.ShieldsFirstArg
}

// AwaitResult is the type `await name(...)` produces, or "".
func AwaitResult(name string) string {
	if a := find(name); a != nil {
		if _, fork, ok := forkOf(name); ok {
			return intoFork(a.AwaitReturns, fork)
		}
		return a.AwaitReturns
	}
	return ""
}

// AwaitResultClassAttr is the class attribute whose class `await
// name(...)` makes an instance of (API.AwaitReturnsClassAttr), or "".
func AwaitResultClassAttr(name string) string {
	if a := find(name); a != nil {
		return a.AwaitReturnsClassAttr
	}
	return ""
}

// LastNames returns the last dotted component of every API that has every
// role in r ("contextlib.asynccontextmanager" -> "asynccontextmanager"),
// sorted, without duplicates: for code that matches names as written.
func LastNames(r Role) []string {
	seen := map[string]bool{}
	var out []string
	for _, a := range apis {
		if a.Roles&r != r {
			continue
		}
		last := a.Name[strings.LastIndexByte(a.Name, '.')+1:]
		if !seen[last] {
			seen[last] = true
			out = append(out, last)
		}
	}
	sort.Strings(out)
	return out
}

// Each calls fn for every API that has every role in r.
func Each(r Role, fn func(API)) {
	for _, a := range apis {
		if a.Roles&r == r {
			fn(*a)
		}
	}
}

// AsyncModules are name prefixes of async APIs: what they name is awaited,
// never blocking.
var AsyncModules = []string{"aiohttp.", "httpx.Async", "asyncpg.", "aiosqlite.", "redis.asyncio.", "aioredis.", "motor.",
	"aiofiles.", "aiobotocore.", "asyncio."}

// BlockingCodes returns the rule codes of the blocking calls.
func BlockingCodes() map[string]bool {
	blockingCodesOnce.Do(func() {
		blockingCodes = map[string]bool{}
		for _, a := range apis {
			if a.Roles&Blocking != 0 {
				blockingCodes[a.Code] = true
			}
		}
	})
	return blockingCodes
}

var (
	blockingCodesOnce sync.Once
	blockingCodes     map[string]bool
)

// Latencies returns the simulator's default durations: of blocking calls
// (blocking true) or of awaited calls. Names ending in "." apply to a whole
// module. A latency recorded for a name of an async API (AsyncModules) is
// the awaited one even when its constructor also blocks (httpx.AsyncClient,
// which loads the CA bundle, ASL203, and is entered with `async with`).
func Latencies(blocking bool) map[string]float64 {
	out := map[string]float64{}
	for name, a := range apis {
		awaited := a.Roles&Blocking == 0
		for _, m := range AsyncModules {
			if strings.HasPrefix(name, m) {
				awaited = true
			}
		}
		if a.LatencyKnown && awaited != blocking {
			out[name] = a.Latency
		}
	}
	return out
}

// isDunder reports a special method name (`__init__`).
func isDunder(m string) bool {
	return len(m) > 4 && strings.HasPrefix(m, "__") && strings.HasSuffix(m, "__")
}

// asyncDunders are the special methods whose call makes a coroutine.
var asyncDunders = map[string]bool{"__aenter__": true, "__aexit__": true, "__anext__": true}

// entry returns the record of name, creating it.
func entry(name string) *API {
	a := apis[name]
	if a == nil {
		a = &API{Name: name}
		apis[name] = a
		if t, ok := strings.CutSuffix(name, ".*"); ok {
			wildcards[t] = a
		}
	}
	return a
}

// with adds roles to every name.
func with(r Role, names ...string) {
	for _, n := range names {
		entry(n).Roles |= r
	}
}

// prefixed returns prefix+n for every n.
func prefixed(prefix string, names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = prefix + n
	}
	return out
}

// coroutines marks coroutine functions.
func coroutines(names ...string) { with(Coroutine, names...) }

// methods marks coroutine methods of a type.
func coroutineMethods(typ string, names ...string) { with(Coroutine, prefixed(typ+".", names...)...) }

// coroutineMethodsSince records methods of typ that are coroutine functions
// from release r on and plain methods before it.
func coroutineMethodsSince(r Release, note, typ string, names ...string) {
	coroutineMethods(typ, names...)
	for _, n := range prefixed(typ+".", names...) {
		e := entry(n)
		e.CoroutineSince = &r
		e.Note = note
	}
}

// awaitedTypeArgs are the generic types that annotate an awaitable of a
// type, with the position, among their type arguments, of the type an
// await gives (the typing docs: "Awaitable[T]"; "Coroutine[YieldType,
// SendType, ReturnType]", collections.abc's alike): a plain function
// annotated `-> Awaitable[User]` returns what awaiting gives a User.
var awaitedTypeArgs = map[string]int{
	"typing.Awaitable": 0, "collections.abc.Awaitable": 0, "typing_extensions.Awaitable": 0,
	"typing.Coroutine": 2, "collections.abc.Coroutine": 2, "typing_extensions.Coroutine": 2,
}

// AwaitedTypeArg reports whether name is a generic type that annotates an
// awaitable of a type, and which type argument an await of it gives.
func AwaitedTypeArg(name string) (int, bool) {
	i, ok := awaitedTypeArgs[name]
	return i, ok
}

// addedIn records APIs that exist only from release r on.
func addedIn(r Release, names ...string) {
	for _, n := range names {
		rr := r
		entry(n).AddedIn = &rr
	}
}

// removedIn records APIs that exist only before release r.
func removedIn(r Release, names ...string) {
	for _, n := range names {
		rr := r
		entry(n).RemovedIn = &rr
	}
}

// SameRelease reports whether a and b name the same release.
func SameRelease(a, b *Release) bool {
	return a != nil && b != nil && a.Version == b.Version && slices.Equal(a.Dists, b.Dists)
}

// returns records what calling name gives.
func returns(name, typ string) {
	a := entry(name)
	a.Returns, a.ReturnsKnown = typ, true
}

// awaitReturns records what awaiting a call of name gives.
// NoAsyncWith reports whether name is a coroutine function recorded as
// returning a bare coroutine (API.NoAsyncWith).
func NoAsyncWith(name string) bool {
	a, ok := Lookup(name)
	return ok && a.Has(Coroutine) && a.NoAsyncWith
}

func awaitReturns(name, typ string) {
	entry(name).AwaitReturns = typ
}

// awaitIterates records the type of the items of the collection that
// awaiting a call of name gives.
func awaitIterates(name, typ string) {
	entry(name).AwaitIterates = typ
}

// AwaitedItemType gives the type of the items of the collection that
// awaiting a call of name gives (API.AwaitIterates), or "".
func AwaitedItemType(name string) string {
	if a := find(name); a != nil {
		return a.AwaitIterates
	}
	return ""
}

// plainReturning records methods of a library class that are plain (not
// coroutine functions) and give an object of type typ at once: the call's
// type is typ and its value is not awaitable (API.NotAwaitable).
func plainReturning(class, typ string, methods ...string) {
	for _, m := range methods {
		returns(class+"."+m, typ)
	}
	plainMethods(class, methods...)
}

// plainMethods records methods of a library class that are plain and give
// None, a bool or a number: not awaitable (API.NotAwaitable).
func plainMethods(class string, methods ...string) {
	for _, m := range methods {
		entry(class + "." + m).NotAwaitable = true
	}
}

// blocking marks blocking calls of one rule family.
func blocking(code, instead string, names ...string) {
	for _, n := range names {
		a := entry(n)
		a.Roles |= Blocking
		a.Code, a.Instead = code, instead
	}
}

// latency records the simulator's default duration.
func latency(name string, seconds float64) {
	a := entry(name)
	a.Latency, a.LatencyKnown = seconds, true
}

// InAsyncOnly marks coroutine APIs of libraries that also run synchronously
// when no loop is running (pyrogram's wrappers, python-telegram-bot before
// v20): a call counts as a coroutine only in async code.
const InAsyncOnly = ReadsData << 1

// SyncShim is a module whose import rewrites coroutine APIs of its library
// into wrappers that run them to completion when no event loop is running
// and return the coroutine when one is (Telethon's telethon.sync). In a
// module that imports it (or imports from it), the APIs it covers count as
// coroutines only in async code, as InAsyncOnly APIs do everywhere.
type SyncShim struct {
	Module string   // the module whose import applies it
	Covers []string // API names, or prefixes ending in "." (a class's methods)
}

// SyncShims lists the sync shims (filled by the library files' init).
var SyncShims []SyncShim

// ShimmedBy reports whether an import of one of the modules named in
// imports (qualified names a module imports: modules and imported names)
// applies a sync shim that covers the API name.
func ShimmedBy(name string, imports []string) bool {
	for _, s := range SyncShims {
		covered := false
		for _, c := range s.Covers {
			if name == c || strings.HasSuffix(c, ".") && strings.HasPrefix(name, c) {
				covered = true
				break
			}
		}
		if !covered {
			continue
		}
		for _, imp := range imports {
			if imp == s.Module || strings.HasPrefix(imp, s.Module+".") {
				return true
			}
		}
	}
	return false
}

// Roles the rules about structure read. Role has 64 bits and 63 are used
// (TestBitSetsHaveDistinctBits counts them and fails when two constants
// share a bit); a role past the 64th does not compile (a typed constant
// cannot overflow). Then move roles that no test combines with another
// (most structure roles; not ByMethodName, combined with Offload and
// OwnsLoop) to a type of their own.
const (
	// TimeoutScope: a timeout context manager (asyncio.timeout, trio.move_on_after).
	TimeoutScope = Awaitable << (iota + 1)
	// TaskGroupOpener: opens a task group or nursery.
	TaskGroupOpener
	// Sleep: sleeps (and is a checkpoint).
	Sleep
	// TakesTimeout: takes a timeout and implements it with cancellation.
	TakesTimeout
	// SyncLock: a thread lock type.
	SyncLock
	// ExceptionGroupClass: an ExceptionGroup class.
	ExceptionGroupClass
	// CallsBack: calls the callable it is given synchronously and discards
	// its result (loop.call_soon, signal.signal, threading.Thread's target).
	CallsBack
	// CancellationClass: an exception class that carries cancellation.
	CancellationClass
	// Startable: a function meant to be started with `nursery.start()`
	// (it reports readiness through task_status).
	Startable
	// KeepsNoReference: a method of a task that does not keep the task
	// alive (add_done_callback, get_name...).
	KeepsNoReference
	// AsyncLibrary: a module that is an async framework (asyncio, trio,
	// anyio): imported under another name it hides what the code uses.
	AsyncLibrary
	// FaceValue: a module name taken as written when code uses it without
	// an import and nothing in scope binds it (snippets often forget
	// `import asyncio`).
	FaceValue
	// ContextManagerDecorator: a decorator that turns a generator into a
	// context manager or fixture (its yield hands control to the caller).
	ContextManagerDecorator
	// ConcurrencyHint: a call that runs awaitables concurrently or in a
	// thread; the simulator estimates the code around it.
	ConcurrencyHint
	// OpensScope: a context manager of another library that opens a task
	// group, nursery or cancel scope inside (flake8-async's list).
	OpensScope
	// TransparentDecorator: a decorator that returns the function itself
	// or a plain wrapper, managing nothing.
	TransparentDecorator
	// HoldsNoResource: a context manager whose exit releases nothing
	// (suppress, nullcontext, pytest.raises).
	HoldsNoResource
	// TestsAwaitable: asks whether a value is awaitable (code that asks
	// expects either a coroutine or a plain value).
	TestsAwaitable
	// RunsNothingOnImport: a decorator that only wraps the definition
	// (no registration in a global table); names as written.
	RunsNothingOnImport
	// SpawnsProcess: an os.spawn* function (waits for the process without a
	// mode or with P_WAIT).
	SpawnsProcess
	// CompressedFile: a compressed-file class that wraps another file object.
	CompressedFile
	// ThreadUnsafe: must not be called outside the event loop's thread;
	// Instead is the thread-safe way.
	ThreadUnsafe
	// ByMethodName: a method matched by its name on a receiver of unknown
	// type (event loops and futures are rarely typed where they are used).
	ByMethodName
	// OwnsLoop: creates or runs an event loop on the calling thread; a
	// thread that does so owns that loop and may call its methods.
	OwnsLoop
	// KeepsBehaviour: a decorator after which the function runs exactly as
	// written (the simulator runs the undecorated body).
	KeepsBehaviour
	// RefusesRunningLoop: runs an event loop and raises RuntimeError when
	// one already runs in the thread (asyncio.run, loop.run_until_complete).
	RefusesRunningLoop
	// AsksRunningLoop: tells whether an event loop is running (code that
	// asks is written for both worlds).
	AsksRunningLoop
	// AllowsNestedLoops: patches the event loop so that RefusesRunningLoop
	// APIs work inside a running loop (nest_asyncio.apply).
	AllowsNestedLoops
	// TakesTasks: takes an iterable of tasks or futures, not coroutines
	// (asyncio.wait: TypeError since Python 3.11).
	TakesTasks
	// Gathers: runs awaitables concurrently and returns their results in a
	// list; return_exceptions=True puts the exceptions among them.
	Gathers
	// GetsLoopImplicitly: returns the current event loop, creating one
	// outside a coroutine (asyncio.get_event_loop; get_running_loop is
	// the coroutine's way).
	GetsLoopImplicitly
	// ThreadSafeModule: a module whose objects may be used from any thread
	// (concurrent.futures' futures).
	ThreadSafeModule
	// UnboundedQueue: a queue class whose put never waits.
	UnboundedQueue
	// FreeWhenNew: a lock class whose new instance is not held, so the
	// first acquire in the function that made it returns at once; or an
	// executor class whose new instance runs no job, so its shutdown in
	// the function that made it returns at once while every job given to
	// it since has been awaited.
	FreeWhenNew
	// MemoryDatabase: an API of a database driver that can work on an
	// in-memory database, where queries are CPU work, not I/O.
	MemoryDatabase
	// OpensMemoryDatabase: a connect function that opens an in-memory
	// database for the name ":memory:".
	OpensMemoryDatabase
	// BindsArguments: returns a callable that calls its first argument
	// with the rest (functools.partial).
	BindsArguments
	// SyncContextManagerDecorator: turns a generator into a synchronous
	// context manager (contextlib.contextmanager).
	SyncContextManagerDecorator
	// ExpectsRaise: a context manager that asserts its body raises
	// (pytest.raises).
	ExpectsRaise
	// SuppressesExceptions: a context manager that swallows the exceptions
	// it is given (contextlib.suppress).
	SuppressesExceptions
	// ReturnsCancellation: returns the exception class that carries
	// cancellation in the running async library.
	ReturnsCancellation
	// ReturnsArgument: returns its last argument unchanged (typing.cast).
	ReturnsArgument
	// NurseryOpener: a TaskGroupOpener that messages call a nursery.
	NurseryOpener
	// FileObjectKeywordOnly: a CompressedFile class that takes the file
	// object it wraps only as fileobj= (its first argument is a file name).
	FileObjectKeywordOnly
	// OpensFile: the built-in open() and its aliases.
	OpensFile
	// AsyncLock: an async lock, semaphore or condition class (names as
	// resolved, and bare as written): code under it is serialised on purpose.
	AsyncLock
	// OrdersWork: a module whose awaited calls coordinate other work
	// (sleeps, locks, queues, waits) rather than do I/O of their own.
	OrdersWork
	// SimulatedModule: a module whose calls the simulator implements, so it
	// may know what awaiting them costs.
	SimulatedModule
	// PoolRequests: a module whose untyped objects' .request("GET", ...) /
	// .urlopen("GET", ...) are blocking pool requests (flake8-async's
	// ASYNC211 condition for urllib3).
	PoolRequests
	// Superseded: a module no longer maintained; Instead names its
	// maintained continuation.
	Superseded
	// PropertyDecorator: makes a method an attribute read (names as the
	// resolver gives them: the builtin bare, an unresolved import bare too).
	PropertyDecorator
	// NamedEventHandlers: a library whose event handlers (registered with
	// its `.event` / `.listener` decorators or overriding its classes'
	// methods) take the parameters DiscordEvents gives for their name.
	NamedEventHandlers
	// Shieldable: a cancel scope that takes shield=True, keeping the
	// enclosing scopes' cancellation away from its body (matched by its
	// last name as written).
	Shieldable
	// RedeliversCancellation: a cancellation class (or the function naming
	// it) of a library whose cancel scopes are level-triggered: a
	// cancellation caught and not re-raised is raised again at the task's
	// next checkpoint inside the cancelled scope.
	RedeliversCancellation
	// ReturnsFuture: returns a Future (or Task) that exists already, not a
	// coroutine; what completes it (an executor, child tasks) references it,
	// and `ensure_future` hands it back unchanged.
	ReturnsFuture
)

// TaskGroupSpawns returns the Spawns of the library that encloses opener
// (a task group's opening call), and whether one is known.
func TaskGroupSpawns(opener string) ([]string, bool) {
	for i := strings.LastIndexByte(opener, '.'); i > 0; i = strings.LastIndexByte(opener[:i], '.') {
		if a := find(opener[:i]); a != nil && len(a.Spawns) > 0 {
			return a.Spawns, true
		}
	}
	return nil, false
}

// Within reports whether a module enclosing name (a proper dotted prefix of
// it: "concurrent.futures" of "concurrent.futures.Future.result") has every
// role in r.
func Within(name string, r Role) bool {
	for i := strings.LastIndexByte(name, '.'); i > 0; i = strings.LastIndexByte(name[:i], '.') {
		if Is(name[:i], r) {
			return true
		}
	}
	return false
}

// Unblocking says which arguments make a call of a Blocking API return at
// once instead of waiting.
type Unblocking uint8

const (
	// AlwaysBlocks: no argument helps.
	AlwaysBlocks Unblocking = iota
	// UnblockedByFlag: acquire(False), acquire(blocking=False), acquire(timeout=0).
	UnblockedByFlag
	// UnblockedQueueGet: get(False), get(block=False), get(timeout=0).
	UnblockedQueueGet
	// UnblockedQueuePut: put(x, False), put(x, block=False), put(x,
	// timeout=0), or a put on an unbounded queue.
	UnblockedQueuePut
	// UnblockedByZeroTimeout: wait(0), result(timeout=0).
	UnblockedByZeroTimeout
	// UnblockedStoppedThread: join() of a thread (or process) that the
	// same function has told to stop before joining it: a sentinel put on
	// a queue, an event set, its loop stopped, the process terminated;
	// the wait is the rest of the thread's current step.
	UnblockedStoppedThread
	// UnblockedNumericHost: a numeric lookup flag (AI_NUMERICHOST) or a
	// host that needs no lookup, an IP address literal or "localhost"
	// (getaddrinfo).
	UnblockedNumericHost
	// UnblockedLocalHost: a host that needs no lookup, as for
	// UnblockedNumericHost, for the calls that take no flags
	// (gethostbyname).
	UnblockedLocalHost
	// UnblockedNumericFlag: a numeric lookup flag (NI_NUMERICHOST); an
	// address literal is still looked up (getnameinfo).
	UnblockedNumericFlag
	// UnblockedAsyncKeyword: async_=True (psycopg2's asynchronous mode).
	UnblockedAsyncKeyword
	// UnblockedSocket: a method of a socket set non-blocking.
	UnblockedSocket
	// UnblockedReadOnlyClose: close() of a file opened only for reading.
	UnblockedReadOnlyClose
	// UnblockedMemoryFile: the file argument (FileArg) is an in-memory
	// buffer, or a call already reported on its own (json.load(open(p))).
	UnblockedMemoryFile
	// UnblockedMemoryArchive: an archive or compressed file opened over an
	// in-memory buffer (fileobj=, file=, filename= or the first argument):
	// reading its headers is CPU work.
	UnblockedMemoryArchive
	// UnblockedMemoryArchiveRead: a method of an archive opened over an
	// in-memory buffer that reads or writes only that buffer (not
	// extractall() or add(), which touch the disk).
	UnblockedMemoryArchiveRead
	// UnblockedUTCZone: the zone key is the literal "UTC" (any case), which
	// pytz.timezone answers with its utc singleton without reading a file.
	UnblockedUTCZone
	// UnblockedCachedModule: the import runs only when sys.modules lacks
	// the module, in a function that looks it up there first (anyio's
	// get_asynclib): a load once per process of a module the running
	// program has already imported, not a wait on every call.
	UnblockedCachedModule
	// UnblockedWithoutKeyword: the call blocks only when given the
	// BlockingKeyword argument (not None): a constructor that loads files
	// only when told which (aiomqtt's Client with tls_params).
	UnblockedWithoutKeyword
	// UnblockedByVerify: an HTTP client or transport that builds no SSL
	// context from the CA bundle: given verify= other than True or a path
	// literal (False, a context), a transport= of its own, or **options
	// that may say either (httpx).
	UnblockedByVerify
	// UnblockedInMemoryCerts: given cadata= and no cafile= or capath= (nor
	// a positional argument at FileArg): the certificates are parsed from
	// memory, no file is read (ssl's create_default_context,
	// load_verify_locations).
	UnblockedInMemoryCerts
	// UnblockedNoWait: shutdown(False) or shutdown(wait=False) of an
	// executor, which returns at once without joining its workers.
	UnblockedNoWait
	// UnblockedUnlessIterated: a lazy call that sends nothing until its
	// result is iterated (PyMongo's Collection.find returns a Cursor that
	// queries on the first iteration; the Kubernetes DynamicClient's watch
	// is a generator): it blocks where its value is iterated in place (the
	// iterable of a `for` or comprehension, `list(coll.find())`), and only
	// there.
	UnblockedUnlessIterated
	// UnblockedByNamedFlag: a flag named in the call's arguments says not
	// to wait (pyzmq's `recv(zmq.NOBLOCK)`, `recv(flags=zmq.DONTWAIT)`):
	// the call raises at once when nothing is ready.
	UnblockedByNamedFlag
	// UnblockedWithoutInterval: the call waits only for the interval it is
	// given (BlockingKeyword by name or the argument at FileArg), and returns at once without
	// one, or with None or 0 (psutil's cpu_percent).
	UnblockedWithoutInterval
	// UnblockedNonBlockingPort: a read of a port opened in non-blocking
	// mode (pyserial's `Serial(..., timeout=0)`: "return immediately in
	// any case"), or a read() of no more than the bytes its input buffer
	// already holds (`ser.read(ser.in_waiting)`, `ser.read(ser.inWaiting())`).
	UnblockedNonBlockingPort
	// UnblockedLazy: given its BlockingKeyword argument, by name or at
	// position FileArg (-1: by name only), as the literal True, the call
	// waits for nothing: it only builds the object it returns (PyGithub's
	// `get_repo(name, lazy=True)`) or hands the request to a thread (the
	// Kubernetes client's `async_req=True`).
	UnblockedLazy
	// UnblockedDocumentData: the argument at FileArg (or BlockingKeyword by
	// name) is the document itself, not where to fetch it (feedparser's
	// parse takes "a URL, a local file name, a file-like object or a
	// string"): a bytes literal, a string literal holding markup (`<`), or a
	// value computed from an awaited result (`feedparser.parse(await
	// resp.text())`, `body = resp.content` after `resp = await
	// client.get(url)`): what an async HTTP client already downloaded. The
	// call then only parses in memory and fetches nothing.
	UnblockedDocumentData
	// UnblockedUnlessDownloaded: CPU work proportional to a document,
	// reported only when the document (the argument at FileArg, or
	// BlockingKeyword by name) is what an async HTTP client has just
	// downloaded, a value computed from an awaited result
	// (`BeautifulSoup(await resp.text(), ...)`, `html = await
	// response.read()` before it): a whole page. Markup from a parameter,
	// a literal, a message body or anything else is assumed to be a small
	// fragment, the common case in bots, and is not reported.
	UnblockedUnlessDownloaded
)

// InstantPrefixes are modules (names ending in ".") and calls whose
// synchronous calls take no time worth simulating and whose results do not
// steer timing (logging, typing helpers, warnings).
var InstantPrefixes = []string{"logging.", "typing.", "warnings.", "abc.", "traceback.print", "sys.stdout.write",
	"sys.stderr.write", "sys.stdout.flush", "sys.stderr.flush"}

// Awaitable marks calls that return an awaitable which does nothing until
// awaited or entered with `async with` (aiohttp's session.get(),
// aiofiles.open()): like a coroutine it must not be dropped, but unlike one
// an async function may return it for its caller to await.
const Awaitable = InAsyncOnly << 1

// wildcardRoots are types whose attributes, at any depth, lead to objects
// with known methods (motor's client.db.collection).
var wildcardRoots []string

// ItemsAreAttributes reports whether name is a wildcard root or an attribute
// path under one, whose items are its attributes by another spelling:
// motor's client["shop"]["users"] is client.shop.users.
func ItemsAreAttributes(name string) bool {
	for _, root := range wildcardRoots {
		if name == root || (len(name) > len(root) && name[len(root)] == '.' && strings.HasPrefix(name, root)) {
			return true
		}
	}
	return false
}

// coroutinesOfAnyMethod marks every method of typ as a coroutine except the
// ones named.
func coroutinesOfAnyMethod(typ string, except ...string) {
	entry(typ + ".*").Roles |= Coroutine
	for _, e := range except {
		entry(typ + "." + e)
	}
}

// Roots returns the first components of every name the tables mention
// (APIs, the types they return, library attributes and handler
// parameters): the top-level modules whose names analysis may produce
// from library facts alone, without an import of them in the file.
func Roots() map[string]bool {
	out := map[string]bool{}
	add := func(names ...string) {
		for _, n := range names {
			if i := strings.IndexByte(n, '.'); i > 0 {
				n = n[:i]
			}
			if n != "" {
				out[n] = true
			}
		}
	}
	for name, a := range apis {
		add(name, a.Returns, a.AwaitReturns)
	}
	for k, v := range LibraryAttrTypes {
		add(k, v)
	}
	for k, v := range CallbackParams {
		add(k)
		add(v...)
	}
	for k, r := range HandlerRegistrations {
		add(k)
		add(r.Types...)
		for _, types := range r.Events {
			add(types...)
		}
	}
	for _, v := range DiscordEvents {
		add(v...)
	}
	return out
}

// RunsWithoutAwait reports a method name some known API uses for a call
// whose work runs whether or not its result is awaited (a task factory,
// an offload to a thread, a future of awaitables): code may await
// `x.NAME(...)` in one place and drop it in another on purpose.
func RunsWithoutAwait(method string) bool {
	runsWithoutAwaitOnce.Do(func() {
		runsWithoutAwait = map[string]bool{}
		for name, a := range apis {
			if a.Roles&(TaskFactory|Offload) != 0 || a.Roles&AwaitsArgs != 0 && a.Roles&Coroutine == 0 {
				runsWithoutAwait[name[strings.LastIndexByte(name, '.')+1:]] = true
			}
		}
	})
	return runsWithoutAwait[method]
}

var (
	runsWithoutAwaitOnce sync.Once
	runsWithoutAwait     map[string]bool
)

// KnownOtherThanCoroutine reports a last name (a method or function name)
// that some known API has without being a coroutine function: a receiver
// of unknown type may be that library's object.
func KnownOtherThanCoroutine(name string) bool {
	otherThanCoroutineOnce.Do(func() {
		otherThanCoroutine = map[string]bool{}
		for full, a := range apis {
			if a.Roles&Coroutine == 0 {
				otherThanCoroutine[full[strings.LastIndexByte(full, '.')+1:]] = true
			}
		}
	})
	return otherThanCoroutine[name]
}

var (
	otherThanCoroutineOnce sync.Once
	otherThanCoroutine     map[string]bool
)
