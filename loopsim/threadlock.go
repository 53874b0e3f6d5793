package loopsim

import (
	"fmt"
	"slices"
	"sort"
)

// ThreadLock is threading.Lock (or RLock). Worker threads are simulated
// one after another, each from its start, so the lock books the intervals
// it was held, as the GIL does for CPU work: a hold is placed at the
// moment its thread asked for the lock if the lock was free for the whole
// hold, else as soon after as it is free, and the thread waits that long.
// Holders so serialise (a `with lock:` in to_thread workers runs one
// worker at a time), in the order they ask when they were simulated in
// that order.
type ThreadLock struct {
	Reentrant bool
	held      busyTimes
	depth     int
	since     float64 // when the current holder asked for it
}

// clockOf is the current time of c's thread: the worker thread's own
// clock, else the loop's.
func (c *ctx) clockOf() float64 {
	c.flushCPU()
	if c.thread != nil {
		return c.thread.base + c.thread.elapsed
	}
	return c.s.now
}

// lockSlack is how far a hold may overlap a booked one and still count as
// before it: about the wake-up slack the simulator adds to each sleep, which
// the real later holder would simply have waited.
const lockSlack = 0.001

// book places a hold of d asked for at at: at the first moment from at
// when the lock is free for d (give or take lockSlack), and returns it.
func (l *ThreadLock) book(at, d float64) float64 {
	t := at
	for _, iv := range l.held {
		if iv.end <= t+lockSlack {
			continue
		}
		if iv.start >= t+d-lockSlack {
			break
		}
		t = iv.end
	}
	i := sort.Search(len(l.held), func(i int) bool { return l.held[i].start > t })
	l.held = slices.Insert(l.held, i, struct{ start, end float64 }{t, t + d})
	return t
}

// heldAt reports whether a booked hold covers t.
func (l *ThreadLock) heldAt(t float64) bool {
	for _, iv := range l.held {
		if iv.start <= t && t < iv.end {
			return true
		}
	}
	return false
}

func (c *ctx) threadLockAcquire(l *ThreadLock, blocking bool, p Pos) (bool, error) {
	now := c.clockOf()
	if l.depth > 0 {
		if l.Reentrant {
			l.depth++
			return true, nil
		}
		if !blocking {
			return false, nil
		}
		// The holder asks again: a deadlock in CPython.
		c.unknownRun(fmt.Sprintf("threading.Lock acquired again by its holder at line %d: the thread deadlocks", p.Line))
	}
	if !blocking && l.heldAt(now) {
		return false, nil
	}
	l.depth, l.since = 1, now
	return true, nil
}

func (c *ctx) threadLockRelease(l *ThreadLock, p Pos) error {
	if l.depth == 0 {
		return newExc("RuntimeError", "release unlocked lock (line %d)", p.Line)
	}
	l.depth--
	if l.depth > 0 {
		return nil
	}
	now := c.clockOf()
	d := now - l.since
	start := l.book(l.since, d)
	if wait := start - l.since; wait > 0 {
		// The hold really began later: the thread waited for the lock.
		if c.thread != nil {
			c.thread.elapsed += wait
		} else {
			c.s.block(c, wait, p, "threading.Lock")
		}
	}
	return nil
}

func (c *ctx) threadLockMethod(l *ThreadLock, name string, args []Value, kws []kwarg, p Pos) (Value, error) {
	switch name {
	case "acquire":
		blocking := true
		if v, ok := argAt(args, kws, 0, "blocking"); ok {
			b, known := truth(v)
			if !known {
				return c.unmodelled(p, "threading.Lock.acquire"), nil
			}
			blocking = b
		}
		if _, ok := argAt(args, kws, 1, "timeout"); ok {
			return c.unmodelled(p, "threading.Lock.acquire(timeout=...)"), nil
		}
		return c.threadLockAcquire(l, blocking, p)
	case "release":
		return nil, c.threadLockRelease(l, p)
	case "locked":
		return l.depth > 0 || l.heldAt(c.clockOf()), nil
	}
	return c.unmodelled(p, "threading.Lock."+name), nil
}
