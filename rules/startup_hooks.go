package rules

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// startupHookEnd reports a coroutine function that a web framework runs as
// the first start-up code of an application (pylib.StartupApp), before its
// server accepts a connection, on a loop that runs nothing else yet, and
// the offset where that stops being so in its own body (firstSharing: its
// first await, async for, async with or yield, or the first call that puts
// work on a loop; 0 when it has none). beforeLoopIsShared exempts the calls
// before that offset, as for a new loop's main coroutine.
//
// A hook qualifies when all of these hold, each read in the module alone:
//   - it is a module function of the module (not a method), registered
//     once, on an application the module makes (`app = FastAPI(...)`,
//     `web.Application()`, `Quart(__name__)`), and the module mentions its
//     name nowhere else (nobody else can call it);
//   - it has the shape the registration expects (an async generator for a
//     lifespan, a cleanup context or a while_serving generator; a
//     coroutine function otherwise), with no decorator but the
//     registration and `@asynccontextmanager`;
//   - every hook of the same application that the framework runs before it
//     (an earlier phase, or the same phase registered earlier) started
//     nothing: no await, async for, async with or loop work before its
//     yield (or in its body). Unless the hook runs first by the framework's
//     contract (StartupHook.First), no call of the module brings in start-up
//     work it cannot see (StartupApp.Foreign: `include_router`,
//     `add_subapp`, `register_blueprint`);
//   - the module runs the application only as a standalone server
//     (pylib.StandaloneServers, StartupApp.Runs) if at all: handed to
//     anything else (aiohttp's AppRunner, uvicorn's Server, hypercorn's
//     serve, an extension), its start-up may run on a loop that other
//     tasks already share.
//
// Whether another module imports the application and serves it inside its
// own loop is not asked, as for a script's main coroutine: the answer
// depends on the reported module only, so every entry point agrees.
func startupHookEnd(m *analysis.Module, f *analysis.Function) (uint32, bool) {
	imports := m.ImportNames() // outside Memo: ImportNames memoises too
	hooks := m.Memo("startup-hooks", func() any {
		if !pylib.ImportsStartupFramework(imports) {
			return map[*analysis.Function]uint32(nil)
		}
		return startupHooks(m)
	}).(map[*analysis.Function]uint32)
	end, ok := hooks[f]
	return end, ok
}

// startupApp is one application object of the module and what is
// registered on it.
type startupApp struct {
	record   *pylib.StartupApp
	regs     []startupReg
	foreign  bool // start-up work of code the module cannot see is added
	embedded bool // handed to something other than a standalone server
}

// startupReg is one hook registration: the hook's record, the function
// registered (nil when the argument is not a function of the module), the
// decorator that registers it (nil for a call or a keyword), and the
// registration's position.
type startupReg struct {
	hook      *pylib.StartupHook
	fn        *analysis.Function
	decorator *analysis.Node
	pos       uint32
}

func startupHooks(m *analysis.Module) map[*analysis.Function]uint32 {
	out := map[*analysis.Function]uint32{}
	if m.File.Root == nil {
		return out
	}
	defs := map[*analysis.Node]*analysis.Function{}
	for _, f := range m.Functions {
		defs[f.Node] = f
	}
	apps := map[string]*startupApp{} // by enclosing def and receiver text
	key := func(n, recv *analysis.Node) string {
		scope := uint32(0)
		if def := enclosingFunc(n); def != nil {
			scope = def.Start + 1
		}
		return strconv.FormatUint(uint64(scope), 10) + ":" + m.File.Text(recv)
	}
	// lookup finds the application recv names at n: one made in the
	// enclosing def, else one made at the module's top level.
	lookup := func(n, recv *analysis.Node) *startupApp {
		if recv == nil {
			return nil
		}
		if a := apps[key(n, recv)]; a != nil {
			return a
		}
		// The module's application, unless a def around n binds the
		// name (a parameter `app` is another object).
		root := recv
		for root.Type() == "attribute" {
			root = analysis.Unparen(root.ChildByField("object"))
			if root == nil {
				return nil
			}
		}
		for f := m.FunctionAt(n); f != nil; f = f.Parent {
			if f.Scope != nil && f.Scope.Bindings.Get(m.File.Text(root)) != nil {
				return nil
			}
		}
		return apps["0:"+m.File.Text(recv)]
	}
	fnOf := func(arg *analysis.Node) *analysis.Function {
		arg = analysis.Unparen(arg)
		if arg == nil || arg.Type() != "identifier" {
			return nil
		}
		// The def of that name in the scope of the mention, or at the
		// module's top level; one only (a name defined twice is not
		// known to be either).
		var found *analysis.Function
		scope := enclosingFunc(arg)
		for _, f := range m.Functions {
			if f.Name != m.File.Text(arg) || f.Class != nil || f.Lambda {
				continue
			}
			parent := (*analysis.Node)(nil)
			if f.Parent != nil {
				parent = f.Parent.Node
			}
			if parent != scope && parent != nil {
				continue
			}
			if found != nil {
				return nil
			}
			found = f
		}
		return found
	}
	// Applications made by the module, and their constructors' hooks.
	m.File.Root.Walk(func(n *analysis.Node) bool {
		if n.Type() != "call" {
			return true
		}
		rec := pylib.StartupAppOf(m.Resolve(n.ChildByField("function")).Name)
		if rec == nil {
			return true
		}
		k := "call@" + strconv.FormatUint(uint64(n.Start), 10)
		if p := n.Parent(); p != nil && p.Type() == "assignment" && p.ChildByField("right") == n {
			if left := p.ChildByField("left"); left != nil && (left.Type() == "identifier" || left.Type() == "attribute") {
				k = key(n, left)
			}
		}
		a := apps[k]
		if a == nil {
			a = &startupApp{record: rec}
			apps[k] = a
		}
		for _, arg := range callArguments(n) {
			if arg.Type() != "keyword_argument" {
				continue
			}
			hook := rec.Keywords[m.File.Text(arg.ChildByField("name"))]
			if hook == nil {
				continue
			}
			value := analysis.Unparen(arg.ChildByField("value"))
			items := []*analysis.Node{value}
			if value != nil && (value.Type() == "list" || value.Type() == "tuple") {
				items = value.NamedChildren()
			}
			for _, it := range items {
				if it != nil {
					a.regs = append(a.regs, startupReg{hook: hook, fn: fnOf(it), pos: it.Start})
				}
			}
		}
		return true
	})
	if len(apps) == 0 {
		return out
	}
	// Registrations through the application, foreign start-up work, and
	// where the application is handed.
	m.File.Root.Walk(func(n *analysis.Node) bool {
		switch n.Type() {
		case "decorator":
			expr := n.NamedChildren()
			if len(expr) == 0 {
				return true
			}
			e, called := expr[0], false
			if e.Type() == "call" {
				e, called = e.ChildByField("function"), true
			}
			rec, path, ok := pylib.StartupRegistration(m.Resolve(e).Name)
			if !ok {
				return true
			}
			hook := rec.Methods[path]
			a := lookup(n, receiverOf(e, path))
			if hook == nil || a == nil || a.record != rec {
				return true
			}
			if hook.Event != "" {
				if !called || analysis.StringConstant(m.File, positionalArg(expr[0], hook.EventArg)) != hook.Event {
					return true
				}
			} else if called {
				return true
			}
			if def := n.Parent(); def != nil && def.Type() == "decorated_definition" {
				a.regs = append(a.regs, startupReg{hook: hook, fn: defs[def.ChildByField("definition")], decorator: n, pos: n.Start})
			}
			return true
		case "call":
			fn := n.ChildByField("function")
			name := m.Resolve(fn).Name
			if rec, path, ok := pylib.StartupRegistration(name); ok {
				a := lookup(n, receiverOf(fn, path))
				if a == nil || a.record != rec {
					return true
				}
				if hook := rec.Methods[path]; hook != nil {
					if p := n.Parent(); p != nil && p.Type() == "decorator" {
						return true // read as a decorator above
					}
					if hook.Event != "" && analysis.StringConstant(m.File, positionalArg(n, hook.EventArg)) != hook.Event {
						return true
					}
					a.regs = append(a.regs, startupReg{hook: hook, fn: fnOf(positionalArg(n, hook.FuncArg)), pos: n.Start})
					return true
				}
				if slices.Contains(rec.Foreign, path) {
					a.foreign = true
				}
				return true
			}
			if pylib.StandaloneServers[name] {
				return true
			}
			for _, arg := range callArguments(n) {
				v := arg
				if arg.Type() == "keyword_argument" {
					v = arg.ChildByField("value")
				}
				v = analysis.Unparen(v)
				if v == nil || v.Type() != "identifier" && v.Type() != "attribute" {
					continue
				}
				if a := lookup(n, v); a != nil {
					a.embedded = true
				}
			}
		}
		return true
	})
	for _, a := range apps {
		if a.embedded {
			continue
		}
		sort.SliceStable(a.regs, func(i, j int) bool {
			if a.regs[i].hook.Phase != a.regs[j].hook.Phase {
				return a.regs[i].hook.Phase < a.regs[j].hook.Phase
			}
			return a.regs[i].pos < a.regs[j].pos
		})
		registered := map[*analysis.Function]int{}
		for _, r := range a.regs {
			if r.fn != nil {
				registered[r.fn]++
			}
		}
		first := firstIsRegistered(a)
		quietBefore := true // every hook before this one started nothing
		for _, r := range a.regs {
			end, yields, ok := hookStart(m, r, registered)
			switch {
			case r.hook.First:
				// Runs before every other start-up code of the
				// application, merged components' included.
				if ok {
					out[r.fn] = end
				}
			case ok && quietBefore && !a.foreign && !first:
				out[r.fn] = end
			}
			quietBefore = quietBefore && ok && (end == 0 || yields)
		}
	}
	return out
}

// callArguments returns the arguments of a call node (positional, keyword
// and splats), in order.
func callArguments(call *analysis.Node) []*analysis.Node {
	args := call.ChildByField("arguments")
	if args == nil || args.Type() != "argument_list" {
		return nil
	}
	return args.NamedChildren()
}

// receiverOf returns the object a method path is reached from: for
// `app.router.on_startup.append` and path "router.on_startup.append",
// `app`; nil when the expression is not that many attributes deep.
func receiverOf(expr *analysis.Node, path string) *analysis.Node {
	for range strings.Split(path, ".") {
		expr = analysis.Unparen(expr)
		if expr == nil || expr.Type() != "attribute" {
			return nil
		}
		expr = expr.ChildByField("object")
	}
	return analysis.Unparen(expr)
}

// firstIsRegistered: the application has a hook that replaces or precedes
// every other (a Starlette lifespan); the others do not run, or run after
// it, so they are not first.
func firstIsRegistered(a *startupApp) bool {
	for _, r := range a.regs {
		if r.hook.First {
			return true
		}
	}
	return false
}

// hookStart checks one registered hook's own shape and returns where its
// start-up stops being alone on the loop (firstSharing), and whether that
// is its yield: the start-up part started nothing.
func hookStart(m *analysis.Module, r startupReg, registered map[*analysis.Function]int) (end uint32, yields, ok bool) {
	f := r.fn
	if f == nil || registered[f] != 1 || !f.Async || f.Lambda || f.Class != nil || f.Generator != r.hook.Generator {
		return 0, false, false
	}
	for _, d := range f.Decorators {
		if d == r.decorator {
			continue
		}
		expr := d.NamedChildren()
		if !r.hook.Generator || len(expr) == 0 || !pylib.GeneratorContextManagers[m.Resolve(expr[0]).Name] {
			return 0, false, false
		}
	}
	if !mentionedOnlyAt(m, f, r) {
		return 0, false, false
	}
	end, yields = firstSharing(m, f.Node)
	return end, yields, true
}

// mentionedOnlyAt reports that the module names the hook function only
// where it is defined and registered: nothing else calls or passes it.
func mentionedOnlyAt(m *analysis.Module, f *analysis.Function, r startupReg) bool {
	nameNode := f.Node.ChildByField("name")
	mentions := 0
	m.File.Root.Walk(func(n *analysis.Node) bool {
		if n.Type() != "identifier" || n == nameNode || m.File.Text(n) != f.Name || n.Field() == "attribute" ||
			n.Field() == "name" && n.Parent() != nil && n.Parent().Type() == "keyword_argument" {
			return true
		}
		mentions++
		return true
	})
	if r.decorator != nil {
		return mentions == 0
	}
	return mentions == 1
}

// firstSharing returns the offset in def's body (not its nested defs) of
// the first await, async for, async with or yield, or of the first call
// that puts work on an event loop (a task, a callback, a gathering: the
// names of loopWorkNames) or starts something (`.start()`), after which
// other work may run on, or wait for, the loop; 0 when there is none.
// yields says the first is a yield.
func firstSharing(m *analysis.Module, def *analysis.Node) (first uint32, yields bool) {
	walkBody(def.ChildByField("body"), func(n *analysis.Node) bool {
		if first != 0 && n.Start >= first {
			return false
		}
		shares := false
		switch n.Type() {
		case "await", "yield":
			shares = true
		case "for_statement", "with_statement":
			shares = n.HasToken("async")
		case "call":
			if fn := n.ChildByField("function"); fn != nil {
				word := m.File.Text(fn)
				if fn.Type() == "attribute" {
					word = m.File.Text(fn.ChildByField("attribute"))
					shares = word == "start"
				}
				shares = shares || loopWorkNames[word]
			}
		}
		if shares && (first == 0 || n.Start < first) {
			first, yields = n.Start, n.Type() == "yield"
		}
		return true
	})
	return first, yields
}
