package loopsim

// Synchronisation primitives, following CPython 3.11's asyncio/locks.py and
// queues.py: waiters are futures woken FIFO; a woken waiter runs on a later
// loop iteration.

import "fmt"

type Lock struct {
	locked  bool
	waiters []*Future
}

type Semaphore struct {
	value, bound int
	bounded      bool
	waiters      []*Future
}

type Event struct {
	value   bool
	waiters []*Future
}

type Condition struct {
	lock    *Lock
	waiters []*Future
}

type Queue struct {
	maxsize    int
	kind       string // fifo, lifo, priority
	items      []Value
	getters    []*Future
	putters    []*Future
	unfinished int
	finished   *Event
	// unordered is set once a PriorityQueue met items it could not order.
	unordered bool
}

type Barrier struct {
	parties int
	count   int
	waiters []*Future
}

func removeFuture(list []*Future, f *Future) []*Future {
	for i, x := range list {
		if x == f {
			return append(list[:i:i], list[i+1:]...)
		}
	}
	return list
}

// Lock.

func (l *Lock) acquire(c *ctx, p Pos) (Value, error) {
	allCancelled := true
	for _, w := range l.waiters {
		if !w.cancelled() {
			allCancelled = false
		}
	}
	if !l.locked && allCancelled {
		l.locked = true
		c.noteNonBlockingTake(l, true, 0, p)
		return true, nil
	}
	fut := c.s.newFuture()
	l.waiters = append(l.waiters, fut)
	_, err := c.awaitFuture(fut, SpanWait, "Lock", -1, p)
	l.waiters = removeFuture(l.waiters, fut)
	if err != nil {
		if isCancelled(err) && !l.locked {
			l.wakeUpFirst()
		}
		return nil, err
	}
	l.locked = true
	return true, nil
}

func (l *Lock) release(p Pos) error {
	if !l.locked {
		return newExc("RuntimeError", "Lock is not acquired. (line %d)", p.Line)
	}
	l.locked = false
	l.wakeUpFirst()
	return nil
}

func (l *Lock) wakeUpFirst() {
	if len(l.waiters) == 0 {
		return
	}
	if f := l.waiters[0]; !f.done() {
		f.setResult(true)
	}
}

func (c *ctx) lockMethod(l *Lock, name string, p Pos) (Value, error) {
	switch name {
	case "acquire":
		return coro("Lock.acquire", p, func(c *ctx) (Value, error) { return l.acquire(c, p) }), nil
	case "release":
		return nil, l.release(p)
	case "locked":
		if l.locked {
			c.noteNonBlockingTake(l, false, 0, p)
		}
		return l.locked, nil
	}
	return c.unmodelled(p, "Lock."+name), nil
}

// Semaphore (3.11.x with the FIFO fairness fix).

// label names the semaphore with its size in timelines: "Semaphore(3)".
func (s *Semaphore) label() string {
	name := "Semaphore"
	if s.bounded {
		name = "BoundedSemaphore"
	}
	return fmt.Sprintf("%s(%d)", name, s.bound)
}

func (s *Semaphore) isLocked() bool {
	if s.value == 0 {
		return true
	}
	for _, w := range s.waiters {
		if !w.cancelled() {
			return true
		}
	}
	return false
}

func (s *Semaphore) acquire(c *ctx, p Pos) (Value, error) {
	if !s.isLocked() {
		s.value--
		c.noteNonBlockingTake(s, true, int(max(0, s.value)), p)
		return true, nil
	}
	fut := c.s.newFuture()
	s.waiters = append(s.waiters, fut)
	_, err := c.awaitFuture(fut, SpanWait, s.label(), -1, p)
	s.waiters = removeFuture(s.waiters, fut)
	if err != nil {
		if isCancelled(err) && fut.done() && !fut.cancelled() {
			s.value++
			s.wakeUpNext()
		}
		return nil, err
	}
	if s.value > 0 {
		s.wakeUpNext()
	}
	return true, nil
}

func (s *Semaphore) wakeUpNext() bool {
	for _, f := range s.waiters {
		if !f.done() {
			s.value--
			f.setResult(true)
			return true
		}
	}
	return false
}

func (s *Semaphore) release(p Pos) error {
	if s.bounded && s.value >= s.bound {
		return newExc("ValueError", "BoundedSemaphore released too many times (line %d)", p.Line)
	}
	s.value++
	s.wakeUpNext()
	return nil
}

func (c *ctx) semMethod(s *Semaphore, name string, p Pos) (Value, error) {
	switch name {
	case "acquire":
		return coro("Semaphore.acquire", p, func(c *ctx) (Value, error) { return s.acquire(c, p) }), nil
	case "release":
		return nil, s.release(p)
	case "locked":
		if s.isLocked() {
			c.noteNonBlockingTake(s, false, 0, p)
		}
		return s.isLocked(), nil
	}
	return c.unmodelled(p, "Semaphore."+name), nil
}

// Event.

func (e *Event) wait(c *ctx, p Pos) (Value, error) {
	if e.value {
		return true, nil
	}
	fut := c.s.newFuture()
	e.waiters = append(e.waiters, fut)
	_, err := c.awaitFuture(fut, SpanWait, "Event", -1, p)
	e.waiters = removeFuture(e.waiters, fut)
	if err != nil {
		return nil, err
	}
	return true, nil
}

func (e *Event) set() {
	if e.value {
		return
	}
	e.value = true
	for _, f := range e.waiters {
		if !f.done() {
			f.setResult(true)
		}
	}
}

func (c *ctx) eventMethod(e *Event, name string, p Pos) (Value, error) {
	switch name {
	case "wait":
		return coro("Event.wait", p, func(c *ctx) (Value, error) { return e.wait(c, p) }), nil
	case "set":
		e.set()
		return nil, nil
	case "clear":
		e.value = false
		return nil, nil
	case "is_set":
		return e.value, nil
	}
	return c.unmodelled(p, "Event."+name), nil
}

// Condition.

func (cd *Condition) wait(c *ctx, p Pos) (Value, error) {
	if !cd.lock.locked {
		return nil, newExc("RuntimeError", "cannot wait on un-acquired lock (line %d)", p.Line)
	}
	cd.lock.release(p)
	fut := c.s.newFuture()
	cd.waiters = append(cd.waiters, fut)
	_, err := c.awaitFuture(fut, SpanWait, "Condition", -1, p)
	cd.waiters = removeFuture(cd.waiters, fut)
	cancelled := isCancelled(err)
	for {
		_, aerr := cd.lock.acquire(c, p)
		if aerr == nil {
			break
		}
		if isCancelled(aerr) {
			cancelled = true
			continue
		}
		return nil, aerr
	}
	if cancelled {
		return nil, cancelledError()
	}
	if err != nil {
		return nil, err
	}
	return true, nil
}

func (cd *Condition) notify(n int) {
	idx := 0
	for _, f := range cd.waiters {
		if idx >= n {
			break
		}
		if !f.done() {
			idx++
			f.setResult(false)
		}
	}
}

func (c *ctx) condMethod(cd *Condition, name string, args []Value, kws []kwarg, p Pos) (Value, error) {
	switch name {
	case "acquire":
		return coro("Condition.acquire", p, func(c *ctx) (Value, error) { return cd.lock.acquire(c, p) }), nil
	case "release":
		return nil, cd.lock.release(p)
	case "locked":
		return cd.lock.locked, nil
	case "wait":
		return coro("Condition.wait", p, func(c *ctx) (Value, error) { return cd.wait(c, p) }), nil
	case "wait_for":
		if len(args) != 1 {
			return nil, newExc("TypeError", "wait_for(predicate)")
		}
		pred := args[0]
		return coro("Condition.wait_for", p, func(c *ctx) (Value, error) {
			for {
				r, err := c.call(pred, nil, nil, p)
				if err != nil {
					return nil, err
				}
				b, ok := truth(r)
				if !ok {
					c.s.assumeOn(p, 0.6, r, "the predicate", "Condition.wait_for predicate cannot be known%s; assumed true")
					b = true
				}
				if b {
					return r, nil
				}
				if _, err := cd.wait(c, p); err != nil {
					return nil, err
				}
			}
		}), nil
	case "notify":
		n := 1
		if v, ok := argAt(args, kws, 0, "n"); ok {
			k, _ := toInt(v)
			n = int(k)
		}
		if !cd.lock.locked {
			return nil, newExc("RuntimeError", "cannot notify on un-acquired lock")
		}
		cd.notify(n)
		return nil, nil
	case "notify_all":
		if !cd.lock.locked {
			return nil, newExc("RuntimeError", "cannot notify on un-acquired lock")
		}
		cd.notify(len(cd.waiters))
		return nil, nil
	}
	return c.unmodelled(p, "Condition."+name), nil
}

// Queue.

func (q *Queue) full() bool { return q.maxsize > 0 && len(q.items) >= q.maxsize }

func wakeupNext(waiters *[]*Future) {
	for len(*waiters) > 0 {
		w := (*waiters)[0]
		*waiters = (*waiters)[1:]
		if !w.done() {
			w.setResult(nil)
			return
		}
	}
}

func (q *Queue) putNowait(c *ctx, v Value) error {
	if q.full() {
		return &Exc{Type: "QueueFull"}
	}
	q.items = append(q.items, v)
	q.unfinished++
	if q.finished != nil {
		q.finished.value = false
	}
	wakeupNext(&q.getters)
	return nil
}

func (q *Queue) getNowait(c *ctx) (Value, error) {
	if len(q.items) == 0 {
		return nil, &Exc{Type: "QueueEmpty"}
	}
	var v Value
	switch q.kind {
	case "lifo":
		v = q.items[len(q.items)-1]
		q.items = q.items[:len(q.items)-1]
	case "priority":
		best := 0
		for i := range q.items {
			l, ok := c.less(q.items[i], q.items[best])
			if !ok {
				q.unordered = true
			}
			if ok && l {
				best = i
			}
		}
		v = q.items[best]
		q.items = append(q.items[:best:best], q.items[best+1:]...)
	default:
		v = q.items[0]
		q.items = q.items[1:]
	}
	wakeupNext(&q.putters)
	return v, nil
}

func (q *Queue) put(c *ctx, v Value, p Pos) error {
	for q.full() {
		putter := c.s.newFuture()
		q.putters = append(q.putters, putter)
		_, err := c.awaitFuture(putter, SpanWait, "Queue.put", -1, p)
		if err != nil {
			putter.cancelPlain()
			q.putters = removeFuture(q.putters, putter)
			if !q.full() && !putter.cancelled() {
				wakeupNext(&q.putters)
			}
			return err
		}
	}
	return q.putNowait(c, v)
}

func (q *Queue) get(c *ctx, p Pos) (Value, error) {
	if len(q.items) == 0 {
		// Finding the queue empty is a take that lost, as for get_nowait.
		c.noteNonBlockingTake(q, false, 0, p)
	}
	waited := false
	for len(q.items) == 0 {
		waited = true
		getter := c.s.newFuture()
		q.getters = append(q.getters, getter)
		_, err := c.awaitFuture(getter, SpanWait, "Queue.get", -1, p)
		if err != nil {
			getter.cancelPlain()
			q.getters = removeFuture(q.getters, getter)
			if len(q.items) > 0 && !getter.cancelled() {
				wakeupNext(&q.getters)
			}
			return nil, err
		}
	}
	v, err := q.getNowait(c)
	c.noteUnordered(q, p)
	if !waited {
		c.noteNonBlockingTake(q, err == nil, len(q.items), p)
	}
	return v, err
}

// noteUnordered records a PriorityQueue whose items could not be ordered
// (unknown or incomparable priorities): they were taken in arrival order.
func (c *ctx) noteUnordered(q *Queue, p Pos) {
	if q.unordered {
		c.s.assume(p, 0.6, "PriorityQueue items cannot be ordered statically (unknown or incomparable priorities); taken in arrival order")
	}
}

func (c *ctx) queueMethod(q *Queue, name string, args []Value, p Pos) (Value, error) {
	switch name {
	case "put", "get":
		c.overhead(0.25e-6) // creating and running the method's coroutine
	case "put_nowait", "get_nowait", "task_done":
		c.overhead(0.12e-6)
	}
	switch name {
	case "put":
		if len(args) != 1 {
			return nil, newExc("TypeError", "put(item)")
		}
		v := args[0]
		return coro("Queue.put", p, func(c *ctx) (Value, error) { return nil, q.put(c, v, p) }), nil
	case "get":
		return coro("Queue.get", p, func(c *ctx) (Value, error) { return q.get(c, p) }), nil
	case "put_nowait":
		if len(args) != 1 {
			return nil, newExc("TypeError", "put_nowait(item)")
		}
		return nil, q.putNowait(c, args[0])
	case "get_nowait":
		v, err := q.getNowait(c)
		c.noteUnordered(q, p)
		c.noteNonBlockingTake(q, err == nil, len(q.items), p)
		return v, err
	case "task_done":
		if q.unfinished <= 0 {
			return nil, newExc("ValueError", "task_done() called too many times (line %d)", p.Line)
		}
		q.unfinished--
		if q.unfinished == 0 {
			if q.finished == nil {
				q.finished = &Event{}
			}
			q.finished.set()
		}
		return nil, nil
	case "join":
		return coro("Queue.join", p, func(c *ctx) (Value, error) {
			if q.unfinished > 0 {
				if q.finished == nil || q.finished.value {
					q.finished = &Event{}
				}
				return q.finished.wait(c, p)
			}
			return nil, nil
		}), nil
	case "qsize":
		if len(q.items) == 0 {
			c.noteNonBlockingTake(q, false, 0, p)
		}
		return int64(len(q.items)), nil
	case "empty":
		if len(q.items) == 0 {
			c.noteNonBlockingTake(q, false, 0, p)
		}
		return len(q.items) == 0, nil
	case "full":
		return q.full(), nil
	}
	return c.unmodelled(p, "Queue."+name), nil
}

// Barrier: the n-th arrival releases every waiting party.

func (b *Barrier) wait(c *ctx, p Pos) (Value, error) {
	index := b.count
	b.count++
	if b.count == b.parties {
		for _, w := range b.waiters {
			if !w.done() {
				w.setResult(nil)
			}
		}
		b.waiters = nil
		b.count = 0
		// The releasing party still passes through the barrier's condition
		// lock, which yields once.
		return int64(index), nil
	}
	fut := c.s.newFuture()
	b.waiters = append(b.waiters, fut)
	_, err := c.awaitFuture(fut, SpanWait, "Barrier", -1, p)
	if err != nil {
		b.waiters = removeFuture(b.waiters, fut)
		b.count--
		return nil, err
	}
	return int64(index), nil
}

func (c *ctx) barrierMethod(b *Barrier, name string, p Pos) (Value, error) {
	switch name {
	case "wait":
		return coro("Barrier.wait", p, func(c *ctx) (Value, error) { return b.wait(c, p) }), nil
	case "reset", "abort":
		for _, w := range b.waiters {
			if !w.done() {
				w.setException(&Exc{Type: "BrokenBarrierError"})
			}
		}
		b.waiters, b.count = nil, 0
		return coro("Barrier."+name, p, func(c *ctx) (Value, error) { return nil, nil }), nil
	}
	return c.unmodelled(p, "Barrier."+name), nil
}
