package rules

import (
	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// drivenSynchronously reports a call in a coroutine that runs on no event
// loop the application shares: the module drives its coroutines itself,
// synchronously (dugong's `eval_coroutine`, vendored by s3ql: `it =
// coroutine.__await__(); next(it)`), or a framework runs the coroutine
// function as the main coroutine of a new event loop in a worker thread
// (pylib.ThreadLoopWorkerOf: Textual's `@work(thread=True)`), and every
// mention of the coroutine function's name in the module is a call handed
// to such a driver or awaited by a coroutine that runs the same way. A
// blocking call there stalls only the thread that drives it (and that
// thread's own loop), as in any synchronous function run in a thread. Only
// the module is read (so `check FILE`, `check .` and the server agree): a
// coroutine the module also awaits from any other coroutine, or mentions in
// any other way, is not one of these.
func drivenSynchronously(m *analysis.Module, c *analysis.Call) bool {
	f := c.Func
	if f == nil || !f.Async || f.Lambda || f.Generator || f.Name == "" {
		return false
	}
	driven := m.Memo("driven-coroutines", func() any { return drivenCoroutines(m) }).(map[string]bool)
	return driven[f.Name]
}

// drivenCoroutines returns the names of the module's coroutine functions
// that only its synchronous drivers run (drivenSynchronously): each mention
// is handed to a driver or awaited in another such coroutine, and a driver
// runs it, directly or through those. Empty for a module without a driver
// (most).
func drivenCoroutines(m *analysis.Module) map[string]bool {
	drivers := syncDrivers(m)
	roots := threadLoopWorkerNames(m)
	if len(drivers) == 0 && len(roots) == 0 && !definesThreadRun(m) || m.File.Root == nil {
		return map[string]bool{}
	}
	coroutines := map[string]bool{}
	for _, f := range m.Functions {
		if f.Async && !f.Lambda && !f.Generator && f.Name != "" {
			coroutines[f.Name] = true
		}
	}
	for _, f := range m.Functions {
		if !f.Async && coroutines[f.Name] {
			delete(coroutines, f.Name) // a sync function of the same name: the mentions are ambiguous
			delete(roots, f.Name)
		}
	}
	mentions := map[string][]drivenMention{}
	m.File.Root.Walk(func(n *analysis.Node) bool {
		var name *analysis.Node
		switch n.Type() {
		case "identifier":
			if p := n.Parent(); p != nil && (p.Type() == "attribute" || p.Type() == "function_definition" && n.Field() == "name") {
				return true // an attribute's parts are read below; a def's own name is no mention
			}
			name = n
		case "attribute":
			name = n.ChildByField("attribute")
		default:
			return true
		}
		text := m.File.Text(name)
		if !coroutines[text] {
			return true
		}
		mentions[text] = append(mentions[text], classifyMention(m, n, drivers))
		return true
	})
	// The greatest set whose every mention is handed to a driver or awaited
	// by a member (coroutines that await each other, co_read and
	// co_readall, qualify together), then of it the members a driver runs,
	// directly or through members that await them.
	// A thread worker's coroutine runs on its own loop however it is
	// mentioned: calling the decorated method starts a worker.
	member := map[string]bool{}
	for name, ms := range mentions {
		member[name] = len(ms) > 0
	}
	for name := range roots {
		member[name] = true
	}
	for changed := true; changed; {
		changed = false
		for name, ms := range mentions {
			if !member[name] || roots[name] {
				continue
			}
			for _, x := range ms {
				if x.other || x.by != "" && !member[x.by] {
					member[name] = false
					changed = true
					break
				}
			}
		}
	}
	driven := map[string]bool{}
	for name := range roots {
		driven[name] = true
	}
	for changed := true; changed; {
		changed = false
		for name, ms := range mentions {
			if !member[name] || driven[name] {
				continue
			}
			for _, x := range ms {
				if x.by == "" || driven[x.by] {
					driven[name] = true
					changed = true
					break
				}
			}
		}
	}
	return driven
}

// drivenMention is one mention of a coroutine function's name: handed to
// a driver (by == ""), awaited in coroutine `by`, or anything else (other).
type drivenMention struct {
	by    string
	other bool
}

// classifyMention: `driver(name(...))` / `driver(self.name(...))` -> handed
// to a driver; `await name(...)` in coroutine g -> awaited by g; anything
// else -> other.
func classifyMention(m *analysis.Module, ref *analysis.Node, drivers map[string]bool) drivenMention {
	call := ref.Parent()
	if call == nil || call.Type() != "call" || call.ChildByField("function") != ref {
		return drivenMention{other: true}
	}
	outer := call.Parent()
	if outer != nil && outer.Type() == "await" {
		g := m.FunctionAt(outer)
		if g == nil || !g.Async || g.Name == "" {
			return drivenMention{other: true}
		}
		return drivenMention{by: g.Name}
	}
	if outer != nil && outer.Type() == "argument_list" && len(outer.NamedChildren()) > 0 && outer.NamedChildren()[0] == call {
		if d := outer.Parent(); d != nil && d.Type() == "call" {
			fn := d.ChildByField("function")
			if fn != nil && fn.Type() == "attribute" {
				fn = fn.ChildByField("attribute")
			}
			if fn != nil && fn.Type() == "identifier" && drivers[m.File.Text(fn)] {
				return drivenMention{}
			}
			if runsOnThreadsOwnLoop(m, d) {
				return drivenMention{}
			}
		}
	}
	return drivenMention{other: true}
}

// syncDrivers returns the names of the module's synchronous functions that
// run a coroutine handed to them by stepping it themselves:
// `param.__await__()` or `param.send(None)` on one of their parameters.
func syncDrivers(m *analysis.Module) map[string]bool {
	out := map[string]bool{}
	for _, f := range m.Functions {
		if f.Async || f.Lambda || f.Name == "" || len(f.Params) == 0 {
			continue
		}
		params := map[string]bool{}
		for _, p := range f.Params {
			params[p] = true
		}
		walkBody(f.Node.ChildByField("body"), func(n *analysis.Node) bool {
			if out[f.Name] || n.Type() != "call" {
				return !out[f.Name]
			}
			fn := n.ChildByField("function")
			if fn == nil || fn.Type() != "attribute" {
				return true
			}
			obj := fn.ChildByField("object")
			if obj == nil || obj.Type() != "identifier" || !params[m.File.Text(obj)] {
				return true
			}
			switch m.File.Text(fn.ChildByField("attribute")) {
			case "__await__":
				out[f.Name] = true
			case "send":
				if args := n.ChildByField("arguments"); args != nil && len(args.NamedChildren()) == 1 && args.NamedChildren()[0].Type() == "none" {
					out[f.Name] = true
				}
			}
			return true
		})
	}
	return out
}

// threadLoopWorkerNames returns the names of the module's coroutine
// functions that a framework decorator runs as the main coroutine of a new
// event loop in a worker thread (pylib.ThreadLoopWorkerOf: Textual's
// `@work(thread=True)`), when every coroutine function of that name is so
// decorated. The keyword must be the literal True: the decorator's default
// and False run the coroutine on the application's loop, and another value
// (a variable, `**options`) is not known.
func threadLoopWorkerNames(m *analysis.Module) map[string]bool {
	out := map[string]bool{}
	other := map[string]bool{}
	for _, f := range m.Functions {
		if !f.Async || f.Lambda || f.Generator || f.Name == "" {
			continue
		}
		if runsOnThreadLoop(m, f) {
			out[f.Name] = true
		} else {
			other[f.Name] = true
		}
	}
	for name := range other {
		delete(out, name) // a same-named coroutine that runs on the application's loop: ambiguous
	}
	return out
}

// runsOnThreadLoop reports coroutine function f decorated with a
// pylib.ThreadLoopWorker decorator whose thread keyword is the literal True.
func runsOnThreadLoop(m *analysis.Module, f *analysis.Function) bool {
	for _, d := range f.Decorators {
		expr := d.NamedChildren()
		if len(expr) == 0 || expr[0].Type() != "call" {
			continue
		}
		call := expr[0]
		w := pylib.ThreadLoopWorkerOf(m.Resolve(call.ChildByField("function")).Name)
		if w == nil {
			continue
		}
		args := call.ChildByField("arguments")
		if args == nil {
			return false
		}
		for _, a := range args.NamedChildren() {
			if a.Type() == "dictionary_splat" {
				return false
			}
			if a.Type() == "keyword_argument" && m.File.Text(a.ChildByField("name")) == w.ThreadKeyword {
				v := analysis.Unparen(a.ChildByField("value"))
				return v != nil && v.Type() == "true"
			}
		}
		return false
	}
	return false
}

// definesThreadRun reports a module with a method that a thread class of
// its bases runs in a new thread (threadRunMethod).
func definesThreadRun(m *analysis.Module) bool {
	for _, f := range m.Functions {
		if threadRunMethod(m, f) {
			return true
		}
	}
	return false
}

// threadRunMethod reports a synchronous method that a class's direct base,
// a thread class (pylib.ThreadRunMethod: threading.Thread's `run`), runs
// in the new thread it starts.
func threadRunMethod(m *analysis.Module, f *analysis.Function) bool {
	if f == nil || f.Async || f.Lambda || f.Class == nil || f.Parent != nil && f.Parent.Class != f.Class {
		return false
	}
	for _, b := range f.Class.Bases {
		if run := pylib.ThreadRunMethod(m.Resolve(b).Name); run != "" && run == f.Name {
			return true
		}
	}
	return false
}

// runsOnThreadsOwnLoop reports runner, a call that runs the coroutine
// passed first as the main coroutine of a loop of its own, in a thread's
// run method (threadRunMethod): `asyncio.run(coro)` (a pylib.LoopStarter
// that makes its loop), or `loop.run_until_complete(coro)` on a loop that
// run made itself (`asyncio.new_event_loop()`, there or in a local every
// assignment of which in run is one). That loop runs in the thread and
// nowhere else, and only what the coroutine starts shares it (jupyter
// client's heartbeat channel: `loop = asyncio.new_event_loop()` ...
// `loop.run_until_complete(self._async_run())` in HBChannel(Thread).run).
func runsOnThreadsOwnLoop(m *analysis.Module, runner *analysis.Node) bool {
	f := m.FunctionAt(runner)
	if !threadRunMethod(m, f) {
		return false
	}
	if api, ok := pylib.Lookup(calleeOf(m, runner)); ok && api.Has(pylib.LoopStarter) && !api.Has(pylib.ByMethodName) {
		return true
	}
	fn := runner.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || m.File.Text(fn.ChildByField("attribute")) != "run_until_complete" {
		return false
	}
	loop := analysis.Unparen(fn.ChildByField("object"))
	if loop == nil {
		return false
	}
	if loop.Type() == "call" {
		return pylib.NewEventLoop(calleeOf(m, loop))
	}
	if loop.Type() != "identifier" {
		return false
	}
	name := m.File.Text(loop)
	assigned := false
	ok := true
	walkBody(f.Node.ChildByField("body"), func(n *analysis.Node) bool {
		if !ok {
			return false
		}
		if n.Type() != "assignment" && n.Type() != "augmented_assignment" {
			return true
		}
		left := analysis.Unparen(n.ChildByField("left"))
		if left == nil || m.File.Text(left) != name {
			return true
		}
		right := analysis.Unparen(n.ChildByField("right"))
		if n.Type() != "assignment" || left.Type() != "identifier" || right == nil || right.Type() != "call" ||
			!pylib.NewEventLoop(calleeOf(m, right)) {
			ok = false
			return false
		}
		assigned = true
		return true
	})
	return ok && assigned
}
