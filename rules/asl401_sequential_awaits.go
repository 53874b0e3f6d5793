package rules

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASL401 reports independent awaits that run one after another.
var ASL401 = register(&Rule{
	Code:    "ASL401",
	Name:    "sequential-awaits",
	Summary: "Independent awaits run one after another that would finish sooner concurrently",
	Rationale: "Each `await` waits for its operation to finish before the next one starts, so three 100 ms requests " +
		"awaited in turn take 300 ms; started together with `asyncio.gather` they take 100 ms. asyncls simulates the " +
		"event loop (loopsim) over both versions of the code and reports the awaits only when neither uses the other's " +
		"result and the estimated saving is worth it, with both estimates in the message.",
	Bad: `import asyncio

async def fetch(name):
    await asyncio.sleep(0.2)
    return name

async def main():
    a = await fetch("a")
    b = await fetch("b")
    return a, b`,
	Good: `import asyncio

async def fetch(name):
    await asyncio.sleep(0.2)
    return name

async def main():
    a, b = await asyncio.gather(fetch("a"), fetch("b"))
    return a, b`,
	Severity:     Info,
	Default:      true,
	Simulates:    true,
	QuietInTests: true,
	Settings:     &SequentialAwaitsSettings{MinSavingMs: 20},
	Fix:          "Rewrite the awaits as one `await asyncio.gather(...)` (a loop becomes a gather over a generator expression). Unsafe: the calls then run concurrently and an exception no longer stops the later ones from starting.",
	Notes: "Considered: runs of consecutive statements `await f(...)` or `x = await f(...)` in one block, and `for` loops " +
		"whose body is a single `await f(...)` or `results.append(await f(...))`. Quiet when a later call reads a name an " +
		"earlier await assigned, when the calls go to the same receiver (a connection or stream usually needs the order), " +
		"when a loop's call is handed the object the loop reads its items from (`for job in jobs.finished(): await " +
		"finish_job(session, url, job, jobs)`, or the iterated collection itself: each call can change what the loop " +
		"iterates, as lava-worker's finish_job deletes the job it finished; `self` is no such object), " +
		"inside `async with` a lock, semaphore or condition, " +
		"for asyncio's own calls (sleeps, locks, queues, events), and when the estimated saving is below " +
		"`asl401-min-saving-ms`. Functions are simulated on their own: arguments take their defaults or " +
		"their annotated types; unknown loop counts are assumed to be 3 and the message says so. " +
		"Test modules are not checked by default (README \"Test modules\"; `blocking-in-tests = true` checks them): " +
		"a test runs its steps in order on purpose, often a teardown that checks what the earlier awaits left " +
		"(close the client, then wait for each worker to drain), which no data dependency shows, and the time " +
		"it takes is the test's own. On the third held-out corpus all 36 findings in tests were such steps, " +
		"30 of them not independent at all.",
	Run: runSequentialAwaits,
})

// assumedItems is how many times ASL401's simulations run a loop or
// collection of unknown length; the message says so.
const assumedItems = 3

// regionEstimates is how ASL401 asks the simulator: within the rule's time
// for the file (ctx), reporting savings of at least threshold seconds.
type regionEstimates struct {
	sim       Simulator
	ctx       context.Context
	threshold float64
	// exhausted holds the functions whose simulation ran out of a budget:
	// their other regions would too (a region only places marks in the
	// same run), so they are not simulated again (aiorpcx's
	// `while True: await recv_message()` loops, 0.4 s a file).
	exhausted map[*analysis.Function]bool
}

// simulationsPerFile bounds the real time one rule spends simulating one
// file, so that a file with many functions that exhaust their budgets
// cannot hold up its findings for long.
const simulationsPerFile = 10 * time.Second

// SequentialAwaitsSettings are ASL401's settings.
type SequentialAwaitsSettings struct {
	MinSavingMs float64 `toml:"asl401-min-saving-ms" doc:"The least estimated saving, in milliseconds, for which sequential awaits are reported."`
}

// Validate refuses a saving that is not a number of milliseconds.
func (s *SequentialAwaitsSettings) Validate() error {
	if math.IsNaN(s.MinSavingMs) || s.MinSavingMs < 0 {
		return fmt.Errorf("asl401-min-saving-ms: %v is not a number of milliseconds (0 or more)", s.MinSavingMs)
	}
	return nil
}

func minSaving(p *Pass) float64 {
	return settingsOf[*SequentialAwaitsSettings](p).MinSavingMs / 1000
}

// awaitStmt is a statement `await CALL` or `TARGET = await CALL`.
type awaitStmt struct {
	stmt   *analysis.Node // expression_statement
	await  *analysis.Node
	call   *analysis.Node
	target *analysis.Node // nil for a bare await
	binds  []string
	uses   map[string]bool
	recv   string // receiver text of a method call ("session"), "" otherwise
	method string
}

// asyncioOrdering are awaited asyncio calls that order work on purpose.
func isAsyncioCall(p *Pass, call *analysis.Node) bool {
	fn := call.ChildByField("function")
	ref := p.Module.Resolve(fn)
	if pylib.Within(ref.Name, pylib.OrdersWork) || ref.Name != "" && pylib.Is(ref.Name, pylib.OrdersWork) {
		return true
	}
	if fn.Type() != "attribute" {
		return false
	}
	if recv := p.Module.Resolve(fn.ChildByField("object")); pylib.Within(recv.Name, pylib.OrdersWork) {
		return true
	}
	attr := p.File.Text(fn.ChildByField("attribute"))
	switch {
	case pylib.Method(attr, pylib.OrdersByName):
		// Lock/Semaphore/Event/Condition/Barrier operations and stream
		// writes are orderings, whatever the receiver's type.
		return true
	case pylib.Method(attr, pylib.QueueGet), pylib.Method(attr, pylib.QueuePut):
		// queue.get() / queue.put(item), as opposed to session.get(url)
		args := call.ChildByField("arguments")
		return args == nil || len(args.NamedChildren()) == 0 ||
			(pylib.Method(attr, pylib.QueuePut) && len(args.NamedChildren()) == 1 && !strings.Contains(p.File.Text(args), "http"))
	}
	return false
}

// concurrentSafeMethods are methods whose calls on one receiver (an HTTP
// client session) may overlap.
var concurrentSafeMethods = map[string]bool{}

func init() {
	for _, v := range pylib.HTTPVerbs {
		concurrentSafeMethods[v] = true
	}
}

func names(f *analysis.File, n *analysis.Node) map[string]bool {
	out := map[string]bool{}
	n.Walk(func(c *analysis.Node) bool {
		if c.Type() == "identifier" && c.Field() != "attribute" && c.Field() != "name" {
			out[f.Text(c)] = true
		}
		if c.Type() == "keyword_argument" {
			if v := c.ChildByField("value"); v != nil {
				for k := range names(f, v) {
					out[k] = true
				}
			}
			return false
		}
		return true
	})
	return out
}

func targetNames(f *analysis.File, n *analysis.Node) ([]string, bool) {
	n = analysis.Unparen(n)
	switch n.Type() {
	case "identifier":
		return []string{f.Text(n)}, true
	case "pattern_list", "tuple_pattern", "tuple", "list_pattern":
		var out []string
		for _, c := range n.NamedChildren() {
			sub, ok := targetNames(f, c)
			if !ok {
				return nil, false
			}
			out = append(out, sub...)
		}
		return out, true
	}
	return nil, false // attributes, subscripts: effects we do not track
}

func classifyAwait(p *Pass, st *analysis.Node) (*awaitStmt, bool) {
	if st.Type() != "expression_statement" {
		return nil, false
	}
	named := st.NamedChildren()
	if len(named) != 1 {
		return nil, false
	}
	return classifyAwaitExpr(p, st, named[0])
}

// classifyAwaitExpr is classifyAwait of the statement st made of the
// expression e.
func classifyAwaitExpr(p *Pass, st, e *analysis.Node) (*awaitStmt, bool) {
	a := &awaitStmt{stmt: st}
	if e.Type() == "assignment" {
		right := e.ChildByField("right")
		if right == nil || e.ChildByField("type") != nil {
			return nil, false
		}
		binds, ok := targetNames(p.File, e.ChildByField("left"))
		if !ok {
			return nil, false
		}
		a.target, a.binds = e.ChildByField("left"), binds
		e = right
	}
	if e.Type() != "await" {
		return nil, false
	}
	a.await = e
	inner := e.NamedChildren()
	if len(inner) != 1 || analysis.Unparen(inner[0]).Type() != "call" {
		return nil, false
	}
	a.call = analysis.Unparen(inner[0])
	nested := false
	a.call.Walk(func(c *analysis.Node) bool {
		if c.Type() == "await" || c.Type() == "lambda" || c.Type() == "named_expression" {
			nested = true
		}
		return !nested
	})
	if nested || isAsyncioCall(p, a.call) {
		return nil, false
	}
	a.uses = names(p.File, a.call)
	if fn := a.call.ChildByField("function"); fn.Type() == "attribute" {
		a.recv = p.File.Text(fn.ChildByField("object"))
		a.method = p.File.Text(fn.ChildByField("attribute"))
	}
	return a, true
}

func runSequentialAwaits(p *Pass) {
	sim := p.simulator()
	if sim == nil {
		return
	}
	ctx, cancel := context.WithTimeout(p.context(), simulationsPerFile)
	defer cancel()
	opts := &regionEstimates{sim: sim, ctx: ctx, threshold: minSaving(p), exhausted: map[*analysis.Function]bool{}}
	for _, fn := range p.Module.Functions {
		if !fn.Async || fn.Generator || fn.Lambda {
			continue
		}
		body := fn.Node.ChildByField("body")
		if body == nil {
			continue
		}
		// First the regions worth simulating (syntax only, cheap), then one
		// simulation step per function: its findings are cached per
		// function (Pass.simulate).
		var regions []func()
		body.Walk(func(n *analysis.Node) bool {
			switch n.Type() {
			case "function_definition", "class_definition", "lambda":
				return false
			case "block":
				regions = checkBlock(p, fn, n, opts, regions)
			case "for_statement":
				regions = checkLoop(p, fn, n, opts, regions)
			}
			return true
		})
		if len(regions) == 0 {
			continue
		}
		simulateAll := func() {
			for _, simulate := range regions {
				if p.outOfTime() {
					return
				}
				simulate()
			}
		}
		p.simulate(func() (simUnit, bool) { return p.functionUnit(fn) }, simulateAll)
	}
}

// underLock reports whether n sits in an `async with` (or `with`) of a lock,
// semaphore or condition: code there is serialised on purpose.
func underLock(p *Pass, n, fnNode *analysis.Node) bool {
	for a := n.Parent(); a != nil && a != fnNode; a = a.Parent() {
		if a.Type() != "with_statement" {
			continue
		}
		for _, c := range a.NamedChildren() {
			if c.Type() != "with_clause" {
				continue
			}
			for _, item := range c.NamedChildren() {
				v := item.ChildByField("value")
				if v == nil {
					continue
				}
				if v.Type() == "as_pattern" {
					v = v.NamedChildren()[0]
				}
				ref := p.Module.Resolve(v)
				if ref.Name != "" && pylib.Is(ref.Name, pylib.AsyncLock) {
					return true
				}
				text := strings.ToLower(p.File.Text(v))
				if strings.Contains(text, "lock") || strings.Contains(text, "sem") || strings.Contains(text, "cond") || strings.Contains(text, "mutex") {
					return true
				}
			}
		}
	}
	return false
}

// checkBlock finds runs of independent awaits among a block's statements
// and adds the simulation of each that may take time to regions.
func checkBlock(p *Pass, fn *analysis.Function, block *analysis.Node, opts *regionEstimates, regions []func()) []func() {
	if underLock(p, block, fn.Node) {
		return regions
	}
	var run []*awaitStmt
	flush := func() {
		if len(run) >= 2 {
			start, end := int(run[0].stmt.Start), int(run[len(run)-1].stmt.End)
			if regionMayTakeTime(p, fn, start, end, opts) {
				found := run
				regions = append(regions, func() { reportRun(p, fn, found, opts) })
			}
		}
		run = nil
	}
	for _, st := range block.NamedChildren() {
		a, ok := classifyAwait(p, st)
		if !ok {
			flush()
			continue
		}
		if dependsOn(a, run) {
			flush()
		}
		run = append(run, a)
	}
	flush()
	return regions
}

// dependsOn reports whether a must follow the awaits of run: it reads a
// name they bind, rebinds a name they read, or shares their receiver.
func dependsOn(a *awaitStmt, run []*awaitStmt) bool {
	for _, r := range run {
		for _, b := range r.binds {
			if a.uses[b] {
				return true
			}
		}
		for _, b := range a.binds {
			if r.uses[b] {
				return true
			}
			for _, rb := range r.binds {
				if rb == b {
					return true
				}
			}
		}
		if a.recv != "" && a.recv == r.recv && !(concurrentSafeMethods[a.method] && concurrentSafeMethods[r.method]) {
			return true
		}
	}
	return false
}

// asyncioName returns how the module refers to asyncio, or "".
func asyncioName(p *Pass, at *analysis.Node) string {
	b := p.Module.ScopeAt(at).Lookup("asyncio")
	if b != nil && b.Kind == analysis.BindImport && b.Qualified == "asyncio" {
		return "asyncio"
	}
	return ""
}

// simAsyncio is bound at the end of the simulated module so a rewrite can
// call gather whatever the file imports.
const simAsyncio = "__asyncls_asyncio__"

// estimateRewrite times [start, end) of fn now and with newText (written
// with prefix for asyncio) in its place.
// The caller has checked regionMayTakeTime.
func estimateRewrite(p *Pass, fn *analysis.Function, start, end int, render func(asyncioRef string) string, opts *regionEstimates) (now, after Estimate, ok bool) {
	if opts.exhausted[fn] {
		return now, after, false
	}
	now, err := opts.sim.EstimateRegion(opts.ctx, p.File, fn.Node, start, end, assumedItems)
	p.noteSimulation(now.Cancelled)
	if now.Exhausted {
		opts.exhausted[fn] = true
	}
	if err != nil || !now.Complete {
		return now, after, false
	}
	// The rewrite cannot save more than the region takes now: skip the
	// re-parse and second simulation when that is below the threshold.
	if now.Seconds < opts.threshold {
		return now, after, false
	}
	simText := render(simAsyncio)
	src := make([]byte, 0, len(p.File.Src)+len(simText)+64)
	src = append(src, p.File.Src[:start]...)
	src = append(src, simText...)
	src = append(src, p.File.Src[end:]...)
	src = append(src, "\nimport asyncio as "+simAsyncio+"\n"...)
	f2 := analysis.Parse(p.File.Path, src)
	fn2 := functionAt(f2.Root, int(fn.Node.Start))
	if fn2 == nil {
		return now, after, false
	}
	after, err = opts.sim.EstimateRegion(opts.ctx, f2, fn2, start, start+len(simText), assumedItems)
	p.noteSimulation(after.Cancelled)
	if err != nil || !after.Complete {
		return now, after, false
	}
	return now, after, true
}

// regionMayTakeTime reports whether some await in [start, end) can cost
// time in the simulation: asyncio's own awaitables, the project's
// coroutines, names with a latency (table, settings, or a
// `# asyncls: latency=` comment). Every other awaitable is instantaneous to
// the simulator, so a region of only those cannot be sped up, and the
// simulation is skipped (library code is mostly such awaits).
func regionMayTakeTime(p *Pass, fn *analysis.Function, start, end int, opts *regionEstimates) bool {
	calls := map[*analysis.Node]*analysis.Call{}
	for _, c := range fn.Calls {
		calls[c.Node] = c
	}
	for _, c := range p.File.Comments {
		if int(c.Start) >= start && int(c.Start) < end && strings.Contains(p.File.Text(c), "asyncls:") {
			return true
		}
	}
	may := false
	fn.Node.Walk(func(n *analysis.Node) bool {
		if may || int(n.End) <= start || int(n.Start) >= end {
			return false
		}
		if n.Type() != "await" {
			return true
		}
		inner := n.NamedChildren()
		if len(inner) != 1 {
			may = true
			return false
		}
		c := calls[analysis.Unparen(inner[0])]
		if c == nil {
			may = true // awaiting a name or attribute: a task or future, whose cost the simulator may know
			return false
		}
		switch {
		case pylib.Within(c.Callee, pylib.SimulatedModule), p.Project.Target(c) != nil,
			c.Callee != "" && opts.sim.KnowsLatency(c.Callee):
			may = true
		case c.Callee == "" && c.Method(p.File) != "":
			// A method of an object the model cannot type: the simulator may
			// still know it when the object is a local it can follow
			// (client = make_client()), so simulate then.
			may = localReceiver(p, c)
		}
		return !may
	})
	return may
}

// localReceiver reports whether the receiver of method call c is rooted in
// a name assigned in the enclosing scope (not a parameter, loop variable or
// global the simulator cannot follow either).
func localReceiver(p *Pass, c *analysis.Call) bool {
	obj := c.Node.ChildByField("function").ChildByField("object")
	for obj != nil && obj.Type() == "attribute" {
		obj = obj.ChildByField("object")
	}
	if obj == nil || obj.Type() != "identifier" {
		return true // a call result or subscript: be conservative
	}
	scope := p.Module.ScopeAt(obj)
	b := scope.Lookup(p.File.Text(obj))
	return b != nil && b.Kind == analysis.BindAssign && scope.Bindings.Get(b.Name) == b
}

func functionAt(n *analysis.Node, off int) *analysis.Node {
	var out *analysis.Node
	n.Walk(func(c *analysis.Node) bool {
		if out != nil || int(c.End) < off || int(c.Start) > off {
			return false
		}
		if c.Type() == "function_definition" && int(c.Start) == off {
			out = c
			return false
		}
		return true
	})
	return out
}

func hasComment(p *Pass, start, end int) bool {
	for _, c := range p.File.Comments {
		if int(c.Start) >= start && int(c.Start) < end {
			return true
		}
	}
	return false
}

func indentOf(p *Pass, off int) string {
	pos := p.File.Lines.Position(off)
	line := p.File.Lines.LineText(pos.Line)
	return line[:len(line)-len(strings.TrimLeft(line, " \t"))]
}

func reportRun(p *Pass, fn *analysis.Function, run []*awaitStmt, opts *regionEstimates) {
	start, end := int(run[0].stmt.Start), int(run[len(run)-1].stmt.End)
	anyTarget := false
	for _, a := range run {
		if a.target != nil {
			anyTarget = true
		}
	}
	render := func(aio string) string {
		var calls, targets []string
		for _, a := range run {
			calls = append(calls, p.File.Text(a.call))
			if a.target != nil {
				targets = append(targets, strings.TrimSpace(p.File.Text(a.target)))
			} else {
				targets = append(targets, "_")
			}
		}
		lhs := ""
		if anyTarget {
			lhs = strings.Join(targets, ", ") + " = "
		}
		one := lhs + "await " + aio + ".gather(" + strings.Join(calls, ", ") + ")"
		if len(indentOf(p, start))+len(one) <= 88 {
			return one
		}
		ind := indentOf(p, start)
		return lhs + "await " + aio + ".gather(\n" + ind + "    " + strings.Join(calls, ",\n"+ind+"    ") + ",\n" + ind + ")"
	}
	now, after, ok := estimateRewrite(p, fn, start, end, render, opts)
	if !ok || now.Seconds-after.Seconds < opts.threshold {
		return
	}
	msg := fmt.Sprintf("%d independent awaits run one after another: ≈%s now, ≈%s with asyncio.gather", len(run),
		approxSeconds(now.Seconds), approxSeconds(after.Seconds))
	var fix *Fix
	if aio := asyncioName(p, run[0].stmt); aio != "" && !hasComment(p, start, end) {
		fix = &Fix{Title: "Run the awaits concurrently with asyncio.gather", Safe: false,
			Edits: []Edit{{Start: start, End: end, New: render(aio)}}}
	}
	p.Report(run[0].await, msg+assumptionNote(now.Assumed), WithFix(fix))
}

// checkLoop handles `for x in xs: await f(x)` and
// `for x in xs: out.append(await f(x))`: it adds the loop's simulation to
// regions when the loop qualifies and may take time.
func checkLoop(p *Pass, fn *analysis.Function, loop *analysis.Node, opts *regionEstimates, regions []func()) []func() {
	if loop.HasToken("async") || loop.ChildByField("alternative") != nil || underLock(p, loop, fn.Node) {
		return regions
	}
	body := loop.ChildByField("body")
	if body == nil {
		return regions
	}
	stmts := body.NamedChildren()
	if len(stmts) != 1 || stmts[0].Type() != "expression_statement" {
		return regions
	}
	named := stmts[0].NamedChildren()
	if len(named) != 1 {
		return regions
	}
	var await *analysis.Node
	collector := ""
	switch e := named[0]; e.Type() {
	case "await":
		await = e
	case "call":
		fnNode := e.ChildByField("function")
		args := e.ChildByField("arguments")
		if fnNode.Type() != "attribute" || p.File.Text(fnNode.ChildByField("attribute")) != "append" || args == nil {
			return regions
		}
		an := args.NamedChildren()
		if len(an) != 1 || an[0].Type() != "await" {
			return regions
		}
		collector = p.File.Text(fnNode.ChildByField("object"))
		await = an[0]
	default:
		return regions
	}
	a, ok := classifyAwaitExpr(p, analysis.NewNode("expression_statement", await.Start, await.End), await)
	if !ok {
		return regions
	}
	target, iter := loop.ChildByField("left"), loop.ChildByField("right")
	if target == nil || iter == nil {
		return regions
	}
	if _, ok := targetNames(p.File, target); !ok {
		return regions
	}
	if handsOverIterableOwner(p, a.call, iter) {
		return regions
	}
	start, end := int(loop.Start), int(loop.End)
	if !regionMayTakeTime(p, fn, start, end, opts) {
		return regions
	}
	return append(regions, func() { reportLoop(p, fn, loop, a, collector, target, iter, opts) })
}

// handsOverIterableOwner reports a loop whose awaited call is handed, as an
// argument, the object the loop reads its items from: `for job in
// jobs.finished(): await finish_job(session, url, job, jobs)` (the owner
// of the method the iterable calls, `jobs`), or the iterated collection
// itself (`for item in items: await handle(item, items)`). Each call can
// change what the loop iterates (lava-worker's finish_job deletes the job
// it finished from the jobs database), so the calls are not independent of
// one another: their order is the loop's. `self` and `cls` are not such
// owners (every method's loop over its own object's data would be); a
// receiver of the call is the same-receiver case of dependsOn.
func handsOverIterableOwner(p *Pass, call, iter *analysis.Node) bool {
	iter = analysis.Unparen(iter)
	owners := map[string]bool{p.File.Text(iter): true}
	if iter.Type() == "call" {
		if fn := iter.ChildByField("function"); fn != nil && fn.Type() == "attribute" {
			owners[p.File.Text(fn.ChildByField("object"))] = true
		}
	}
	delete(owners, "self")
	delete(owners, "cls")
	args := call.ChildByField("arguments")
	if args == nil {
		return false
	}
	for _, arg := range args.NamedChildren() {
		if arg.Type() == "keyword_argument" {
			arg = arg.ChildByField("value")
		}
		if arg != nil && owners[p.File.Text(analysis.Unparen(arg))] {
			return true
		}
	}
	return false
}

// reportLoop simulates a qualifying loop as written and as a gather, and
// reports it when the saving reaches the threshold.
func reportLoop(p *Pass, fn *analysis.Function, loop *analysis.Node, a *awaitStmt, collector string, target, iter *analysis.Node, opts *regionEstimates) {
	await := a.await
	start, end := int(loop.Start), int(loop.End)
	render := func(aio string) string {
		gen := "*(" + p.File.Text(a.call) + " for " + p.File.Text(target) + " in " + p.File.Text(iter) + ")"
		if collector != "" {
			return collector + ".extend(await " + aio + ".gather(" + gen + "))"
		}
		return "await " + aio + ".gather(" + gen + ")"
	}
	now, after, ok := estimateRewrite(p, fn, start, end, render, opts)
	if !ok || now.Seconds-after.Seconds < opts.threshold {
		return
	}
	msg := fmt.Sprintf("the awaits of this loop run one after another: ≈%s now, ≈%s with asyncio.gather",
		approxSeconds(now.Seconds), approxSeconds(after.Seconds))
	var fix *Fix
	if aio := asyncioName(p, loop); aio != "" && !hasComment(p, start, end) {
		fix = &Fix{Title: "Run the loop's awaits concurrently with asyncio.gather", Safe: false,
			Edits: []Edit{{Start: start, End: end, New: render(aio)}}}
	}
	p.Report(await, msg+assumptionNote(now.Assumed), WithFix(fix))
}

// assumptionNote summarises what the estimate assumed, briefly.
func assumptionNote(assumed []Assumption) string {
	if len(assumed) == 0 {
		return ""
	}
	var parts []string
	for _, a := range assumed {
		switch a {
		case AssumedLoopCount:
			parts = append(parts, fmt.Sprintf("assuming %d items", assumedItems))
		case AssumedDefaultLatency:
			parts = append(parts, "default I/O latencies")
		}
	}
	if len(parts) == 0 {
		return " (estimate with assumptions)"
	}
	return " (" + strings.Join(dedupeStrings(parts), ", ") + ")"
}

func dedupeStrings(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
