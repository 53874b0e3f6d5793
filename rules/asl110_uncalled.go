package rules

import (
	"strings"
	"sync"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// A coroutine function handed, uncalled, where a coroutine is expected:
// `await fetch`, `asyncio.run(main)`, `asyncio.create_task(worker)`,
// `asyncio.gather(a, b())`. The function object is not awaitable, so the
// line fails every time it runs (TypeError; ValueError from asyncio.run),
// and nothing runs. The APIs are pylib's AwaitablesOneByOne records (each
// takes awaitables, one per positional argument), never trio's or anyio's
// start_soon and run, which take the function itself.

// uncalledCoroutineFunctions reports ASL110's second shape, and its third:
// a call whose value is decidably not awaitable handed to such an API
// (`asyncio.create_task(writer.close())`, scheduledNotAwaitable); it runs
// from runAwaitNonAwaitable so that one rule owns "not awaitable".
func uncalledCoroutineFunctions(p *Pass) {
	for _, f := range p.Module.Functions {
		if !f.Async {
			continue
		}
		for _, aw := range f.Awaits {
			named := aw.NamedChildren()
			if len(named) == 0 {
				continue
			}
			reportUncalled(p, analysis.Unparen(named[0]), "`await` needs an awaitable")
		}
	}
	for _, c := range p.Module.Calls {
		args := awaitableArgs(p, c)
		if len(args) == 0 {
			continue
		}
		api := "`" + p.File.Brief(c.Node.ChildByField("function")) + "()`"
		why := api + " expects a coroutine or awaitable"
		for _, arg := range args {
			if what := scheduledNotAwaitable(p, arg); what != "" && !neverRuns(p.Module, c.Node) && !onlyMentionedInDeadCode(p, c.Func) {
				p.Report(arg, "`"+p.File.Brief(arg)+"`: "+what+": "+api+" expects a coroutine or awaitable, so this "+
					"line raises every time it runs and schedules nothing; call it directly (its work is done at the "+
					"call), or hand "+api+" the coroutine that was meant")
				continue
			}
			reportUncalled(p, arg, why)
		}
	}
}

// awaitableArgs returns the positional arguments c hands to a library API
// as awaitables, one per argument (awaitablesAPI): the first, or every one
// for an API that gathers them; nil for any other call.
func awaitableArgs(p *Pass, c *analysis.Call) []*analysis.Node {
	api := awaitablesAPI(p, c)
	if api == "" {
		return nil
	}
	args := c.Node.ChildByField("arguments")
	if args == nil || args.Type() != "argument_list" {
		return nil
	}
	every := pylib.Is(api, pylib.Gathers)
	var out []*analysis.Node
	for _, arg := range args.NamedChildren() {
		if arg.Type() == "keyword_argument" || arg.Type() == "list_splat" || arg.Type() == "dictionary_splat" {
			continue
		}
		out = append(out, analysis.Unparen(arg))
		if !every {
			break
		}
	}
	return out
}

// uncalledCoroutine reports whether arg (an identifier or attribute, never
// a call) names a coroutine function of the project or a library.
func uncalledCoroutine(p *Pass, arg *analysis.Node) bool {
	return arg != nil && (arg.Type() == "identifier" || arg.Type() == "attribute") && uncalledCallee(p, arg) != ""
}

// awaitablesAPI returns the qualified name of the library API c calls when
// it takes awaitables one per positional argument, else "".
func awaitablesAPI(p *Pass, c *analysis.Call) string {
	// Most calls are of nothing of the kind: their last name says so
	// before anything is resolved.
	fn := analysis.Unparen(c.Node.ChildByField("function"))
	last := fn
	if fn != nil && fn.Type() == "attribute" {
		last = fn.ChildByField("attribute")
	}
	if last == nil || last.Type() != "identifier" || !awaitablesLastNames()[p.File.Text(last)] {
		return ""
	}
	for _, name := range []string{c.Callee, p.Project.Callee(c).Name} {
		if name == "" {
			continue
		}
		if pylib.TakesAwaitablesOneByOne(name) {
			return name
		}
		if canon := p.Project.Canonical(name); pylib.TakesAwaitablesOneByOne(canon) {
			return canon
		}
	}
	return ""
}

// reportUncalled reports arg when it names a coroutine function of the
// project or a library (an identifier or attribute, never a call).
func reportUncalled(p *Pass, arg *analysis.Node, why string) {
	if arg == nil || arg.Type() != "identifier" && arg.Type() != "attribute" {
		return
	}
	callee := uncalledCallee(p, arg)
	if callee == "" {
		return
	}
	name := p.File.Brief(arg)
	fix := &Fix{Title: "Call `" + name + "`", Edits: []Edit{{Start: int(arg.End), End: int(arg.End), New: "()"}}}
	p.Report(arg, "`"+name+"` is a coroutine function, not a coroutine: "+why+", so this line raises "+
		"every time it runs and `"+callee+"` never runs; call it: `"+name+"(...)`", WithFix(fix))
}

// uncalledCallee returns the name of the coroutine function of the project
// or a library that arg (an identifier or attribute) names, or "": also ""
// for a method read through an instance when a subclass or a patch may put
// an awaitable under its name (Project.MethodMayBeReplaced).
func uncalledCallee(p *Pass, arg *analysis.Node) string {
	if f := coroutineFunctionRef(p, arg); f != nil {
		if arg.Type() == "attribute" && p.Project.MethodMayBeReplaced(f, p.overrideKeyNote()) {
			return ""
		}
		return f.Name
	}
	return libraryCoroutineRef(p, arg)
}

// libraryCoroutineRef returns the qualified name of the library coroutine
// function or method arg names (`session.close`, `event.wait` on a receiver
// typed as the library's class, pylib's Coroutine records), or "".
func libraryCoroutineRef(p *Pass, arg *analysis.Node) string {
	r := p.Module.Resolve(arg)
	if r.Func != nil || r.Class != nil || r.Instance || r.Name == "" {
		return ""
	}
	for _, name := range []string{r.Name, p.Project.Canonical(r.Name)} {
		if pylib.Is(name, pylib.Coroutine) {
			return name
		}
	}
	return ""
}

// awaitablesLastNames are the last dotted components of pylib's
// AwaitablesOneByOne APIs ("gather", "create_task", "run_until_complete").
var awaitablesLastNames = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	pylib.Each(pylib.AwaitsArgs, func(a pylib.API) {
		if a.AwaitablesOneByOne {
			out[a.Name[strings.LastIndex(a.Name, ".")+1:]] = true
		}
	})
	return out
})

// onlyMentionedInDeadCode reports whether f, a private function or method
// (analysis.PrivateName: the module's own), is mentioned in its module,
// other than by its own definition, only in code that never runs
// (neverRuns): nothing calls it or hands it on, so its body never runs
// either. Code generated from an async twin keeps such methods: pymongo's
// synchronous periodic_executor.py defines `_run_async` (`asyncio.run(
// self._run())`, where `_run` is now a plain def) and hands it to a thread
// only in the `else` of `if _IS_SYNC:`, with `_IS_SYNC = True`. A name never
// mentioned at all is not taken for dead (another module, a framework or a
// subclass may call it by name).
func onlyMentionedInDeadCode(p *Pass, f *analysis.Function) bool {
	if f == nil || f.Lambda || f.Node == nil || !analysis.PrivateName(f.Name) || p.Module.File.Root == nil {
		return false
	}
	mentioned, live := false, false
	p.Module.File.Root.Walk(func(n *analysis.Node) bool {
		if live || n == f.Node {
			return false
		}
		if n.Type() == "identifier" && p.File.Text(n) == f.Name {
			mentioned = true
			if !neverRuns(p.Module, n) {
				live = true
			}
		}
		return true
	})
	return mentioned && !live
}
