package loopsim

import "fmt"

// Native asyncio objects.
type (
	LoopObj struct{}
	PoolObj struct{ pool *Pool }
	CFuture struct {
		end    float64
		result Value
		err    error
	}
	TimerHandle struct{ h *handle }
	TaskGroup   struct {
		tasks          []*Task
		errors         []*Exc
		baseError      *Exc
		parent         *Task
		entered        bool
		exiting        bool
		aborting       bool
		parentCancelRq bool
		onCompleted    *Future
	}
	Timeout struct {
		when    *float64
		task    *Task
		state   string // created, entered, expiring, expired, exited
		handler *handle
		cancels int
	}
)

type gatherState struct {
	children        []*Future
	cancelRequested bool
}

func (g *gatherState) cancel(outer *Future) bool {
	if outer.done() {
		return false
	}
	ret := false
	for _, ch := range g.children {
		if ch.cancel() {
			ret = true
		}
	}
	if ret {
		g.cancelRequested = true
	}
	return ret
}

func coro(name string, p Pos, run func(c *ctx) (Value, error)) *Coroutine {
	return &Coroutine{Name: name, P: p, run: run}
}

// futureValue is what Python code sees for a future: the Task if it is one.
func futureValue(f *Future) Value {
	if f.task != nil {
		return f.task
	}
	return f
}

// ensureFuture is asyncio.ensure_future.
func (c *ctx) ensureFuture(v Value, p Pos) (*Future, error) {
	switch x := v.(type) {
	case *Coroutine:
		if x.used {
			return nil, newExc("RuntimeError", "cannot reuse already awaited coroutine %s (line %d)", x.Name, p.Line)
		}
		return c.s.createTask(x, "").F, nil
	case *Task:
		return x.F, nil
	case *Future:
		return x, nil
	case *External, *UnknownValue:
		name := "awaitable"
		if e, ok := x.(*External); ok {
			name = e.Qual
		}
		return c.s.createTask(coro(name, p, func(c *ctx) (Value, error) {
			return c.await(v, p, name)
		}), "").F, nil
	}
	return nil, newExc("TypeError", "An asyncio.Future, a coroutine or an awaitable is required, got %s (line %d)", typeName(v), p.Line)
}

func (c *ctx) callAsyncio(q string, args []Value, kws []kwarg, p Pos) (Value, error) {
	s := c.s
	c.flushCPU()
	switch q {
	case "asyncio.sleep":
		d := 0.0
		if v, ok := argAt(args, kws, 0, "delay"); ok {
			d = c.seconds(v, p, "asyncio.sleep")
		}
		result, _ := argAt(args, kws, 1, "result")
		return coro("sleep", p, func(c *ctx) (Value, error) {
			return result, c.sleep(d, SpanSleep, fmt.Sprintf("sleep(%s)", fmtDur(d)), p)
		}), nil
	case "asyncio.create_task", "asyncio.ensure_future":
		v, ok := argAt(args, kws, 0, "coro")
		if !ok {
			return nil, newExc("TypeError", "%s() missing the coroutine", q)
		}
		name := ""
		if n, ok := argAt(nil, kws, -1, "name"); ok {
			if ns, ok := n.(string); ok {
				name = ns
			}
		}
		if co, ok := v.(*Coroutine); ok {
			if co.used {
				return nil, newExc("RuntimeError", "cannot reuse already awaited coroutine (line %d)", p.Line)
			}
			return s.createTask(co, name), nil
		}
		if q == "asyncio.create_task" {
			if _, ok := v.(*Task); ok {
				return nil, newExc("TypeError", "a coroutine was expected, got a Task (line %d)", p.Line)
			}
		}
		f, err := c.ensureFuture(v, p)
		if err != nil {
			return nil, err
		}
		return futureValue(f), nil
	case "asyncio.gather":
		retExc := false
		if v, ok := argAt(nil, kws, -1, "return_exceptions"); ok {
			b, known := truth(v)
			if !known {
				s.assume(p, 0.8, "return_exceptions is unknown; assumed False")
			}
			retExc = b
		}
		return c.gather(args, retExc, p)
	case "asyncio.wait":
		fsv, ok := argAt(args, kws, 0, "fs")
		if !ok {
			return nil, newExc("TypeError", "wait() missing fs")
		}
		var timeout *float64
		if v, ok := argAt(args, kws, 1, "timeout"); ok && v != nil {
			d := c.seconds(v, p, "wait timeout")
			timeout = &d
		}
		when := "ALL_COMPLETED"
		if v, ok := argAt(args, kws, 2, "return_when"); ok {
			if w, ok := v.(string); ok {
				when = w
			}
		}
		items, err := c.toList(fsv, p)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if _, ok := it.(*Coroutine); ok {
				return nil, newExc("TypeError", "Passing coroutines is forbidden, use tasks explicitly. (line %d)", p.Line)
			}
		}
		return coro("wait", p, func(c *ctx) (Value, error) { return c.wait(items, timeout, when, p) }), nil
	case "asyncio.wait_for":
		aw, ok := argAt(args, kws, 0, "fut")
		if !ok {
			return nil, newExc("TypeError", "wait_for() missing the awaitable")
		}
		tv, _ := argAt(args, kws, 1, "timeout")
		var timeout *float64
		if tv != nil {
			d := c.seconds(tv, p, "wait_for timeout")
			timeout = &d
		}
		return coro("wait_for", p, func(c *ctx) (Value, error) { return c.waitFor(aw, timeout, p) }), nil
	case "asyncio.timeout", "asyncio.timeout_at":
		v, _ := argAt(args, kws, 0, "delay")
		t := &Timeout{state: "created"}
		if v != nil {
			var d float64
			if q == "asyncio.timeout" {
				d = s.now + c.seconds(v, p, q)
			} else {
				d = c.loopTime(v, p, "timeout_at deadline")
			}
			t.when = &d
		}
		return t, nil
	case "asyncio.TaskGroup":
		return &TaskGroup{}, nil
	case "asyncio.as_completed":
		fsv, ok := argAt(args, kws, 0, "fs")
		if !ok {
			return nil, newExc("TypeError", "as_completed() missing fs")
		}
		var timeout *float64
		if v, ok := argAt(args, kws, 1, "timeout"); ok && v != nil {
			d := c.seconds(v, p, "as_completed timeout")
			timeout = &d
		}
		items, err := c.toList(fsv, p)
		if err != nil {
			return nil, err
		}
		return c.asCompleted(items, timeout, p)
	case "asyncio.shield":
		v, ok := argAt(args, kws, 0, "arg")
		if !ok {
			return nil, newExc("TypeError", "shield() missing the awaitable")
		}
		return c.shield(v, p)
	case "asyncio.to_thread":
		if len(args) == 0 {
			return nil, newExc("TypeError", "to_thread() missing the function")
		}
		fn, rest := args[0], args[1:]
		return coro("to_thread", p, func(c *ctx) (Value, error) {
			f := c.runInExecutor(c.s.getDefaultPool(), fn, rest, kws, p)
			// the to_thread task's own row shows this job
			c.s.jobs = c.s.jobs[:len(c.s.jobs)-1]
			return c.awaitFuture(f, SpanExecutor, f.label, -1, p)
		}), nil
	case "asyncio.get_running_loop", "asyncio.get_event_loop":
		return &LoopObj{}, nil
	case "asyncio.current_task":
		if c.t == nil {
			return nil, nil
		}
		return c.t, nil
	case "asyncio.all_tasks":
		out := &List{Kind: "set"}
		for _, t := range s.tasks {
			if !t.F.done() {
				out.Elems = append(out.Elems, t)
			}
		}
		return out, nil
	case "asyncio.Lock":
		return &Lock{}, nil
	case "asyncio.Semaphore", "asyncio.BoundedSemaphore":
		n := int64(1)
		if v, ok := argAt(args, kws, 0, "value"); ok {
			k, ok := toInt(v)
			if !ok {
				s.assume(p, 0.5, "semaphore size unknown; assumed 1")
				k = 1
			}
			n = k
		}
		return &Semaphore{value: int(n), bound: int(n), bounded: q == "asyncio.BoundedSemaphore"}, nil
	case "asyncio.Event":
		return &Event{}, nil
	case "asyncio.Condition":
		l, _ := argAt(args, kws, 0, "lock")
		lock, ok := l.(*Lock)
		if !ok {
			lock = &Lock{}
		}
		return &Condition{lock: lock}, nil
	case "asyncio.Queue", "asyncio.LifoQueue", "asyncio.PriorityQueue":
		n := int64(0)
		if v, ok := argAt(args, kws, 0, "maxsize"); ok {
			k, ok := toInt(v)
			if !ok {
				s.assume(p, 0.5, "queue maxsize unknown; assumed unbounded")
			}
			n = k
		}
		kind := map[string]string{"asyncio.Queue": "fifo", "asyncio.LifoQueue": "lifo", "asyncio.PriorityQueue": "priority"}[q]
		return &Queue{maxsize: int(n), kind: kind}, nil
	case "asyncio.Barrier":
		v, _ := argAt(args, kws, 0, "parties")
		n, ok := toInt(v)
		if !ok || n <= 0 {
			return nil, newExc("ValueError", "parties must be > 0")
		}
		return &Barrier{parties: int(n)}, nil
	case "asyncio.run":
		if c.t != nil || s.loopRunning {
			return nil, newExc("RuntimeError", "asyncio.run() cannot be called from a running event loop (line %d)", p.Line)
		}
		co, ok := argAt(args, kws, 0, "main")
		cr, isCoro := co.(*Coroutine)
		if !ok || !isCoro {
			return nil, newExc("ValueError", "a coroutine was expected, got %s (line %d)", typeName(co), p.Line)
		}
		if s.inModuleBody {
			// A script's unguarded asyncio.run(main()): the simulation's
			// entry is that run, started after the module body.
			return nil, nil
		}
		return s.runMain(cr)
	case "asyncio.iscoroutine":
		if len(args) == 1 {
			_, ok := args[0].(*Coroutine)
			return ok, nil
		}
	case "asyncio.isfuture":
		if len(args) == 1 {
			switch args[0].(type) {
			case *Task, *Future:
				return true, nil
			}
			return false, nil
		}
	case "asyncio.iscoroutinefunction":
		if len(args) == 1 {
			if fv, ok := args[0].(*FuncVal); ok {
				return fv.Fn.Async, nil
			}
		}
	case "asyncio.wrap_future":
		if len(args) == 1 {
			if cf, ok := args[0].(*CFuture); ok {
				return c.wrapCFuture(cf), nil
			}
			if f, ok := args[0].(*Future); ok {
				return f, nil
			}
		}
	case "asyncio.Future":
		return s.newFuture(), nil
	}
	return c.unmodelled(p, q), nil
}

func (c *ctx) wrapCFuture(cf *CFuture) *Future {
	f := c.s.newFuture()
	f.label = "executor job"
	h := c.s.callAt(max(cf.end, c.s.now), func() {
		if f.done() {
			return
		}
		if cf.err != nil {
			f.setException(cf.err.(*Exc))
			return
		}
		f.setResult(cf.result)
	})
	c.s.markExact(h)
	return f
}

// runInExecutor runs fn synchronously in "thread mode" to learn its
// duration, then schedules its completion on the pool.
func (c *ctx) runInExecutor(pool *Pool, fn Value, args []Value, kws []kwarg, p Pos) *Future {
	c.flushCPU()
	c.startPool(pool, p)
	tc := &ctx{s: c.s, thread: &threadRun{base: pool.nextStart(c.s.now)}}
	v, err := tc.call(fn, args, kws, p)
	tc.flushCPU()
	if pool.Process {
		tc.thread.elapsed += processJobCost
	}
	label := jobLabel(fn)
	if err != nil {
		if _, ok := err.(*Exc); !ok {
			err = newExc("RuntimeError", "%v", err)
		}
	}
	f := c.s.submitJob(pool, tc.thread.elapsed, v, err, label)
	if n := len(c.s.jobs); n > 0 {
		c.s.jobs[n-1].Line = p.Line
	}
	return f
}

func jobLabel(fn Value) string {
	switch f := fn.(type) {
	case *FuncVal:
		return f.Fn.Name
	case *Builtin:
		return f.Qual
	case *External:
		return f.Qual
	case *Partial:
		return jobLabel(f.Fn)
	}
	return "executor job"
}

func (c *ctx) gather(args []Value, retExc bool, p Pos) (Value, error) {
	s := c.s
	outer := s.newFuture()
	if len(args) == 0 {
		outer.setResult(&List{Kind: "list"})
		return outer, nil
	}
	g := &gatherState{}
	outer.gather = g
	nfinished := 0
	seen := map[Value]*Future{}
	var uniq int
	done := func(fut *Future) {
		nfinished++
		if outer.done() {
			return
		}
		if !retExc {
			if fut.cancelled() {
				outer.setException(cancelledError())
				return
			}
			if fut.exc != nil {
				fut.retrieved = true
				outer.setException(fut.exc)
				return
			}
		}
		if nfinished == uniq {
			res := &List{Kind: "list"}
			for _, ch := range g.children {
				switch {
				case ch.cancelled():
					res.Elems = append(res.Elems, cancelledError())
				case ch.exc != nil:
					res.Elems = append(res.Elems, ch.exc)
				default:
					res.Elems = append(res.Elems, ch.result)
				}
			}
			if g.cancelRequested {
				outer.setException(cancelledError())
			} else {
				outer.setResult(res)
			}
		}
	}
	for _, a := range args {
		if f, ok := seen[a]; ok && isPointer(a) {
			g.children = append(g.children, f)
			continue
		}
		f, err := c.ensureFuture(a, p)
		if err != nil {
			return nil, err
		}
		if isPointer(a) {
			seen[a] = f
		}
		uniq++
		f.addDoneCallback(done)
		g.children = append(g.children, f)
	}
	return outer, nil
}

func isPointer(v Value) bool {
	switch v.(type) {
	case *Coroutine, *Task, *Future:
		return true
	}
	return false
}

// uniqueFutures wraps each awaitable in a future (scheduling coroutines as
// tasks, in order), dropping repeats as wait() and as_completed() do.
func (c *ctx) uniqueFutures(items []Value, p Pos) ([]*Future, error) {
	var fs []*Future
	seen := map[*Future]bool{}
	for _, it := range items {
		f, err := c.ensureFuture(it, p)
		if err != nil {
			return nil, err
		}
		if !seen[f] {
			seen[f] = true
			fs = append(fs, f)
		}
	}
	return fs, nil
}

func (c *ctx) wait(items []Value, timeout *float64, when string, p Pos) (Value, error) {
	s := c.s
	fs, err := c.uniqueFutures(items, p)
	if err != nil {
		return nil, err
	}
	if len(fs) == 0 {
		return nil, newExc("ValueError", "Set of Tasks/Futures is empty.")
	}
	waiter := s.newFuture()
	var th *handle
	if timeout != nil {
		th = s.callAt(s.now+*timeout, func() {
			if !waiter.done() {
				waiter.setResult(nil)
			}
		})
	}
	counter := len(fs)
	var cbs []*futCallback
	onCompletion := func(f *Future) {
		counter--
		if counter <= 0 || when == "FIRST_COMPLETED" || (when == "FIRST_EXCEPTION" && !f.cancelled() && f.exc != nil) {
			if th != nil {
				th.cancelled = true
			}
			if !waiter.done() {
				waiter.setResult(nil)
			}
		}
	}
	for _, f := range fs {
		cbs = append(cbs, f.addDoneCallback(onCompletion))
	}
	due := -1.0
	if timeout != nil {
		due = s.now + *timeout
	}
	_, err = c.awaitFuture(waiter, SpanWait, "asyncio.wait", due, p)
	if th != nil {
		th.cancelled = true
	}
	for i, f := range fs {
		f.removeDoneCallback(cbs[i])
	}
	if err != nil {
		return nil, err
	}
	done, pending := &List{Kind: "set"}, &List{Kind: "set"}
	for _, f := range fs {
		if f.done() {
			done.Elems = append(done.Elems, futureValue(f))
		} else {
			pending.Elems = append(pending.Elems, futureValue(f))
		}
	}
	return &List{Kind: "tuple", Elems: []Value{done, pending}}, nil
}

// cancelAndWait is tasks._cancel_and_wait.
func (c *ctx) cancelAndWait(f *Future, p Pos) error {
	waiter := c.s.newFuture()
	cb := f.addDoneCallback(func(*Future) {
		if !waiter.done() {
			waiter.setResult(nil)
		}
	})
	f.cancel()
	_, err := c.awaitFuture(waiter, SpanWait, "cancellation", -1, p)
	f.removeDoneCallback(cb)
	return err
}

// waitFor is 3.11's asyncio.wait_for.
func (c *ctx) waitFor(aw Value, timeout *float64, p Pos) (Value, error) {
	s := c.s
	if timeout == nil {
		return c.await(aw, p, "wait_for")
	}
	if *timeout <= 0 {
		f, err := c.ensureFuture(aw, p)
		if err != nil {
			return nil, err
		}
		if f.done() {
			return f.outcome()
		}
		if err := c.cancelAndWait(f, p); err != nil {
			return nil, err
		}
		v, err := f.outcome()
		if isCancelled(err) {
			return nil, &Exc{Type: "TimeoutError"}
		}
		return v, err
	}
	waiter := s.newFuture()
	release := func(*Future) {
		if !waiter.done() {
			waiter.setResult(nil)
		}
	}
	th := s.callAt(s.now+*timeout, func() { release(nil) })
	defer func() { th.cancelled = true }()
	f, err := c.ensureFuture(aw, p)
	if err != nil {
		return nil, err
	}
	cb := f.addDoneCallback(release)
	label := "wait_for"
	if f.task != nil {
		label = "wait_for " + f.task.Name
	}
	_, err = c.awaitFuture(waiter, SpanWait, label, -1, p)
	if err != nil {
		if isCancelled(err) {
			if f.done() {
				return f.outcome()
			}
			f.removeDoneCallback(cb)
			if err2 := c.cancelAndWait(f, p); err2 != nil {
				return nil, err2
			}
		}
		return nil, err
	}
	if f.done() {
		return f.outcome()
	}
	f.removeDoneCallback(cb)
	if err := c.cancelAndWait(f, p); err != nil {
		return nil, err
	}
	v, err := f.outcome()
	if isCancelled(err) {
		return nil, &Exc{Type: "TimeoutError"}
	}
	return v, err
}

func (c *ctx) shield(v Value, p Pos) (Value, error) {
	inner, err := c.ensureFuture(v, p)
	if err != nil {
		return nil, err
	}
	if inner.done() {
		return futureValue(inner), nil
	}
	outer := c.s.newFuture()
	innerCb := inner.addDoneCallback(func(in *Future) {
		if outer.cancelled() {
			return
		}
		switch {
		case in.cancelled():
			outer.cancelPlain()
		case in.exc != nil:
			outer.setException(in.exc)
		default:
			outer.setResult(in.result)
		}
	})
	outer.addDoneCallback(func(*Future) {
		if !inner.done() {
			inner.removeDoneCallback(innerCb)
		}
	})
	return outer, nil
}

// asCompleted is 3.11's as_completed: it returns the list of awaitables the
// generator would yield.
func (c *ctx) asCompleted(items []Value, timeout *float64, p Pos) (Value, error) {
	s := c.s
	done := &Queue{kind: "fifo"}
	todo, err := c.uniqueFutures(items, p)
	if err != nil {
		return nil, err
	}
	var th *handle
	remove := func(f *Future) bool {
		for i, t := range todo {
			if t == f {
				todo = append(todo[:i:i], todo[i+1:]...)
				return true
			}
		}
		return false
	}
	onCompletion := func(f *Future) {
		if len(todo) == 0 {
			return
		}
		remove(f)
		done.putNowait(c, f)
		if len(todo) == 0 && th != nil {
			th.cancelled = true
		}
	}
	cbs := map[*Future]*futCallback{}
	for _, f := range todo {
		cbs[f] = f.addDoneCallback(onCompletion)
	}
	if len(todo) > 0 && timeout != nil {
		th = s.callAt(s.now+*timeout, func() {
			for _, f := range todo {
				f.removeDoneCallback(cbs[f])
				done.putNowait(c, nil)
			}
			todo = nil
		})
	}
	out := &List{Kind: "list"}
	for range len(todo) {
		out.Elems = append(out.Elems, coro("as_completed", p, func(c *ctx) (Value, error) {
			v, err := done.get(c, p)
			if err != nil {
				return nil, err
			}
			if v == nil {
				return nil, &Exc{Type: "TimeoutError"}
			}
			return v.(*Future).outcome()
		}))
	}
	return out, nil
}

// TaskGroup.

func (tg *TaskGroup) createTask(c *ctx, co *Coroutine, name string, p Pos) (Value, error) {
	if !tg.entered {
		return nil, newExc("RuntimeError", "TaskGroup has not been entered (line %d)", p.Line)
	}
	if tg.exiting && len(tg.tasks) == 0 {
		return nil, newExc("RuntimeError", "TaskGroup is finished")
	}
	if tg.aborting {
		return nil, newExc("RuntimeError", "TaskGroup is shutting down")
	}
	t := c.s.createTask(co, name)
	t.F.addDoneCallback(func(*Future) { tg.onTaskDone(t) })
	tg.tasks = append(tg.tasks, t)
	return t, nil
}

func (tg *TaskGroup) abort() {
	tg.aborting = true
	for _, t := range tg.tasks {
		if !t.F.done() {
			t.cancel()
		}
	}
}

func (tg *TaskGroup) onTaskDone(t *Task) {
	for i, x := range tg.tasks {
		if x == t {
			tg.tasks = append(tg.tasks[:i:i], tg.tasks[i+1:]...)
			break
		}
	}
	if tg.onCompleted != nil && len(tg.tasks) == 0 && !tg.onCompleted.done() {
		tg.onCompleted.setResult(true)
	}
	if t.F.cancelled() || t.F.exc == nil {
		return
	}
	exc := t.F.exc
	t.F.retrieved = true
	tg.errors = append(tg.errors, exc)
	if isBaseError(exc) && tg.baseError == nil {
		tg.baseError = exc
	}
	if tg.parent.F.done() {
		return
	}
	if !tg.aborting && !tg.parentCancelRq {
		tg.abort()
		tg.parentCancelRq = true
		tg.parent.cancel()
	}
}

func isBaseError(e *Exc) bool {
	return e.Class == nil && (e.Type == "SystemExit" || e.Type == "KeyboardInterrupt")
}

func (tg *TaskGroup) aexit(c *ctx, err error, p Pos) error {
	tg.exiting = true
	var exc *Exc
	if e, ok := err.(*Exc); ok {
		exc = e
	}
	var propagateCancel *Exc
	if exc != nil && isBaseError(exc) && tg.baseError == nil {
		tg.baseError = exc
	}
	etNone := exc == nil
	if exc != nil {
		if isCancelled(exc) {
			if tg.parentCancelRq && tg.parent.uncancel() == 0 {
				etNone = true
			}
			propagateCancel = exc
		}
		if !tg.aborting {
			tg.abort()
		}
	}
	for len(tg.tasks) > 0 {
		if tg.onCompleted == nil {
			tg.onCompleted = c.s.newFuture()
		}
		_, werr := c.awaitFuture(tg.onCompleted, SpanWait, "TaskGroup", -1, p)
		if werr != nil && isCancelled(werr) {
			if !tg.aborting {
				propagateCancel = werr.(*Exc)
				tg.abort()
			}
		}
		tg.onCompleted = nil
	}
	if tg.baseError != nil {
		return tg.baseError
	}
	if propagateCancel != nil && len(tg.errors) == 0 {
		return propagateCancel
	}
	if !etNone && !isCancelled(exc) {
		tg.errors = append(tg.errors, exc)
	}
	if len(tg.errors) > 0 {
		g := &Exc{Type: "ExceptionGroup", Msg: "unhandled errors in a TaskGroup", Group: tg.errors}
		for _, e := range tg.errors {
			if !excIsSubclass(e, "Exception", nil) {
				g.Type = "BaseExceptionGroup"
			}
		}
		tg.errors = nil
		return g
	}
	if exc != nil && !etNone {
		return exc
	}
	return nil
}

// Timeout (asyncio.timeout).

func (tm *Timeout) reschedule(c *ctx) {
	if tm.handler != nil {
		tm.handler.cancelled = true
		tm.handler = nil
	}
	if tm.when == nil {
		return
	}
	fire := func() {
		tm.task.cancel()
		tm.state = "expiring"
		tm.handler = nil
	}
	if *tm.when <= c.s.now {
		tm.handler = c.s.callSoon(fire)
	} else {
		tm.handler = c.s.callAt(*tm.when, fire)
	}
}

func (tm *Timeout) aenter(c *ctx, p Pos) error {
	if c.t == nil {
		return newExc("RuntimeError", "Timeout should be used inside a task")
	}
	tm.state = "entered"
	tm.task = c.t
	tm.cancels = c.t.numCancels
	tm.reschedule(c)
	return nil
}

func (tm *Timeout) aexit(c *ctx, err error) error {
	if tm.handler != nil {
		tm.handler.cancelled = true
		tm.handler = nil
	}
	if tm.state == "expiring" {
		tm.state = "expired"
		if tm.task.uncancel() <= tm.cancels && isCancelled(err) {
			return &Exc{Type: "TimeoutError"}
		}
	} else if tm.state == "entered" {
		tm.state = "exited"
	}
	return err
}

// callAsyncioMethod implements methods of native asyncio objects.
func (c *ctx) callAsyncioMethod(typ, name string, self Value, args []Value, kws []kwarg, p Pos) (Value, error) {
	s := c.s
	switch o := self.(type) {
	case *Task:
		return c.futureMethod(o.F, name, args, kws, p)
	case *Future:
		return c.futureMethod(o, name, args, kws, p)
	case *Lock:
		return c.lockMethod(o, name, p)
	case *Semaphore:
		return c.semMethod(o, name, p)
	case *Event:
		return c.eventMethod(o, name, p)
	case *Condition:
		return c.condMethod(o, name, args, kws, p)
	case *Queue:
		return c.queueMethod(o, name, args, p)
	case *Barrier:
		return c.barrierMethod(o, name, p)
	case *TaskGroup:
		if name == "create_task" {
			co, ok := argAt(args, kws, 0, "coro")
			cr, isCoro := co.(*Coroutine)
			if !ok || !isCoro {
				return nil, newExc("TypeError", "TaskGroup.create_task needs a coroutine (line %d)", p.Line)
			}
			nm := ""
			if n, ok := argAt(nil, kws, -1, "name"); ok {
				nm, _ = n.(string)
			}
			return o.createTask(c, cr, nm, p)
		}
	case *Timeout:
		switch name {
		case "reschedule":
			v, _ := argAt(args, kws, 0, "when")
			if v == nil {
				o.when = nil
			} else {
				d := c.loopTime(v, p, "timeout deadline")
				o.when = &d
			}
			if o.state == "entered" {
				o.reschedule(c)
			}
			return nil, nil
		case "when":
			if o.when == nil {
				return nil, nil
			}
			return &ClockReading{Clock: "monotonic", Name: "loop.time()", Line: p.Line, Scale: 1, K: *o.when}, nil
		case "expired":
			return o.state == "expiring" || o.state == "expired", nil
		}
	case *LoopObj:
		switch name {
		case "time":
			return &ClockReading{Clock: "monotonic", Name: "loop.time()", Line: p.Line, Scale: 1, K: c.now()}, nil
		case "create_task":
			return c.callAsyncio("asyncio.create_task", args, kws, p)
		case "create_future":
			return s.newFuture(), nil
		case "run_in_executor":
			if len(args) < 2 {
				return nil, newExc("TypeError", "run_in_executor(executor, func, *args)")
			}
			pool := s.getDefaultPool()
			if po, ok := args[0].(*PoolObj); ok {
				pool = po.pool
			} else if args[0] != nil {
				s.assume(p, 0.7, "executor %s unknown; assumed the default pool", repr(args[0]))
			}
			return c.runInExecutor(pool, args[1], args[2:], nil, p), nil
		case "call_soon_threadsafe":
			if len(args) < 1 {
				break
			}
			fn, rest := args[0], args[1:]
			run := func() {
				cc := &ctx{s: s}
				if _, err := cc.call(fn, rest, nil, p); err != nil {
					s.assume(p, 1, "callback raised %v", err)
				}
			}
			if c.thread != nil {
				// From a worker thread: it reaches the loop when the thread gets
				// there, through the self-pipe.
				h := s.callAt(max(s.now, c.now()), run)
				s.markExact(h)
				return &TimerHandle{h: h}, nil
			}
			return &TimerHandle{h: s.callSoon(run)}, nil
		case "call_soon", "call_later", "call_at":
			var when float64
			var fn Value
			var rest []Value
			switch name {
			case "call_soon":
				if len(args) < 1 {
					break
				}
				fn, rest, when = args[0], args[1:], s.now
			default:
				if len(args) < 2 {
					break
				}
				if name == "call_later" {
					when = s.now + c.seconds(args[0], p, name)
				} else {
					when = c.loopTime(args[0], p, "call_at time")
				}
				fn, rest = args[1], args[2:]
			}
			run := func() {
				cc := &ctx{s: s}
				if _, err := cc.call(fn, rest, nil, p); err != nil {
					s.assume(p, 1, "callback raised %v", err)
				}
			}
			if name == "call_soon" {
				return &TimerHandle{h: s.callSoon(run)}, nil
			}
			// A delayed callback is latency like a sleep: it counts in the
			// one-after-another time when it fires.
			delay := max(0, when-s.now)
			return &TimerHandle{h: s.callAt(when, func() { s.work += delay; run() })}, nil
		case "run_until_complete":
			return nil, newExc("RuntimeError", "This event loop is already running (line %d)", p.Line)
		}
	case *TimerHandle:
		if name == "cancel" {
			o.h.cancelled = true
			return nil, nil
		}
	case *PoolObj:
		switch name {
		case "submit":
			if len(args) < 1 {
				return nil, newExc("TypeError", "submit(fn, *args)")
			}
			c.flushCPU()
			c.startPool(o.pool, p)
			tc := &ctx{s: s, thread: &threadRun{base: o.pool.nextStart(s.now)}}
			v, err := tc.call(args[0], args[1:], kws, p)
			tc.flushCPU()
			if o.pool.Process {
				tc.thread.elapsed += processJobCost
			}
			start, end := o.pool.submit(s.now, tc.thread.elapsed)
			s.recordJob(jobLabel(args[0]), p.Line, start, end, err != nil)
			s.work += tc.thread.elapsed
			return &CFuture{end: end, result: v, err: err}, nil
		case "shutdown":
			wait := true
			if v, ok := argAt(args, kws, 0, "wait"); ok {
				wait, _ = truth(v)
			}
			if wait {
				c.waitPool(o.pool, p)
			}
			return nil, nil
		case "map":
			c.s.assume(p, 0.7, "executor.map results are assumed consumed at once")
			return &UnknownValue{Why: "executor map"}, nil
		}
	case *CFuture:
		switch name {
		case "result":
			if o.end > c.now() {
				c.s.block(c, o.end-c.now(), p, "concurrent future result()")
			}
			if o.err != nil {
				return nil, o.err
			}
			return o.result, nil
		case "done":
			return o.end <= c.now(), nil
		}
	}
	return c.unmodelled(p, typ+"."+name), nil
}

// waitPool blocks the caller until every job of pool has finished (the
// shutdown(wait=True) at the end of "with ThreadPoolExecutor()").
// startPool forks a process pool's workers at its first submission; the
// submitting thread (usually the loop) waits for the forks.
func (c *ctx) startPool(pool *Pool, p Pos) {
	if !pool.Process || pool.spawned {
		return
	}
	pool.spawned = true
	c.s.block(c, processSpawnCost*float64(pool.Size), p, "ProcessPoolExecutor start")
}

func (c *ctx) waitPool(pool *Pool, p Pos) {
	if pool.Process && pool.spawned {
		pool.lastEnd = max(pool.lastEnd, c.now()) + processShutdownCost
		pool.spawned = false
	}
	if d := pool.lastEnd - c.now(); d > 0 {
		if c.thread != nil {
			c.thread.elapsed += d
			return
		}
		start := c.s.now
		c.s.now += d
		c.s.blocked += d
		if c.t != nil {
			c.t.addSpan(Span{Kind: SpanBlocking, Start: start, End: c.s.now, Line: p.Line, File: p.File, Label: "executor shutdown"})
		}
		if !c.s.cfg.SkipBlocks {
			c.s.blocks = append(c.s.blocks, BlockEvent{Line: p.Line, File: p.File, Offset: p.Offset, Label: "executor shutdown(wait=True)", Start: start, Duration: d})
		}
	}
}

func (c *ctx) futureMethod(f *Future, name string, args []Value, kws []kwarg, p Pos) (Value, error) {
	switch name {
	case "cancel":
		return f.cancel(), nil
	case "done":
		return f.done(), nil
	case "cancelled":
		return f.cancelled(), nil
	case "result":
		if !f.done() {
			return nil, newExc("InvalidStateError", "Result is not set. (line %d)", p.Line)
		}
		return f.outcome()
	case "exception":
		if !f.done() {
			return nil, newExc("InvalidStateError", "Exception is not set.")
		}
		if f.cancelled() {
			return nil, cancelledError()
		}
		f.retrieved = true
		if f.exc == nil {
			return nil, nil
		}
		return f.exc, nil
	case "set_result":
		if f.done() {
			return nil, newExc("InvalidStateError", "invalid state")
		}
		v, _ := argAt(args, kws, 0, "result")
		f.setResult(v)
		return nil, nil
	case "set_exception":
		if f.done() {
			return nil, newExc("InvalidStateError", "invalid state")
		}
		v, _ := argAt(args, kws, 0, "exception")
		e := c.toExc(v, p)
		f.setException(e.(*Exc))
		return nil, nil
	case "get_name":
		if f.task != nil {
			return f.task.Name, nil
		}
	case "set_name":
		if f.task != nil && len(args) == 1 {
			if n, ok := args[0].(string); ok {
				f.task.Name = n
				f.task.rep.Name = n
			}
		}
		return nil, nil
	case "add_done_callback":
		if len(args) >= 1 {
			fn := args[0]
			f.addDoneCallback(func(f *Future) {
				cc := &ctx{s: c.s}
				cc.call(fn, []Value{futureValue(f)}, nil, p)
			})
		}
		return nil, nil
	case "remove_done_callback":
		return int64(0), nil
	case "cancelling":
		if f.task != nil {
			return int64(f.task.numCancels), nil
		}
	case "uncancel":
		if f.task != nil {
			return int64(f.task.uncancel()), nil
		}
	}
	return c.unmodelled(p, "Future."+name), nil
}
