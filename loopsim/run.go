package loopsim

import (
	"fmt"
	"runtime/debug"
)

// Run simulates asyncio.run(entry) for prog: it executes the module body
// (imports, constants, definitions) without advancing the clock, evaluates
// entry (normally a call such as main()), and runs the loop until the
// coroutine and asyncio.run's shutdown finish. entry may also be a plain
// function that calls asyncio.run() itself; every such run is simulated
// and the clock covers them all.
//
// Errors are returned only for unusable input (no such entry, the entry
// is not a coroutine and never runs a loop); problems of the simulated
// program (it never finishes, it raises) are reported in the Result.
func Run(prog *Program, entry Expr, cfg Config) (res *Result, err error) {
	s := newSim(cfg)
	entryName := describe(entry)
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		s.killAllQuietly()
		if b, ok := r.(*budgetError); ok {
			res, err = s.result(entryName), nil
			res.Budget = b.budget
			res.Problem = b.msg
			res.Outcome = "unknown"
			res.Level = "unknown"
			res.Confidence = 0
			return
		}
		if f, ok := r.(*fatal); ok {
			res = s.result(entryName)
			res.Problem = f.msg
			res.Outcome = "unfinished"
			res.Level = "unknown"
			return
		}
		res, err = nil, fmt.Errorf("loopsim: internal error: %v\n%s", r, debug.Stack())
	}()
	s.startBudget()
	globals := newFrame(nil, nil)
	s.globals = globals
	if prog.Module != "" {
		// For relative imports; the program itself is not registered under
		// its name (run as a script, it is __main__).
		globals.module = &UserModule{Name: prog.Module, Package: prog.Package, Path: prog.Path, Globals: globals}
	}
	// The module body runs before asyncio.run starts; a thread-mode context
	// keeps any blocking call there off the measured clock.
	mod := &ctx{s: s, thread: &threadRun{}, fn: "the module body"}
	mod.checkClock(Pos{}) // a caller that already gave up gets no work done
	s.inModuleBody = true
	_, _, err = mod.execBlock(globals, prog.Body)
	s.inModuleBody = false
	if err != nil {
		return nil, fmt.Errorf("simulating the module body of %s: %v", prog.Path, err)
	}
	s.cpuPending = 0 // import-time work happens before asyncio.run
	ev, err := mod.eval(globals, entry)
	if err != nil && s.mainTask == nil {
		return nil, fmt.Errorf("evaluating entry %s: %w", entryName, err)
	}
	if co, ok := ev.(*Coroutine); ok && err == nil {
		s.runMain(co)
	} else if s.mainTask == nil {
		return nil, fmt.Errorf("entry %s is not a coroutine (got %s)", entryName, typeName(ev))
	}
	s.killAll()
	if s.mainTask != nil && s.mainTask.F.exc != nil {
		if e := s.mainTask.F.exc; !e.User && interpreterErrors[e.Type] {
			// More often a gap in the simulator than in a program someone
			// wants timed: the time up to the error may be all of it.
			s.addAssumption(Pos{}, 0.6, true, "the simulated program stops with %s; if the real program does not, the estimate covers only the part before it", e.Error())
		}
	}
	res = s.result(entryName)
	res.Finished = s.runFinished
	res.Problem = s.runProblem
	main := s.mainTask
	if !res.Finished {
		res.Level = "unknown"
	}
	switch {
	case !res.Finished:
		res.Outcome = "unfinished"
	case main.F.cancelled():
		res.Outcome = "cancelled"
	case main.F.exc != nil:
		res.Outcome = "exception " + main.F.exc.Error()
	default:
		res.Outcome = "ok"
	}
	return res, nil
}

// runMain is asyncio.run(co): run the main task, cancel what is left and
// wait for its cleanup, then join the default executor's threads.
func (s *Sim) runMain(co *Coroutine) (Value, error) {
	s.loopRunning = true
	defer func() { s.loopRunning = false }()
	main := s.createTask(co, co.Name)
	s.mainTask = main
	finished, problem := s.runUntilComplete(main.F)
	if finished {
		var left []Value
		for _, t := range s.tasks {
			if !t.F.done() {
				t.cancel()
				left = append(left, t)
			}
		}
		if len(left) > 0 {
			g, _ := (&ctx{s: s}).gather(left, true, Pos{})
			finished, problem = s.runUntilComplete(g.(*Future))
		}
	}
	if finished && s.defaultPool != nil {
		// shutdown_default_executor joins the worker threads.
		joined := s.newFuture()
		s.markExact(s.callAt(max(s.now, s.defaultPool.lastEnd), func() { joined.setResult(nil) }))
		finished, problem = s.runUntilComplete(joined)
		s.defaultPool = nil // a later asyncio.run gets a new executor
	}
	s.runFinished, s.runProblem = finished, problem
	if !finished {
		panic(&fatal{problem})
	}
	return main.F.outcome()
}

func (s *Sim) killAllQuietly() {
	defer func() { recover() }()
	s.killAll()
}

// interpreterErrors are the exceptions Python raises for faulty operations
// (as opposed to asyncio's timeouts and cancellations).
var interpreterErrors = map[string]bool{
	"TypeError": true, "AttributeError": true, "NameError": true, "UnboundLocalError": true,
	"KeyError": true, "IndexError": true, "ValueError": true, "ZeroDivisionError": true,
	"RecursionError": true, "NotImplementedError": true, "RuntimeError": true,
}
