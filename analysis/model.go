package analysis

import (
	"iter"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/asyncls/asyncls/pylib"
)

// ScopeKind distinguishes Python's scopes.
type ScopeKind uint8

const (
	ModuleScope ScopeKind = iota
	ClassScope
	FunctionScope
	LambdaScope
	ComprehensionScope
)

// BindingKind says how a name was bound in a scope.
type BindingKind uint8

const (
	BindImport BindingKind = iota
	BindParam
	BindAssign
	BindDef   // def / async def
	BindClass // class
	BindOther // except targets, del, match captures, names bound several ways...
	// BindLoop: a for-loop or comprehension target; its values are the
	// target nodes, resolved to the element type of the iterable when
	// every element has one (unpack.go).
	BindLoop
)

// Binding is one name bound in a scope. A name bound several times keeps
// every value so resolution can tell when they disagree.
type Binding struct {
	Name string
	Kind BindingKind
	// The resolution of an assigned name is computed once, while the module
	// is built (resolving every value recursively each time is exponential
	// for chains like `s = s.strip()`); afterwards it is only read. ref is
	// nil when nothing is known: most bindings are parameters and names that
	// resolve to nothing, and a Ref is 56 bytes.
	resolving, resolved bool
	ref                 *Ref

	Node      *Node   // the defining node (identifier, function_definition, ...)
	Qualified string  // BindImport: the imported qualified name
	Values    []*Node // BindAssign: right-hand sides (nil entries for unknown values)
	Func      *Function
	Class     *Class
}

// resolution is the memoised resolution (see resolveBinding).
func (b *Binding) resolution() Ref {
	if b.ref == nil {
		return Ref{}
	}
	return *b.ref
}

// setResolution memoises r.
func (b *Binding) setResolution(r Ref) {
	b.resolved = true
	if r == (Ref{}) {
		b.ref = nil
		return
	}
	// A copy made here: with &r, r went to the heap at every call, the
	// empty resolutions (most) included: ~6 MB of garbage on corpus/big
	// between the calls and scopes of the same size class.
	p := new(Ref)
	*p = r
	b.ref = p
}

// Scope is a Python scope. Only function and lambda scopes own a Function.
// A project keeps every scope of every module: a Scope is 80 bytes.
type Scope struct {
	Kind     ScopeKind
	Node     *Node
	Parent   *Scope
	Func     *Function // the function or lambda for FunctionScope / LambdaScope
	Class    *Class    // for ClassScope
	Bindings Bindings
	declared map[string]declaration // the names of its global and nonlocal statements; nil for most
}

// declaration is how a global or nonlocal statement declares a name.
type declaration uint8

const (
	declaredGlobal declaration = 1 << iota
	declaredNonlocal
)

// Global reports a name the scope declares global.
func (s *Scope) Global(name string) bool { return s.declared[name]&declaredGlobal != 0 }

// Nonlocal reports a name the scope declares nonlocal.
func (s *Scope) Nonlocal(name string) bool { return s.declared[name]&declaredNonlocal != 0 }

// declare records a global or nonlocal statement's name.
func (s *Scope) declare(name string, d declaration) {
	if s.declared == nil {
		s.declared = map[string]declaration{}
	}
	s.declared[name] |= d
}

// Bindings are a scope's bindings by name. Most scopes bind a few names,
// which a list holds in a fraction of a map's smallest table (a check
// keeps every scope of a project); a scope with more is indexed by a map
// while its module is built, and once it is built (finish) by a table of
// the places of its bindings, open-addressed by the hash of the name: 8
// to 16 bytes a name instead of a map's ~40.
type Bindings struct {
	list  []*Binding // in the order the names were first bound
	index *bindingIndex
}

// bindingIndex indexes the bindings of a scope past smallBindings names:
// by a map while its module is built, by slots once it is.
type bindingIndex struct {
	byMap map[string]*Binding
	// slots is a power of two at least twice the bindings: each holds a
	// place in the list plus one (0: empty), at the hash of its name
	// (wordHashString) or, taken, at the next free slot.
	slots []int32
}

// smallBindings is how many bindings a scope looks up by scanning its list.
const smallBindings = 8

// Get returns the binding of name, or nil.
func (bs *Bindings) Get(name string) *Binding {
	if x := bs.index; x != nil {
		if x.byMap != nil {
			return x.byMap[name]
		}
		mask := uint64(len(x.slots) - 1)
		for i := wordHashString(name) & mask; ; i = (i + 1) & mask {
			at := x.slots[i]
			if at == 0 {
				return nil
			}
			if b := bs.list[at-1]; b.Name == name {
				return b
			}
		}
	}
	for _, b := range bs.list {
		if b.Name == name {
			return b
		}
	}
	return nil
}

// All yields each name and its binding, in the order the names were
// first bound.
func (bs *Bindings) All() iter.Seq2[string, *Binding] {
	return func(yield func(string, *Binding) bool) {
		for _, b := range bs.list {
			if !yield(b.Name, b) {
				return
			}
		}
	}
}

// add binds b.Name, which is not bound yet.
func (bs *Bindings) add(b *Binding) {
	bs.list = append(bs.list, b)
	switch {
	case bs.index != nil && bs.index.byMap != nil:
		bs.index.byMap[b.Name] = b
	case len(bs.list) > smallBindings:
		bs.index = &bindingIndex{byMap: make(map[string]*Binding, 2*len(bs.list))}
		for _, b := range bs.list {
			bs.index.byMap[b.Name] = b
		}
	}
}

// finish compacts the bindings once the module is built: the list to its
// length, the map to slots.
func (bs *Bindings) finish() {
	if cap(bs.list) > len(bs.list) {
		bs.list = slices.Clone(bs.list)
	}
	if bs.index == nil || bs.index.byMap == nil {
		return
	}
	size := 16
	for size < 2*len(bs.list) {
		size <<= 1
	}
	slots := make([]int32, size)
	mask := uint64(size - 1)
	for at, b := range bs.list {
		i := wordHashString(b.Name) & mask
		for slots[i] != 0 {
			i = (i + 1) & mask
		}
		slots[i] = int32(at + 1)
	}
	bs.index = &bindingIndex{slots: slots}
}

// Function is a def, async def or lambda.
type Function struct {
	Name      string // "" for lambdas
	QualName  string // Python's __qualname__: "C.m", "outer.<locals>.inner"
	Node      *Node
	Async     bool
	Lambda    bool
	Generator bool // contains yield (an async generator when Async)
	// generatorCoroutine: decorated `@asyncio.coroutine` (see
	// IsGeneratorCoroutine), set once the module is built.
	generatorCoroutine bool
	// asyncCallable: a synchronous def that a decorator turns into an
	// async callable (`@sync_to_async`, `@database_sync_to_async`; see
	// decoratedAsyncCallable), set once the module is built.
	asyncCallable bool
	Class         *Class
	Parent        *Function // enclosing function, nil at module or class level
	Scope         *Scope
	Params        []string
	Decorators    []*Node
	Calls         []*Call // calls whose innermost enclosing function is this one
	Awaits        []*Node // await expressions directly in this function
	module        *Module
}

// IsCoroutineFunction reports whether calling f returns a coroutine: an async
// def that is not a generator and whose decorators are known to preserve that.
func (f *Function) IsCoroutineFunction() bool {
	if f.generatorCoroutine || f.asyncCallable {
		return true
	}
	if !f.Async || f.Generator || f.Lambda {
		return false
	}
	for _, d := range f.Decorators {
		if !f.module.preservesCoroutine(d) && !f.module.wrapsInCoroutine(d, nil) {
			return false
		}
	}
	return true
}

// decoratedType returns the type of the object a library decorator of f
// makes of it (pylib.DecoratedTypeOf: a Celery task), or "". The decorator
// is read as written (`@app.task`) or as the factory it calls
// (`@app.task(bind=True)`); depth bounds the resolution (a property's
// `@name.setter` names the function itself).
func (f *Function) decoratedType(depth int) string {
	if f == nil || f.module == nil || len(f.Decorators) == 0 || depth > maxResolveDepth {
		return ""
	}
	for _, d := range f.Decorators {
		expr := d.NamedChildren()
		if len(expr) == 0 {
			continue
		}
		if t := pylib.DecoratedTypeOf(f.module.resolve(decoratorCallee(expr[0]), depth+1).Name); t != "" {
			return t
		}
	}
	return ""
}

// IsGeneratorCoroutine reports a generator-based coroutine function: a
// def decorated with `@asyncio.coroutine` (or `@types.coroutine`, on a
// generator), whose other decorators keep it one. Calling it makes a
// coroutine; in its body `yield from` awaits. A plain generator is not one.
func (f *Function) IsGeneratorCoroutine() bool { return f != nil && f.generatorCoroutine }

// IsCoroutine reports whether f's body runs as a coroutine: an async def
// (not a generator) or a generator-based coroutine function.
func (f *Function) IsCoroutine() bool {
	return f != nil && (f.Async && !f.Generator && !f.Lambda || f.generatorCoroutine)
}

// decoratedGeneratorCoroutine computes IsGeneratorCoroutine from the
// decorators.
func (f *Function) decoratedGeneratorCoroutine() bool {
	if f.Async || f.Lambda || len(f.Decorators) == 0 {
		return false
	}
	found := false
	for _, d := range f.Decorators {
		expr := d.NamedChildren()
		if len(expr) == 0 {
			continue
		}
		name := f.module.Resolve(expr[0]).Name
		switch {
		case pylib.GeneratorCoroutineDecorators[name] && (name != pylib.TypesCoroutine || f.Generator):
			found = true
		case !f.module.preservesCoroutine(d):
			return false
		}
	}
	return found
}

// decoratedAsyncCallable reports a synchronous def whose outermost
// decorator that does more than keep a coroutine is one of the library's
// async-callable factories (pylib.AsyncCallableFactories: asgiref's
// `@sync_to_async`, also called with options, channels'
// `@database_sync_to_async`): the name is bound to an async callable, so
// calling it makes a coroutine while its body runs synchronously in a
// worker thread (IsCoroutine stays false). Decorators below the factory
// wrap the synchronous function and do not matter.
func (f *Function) decoratedAsyncCallable() bool {
	if f.Async || f.Generator || f.Lambda {
		return false
	}
	for _, d := range f.Decorators {
		expr := d.NamedChildren()
		if len(expr) == 0 {
			continue
		}
		e := expr[0]
		if e.Type() == "call" {
			e = e.ChildByField("function")
		}
		if pylib.AsyncCallableFactories[f.module.Resolve(e).Name] {
			return true
		}
		if !f.module.preservesCoroutine(d) {
			return false
		}
	}
	return false
}

// isCoroutineFunctionIn is IsCoroutineFunction with decorators looked up
// across the project (a `@log_calls` imported from another module).
func (f *Function) isCoroutineFunctionIn(p *Project) bool {
	if f.generatorCoroutine || f.asyncCallable {
		return true
	}
	if !f.Async || f.Generator || f.Lambda {
		return false
	}
	for _, d := range f.Decorators {
		if !f.module.preservesCoroutine(d) && !f.module.wrapsInCoroutine(d, p) {
			return false
		}
	}
	return true
}

// wrapsInCoroutine reports whether decorator dec is a function of the
// project that returns an `async def` wrapper (`@log_calls`), or a sync
// wrapper that returns the wrapped function's call as it is
// (`return func(*args, **kwargs)`, inside try/except or not), or a factory
// whose decorator does either (`@retry(3)`): the decorated function then
// still returns a coroutine.
func (m *Module) wrapsInCoroutine(dec *Node, p *Project) bool {
	expr := dec.NamedChildren()
	if len(expr) == 0 {
		return false
	}
	e, factory := expr[0], false
	if e.Type() == "call" {
		e, factory = e.ChildByField("function"), true
	}
	r := m.Resolve(e)
	f := r.Func
	if f == nil && p != nil && r.Name != "" && r.Class == nil {
		f = p.Lookup(r.Name).Func
	}
	if f == nil {
		return false
	}
	if factory {
		inner := f.returnedLocalDef()
		if inner == nil || inner.Async {
			return false
		}
		f = inner
	}
	wrapper := f.returnedLocalDef()
	return wrapper.isPlainCoroutineDef() || len(f.Params) > 0 && wrapper.returnsCallOf(f.Params[0])
}

// wrapperResult is what a call of f returns when its outermost decorator
// is a function of the project that puts a wrapper of its own in f's place
// (`def deco(fn): def wrapper(*a): return AsyncGuard(); return wrapper`,
// or a factory returning such a decorator) and that wrapper's returns agree
// on a known type: the call runs the wrapper, not f. A wrapper handing
// back the wrapped call (`return fn(*a, **kw)`) leaves the answer to the
// next decorator, and to f's own returns; ok is false when nothing is
// known of the wrapper's result. A decorator imported from another module
// that may be the project's (no library asyncls knows) is a Via path the
// project answers (decoratedCallVia, Project.decoratedCall).
func (f *Function) wrapperResult(depth int) (Ref, bool) {
	return f.wrapperResultFrom(0, depth, nil)
}

// decoratedCallVia brackets, at the start of a Via path, the position of
// a decorator of a function (module-level, or a method of a module-level
// class) and the function's qualified name (`$0$pkg.mod.fetch$`): what a
// call of the function returns when that decorator, imported from another
// module, is resolved in the project (Project.decoratedCall).
const decoratedCallVia = "$"

// wrapperResultFrom is wrapperResult from the decorator at position start
// outwards in; p, when not nil, looks up a decorator the module imports.
func (f *Function) wrapperResultFrom(start, depth int, p *Project) (Ref, bool) {
	if f == nil || f.module == nil || depth > maxResolveDepth {
		return Ref{}, false
	}
	for i := start; i < len(f.Decorators); i++ {
		expr := f.Decorators[i].NamedChildren()
		if len(expr) == 0 {
			return Ref{}, false
		}
		e, factory := Unparen(expr[0]), false
		if e.Type() == "call" {
			e, factory = e.ChildByField("function"), true
		}
		r := f.module.resolve(e, depth+1)
		dec := r.Func
		if dec == nil && r.Class == nil && !r.Instance && r.Name != "" && !knownLibrary(r.Name) {
			if p == nil {
				if f.Parent == nil && f.module.Name != "" && !strings.ContainsAny(f.QualName, "<>$") &&
					!strings.ContainsAny(r.Name, "$()[<{") {
					return Ref{Via: decoratedCallVia + strconv.Itoa(i) + decoratedCallVia + f.FullName() + decoratedCallVia}, true
				}
				return Ref{}, false
			}
			dec = p.refOf(r.Name, depth+1).Func
		}
		if dec == nil || p == nil && dec.module != f.module {
			return Ref{}, false
		}
		if factory {
			dec = dec.returnedLocalDef()
		}
		wrapper := dec.returnedLocalDef()
		if wrapper == nil || len(dec.Params) == 0 {
			return Ref{}, false
		}
		if wrapper.returnsCallOf(dec.Params[0]) {
			continue
		}
		if r := wrapper.returnType(depth + 1); r.Known() {
			return r, true
		}
		return Ref{}, false
	}
	return Ref{}, false
}

// DecoratedFunctionResult is what r, the value of a call of a module-level
// function (not a method) of the project whose decorator imported from
// another module only the project can look up (decoratedCallVia, the whole
// path), resolves to; r itself otherwise. For rules that follow no other
// Via path (what a function of another module returns may depend on its
// caller), the function here is the caller's module's own.
func (p *Project) DecoratedFunctionResult(r Ref) Ref {
	if p == nil || r.Known() || !strings.HasPrefix(r.Via, decoratedCallVia) {
		return r
	}
	parts := strings.SplitN(r.Via[len(decoratedCallVia):], decoratedCallVia, 3)
	if len(parts) != 3 || parts[2] != "" {
		return r
	}
	if f := p.refOf(parts[1], 0).Func; f == nil || f.Class != nil {
		return r
	}
	return p.ResolveVia(r.Via)
}

// decoratedCall resolves a Via path that starts with decoratedCallVia:
// what a call of the function returns, from its decorator at the position
// written outwards in (wrapperResultFrom, with the project looking up the
// imported decorator), else what its own body returns; then the rest of
// the path from it.
func (p *Project) decoratedCall(via string, depth int) Ref {
	parts := strings.SplitN(via[len(decoratedCallVia):], decoratedCallVia, 3)
	if len(parts) != 3 {
		return Ref{}
	}
	i, err := strconv.Atoi(parts[0])
	f := p.refOf(parts[1], depth+1).Func
	if err != nil || f == nil || i < 0 || i >= len(f.Decorators) {
		return Ref{}
	}
	r, ok := f.wrapperResultFrom(i, depth+1, p)
	if !ok {
		if f.Async || f.Generator || f.Lambda {
			return Ref{}
		}
		r = f.returnTypeWith(nil, depth+1)
	}
	if !r.Known() && r.Via != "" {
		r = p.resolveVia(r.Via, depth+1)
	}
	return p.continueVia(r, parts[2], depth)
}

// returnsCallOf reports a sync function (its own decorators known to keep
// it as it is: `@functools.wraps(func)`, Click's `@click.option(...)`) every return of which returns a
// call of the name wrapped (a decorator's parameter) as it is, with at
// least one such return: the wrapper hands back what the wrapped function
// returns, a coroutine when that is a coroutine function.
func (f *Function) returnsCallOf(wrapped string) bool {
	if f == nil || f.Async || f.Generator || f.Lambda {
		return false
	}
	for _, d := range f.Decorators {
		// Click's parameter decorators (pylib.CommandParamDecorators) return
		// the wrapper itself, with an option attached: a decorator adding
		// options to a command hands the command's call back as it is.
		if !f.module.preservesCoroutine(d) && !f.module.commandParamDecorator(d) {
			return false
		}
	}
	rets := f.returnStatements()
	if len(rets) == 0 {
		return false
	}
	for _, ret := range rets {
		named := ret.NamedChildren()
		if len(named) != 1 {
			return false
		}
		call := Unparen(named[0])
		if call == nil || call.Type() != "call" {
			return false
		}
		fn := call.ChildByField("function")
		if fn == nil || fn.Type() != "identifier" || f.module.File.Text(fn) != wrapped {
			return false
		}
	}
	return true
}

// handsBodyAway reports whether calling f runs, instead of f's body, the
// wrapper a decorator of the project put in its place, and that wrapper
// never calls the function it wraps: it hands it on (to a queue served by
// another thread, an executor), so a caller of f does not run f's body
// (`@sql` queueing the method for a database thread). So does a library
// decorator that runs the body in a worker thread or process (runsInThread:
// Pebble's `@concurrent.process(...)`, whose call only starts the worker and
// returns a future) or starts a worker (startsWorker).
func (m *Module) handsBodyAway(f *Function, p *Project) bool {
	for _, dec := range f.Decorators {
		expr := dec.NamedChildren()
		if len(expr) == 0 {
			continue
		}
		if startsWorker(m, expr[0]) || runsInThread(m, expr[0]) {
			return true
		}
		if expr[0].Type() == "call" {
			continue
		}
		r := m.Resolve(expr[0])
		d := r.Func
		if d == nil && p != nil && r.Name != "" && r.Class == nil {
			d = p.Lookup(r.Name).Func
		}
		if d == nil || len(d.Params) == 0 {
			continue
		}
		wrapper := d.returnedLocalDef()
		if wrapper == nil {
			continue
		}
		wrapped := d.Params[0]
		called := false
		d.Node.Walk(func(n *Node) bool {
			if n.Type() == "call" {
				if fn := n.ChildByField("function"); fn != nil && fn.Type() == "identifier" && d.module.File.Text(fn) == wrapped {
					called = true
				}
			}
			return !called
		})
		if !called {
			return true
		}
	}
	return false
}

// startsWorker reports a decorator, bare or called, that makes the function
// start a worker when called (pylib.ThreadLoopWorkerOf: Textual's `@work`,
// `@work(thread=True)`): the body runs in the worker, not in the call.
func startsWorker(m *Module, dec *Node) bool {
	callee := decoratorCallee(dec)
	return callee != nil && pylib.ThreadLoopWorkerOf(m.Resolve(callee).Name) != nil
}

// decoratorCallee is the name a decorator expression resolves through: the
// expression itself (`@work`) or the function of a decorator factory's
// call (`@work(thread=True)`), parentheses removed.
func decoratorCallee(dec *Node) *Node {
	dec = Unparen(dec)
	if dec != nil && dec.Type() == "call" {
		return dec.ChildByField("function")
	}
	return dec
}

// runsInThread reports a library decorator, bare or called, whose wrapper
// runs the decorated function in a worker thread or process and returns a
// future (pylib.RunsInThread: Tornado's `@run_on_executor`, Pebble's
// `@concurrent.process(...)`).
func runsInThread(m *Module, dec *Node) bool {
	callee := decoratorCallee(dec)
	return callee != nil && pylib.RunsInThread(m.Resolve(callee).Name)
}

// isPlainCoroutineDef: an async def (not a generator) whose own decorators
// are known to keep it one (`@functools.wraps(func)`).
func (f *Function) isPlainCoroutineDef() bool {
	if f == nil || !f.Async || f.Generator || f.Lambda {
		return false
	}
	for _, d := range f.Decorators {
		if !f.module.preservesCoroutine(d) {
			return false
		}
	}
	return true
}

// returnedLocalDef returns the nested def that every return statement of
// the sync function f returns by name, or nil.
func (f *Function) returnedLocalDef() *Function {
	if f == nil || f.Async || f.Generator || f.Lambda {
		return nil
	}
	var found *Function
	for _, ret := range f.returnStatements() {
		named := ret.NamedChildren()
		if len(named) != 1 || named[0].Type() != "identifier" {
			return nil
		}
		b := f.Scope.Bindings.Get(f.module.File.Text(named[0]))
		if b == nil || b.Kind != BindDef || b.Func == nil || (found != nil && found != b.Func) {
			return nil
		}
		found = b.Func
	}
	return found
}

// getattrCoroutine returns the nested coroutine function that the class's
// __getattr__ returns for the attributes it forwards (an async facade:
// `async def _offloaded(...)` returned from __getattr__), or nil. Calling
// such an attribute gives a coroutine.
func (c *Class) getattrCoroutine() *Function {
	f := c.lookupMethod("__getattr__", 0)
	if f == nil || f.Async || f.Generator {
		return nil
	}
	for _, ret := range f.returnStatements() {
		named := ret.NamedChildren()
		if len(named) != 1 || named[0].Type() != "identifier" {
			continue
		}
		if b := f.Scope.Bindings.Get(f.module.File.Text(named[0])); b != nil && b.Kind == BindDef && b.Func.isPlainCoroutineDef() {
			return b.Func
		}
	}
	return nil
}

// returnStatements returns the return statements of f's own body, in
// order (not those of nested functions, lambdas or classes).
func (f *Function) returnStatements() []*Node {
	body := f.Node.ChildByField("body")
	if body == nil {
		return nil
	}
	var out []*Node
	body.Walk(func(n *Node) bool {
		switch n.Type() {
		case "function_definition", "lambda", "class_definition":
			return false
		case "return_statement":
			out = append(out, n)
			return false
		}
		return true
	})
	return out
}

// mayFallOff reports whether the body of f can end without a return or a
// raise, returning None: its last statement does not always leave the
// function (an if without else, a loop that can end).
func (f *Function) mayFallOff() bool {
	return !blockLeaves(f.Node.ChildByField("body"))
}

// blockLeaves reports whether a block always ends in return or raise.
func blockLeaves(block *Node) bool {
	if block == nil {
		return false
	}
	var last *Node
	for _, s := range block.NamedChildren() {
		if s.Type() != "comment" && s.Type() != "line_continuation" {
			last = s
		}
	}
	if last == nil {
		return false
	}
	switch last.Type() {
	case "return_statement", "raise_statement":
		return true
	case "if_statement":
		if !blockLeaves(last.ChildByField("consequence")) {
			return false
		}
		hasElse := false
		for _, alt := range last.ChildrenByField("alternative") {
			if alt.Type() == "else_clause" {
				hasElse = true
			}
			if !blockLeaves(alt.ChildByField("body")) && !blockLeaves(alt.ChildByField("consequence")) {
				return false
			}
		}
		return hasElse
	case "with_statement":
		return blockLeaves(last.ChildByField("body"))
	case "try_statement":
		// The body ends in its else clause when there is one; every handler
		// must leave too, unless the finally clause always does.
		bodyLeaves, handlersLeave := blockLeaves(last.ChildByField("body")), true
		for _, c := range last.NamedChildren() {
			switch c.Type() {
			case "except_clause", "except_group_clause":
				handlersLeave = handlersLeave && blockLeaves(lastBlock(c))
			case "else_clause":
				bodyLeaves = blockLeaves(c.ChildByField("body"))
			case "finally_clause":
				if blockLeaves(lastBlock(c)) {
					return true
				}
			}
		}
		return bodyLeaves && handlersLeave
	case "while_statement":
		// `while True:` ends only through a return, raise or break.
		cond := Unparen(last.ChildByField("condition"))
		return cond != nil && cond.Type() == "true" && !hasBreak(last.ChildByField("body"))
	}
	return false
}

// lastBlock is the last block child of a clause (an except or finally
// clause has no body field).
func lastBlock(clause *Node) *Node {
	var body *Node
	for _, b := range clause.NamedChildren() {
		if b.Type() == "block" {
			body = b
		}
	}
	return body
}

// hasBreak reports a break that leaves the loop whose body is given.
func hasBreak(body *Node) bool {
	found := false
	body.Walk(func(n *Node) bool {
		switch n.Type() {
		case "break_statement":
			found = true
		case "for_statement", "while_statement", "function_definition", "lambda", "class_definition":
			return false
		}
		return !found
	})
	return found
}

// isProperty reports a method decorated as a property: reading the
// attribute runs it.
func (f *Function) isProperty() bool {
	for _, d := range f.Decorators {
		named := d.NamedChildren()
		if len(named) != 1 {
			continue
		}
		if name := f.module.Resolve(named[0]).Name; name != "" && pylib.Is(name, pylib.PropertyDecorator) {
			return true
		}
	}
	return false
}

// IsProperty reports a method decorated as a property (`@property`,
// `functools.cached_property`): reading the attribute runs it.
func (f *Function) IsProperty() bool { return f.isProperty() }

// FullName is the project-wide qualified name: "pkg.mod.C.m".
func (f *Function) FullName() string {
	if f.module.Name == "" {
		return f.QualName
	}
	return f.module.Name + "." + f.QualName
}

// Module returns the module that defines f.
// DecoratorCallees returns the expression each decorator names, without its
// call arguments: `d` for `@d` and `@d(arg)`, `a.b` for `@a.b(...)`.
func (f *Function) DecoratorCallees() []*Node {
	out := make([]*Node, 0, len(f.Decorators))
	for _, d := range f.Decorators {
		named := d.NamedChildren()
		if len(named) == 0 {
			continue
		}
		e := named[0]
		if e.Type() == "call" {
			e = e.ChildByField("function")
		}
		out = append(out, e)
	}
	return out
}

func (f *Function) Module() *Module { return f.module }

// Class is a class definition.
type Class struct {
	Name     string
	QualName string
	Node     *Node
	Scope    *Scope
	Bases    []*Node
	Methods  map[string]*Function
	// Attrs holds values assigned to self.NAME in the class's methods.
	Attrs  map[string][]*Node
	module *Module
	// attrRefs memoises the resolution of Attrs, like Binding.ref.
	attrRefs map[string]*Binding
	// fullName is FullName, made once: resolution asks it for every
	// attribute and parameter it types (~18 MB of garbage on big/ when it
	// was made on each call). QualName is its tail.
	fullName string
}

// MethodsInOrder returns the class's methods in source order: rules that
// stop at the first method saying something must not depend on map
// iteration, or the same file gives different messages run to run.
func (c *Class) MethodsInOrder() []*Function {
	out := make([]*Function, 0, len(c.Methods))
	for _, m := range c.Methods {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Node.Start < out[j].Node.Start })
	return out
}

// newClass is a class named qual in module m; its QualName shares the
// bytes of its FullName.
func newClass(m *Module, name, qual string) *Class {
	c := &Class{Name: name, QualName: qual, module: m, fullName: qual}
	if m.Name != "" {
		c.fullName = m.Name + "." + qual
		c.QualName = c.fullName[len(m.Name)+1:]
	}
	return c
}

// FullName is "pkg.mod.C".
func (c *Class) FullName() string { return c.fullName }

// Module returns the module that defines c.
func (c *Class) Module() *Module { return c.module }

// Usage says what happens to the value of a call.
type Usage uint8

const (
	UsageDropped   Usage = iota // expression statement: the value is thrown away
	UsageAwaited                // await f()
	UsageScheduled              // handed to gather/wait/create_task/... which awaits or schedules it
	UsageStored                 // assigned to a name, attribute, subscript
	UsageReturned               // return f(), lambda: f()
	UsageYielded
	UsageCondition // if f():, while f():, x if f() else y, assert f()
	UsageOperand   // not f(), f() and x, f() == 1, f() + 1
	UsageArgument  // passed to some other callable
	UsageAttribute // f().x
	UsageOther     // with-items, comprehension iterables, f-strings, ...
)

var usageNames = [...]string{"dropped", "awaited", "scheduled", "stored", "returned", "yielded", "condition", "operand", "argument", "attribute", "other"}

func (u Usage) String() string { return usageNames[u] }

// Call is one call expression with what the model knows about it.
type Call struct {
	Node   *Node
	Callee string // qualified name of the callee ("time.sleep", "pkg.mod.f"), "" if unknown
	// CalleeInstance is set when the callee is an instance (calling it runs __call__).
	CalleeInstance bool
	Usage          Usage     // beside CalleeInstance: a project keeps every call, 80 bytes each
	Func           *Function // innermost enclosing def/lambda; nil at module or class level
	// UsedBy is the node that consumes the value: the await, the scheduling
	// call, the assignment, the return statement, ...
	UsedBy *Node
	// Target is set when the callee is a function defined in this module.
	Target *Function
	// Via is the callee's path through another module of the project when
	// only the project can resolve it (see Ref.Via and Project.Callee).
	Via string
	// choices: when the callee is an item of a table of callables
	// (`HANDLERS[kind](msg)`, `self.handlers.get(kind)(msg)`), every value
	// the table holds, resolved; nil otherwise (most calls).
	choices *[]Ref
}

// Choices returns the values of the table of callables the callee is taken
// from (`HANDLERS = {"a": handle_a, "b": handle_b}` then `HANDLERS[k](...)`),
// each resolved; nil when the callee is not such an item.
func (c *Call) Choices() []Ref {
	if c.choices == nil {
		return nil
	}
	return *c.choices
}

// InAsync reports whether the call runs directly in an async def (not in a
// nested sync def or lambda).
func (c *Call) InAsync() bool { return c.Func != nil && c.Func.Async }

// InCoroutine reports whether the call runs directly in a coroutine: an
// async def, or a generator-based coroutine function, where `yield from`
// is the await (InAsync is the async def alone, where `await` is syntax).
func (c *Call) InCoroutine() bool {
	return c.Func != nil && (c.Func.Async || c.Func.generatorCoroutine)
}

// Args returns the positional and keyword argument nodes.
func (c *Call) Args() []*Node {
	al := c.Node.ChildByField("arguments")
	if al == nil {
		return nil
	}
	return al.NamedChildren()
}

// Keyword returns the value of keyword argument name, or nil.
func (c *Call) Keyword(name string, f *File) *Node {
	for _, a := range c.Args() {
		if a.Type() == "keyword_argument" && f.Text(a.ChildByField("name")) == name {
			return a.ChildByField("value")
		}
	}
	return nil
}

// Positional returns the i-th positional argument, or nil.
func (c *Call) Positional(i int) *Node {
	k := 0
	for _, a := range c.Args() {
		switch a.Type() {
		case "keyword_argument", "list_splat", "dictionary_splat", "comment":
			continue
		}
		if k == i {
			return a
		}
		k++
	}
	return nil
}

// CallOf returns the module's Call whose node is n, or nil (a scan of
// Calls: for the few questions asked of one call node).
func (m *Module) CallOf(n *Node) *Call {
	for _, c := range m.Calls {
		if c.Node == n {
			return c
		}
	}
	return nil
}

// Import is one import statement's binding, for rules and the project index.
type Import struct {
	Node      *Node
	Module    string // absolute module imported from ("" if a relative import escaped the root)
	Name      string // imported name for from-imports ("*" for a wildcard), "" for plain imports
	Qualified string // what the bound name refers to
	BoundName string // "" for `from m import *`
	Scope     *Scope
	// Relative is true for `from .m import x`: a module of the project, not
	// an installed package of that name.
	Relative bool
}

// Module is the semantic model of one file.
type Module struct {
	File      *File
	Name      string // dotted module name ("pkg.mod"), "" when unknown
	IsPackage bool   // __init__.py
	// Library: a module of an installed library (LibrarySource), read
	// only for its names; never one of a project's modules.
	Library bool
	// requestsFixtures: MayRequestFixtures of its text (ConftestModules).
	requestsFixtures bool
	Scope            *Scope
	Functions        []*Function
	Classes          []*Class
	Calls            []*Call
	Imports          []*Import
	// NoQA maps a 0-based line to the codes suppressed there; a nil slice
	// means every code (a bare "# noqa").
	NoQA map[int][]string

	// Aliases are other names the project may import this module by
	// (namespace packages, src/ layouts).
	Aliases []string
	// local: the prefixes of the copies of packages the module's absolute
	// imports mean, by top-level name (Layout.Naming).
	local map[string]string

	// scopeOf maps a scope-defining node to its scope while the module is
	// built; scopes then holds them in the order of their nodes in the
	// tree, and scopeSlots their places in scopes plus one (0: empty),
	// open-addressed by the hash of their node's place in the tree
	// (finishScopes, scopeOfNode): every module of a project keeps its
	// scopes, and a map from node to scope is ~40 bytes a scope.
	scopeOf    map[*Node]*Scope
	scopes     []*Scope
	scopeSlots []int32
	// scopeKinds are the node kinds of scopeOf's keys (a handful): ScopeAt
	// looks a node up in scopeOf only when its kind is one of them.
	scopeKinds []uint16
	// handlerTypes: functions registered as handlers by a call, with the
	// argument types the library passes them (set while building).
	handlerTypes map[*Function][]string
	// resolvingBindings counts the bindings being resolved while the module
	// is built: only a nested resolution may leave a binding unmemoised.
	resolvingBindings int
	// tentative collects the bindings memoised while checkSelfDerived
	// tries an answer, to forget them when the answer fails; nil otherwise.
	tentative *[]*Binding
	// selfDerivedPaths counts the checkSelfDerived calls under way whose
	// tentative answer is a Via path: while it is positive, agreeSkipping
	// joins values whose paths differ into a union (unionVia).
	selfDerivedPaths int
	// callerTypes: parameter types every call of the module agrees on
	// (set while building; see paramTypesFromCallers).
	callerTypes map[*Function]map[string]Ref
	// callerTypesAsked, while paramTypesFromCallers runs a round, records
	// the parameters whose callerTypes the resolution looked up.
	callerTypesAsked map[paramOf]bool
	// importFallbacks: names bound by an import in a try body and once
	// more by an assignment in its `except ImportError:` handler, and
	// nothing else, with what the try imports (see ImportUnlessFailed);
	// nil in most modules.
	importFallbacks map[*Binding]string
	values          valueNames
	memoMu          sync.Mutex
	memo            map[string]any
	// filled memoises what the containers and mappings filled one item at
	// a time hold (filledStores); its own lock, since resolution runs
	// inside Memo.
	filledMu sync.Mutex
	filled   map[filledKey][]*Node
	// registry holds the module's stores into item paths under constant
	// keys (registryStores), collected once from the tree.
	registryOnce sync.Once
	registry     []registryStore
}

// Memo returns compute()'s result, computed once per module under key: facts
// a rule derives from one module alone, reused by every project snapshot
// that contains the module. compute must not call Memo.
func (m *Module) Memo(key string, compute func() any) any {
	m.memoMu.Lock()
	defer m.memoMu.Unlock()
	if v, ok := m.memo[key]; ok {
		return v
	}
	if m.memo == nil {
		m.memo = map[string]any{}
	}
	v := compute()
	m.memo[key] = v
	return v
}

// ForgetMemos drops the module's memos (Memo): a later question computes
// them again, with the same answers. A run that checks each module once
// calls it when the module's check is done, so the facts its own check
// derived (most of what Memo holds) do not stay for the rest of the run.
func (m *Module) ForgetMemos() {
	m.memoMu.Lock()
	defer m.memoMu.Unlock()
	m.memo = nil
}

// scopeOfNode returns the scope node n defines, or nil.
func (m *Module) scopeOfNode(n *Node) *Scope {
	if m.scopeOf != nil {
		return m.scopeOf[n]
	}
	root := m.File.Root
	if len(m.scopeSlots) == 0 || root == nil {
		return nil
	}
	d := uintptr(unsafe.Pointer(n)) - uintptr(unsafe.Pointer(root))
	if d%nodeSize != 0 || d/nodeSize > uintptr(root.descendants()) {
		return nil // not a node of the module's tree
	}
	mask := uint64(len(m.scopeSlots) - 1)
	for i := placeHash(uint32(d/nodeSize)) & mask; ; i = (i + 1) & mask {
		at := m.scopeSlots[i]
		if at == 0 {
			return nil
		}
		if s := m.scopes[at-1]; s.Node == n {
			return s
		}
	}
}

// placeHash spreads a node's place in its tree over a table's slots.
func placeHash(place uint32) uint64 { return uint64(place) * 0x9E3779B97F4A7C15 >> 32 }

// cmpPlace orders two addresses.
func cmpPlace(a, b unsafe.Pointer) int {
	pa, pb := uintptr(a), uintptr(b)
	switch {
	case pa < pb:
		return -1
	case pa > pb:
		return 1
	}
	return 0
}

// finishScopes trades the map of scopes for the sorted slice once the
// module is built, and compacts each scope's bindings.
func (m *Module) finishScopes() {
	if m.File.Root == nil {
		return // no tree (a File made by hand): the map stays
	}
	m.scopes = make([]*Scope, 0, len(m.scopeOf))
	for _, s := range m.scopeOf {
		s.Bindings.finish()
		m.scopes = append(m.scopes, s)
	}
	slices.SortFunc(m.scopes, func(a, b *Scope) int { return cmpPlace(unsafe.Pointer(a.Node), unsafe.Pointer(b.Node)) })
	size := 16
	for size < 2*len(m.scopes) {
		size <<= 1
	}
	m.scopeSlots = make([]int32, size)
	mask := uint64(size - 1)
	for at, s := range m.scopes {
		i := placeHash(m.nodePlace(s.Node)) & mask
		for m.scopeSlots[i] != 0 {
			i = (i + 1) & mask
		}
		m.scopeSlots[i] = int32(at + 1)
	}
	m.scopeOf = nil
}

// ScopeAt returns the innermost scope containing n.
func (m *Module) ScopeAt(n *Node) *Scope {
	var child *Node // the child of p that holds n
	for p := n; p != nil; child, p = p, p.Parent() {
		if !slices.Contains(m.scopeKinds, p.kind()) {
			continue
		}
		if s := m.scopeOfNode(p); s != nil {
			// A def's name, decorators and defaults belong to the enclosing scope.
			if p != n && (p.Type() == "function_definition" || p.Type() == "lambda") && !childHoldsBody(p, child, n) {
				continue
			}
			return s
		}
	}
	return m.Scope
}

// childHoldsBody reports whether n, held by def's child child, is in the
// scope def opens: in its body, or a parameter name (not a default value,
// decorator or the def's name).
func childHoldsBody(def, child, n *Node) bool {
	switch child {
	case def.ChildByField("body"):
		return true
	case def.ChildByField("parameters"):
		// Parameter names are bound inside; default values are evaluated outside.
		return child == n.Parent() && n.Type() == "identifier"
	}
	return false
}

// FunctionAt returns the innermost def or lambda whose body contains n.
func (m *Module) FunctionAt(n *Node) *Function {
	for s := m.ScopeAt(n); s != nil; s = s.Parent {
		if s.Func != nil {
			return s.Func
		}
		if s.Kind == ClassScope || s.Kind == ModuleScope {
			return nil
		}
	}
	return nil
}

// Lookup finds the binding a name refers to from scope s, following Python's
// LEGB rule (class scopes are skipped from nested functions).
func (s *Scope) Lookup(name string) *Binding {
	b, _ := s.lookup(name)
	return b
}

// lookup returns name's binding and the scope that holds it.
func (s *Scope) lookup(name string) (*Binding, *Scope) {
	first := true
	for sc := s; sc != nil; sc = sc.Parent {
		if sc.Kind == ClassScope && !first {
			continue
		}
		first = false
		if sc.Global(name) {
			for root := sc; root != nil; root = root.Parent {
				if root.Kind == ModuleScope {
					if b := root.Bindings.Get(name); b != nil {
						return b, root
					}
					return nil, nil
				}
			}
		}
		if b := sc.Bindings.Get(name); b != nil && !sc.Nonlocal(name) {
			return b, sc
		}
	}
	return nil, nil
}

// IsBuiltin reports whether name at n refers to Python's builtin of that
// name (it is not shadowed by any binding in scope).
func (m *Module) IsBuiltin(n *Node, name string) bool {
	return m.ScopeAt(n).Lookup(name) == nil
}

func (m *Module) preservesCoroutine(dec *Node) bool {
	expr := dec.NamedChildren()
	if len(expr) == 0 {
		return true
	}
	e := expr[0]
	if e.Type() == "call" {
		e = e.ChildByField("function")
	}
	return pylib.KeepsCoroutine[m.Resolve(e).Name]
}

// ImportUnlessFailed returns what the name n means when its import works:
// the qualified name of a name bound only by an import in a try body and an
// assignment in that try's `except ImportError:` handler (`try: from
// pytest_asyncio import fixture as async_fixture` / `except ImportError:
// async_fixture = pytest.fixture`), "" for any other name. Resolution gives
// such a name no value (its two bindings disagree); a rule that asks what
// the code is written for (a decorator's kind) may ask this.
func (m *Module) ImportUnlessFailed(n *Node) string {
	if m.importFallbacks == nil || n == nil || n.Type() != "identifier" {
		return ""
	}
	scope := m.ScopeAt(n)
	if scope == nil {
		return ""
	}
	return m.importFallbacks[scope.Lookup(m.File.Text(n))]
}

// HasNoQA reports whether code is suppressed on the 0-based line.
func (m *Module) HasNoQA(line int, code string) bool {
	codes, ok := m.NoQA[line]
	if !ok {
		return false
	}
	if codes == nil {
		return true
	}
	for _, c := range codes {
		if c == code || (strings.HasPrefix(code, c) && len(c) < len(code)) {
			return true
		}
	}
	return false
}
