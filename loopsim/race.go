package loopsim

import "math"

// raceWindow is how close two timer wake-ups must be for their order to be
// decided by timing noise on a real machine rather than by the program:
// the loop selects in whole milliseconds and each wake-up is late by a
// varying fraction of one (kernel timer slack, scheduling), so deadlines
// less than a millisecond apart come due in either order from run to run.
const raceWindow = 0.001

// queueTake is the last non-blocking look at a queue (get_nowait, empty())
// or a list, deque or set (pop, popleft, an empty truth test):
// who took, the timer deadline that woke it (-1 when it was not woken by a
// timer), the line it woke at, and whether it took the last item.
type queueTake struct {
	task     *Task
	due      float64
	setIn    int
	wakeLine int
	emptied  bool
}

// noteNonBlockingTake records a non-blocking take from q (a *Queue or a
// *List) by the running task (took: it got an item; left: items remaining after it) and reports
// a race when it found nothing because another task, woken by a timer
// within raceWindow of this one, took the last item just before: with the
// two wake-ups the other way round, this task would have had the item, so
// the simulated schedule is only one of the schedules a real run takes.
func (c *ctx) noteNonBlockingTake(q Value, took bool, left int, p Pos) {
	t := c.s.current
	if t == nil || !took && c.s.takes[q] == nil {
		return
	}
	if c.s.takes == nil {
		c.s.takes = map[Value]*queueTake{}
	}
	prev := c.s.takes[q]
	c.s.takes[q] = &queueTake{task: t, due: t.wokeDue, setIn: t.wokeSetIn, wakeLine: t.wokeLine, emptied: took && left == 0}
	if took || prev == nil || !prev.emptied || prev.task == t || prev.due < 0 || t.wokeDue < 0 {
		return
	}
	// Timers set in the same loop iteration keep their order (their
	// deadlines differ by the program's own work in between, which noise
	// does not reorder); set after different wake-ups, each carries its
	// own wake-up's noise.
	if math.Abs(prev.due-t.wokeDue) >= raceWindow || prev.setIn == t.wokeSetIn || interchangeable(prev.task, t) {
		return
	}
	c.s.assume(p, raceWeight,
		"the order in which %s (waking at line %d) and %s (waking at line %d) wake, less than 1 ms apart, decides who takes %s (line %d); the timing may differ from run to run",
		prev.task.Name, prev.wakeLine, t.Name, t.wokeLine, sharedName(q), p.Line)
}

// raceWeight puts a run that met a wake-up race at medium confidence: the
// simulated schedule is one a real run does take, but not the only one.
const raceWeight = 0.6

// interchangeable reports whether a and b run the same coroutine function
// on equal arguments: which of two such workers takes an item does not
// change what is done or how long it takes, so their race is harmless
// (two identical pool workers). Workers of different speeds or roles
// differ in an argument.
func interchangeable(a, b *Task) bool {
	ca, cb := a.coro, b.coro
	if ca.args == nil || cb.args == nil || ca.Name != cb.Name || ca.P != cb.P || len(ca.args) != len(cb.args) {
		return false
	}
	for i := range ca.args {
		if eq, ok := equal(ca.args[i], cb.args[i]); !ok || !eq {
			return false
		}
	}
	return true
}

// sharedName names what the racing tasks compete for.
func sharedName(v Value) string {
	switch x := v.(type) {
	case *Queue:
		switch x.kind {
		case "lifo":
			return "the last item of the LifoQueue"
		case "priority":
			return "the last item of the PriorityQueue"
		}
		return "the last item of the Queue"
	case *List:
		if x.Deque {
			return "the last item of the deque"
		}
		return "the last item of the " + x.Kind
	case *Lock:
		return "the Lock"
	case *Semaphore:
		return "the last free slot of the " + x.label()
	}
	return "the last item of the " + typeName(v)
}
