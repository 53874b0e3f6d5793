package loopsim

import (
	"fmt"
	"hash/maphash"
	"math"
)

// A run whose main task is in a loop it cannot leave but by an exception
// (`while True:` with no break or return: a server's receive loop, a
// periodic refresh) cannot finish unless an exception ends it. Without
// Config.EndlessLoopRuns it is simulated until a budget runs out (300,000
// steps for the rules' estimates), and a caller that only wants a run that
// finishes (ASL401's estimates, a hover's total) gets nothing for it. With
// it, the run stops once such a loop has run that many times in the main
// task while nothing else was left that could end the run (no other task
// running, no timer or callback pending: a timeout's, another task's, an
// executor job's; no cancellation requested) and, for that many
// iterations in a row, without progress: the same state at the top of the
// loop as far as it can decide the loop's path (the same numbers, strings,
// booleans and None, the same lengths of lists and dicts, in the loop's
// local, enclosing and declared global variables) and no time measured on
// the clock (the difference or order of two readings: a deadline the loop
// checks itself; a reading kept as a timestamp is no progress). A retry
// counter or a list that fills up is progress: such a loop runs on, and
// ends by its exception as before. What could still end a loop stopped
// this way is an exception its code raises on a change the watch does not
// see (an attribute of an object, an element of a list) after more
// iterations than it was given.

// endlessLoop reports whether only an exception can leave w: its test is a
// constant that is true and its body has no break of its own and no
// return (nor a statement the front end could not translate).
func (s *Sim) endlessLoop(w *While) bool {
	if v, ok := s.endless[w]; ok {
		return v
	}
	r := false
	if k, ok := w.Cond.(*Const); ok {
		switch k.Value.(type) {
		case bool, int64, float64, string:
			b, known := truth(k.Value)
			r = known && b && !mayLeave(w.Body, true)
		}
	}
	if s.endless == nil {
		s.endless = map[*While]bool{}
	}
	s.endless[w] = r
	return r
}

// mayLeave reports whether a statement of body may leave the loop around
// it other than by an exception: a return, a break of that loop (own: body
// is the loop's own block, not a nested loop's), or an untranslated
// statement. Nested functions and classes return on their own.
func mayLeave(body []Stmt, own bool) bool {
	for _, st := range body {
		switch x := st.(type) {
		case *Return, *Unsupported:
			return true
		case *Break:
			if own {
				return true
			}
		case *If:
			if mayLeave(x.Body, own) || mayLeave(x.Else, own) {
				return true
			}
		case *For:
			if mayLeave(x.Body, false) || mayLeave(x.Else, own) {
				return true
			}
		case *While:
			if mayLeave(x.Body, false) || mayLeave(x.Else, own) {
				return true
			}
		case *With:
			if mayLeave(x.Body, own) {
				return true
			}
		case *Try:
			if mayLeave(x.Body, own) || mayLeave(x.Else, own) || mayLeave(x.Finally, own) {
				return true
			}
			for _, h := range x.Handlers {
				if mayLeave(h.Body, own) {
					return true
				}
			}
		case *Match:
			for _, mc := range x.Cases {
				if mayLeave(mc.Body, own) {
					return true
				}
			}
		}
	}
	return false
}

// endlessWatch follows one run of a loop endlessLoop holds for, in the
// main task (watchEndless).
type endlessWatch struct {
	runs      int
	clockUses int
	state     uint64
}

// watchEndless returns a watch for the while loop w starting now, or nil
// when the run is not to be stopped there: the stop is off, the loop can
// be left, or it does not run in the main task itself (a generator's or a
// worker thread's loop ends when its consumer or caller stops).
func (c *ctx) watchEndless(w *While) *endlessWatch {
	s := c.s
	if s.cfg.EndlessLoopRuns <= 0 || c.t == nil || c.t != s.mainTask || c.gen != nil || c.thread != nil || !s.endlessLoop(w) {
		return nil
	}
	return &endlessWatch{clockUses: s.clockUses, state: math.MaxUint64}
}

// next is called before each iteration of the watched loop: it ends the
// run once the loop has run Config.EndlessLoopRuns times and nothing
// but the loop's own code can end the run any more.
func (e *endlessWatch) next(c *ctx, fr *frame, w *While) {
	s := c.s
	state := loopState(fr)
	if state != e.state || s.clockUses != e.clockUses {
		// The first iteration, or progress: count again.
		e.state, e.clockUses, e.runs = state, s.clockUses, 0
	}
	if e.runs < s.cfg.EndlessLoopRuns || !s.nothingElsePending() {
		e.runs++
		return
	}
	where := c.fn
	if where == "" {
		where = "task " + c.t.Name
	}
	panic(&budgetError{budget: BudgetEndless, msg: fmt.Sprintf(
		"it does not end: the loop at line %d (in %s) has no break or return, and only an exception could end it (stopped after %d iterations without progress)",
		w.P.Line, where, e.runs)})
}

// nothingElsePending reports whether the main task, running now, is all
// that is left: no other task unfinished, no timer or callback pending,
// and no cancellation of the main task requested.
func (s *Sim) nothingElsePending() bool {
	if len(s.ready) > 0 || len(s.batchRest) > 0 || s.mainTask.mustCancel {
		return false
	}
	for _, h := range s.timers {
		if !h.cancelled {
			return false
		}
	}
	for ; s.liveFrom < len(s.tasks); s.liveFrom++ {
		if t := s.tasks[s.liveFrom]; t != s.mainTask && !t.F.done() {
			return false
		}
	}
	return true
}

// stateSeed keys loopState's hashes (one per process: a state is only
// compared with another of the same run).
var stateSeed = maphash.MakeSeed()

// loopState digests what of fr's variables, those of the scopes around it
// (not the module's) and the globals it declares may decide a loop's path
// (see endlessWatch): numbers, strings, booleans and None by value, lists,
// tuples, sets and dicts by length; other values (objects, functions,
// unknown values) are left out. The digest is a sum, so the order of the
// variables does not matter.
func loopState(fr *frame) uint64 {
	var sum uint64
	var h maphash.Hash
	h.SetSeed(stateSeed)
	add := func(name string, v Value) {
		h.Reset()
		h.WriteString(name)
		h.WriteByte(0)
		switch x := v.(type) {
		case nil:
			h.WriteByte('n')
		case bool:
			if x {
				h.WriteByte('t')
			} else {
				h.WriteByte('f')
			}
		case int64:
			h.WriteByte('i')
			writeUint(&h, uint64(x))
		case float64:
			h.WriteByte('d')
			writeUint(&h, math.Float64bits(x))
		case string:
			h.WriteByte('s')
			h.WriteString(x)
		case *List:
			h.WriteByte('l')
			writeUint(&h, uint64(len(x.Elems)))
		case *Dict:
			h.WriteByte('m')
			writeUint(&h, uint64(len(x.Keys)))
		default:
			return
		}
		sum += h.Sum64()
	}
	for f := fr; f != nil && f != f.globals; f = f.parent {
		for name, v := range f.vars {
			add(name, v)
		}
	}
	if fr.globals != nil {
		for name := range fr.globalDecl {
			add(name, fr.globals.vars[name])
		}
	}
	return sum
}

func writeUint(h *maphash.Hash, u uint64) {
	var b [8]byte
	for i := range b {
		b[i] = byte(u >> (8 * i))
	}
	h.Write(b[:])
}

// noteClockUse counts v, the result of arithmetic or a comparison on l and
// r, when it is known because both are readings of the clock (an elapsed
// time, a deadline passed or not): the one way the simulated clock steers
// a program's path.
func (c *ctx) noteClockUse(l, r, v Value) {
	_, lok := l.(*ClockReading)
	_, rok := r.(*ClockReading)
	if !lok || !rok {
		return
	}
	switch v.(type) {
	case *ClockReading, *UnknownValue:
		return
	}
	c.s.clockUses++
}
