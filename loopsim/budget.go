package loopsim

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"
)

// Budgets bound the work of one simulation, so that no input can hang or
// exhaust the process running it (a CI check, a language server). A run
// that exceeds one ends with Result.Budget naming it and a Problem
// "budget exceeded (...)": its timing is unknown.
//
// The defaults are documented in docs/loopsim.md.
const (
	DefaultMaxSteps     = 5_000_000
	DefaultMaxTasks     = 20_000
	DefaultMaxValueSize = 1 << 20
	DefaultMaxAllocated = 10_000_000
	DefaultMaxWallTime  = 10 * time.Second
)

// Budget names, as in Result.Budget.
const (
	BudgetSteps     = "steps"
	BudgetTasks     = "tasks"
	BudgetValueSize = "value-size"
	BudgetAllocated = "allocations"
	BudgetWallTime  = "wall-time"
	BudgetCancelled = "cancelled"
	// BudgetEndless: Config.EndlessLoopRuns.
	BudgetEndless = "endless-loop"
)

// maxMaterialized is the default value-size budget, for code that checks
// sizes without a simulation at hand.
const maxMaterialized = DefaultMaxValueSize

// budgetCheckEvery is how many steps or values pass between looks at the
// wall clock and the context (both cost far more than a step).
const budgetCheckEvery = 1024

// budgetError is panicked (like fatal) to end the simulation.
type budgetError struct {
	budget string
	msg    string
}

func (s *Sim) startBudget() {
	if s.cfg.Context == nil {
		s.cfg.Context = context.Background()
	}
	s.deadline = time.Now().Add(s.cfg.MaxWallTime)
}

// exceed ends the simulation: which budget, where (the function running),
// and the likely cause.
func (c *ctx) exceed(budget, what string, line int, likely string) {
	where := c.fn
	switch {
	case where != "":
	case c.t != nil:
		where = "task " + c.t.Name
	default:
		where = "the module body"
	}
	if line > 0 {
		where += fmt.Sprintf(" at line %d", line)
	}
	msg := fmt.Sprintf("budget exceeded (%s, in %s, likely %s)", what, where, likely)
	if budget == BudgetCancelled {
		msg = "simulation cancelled (" + what + ")"
	}
	panic(&budgetError{budget: budget, msg: msg})
}

// likelyLoop describes the likely cause of running out of steps or time:
// the innermost while loop running (for loops end by themselves), else the
// innermost loop, else recursion.
func (c *ctx) likelyLoop() string {
	for i := len(c.loops) - 1; i >= 0; i-- {
		if c.loops[i].kind == "while" {
			return c.loops[i].String()
		}
	}
	if n := len(c.loops); n > 0 {
		return c.loops[n-1].String()
	}
	if c.depth > 50 {
		return "deep recursion"
	}
	return "too much code to simulate"
}

// lineOf is p's line, else the line of the statement running.
func (c *ctx) lineOf(p Pos) int {
	if p.Line > 0 {
		return p.Line
	}
	return c.line
}

// tick is one interpreted statement or loop iteration.
func (c *ctx) tick(p Pos) {
	c.line = p.Line
	s := c.s
	s.cpuPending += s.cfg.CPUPerStep
	s.steps++
	if s.steps > s.cfg.MaxSteps {
		c.exceed(BudgetSteps, fmt.Sprintf("step budget of %d interpreted steps", s.cfg.MaxSteps), c.lineOf(p), c.likelyLoop())
	}
	if s.steps%budgetCheckEvery == 0 {
		c.checkClock(p)
	}
}

// checkClock ends the simulation when the wall-clock budget is spent or
// the caller no longer wants the result.
func (c *ctx) checkClock(p Pos) {
	s := c.s
	if err := s.cfg.Context.Err(); err != nil {
		c.exceed(BudgetCancelled, err.Error(), 0, "")
	}
	if time.Now().After(s.deadline) {
		c.exceed(BudgetWallTime, fmt.Sprintf("wall-clock budget of %s", s.cfg.MaxWallTime), c.lineOf(p), c.likelyLoop())
	}
}

// produce counts n values a builtin produced or consumed element by
// element (iterating a range, copying a list), against the allocation
// budget; it is how long builtin loops stay bounded.
func (c *ctx) produce(n int64, p Pos) {
	s := c.s
	before := s.allocated
	s.allocated += n
	if s.allocated > s.cfg.MaxAllocated {
		c.exceed(BudgetAllocated, fmt.Sprintf("allocation budget of %d values", s.cfg.MaxAllocated), c.lineOf(p), "a value built up in a loop, or a very long iteration ("+c.likelyLoop()+")")
	}
	if before/budgetCheckEvery != s.allocated/budgetCheckEvery {
		c.checkClock(p)
	}
}

// allocate checks that a value of n elements (list items, dict entries,
// characters or bytes) may be built, before it is built.
func (c *ctx) allocate(n int64, what string, p Pos) {
	if n > c.s.cfg.MaxValueSize || n < 0 {
		c.exceed(BudgetValueSize, fmt.Sprintf("value-size budget of %d elements", c.s.cfg.MaxValueSize), c.lineOf(p),
			fmt.Sprintf("%s of %s %s", what, countText(n), unitOf(what)))
	}
	c.produce(n, p)
}

// unitOf names what a value's elements are, for budget messages.
func unitOf(what string) string {
	switch {
	case strings.Contains(what, "integer"):
		return "digits"
	case strings.Contains(what, "string"), strings.Contains(what, "formatted"):
		return "characters"
	}
	return "elements"
}

func countText(n int64) string {
	if n < 0 {
		return "too many"
	}
	return fmt.Sprint(n)
}

// checkTasks ends the simulation before the task budget is exceeded:
// coro is the coroutine of a new task, or a generator starting.
func (s *Sim) checkTasks(running int, coro string) {
	if running < s.cfg.MaxTasks {
		return
	}
	c := &ctx{s: s}
	if t := s.current; t != nil {
		c.fn = t.coro.Name
	}
	likely := "tasks created in a loop that is too long to simulate"
	if c.fn == coro {
		likely = "unbounded recursion: " + coro + " starts tasks running " + coro
	}
	c.exceed(BudgetTasks, fmt.Sprintf("task budget of %d tasks and running generators", s.cfg.MaxTasks), 0, likely)
}

// loopStep is one iteration of the event loop; iterations without any
// interpreted code still count, so no schedule of callbacks runs forever.
func (s *Sim) loopStep() {
	c := &ctx{s: s, fn: "the event loop"}
	s.steps++
	if s.steps > s.cfg.MaxSteps {
		c.exceed(BudgetSteps, fmt.Sprintf("step budget of %d interpreted steps", s.cfg.MaxSteps), 0, "callbacks that keep rescheduling each other")
	}
	if s.steps%budgetCheckEvery == 0 {
		c.checkClock(Pos{})
	}
}

// sized checks that a value of n elements may be built from existing
// ones (a concatenation): it counts as one new value, since charging the
// copy would make building a string with += in a loop look quadratic.
func (c *ctx) sized(n int64, what string, p Pos) {
	if n > c.s.cfg.MaxValueSize || n < 0 {
		c.allocate(n, what, p)
	}
	c.produce(1, p)
}

// grow checks that a value holding n elements may take one more.
func (c *ctx) grow(n int, what string) {
	if int64(n) >= c.s.cfg.MaxValueSize {
		c.allocate(int64(n)+1, what, Pos{})
	}
}

// product is a*b, or -1 when it overflows (allocate then refuses it).
func product(a, b int64) int64 {
	if a <= 0 || b <= 0 {
		return 0
	}
	if a > math.MaxInt64/b {
		return -1
	}
	return a * b
}

// unknownRun ends the simulation with an unknown result that is not about
// a budget: what the program does next cannot be known.
func (c *ctx) unknownRun(why string) {
	panic(&budgetError{msg: why})
}

// nanDeadline is where a timer with a NaN deadline (asyncio.sleep(nan), a
// NaN timeout) goes. CPython's heapq compares it false with everything: as
// the only timer it sits at the heap's root and fires on the next
// iteration (select times out at once, and `nan >= end_time` is false);
// pushed below other timers it breaks the heap's order, and which timers
// fire when is then not worth modelling.
func (s *Sim) nanDeadline() float64 {
	for _, h := range s.timers {
		if !h.exact { // cancelled timers stay in CPython's heap too
			(&ctx{s: s}).unknownRun("a timer with a NaN delay (asyncio.sleep(nan) or a NaN timeout) was set while other timers were pending: CPython's timer heap is then out of order")
		}
	}
	return s.now
}

// scanEvery is how many elements builtins may scan (`x in a_list`,
// list.index) between looks at the clock: one step can scan a whole value.
const scanEvery = 1 << 20

// scan counts n elements a builtin compares one by one.
func (c *ctx) scan(n int, p Pos) {
	s := c.s
	before := s.scanned
	s.scanned += int64(n)
	if before/scanEvery != s.scanned/scanEvery {
		c.checkClock(p)
	}
}
