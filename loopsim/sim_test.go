package loopsim

import (
	"math"
	"strings"
	"testing"
)

// Tiny IR builders for hand-built task graphs.
func nm(id string) Expr               { return &Name{ID: id} }
func num(f float64) Expr              { return &Const{Value: f} }
func strc(s string) Expr              { return &Const{Value: s} }
func at(x Expr, name string) Expr     { return &Attr{X: x, Name: name} }
func aw(x Expr) Expr                  { return &Await{X: x} }
func ex(e Expr) Stmt                  { return &ExprStmt{X: e} }
func set(name string, v Expr) Stmt    { return &Assign{Targets: []Expr{nm(name)}, Value: v} }
func ret(v Expr) Stmt                 { return &Return{Value: v} }
func kw(name string, v Expr) Arg      { return Arg{Name: name, Value: v} }
func star(v Expr) Arg                 { return Arg{Star: true, Value: v} }
func aio(name string) Expr            { return at(nm("asyncio"), name) }
func sleepS(d float64) Stmt           { return ex(aw(call(aio("sleep"), num(d)))) }
func blockS(d float64) Stmt           { return ex(call(at(nm("time"), "sleep"), num(d))) }
func tuple(elts ...Expr) Expr         { return &ListExpr{Kind: "tuple", Elts: elts} }
func list(elts ...Expr) Expr          { return &ListExpr{Kind: "list", Elts: elts} }
func rng(n float64) Expr              { return call(nm("range"), &Const{Value: int64(n)}) }
func callA(fn Expr, args ...Arg) Expr { return &Call{Fn: fn, Args: args} }

func call(fn Expr, args ...Expr) Expr {
	c := &Call{Fn: fn}
	for _, a := range args {
		c.Args = append(c.Args, Arg{Value: a})
	}
	return c
}

func adef(name string, params []string, body ...Stmt) Stmt {
	f := &Func{Name: name, Async: true, Body: body}
	for _, p := range params {
		f.Params = append(f.Params, Param{Name: p})
	}
	return &FuncDef{Func: f}
}

func program(body ...Stmt) *Program {
	return &Program{Path: "test.py", Body: append([]Stmt{&Import{Module: "asyncio"}, &Import{Module: "time"}}, body...)}
}

func simulate(t *testing.T, p *Program, cfg Config) *Result {
	t.Helper()
	cfg.IdealTimers = true
	r, err := Run(p, call(nm("main")), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("%s = %.6f, want %.6f", what, got, want)
	}
}

func TestGatherTwoSleeps(t *testing.T) {
	p := program(
		adef("task", []string{"d"}, ex(aw(call(aio("sleep"), nm("d"))))),
		adef("main", nil, ex(aw(call(aio("gather"), call(nm("task"), num(2)), call(nm("task"), num(1)))))),
	)
	r := simulate(t, p, Config{})
	near(t, "concurrent", r.ConcurrentS, 2)
	near(t, "sequential", r.SequentialS, 3)
	near(t, "blocked", r.BlockedS, 0)
	if len(r.Tasks) != 3 || r.Confidence != 1 || r.Outcome != "ok" {
		t.Errorf("tasks=%d confidence=%v outcome=%s", len(r.Tasks), r.Confidence, r.Outcome)
	}
}

func TestSequentialSteps(t *testing.T) {
	p := program(
		adef("step_one", nil, sleepS(1)),
		adef("step_two", nil, sleepS(1)),
		adef("main", nil, ex(aw(call(nm("step_one")))), ex(aw(call(nm("step_two"))))),
	)
	r := simulate(t, p, Config{})
	near(t, "concurrent", r.ConcurrentS, 2)
	near(t, "sequential", r.SequentialS, 2)
	if len(r.Tasks) != 1 {
		t.Errorf("awaiting coroutines inline must not create tasks; got %d tasks", len(r.Tasks))
	}
}

func TestBlockingHoldsLoop(t *testing.T) {
	p := program(
		adef("work", []string{"d"}, ex(call(at(nm("time"), "sleep"), nm("d")))),
		adef("main", nil, ex(aw(call(aio("gather"), call(nm("work"), num(2)), call(nm("work"), num(2)))))),
	)
	r := simulate(t, p, Config{})
	near(t, "concurrent", r.ConcurrentS, 4)
	near(t, "blocked", r.BlockedS, 4)
	if len(r.Blocks) != 2 || r.Blocks[0].Delayed != 1 {
		t.Errorf("blocks = %+v", r.Blocks)
	}
}

// gather(blocking, sleeper) and gather(sleeper, blocking) differ: the
// sleeper's timer only runs concurrently if it was set before the block.
func TestStartOrderWithBlocking(t *testing.T) {
	mk := func(first, second string) *Program {
		return program(
			adef("blocker", nil, blockS(1)),
			adef("sleeper", nil, sleepS(1)),
			adef("main", nil, ex(aw(call(aio("gather"), call(nm(first)), call(nm(second)))))),
		)
	}
	near(t, "sleeper first", simulate(t, mk("sleeper", "blocker"), Config{}).ConcurrentS, 1)
	near(t, "blocker first", simulate(t, mk("blocker", "sleeper"), Config{}).ConcurrentS, 2)
}

func TestWaitForTimeout(t *testing.T) {
	p := program(
		adef("slow", nil, sleepS(10)),
		adef("main", nil, &Try{
			Body:     []Stmt{ex(aw(callA(aio("wait_for"), Arg{Value: call(nm("slow"))}, kw("timeout", num(2)))))},
			Handlers: []Handler{{Types: []Expr{nm("TimeoutError")}, Body: []Stmt{&Pass{}}}},
		}),
	)
	r := simulate(t, p, Config{})
	near(t, "concurrent", r.ConcurrentS, 2)
	if r.Outcome != "ok" {
		t.Errorf("outcome %s", r.Outcome)
	}
}

// wait_for waits for the cancelled task's cleanup before raising.
func TestWaitForSlowCleanup(t *testing.T) {
	p := program(
		adef("slow", nil, &Try{Body: []Stmt{sleepS(10)}, Finally: []Stmt{sleepS(0.5)}}),
		adef("main", nil, &Try{
			Body:     []Stmt{ex(aw(call(aio("wait_for"), call(nm("slow")), num(2))))},
			Handlers: []Handler{{Types: []Expr{aio("TimeoutError")}, Body: []Stmt{&Pass{}}}},
		}),
	)
	near(t, "concurrent", simulate(t, p, Config{}).ConcurrentS, 2.5)
}

func TestBackgroundTask(t *testing.T) {
	p := program(
		adef("bg", nil, sleepS(3)),
		adef("main", nil,
			set("t", call(aio("create_task"), call(nm("bg")))),
			sleepS(1),
			ex(aw(nm("t")))),
	)
	r := simulate(t, p, Config{})
	near(t, "concurrent", r.ConcurrentS, 3)
	near(t, "sequential", r.SequentialS, 4)
}

// asyncio.run cancels leftover tasks and waits for their cleanup.
func TestRunShutdownCleanup(t *testing.T) {
	p := program(
		adef("bg", nil, &Try{Body: []Stmt{sleepS(100)}, Finally: []Stmt{sleepS(0.5)}}),
		adef("main", nil,
			set("t", call(aio("create_task"), call(nm("bg")))),
			sleepS(1)),
	)
	r := simulate(t, p, Config{})
	near(t, "concurrent", r.ConcurrentS, 1.5)
	if r.Tasks[1].Outcome != "cancelled" {
		t.Errorf("bg outcome %s", r.Tasks[1].Outcome)
	}
}

func TestSemaphoreLimitsConcurrency(t *testing.T) {
	p := program(
		set("sem", nil),
		adef("job", []string{"s"}, &With{Async: true, Items: []WithItem{{Ctx: nm("s")}}, Body: []Stmt{sleepS(1)}}),
		adef("main", nil,
			set("s", call(aio("Semaphore"), num(2))),
			ex(aw(callA(aio("gather"), star(&Comprehension{Kind: "gen", Elt: call(nm("job"), nm("s")),
				Gens: []CompFor{{Target: nm("i"), Iter: rng(5)}}}))))),
	)
	p.Body[2] = &Pass{}
	near(t, "concurrent", simulate(t, p, Config{}).ConcurrentS, 3)
}

func TestExecutorPoolSize(t *testing.T) {
	body := func(workers *float64) []Stmt {
		var pool Expr = &Const{Value: nil}
		var pre []Stmt
		if workers != nil {
			pre = append(pre, set("pool", callA(at(at(nm("concurrent"), "futures"), "ThreadPoolExecutor"), kw("max_workers", &Const{Value: int64(*workers)}))))
			pool = nm("pool")
		}
		return append(pre,
			set("loop", call(aio("get_running_loop"))),
			ex(aw(callA(aio("gather"), star(&Comprehension{Kind: "list",
				Elt:  call(at(nm("loop"), "run_in_executor"), pool, at(nm("time"), "sleep"), num(1)),
				Gens: []CompFor{{Target: nm("i"), Iter: rng(4)}}})))))
	}
	two := 2.0
	p := program(&Import{Module: "concurrent.futures"}, adef("main", nil, body(&two)...))
	r := simulate(t, p, Config{})
	near(t, "explicit pool of 2", r.ConcurrentS, 2)
	near(t, "sequential", r.SequentialS, 4)
	p = program(adef("main", nil, body(nil)...))
	near(t, "default pool, 1 cpu (5 workers)", simulate(t, p, Config{CPUCount: 1}).ConcurrentS, 1)
	near(t, "default pool of 3", simulate(t, p, Config{DefaultWorkers: 3}).ConcurrentS, 2)
}

// Leftover executor jobs are joined by asyncio.run.
func TestExecutorJoinAtShutdown(t *testing.T) {
	p := program(adef("main", nil,
		ex(call(at(call(aio("get_running_loop")), "run_in_executor"), &Const{}, at(nm("time"), "sleep"), num(2))),
		sleepS(0.5)))
	near(t, "concurrent", simulate(t, p, Config{}).ConcurrentS, 2)
}

func TestQueueProducerConsumer(t *testing.T) {
	// producer puts 4 items (maxsize 1), consumer takes 0.5 s per item.
	p := program(
		adef("producer", []string{"q"},
			&For{Target: nm("i"), Iter: rng(4), Body: []Stmt{ex(aw(call(at(nm("q"), "put"), nm("i"))))}},
			ex(aw(call(at(nm("q"), "put"), &Const{Value: nil})))),
		adef("consumer", []string{"q"},
			&While{Cond: &Const{Value: true}, Body: []Stmt{
				set("item", aw(call(at(nm("q"), "get")))),
				&If{Cond: &Compare{L: nm("item"), Ops: []string{"is"}, Rs: []Expr{&Const{Value: nil}}}, Body: []Stmt{&Break{}}},
				sleepS(0.5),
			}}),
		adef("main", nil,
			set("q", callA(aio("Queue"), kw("maxsize", &Const{Value: int64(1)}))),
			ex(aw(call(aio("gather"), call(nm("producer"), nm("q")), call(nm("consumer"), nm("q")))))),
	)
	near(t, "concurrent", simulate(t, p, Config{}).ConcurrentS, 2)
}

func TestEventAndTaskGroup(t *testing.T) {
	p := program(
		adef("setter", []string{"e"}, sleepS(0.3), ex(call(at(nm("e"), "set")))),
		adef("waiter", []string{"e"}, ex(aw(call(at(nm("e"), "wait")))), sleepS(0.2)),
		adef("main", nil,
			set("e", call(aio("Event"))),
			&With{Async: true, Items: []WithItem{{Ctx: call(aio("TaskGroup")), Target: nm("tg")}}, Body: []Stmt{
				ex(call(at(nm("tg"), "create_task"), call(nm("waiter"), nm("e")))),
				ex(call(at(nm("tg"), "create_task"), call(nm("waiter"), nm("e")))),
				ex(call(at(nm("tg"), "create_task"), call(nm("setter"), nm("e")))),
			}}),
	)
	near(t, "concurrent", simulate(t, p, Config{}).ConcurrentS, 0.5)
}

// A failing TaskGroup child cancels its siblings.
func TestTaskGroupFailureCancelsSiblings(t *testing.T) {
	p := program(
		adef("fail", nil, sleepS(0.2), &Raise{Exc: call(nm("ValueError"), strc("boom"))}),
		adef("long", nil, sleepS(5)),
		adef("main", nil, &Try{
			Body: []Stmt{&With{Async: true, Items: []WithItem{{Ctx: call(aio("TaskGroup")), Target: nm("tg")}}, Body: []Stmt{
				ex(call(at(nm("tg"), "create_task"), call(nm("long")))),
				ex(call(at(nm("tg"), "create_task"), call(nm("fail")))),
			}}},
			Star:     true,
			Handlers: []Handler{{Types: []Expr{nm("ValueError")}, Body: []Stmt{&Pass{}}}},
		}),
	)
	r := simulate(t, p, Config{})
	near(t, "concurrent", r.ConcurrentS, 0.2)
	if r.Outcome != "ok" {
		t.Errorf("outcome %s", r.Outcome)
	}
}

func TestAsyncioTimeoutAndShield(t *testing.T) {
	p := program(
		adef("slow", nil, sleepS(1)),
		adef("main", nil,
			set("inner", call(aio("create_task"), call(nm("slow")))),
			&Try{
				Body: []Stmt{&With{Async: true, Items: []WithItem{{Ctx: call(aio("timeout"), num(0.3))}}, Body: []Stmt{
					ex(aw(call(aio("shield"), nm("inner")))),
				}}},
				Handlers: []Handler{{Types: []Expr{nm("TimeoutError")}, Body: []Stmt{&Pass{}}}},
			},
			ex(aw(nm("inner")))),
	)
	r := simulate(t, p, Config{})
	near(t, "concurrent", r.ConcurrentS, 1)
}

func TestWaitFirstCompletedAndCancel(t *testing.T) {
	p := program(
		adef("d", []string{"x"}, ex(aw(call(aio("sleep"), nm("x"))))),
		adef("main", nil,
			set("ts", list(call(aio("create_task"), call(nm("d"), num(0.2))), call(aio("create_task"), call(nm("d"), num(0.9))))),
			&Assign{Targets: []Expr{tuple(nm("done"), nm("pending"))}, Value: aw(callA(aio("wait"), Arg{Value: nm("ts")}, kw("return_when", aio("FIRST_COMPLETED"))))},
			&For{Target: nm("t"), Iter: nm("pending"), Body: []Stmt{ex(call(at(nm("t"), "cancel")))}}),
	)
	near(t, "concurrent", simulate(t, p, Config{}).ConcurrentS, 0.2)
}

func TestDeadlockIsReported(t *testing.T) {
	p := program(adef("main", nil, ex(aw(call(at(call(aio("Event")), "wait"))))))
	r := simulate(t, p, Config{})
	if r.Finished || !strings.Contains(r.Problem, "never finishes") {
		t.Errorf("finished=%v problem=%q", r.Finished, r.Problem)
	}
}

func TestEndlessLoopWithoutAwait(t *testing.T) {
	p := program(adef("main", nil, &While{Cond: &Const{Value: true}, Body: []Stmt{&Pass{}}}))
	r := simulate(t, p, Config{MaxSteps: 10000})
	want := "budget exceeded (step budget of 10000 interpreted steps, in main, likely a loop whose exit depends on True)"
	if r.Finished || r.Budget != BudgetSteps || r.Problem != want || r.Level != "unknown" {
		t.Errorf("finished=%v budget=%q problem=%q level=%s; want problem %q", r.Finished, r.Budget, r.Problem, r.Level, want)
	}
}

func TestUnknownLoopBoundIsAnAssumption(t *testing.T) {
	p := program(
		&Import{Module: "aiohttp"},
		adef("main", []string{},
			&For{Target: nm("u"), Iter: call(at(nm("aiohttp"), "urls")), Body: []Stmt{
				ex(aw(call(at(call(at(nm("aiohttp"), "ClientSession")), "get"), nm("u")))),
			}}),
	)
	r := simulate(t, p, Config{UnknownLoopCount: 3})
	near(t, "concurrent", r.ConcurrentS, 0.3)
	if r.Confidence >= 0.8 || len(r.Assumptions) < 2 {
		t.Errorf("confidence %v assumptions %+v", r.Confidence, r.Assumptions)
	}
	r = simulate(t, p, Config{UnknownLoopCount: 3, Latency: map[string]float64{"aiohttp.ClientSession.get": 0.2}})
	near(t, "with user latency", r.ConcurrentS, 0.6)
}

func TestAsCompleted(t *testing.T) {
	p := program(
		adef("d", []string{"x"}, ex(aw(call(aio("sleep"), nm("x")))), ret(nm("x"))),
		adef("main", nil,
			set("total", num(0)),
			&For{Target: nm("f"), Iter: call(aio("as_completed"), list(call(nm("d"), num(0.3)), call(nm("d"), num(0.1)))), Body: []Stmt{
				&AugAssign{Target: nm("total"), Op: "+", Value: aw(nm("f"))},
				ex(call(at(nm("time"), "sleep"), num(0.1))),
			}},
			ret(nm("total"))),
	)
	r := simulate(t, p, Config{})
	// 0.1 wakes first, blocks until 0.2; 0.3 wakes, blocks until 0.4.
	near(t, "concurrent", r.ConcurrentS, 0.4)
}

func TestLockSerialises(t *testing.T) {
	p := program(
		adef("job", []string{"l"}, &With{Async: true, Items: []WithItem{{Ctx: nm("l")}}, Body: []Stmt{sleepS(0.25)}}),
		adef("main", nil,
			set("l", call(aio("Lock"))),
			ex(aw(call(aio("gather"), call(nm("job"), nm("l")), call(nm("job"), nm("l")), call(nm("job"), nm("l")))))),
	)
	near(t, "concurrent", simulate(t, p, Config{}).ConcurrentS, 0.75)
}

func TestGatherExceptionPropagates(t *testing.T) {
	p := program(
		adef("bad", nil, sleepS(0.1), &Raise{Exc: call(nm("RuntimeError"))}),
		adef("slow", nil, sleepS(1)),
		adef("main", nil, &Try{
			Body:     []Stmt{ex(aw(call(aio("gather"), call(nm("bad")), call(nm("slow")))))},
			Handlers: []Handler{{Types: []Expr{nm("RuntimeError")}, Body: []Stmt{&Pass{}}}},
		}),
	)
	r := simulate(t, p, Config{})
	// main returns at 0.1; asyncio.run cancels "slow" (no cleanup).
	near(t, "concurrent", r.ConcurrentS, 0.1)
}
