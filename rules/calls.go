package rules

import (
	"strings"
	"unicode"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// What a call creates, as several rules ask it: a coroutine object (ASL102,
// ASL103, ASL104) or a task (ASYNC300, ASL301), from the library table, the
// project's definitions and the [tool.asyncls] settings; and what made a
// receiver (receiverType, constructorCall), which the blocking families ask
// to tell a call that cannot block.

// isCoroutineCall reports whether c returns a coroutine object.
func isCoroutineCall(p *Pass, c *analysis.Call) bool {
	return knownCoroutineCall(p, c) || len(awaitedTwins(p, c)) > 0
}

// knownCoroutineCall is isCoroutineCall by what the callee is (a project
// coroutine function, a library record, the configuration), not by how the
// module treats its other calls.
func knownCoroutineCall(p *Pass, c *analysis.Call) bool {
	// A method named like a coroutine wherever it occurs, on a receiver of
	// unknown type: no callee, or one named through an import of a module
	// neither the project nor pylib knows (`from app.llm import llm` with
	// app/llm.py not in the run). The name is tested first: it is cheap,
	// and rarely matches.
	// Stream methods count only inside a coroutine, the LLM frameworks'
	// a-prefixed twins in any function (pylib.AsyncTwinMethods).
	if fn := c.Node.ChildByField("function"); fn != nil && fn.Type() == "attribute" && c.Func != nil {
		if attr := p.File.Text(fn.ChildByField("attribute")); (c.Func.Async && pylib.StreamCoroutineMethods[attr] || pylib.AsyncTwinMethods[attr]) &&
			unknownLibraryMethod(p, c, attr) {
			return true
		}
	}
	if p.isCoroutineFunction(c) {
		return !librarySyncOverride(p, c)
	}
	if unresolvedDjangoModelCall(p, c) || returnsUnresolvedDjangoModelCall(p, c) {
		return true
	}
	return configuredCoroutine(p, c)
}

// returnsUnresolvedDjangoModelCall reports a call of a synchronous function
// of the same module that only returns what unresolvedDjangoModelCall
// takes for a coroutine (`def get_room(self): return
// Room.objects.aget(...)`, or the attribute it memoises that in): a
// coroutine factory, as IsCoroutineFunction takes one that returns a
// project or library coroutine; from synchronous code only when every
// path returns. The heuristic is judged in the module that writes the
// call, so only a function of the caller's module is looked into.
func returnsUnresolvedDjangoModelCall(p *Pass, c *analysis.Call) bool {
	t := c.Target
	if t == nil || t.Async || t.Name == "__init__" || t.Module() != p.Module {
		return false
	}
	if !pylib.ImportsDjango(p.Module.ImportNames()) {
		return false
	}
	return p.Project.ReturnsOnly(t, !c.InCoroutine(), func(inner *analysis.Call) bool { return unresolvedDjangoModelCall(p, inner) })
}

// unresolvedDjangoModelCall reports a call of one of Django's async ORM
// twins where the model class comes from an app's models module that this
// module cannot resolve itself (`from authentication.models import User`;
// judged in the module alone, so every entry point agrees whether or not
// the run holds authentication/models.py), in a module that imports
// Django or Channels: a manager's or queryset's coroutine
// (pylib.DjangoAsyncManagerMethods) on an attribute of that class
// (`User.objects.aget(...)`, a custom manager `Movie.mgr.aget(...)`) or on a
// queryset built from it (`User.objects.filter(...).afirst()`), or a model
// instance's coroutine (pylib.DjangoAsyncModelMethods) on a value of that
// class (`user.asave()` with `user: User`). The class and the method name
// together say what the call is: no other library hands out classes from
// an app's `models` module with `a`-prefixed twins of Django's query
// methods.
func unresolvedDjangoModelCall(p *Pass, c *analysis.Call) bool {
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || c.Func == nil {
		return false
	}
	attr := p.File.Text(fn.ChildByField("attribute"))
	manager, instance := pylib.DjangoAsyncManagerMethods[attr], pylib.DjangoAsyncModelMethods[attr]
	if !manager && !instance || !pylib.ImportsDjango(p.Module.ImportNames()) || !unknownLibraryMethod(p, c, attr) {
		return false
	}
	recv := analysis.Unparen(fn.ChildByField("object"))
	if instance {
		if r := p.Module.Resolve(recv); r.Instance && unresolvedModelClass(r) {
			return true
		}
	}
	return manager && onUnresolvedModelManager(p, recv)
}

// onUnresolvedModelManager reports a receiver that is a manager of a model
// class of an app's models module the module cannot resolve (`User.objects`,
// `Movie.mgr`), or a queryset built from one by lazy methods
// (`User.objects.filter(...)`).
func onUnresolvedModelManager(p *Pass, recv *analysis.Node) bool {
	// Down a queryset chain to the manager: `User.objects.filter(...)`.
	for recv != nil && recv.Type() == "call" {
		f := recv.ChildByField("function")
		if f == nil || f.Type() != "attribute" || !pylib.DjangoLazyQuerySetMethods[p.File.Text(f.ChildByField("attribute"))] {
			return false
		}
		recv = analysis.Unparen(f.ChildByField("object"))
	}
	if recv == nil || recv.Type() != "attribute" {
		return false
	}
	r := p.Module.Resolve(recv.ChildByField("object"))
	return !r.Instance && unresolvedModelClass(r)
}

// unresolvedModelClass reports a reference to a class named in an app's
// models module (`authentication.models.User`, pylib.DjangoModelsModule)
// that neither the project nor pylib defines.
func unresolvedModelClass(r analysis.Ref) bool {
	if r.Class != nil || r.Func != nil {
		return false
	}
	name := r.Name
	if name == "" {
		name = r.Via
	}
	if name == "" || knownAPI(name) {
		return false
	}
	parts := strings.Split(name, ".")
	for i := 0; i+1 < len(parts); i++ {
		if parts[i] == pylib.DjangoModelsModule && parts[i+1] != "" && unicode.IsUpper(rune(parts[i+1][0])) {
			return i+2 == len(parts)
		}
	}
	return false
}

// unknownLibraryMethod reports a call of method attr that neither the
// project nor pylib resolves (no callee, or one named through an import of
// a module neither knows), and that no class of the project defines as a
// synchronous method (in this module, or only so anywhere): the cases where
// a method's name alone may say it is a coroutine.
func unknownLibraryMethod(p *Pass, c *analysis.Call, attr string) bool {
	return (c.Callee == "" || p.Project.Target(c) == nil && !knownAPI(c.Callee)) && !definesSyncMethod(p.Module, attr) &&
		(p.Project == nil || !p.Project.DefinesOnlySyncMethod(attr, p.projectUsesAsValue))
}

// knownAPI reports a name pylib has a record for.
func knownAPI(name string) bool {
	_, ok := pylib.Lookup(name)
	return ok
}

// definesSyncMethod reports whether the module defines a synchronous method
// called name: a receiver of unknown type may then be that class's object
// (a device interface's `drain()`), not a stream writer. (A name the
// project's classes define only as synchronous methods, in any module,
// counts too: Project.DefinesOnlySyncMethod, a shop's `achat()`.)
func definesSyncMethod(m *analysis.Module, name string) bool {
	for _, f := range m.Functions {
		if f.Class != nil && !f.Async && f.Name == name {
			return true
		}
	}
	return false
}

// isAwaitableObjectCall reports a library call that returns an awaitable
// object other than a coroutine (a future, a request context manager): it
// may be awaited several times, kept and returned.
func isAwaitableObjectCall(p *Pass, c *analysis.Call) bool {
	name := p.Project.Callee(c).Name
	if name != "" && (pylib.Is(name, pylib.Awaitable) || pylib.Is(p.Project.Canonical(name), pylib.Awaitable)) {
		return true
	}
	// A project function that only returns one (`def gather(self, *fs):
	// return asyncio.gather(*fs)`) returns the library's awaitable object
	// (a Future), with its methods, not a coroutine.
	f := p.Project.Target(c)
	return f != nil && p.Project.Wrapper("awaitableObject", f, returnsLibraryAwaitable)
}

// returnsLibraryAwaitable: call c makes a library awaitable object.
func returnsLibraryAwaitable(m *analysis.Module, c *analysis.Call) bool {
	name := m.Resolve(c.Node.ChildByField("function")).Name
	return name != "" && pylib.Is(name, pylib.Awaitable)
}

// isCoroutineObjectCall reports a call that returns a coroutine object
// proper (which runs once).
func isCoroutineObjectCall(p *Pass, c *analysis.Call) bool {
	return isCoroutineCall(p, c) && !isAwaitableObjectCall(p, c)
}

// configuredCoroutine applies [tool.asyncls] coroutine-functions and
// coroutine-wrappers to a call.
func configuredCoroutine(p *Pass, c *analysis.Call) bool {
	if p.Options == nil || len(p.Options.ExtraCoroutines)+len(p.Options.CoroutineWrappers) == 0 {
		return false
	}
	name := p.Project.Callee(c).Name
	if name != "" && (configured(p.Options.ExtraCoroutines, name) || configured(p.Options.ExtraCoroutines, p.Project.Canonical(name))) {
		return true
	}
	f := p.Project.Target(c)
	if f == nil || !f.Async || f.Generator || f.Lambda || len(p.Options.CoroutineWrappers) == 0 {
		return false
	}
	for _, e := range f.DecoratorCallees() {
		dn := f.Module().Resolve(e).Name
		if !pylib.KeepsCoroutine[dn] && !configured(p.Options.CoroutineWrappers, dn) &&
			!configured(p.Options.CoroutineWrappers, p.Project.Canonical(dn)) {
			return false
		}
	}
	return true
}

// configured reports whether name matches one of the configured entries:
// a qualified name, or a `module.*` prefix.
func configured(entries []string, name string) bool {
	if name == "" {
		return false
	}
	for _, e := range entries {
		if i := strings.Index(e, "->"); i >= 0 {
			e = e[:i]
		}
		e = strings.TrimSpace(e)
		if name == e || (strings.HasSuffix(e, ".*") && strings.HasPrefix(name, strings.TrimSuffix(e, "*"))) {
			return true
		}
	}
	return false
}

// isTaskFactory reports a call that creates a task: asyncio's factories, a
// loop's create_task, or a synchronous function of the project that only
// returns what one of those makes (`def spawn(coro): return
// asyncio.create_task(coro)`), through any number of such wrappers.
func isTaskFactory(p *Pass, c *analysis.Call) bool {
	if isTaskFactoryCall(p.Module, c) {
		return true
	}
	var extra []string
	if p.Options != nil {
		extra = p.Options.ExtraTaskFactories
	}
	direct := func(m *analysis.Module, c *analysis.Call) bool {
		return isTaskFactoryCall(m, c) || configuredTaskFactory(p.Project, extra, c)
	}
	if configuredTaskFactory(p.Project, extra, c) {
		return true
	}
	// The wrappers of configured factories are factories too; the memo is
	// the project's, shared by runs with other settings, so its key names
	// the configured list.
	t := p.Project.Target(c)
	return t != nil && !t.Async && p.Project.Wrapper("task-factory "+strings.Join(extra, ","), t, direct)
}

// configuredTaskFactory reports a call of a `task-factories` entry.
func configuredTaskFactory(proj *analysis.Project, extra []string, c *analysis.Call) bool {
	if len(extra) == 0 {
		return false
	}
	name := proj.Callee(c).Name
	return configured(extra, name) || configured(extra, proj.Canonical(name))
}

func isTaskFactoryCall(m *analysis.Module, c *analysis.Call) bool {
	if pylib.Is(c.Callee, pylib.TaskFactory) {
		return true
	}
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || m.File.Text(fn.ChildByField("attribute")) != "create_task" {
		return false
	}
	// The resolver names an attribute of a library object it has no type for
	// by its path ("discord.Client.loop.create_task" for self.loop in a
	// discord.Client subclass): a receiver named like a loop is then taken as
	// one, as it is when nothing resolves.
	if c.Callee != "" && !strings.HasSuffix(c.Callee, "loop.create_task") {
		return false
	}
	return loopLikeReceiver(m.File, fn.ChildByField("object"))
}

// loopLikeReceiver reports whether an expression reads as an event loop by
// its name: loop, self.loop, bot.loop, self._loop, or a name ending in
// `_loop` (event_loop, self.app.aio_loop: subiquity's Application keeps its
// asyncio loop there), or a call of get_event_loop / get_running_loop /
// new_event_loop.
func loopLikeReceiver(f *analysis.File, recv *analysis.Node) bool {
	if recv == nil {
		return false
	}
	var name string
	switch recv.Type() {
	case "identifier":
		name = f.Text(recv)
	case "attribute":
		name = f.Text(recv.ChildByField("attribute"))
	case "call":
		fn := recv.ChildByField("function")
		if fn != nil && fn.Type() == "attribute" {
			fn = fn.ChildByField("attribute")
		}
		return pylib.Method(f.Text(fn), pylib.ReturnsEventLoop)
	}
	name = strings.TrimLeft(name, "_")
	return name == "loop" || strings.HasSuffix(name, "_loop")
}

// instanceType is receiverType, also following a module-level variable
// of another module of the project (`from .locks import lock`, or
// `locks.lock`, with `lock = threading.Lock()` in pkg/locks.py), which
// the module resolves only to its qualified name.
// So is a value another module of the project gives (an injected
// dependency, a fixture, a factory's return: projectValue).
func instanceType(p *Pass, n *analysis.Node) string {
	if r := projectValue(p, p.Module, n); r.Instance {
		return r.Name
	}
	return ""
}

// projectValue is what expression n of module m denotes, following a value
// path through the project's other modules (`make_pubsub().listen`, a
// function of another module returning a library object; a parameter
// FastAPI fills from a dependency of another module) and a module-level
// variable of another module (globalInstance).
func projectValue(p *Pass, m *analysis.Module, n *analysis.Node) analysis.Ref {
	r := m.Resolve(n)
	if !r.Instance && r.Via != "" && p.Project != nil {
		r = p.Project.ResolveVia(r.Via)
	}
	return globalInstance(p, r)
}

// globalInstance is r, or, when r only names a module-level variable of a
// project module, the instance that variable holds
// (Project.GlobalInstanceType).
func globalInstance(p *Pass, r analysis.Ref) analysis.Ref {
	if r.Instance || r.Name == "" || r.Func != nil || r.Class != nil || p.Project == nil {
		return r
	}
	if t := p.Project.GlobalInstanceType(r.Name); t != "" {
		return analysis.Ref{Name: t, Instance: true}
	}
	return r
}

// receiverType returns the type of the instance expression n evaluates to,
// as the semantic model resolves it (constructors, annotations, `with ...
// as` targets, and the library table's return types).
func receiverType(m *analysis.Module, n *analysis.Node) string {
	if r := m.Resolve(n); r.Instance && r.Name != "" {
		return r.Name
	}
	return ""
}

// constructorCall follows a name or self attribute assigned once to the call
// that created its value. A `None` assigned besides (`f = None` before a
// `try:` that opens it, or after closing it) makes nothing, for a local as
// for an attribute: the name still holds only what that one call made.
func constructorCall(m *analysis.Module, n *analysis.Node, depth int) *analysis.Node {
	n = analysis.Unparen(n)
	if n == nil || depth > 6 {
		return nil
	}
	switch n.Type() {
	case "call":
		return n
	case "identifier":
		b := m.ScopeAt(n).Lookup(m.File.Text(n))
		if b == nil || b.Kind != analysis.BindAssign {
			return nil
		}
		if made := constructingValues(b.Values); len(made) == 1 {
			return constructorCall(m, made[0], depth+1)
		}
	case "attribute":
		obj := m.Resolve(n.ChildByField("object"))
		if obj.Class == nil || !obj.Instance {
			return nil
		}
		own := false
		for _, c := range m.Classes {
			own = own || c == obj.Class
		}
		made := constructingValues(obj.Class.AttrValues(m.File.Text(n.ChildByField("attribute"))))
		if own && len(made) == 1 {
			return constructorCall(m, made[0], depth+1)
		}
	case "subscript":
		// queues[key] where queues = {} is filled one value at a time,
		// always with the same value: what made that value.
		if owner, values := m.FilledMappingValues(n.ChildByField("value")); owner == m && len(values) == 1 {
			return constructorCall(m, values[0], depth+1)
		}
	}
	return nil
}

// constructingValues are the values assigned to an attribute that may make
// its object: `self._f = None` (not opened yet, or closed) constructs
// nothing, nor does an annotation (`self._t: Optional[Thread] = None`).
func constructingValues(values []*analysis.Node) []*analysis.Node {
	var made []*analysis.Node
	for _, v := range values {
		if v = analysis.Unparen(v); v != nil && v.Type() != "none" && v.Type() != "type" {
			made = append(made, v)
		}
	}
	return made
}

// awaitedTwins asks analysis.Project.AwaitedTwins, recording its
// project-wide question for the cache.
func awaitedTwins(p *Pass, c *analysis.Call) []*analysis.Call {
	if p.Project == nil {
		return nil
	}
	return p.Project.AwaitedTwins(p.Module, c, p.projectUsesAsValue)
}

// librarySyncOverride reports a call of a library class's coroutine method
// reached through an attribute the library types as its own class
// (Textual's `self.app`, typed textual.app.App) when a class of the module
// or of a module it imports derives from that class and defines the
// method other than as a coroutine function (`class MyApp(App): def
// action_quit(self): self.exit()`): the object is then likely the
// project's subclass, whose method needs no await. Only the import closure
// is read, so that every view of the project answers alike.
func librarySyncOverride(p *Pass, c *analysis.Call) bool {
	if c.Target != nil {
		return false
	}
	name := p.Project.Callee(c).Name
	dot := strings.LastIndexByte(name, '.')
	if dot <= 0 || !pylib.Is(name, pylib.Coroutine) || p.Project.Target(c) != nil {
		return false
	}
	class, method := name[:dot], name[dot+1:]
	// The receiver is typed as the library's class itself, not as a class
	// of the project (whose own overrides the project's resolution reads).
	if fn := c.Node.ChildByField("function"); fn == nil || fn.Type() != "attribute" ||
		p.Module.Resolve(fn.ChildByField("object")).Class != nil {
		return false
	}
	// The project's classes that define the method other than as a
	// coroutine function first: most names none does, and the import
	// closure was walked again for every such call (~1 % of a check).
	var closure map[*analysis.Module]bool
	for _, cl := range p.Project.ClassesDefiningSync(method) {
		if f := cl.Methods[method]; f == nil || f.Async && !f.Generator {
			continue
		}
		if closure == nil {
			closure = p.Project.ImportClosure(p.Module)
		}
		if closure[cl.Module()] && p.Project.LibraryBaseWhere(cl, func(lib string) bool { return lib == class }) != nil {
			return true
		}
	}
	return false
}
