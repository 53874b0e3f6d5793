package pylib

// ThreadLoopWorker is a decorator of a framework that turns the function it
// decorates into one that starts a worker (calling it does not run the
// body), and that, when a keyword argument tells it to, runs a coroutine
// function as the main coroutine of a new event loop in a worker thread.
// That coroutine,
// and the coroutines it awaits, share no loop with the application: a
// blocking call in them stalls only the worker's own thread and loop, as it
// would in a synchronous function run in a thread.
type ThreadLoopWorker struct {
	// Framework is how messages and notes name the framework.
	Framework string
	// ThreadKeyword is the decorator's keyword argument that, set to True,
	// runs the decorated coroutine in a worker thread; without it (its
	// default, or False) the coroutine runs on the application's loop.
	ThreadKeyword string
	Note          string
}

var threadLoopWorkers = map[string]*ThreadLoopWorker{}

// ThreadLoopWorkerOf returns the record of a thread-worker decorator by its
// qualified name, or nil.
func ThreadLoopWorkerOf(name string) *ThreadLoopWorker {
	if w, ok := threadLoopWorkers[name]; ok {
		return w
	}
	if orig, _, ok := forkOf(name); ok {
		return threadLoopWorkers[orig]
	}
	return nil
}

// Textual's `work` decorator (textual/_work_decorator.py): the decorated
// method, when called, starts a worker with `self.run_worker(partial(method,
// *args, **kwargs), ..., thread=thread)`. A thread worker runs its work in
// the executor (textual/worker.py `Worker._run_threaded`: `return await
// loop.run_in_executor(None, runner, self._work)`), and when the work is a
// coroutine function (`inspect.iscoroutinefunction(self._work.func)` for the
// partial) the runner is `run_coroutine`, which ends `return
// asyncio.run(do_work())`: a new event loop in the worker thread. Without
// `thread=True` (the default is False) the worker is an async worker,
// awaited on the app's loop (`Worker._run_async`: `return await
// self._work()`). Either way, calling the decorated method starts the
// worker and returns it: the body runs in the worker, not in the call.
// Read in Textual 2.1.2 (Debian python3-textual).
func init() {
	w := &ThreadLoopWorker{Framework: "Textual", ThreadKeyword: "thread",
		Note: "textual/worker.py Worker._run_threaded: a coroutine function run as a thread worker is run with " +
			"asyncio.run(do_work()) inside loop.run_in_executor; textual/_work_decorator.py: @work(thread=True) " +
			"starts such a worker (Textual 2.1.2)"}
	for _, name := range []string{"textual.work", "textual._work_decorator.work"} {
		threadLoopWorkers[name] = w
	}
}

// textualHandlerAdvice is the fix of blocking work in any synchronous
// Textual handler (`@on`, `on_*`, `action_*`, `watch_*`).
const textualHandlerAdvice = "decorate it `@work(thread=True)` to run it in a thread worker, or make it `async def` and run the blocking work with `await asyncio.to_thread(...)`"

// Textual's `on` decorator (textual/_on.py) registers a method as a
// message handler; the app's message pump calls it on the app's event loop
// (textual/message_pump.py `_dispatch_message`: `await invoke(method,
// message)`; textual/_callback.py `_invoke`: `result =
// callback(*params[:parameter_count])`, awaited only when awaitable), so a
// plain def handler runs inline on the loop's thread. Combined with `@work`
// the handler starts a worker instead (handsBodyAway, loopThreadHandler).
func init() {
	h := &LoopThreadHandler{Framework: "Textual",
		Where:      ", a synchronous Textual message handler (`@on(...)`), which Textual calls on the app's event loop",
		Advice:     textualHandlerAdvice,
		Registered: "registered here as a Textual message handler",
		Note: "textual/message_pump.py _dispatch_message awaits invoke(method, message); textual/_callback.py _invoke " +
			"calls the handler inline and awaits the result only when it is awaitable (Textual 2.1.2)"}
	for _, name := range []string{"textual.on", "textual._on.on"} {
		loopThreadHandlers[name] = h
	}
}

// threadClasses are the classes whose instances run a method of theirs in a
// new thread when started: threading.Thread's `start()` calls `run()` in
// the thread it creates (Python's threading docs: "run(): Method
// representing the thread's activity ... You may override this method in
// a subclass").
var threadClasses = map[string]string{"threading.Thread": "run"}

// ThreadRunMethod returns the name of the method that a thread class (by
// qualified name) runs in its new thread, or "".
func ThreadRunMethod(class string) string { return threadClasses[class] }

// newEventLoops are the functions that make a new event loop, owned by no
// thread until one runs it.
var newEventLoops = map[string]bool{"asyncio.new_event_loop": true, "uvloop.new_event_loop": true}

// NewEventLoop reports a function (by qualified name) that returns a new
// event loop.
func NewEventLoop(name string) bool { return newEventLoops[name] }
