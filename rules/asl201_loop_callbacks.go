package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// loopCallback is a plain function of the project handed to the event loop
// to call on its own thread (Arg of registration Call) that reaches a
// blocking call through Chain.
type loopCallback struct {
	Call  *analysis.Call
	Arg   *analysis.Node
	Func  *analysis.Function
	Chain analysis.Chain
}

// loopCallbacks are the module's registrations of a plain function for the
// event loop to call later on its own thread (`loop.call_soon(f)`,
// `loop.call_later(delay, f)`, `task.add_done_callback(f)`,
// `loop.add_signal_handler(sig, f)`...: pylib.LoopCallbackRegistrarOf)
// whose function reaches a blocking call: it stalls the loop when it runs,
// as the same call in a coroutine does. Found at the registration, wherever
// the function is defined (so the finding depends on the registering
// module and what it imports, as every chain through helpers does).
// Functions that report their own blocking calls (a framework's
// loop-thread handlers) and the families the local-file policy leaves out
// are not taken.
var loopCallbacks = &fact[[]loopCallback]{name: "loopCallbacks", crossFile: true, compute: func(p *Pass) []loopCallback {
	inHelpers := blockingInHelpers.of(p)
	var out []loopCallback
	for _, c := range p.Module.Calls {
		reg, ok := loopCallbackRegistrar(p, c)
		if !ok || expectedToRaise(p.Module, c.Node) {
			continue
		}
		arg := c.Positional(reg.Arg)
		t := handedFunction(p, unbound(p, arg))
		if t == nil || t.Async || t.Generator || decoratedToRunInThread(t.Module(), t) {
			continue
		}
		if lt, _ := loopThreadHandler(p.Project, t.Module(), t); lt != nil {
			continue // it reports its own blocking calls
		}
		chain := reachPastSpawns(p, nil, inHelpers.FollowKind, inHelpers.Follow, func(kind string, follow func(*analysis.Module, *analysis.Call) bool) analysis.Chain {
			return p.Project.ReachCalledOnLoopWithin(kind, t, follow, helperDepth(p))
		})
		if chain == nil || throughLoopThreadFunction(p.Project, chain[1:]) {
			continue
		}
		out = append(out, loopCallback{Call: c, Arg: arg, Func: t, Chain: chain})
	}
	return out
}}

// reportLoopCallbacks reports each function of the module's loopCallbacks
// once, at the argument of its first registration that hands it over.
func reportLoopCallbacks(p *Pass) {
	all := loopCallbacks.of(p)
	reported := map[*analysis.Function]bool{}
	for _, lc := range all {
		if reported[lc.Func] {
			continue // one finding per function: its first registration (a periodic callback re-registers itself)
		}
		reported[lc.Func] = true
		related := chainRelated(lc.Chain)
		for _, o := range all {
			if o.Func == lc.Func && o.Arg != lc.Arg {
				related = append(related, RelatedAt(p.Module, o.Arg, "`"+lc.Func.QualName+"` is handed to the loop here too"))
			}
		}
		chain := lc.Chain
		last := chain[len(chain)-1]
		lastText := last.Func.Module().File.Brief(last.Call.Node.ChildByField("function"))
		how := "it calls blocking `" + lastText + "()`"
		if len(chain) > 1 {
			how = "it reaches blocking `" + lastText + "()` via " + describeChain(chain)
		}
		name := "`" + lc.Func.QualName + "`"
		if analysis.Unparen(unbound(p, lc.Arg)).Type() == "lambda" {
			name = "the lambda"
		}
		registrar := "`" + p.File.Brief(lc.Call.Node.ChildByField("function")) + "()`"
		msg := name + " blocks the event loop: " + registrar + " has the loop call it on its own " +
			"thread, and " + how + "; make the callback hand the blocking work to a thread (`loop.run_in_executor(None, ...)`) " +
			"or schedule a coroutine that awaits an async API"
		if last.Func.Module() == p.Module {
			msg = withDelay(p, msg, int(last.Call.Node.Start))
		}
		p.Report(lc.Arg, msg, WithRelated(related...))
	}
}

// loopCallbackRegistrar returns the record of call c when it registers a
// callable for the event loop to call on its thread: by the callee's
// qualified name, or by its method name on a receiver of unknown type or of
// asyncio's (an untyped `self._loop.call_later(...)`), never a project
// method of that name.
func loopCallbackRegistrar(p *Pass, c *analysis.Call) (pylib.LoopCallbackRegistrar, bool) {
	name := calleeName(p.Module, c)
	if reg, ok := pylib.LoopCallbackRegistrarOf(name); ok {
		return reg, true
	}
	if reg, ok := pylib.LoopCallbackRegistrarOf(p.Project.Canonical(name)); ok {
		return reg, true
	}
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || p.Project.Target(c) != nil {
		return pylib.LoopCallbackRegistrar{}, false
	}
	if reg, ok := pylib.FutureCallbackMethod(c.Method(p.File)); ok && asyncioFutureValue(p, fn.ChildByField("object")) {
		return reg, true
	}
	reg, ok := pylib.LoopCallbackMethod(c.Method(p.File))
	if !ok {
		return reg, false
	}
	if t := receiverType(p.Module, fn.ChildByField("object")); t != "" && !pylib.Within(t, pylib.AsyncLibrary) {
		return reg, false // a typed receiver of another library
	}
	if otherLibraryObject(p, fn.ChildByField("object")) {
		return reg, false // `from kivy.clock import Clock`: another library's scheduler, by its import
	}
	return reg, true
}

// otherLibraryObject reports a receiver that is a name imported from a
// library other than an async framework, or an attribute of one
// (`Clock` of `from kivy.clock import Clock`, `somelib.timer`): its
// qualified name is known, and it is not asyncio's event loop.
func otherLibraryObject(p *Pass, recv *analysis.Node) bool {
	root := analysis.Unparen(recv)
	for root != nil && root.Type() == "attribute" {
		root = analysis.Unparen(root.ChildByField("object"))
	}
	if root == nil || root.Type() != "identifier" {
		return false
	}
	b := p.Module.ScopeAt(root).Lookup(p.File.Text(root))
	if b == nil || b.Kind != analysis.BindImport || b.Qualified == "" || len(b.Values) > 0 {
		return false
	}
	r := p.Module.Resolve(recv)
	if r.Name == "" || r.Instance || r.Func != nil || r.Class != nil || r.Via != "" ||
		pylib.Is(r.Name, pylib.AsyncLibrary) || pylib.Within(r.Name, pylib.AsyncLibrary) {
		return false
	}
	for name := r.Name; name != ""; {
		if p.Project.ModuleNamed(name) != nil {
			return false // a module of the project (its own loop object)
		}
		i := strings.LastIndexByte(name, '.')
		if i < 0 {
			break
		}
		name = name[:i]
	}
	return true
}

// handedFunction is the project function that arg names: one of this
// module (passedFunction), or one another module defines, reached through
// an import (`from app.jobs import refresh`, `jobs.refresh`) or through a
// value only the project can resolve (`Uploader().flush` of an imported
// class); nil for an instance or anything else.
func handedFunction(p *Pass, arg *analysis.Node) *analysis.Function {
	if f := passedFunction(p, arg); f != nil || arg == nil {
		return f
	}
	a := analysis.Unparen(arg)
	if a.Type() != "identifier" && a.Type() != "attribute" {
		return nil
	}
	r := p.Module.Resolve(a)
	if r.Instance || r.Func != nil {
		return nil
	}
	var f *analysis.Function
	if r.Name != "" && r.Class == nil {
		f = p.Project.Lookup(r.Name).Func
	}
	if f == nil && r.Via != "" {
		if v := p.Project.ResolveVia(r.Via); !v.Instance {
			f = v.Func
		}
	}
	return f
}

// unbound is the callable that `functools.partial(f, ...)` binds, or arg.
func unbound(p *Pass, arg *analysis.Node) *analysis.Node {
	if arg == nil {
		return nil
	}
	a := analysis.Unparen(arg)
	if a.Type() != "call" || !pylib.Is(calleeOf(p.Module, a), pylib.BindsArguments) {
		return arg
	}
	if first := (&analysis.Call{Node: a}).Positional(0); first != nil {
		return first
	}
	return arg
}

// asyncioFutureValue reports a receiver whose value the one call that made
// it returned as an asyncio Task or Future (`task = asyncio.create_task(...)`,
// `fut = loop.run_in_executor(...)`, `asyncio.gather(...)`): its done
// callbacks run on the loop. A future of concurrent.futures calls them in
// the thread that completes it, so an unknown receiver is not one.
func asyncioFutureValue(p *Pass, recv *analysis.Node) bool {
	ctor := constructorCall(p.Module, recv, 0)
	if ctor == nil {
		return false
	}
	name := calleeOf(p.Module, ctor)
	for _, n := range []string{name, p.Project.Canonical(name)} {
		if pylib.Is(n, pylib.TaskFactory) || pylib.Is(n, pylib.ReturnsFuture) {
			return true
		}
	}
	fn := ctor.ChildByField("function")
	return fn != nil && fn.Type() == "attribute" && futureMethods[p.File.Text(fn.ChildByField("attribute"))]
}
