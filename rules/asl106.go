package rules

import (
	"slices"
	"strings"
	"sync"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASL106 reports non-thread-safe loop/future methods called from executor threads.
var ASL106 = register(&Rule{
	Code:    "ASL106",
	Name:    "loop-call-from-thread",
	Summary: "Event-loop or future method that is not thread-safe called from a function run in a thread",
	Rationale: "A function handed to `loop.run_in_executor()`, `asyncio.to_thread()`, `ThreadPoolExecutor.submit()` or " +
		"`threading.Thread(target=...)` (or any offload pylib knows: anyio's and trio's `to_thread.run_sync`, Starlette's " +
		"`run_in_threadpool`, asgiref's `sync_to_async`) " +
		"runs in another thread. The event loop and its futures are not thread-safe: `loop.call_soon()`, " +
		"`loop.create_task()`, `fut.set_result()` or `queue.put_nowait()` called from there may corrupt the loop's state or " +
		"sit unnoticed until something else wakes the loop. Use the thread-safe entry points: " +
		"`loop.call_soon_threadsafe(...)` and `asyncio.run_coroutine_threadsafe(coro, loop)`.",
	Bad: `import asyncio

def produce(loop, fut):
    result = compute()
    fut.set_result(result)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    await loop.run_in_executor(None, produce, loop, fut)`,
	Good: `import asyncio

def produce(loop, fut):
    result = compute()
    loop.call_soon_threadsafe(fut.set_result, result)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    await loop.run_in_executor(None, produce, loop, fut)`,
	Severity:  Error,
	Default:   true,
	CrossFile: true,
	Notes: "Reported where the unsafe call is written, with the hand-off as related information. Follows the " +
		"function handed over (a function or method of the project, a lambda, or `functools.partial(f, " +
		"...)`) and the synchronous helpers it calls, across modules. Reported methods: `call_soon`, `call_later`, " +
		"`call_at`, `create_task`, `set_result`, `set_exception` on any receiver except a `concurrent.futures.Future` " +
		"(whose methods are thread-safe; a future of unknown type counts as one in a module that makes futures, " +
		"only `concurrent.futures.Future()`s and no asyncio future: gql's batching thread sets the futures its " +
		"callers queued; and so it does when the module that starts the thread is such a module: jeepney's reply " +
		"matcher, shared by its asyncio and threading backends, is filled with concurrent futures by the threading " +
		"backend, whose receiver thread sets them), `asyncio.create_task`/`ensure_future`, and `put_nowait`/`set` on an " +
		"`asyncio.Queue`/`asyncio.Event`. A thread function that creates or runs its own event loop (`new_event_loop`, " +
		"`set_event_loop`, `asyncio.run`, `run_until_complete`, `run_forever`) owns that loop and is not reported, and neither is " +
		"a call under an `if` that holds only where a loop runs on this thread (`if self.asynchronous:` where the property, " +
		"or a helper it returns, answers `loop is asyncio.get_running_loop()`, which raises elsewhere; up to three functions " +
		"deep, in any module of the project): a dual-mode client's branch for callers on the loop's own thread, beside its " +
		"`else` that hands the work to the loop thread-safely. " +
		"Callbacks a library calls from a thread of its own are hand-offs too (pylib's ThreadedCallbackOwners): paho-mqtt's " +
		"`on_connect`, `on_message` and the other `on_*` callbacks, and those of `message_callback_add()`, of a client the same " +
		"function (or, for `self.client`, the same class) starts with `loop_start()`, whose network thread calls them; a client " +
		"driven from the event loop with `loop_read()`/`loop_write()`/`loop_misc()` calls them on the loop's thread and is not one. " +
		"The project's own offload helpers (functions that run the callable passed to them first in a worker thread) are " +
		"hand-offs too when listed in `[tool.asyncls]` `offload-helpers` (qualified names or `module.*`).",
	Run: runLoopCallFromThread,
})

// threadUnsafeMethods maps the name of a loop or future method that must
// not be called from another thread to its advice (pylib's ThreadUnsafe
// records matched by method name).
var threadUnsafeMethods = methodAdvice(pylib.ThreadUnsafe | pylib.ByMethodName)

// ownLoopMethods are the names of methods that run an event loop.
var ownLoopMethods = methodAdvice(pylib.OwnsLoop | pylib.ByMethodName)

func methodAdvice(r pylib.Role) map[string]string {
	out := map[string]string{}
	pylib.Each(r, func(a pylib.API) {
		out[a.Name[strings.LastIndexByte(a.Name, '.')+1:]] = a.Instead
	})
	return out
}

// threadUnsafe returns advice when call c must not run outside the loop's thread.
func threadUnsafe(m *analysis.Module, c *analysis.Call) string {
	name := calleeName(m, c)
	if api, ok := pylib.Lookup(name); ok && api.Has(pylib.ThreadUnsafe) && !api.Has(pylib.ByMethodName) {
		return api.Instead
	}
	meth := c.Method(m.File)
	advice, ok := threadUnsafeMethods[meth]
	if !ok {
		return ""
	}
	recv := c.Node.ChildByField("function").ChildByField("object")
	t := receiverType(m, recv)
	if pylib.Within(t, pylib.ThreadSafeModule) || pylib.Within(name, pylib.ThreadSafeModule) {
		return ""
	}
	if unknownFutureSet(m, c) && onlyThreadSafeFutures(m) {
		return ""
	}
	return advice
}

// unknownFutureSet reports `fut.set_result(...)` or `fut.set_exception(...)`
// on a receiver of unknown type.
func unknownFutureSet(m *analysis.Module, c *analysis.Call) bool {
	meth := c.Method(m.File)
	if meth != "set_result" && meth != "set_exception" {
		return false
	}
	fn := c.Node.ChildByField("function")
	return fn != nil && fn.Type() == "attribute" && receiverType(m, fn.ChildByField("object")) == ""
}

// onlyThreadSafeFutures reports a module that makes futures, and only
// thread-safe ones (`concurrent.futures.Future()`), with no asyncio future
// made anywhere in it (`asyncio.Future()`, `loop.create_future()`): a
// future of unknown type set there is one of its own, thread-safe (gql's
// batching thread sets the `Future()`s its callers queued, reached through
// a queue of tuples no annotation types).
func onlyThreadSafeFutures(m *analysis.Module) bool {
	safe := false
	for _, c := range m.Calls {
		if c.Method(m.File) == "create_future" {
			return false
		}
		name := calleeName(m, c)
		if !strings.HasSuffix(name, ".Future") {
			continue
		}
		if !pylib.Within(name, pylib.ThreadSafeModule) {
			return false
		}
		safe = true
	}
	return safe
}

// handoff is a place where a function is handed to another thread.
type handoff struct {
	module *analysis.Module
	node   *analysis.Node // the function argument
	via    string
}

// threadFunctions maps every synchronous function of the project that runs
// in another thread (handed to an executor or a thread, or called from one
// that is) to the hand-off that puts it there. Computed once per project
// snapshot.
func threadFunctions(p *Pass) map[*analysis.Function]handoff {
	var helpers []string
	if p.Options != nil {
		helpers = p.Options.OffloadHelpers
	}
	// The project is shared by runs with other settings: the key names the
	// configured helpers.
	return p.Project.Memo("asl106-thread-functions\x00"+strings.Join(helpers, "\x00"), func() any {
		out := map[*analysis.Function]handoff{}
		var queue []*analysis.Function
		for _, m := range p.Project.Modules() {
			for _, h := range handoffsIn(m, p.Project, helpers) {
				if h.target.Async || out[h.target].node != nil {
					continue
				}
				if p.Project.Reach("runs-own-loop", h.target, runsOwnLoop) != nil {
					continue // the thread runs its own event loop, to which these calls belong
				}
				out[h.target] = h.handoff
				queue = append(queue, h.target)
			}
		}
		// Synchronous helpers called from a thread function run there too.
		for len(queue) > 0 {
			f := queue[0]
			queue = queue[1:]
			for _, c := range f.Calls {
				t := p.Project.Target(c)
				if t == nil || t.Async || t.Generator || out[t].node != nil {
					continue
				}
				out[t] = out[f]
				queue = append(queue, t)
			}
		}
		return out
	}).(map[*analysis.Function]handoff)
}

type handoffTarget struct {
	handoff
	target *analysis.Function
	name   string // the qualified name to look up in the project when target is nil
	// helper is set for a call that may be a configured offload helper
	// (`offload-helpers`), whose callee via names: the hand-off counts only
	// when the run's settings name it. Unset for the library's own offload
	// primitives. Such a candidate's argument is resolved (target, name)
	// only when asked for: most runs configure no helper, and every call of
	// a function with an argument is a candidate (a project keeps them:
	// 64 bytes each).
	helper bool
}

// HandsOffToThreads reports whether module m may hand functions to other
// threads (ASL106's project-wide fact starts from such modules): a cache
// that checks only part of a project must include every such module. It
// does not depend on the settings: a call passing a function to anything
// that could be a configured offload helper counts.
func HandsOffToThreads(m *analysis.Module) bool {
	for _, h := range moduleHandoffCandidates(m) {
		if !h.helper {
			return true
		}
		if h = resolveHelperArg(m, h); h.target != nil || h.name != "" {
			return true
		}
	}
	return false
}

// HandOffTargets returns the functions module m hands to other threads
// with opts' offload helpers: where ASL106's project-wide thread functions
// start (the rest are the synchronous functions these call). A check that
// does not hold every module at once relies on each target being defined
// in a module m may look names up in (TestValueKeysWithinClosure).
func HandOffTargets(m *analysis.Module, proj *analysis.Project, opts *Options) []*analysis.Function {
	var helpers []string
	if opts != nil {
		helpers = opts.OffloadHelpers
	}
	var out []*analysis.Function
	for _, h := range handoffsIn(m, proj, helpers) {
		out = append(out, h.target)
	}
	return out
}

// handoffsIn finds the functions module m hands to other threads. The
// candidates depend on m alone and are kept with the module (shared by runs
// with any settings); the configured offload helpers select among them
// here, and names defined in other modules are looked up in each project
// snapshot.
func handoffsIn(m *analysis.Module, proj *analysis.Project, helpers []string) []handoffTarget {
	local := moduleHandoffCandidates(m)
	out := make([]handoffTarget, 0, len(local))
	for _, h := range local {
		if h.helper {
			if len(helpers) == 0 || !configured(helpers, h.via) && (proj == nil || !configured(helpers, proj.Canonical(h.via))) {
				continue
			}
			h = resolveHelperArg(m, h)
		}
		if h.target == nil && proj != nil {
			h.target = proj.Lookup(h.name).Func
		}
		if h.target != nil {
			out = append(out, h)
		}
	}
	return out
}

func moduleHandoffCandidates(m *analysis.Module) []handoffTarget {
	return m.Memo("asl106-handoffs", func() any { return moduleHandoffs(m) }).([]handoffTarget)
}

// moduleHandoffs returns the module's hand-offs to the library's offload
// primitives (resolved) and its calls that hand a function reference to a
// callee that could be a configured offload helper (resolved on demand by
// resolveHelperArg).
func moduleHandoffs(m *analysis.Module) []handoffTarget {
	// Collected in a reused buffer and copied at their length: most calls
	// are candidates, and growing a slice of them per module was a tenth
	// of the garbage ASL106 makes.
	scratch := handoffScratch.Get().(*[]handoffTarget)
	out := (*scratch)[:0]
	defer func() {
		clear(out)
		*scratch = out[:0]
		handoffScratch.Put(scratch)
	}()
	var funcs map[*analysis.Node]*analysis.Function
	for _, c := range m.Calls {
		name := calleeName(m, c)
		var fnArg *analysis.Node
		via, helper := "", false
		api, offload := offloadAPI(m, c, name)
		switch {
		case offload:
			fnArg, via = offloadedCallable(m, c, api), api.Name
			if api.Display != "" {
				via = api.Display
			}
		case name != "":
			// Possibly a configured offload helper: like asyncio.to_thread,
			// it takes the callable first.
			fnArg, via, helper = c.Positional(0), name, true
		default:
			continue
		}
		fnArg = analysis.Unparen(fnArg)
		if fnArg != nil && fnArg.Type() == "call" && pylib.Is(calleeOf(m, fnArg), pylib.BindsArguments) {
			fnArg = analysis.Unparen(firstArg(fnArg))
		}
		if fnArg == nil {
			continue
		}
		h := handoffTarget{handoff: handoff{m, fnArg, via}, helper: helper}
		if helper {
			if functionReference(fnArg) {
				out = append(out, h)
			}
			continue
		}
		if fnArg.Type() == "lambda" {
			if funcs == nil {
				funcs = funcByNode(m)
			}
			h.target = funcs[fnArg]
		} else {
			r := m.Resolve(fnArg)
			h.target, h.name = r.Func, r.Name
		}
		if h.target != nil || h.name != "" {
			out = append(out, h)
		}
	}
	out = append(out, threadedCallbacks(m)...)
	if len(out) == 0 {
		return nil
	}
	return slices.Clone(out) // kept with the module: without room to grow
}

// threadedCallbacks returns the module's callbacks that a library object
// it starts calls from a thread of its own (pylib.ThreadedCallbackOwners):
// `client.on_message = self._on_message` and
// `client.message_callback_add(topic, self._on_topic)` once the module calls
// `client.loop_start()` on such an object. Only modules that start one are
// walked.
func threadedCallbacks(m *analysis.Module) []handoffTarget {
	var starts, adds []*analysis.Call
	for _, c := range m.Calls {
		owner, method := ownerMethod(c.Callee)
		if o, ok := pylib.ThreadedCallbackOwners[owner]; ok {
			if slices.Contains(o.Starters, method) {
				starts = append(starts, c)
			}
			if slices.Contains(o.Adders, method) {
				adds = append(adds, c)
			}
		}
	}
	if len(starts) == 0 {
		return nil
	}
	// The object whose callbacks are set must be one the module starts:
	// the same local in the same function, or the same attribute of self
	// in the same class.
	startedHere := func(recv *analysis.Node) bool {
		text := m.File.Text(recv)
		at := m.FunctionAt(recv)
		for _, c := range starts {
			fn := c.Node.ChildByField("function")
			if m.File.Text(fn.ChildByField("object")) != text {
				continue
			}
			if strings.HasPrefix(text, "self.") && at != nil && c.Func != nil && at.Class != nil && at.Class == c.Func.Class || at == c.Func {
				return true
			}
		}
		return false
	}
	var out []handoffTarget
	add := func(owner string, recv, fn *analysis.Node) {
		if fn = analysis.Unparen(fn); fn == nil || !startedHere(recv) {
			return
		}
		if r := m.Resolve(fn); r.Func != nil || r.Name != "" {
			out = append(out, handoffTarget{handoff: handoff{m, fn, pylib.ThreadedCallbackOwners[owner].Display}, target: r.Func, name: r.Name})
		}
	}
	for _, c := range adds {
		owner, _ := ownerMethod(c.Callee)
		add(owner, c.Node.ChildByField("function").ChildByField("object"), c.Positional(pylib.ThreadedCallbackOwners[owner].AdderArg))
	}
	m.File.Root.Walk(func(n *analysis.Node) bool {
		if n.Type() != "assignment" {
			return true
		}
		left := n.ChildByField("left")
		if left == nil || left.Type() != "attribute" {
			return true
		}
		recv := left.ChildByField("object")
		obj := m.Resolve(recv)
		owner, ok := pylib.ThreadedCallbackOwners[obj.Name]
		if ok && obj.Instance && strings.HasPrefix(m.File.Text(left.ChildByField("attribute")), owner.Prefix) {
			add(obj.Name, recv, n.ChildByField("right"))
		}
		return true
	})
	return out
}

// ownerMethod splits a qualified method name into its type and method.
func ownerMethod(name string) (owner, method string) {
	dot := strings.LastIndexByte(name, '.')
	if dot < 0 {
		return "", ""
	}
	return name[:dot], name[dot+1:]
}

var handoffScratch = sync.Pool{New: func() any { return new([]handoffTarget) }}

// resolveHelperArg resolves the function reference handed to a candidate
// offload helper.
func resolveHelperArg(m *analysis.Module, h handoffTarget) handoffTarget {
	if h.node.Type() == "lambda" {
		h.target = m.Memo("asl106-funcs-by-node", func() any { return funcByNode(m) }).(map[*analysis.Node]*analysis.Function)[h.node]
	} else {
		r := m.Resolve(h.node)
		h.target, h.name = r.Func, r.Name
	}
	return h
}

// runLoopCallFromThread reports each thread-unsafe call made by a function
// that runs in another thread, where the call is written.
func runLoopCallFromThread(p *Pass) {
	// The project-wide set of thread functions is asked for only by modules
	// with a thread-unsafe call in a synchronous function (the cache records
	// which modules depend on it).
	var threads map[*analysis.Function]handoff
	for _, c := range p.Module.Calls {
		if c.Func == nil || c.Func.Async {
			continue
		}
		advice := threadUnsafe(p.Module, c)
		if advice == "" {
			continue
		}
		if threads == nil {
			threads = threadFunctions(p)
			p.recordUsesThreadFunctions()
		}
		h, inThread := threads[c.Func]
		if !inThread {
			continue
		}
		// A future of unknown type set in a thread that a module making
		// only thread-safe futures started is one of that module's
		// (jeepney's ReplyMatcher, shared by an asyncio and a threading
		// backend: the threading backend's receiver thread sets the
		// concurrent futures it stored).
		if h.module != p.Module && unknownFutureSet(p.Module, c) && onlyThreadSafeFutures(h.module) {
			continue
		}
		// Code that runs only where a loop runs on this thread (`if
		// self.asynchronous: ensure_future(...) else: sync(loop, ...)`)
		// is on the loop's own thread when it runs.
		if p.Project != nil && p.Project.RunsOnlyOnLoopThread(p.Module, c.Func, c.Node) {
			continue
		}
		shown := p.File.Text(c.Node.ChildByField("function"))
		who := "this lambda"
		if !c.Func.Lambda {
			who = "`" + c.Func.QualName + "`"
		}
		p.Report(c.Node, "`"+shown+"()` is not thread-safe and "+who+" runs in another thread (handed to "+h.via+"): "+advice,
			WithRelated(RelatedAt(h.module, h.node, "handed to "+h.via+" here")))
	}
}

// runsOwnLoop reports calls that create or run an event loop in the current
// thread: a thread doing so owns that loop and may call its methods.
func runsOwnLoop(m *analysis.Module, c *analysis.Call) bool {
	name := calleeName(m, c)
	if name != "" && pylib.Is(name, pylib.OwnsLoop) {
		return true
	}
	_, ok := ownLoopMethods[c.Method(m.File)]
	return ok
}

// functionReference reports an expression that can name a function of the
// project: a name, an attribute or a lambda (a candidate hand-off to an
// offload helper; literals and calls are not).
func functionReference(n *analysis.Node) bool {
	switch n.Type() {
	case "identifier", "attribute", "lambda":
		return true
	}
	return false
}

// offloadAPI returns the pylib record of a call that runs a callable in a
// worker thread: by the callee's name, by method name on a receiver of
// unknown type (loop.run_in_executor), or a submit on a thread pool the
// module created.
func offloadAPI(m *analysis.Module, c *analysis.Call, name string) (pylib.API, bool) {
	if name != "" {
		if api, ok := pylib.Lookup(name); ok && api.Has(pylib.Offload) {
			return api, true
		}
	}
	meth := c.Method(m.File)
	if meth == "" {
		return pylib.API{}, false
	}
	if api, ok := offloadMethods[meth]; ok {
		return api, true
	}
	if !offloadLastNames[meth] && !offloadLastNames["*"] {
		return pylib.API{}, false // no receiver type has an offload method of that name
	}
	if recv := receiverType(m, c.Node.ChildByField("function").ChildByField("object")); recv != "" {
		if api, ok := pylib.Lookup(recv + "." + meth); ok && api.Has(pylib.Offload) {
			return api, true
		}
	}
	return pylib.API{}, false
}

// offloadMethods are the offload methods matched by name on receivers of
// unknown type.
var offloadMethods = func() map[string]pylib.API {
	out := map[string]pylib.API{}
	pylib.Each(pylib.Offload|pylib.ByMethodName, func(a pylib.API) {
		out[a.Name[strings.LastIndexByte(a.Name, '.')+1:]] = a
	})
	return out
}()

// offloadLastNames are the method names of every offload API (a receiver's
// type is looked up only for these).
var offloadLastNames = func() map[string]bool {
	out := map[string]bool{}
	for _, n := range pylib.LastNames(pylib.Offload) {
		out[n] = true
	}
	return out
}()

// offloadedCallable returns the argument of c holding the callable that
// the Offload API runs (analysis.OffloadedCallable).
func offloadedCallable(m *analysis.Module, c *analysis.Call, api pylib.API) *analysis.Node {
	return analysis.OffloadedCallable(c.Node, api, m.File)
}

// NeedsThreadFunctions reports whether checking m asks for the project-wide
// set of functions that run in other threads (ASL106 asks it for the
// thread-unsafe calls of synchronous functions, as runLoopCallFromThread
// does): a check of part of a project then needs every module.
func NeedsThreadFunctions(m *analysis.Module) bool {
	for _, c := range m.Calls {
		if c.Func != nil && !c.Func.Async && threadUnsafe(m, c) != "" {
			return true
		}
	}
	return false
}
