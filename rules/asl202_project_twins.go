package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
)

// A project class that declares a method and its coroutine twin
// (`embed_text` and `async def a_embed_text`, `load` and `aload`, `fetch`
// and `fetch_async`) says in its own interface that the synchronous one
// does the twin's work without yielding: the I/O the coroutine awaits, the
// synchronous method waits for. A coroutine that calls the synchronous one
// (the async path of a sync/async pair copied from the sync path) blocks
// the event loop there, although the body that blocks may be out of sight:
// an abstract method whose implementations are plugins, or a client the
// analysis cannot type (bench/realbugs78's deepeval context generator).
//
// The call's value must be used, and the synchronous method not annotated
// `-> None`: a method whose result is the twin's result had to wait for it,
// where one that returns nothing may only have started the work
// (libervia's abstract `send`/`a_send` pair: `send` puts `a_send` in a
// Deferred; a dispatcher's `event` schedules the handlers `event_async`
// awaits).
//
// The twin must be a coroutine function whose body shows that the work is
// I/O: it is abstract (the interface's contract, for implementations to
// keep), it hands the synchronous method to a thread (`await
// asyncio.to_thread(self.read, path)`), or it awaits a library's coroutine
// (`await self._client.get(url)` on an httpx.AsyncClient). A twin that
// only awaits the project's own coroutines or callables is not enough: an
// event dispatcher's `event_async` awaits its handlers where `event` runs
// the synchronous ones and schedules the rest, and a `spawn_workers_async`
// awaits the run that `spawn_workers` puts in a task (the corpora's
// slixmpp, poezio, libervia and eartag: not blocking). The twin must not
// call the synchronous method (`async def aget(self, k): return
// self.get(k)` is a class that runs it on the loop itself, an in-memory
// store). The synchronous method must not run the twin itself
// (`def get(self): return asyncio.run(self.aget())`, ASL101's business),
// and the calling coroutine must not be a twin of it called on its own
// instance (an override that delegates: `return self.embed_text(t)` in
// `a_embed_text`). A chain ASL201 already reports through the method's body is
// left to ASL201.

// projectTwinUse is a call, in a coroutine, of the synchronous member of a
// project class's sync/async method pair.
type projectTwinUse struct {
	Call        *analysis.Call
	Sync, Async *analysis.Function
}

// coroutineTwinNames are the names the coroutine twin of a method named
// name takes in Python APIs: a(name) and a_(name) (`invoke`/`ainvoke`,
// `embed_text`/`a_embed_text`), async_(name), (name)_async and
// (name)Async, keeping leading underscores (`_get`/`_aget`).
func coroutineTwinNames(name string) []string {
	rest := strings.TrimLeft(name, "_")
	if len(rest) < 3 || strings.HasPrefix(rest, "_") {
		return nil
	}
	lead := name[:len(name)-len(rest)]
	return []string{lead + "a" + rest, lead + "a_" + rest, lead + "async_" + rest, name + "_async", name + "Async"}
}

// isCoroutineTwinName reports whether name is one of the coroutine twin
// names of sync.
func isCoroutineTwinName(name, sync string) bool {
	for _, t := range coroutineTwinNames(sync) {
		if t == name {
			return true
		}
	}
	return false
}

// projectSyncTwinCalls returns the module's calls, made directly in a
// coroutine, of a synchronous method of a project class that also declares
// the method's coroutine twin, in source order.
func projectSyncTwinCalls(p *Pass) []projectTwinUse {
	var out []projectTwinUse
	var viaHelpers map[*analysis.Call]bool
	for _, c := range p.Module.Calls {
		if !c.InAsync() || c.Usage == analysis.UsageDropped || c.Usage == analysis.UsageAwaited || c.Usage == analysis.UsageScheduled {
			continue
		}
		fn := c.Node.ChildByField("function")
		if fn == nil || fn.Type() != "attribute" {
			continue
		}
		sync := p.Project.Target(c)
		if sync == nil || sync.Class == nil || sync.Async || sync.Lambda || sync.Generator || sync.IsProperty() ||
			sync.IsCoroutineFunction() || strings.HasPrefix(sync.Name, "__") || p.File.Text(fn.ChildByField("attribute")) != sync.Name ||
			annotatedNone(sync) {
			continue
		}
		if isCoroutineTwinName(c.Func.Name, sync.Name) && onOwnInstance(p, c.Func, fn) {
			continue
		}
		twin := coroutineTwinOf(p.Project, sync)
		if twin == nil || !stubBody(sync.Module().File, sync.Node) && callsNothingThatWaits(sync) &&
			!bodyNamesIdentifier(twin, sync.Name) {
			continue
		}
		if p.Project.IsCoroutineFunction(c, nil) || awaitedIfAwaitable(p.Module, c) || expectedToRaise(p.Module, c.Node) ||
			guardedAgainstBlocking(p.Module, c) {
			continue
		}
		if viaHelpers == nil {
			viaHelpers = map[*analysis.Call]bool{}
			for _, h := range blockingViaHelpers.of(p) {
				viaHelpers[h.Call] = true
			}
		}
		if viaHelpers[c] {
			continue
		}
		out = append(out, projectTwinUse{Call: c, Sync: sync, Async: twin})
	}
	return out
}

// coroutineTwinOf returns the coroutine twin that sync's class (or a
// project base of it) declares for sync, when it does asynchronous work
// of its own (it awaits, or it is abstract) without calling sync, and sync
// does not run it; nil otherwise.
func coroutineTwinOf(proj *analysis.Project, sync *analysis.Function) *analysis.Function {
	for _, name := range coroutineTwinNames(sync.Name) {
		twin := proj.ProjectMethod(sync.Class, name)
		if twin == nil || !twin.IsCoroutineFunction() {
			continue
		}
		if callsMethodNamed(twin, sync.Name) || bodyNamesIdentifier(sync, name) {
			continue
		}
		if stubBody(twin.Module().File, twin.Node) || bodyNamesIdentifier(twin, sync.Name) || awaitsLibraryCall(proj, twin) {
			return twin
		}
	}
	return nil
}

// callsMethodNamed reports whether f calls a function or method named
// name (`self.get(k)`, `get(k)`), in its own body.
func callsMethodNamed(f *analysis.Function, name string) bool {
	file := f.Module().File
	for _, c := range f.Calls {
		fn := c.Node.ChildByField("function")
		switch {
		case fn == nil:
		case fn.Type() == "attribute" && file.Text(fn.ChildByField("attribute")) == name:
			return true
		case fn.Type() == "identifier" && file.Text(fn) == name:
			return true
		}
	}
	return false
}

// bodyNamesIdentifier reports whether f's body names name as an attribute or a
// variable (`asyncio.run(self.aget(k))`, `run_sync(self.aget)`).
func bodyNamesIdentifier(f *analysis.Function, name string) bool {
	body := f.Node.ChildByField("body")
	if body == nil {
		return false
	}
	file := f.Module().File
	found := false
	body.Walk(func(n *analysis.Node) bool {
		if found {
			return false
		}
		if n.Type() == "identifier" && file.Text(n) == name {
			found = true
		}
		return !found
	})
	return found
}

// projectTwinMessage is the finding's message for a call of a synchronous
// method that has a coroutine twin.
func projectTwinMessage(p *Pass, u projectTwinUse) string {
	fn := u.Call.Node.ChildByField("function")
	recv := p.File.Brief(fn.ChildByField("object"))
	owner := u.Async.Class.Name
	return withDelay(p, "`"+p.File.Brief(fn)+"()` blocks the event loop in async function `"+u.Call.Func.Name+"`: `"+owner+
		"` declares `"+u.Sync.Name+"` beside its coroutine twin `"+u.Async.Name+"`, so the synchronous one waits for the work "+
		"the twin awaits; use `await "+recv+"."+u.Async.Name+"(...)`", int(u.Call.Node.Start))
}

// onOwnInstance reports whether the method call fn (an attribute) is made
// on the first parameter of the method f (`self.get(k)` in a method).
func onOwnInstance(p *Pass, f *analysis.Function, fn *analysis.Node) bool {
	obj := analysis.Unparen(fn.ChildByField("object"))
	return f.Class != nil && len(f.Params) > 0 && obj != nil && obj.Type() == "identifier" && p.File.Text(obj) == f.Params[0]
}

// awaitsLibraryCall reports whether f awaits, directly, a call of a
// library's coroutine function or method (a resolved callee that is not
// the project's), other than the event loop's own primitives (asyncio's,
// anyio's and trio's sleeps, gathers, waits and locks, which any
// coroutine may await without doing I/O).
func awaitsLibraryCall(proj *analysis.Project, f *analysis.Function) bool {
	calls := map[*analysis.Node]*analysis.Call{}
	for _, c := range f.Calls {
		calls[c.Node] = c
	}
	for _, a := range f.Awaits {
		var e *analysis.Node
		for _, ch := range a.NamedChildren() {
			e = analysis.Unparen(ch)
		}
		c := calls[e]
		if c == nil || c.Callee == "" || proj.Lookup(c.Callee).Func != nil || proj.Lookup(c.Callee).Class != nil {
			continue
		}
		root, _, _ := strings.Cut(c.Callee, ".")
		switch root {
		case "asyncio", "anyio", "trio", "contextlib", "builtins":
			continue
		}
		return true
	}
	return false
}

// annotatedNone reports a function whose return annotation is None.
func annotatedNone(f *analysis.Function) bool {
	r := f.Node.ChildByField("return_type")
	return r != nil && f.Module().File.Text(r) == "None"
}

// callsNothingThatWaits reports a function whose body, in sight, calls
// nothing but builtins (`return self._token`, `return self._cache[key]`,
// `len(self._items)`): it cannot wait for the work
// its coroutine twin awaits, it reads what the twin stored (a cache's
// synchronous accessor beside the coroutine that fills it). Unless the
// twin hands it to a thread (`await asyncio.to_thread(self.read, path)`):
// the class says it blocks.
func callsNothingThatWaits(f *analysis.Function) bool {
	for _, c := range f.Calls {
		if !strings.HasPrefix(c.Callee, "builtins.") {
			return false
		}
	}
	return true
}
