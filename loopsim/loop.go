package loopsim

import (
	"container/heap"
	"context"
	"fmt"
	"github.com/asyncls/asyncls/pylib"
	"iter"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"
)

// Config tunes the simulation. The zero value is usable.
type Config struct {
	// CPUCount sizes the default executor as min(32, CPUCount+4); 0 means
	// this machine's CPU count.
	CPUCount int
	// DefaultWorkers overrides the default executor's size when > 0.
	DefaultWorkers int
	// Latency maps qualified names ("aiohttp.ClientSession.get") to seconds;
	// it overrides the built-in table.
	Latency map[string]float64
	// Blocking names more synchronous calls that block (qualified name ->
	// seconds); a negative duration means unknown: the call is counted as
	// blocking for 0 s and listed as an assumption. DefaultBlocking applies
	// to names not listed here.
	Blocking map[string]float64
	// UnknownLoopCount is how many iterations a loop over an unknown
	// iterable is assumed to make (default 1); each use is an assumption.
	UnknownLoopCount int
	// MaxSimTime stops the simulation after this much virtual time
	// (default 24 h); a program still running then never finishes.
	MaxSimTime float64
	// UnknownNames makes undefined names and missing attributes unknown
	// values (with an assumption) instead of NameError/AttributeError; used
	// when one function is simulated outside its callers.
	UnknownNames bool
	// Imports, when set, gives the program's imports of other modules of
	// its project (import x.y, from .x import y, ...): their module bodies
	// run once each, when first imported, as Python runs them, so calls
	// into them are simulated like the program's own functions. Without
	// it, or for a module it does not hold, an import is a library the
	// simulator models or does not know (see imports.go).
	Imports ModuleLoader
	// The budgets of one simulation (see budget.go; 0 means the default):
	// MaxSteps bounds interpreted statements and event-loop iterations
	// (DefaultMaxSteps), MaxTasks the tasks created and generators running
	// at once (DefaultMaxTasks), MaxValueSize the elements (items,
	// characters, bytes) of any one value (DefaultMaxValueSize),
	// MaxAllocated the values built or iterated in all
	// (DefaultMaxAllocated), MaxWallTime the real time spent
	// (DefaultMaxWallTime). Context cancels the simulation early.
	MaxSteps                   int
	MaxTasks                   int
	MaxValueSize, MaxAllocated int64
	MaxWallTime                time.Duration
	Context                    context.Context
	// CPUPerStep is the CPU time charged per interpreted statement or loop
	// iteration (default 15 ns, CPython 3.11 on a current x86 core); pure
	// Python work holds the loop (or its worker thread) for that long.
	CPUPerStep float64
	// SkipSpans and SkipBlocks are for callers that read only the totals
	// and assumptions of a run (the rules' estimates): the tasks' Spans
	// (timelines and critical paths) and Blocks (each blocking call) are
	// then left empty. A loop that blocks in every iteration until a
	// budget runs out would otherwise record hundreds of thousands of each.
	SkipSpans, SkipBlocks bool
	// EndlessLoopRuns, when > 0, stops a run whose main task has run that
	// many iterations of a loop that only an exception can leave (`while
	// True:` with no break or return) while nothing else could still end
	// the run: the run cannot finish but by an exception that its first
	// iterations did not raise. It ends with Budget BudgetEndless
	// (endless.go). 0, the default, simulates such a loop until a budget
	// runs out, as `asyncls simulate` wants for its timeline.
	EndlessLoopRuns int
	// IdealTimers turns off the wake-up latency and CPU cost models (for
	// exact unit tests): by default a loop
	// that sleeps until a timer wakes WakeLatency plus WakeSlack of the
	// wait late (epoll's millisecond rounding, the kernel's timer slack of
	// 0.1 % of the timeout, and the thread wake-up), measured at 0.1-0.9 ms
	// per wake on CPython 3.11/Linux.
	IdealTimers bool
	// WakeLatency and WakeSlack override the defaults (0.15 ms, 0.2 %).
	WakeLatency, WakeSlack float64
	// SleepOverhead is added to each time.sleep() call (default 0.08 ms,
	// the measured cost of the system call and the thread's wake-up).
	SleepOverhead float64
	// The event loop's own work, measured on CPython 3.11 (x86-64 Linux)
	// with tens of thousands of tasks or yields: CallbackCost per ready
	// callback run (a task step, a future's done callback; default
	// 1.1 us), IterationCost per loop iteration (the selector poll,
	// 0.9 us), TaskCost per task created (2.5 us, with gather's
	// bookkeeping) and TimerCost per timer an asyncio.sleep sets (2.5 us).
	// They matter for programs with thousands of tasks: 10,000 gathered
	// sleeps cost about 70 ms. Queue, Lock and Semaphore operations
	// (pure Python in CPython) cost 0.1-0.3 us each.
	CallbackCost, IterationCost, TaskCost, TimerCost float64
}

func (c Config) workers() int {
	if c.DefaultWorkers > 0 {
		return c.DefaultWorkers
	}
	n := c.CPUCount
	if n <= 0 {
		n = runtime.NumCPU()
	}
	return min(32, n+4)
}

// SpanKind classifies what a task was doing during a span.
type SpanKind string

const (
	SpanSleep    SpanKind = "sleep"    // awaiting asyncio.sleep
	SpanIO       SpanKind = "io"       // awaiting unmodelled I/O (latency table)
	SpanWait     SpanKind = "wait"     // awaiting other tasks or a primitive
	SpanExecutor SpanKind = "executor" // awaiting a thread-pool job
	SpanBlocking SpanKind = "blocking" // holding the loop with a blocking call
	SpanReady    SpanKind = "ready"    // runnable but the loop was busy
)

// Span is one interval of a task's life.
type Span struct {
	Kind  SpanKind `json:"kind"`
	Start float64  `json:"start"`
	End   float64  `json:"end"`
	Line  int      `json:"line,omitempty"`
	// File is the path of the project module the line is in, when not the
	// simulated program's own file (Config.Imports).
	File  string `json:"file,omitempty"`
	Label string `json:"label,omitempty"`
}

// TaskReport describes one simulated task.
type TaskReport struct {
	Name      string  `json:"name"`
	Start     float64 `json:"start"`
	End       float64 `json:"end"`
	Outcome   string  `json:"outcome"` // result, exception, cancelled, unfinished
	Line      int     `json:"line,omitempty"`
	File      string  `json:"file,omitempty"` // as in Span
	Spans     []Span  `json:"spans"`
	startSeen bool
}

// Assumption is something the result depends on that the source does not
// state: a default latency, an unknown loop bound, an unsupported construct.
type Assumption struct {
	Line int    `json:"line,omitempty"`
	File string `json:"file,omitempty"` // as in Span
	Text string `json:"text"`
	// Weight is the factor this assumption applies to the confidence.
	Weight float64 `json:"-"`
	// Unmodelled marks a call, attribute or builtin the simulator does not
	// implement: its cost was assumed, so the confidence is capped at low.
	Unmodelled bool `json:"unmodelled,omitempty"`
	// Unknowable marks control flow (a branch, a loop's exit or count, a
	// match) or a duration that depends on a value read from outside the
	// program (see Outside): the source does not determine the timing, so
	// the result's level is unknown.
	Unknowable bool   `json:"unknowable,omitempty"`
	because    string // for Result.Unknowable
}

// unmodelledCap is the highest confidence of a result with an unmodelled
// step: the top of "low".
const unmodelledCap = 0.45

// unknowableCap is the highest confidence of a result whose timing depends
// on a value read from outside the program: below "low", so unknown.
const unknowableCap = 0.2

// BlockEvent is one blocking call that held the loop.
type BlockEvent struct {
	Line     int     `json:"line"`
	File     string  `json:"file,omitempty"` // as in Span; Offset is in that file
	Offset   int     `json:"offset"`
	Label    string  `json:"label"`
	Start    float64 `json:"start"`
	Duration float64 `json:"duration"`
	// Delayed is how many other callbacks (woken tasks, due timers) became
	// ready during the call; MaxDelay is the longest any of them waited.
	Delayed  int     `json:"delayed"`
	MaxDelay float64 `json:"max_delay"`
}

type handle struct {
	fn        func()
	cancelled bool
	// exact marks wake-ups through the loop's self-pipe (executor results),
	// which carry no timer rounding.
	exact bool
	when  float64
	seq   int
}

type timerHeap []*handle

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when != h[j].when {
		return h[i].when < h[j].when
	}
	return h[i].seq < h[j].seq
}
func (h timerHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *timerHeap) Push(x any)   { *h = append(*h, x.(*handle)) }
func (h *timerHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// fatal is panicked for conditions that end the whole simulation.
type fatal struct{ msg string }

var errKilled = &fatal{"task killed at end of simulation"}

// Sim is one simulation of one program run.
type Sim struct {
	cfg   Config
	now   float64
	ready []*handle
	// batchRest holds the callbacks of the current iteration not yet run.
	batchRest []*handle
	timers    timerHeap
	// exactPending counts self-pipe wake-ups in timers.
	exactPending int
	// inModuleBody is set while the module body runs (imports, constants,
	// definitions and a script's own asyncio.run call, which is the entry).
	inModuleBody bool
	// modules are the project modules imported so far (nil: not one;
	// imports.go), importDepth how many module bodies run inside one
	// another now.
	modules     map[string]*UserModule
	importDepth int
	// importNoted counts the assumptions made while module bodies of the
	// project ran, with the first one.
	importNoted struct {
		count int
		first string
	}
	// importKeep records an assumption made while a module body runs as
	// it is, not in importNoted's sum (an import cycle, a body that stopped).
	importKeep bool
	seq        int
	stopping   bool
	current    *Task
	tasks      []*Task
	names      map[string]int

	defaultPool *Pool
	pools       []*Pool

	work, blocked float64
	assumptions   []Assumption
	assumeSeen    map[assumeKey]bool
	blocks        []BlockEvent
	steps         int
	allocated     int64     // values built or iterated (MaxAllocated)
	scanned       int64     // elements compared by builtins (see scan)
	deadline      time.Time // end of the wall-clock budget
	liveGens      int       // generators started and not finished
	globals       *frame
	marks         map[int][]MarkTime
	gens          []*Generator
	rng           *pyRandom // non-nil once the program called random.seed

	// asyncio.run state
	loopRunning, runFinished bool
	runProblem               string
	mainTask                 *Task

	// cpuPending is interpreted CPU work not yet charged to the clock;
	// cpuTotal is what was charged (for the assumption note).
	cpuPending, cpuTotal float64
	// threadCPU is the CPU work of worker threads, gil when the GIL is
	// held by it, gilWait how long threads waited for the GIL.
	threadCPU, gilWait float64
	gil                busyTimes
	vars               map[*ContextVar]Value // the context outside tasks

	// jobs are executor jobs submitted by run_in_executor or
	// Executor.submit, shown as rows of their own.
	jobs []*TaskReport

	// iteration counts event-loop iterations (see Task.wokeSetIn).
	iteration int
	// endless caches endlessLoop's answer per loop, clockUses counts the
	// values the program derived from two clock readings and liveFrom
	// indexes the first task that may still be running (see endless.go).
	endless   map[*While]bool
	clockUses int
	liveFrom  int
	// takes holds the last non-blocking take from each queue or list
	// (see noteNonBlockingTake).
	takes map[Value]*queueTake
}

// cpu charges extra CPU cost (function calls, builtin iterations).
func (s *Sim) cpu(steps float64) { s.cpuPending += steps * s.cfg.CPUPerStep }

// flushCPU turns pending CPU work into time: the loop is held (or, in a
// worker thread, the thread is busy) for that long.
func (c *ctx) flushCPU() {
	s := c.s
	d := s.cpuPending
	if d <= 0 {
		return
	}
	s.cpuPending = 0
	if c.thread != nil {
		// The GIL lets one thread run Python at a time: CPU work of worker
		// threads is serialised (a thread waits until the GIL is free).
		// CPython switches every 5 ms, so threads really interleave and
		// finish together; the total is the same.
		at := c.thread.base + c.thread.elapsed
		start := s.gil.place(at, d)
		s.gilWait += start - at
		s.threadCPU += d
		c.thread.elapsed = start + d - c.thread.base
		return
	}
	start := s.now
	s.now += d
	s.blocked += d
	s.work += d
	s.cpuTotal += d
	if c.t != nil && d >= 0.001 {
		c.t.addSpan(Span{Kind: SpanBlocking, Start: start, End: s.now, Label: "CPU work"})
	}
}

// MarkTime is one execution of a Mark: the clock and the accumulated
// sequential work at that moment.
type MarkTime struct {
	At, Work float64
}

func newSim(cfg Config) *Sim {
	if cfg.UnknownLoopCount <= 0 {
		cfg.UnknownLoopCount = 1
	}
	if cfg.MaxSimTime <= 0 {
		cfg.MaxSimTime = 24 * 3600
	}
	if cfg.WakeLatency <= 0 {
		cfg.WakeLatency = 0.00015
	}
	if cfg.WakeSlack <= 0 {
		cfg.WakeSlack = 0.002
	}
	if cfg.SleepOverhead <= 0 {
		cfg.SleepOverhead = 0.00008
	}
	if cfg.CPUPerStep <= 0 {
		cfg.CPUPerStep = 15e-9
	}
	if cfg.CallbackCost <= 0 {
		cfg.CallbackCost = 1.1e-6
	}
	if cfg.IterationCost <= 0 {
		cfg.IterationCost = 0.9e-6
	}
	if cfg.TaskCost <= 0 {
		cfg.TaskCost = 2.5e-6
	}
	if cfg.TimerCost <= 0 {
		cfg.TimerCost = 2.5e-6
	}
	if cfg.IdealTimers {
		cfg.WakeLatency, cfg.WakeSlack, cfg.CPUPerStep, cfg.SleepOverhead = 0, 0, 0, 0
		cfg.CallbackCost, cfg.IterationCost, cfg.TaskCost, cfg.TimerCost = 0, 0, 0, 0
	}
	if cfg.MaxSteps <= 0 {
		cfg.MaxSteps = DefaultMaxSteps
	}
	if cfg.MaxTasks <= 0 {
		cfg.MaxTasks = DefaultMaxTasks
	}
	if cfg.MaxValueSize <= 0 {
		cfg.MaxValueSize = DefaultMaxValueSize
	}
	if cfg.MaxAllocated <= 0 {
		cfg.MaxAllocated = DefaultMaxAllocated
	}
	if cfg.MaxWallTime <= 0 {
		cfg.MaxWallTime = DefaultMaxWallTime
	}
	return &Sim{cfg: cfg, assumeSeen: map[assumeKey]bool{}, names: map[string]int{}}
}

func (s *Sim) assume(p Pos, weight float64, format string, args ...any) {
	s.addAssumption(p, weight, false, format, args...)
}

// notModelled records that the simulator does not implement what (a call,
// attribute or builtin, in the code's spelling) and assumed it takes no
// time; the result's confidence is capped at low.
func (s *Sim) notModelled(p Pos, what string) {
	s.addAssumption(p, 0.9, true, "`%s` not modelled: assumed instantaneous", what)
}

func (s *Sim) addAssumption(p Pos, weight float64, unmodelled bool, format string, args ...any) {
	s.record(p, weight, unmodelled, "", format, args...)
}

// assumeOn records an assumption about control flow or a duration that
// rests on the unknown value v, described as desc: format's last verb
// gets where v came from (" (it depends on ...)"). When v was read from
// outside the program, the assumption is unknowable (see Outside).
func (s *Sim) assumeOn(p Pos, weight float64, v Value, desc string, format string, args ...any) {
	dep, because := dependsOn(v, desc), ""
	if o := outsideOf(v); o != nil {
		dep = " (it depends on " + o.String() + ")"
		because = fmt.Sprintf("the timing depends on %s, through %s at line %d", o, desc, p.Line)
	}
	s.record(p, weight, false, because, format, append(args, dep)...)
}

// record adds an assumption; because is set for an unknowable one.
func (s *Sim) record(p Pos, weight float64, unmodelled bool, because string, format string, args ...any) {
	if s.importDepth > 0 && because == "" && !s.importKeep {
		// Import-time steps of project modules: summed up in one
		// assumption at the import (imports.go).
		s.importNoted.count++
		if s.importNoted.first == "" {
			s.importNoted.first = fmt.Sprintf("%s:%d: %s", p.File, p.Line, fmt.Sprintf(format, args...))
		}
		return
	}
	// The same assumption recurs on every pass through a loop: recognise it
	// by its format and plain arguments before paying for formatting.
	key := assumeKey{line: p.Line, file: p.File, format: format}
	plain := len(args) <= len(key.args)
	for i, a := range args {
		switch a.(type) {
		case string, int, int64, float64, bool:
			if plain {
				key.args[i] = a
			}
		default:
			plain = false
		}
	}
	var text string
	if !plain {
		text = fmt.Sprintf(format, args...)
		key = assumeKey{line: p.Line, file: p.File, format: text}
	}
	if s.assumeSeen[key] {
		return
	}
	s.assumeSeen[key] = true
	if plain {
		text = fmt.Sprintf(format, args...)
	}
	s.assumptions = append(s.assumptions, Assumption{Line: p.Line, File: p.File, Text: text, Weight: weight, Unmodelled: unmodelled, Unknowable: because != "", because: because})
}

// assumeKey identifies an assumption: its line and either its format with
// up to three plain (comparable) arguments, or its formatted text.
type assumeKey struct {
	line   int
	file   string
	format string
	args   [3]any
}

func (s *Sim) callSoon(fn func()) *handle {
	s.seq++
	h := &handle{fn: fn, when: s.now, seq: s.seq}
	s.ready = append(s.ready, h)
	return h
}

// wakeTime is when the idle loop wakes for its earliest timer h, as
// BaseEventLoop._run_once does it: it selects with timeout h.when - now,
// which EpollSelector rounds up to whole milliseconds (so a 0.1 ms sleep
// waits 1 ms, a 12.3 ms one 13 ms), and the kernel adds its timer slack
// and the thread's wake-up. A self-pipe event (an executor result) that
// arrives earlier wakes the loop at once, without that rounding.
func (s *Sim) wakeTime(h *handle) float64 {
	if h.exact || s.cfg.IdealTimers {
		return h.when
	}
	timeout := h.when - s.now
	// The loop reads its clock a little after the timer was set, so a
	// whole-millisecond wait does not round up to the next millisecond.
	ms := math.Ceil(timeout*1e3-1e-6) * 1e-3
	if ms < timeout {
		ms = timeout
	}
	wake := s.now + ms + s.cfg.WakeLatency + s.cfg.WakeSlack*ms
	if s.exactPending > 0 {
		for _, t := range s.timers {
			if t.exact && !t.cancelled && t.when < wake {
				wake = max(t.when, s.now)
			}
		}
	}
	return max(wake, h.when)
}

// markExact makes h a self-pipe wake-up (see handle.exact).
func (s *Sim) markExact(h *handle) *handle {
	h.exact = true
	s.exactPending++
	return h
}

func (s *Sim) callAt(when float64, fn func()) *handle {
	if math.IsNaN(when) {
		when = s.nanDeadline()
	}
	s.seq++
	h := &handle{fn: fn, when: when, seq: s.seq}
	heap.Push(&s.timers, h)
	return h
}

// runOnce is one iteration of BaseEventLoop._run_once.
func (s *Sim) runOnce() (progress bool) {
	for len(s.timers) > 0 && s.timers[0].cancelled {
		if heap.Pop(&s.timers).(*handle).exact {
			s.exactPending--
		}
	}
	if len(s.ready) == 0 && !s.stopping {
		if len(s.timers) == 0 {
			return false
		}
		if h := s.timers[0]; h.when > s.cfg.MaxSimTime {
			// An infinite (or longer than simulated) wait: never reached.
			s.now = math.Nextafter(max(s.now, s.cfg.MaxSimTime), math.Inf(1))
			return true
		} else if h.when > s.now {
			s.now = s.wakeTime(h)
		}
	}
	for len(s.timers) > 0 && s.timers[0].when <= s.now {
		h := heap.Pop(&s.timers).(*handle)
		if h.exact {
			s.exactPending--
		}
		s.ready = append(s.ready, h)
	}
	n := len(s.ready)
	s.now += s.cfg.IterationCost
	s.iteration++
	batch := s.ready[:n:n]
	s.ready = append([]*handle(nil), s.ready[n:]...)
	for i, h := range batch {
		if !h.cancelled {
			s.batchRest = batch[i+1:]
			h.fn()
			s.now += s.cfg.CallbackCost
		}
	}
	s.batchRest = nil
	return true
}

// runUntilComplete runs the loop until f is done; it reports false when the
// loop has nothing left to do (a deadlock) or exceeded the time budget.
func (s *Sim) runUntilComplete(f *Future) (ok bool, problem string) {
	f.addDoneCallback(func(*Future) { s.stopping = true })
	defer func() { s.stopping = false }()
	for {
		s.loopStep()
		if !s.runOnce() {
			return false, "the program never finishes: every task waits on something nothing will ever complete"
		}
		if s.stopping {
			return true, ""
		}
		if s.now > s.cfg.MaxSimTime {
			return false, fmt.Sprintf("the program is still running after %.0f s of simulated time (an endless loop, or an infinite or very long wait?)", s.cfg.MaxSimTime)
		}
	}
}

// block advances the clock while the current callback holds the loop.
func (s *Sim) block(c *ctx, d float64, p Pos, label string) {
	c.flushCPU()
	if d <= 0 {
		return
	}
	if !(d <= s.cfg.MaxSimTime) { // NaN too
		c.unknownRun(fmt.Sprintf("%s blocks for %v s at line %d, which cannot be simulated", label, d, p.Line))
	}
	if c.thread != nil {
		c.thread.elapsed += d
		return
	}
	start := s.now
	s.now += d
	s.blocked += d
	s.work += d
	if c.t != nil {
		c.t.addSpan(Span{Kind: SpanBlocking, Start: start, End: s.now, Line: p.Line, File: p.File, Label: label})
	}
	if s.cfg.SkipBlocks {
		return
	}
	ev := BlockEvent{Line: p.Line, File: p.File, Offset: p.Offset, Label: label, Start: start, Duration: d}
	// Callbacks that were already ready, or timers that came due during the
	// call, had to wait for it.
	for _, h := range append(append([]*handle(nil), s.batchRest...), s.ready...) {
		if !h.cancelled {
			ev.Delayed++
			ev.MaxDelay = max(ev.MaxDelay, s.now-max(h.when, start))
		}
	}
	for _, h := range s.timers {
		if !h.cancelled && h.when < s.now {
			ev.Delayed++
			ev.MaxDelay = max(ev.MaxDelay, s.now-max(h.when, start))
		}
	}
	s.blocks = append(s.blocks, ev)
}

// Future mirrors asyncio.Future: callbacks run via call_soon on completion.
type Future struct {
	s         *Sim
	state     int // 0 pending, 1 done, 2 cancelled
	result    Value
	exc       *Exc
	callbacks []*futCallback
	task      *Task
	gather    *gatherState
	doneAt    float64
	onCancel  func() // extra work when cancelled (timer cancel)
	label     string
	retrieved bool
}

type futCallback struct {
	fn      func(*Future)
	removed bool
}

const (
	futPending = iota
	futDone
	futCancelled
)

func (s *Sim) newFuture() *Future { return &Future{s: s} }

func (f *Future) done() bool      { return f.state != futPending }
func (f *Future) cancelled() bool { return f.state == futCancelled }

func (f *Future) addDoneCallback(fn func(*Future)) *futCallback {
	cb := &futCallback{fn: fn}
	if f.done() {
		f.s.callSoon(func() { fn(f) })
		return cb
	}
	f.callbacks = append(f.callbacks, cb)
	return cb
}

func (f *Future) removeDoneCallback(cb *futCallback) {
	cb.removed = true
}

func (f *Future) scheduleCallbacks() {
	cbs := f.callbacks
	f.callbacks = nil
	f.doneAt = f.s.now
	for _, cb := range cbs {
		if cb.removed {
			continue
		}
		fn := cb.fn
		f.s.callSoon(func() { fn(f) })
	}
}

func (f *Future) setResult(v Value) {
	if f.done() {
		return
	}
	f.state, f.result = futDone, v
	f.scheduleCallbacks()
}

func (f *Future) setException(e *Exc) {
	if f.done() {
		return
	}
	f.state, f.exc = futDone, e
	f.scheduleCallbacks()
}

// cancelPlain is Future.cancel for plain futures.
func (f *Future) cancelPlain() bool {
	if f.done() {
		return false
	}
	f.state = futCancelled
	if f.onCancel != nil {
		f.onCancel()
	}
	f.scheduleCallbacks()
	return true
}

// cancel dispatches to the right cancel (Task, gather, plain).
func (f *Future) cancel() bool {
	switch {
	case f.task != nil:
		return f.task.cancel()
	case f.gather != nil:
		return f.gather.cancel(f)
	}
	return f.cancelPlain()
}

// outcome is Future.result(): the value or the exception to raise.
func (f *Future) outcome() (Value, error) {
	f.retrieved = true
	switch f.state {
	case futCancelled:
		return nil, cancelledError()
	case futDone:
		if f.exc != nil {
			return nil, f.exc
		}
		return f.result, nil
	}
	return nil, newExc("InvalidStateError", "Result is not set.")
}

// excOf is Future.exception(), treating cancellation as CancelledError.
func (f *Future) excOf() *Exc {
	if f.state == futCancelled {
		return cancelledError()
	}
	return f.exc
}

// Coroutine is a coroutine object: run executes its body inside a task.
type Coroutine struct {
	Name string
	P    Pos
	run  func(c *ctx) (Value, error)
	used bool
	// args are the parameters a user coroutine was called with (nil for
	// built-in ones): tasks running the same function on equal arguments
	// are interchangeable (see interchangeable).
	args []Value
}

// Task mirrors asyncio.Task: it drives a Coroutine, one step per callback.
type Task struct {
	F    *Future
	Name string
	s    *Sim
	coro *Coroutine
	vars map[*ContextVar]Value // its context (contextvars)

	next      func() (struct{}, bool)
	stop      func()
	yield     func(struct{}) bool
	resumeExc *Exc
	waiter    *Future

	mustCancel  bool
	numCancels  int
	finishedRun bool

	rep       *TaskReport
	parkKind  SpanKind
	parkStart float64
	parkDue   float64 // when the awaited thing is due (sleep end), or -1
	parkLabel string
	parkLine  int
	parkFile  string
	// wokeDue is the deadline of the timer (sleep or modelled I/O) that
	// started the current step, -1 when something else did; wokeLine is
	// the line the task waited at (see noteNonBlockingTake).
	wokeDue  float64
	wokeLine int
	// parkedIn and wokeSetIn are the loop iterations in which the task
	// last parked and in which the timer that woke it was set.
	parkedIn, wokeSetIn int
}

func (s *Sim) taskName(base string) string {
	s.names[base]++
	if n := s.names[base]; n > 1 {
		return fmt.Sprintf("%s#%d", base, n)
	}
	return base
}

// createTask is loop.create_task: the first step is scheduled with call_soon.
func (s *Sim) createTask(coro *Coroutine, name string) *Task {
	if name == "" {
		name = coro.Name
	}
	s.checkTasks(len(s.tasks)+s.liveGens, coro.Name)
	t := &Task{s: s, coro: coro, Name: s.taskName(name)}
	s.inheritContext(t)
	s.now += s.cfg.TaskCost
	t.F = s.newFuture()
	t.F.task = t
	t.rep = &TaskReport{Name: t.Name, Line: coro.P.Line, File: coro.P.File, Outcome: "unfinished"}
	coro.used = true
	s.tasks = append(s.tasks, t)
	s.callSoon(func() { t.step(nil) })
	return t
}

func (t *Task) addSpan(sp Span) {
	if sp.End > sp.Start && !t.s.cfg.SkipSpans {
		t.rep.Spans = append(t.rep.Spans, sp)
	}
}

// step is Task.__step.
func (t *Task) step(exc *Exc) {
	if t.F.done() {
		return
	}
	s := t.s
	if t.mustCancel {
		exc = cancelledError()
		t.mustCancel = false
	}
	if !t.rep.startSeen {
		t.rep.startSeen = true
		t.rep.Start = s.now
	} else {
		t.endPark()
	}
	t.wokeDue, t.wokeLine, t.wokeSetIn = -1, t.parkLine, t.parkedIn
	if (t.parkKind == SpanSleep || t.parkKind == SpanIO) && t.parkDue >= 0 {
		t.wokeDue = t.parkDue
	}
	t.resumeExc = exc
	prev := s.current
	s.current = t
	if t.next == nil {
		t.next, t.stop = iter.Pull(t.body)
	}
	t.next()
	s.current = prev
}

// endPark records the span a task spent suspended.
func (t *Task) endPark() {
	now := t.s.now
	due := t.parkDue
	if due < 0 || due > now {
		due = now
	}
	if due < t.parkStart {
		due = t.parkStart
	}
	t.addSpan(Span{Kind: t.parkKind, Start: t.parkStart, End: due, Line: t.parkLine, File: t.parkFile, Label: t.parkLabel})
	// A wake-up a hair late is timer latency, not a busy loop.
	if now-due >= 0.001 {
		t.addSpan(Span{Kind: SpanReady, Start: due, End: now, Line: t.parkLine, File: t.parkFile})
	}
	if t.parkKind == SpanSleep || t.parkKind == SpanIO {
		t.s.work += due - t.parkStart
	}
}

func (t *Task) body(yield func(struct{}) bool) {
	t.yield = yield
	defer func() {
		if r := recover(); r != nil && r != errKilled {
			panic(r)
		}
	}()
	c := &ctx{s: t.s, t: t}
	var v Value
	var err error
	if t.resumeExc != nil {
		err = t.resumeExc
	} else {
		v, err = t.coro.run(c)
	}
	c.flushCPU()
	t.finishedRun = true
	t.rep.End = t.s.now
	switch {
	case err == nil:
		t.rep.Outcome = "result"
		t.F.setResult(v)
	case isCancelled(err):
		t.rep.Outcome = "cancelled"
		t.F.cancelPlain()
	default:
		e, ok := err.(*Exc)
		if !ok {
			e = newExc("RuntimeError", "%v", err)
		}
		t.rep.Outcome = "exception " + e.Type
		t.F.setException(e)
	}
}

// park suspends the running task until its next step.
func (t *Task) park(kind SpanKind, label string, due float64, p Pos) {
	t.parkKind, t.parkLabel, t.parkDue, t.parkLine, t.parkFile = kind, label, due, p.Line, p.File
	t.parkStart = t.s.now
	t.parkedIn = t.s.iteration
	if !t.yield(struct{}{}) {
		panic(errKilled)
	}
}

// cancel is Task.cancel.
func (t *Task) cancel() bool {
	if t.F.done() {
		return false
	}
	t.numCancels++
	if t.waiter != nil && t.waiter.cancel() {
		return true
	}
	t.mustCancel = true
	return true
}

func (t *Task) uncancel() int {
	if t.numCancels > 0 {
		t.numCancels--
	}
	return t.numCancels
}

// awaitFuture suspends the current task until f is done (Future.__await__).
func (c *ctx) awaitFuture(f *Future, kind SpanKind, label string, due float64, p Pos) (Value, error) {
	if f.done() {
		return f.outcome()
	}
	c.flushCPU()
	if c.gen != nil {
		in := c.gen.suspend(genMsg{kind: genAwait, fut: f, span: kind, label: label, due: due, p: p})
		return in.v, in.err
	}
	t := c.t
	if t == nil {
		return nil, newExc("RuntimeError", "await outside a running task (line %d)", p.Line)
	}
	if f.task == t {
		return nil, newExc("RuntimeError", "Task cannot await on itself")
	}
	t.waiter = f
	f.addDoneCallback(func(f *Future) {
		// Task.__wakeup
		t.step(f.excOf())
	})
	t.park(kind, label, due, p)
	t.waiter = nil
	if t.resumeExc != nil {
		return nil, t.resumeExc
	}
	return f.outcome()
}

// yieldBare is a bare yield (asyncio.sleep(0)): the task steps again soon.
func (c *ctx) yieldBare(p Pos) error {
	c.flushCPU()
	if c.gen != nil {
		return c.gen.suspend(genMsg{kind: genBare, p: p}).err
	}
	t := c.t
	if t == nil {
		return newExc("RuntimeError", "await outside a running task (line %d)", p.Line)
	}
	c.s.callSoon(func() { t.step(nil) })
	t.park(SpanSleep, "sleep(0)", -1, p)
	if t.resumeExc != nil {
		return t.resumeExc
	}
	return nil
}

// sleep is asyncio.sleep(d) (also used for modelled I/O latency).
func (c *ctx) sleep(d float64, kind SpanKind, label string, p Pos) error {
	c.flushCPU()
	if d <= 0 {
		return c.yieldBare(p)
	}
	s := c.s
	f := s.newFuture()
	h := s.callAt(s.now+d, func() {
		if !f.done() {
			f.setResult(nil)
		}
	})
	f.onCancel = func() { h.cancelled = true }
	s.now += s.cfg.TimerCost
	_, err := c.awaitFuture(f, kind, label, h.when+s.cfg.TimerCost, p)
	return err
}

// Pool is a thread pool: jobs start when a worker is free and run in
// parallel with the loop.
type Pool struct {
	Size    int
	freeAt  []float64
	lastEnd float64
	// Process pools fork their workers at the first submission (the
	// default "fork" start method spawns them all at once) and pay for
	// pickling and IPC per job.
	Process, spawned bool
}

// Process-pool costs measured with CPython 3.11 on Linux (fork): starting a
// worker, the per-job round trip, and shutting the pool down.
const (
	processSpawnCost    = 0.002
	processJobCost      = 0.001
	processShutdownCost = 0.006
)

func (s *Sim) newPool(size int) *Pool {
	if size <= 0 {
		size = 1
	}
	p := &Pool{Size: size}
	s.pools = append(s.pools, p)
	return p
}

func (s *Sim) getDefaultPool() *Pool {
	if s.defaultPool == nil {
		s.defaultPool = s.newPool(s.cfg.workers())
	}
	return s.defaultPool
}

// nextStart is when a job submitted now would start.
func (p *Pool) nextStart(now float64) float64 {
	if len(p.freeAt) < p.Size {
		return now
	}
	return max(now, slices.Min(p.freeAt))
}

// submit runs a job of duration d; workers are taken FIFO as they free up.
func (p *Pool) submit(now, d float64) (start, end float64) {
	if len(p.freeAt) < p.Size {
		p.freeAt = append(p.freeAt, now)
	}
	best := 0
	for i, t := range p.freeAt {
		if t < p.freeAt[best] {
			best = i
		}
	}
	start = max(now, p.freeAt[best])
	end = start + d
	p.freeAt[best] = end
	p.lastEnd = max(p.lastEnd, end)
	return start, end
}

// submitJob submits a job and returns an asyncio future for its result.
func (s *Sim) submitJob(p *Pool, d float64, result Value, err error, label string) *Future {
	start, end := p.submit(s.now, d)
	s.recordJob(label, 0, start, end, err != nil)
	s.work += d
	f := s.newFuture()
	f.label = label
	h := s.callAt(end, func() {
		if f.done() {
			return
		}
		if err != nil {
			e, ok := err.(*Exc)
			if !ok {
				e = newExc("RuntimeError", "%v", err)
			}
			f.setException(e)
			return
		}
		f.setResult(result)
	})
	s.markExact(h)
	return f
}

// Result is the outcome of simulating one entry coroutine.
type Result struct {
	Entry string `json:"entry"`
	// ConcurrentS is the simulated wall time of asyncio.run(entry()).
	ConcurrentS float64 `json:"concurrent_s"`
	// SequentialS is the time if every latency (sleeps, I/O, blocking
	// calls, executor jobs) that the run incurred happened one after
	// another.
	SequentialS float64 `json:"sequential_s"`
	// BlockedS is the time the loop was held by blocking calls.
	BlockedS float64 `json:"blocked_s"`
	Finished bool    `json:"finished"`
	// Budget names the budget the simulation exceeded (BudgetSteps, ...),
	// which ended it: the timing is unknown, Problem says why.
	Budget     string  `json:"budget_exceeded,omitempty"`
	Problem    string  `json:"problem,omitempty"`
	Outcome    string  `json:"outcome"`
	Confidence float64 `json:"confidence"`
	Level      string  `json:"confidence_level"`
	// Unknowable says which value read from outside the program (the time
	// of day, unseeded randomness, the environment, input, files, the
	// network) the run's path or durations depend on; set, the level is
	// unknown and the times are those of one possible run.
	Unknowable  string        `json:"unknowable,omitempty"`
	Assumptions []Assumption  `json:"assumptions"`
	Tasks       []*TaskReport `json:"tasks"`
	// Jobs are the executor jobs submitted with run_in_executor or
	// Executor.submit (to_thread's show in their task): queued until a
	// worker is free, then running in a thread.
	Jobs     []*TaskReport  `json:"executor_jobs"`
	Blocks   []BlockEvent   `json:"blocking_calls"`
	Executor map[string]int `json:"executor,omitempty"`
	// Marks holds the executions of Mark statements by ID.
	Marks map[int][]MarkTime `json:"-"`
}

func (s *Sim) result(entry string) *Result {
	r := &Result{Entry: entry, ConcurrentS: round6(s.now), SequentialS: round6(s.work), BlockedS: round6(s.blocked)}
	r.Assumptions = append([]Assumption{}, s.assumptions...)
	if s.cpuTotal >= 0.005 {
		r.Assumptions = append(r.Assumptions, Assumption{Text: fmt.Sprintf("pure-Python CPU work estimated at %s (about %.0f ns per interpreted step; machine-dependent)", FormatSeconds(s.cpuTotal), s.cfg.CPUPerStep*1e9), Weight: 0.7})
	}
	if s.threadCPU >= 0.005 {
		r.Assumptions = append(r.Assumptions, Assumption{Text: fmt.Sprintf("pure-Python CPU work in threads estimated at %s; the GIL runs it one thread at a time (threads waited %s for it), and its contention with the event loop is not modelled (machine-dependent)", FormatSeconds(s.threadCPU), FormatSeconds(s.gilWait)), Weight: 0.6})
	}
	sort.SliceStable(r.Assumptions, func(i, j int) bool { return r.Assumptions[i].Line < r.Assumptions[j].Line })
	r.Confidence = 1
	for _, a := range r.Assumptions {
		if a.Weight > 0 {
			r.Confidence *= a.Weight
		}
	}
	for _, a := range r.Assumptions {
		if a.Unmodelled {
			r.Confidence = min(r.Confidence, unmodelledCap)
		}
		if a.Unknowable {
			r.Confidence = min(r.Confidence, unknowableCap)
			if r.Unknowable == "" {
				r.Unknowable = a.because
			}
		}
	}
	r.Confidence = math.Round(r.Confidence*100) / 100
	r.Level = LevelOf(r.Confidence)
	for _, t := range s.tasks {
		if !t.F.done() {
			t.rep.End = s.now
		}
		if t.rep.Spans == nil {
			t.rep.Spans = []Span{}
		}
		t.rep.Start, t.rep.End = round6(t.rep.Start), round6(t.rep.End)
		for i := range t.rep.Spans {
			sp := &t.rep.Spans[i]
			sp.Start, sp.End = round6(sp.Start), round6(sp.End)
		}
		r.Tasks = append(r.Tasks, t.rep)
	}
	r.Jobs = s.jobs
	if r.Jobs == nil {
		r.Jobs = []*TaskReport{}
	}
	r.Blocks = s.blocks
	r.Marks = s.marks
	if r.Blocks == nil {
		r.Blocks = []BlockEvent{}
	}
	if s.defaultPool != nil {
		r.Executor = map[string]int{"default_workers": s.defaultPool.Size}
	}
	return r
}

// killAll ends every suspended task goroutine.
func (s *Sim) killAll() {
	for _, t := range s.tasks {
		if t.stop != nil && !t.finishedRun {
			t.stop()
		}
	}
	for _, g := range s.gens {
		if g.stop != nil && !g.finished {
			g.stop()
		}
	}
}

// round6 rounds to microseconds: finer digits are float noise.
func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// overhead charges the interpreter's own work (asyncio's Python code):
// the loop, or the worker thread running this code, is busy for d.
func (c *ctx) overhead(d float64) {
	if c.s.cfg.IdealTimers || d <= 0 {
		return
	}
	if c.thread != nil {
		c.thread.elapsed += d
		return
	}
	c.s.now += d
}

// recordJob notes an executor job for the timeline: waiting for a worker
// from now until start, then running until end.
func (s *Sim) recordJob(label string, line int, start, end float64, failed bool) {
	rep := &TaskReport{Name: "thread: " + label, Start: round6(s.now), End: round6(end), Outcome: "result", Line: line}
	if failed {
		rep.Outcome = "exception"
	}
	if start > s.now {
		rep.Spans = append(rep.Spans, Span{Kind: SpanWait, Start: round6(s.now), End: round6(start), Label: "waiting for a free worker"})
	}
	rep.Spans = append(rep.Spans, Span{Kind: SpanExecutor, Start: round6(start), End: round6(end), Label: label})
	s.jobs = append(s.jobs, rep)
}

// unmodelled records that what is not implemented by the simulator and
// returns its (unknown) result.
func (c *ctx) unmodelled(p Pos, what string) *UnknownValue {
	c.s.notModelled(p, what)
	return &UnknownValue{Why: what}
}

// modelledExternally reports a synchronous call on a library object that
// the simulator accounts for without running it: an instantaneous helper
// (logging), a library whose awaited calls have latencies in the table
// (building an aiohttp session or a timeout object is instantaneous), or
// a latency the user configured.
func (s *Sim) modelledExternally(q string) bool {
	for _, m := range pylib.InstantPrefixes {
		if strings.HasPrefix(q, m) {
			return true
		}
	}
	if isAsyncQual(q) {
		return true
	}
	if _, ok := lookupQual(s.cfg.Latency, q); ok {
		return true
	}
	_, ok := lookupQual(DefaultLatency, q)
	return ok
}

// LevelOf names a confidence: high >= 0.8, medium >= 0.5, low >= 0.25,
// else unknown (too much of the timing rests on values nobody can know
// statically).
func LevelOf(confidence float64) string {
	switch {
	case confidence >= 0.8:
		return "high"
	case confidence >= 0.5:
		return "medium"
	case confidence >= 0.25:
		return "low"
	}
	return "unknown"
}

// busyTimes are the disjoint intervals, in order, when worker threads held
// the GIL. Threads are simulated one after another, each from its start,
// so a later-simulated thread fits its CPU work into the gaps.
type busyTimes []struct{ start, end float64 }

// place books d of GIL time at the earliest free moment from at and
// returns when it starts.
func (b *busyTimes) place(at, d float64) float64 {
	t := at
	i := 0
	for ; i < len(*b); i++ {
		iv := (*b)[i]
		if iv.end <= t {
			continue
		}
		if iv.start >= t+d {
			break
		}
		t = iv.end
	}
	switch {
	case i > 0 && (*b)[i-1].end >= t:
		(*b)[i-1].end = t + d // adjoins the previous interval
	default:
		*b = slices.Insert(*b, i, struct{ start, end float64 }{t, t + d})
	}
	return t
}
