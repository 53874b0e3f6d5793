package analysis

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/asyncls/asyncls/pylib"
)

// Ref is what an expression is known to denote.
type Ref struct {
	// Name is a qualified name: a module ("os.path"), a function or class
	// ("time.sleep", "pkg.mod.C"), or, when Instance, the type of the
	// instance ("requests.Session"). "" when unknown.
	Name     string
	Instance bool
	Func     *Function // a function of the project
	Class    *Class    // a class of the project (the class itself, or the type of the instance)
	// Via is set when the value comes from another module of the project
	// in a way only the project can resolve: what a function of another
	// module returns ("pkg.mod.make_api()"), and attributes and calls on
	// that ("pkg.mod.make_api().fetch"), and what awaiting a call gives
	// ("pkg.mod.Api.browser.new_context()@": the call's awaited result,
	// when only the project can say what the callee is). Project.ResolveVia
	// follows it.
	Via string
	// Cyclic marks the value of a binding whose resolution is under way:
	// `self.x = backup` where `backup = deepcopy(self.x)` gives self.x back
	// to itself, so agree passes over it instead of giving up.
	Cyclic bool
	// Args are the type arguments of a generic library class the value is
	// an instance (or alias) of, when an annotation names them
	// (`ConfigEntry[MyData]`): an attribute the class types by its
	// parameter (pylib.GenericAttrs) has the argument's type.
	Args *TypeArgs
}

// TypeArgs are the type arguments written in an annotation, resolved in
// the module that wrote them.
type TypeArgs struct {
	module *Module
	params []*Node
}

// Arg resolves the i-th type argument to the instance it describes.
func (a *TypeArgs) Arg(i int, depth int) Ref {
	if a == nil || i >= len(a.params) {
		return Ref{}
	}
	return a.module.annotationType(a.params[i], depth+1)
}

// names writes the type arguments as the qualified names of the types they
// describe, comma-separated ("" for an unknown one); ok is false when none
// is known.
func (a *TypeArgs) names(depth int) (string, bool) {
	out := make([]string, len(a.params))
	known := false
	for i := range a.params {
		if r := a.Arg(i, depth); r.Instance && r.Name != "" && !strings.ContainsAny(r.Name, "<>,()[]") {
			out[i], known = r.Name, true
		}
	}
	return strings.Join(out, ","), known
}

// Known reports whether anything is known.
func (r Ref) Known() bool { return r.Name != "" || r.Func != nil || r.Class != nil }

// Resolve returns what expression n denotes, following imports, aliases,
// simple single-valued assignments, self attributes and constructor calls.
func (m *Module) Resolve(n *Node) Ref {
	return m.resolve(n, 0)
}

const maxResolveDepth = 12

func (m *Module) resolve(n *Node, depth int) Ref {
	n = Unparen(n)
	if n == nil || depth > maxResolveDepth {
		return Ref{}
	}
	switch n.Type() {
	case "type":
		// The value of `type Alias = ConfigEntry[MyData]` is a type.
		if p := n.Parent(); p != nil && p.Type() == "type_alias_statement" {
			return asType(m.annotationType(n, depth+1))
		}
		// The annotation of an annotated assignment, kept as its value.
		return m.annotationType(n, depth+1)
	case "identifier":
		return m.resolveName(n, m.File.Text(n), depth)
	case "attribute":
		attr := m.File.Text(n.ChildByField("attribute"))
		if r, ok := m.superMember(n.ChildByField("object"), attr); ok {
			return r
		}
		obj := m.resolve(n.ChildByField("object"), depth+1)
		return member(obj, attr, depth)
	case "subscript":
		// A generic base class: `class E(Base[T])` derives from Base.
		if isClassBase(n) {
			return m.resolve(n.ChildByField("value"), depth+1)
		}
		// qs[a:b] where slicing the value's type gives a known type
		// (pylib.SliceTypes: a Django QuerySet's slice is a QuerySet).
		// A slice with a step (`qs[::2]`) is evaluated into a list.
		if subs := n.ChildrenByField("subscript"); len(subs) == 1 && subs[0].Type() == "slice" &&
			strings.Count(m.File.Text(subs[0]), ":") == 1 {
			obj := m.resolve(n.ChildByField("value"), depth+1)
			if obj.Instance && obj.Name != "" {
				if t := pylib.SliceTypes[obj.Name]; t != "" {
					return Ref{Name: t, Instance: true}
				}
			}
			// What only the project can resolve (a queryset of a model of
			// another module): its slice, once the project says what the
			// value is.
			if !obj.Known() && obj.Via != "" {
				return Ref{Via: obj.Via + sliceVia}
			}
			// A slice of a binding still being resolved depends on it
			// (`qs = qs[a:b]`): resolveBinding checks it once a type is known.
			if obj.Cyclic {
				return Ref{Cyclic: true}
			}
		}
		// clients[name] where clients: dict[str, Client].
		if t := m.elementAnnotation(n.ChildByField("value"), depth); t != nil {
			return m.annotationType(t, depth+1)
		}
		// (await page.locator(sel).all())[0], or items[0] with items bound
		// once to that await: an item of the library's collection.
		if subs := n.ChildrenByField("subscript"); len(subs) == 1 && subs[0].Type() != "slice" {
			if r := m.awaitedItemAt(n.ChildByField("value"), depth); r.Known() {
				return r
			}
		}
		obj := m.resolve(n.ChildByField("value"), depth+1)
		// `ConfigEntry[MyData]`, `Optional[Api]` as a value: a type alias.
		if !obj.Instance && (obj.Class != nil || pylib.IsGenericClass(obj.Name) || specialForm(obj.Name)) {
			return asType(m.annotationType(n, depth+1))
		}
		key := StringConstant(m.File, n.ChildByField("subscript"))
		// resp["Body"] where resp is a library response with known items.
		if key != "" && obj.Instance && obj.Name != "" {
			if t := pylib.ItemTypes[obj.Name+"["+key+"]"]; t != "" {
				return Ref{Name: t, Instance: true}
			}
		}
		// client["shop"] where any attribute of client is a database: the
		// item is that attribute, whatever its key.
		if obj.Class == nil && obj.Func == nil && obj.Name != "" && pylib.ItemsAreAttributes(obj.Name) {
			if key == "" || strings.ContainsAny(key, ". ") {
				key = "item"
			}
			return member(obj, key, depth)
		}
		// pools[name] where pools is bound once to a dict, list or tuple
		// display: the type every value of the display agrees on.
		if !obj.Instance {
			if values := m.tableValues(n.ChildByField("value")); len(values) > 0 {
				return m.agree(values, depth+1)
			}
		}
		// state['proc_lock'] where state is filled under constant keys with
		// values that disagree: what is stored under that key
		// (keyedMappingValues).
		if owner, values := m.keyedMappingValues(n.ChildByField("value"), key, depth); len(values) > 0 {
			if r := owner.agree(values, depth+1); r.Known() {
				return r
			}
		}
		// sessions[loop] where sessions is bound once to an empty dict
		// filled one value at a time: the type the stored values agree on.
		if values, ok := m.filledMappingValues(n.ChildByField("value"), depth); ok {
			return m.agree(values, depth+1)
		}
		// hass.data[DOMAIN]["game"] where the module stores the game under
		// the same keys of that shared registry (shared_mappings.go).
		if values, ok := m.registryValues(n, depth); ok {
			return m.agree(values, depth+1)
		}
		// workers[0] where workers is a list (or deque) filled one item at
		// a time (`self.workers.append(Worker())`): the item the adds agree
		// on, as iterating it gives.
		if subs := n.ChildrenByField("subscript"); len(subs) == 1 && subs[0].Type() != "slice" {
			if e, ok := m.addedItemsElement(n.ChildByField("value"), nil, depth); ok {
				return e.ref
			}
			if e, ok := m.addedAttrItemsElement(n.ChildByField("value"), nil, depth); ok {
				return e.ref
			}
		}
		if obj.Class == nil && obj.Func == nil && !obj.Instance && (obj.Via != "" || obj.Name != "" && !pylib.ItemsAreAttributes(obj.Name)) {
			// What only the project can resolve (`mongo.database[name]`,
			// a database that a class of another module holds): its item,
			// once the project says what the value is.
			via := obj.Via
			if via == "" {
				via = obj.Name
			}
			// A constant key travels with the path: a response of a library
			// client that the project made in another module has typed
			// items (pylib.ItemTypes: `(await s3.get_object(...))["Body"]`).
			if viaKey(key) {
				return Ref{Via: via + keyedItemVia + key + "]"}
			}
			return Ref{Via: via + itemVia}
		}
		return Ref{}
	case "call":
		// clients.get(name) where clients: dict[str, Client].
		if fn := n.ChildByField("function"); fn != nil && fn.Type() == "attribute" {
			if pylib.Method(m.File.Text(fn.ChildByField("attribute")), pylib.ReturnsElement) {
				if t := m.elementAnnotation(fn.ChildByField("object"), depth); t != nil {
					return m.annotationType(t, depth+1)
				}
				// sessions.get(loop) on a dict filled one value at a time
				// (a default passed is one more value).
				if values, ok := m.filledMappingValues(fn.ChildByField("object"), depth); ok {
					if extra := mappingDefault(n); extra != nil {
						values = append(append([]*Node(nil), values...), extra)
					}
					return m.agree(values, depth+1)
				}
				// data.get("game") where data is hass.data.get(DOMAIN, {})
				// and the module stores the game under the same keys.
				if values, ok := m.registryValues(n, depth); ok {
					return m.agree(values, depth+1)
				}
			}
			// q.get_nowait() where q: asyncio.Queue[T]: a T.
			if pylib.QueueItemNowMethods[m.File.Text(fn.ChildByField("attribute"))] {
				if t := m.queueElementAnnotation(fn.ChildByField("object"), depth); t != nil {
					return m.annotationType(t, depth+1)
				}
			}
		}
		callee := m.resolve(n.ChildByField("function"), depth+1)
		// getattr(os, "fdatasync", os.fsync): the attribute it names, as
		// `os.fdatasync` would be (the default is what runs only where the
		// attribute is missing, as on a platform without it).
		if callee.Name == "getattr" && callee.Func == nil && callee.Class == nil {
			if r := m.getattrMember(n, depth); r.Known() {
				return r
			}
		}
		// typing.cast(T, v) declares its value a T (a type the annotation
		// resolves to), else it is v.
		if callee.Name != "" && callee.Func == nil && callee.Class == nil && pylib.Is(callee.Name, pylib.ReturnsArgument) {
			if args, ok := plainPositionalArgs(n); ok && len(args) == 2 {
				if r := m.annotationType(args[0], depth+1); r.Known() {
					return r
				}
				return m.resolve(args[1], depth+1)
			}
			return Ref{}
		}
		// deepcopy(x) has the type of x.
		if callee.Name != "" && pylib.CopiesArgument(callee.Name) {
			if args := n.ChildByField("arguments"); args != nil {
				if named := args.NamedChildren(); len(named) > 0 && named[0].Type() != "keyword_argument" &&
					named[0].Type() != "list_splat" && named[0].Type() != "dictionary_splat" {
					return m.resolve(named[0], depth+1)
				}
			}
			return Ref{}
		}
		// stack.enter_context(cm) gives what `with cm as x` binds.
		if callee.Name != "" && pylib.EntersArgument(callee.Name) && !pylib.Is(callee.Name, pylib.Coroutine) {
			return m.enteredArgument(n, false, depth)
		}
		// sync_to_async(f): an async callable (pylib.AsyncCallableType).
		if callee.Name != "" && pylib.AsyncCallableFactories[callee.Name] && firstPositional(n) != nil {
			return Ref{Name: pylib.AsyncCallableType, Instance: true}
		}
		// asyncio.run(connect()), loop.run_until_complete(create_pool()):
		// the awaited result of the argument.
		if arg := m.completedArgument(n, callee); arg != nil {
			return m.awaitedValue(arg, depth+1)
		}
		return callResult(callee, depth)
	case "binary_operator":
		// Path("a") / "b" is a Path.
		if op := n.ChildByField("operator"); op != nil && m.File.Text(op) == "/" {
			if left := m.resolve(n.ChildByField("left"), depth+1); left.Instance && pylib.PathTypes[left.Name] {
				return left
			}
		}
		return Ref{}
	case "boolean_operator":
		// session or requests.Session(): the value is one of the operands;
		// when the left one is unknown (an injected dependency), the
		// fallback on the right names its type.
		if op := n.ChildByField("operator"); op != nil && m.File.Text(op) == "or" {
			left := m.resolve(n.ChildByField("left"), depth+1)
			right := m.resolve(n.ChildByField("right"), depth+1)
			switch {
			case !left.Known():
				return right
			case !right.Known() || (left.Name == right.Name && left.Instance == right.Instance):
				return left
			}
		}
		return Ref{}
	case "conditional_expression":
		return m.resolveConditional(n, depth)
	case "await", "yield":
		// `yield from` in a generator-based coroutine is the await.
		if n.Type() == "yield" && !IsYieldFrom(n) {
			return Ref{}
		}
		if named := n.NamedChildren(); len(named) == 1 {
			return m.awaitedValue(named[0], depth)
		}
	}
	return Ref{}
}

// receiverClassAttrInstance is an instance of the class that the class of
// call x's receiver (`self` in `self.get_sync_hook()`) binds to class
// attribute attr, when the receiver is an instance of a project class and
// attr resolves to a class; else the zero Ref.
func (m *Module) receiverClassAttrInstance(x *Node, attr string, depth int) Ref {
	fn := Unparen(x.ChildByField("function"))
	if fn == nil || fn.Type() != "attribute" || depth > maxResolveDepth {
		return Ref{}
	}
	recv := m.resolve(fn.ChildByField("object"), depth+1)
	if recv.Class == nil || !recv.Instance {
		return Ref{}
	}
	cls := member(recv, attr, depth+1)
	if cls.Instance || cls.Func != nil || (cls.Class == nil && cls.Name == "") {
		return Ref{}
	}
	return callResult(cls, depth+1)
}

// awaitedValue is what awaiting expression x gives, when known: an item of
// an annotated queue (`await q.get()`), the awaited result the tables
// record for a library call, what a coroutine function of the project
// returns.
func (m *Module) awaitedValue(x *Node, depth int) Ref {
	return m.awaitedValueIn(x, depth, nil)
}

// awaitedValueIn is awaitedValue with the awaitedReturn answers of the
// evaluation it belongs to (see awaitedReturnIn); nil: a new evaluation.
func (m *Module) awaitedValueIn(x *Node, depth int, memo awaitedReturns) Ref {
	x = Unparen(x)
	if x == nil || x.Type() != "call" {
		return Ref{}
	}
	// await q.get() where q: asyncio.Queue[T]: a T.
	if fn := x.ChildByField("function"); fn != nil && fn.Type() == "attribute" &&
		m.File.Text(fn.ChildByField("attribute")) == "get" {
		if t := m.queueElementAnnotation(fn.ChildByField("object"), depth); t != nil {
			return m.annotationType(t, depth+1)
		}
	}
	// x = await connect(): the awaited result's type, when the table knows it.
	callee := m.resolve(x.ChildByField("function"), depth+1)
	// await stack.enter_async_context(cm) gives what `async with cm as x`
	// binds.
	if callee.Name != "" && pylib.EntersArgument(callee.Name) {
		return m.enteredArgument(x, true, depth)
	}
	if t := pylib.AwaitResult(callee.Name); t != "" {
		return Ref{Name: t, Instance: true}
	}
	// await self.get_sync_hook() where the library method builds the class
	// the receiver's class binds to a class attribute (`sync_hook_class =
	// BigQueryHook`): an instance of that class.
	if attr := pylib.AwaitResultClassAttr(callee.Name); attr != "" {
		if r := m.receiverClassAttrInstance(x, attr, depth); r.Known() {
			return r
		}
	}
	// await asyncio.to_thread(f, x) gives what f(x) returns.
	if fn, ok := m.offloadedCallee(x, callee, depth); ok {
		return callResult(fn, depth+1)
	}
	if f := callee.Func; f != nil && f.IsCoroutine() {
		return f.returnTypeWith(callee.Args, depth)
	}
	if f := callee.Func; f != nil && !f.IsCoroutine() {
		if r := f.annotatedAwaitable(depth); r.Known() {
			return r
		}
	}
	if r := callee.Func.awaitedReturnIn(depth, memo); r.Known() {
		return r
	}
	// A callee only the project can follow (an attribute of a property a
	// base in another module defines, a function of another module): the
	// project awaits it.
	switch {
	case callee.Known() && callee.Func == nil && callee.Class == nil && !callee.Instance && callee.Name != "":
		return Ref{Via: callee.Name + awaitedCallVia}
	case !callee.Known() && callee.Via != "":
		return Ref{Via: callee.Via + awaitedCallVia}
	}
	return Ref{}
}

// annotatedAwaitable is what awaiting the result of plain function f gives
// when its return annotation names an awaitable of a type (`def
// ensure_started(self) -> "Awaitable[User]": return
// super().ensure_started()` gives a User when awaited), zero Ref otherwise.
func (f *Function) annotatedAwaitable(depth int) Ref {
	if f == nil || f.Async || depth > maxResolveDepth {
		return Ref{}
	}
	m := f.module
	rt := f.Node.ChildByField("return_type")
	for rt != nil && rt.Type() == "type" {
		named := rt.NamedChildren()
		if len(named) != 1 {
			return Ref{}
		}
		rt = named[0]
	}
	if rt == nil {
		return Ref{}
	}
	switch rt.Type() {
	case "string":
		text := strings.TrimSpace(strings.Trim(m.File.Text(rt), `"'`))
		open := strings.IndexByte(text, '[')
		if open <= 0 || !strings.HasSuffix(text, "]") {
			return Ref{}
		}
		at, ok := pylib.AwaitedTypeArg(m.resolveDotted(rt, strings.TrimSpace(text[:open])).Name)
		if !ok {
			return Ref{}
		}
		args := splitTopLevel(text[open+1 : len(text)-1])
		if at >= len(args) {
			return Ref{}
		}
		return m.annotationText(rt, args[at])
	case "generic_type", "subscript":
		var base *Node
		var params []*Node
		if rt.Type() == "subscript" {
			base, params = rt.ChildByField("value"), rt.ChildrenByField("subscript")
		} else {
			named := rt.NamedChildren()
			if len(named) != 2 {
				return Ref{}
			}
			base, params = named[0], named[1].NamedChildren()
		}
		at, ok := pylib.AwaitedTypeArg(m.resolve(base, depth+1).Name)
		if !ok || at >= len(params) {
			return Ref{}
		}
		return m.annotationType(params[at], depth+1)
	}
	return Ref{}
}

// splitTopLevel splits an annotation's argument text at its commas outside
// brackets (`Any, Any, Dict[str, int]` is three).
func splitTopLevel(text string) []string {
	var out []string
	level, start := 0, 0
	for i, c := range text {
		switch c {
		case '[', '(':
			level++
		case ']', ')':
			level--
		case ',':
			if level == 0 {
				out = append(out, strings.TrimSpace(text[start:i]))
				start = i + 1
			}
		}
	}
	return append(out, strings.TrimSpace(text[start:]))
}

// awaitedReturns holds the answers of awaitedReturnIn within one
// evaluation, by function and depth.
type awaitedReturns map[awaitedReturnKey]Ref

type awaitedReturnKey struct {
	f     *Function
	depth int
}

// awaitedReturnSteps, when set (tests), is called each time awaitedReturnIn
// works an answer out rather than finding it in the evaluation's memo.
var awaitedReturnSteps func()

// awaitedReturnIn is what awaiting the result of synchronous function f
// gives when every return of f hands back an awaitable call whose awaited
// value is known and the same (`def get_process(self): return
// asyncio.create_subprocess_exec(...)`, awaited by its caller as
// `process = await self.get_process()`: a Process). Zero Ref when f is a
// coroutine or generator function, has a return without a value or may
// fall off its end (None is not awaitable), or a return's awaited value is
// unknown or differs.
//
// memo holds the answers of the evaluation the call belongs to (nil: a new
// evaluation; awaitedValueIn passes it on). A chain of helpers each returning the
// next one's call on several paths (`if a: return next(x)` ... `return
// next(x)`) asked each helper once per path above it: exponential in the
// chain's length (8 returns a helper, 7 helpers: 2.3 s). The memo is keyed
// by depth too, so an answer cut short by the depth limit is never reused
// where more depth is left, and it lives only as long as the outermost
// call: nothing is kept on the function (a finished module is read-only
// and shared by the goroutines of a check; a module being built drops its
// resolutions between rounds).
func (f *Function) awaitedReturnIn(depth int, memo awaitedReturns) Ref {
	if f == nil || f.Async || f.Generator || f.Lambda || f.generatorCoroutine || depth > maxResolveDepth {
		return Ref{}
	}
	rets := f.returnStatements()
	if len(rets) == 0 || f.mayFallOff() {
		return Ref{}
	}
	key := awaitedReturnKey{f, depth}
	if memo == nil {
		memo = awaitedReturns{}
	} else if r, ok := memo[key]; ok {
		return r
	}
	if awaitedReturnSteps != nil {
		awaitedReturnSteps()
	}
	r := f.computeAwaitedReturn(rets, depth, memo)
	memo[key] = r
	return r
}

func (f *Function) computeAwaitedReturn(rets []*Node, depth int, memo awaitedReturns) Ref {
	var out Ref
	for _, ret := range rets {
		named := ret.NamedChildren()
		if len(named) != 1 {
			return Ref{}
		}
		r := f.module.awaitedValueIn(named[0], depth+1, memo)
		if !r.Known() || out.Known() && out != r {
			return Ref{}
		}
		out = r
	}
	return out
}

// completedArgument returns the first argument of call c when c runs it to
// completion and returns its result (pylib's CompletesArgument): by the
// callee's name, or, for a method on a receiver of unknown type that is not
// the project's, by the method's name (`loop.run_until_complete(...)` on
// an untyped loop). nil otherwise, or when the argument is not plainly
// positional.
func (m *Module) completedArgument(c *Node, callee Ref) *Node {
	completes := callee.Name != "" && pylib.CompletesArgument(callee.Name)
	if !completes && callee.Func == nil && callee.Class == nil && !callee.Instance {
		if fn := c.ChildByField("function"); fn != nil && fn.Type() == "attribute" {
			completes = pylib.CompletingMethod(m.File.Text(fn.ChildByField("attribute")))
		}
	}
	if !completes {
		return nil
	}
	args := c.ChildByField("arguments")
	if args == nil {
		return nil
	}
	named := args.NamedChildren()
	if len(named) == 0 {
		return nil
	}
	switch a := named[0]; a.Type() {
	case "keyword_argument", "list_splat", "dictionary_splat":
		return nil
	default:
		return a
	}
}

// BoundByAsyncWith reports whether the identifier name refers to a name
// bound only by `async with X as name` (one binding value, the context
// expression of an async with item): an asynchronous resource, whatever X
// is.
func (m *Module) BoundByAsyncWith(name *Node) bool {
	if name == nil || name.Type() != "identifier" {
		return false
	}
	s := m.ScopeAt(name)
	if s == nil {
		return false
	}
	b := s.Lookup(m.File.Text(name))
	return b != nil && b.Kind == BindAssign && len(b.Values) == 1 && b.Values[0] != nil && asyncWithValue(b.Values[0])
}

// IteratedByAsyncFor reports whether the identifier name denotes a binding
// of its function (or module) that an `async for` of the same scope
// iterates (`generator = method(...)`, then `async for item in
// generator:`): its value is an asynchronous iterator, whatever its type.
// A nested def, lambda or class is not searched.
func (m *Module) IteratedByAsyncFor(name *Node) bool {
	if name == nil || name.Type() != "identifier" {
		return false
	}
	s := m.ScopeAt(name)
	if s == nil || s.Node == nil {
		return false
	}
	text := m.File.Text(name)
	b := s.Lookup(text)
	if b == nil {
		return false
	}
	found := false
	s.Node.Walk(func(n *Node) bool {
		if found {
			return false
		}
		switch n.Type() {
		case "function_definition", "lambda", "class_definition":
			return n == s.Node
		case "for_statement":
			if r := Unparen(n.ChildByField("right")); n.HasToken("async") && r != nil && r.Type() == "identifier" &&
				m.File.Text(r) == text && m.ScopeAt(r).Lookup(text) == b {
				found = true
			}
		}
		return true
	})
	return found
}

// asyncWithValue reports whether v is the context expression of an
// `async with v as name:` item (the value build.go binds the name to).
func asyncWithValue(v *Node) bool {
	p := v.Parent()
	if p == nil || p.Type() != "as_pattern" {
		return false
	}
	for q := p.Parent(); q != nil; q = q.Parent() {
		switch q.Type() {
		case "with_item", "with_clause":
		case "with_statement":
			return q.HasToken("async")
		default:
			return false
		}
	}
	return false
}

// asyncEntered is what `async with v as name:` binds the name to when v is
// a call of a library API the tables record an awaited result for: such an
// API is awaited or entered alike (`conn = await pool.acquire()`, `async
// with pool.acquire() as conn`, aiosqlite's connect, aiohttp's
// session.get), and `__aenter__` gives what awaiting it gives. Anything
// else (a class of the project, a function the tables do not know) is
// resolved as the value itself.
//
// A library object whose own `__aenter__` the tables give an awaited result
// other than the object (gql's Client: `async with client as session`
// binds an AsyncClientSession) binds that result, whether the statement
// enters a value (`async with client as session`) or the call that builds
// it (`async with Client(transport=t) as session`).
func (m *Module) asyncEntered(v *Node, depth int) Ref {
	v = Unparen(v)
	if v == nil {
		return Ref{}
	}
	if v.Type() != "call" {
		if r := m.resolve(v, depth+1); r.Instance && r.Func == nil && r.Class == nil && r.Name != "" {
			if t := pylib.AwaitResult(r.Name + ".__aenter__"); t != "" {
				return Ref{Name: t, Instance: true}
			}
		}
		return Ref{}
	}
	callee := m.resolve(v.ChildByField("function"), depth+1)
	if callee.Func != nil || callee.Class != nil {
		return Ref{}
	}
	if t := pylib.AwaitResult(callee.Name); t != "" {
		return Ref{Name: t, Instance: true}
	}
	if typ, ok := pylib.ReturnType(callee.Name); ok && typ != "" {
		if t := pylib.AwaitResult(typ + ".__aenter__"); t != "" {
			return Ref{Name: t, Instance: true}
		}
	}
	return Ref{}
}

// enteredArgument is what entering the first argument of call c gives
// (contextlib's ExitStack.enter_context, AsyncExitStack.enter_async_context):
// for `async` a library call whose awaited result the tables record (as
// asyncEntered), else the context manager itself, as `with cm as x` binds
// it for a class of the project or a library type; nothing for a generator
// turned into a context manager (what it yields is not what calling it
// returns) or an argument that is not plainly positional.
func (m *Module) enteredArgument(c *Node, async bool, depth int) Ref {
	args := c.ChildByField("arguments")
	if args == nil || depth > maxResolveDepth {
		return Ref{}
	}
	named := args.NamedChildren()
	if len(named) == 0 {
		return Ref{}
	}
	cm := Unparen(named[0])
	if cm == nil || cm.Type() == "keyword_argument" || cm.Type() == "list_splat" || cm.Type() == "dictionary_splat" {
		return Ref{}
	}
	if cm.Type() == "call" {
		callee := m.resolve(cm.ChildByField("function"), depth+1)
		if callee.Func != nil && callee.Func.Generator {
			return Ref{}
		}
		if async && callee.Func == nil && callee.Class == nil {
			if t := pylib.AwaitResult(callee.Name); t != "" {
				return Ref{Name: t, Instance: true}
			}
		}
	}
	return m.resolve(cm, depth+1)
}

// withValue reports whether v is the context expression of a `with v as
// name:` item, and whether the statement is an `async with`.
func withValue(v *Node) (in, async bool) {
	p := v.Parent()
	if p == nil || p.Type() != "as_pattern" {
		return false, false
	}
	for q := p.Parent(); q != nil; q = q.Parent() {
		switch q.Type() {
		case "with_item", "with_clause":
		case "with_statement":
			return true, q.HasToken("async")
		default:
			return false, false
		}
	}
	return false, false
}

// generatorEntered is what `with v as name:` (or `async with`) binds the
// name to when v calls a generator function of the project turned into a
// context manager (`@contextlib.contextmanager` for `with`,
// `@contextlib.asynccontextmanager` on an async generator for `async
// with`): what the generator yields, not what calling it returns. The
// return annotation's yield type when it has one (`-> Iterator[T]`,
// `Generator[T, None, None]`, `AsyncIterator[T]`, `AsyncGenerator[T,
// None]`), else what every `yield` of the body yields, when they agree.
// ok reports that v is such a call (its result, maybe unknown, is then
// the answer: the call's own return type is the generator's).
func (m *Module) generatorEntered(v *Node, depth int) (r Ref, ok bool) {
	v = Unparen(v)
	if v == nil || v.Type() != "call" || depth > maxResolveDepth {
		return Ref{}, false
	}
	in, async := withValue(v)
	if !in {
		return Ref{}, false
	}
	f := m.resolve(v.ChildByField("function"), depth+1).Func
	if f == nil {
		return Ref{}, false
	}
	return f.contextManagerYield(async, depth)
}

// contextManagerYield is what entering a call of f binds when f is a
// generator turned into a context manager of the kind the statement needs
// (`@contextlib.contextmanager` for `with`, `@contextlib.asynccontextmanager`
// on an async generator for `async with`); see generatorEntered. ok
// reports that f is such a generator.
func (f *Function) contextManagerYield(async bool, depth int) (r Ref, ok bool) {
	if f == nil || !f.Generator || f.Async != async || f.Lambda || depth > maxResolveDepth {
		return Ref{}, false
	}
	decorated := false
	for _, d := range f.Decorators {
		expr := d.NamedChildren()
		if len(expr) == 0 {
			continue
		}
		if isAsync, known := pylib.GeneratorContextManagers[f.module.Resolve(expr[0]).Name]; known && isAsync == async {
			decorated = true
		}
	}
	if !decorated {
		return Ref{}, false
	}
	if rt := Unparen(f.Node.ChildByField("return_type")); rt != nil {
		return f.module.yieldAnnotation(rt, depth+1), true
	}
	return f.yieldedType(depth), true
}

// yieldedType is what every `yield` of the generator f's body yields, when
// they agree (a `yield from` is unknown); the zero Ref when none yields.
func (f *Function) yieldedType(depth int) Ref {
	var values []*Node
	if body := f.Node.ChildByField("body"); body != nil {
		body.Walk(func(n *Node) bool {
			switch n.Type() {
			case "function_definition", "lambda", "class_definition":
				return false
			case "yield":
				if IsYieldFrom(n) {
					values = append(values, nil)
				} else if named := n.NamedChildren(); len(named) == 1 {
					values = append(values, named[0])
				}
				return false
			}
			return true
		})
	}
	if len(values) == 0 {
		return Ref{}
	}
	return f.module.agree(values, depth+1)
}

// enteredVia is, for the context expression v of a `with`/`async with`
// item whose callee only the project can follow (a function or an
// attribute of a value of another module), the Via path of what the
// statement binds (enteredCallVia, asyncEnteredCallVia): Project.enteredCall
// decides it once the callee is known. The zero Ref otherwise.
func (m *Module) enteredVia(v *Node, depth int) Ref {
	v = Unparen(v)
	if v == nil || v.Type() != "call" {
		return Ref{}
	}
	in, async := withValue(v)
	if !in {
		return Ref{}
	}
	marker := enteredCallVia
	if async {
		marker = asyncEnteredCallVia
	}
	callee := m.resolve(v.ChildByField("function"), depth+1)
	switch {
	case callee.Known() && callee.Func == nil && callee.Class == nil && !callee.Instance && callee.Name != "":
		return Ref{Via: callee.Name + marker}
	case !callee.Known() && callee.Via != "":
		return Ref{Via: callee.Via + marker}
	}
	return Ref{}
}

// yieldAnnotation is the type a generator's return annotation gives its
// yields: the first parameter of Iterator/Iterable/Generator and their
// async counterparts; unknown for anything else.
func (m *Module) yieldAnnotation(t *Node, depth int) Ref {
	t = Unparen(t)
	if t != nil && t.Type() == "type" {
		if named := t.NamedChildren(); len(named) == 1 {
			t = Unparen(named[0])
		}
	}
	if t == nil || depth > maxResolveDepth {
		return Ref{}
	}
	var base *Node
	var params []*Node
	switch t.Type() {
	case "subscript":
		base, params = t.ChildByField("value"), t.ChildrenByField("subscript")
	case "generic_type":
		named := t.NamedChildren()
		if len(named) != 2 {
			return Ref{}
		}
		base, params = named[0], named[1].NamedChildren()
	default:
		return Ref{}
	}
	if len(params) == 0 {
		return Ref{}
	}
	// Python's generator annotations as typing spells them: syntax, not
	// library facts.
	switch strings.TrimPrefix(strings.TrimPrefix(m.resolve(base, depth+1).Name, "typing."), "collections.abc.") {
	case "Iterator", "Iterable", "Generator", "AsyncIterator", "AsyncIterable", "AsyncGenerator":
		return m.annotationType(params[0], depth+1)
	}
	return Ref{}
}

// awaitedCallVia ends a Via path at the result of awaiting the call it
// names.
const awaitedCallVia = "()@"

// itemVia, in a Via path, is a subscript of the value so far
// (`mongo.database[name]`): an item of a library object whose items are
// its attributes (pylib.ItemsAreAttributes: a database of a client, a
// collection of a database), whatever the key; nothing otherwise.
const itemVia = "[]"

// keyedItemVia starts, in a Via path, a subscript of the value so far with
// a constant key, written up to the next "]" (`[=Body]`): the item's type
// when the library records the items of the value's type by key
// (pylib.ItemTypes), else what itemVia gives.
const keyedItemVia = "[="

// viaKey reports whether a constant key can be written in a Via path: a
// name of letters, digits, '_' and '-' (no character a path uses).
func viaKey(key string) bool {
	if key == "" {
		return false
	}
	for _, c := range key {
		if !(c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// sliceVia, in a Via path, is a slice of the value so far (`qs[a:b]`): a
// value of the type pylib.SliceTypes gives for the value's type; nothing
// otherwise.
const sliceVia = "[:]"

// itemStart is the index in via where its first item step begins (itemVia,
// keyedItemVia or sliceVia), or -1.
func itemStart(via string) int {
	k := strings.Index(via, itemVia)
	for _, step := range []string{keyedItemVia, sliceVia} {
		if j := strings.Index(via, step); j >= 0 && (k < 0 || j < k) {
			k = j
		}
	}
	return k
}

// enteredCallVia and asyncEnteredCallVia end a Via path at what `with` and
// `async with` bind entering the call it names (Project.enteredCall).
const (
	enteredCallVia      = "()&"
	asyncEnteredCallVia = "()&&"
)

// soleSubclassVia brackets, at the start of a Via path, a library class of
// pylib.RunningInstances: the path continues from an instance of the
// project's one subclass of it (Project.soleSubclass), or from the library
// class when the project has none or several.
const soleSubclassVia = "^"

// resolveConditional types `a if cond else b`: the branches must agree
// (None is skipped, as in agree). A branch of unknown type that the
// condition tests is the "given, or else a default" idiom
// (`session if session else ClientSession()`, like `session or ...`): the
// other branch names its type.
func (m *Module) resolveConditional(n *Node, depth int) Ref {
	named := n.NamedChildren()
	if len(named) != 3 {
		return Ref{}
	}
	cond := m.File.Text(named[1])
	var out Ref
	seen := false
	var untyped []*Node
	var vias []string
	for _, branch := range []*Node{named[0], named[2]} {
		b := Unparen(branch)
		if b == nil {
			return Ref{}
		}
		if b.Type() == "none" {
			continue
		}
		r := m.resolve(b, depth+1)
		if r.Cyclic {
			// A branch derived from a binding still being resolved
			// (`qs = qs.order_by(k) if k else qs`): so is the whole value,
			// which resolveBinding checks once a type is known.
			return Ref{Cyclic: true}
		}
		if !r.Known() {
			if r.Via != "" && !((b.Type() == "identifier" || b.Type() == "attribute") && containsWord(cond, m.File.Text(b))) {
				// What only the project can resolve (`qs.order_by("id")[:n]
				// if n else qs[:]` over a model of another module).
				vias = append(vias, r.Via)
				continue
			}
			untyped = append(untyped, b)
			continue
		}
		if seen && (r.Name != out.Name || r.Instance != out.Instance) {
			return Ref{}
		}
		out, seen = r, true
	}
	for _, b := range untyped {
		if (b.Type() != "identifier" && b.Type() != "attribute") || !containsWord(cond, m.File.Text(b)) {
			return Ref{}
		}
	}
	if len(vias) > 0 {
		if seen {
			return Ref{} // a known type and a path: nothing to compare them by here
		}
		return Ref{Via: unionVia(vias...)}
	}
	return out
}

// unionOpen, unionSep and unionClose write, in a Via path, the value one
// of several paths gives (`{a|b}`): the project resolves each and the
// value is what they all agree on, unknown when they disagree
// (Project.unionOf). The branches of a conditional expression and the
// values a name is bound to that only the project can resolve.
const (
	unionOpen  = "{"
	unionSep   = "|"
	unionClose = "}"
)

// unionVia is the Via path of the value one of vias gives: the one path
// when they are all the same. A path that is a whole union itself gives
// its paths, so that a name rebound many times (`if a: qs =
// qs.filter(a=a)`, once per optional filter) holds one flat union of the
// distinct paths, not a union nested once per value, whose length and
// depth grew with the values until the project gave up on it.
func unionVia(vias ...string) string {
	var distinct []string
	for _, v := range vias {
		parts := []string{v}
		if ps, rest, ok := splitUnion(v); ok && rest == "" {
			parts = ps
		}
		for _, part := range parts {
			if !slices.Contains(distinct, part) {
				distinct = append(distinct, part)
			}
		}
	}
	if len(distinct) == 1 {
		return distinct[0]
	}
	return unionOpen + strings.Join(distinct, unionSep) + unionClose
}

// splitUnion splits a Via path that starts with a union (`{a|b}.rest`)
// into the union's paths and the rest of the path after it; ok is false
// when via does not start with a well-formed union.
func splitUnion(via string) (parts []string, rest string, ok bool) {
	if !strings.HasPrefix(via, unionOpen) {
		return nil, "", false
	}
	level, start := 0, len(unionOpen)
	for i := 0; i < len(via); i++ {
		switch via[i : i+1] {
		case unionOpen:
			level++
		case unionClose:
			level--
			if level == 0 {
				return append(parts, via[start:i]), via[i+1:], true
			}
		case unionSep:
			if level == 1 {
				parts = append(parts, via[start:i])
				start = i + 1
			}
		}
	}
	return nil, "", false
}

// containsWord reports whether text mentions word as a whole dotted name.
func containsWord(text, word string) bool { return containsName(text, word, isNameByte) }

// ContainsIdentifier reports whether text mentions name as a whole
// identifier: `_stop` in `self._stop.is_set()`, not in `_stopped`.
func ContainsIdentifier(text, name string) bool {
	return containsName(text, name, func(c byte) bool { return c != '.' && isNameByte(c) })
}

// containsName reports whether text holds word with no name byte (as
// inName says) right before or after it.
func containsName(text, word string, inName func(byte) bool) bool {
	for i := strings.Index(text, word); i >= 0; {
		end := i + len(word)
		before := i == 0 || !inName(text[i-1])
		after := end == len(text) || !inName(text[end])
		if before && after {
			return true
		}
		next := strings.Index(text[i+1:], word)
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

func isNameByte(c byte) bool {
	return c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func (m *Module) resolveName(n *Node, name string, depth int) Ref {
	b := m.ScopeAt(n).Lookup(name)
	if b == nil {
		if builtins[name] {
			return Ref{Name: name}
		}
		if mod := m.starSource(); mod != "" {
			return Ref{Name: mod + "." + name}
		}
		if libraryModules()[name] && !m.hasStarImport() {
			// Bound nowhere in the file and named like a library module the
			// tables know (`httpx.Client()` with the import elsewhere: a
			// snippet, an exec'd prelude): it can only mean that module, as
			// flake8-async reads it. After a star import it may be anything.
			return Ref{Name: name}
		}
		return Ref{}
	}
	switch b.Kind {
	case BindImport:
		// from builtins import open: the builtin itself.
		return Ref{Name: strings.TrimPrefix(b.Qualified, "builtins.")}
	case BindDef:
		return Ref{Name: b.Func.FullName(), Func: b.Func}
	case BindClass:
		return Ref{Name: b.Class.FullName(), Class: b.Class}
	case BindParam:
		if len(b.Values) > 0 {
			return m.resolveBinding(b, depth)
		}
		return m.resolveParam(b, depth)
	case BindAssign, BindLoop:
		return m.resolveBinding(b, depth)
	}
	return Ref{}
}

// libraryModules are the top-level modules the library tables know.
var libraryModules = sync.OnceValue(pylib.Roots)

// hasStarImport reports whether the module has a `from x import *` anywhere.
func (m *Module) hasStarImport() bool {
	for _, imp := range m.Imports {
		if imp.Name == "*" {
			return true
		}
	}
	return false
}

// starSource returns the module of the module's only `from x import *`, the
// one place an otherwise unbound name can come from; "" when there is none
// or several (which of them binds the name is not known here).
func (m *Module) starSource() string {
	source := ""
	for _, imp := range m.Imports {
		if imp.Name != "*" || imp.Scope != m.Scope {
			continue
		}
		if source != "" || imp.Module == "" {
			return ""
		}
		source = imp.Module
	}
	return source
}

// getattrMember resolves `getattr(obj, "name")` and `getattr(obj, "name",
// default)` to obj's member name, as the attribute `obj.name` resolves; a
// name that is not a constant identifier resolves to nothing.
func (m *Module) getattrMember(call *Node, depth int) Ref {
	args := call.ChildByField("arguments")
	if args == nil {
		return Ref{}
	}
	a := args.NamedChildren()
	if len(a) < 2 || len(a) > 3 {
		return Ref{}
	}
	for _, x := range a {
		if t := x.Type(); t == "keyword_argument" || t == "list_splat" || t == "dictionary_splat" {
			return Ref{}
		}
	}
	name := StringConstant(m.File, a[1])
	if !isIdentifierText(name) {
		return Ref{}
	}
	obj := m.resolve(a[0], depth+1)
	if !obj.Known() || obj.Cyclic {
		return Ref{}
	}
	return member(obj, name, depth)
}

// resolveBinding resolves an assigned name once; a cycle (x = x.y) resolves
// to unknown.
func (m *Module) resolveBinding(b *Binding, depth int) Ref {
	if b.resolved {
		return b.resolution()
	}
	if b.resolving {
		return Ref{Cyclic: true}
	}
	b.resolving = true
	m.resolvingBindings++
	var r Ref
	if b.Kind == BindParam {
		r = m.reassignedParam(b, depth)
	} else {
		var skipped bool
		r, skipped = m.agreeSkipping(b.Values, depth)
		if skipped && (r.Known() || r.Via != "") && !r.Cyclic {
			r = m.checkSelfDerived(b, r, depth)
		}
	}
	b.resolving = false
	m.resolvingBindings--
	// A value that led back to a binding still being resolved is not this
	// binding's final answer: it is worked out again once that one is done.
	// The outermost resolution always settles (every value of `x = copy(x)`
	// leads back to x: nothing is known), so a finished module is read-only.
	if r.Cyclic && m.resolvingBindings > 0 {
		return r
	}
	if r.Cyclic {
		r = Ref{}
	}
	b.setResolution(r)
	if m.tentative != nil {
		*m.tentative = append(*m.tentative, b)
	}
	return r
}

// checkSelfDerived decides a binding some of whose values are derived from
// the binding itself (`filepath = gzip_path` where `gzip_path =
// filepath.with_name(...)`, `path = path.parent`): agree passed over them,
// and the other values agree on r. With the binding taken to hold r, every
// value must give r again (a fixed point); `x = resp` then `x = x.json()`
// changes the type and stays unknown. What the check resolved on the
// tentative answer is forgotten when it fails.
func (m *Module) checkSelfDerived(b *Binding, r Ref, depth int) Ref {
	outer := m.tentative
	var resolved []*Binding
	m.tentative = &resolved
	b.setResolution(r)
	pathOnly := !r.Known()
	if pathOnly {
		m.selfDerivedPaths++
	}
	again, _ := m.agreeSkipping(b.Values, depth)
	if pathOnly {
		m.selfDerivedPaths--
	}
	m.tentative = outer
	b.resolved, b.ref = false, nil
	if again.Known() && !again.Cyclic && again.Name == r.Name && again.Instance == r.Instance &&
		again.Via == r.Via && again.Class == r.Class && again.Func == r.Func {
		if outer != nil {
			*outer = append(*outer, resolved...)
		}
		return r
	}
	// r is a path only the project can resolve (a queryset of another
	// module's model, then `qs = qs[a:b]`): the values, taken from it, give
	// paths too, and the binding holds what they all agree on (a union the
	// project decides: Project.unionOf), which is the fixed point when they
	// agree and unknown when they do not.
	if !r.Known() && r.Via != "" && !again.Known() && !again.Cyclic && again.Via != "" {
		if outer != nil {
			*outer = append(*outer, resolved...)
		}
		return Ref{Via: unionVia(r.Via, again.Via)}
	}
	for _, nb := range resolved {
		nb.resolved, nb.ref = false, nil
	}
	return Ref{}
}

// agree resolves every value and returns the common result; None values are
// ignored (x = None ... x = Client() is a common lazy initialisation), and so
// are values that lead back to the binding being resolved (Ref.Cyclic): they
// hold what the binding already holds.
func (m *Module) agree(values []*Node, depth int) Ref {
	r, _ := m.agreeSkipping(values, depth)
	return r
}

// agreeSkipping is agree that also reports whether a value was passed over
// as leading back to a binding being resolved.
func (m *Module) agreeSkipping(values []*Node, depth int) (Ref, bool) {
	var out Ref
	seen, cyclic := false, false
	for _, v := range values {
		v = Unparen(v)
		if v == nil {
			return Ref{}, cyclic
		}
		if v.Type() == "none" {
			continue
		}
		if v.Field() == "type" && v.Parent() != nil && v.Parent().Type() == "assignment" {
			// A declaration (`c: "AsyncRedis"` with no value, or `= None`,
			// `= []`) names the type of everything the name will hold: it
			// wins over the values' own (possibly aliased) names.
			if r := m.annotationType(v, depth+1); r.Known() {
				return r, cyclic
			}
		}
		r, unpacked := m.unpackedValue(v, depth)
		if !unpacked {
			r = m.declaredType(v, depth)
			entered := false
			if !r.Known() {
				r, entered = m.generatorEntered(v, depth)
			}
			if !r.Known() && !entered && asyncWithValue(v) {
				r = m.asyncEntered(v, depth)
			}
			if !r.Known() && !entered {
				r = m.resolve(v, depth+1)
				// `async with db_service.get_session() as session` where
				// the callee is another module's: what entering it binds
				// is decided across modules.
				if !r.Known() && r.Via != "" {
					if e := m.enteredVia(v, depth); e.Via != "" {
						r = e
					}
				}
			}
		}
		if r.Cyclic {
			cyclic = true
			continue
		}
		if !r.Known() && r.Via == "" {
			return Ref{}, cyclic
		}
		if m.selfDerivedPaths > 0 && seen && !r.Known() && !out.Known() && r.Via != "" && out.Via != "" && r.Via != out.Via {
			// Two values only the project can resolve, while checkSelfDerived
			// takes the binding to hold a path: the one their paths agree
			// on, decided there. (Elsewhere two paths that differ stay
			// unknown: `self._conn` assigned two clients of unknown type
			// in two methods is no one value.)
			out = Ref{Via: unionVia(out.Via, r.Via)}
			continue
		}
		if seen && (r.Name != out.Name || r.Instance != out.Instance || r.Via != out.Via) {
			return Ref{}, cyclic
		}
		out, seen = r, true
	}
	if !seen && cyclic {
		return Ref{Cyclic: true}, true
	}
	return out, cyclic
}

// declaredType is the type an annotated assignment declares for its value
// (`f: TextIOWrapper = make()`): the annotation states what the name holds
// even when the value's own type is unknown.
func (m *Module) declaredType(v *Node, depth int) Ref {
	a := v.Parent()
	if a == nil || a.Type() != "assignment" || v.Field() != "right" {
		return Ref{}
	}
	t := a.ChildByField("type")
	if t == nil {
		return Ref{}
	}
	r := m.annotationType(t, depth+1)
	if typeAliasMarker(r.Name) {
		// `MyEntry: TypeAlias = ConfigEntry[MyData]` names a type.
		return asType(m.annotationType(v, depth+1))
	}
	return r
}

// asType turns the instance an annotation describes into the type itself
// (what a type alias denotes).
func asType(r Ref) Ref {
	if !r.Known() {
		return Ref{}
	}
	r.Instance = false
	return r
}

// typeAliasMarker reports typing's TypeAlias annotation (annotation syntax).
func typeAliasMarker(name string) bool {
	return name == "typing.TypeAlias" || name == "typing_extensions.TypeAlias" || name == "TypeAlias"
}

// specialForm reports typing's forms whose subscript is a type
// (annotation syntax).
func specialForm(name string) bool {
	switch name {
	case "typing.Optional", "Optional", "typing_extensions.Optional", "typing.Annotated", "typing_extensions.Annotated", "Annotated",
		"typing.Union", "Union", "typing_extensions.Union":
		return true
	}
	return false
}

// reassignedParam resolves a parameter that the body assigns again: the
// annotation (or self) and every assigned value must agree; an untyped
// parameter takes the type of its assigned values (`path = Path(path)`).
func (m *Module) reassignedParam(b *Binding, depth int) Ref {
	values := m.agree(b.Values, depth)
	if values.Cyclic {
		// Every assigned value is the parameter again (`m = deepcopy(m)`).
		return m.resolveParam(b, depth)
	}
	if !values.Known() {
		return Ref{}
	}
	param := m.resolveParam(b, depth)
	if param.Known() && (param.Name != values.Name || param.Instance != values.Instance) {
		return Ref{}
	}
	if !param.Known() && m.annotatedUnion(b.Node, depth) {
		// `transport: Optional[Union[Transport, AsyncTransport]] = None`
		// then `if not transport: transport = LocalSchemaTransport()` (gql):
		// the assigned value is one of the types the annotation allows, not
		// the only one the parameter may hold.
		return Ref{}
	}
	return values
}

// annotatedUnion reports a typed parameter whose annotation is a union of
// two or more types besides None (`Union[A, B]`, `A | B`, also inside
// `Optional[...]`).
func (m *Module) annotatedUnion(p *Node, depth int) bool {
	if p == nil || (p.Type() != "typed_parameter" && p.Type() != "typed_default_parameter") {
		return false
	}
	n := 0
	var count func(t *Node, depth int)
	count = func(t *Node, depth int) {
		t = Unparen(t)
		if t == nil || depth > maxResolveDepth || isNoneAnnotation(m.File, t) {
			return
		}
		switch t.Type() {
		case "type":
			for _, c := range t.NamedChildren() {
				count(c, depth+1)
			}
			return
		case "binary_operator":
			if op := t.ChildByField("operator"); op != nil && m.File.Text(op) == "|" {
				count(t.ChildByField("left"), depth+1)
				count(t.ChildByField("right"), depth+1)
				return
			}
		case "subscript", "generic_type":
			var base *Node
			var params []*Node
			if t.Type() == "subscript" {
				base, params = t.ChildByField("value"), t.ChildrenByField("subscript")
			} else if named := t.NamedChildren(); len(named) == 2 {
				base, params = named[0], named[1].NamedChildren()
			}
			switch m.resolve(base, depth+1).Name {
			case "typing.Optional", "Optional", "typing_extensions.Optional", "typing.Union", "Union", "typing_extensions.Union":
				for _, q := range params {
					count(q, depth+1)
				}
				return
			}
		}
		n++
	}
	count(p.ChildByField("type"), depth)
	return n >= 2
}

func (m *Module) resolveParam(b *Binding, depth int) Ref {
	p := b.Node
	// An annotation names the type: session: requests.Session.
	if p.Type() == "typed_parameter" || p.Type() == "typed_default_parameter" {
		if t := p.ChildByField("type"); t != nil {
			if r := m.annotationType(t, depth); r.Known() {
				return r
			}
		}
	}
	// The first parameter of a method is the instance (or the class).
	scope := m.scopeOfNode(functionNodeOfParam(p))
	if scope == nil || scope.Func == nil {
		return Ref{}
	}
	f := scope.Func
	// A default naming a dependency the framework injects:
	// client=Depends(get_client).
	if r, ok := m.injectedParamType(p, depth); ok {
		return r
	}
	if t := m.callbackParamType(f, b.Name); t != "" {
		return Ref{Name: t, Instance: true}
	}
	if m.callerTypesAsked != nil {
		m.callerTypesAsked[paramOf{f, b.Name}] = true
	}
	if r, ok := m.callerTypes[f][b.Name]; ok {
		return r
	}
	if r, ok := m.fixtureParamType(f, b.Name, depth); ok {
		return r
	}
	if f.Class == nil || len(f.Params) == 0 || f.Params[0] != b.Name || f.decoratedWith("staticmethod") {
		if paramKind(f, b.Name) == untypedParam {
			// A Sphinx field of the docstring: `:type tcp_sock: TCPSocket`.
			if r := m.docstringParamType(f, b.Name); r.Known() {
				return r
			}
			// What the project's calls pass, when they agree.
			if via := callerVia(f, b.Name); via != "" {
				return Ref{Via: via}
			}
			// A library's convention for the parameters of the coroutine
			// functions it calls (gRPC's `(self, request, context)`).
			if t := conventionParamType(f, b.Name); t != "" {
				return Ref{Name: t, Instance: true}
			}
		}
		return Ref{}
	}
	kind := "instance"
	for _, d := range f.Decorators {
		switch strings.TrimSpace(strings.TrimPrefix(m.File.Text(d), "@")) {
		case "staticmethod":
			return Ref{}
		case "classmethod":
			kind = "class"
		}
	}
	return Ref{Name: f.Class.FullName(), Class: f.Class, Instance: kind == "instance"}
}

// docstringParamType is the type a Sphinx field `:type name: T` gives the
// untyped parameter name of f, in f's docstring or, for `__init__`, its
// class's (which documents the constructor's parameters): the instance of
// a class of the project that T, a plain dotted name, names where f is
// defined (tcppinglib's `AsyncTCPSocket(tcp_sock)`, documented `:type
// tcp_sock: TCPSocket`; bench/realbugs99): a plain name a class statement
// of the module binds. A builtin, an imported or library type, or a
// dotted name is not taken: the field is prose no tool checks, and a
// wrong one may only hide a finding, not make one about library code.
func (m *Module) docstringParamType(f *Function, name string) Ref {
	if f == nil || f.Lambda || f.Node == nil {
		return Ref{}
	}
	docs := []*Node{f.Node}
	if f.Name == "__init__" && f.Class != nil && f.Class.Node != nil {
		docs = append(docs, f.Class.Node)
	}
	field := ":type " + name + ":"
	for _, def := range docs {
		doc := m.docstringOf(def)
		i := strings.Index(doc, field)
		if i < 0 {
			continue
		}
		text := doc[i+len(field):]
		if j := strings.IndexByte(text, '\n'); j >= 0 {
			text = text[:j]
		}
		text = strings.TrimSpace(text)
		if !isIdentifierText(text) {
			return Ref{}
		}
		// Looked up where the def's name is (the enclosing scope), as an
		// annotation is, and taken only when a class statement binds it:
		// no other binding is resolved (no parameter, assignment or
		// import), so the answer never comes back to a parameter.
		at := f.Node.ChildByField("name")
		if at == nil {
			return Ref{}
		}
		if b := m.ScopeAt(at).Lookup(text); b != nil && b.Kind == BindClass && b.Class != nil {
			return Ref{Name: b.Class.FullName(), Class: b.Class, Instance: true}
		}
		return Ref{}
	}
	return Ref{}
}

// docstringOf is the text of the docstring of a def or class node: the
// string its body starts with, "" when there is none.
func (m *Module) docstringOf(def *Node) string {
	body := def.ChildByField("body")
	if body == nil {
		return ""
	}
	for _, s := range body.NamedChildren() {
		if s.Type() == "comment" {
			continue
		}
		if s.Type() != "expression_statement" {
			return ""
		}
		named := s.NamedChildren()
		if len(named) != 1 || named[0].Type() != "string" {
			return ""
		}
		return m.File.Text(named[0])
	}
	return ""
}

// returnTypeWith is returnType for a method called on an instance of its
// generic class with type arguments args (`Holder[Client]`): a return
// annotation naming a type parameter (`-> T`) is the argument's type.
func (f *Function) returnTypeWith(args *TypeArgs, depth int) Ref {
	if args != nil && f.Class != nil {
		if r, ok := f.Class.typeArgOf(f.Node.ChildByField("return_type"), args, depth); ok {
			return r
		}
	}
	return f.returnType(depth)
}

// returnType is the instance a function's return annotation names.
func (f *Function) returnType(depth int) Ref {
	rt := f.Node.ChildByField("return_type")
	if rt != nil {
		r := f.module.annotationType(rt, 1)
		if r != (Ref{}) && f.returnsItsArgument() {
			// The annotation names the type the caller's object is
			// assumed to have, not a new object of that type: click's
			// `_find_binary_writer(stream) -> Optional[BinaryIO]` returns
			// `cast(BinaryIO, stream)` or `stream.buffer`, and what is
			// passed is sys.stdout, not a file on disk.
			return Ref{}
		}
		return r
	}
	// Unannotated: what every return statement returns, when they agree
	// (`def make_client(): return ApiClient()`).
	if f.Lambda || depth > maxResolveDepth {
		return Ref{}
	}
	var values []*Node
	for _, ret := range f.returnStatements() {
		// A bare return is None, which agree skips like `return None`.
		if named := ret.NamedChildren(); len(named) > 0 {
			values = append(values, named[0])
		}
	}
	if len(values) == 0 {
		return f.stubOverridesReturn(depth)
	}
	return f.module.agree(values, depth)
}

// stubOverridesReturn is the type a method that is only a stub to override
// (isStub: `raise NotImplementedError`, `pass`, a docstring) returns when
// called on self: what every override of it returns, in the classes of
// the stub's own module that derive from its class, when there is at least
// one and they agree (tcppinglib's TCPSocket, whose `_create_socket` the
// module's TCPv4Socket and TCPv6Socket define as `return
// socket.socket(...)`, so the base's `self._sock.connect(...)` is a
// blocking socket call; bench/realbugs99). Only the module is read, as
// for every answer of Resolve; a subclass elsewhere is not seen.
func (f *Function) stubOverridesReturn(depth int) Ref {
	if f.Class == nil || f.Async || f.Generator || f.Name == "" || strings.HasPrefix(f.Name, "__") ||
		depth > maxResolveDepth || !f.isStub() {
		return Ref{}
	}
	m := f.module
	var out Ref
	for _, c := range m.Classes {
		if c == f.Class || !m.DerivesInModule(c, f.Class) {
			continue
		}
		o := c.Methods[f.Name]
		if o == nil {
			continue
		}
		if o.Async || o.Generator || o.isStub() {
			return Ref{}
		}
		r := o.returnType(depth + 1)
		if !r.Known() || (out.Known() && r != out) {
			return Ref{}
		}
		out = r
	}
	return out
}

// DerivesInModule reports whether class c of m derives from base through
// bases that resolve, in m, to classes of m: what m alone says of c's
// bases, without a project.
func (m *Module) DerivesInModule(c, base *Class) bool { return m.derivesInModule(c, base, 0) }

func (m *Module) derivesInModule(c, base *Class, depth int) bool {
	if depth > 8 || c == nil {
		return false
	}
	for _, b := range c.Bases {
		if b.Type() == "keyword_argument" {
			continue
		}
		r := m.Resolve(b)
		if r.Class == nil || r.Instance {
			continue
		}
		if r.Class == base || (r.Class.module == m && m.derivesInModule(r.Class, base, depth+1)) {
			return true
		}
	}
	return false
}

// returnsItsArgument reports a function all of whose returns give back
// what it was given: a parameter it never rebinds, an attribute of one
// (`stream.buffer`, `getattr(stream, "buffer", None)`), a `typing.cast` of
// either, a local assigned only such values, or None; at least one return
// gives a parameter's value. Methods' `self` does not count (a method
// returning `self.x` returns the object's own state).
func (f *Function) returnsItsArgument() bool {
	if f.Lambda || len(f.Params) == 0 {
		return false
	}
	rets := f.returnStatements()
	if len(rets) == 0 {
		return false
	}
	some := false
	for _, ret := range rets {
		named := ret.NamedChildren()
		if len(named) == 0 {
			continue
		}
		if len(named) != 1 {
			return false
		}
		v := Unparen(named[0])
		if v != nil && v.Type() == "none" {
			continue
		}
		if !f.derivedFromParam(v, 0) {
			return false
		}
		some = true
	}
	return some
}

// decoratedWith reports a decorator written `@name` or `@x.name`.
func (f *Function) decoratedWith(name string) bool {
	for _, d := range f.Decorators {
		t := f.module.File.Text(d)
		t = strings.TrimPrefix(strings.TrimSpace(t), "@")
		if t == name || strings.HasSuffix(t, "."+name) {
			return true
		}
	}
	return false
}

// derivedFromParam: see returnsItsArgument.
func (f *Function) derivedFromParam(v *Node, depth int) bool {
	v = Unparen(v)
	if v == nil || depth > 3 {
		return false
	}
	m := f.module
	switch v.Type() {
	case "identifier":
		name := m.File.Text(v)
		if f.Class != nil && name == f.Params[0] && !f.decoratedWith("staticmethod") {
			return false // self or cls: the object's own state
		}
		b := f.Scope.Bindings.Get(name)
		if b == nil {
			return false
		}
		switch b.Kind {
		case BindParam:
			return true
		case BindAssign:
			if len(b.Values) == 0 {
				return false
			}
			for _, val := range b.Values {
				if val == nil || !f.derivedFromParam(val, depth+1) {
					return false
				}
			}
			return true
		}
		return false
	case "attribute":
		return f.derivedFromParam(v.ChildByField("object"), depth+1)
	case "call":
		fn := v.ChildByField("function")
		args := v.ChildByField("arguments")
		if fn == nil || args == nil {
			return false
		}
		callee := m.File.Text(fn)
		a := args.NamedChildren()
		switch {
		case (callee == "cast" || strings.HasSuffix(callee, ".cast")) && len(a) == 2:
			return f.derivedFromParam(a[1], depth+1)
		case callee == "getattr" && len(a) >= 2:
			return f.derivedFromParam(a[0], depth+1)
		}
	}
	return false
}

// selfAttrReturned returns NAME when every return statement of method f
// returns `self.NAME` (self being its first parameter), "" otherwise.
func (f *Function) selfAttrReturned() string {
	if len(f.Params) == 0 {
		return ""
	}
	name := ""
	for _, ret := range f.returnStatements() {
		named := ret.NamedChildren()
		if len(named) != 1 {
			return ""
		}
		v := Unparen(named[0])
		if v == nil || v.Type() != "attribute" {
			return ""
		}
		obj := v.ChildByField("object")
		if obj == nil || obj.Type() != "identifier" || f.module.File.Text(obj) != f.Params[0] {
			return ""
		}
		a := f.module.File.Text(v.ChildByField("attribute"))
		if name != "" && a != name {
			return ""
		}
		name = a
	}
	return name
}

// annotationType resolves a type annotation to the instance it describes:
// `requests.Session`, `"Repo"`, `Optional[Session]`, `Session | None`,
// `Annotated[Session, ...]`. Unknown or ambiguous annotations (unions of two
// types, generics of containers) resolve to nothing.
func (m *Module) annotationType(t *Node, depth int) Ref {
	t = Unparen(t)
	if t == nil || depth > maxResolveDepth {
		return Ref{}
	}
	switch t.Type() {
	case "type":
		if named := t.NamedChildren(); len(named) == 1 {
			return m.annotationType(named[0], depth+1)
		}
		return Ref{}
	case "string":
		return m.annotationText(t, strings.Trim(m.File.Text(t), `"'`))
	case "binary_operator":
		// X | None
		left, right := t.ChildByField("left"), t.ChildByField("right")
		switch {
		case isNoneAnnotation(m.File, right):
			return m.annotationType(left, depth+1)
		case isNoneAnnotation(m.File, left):
			return m.annotationType(right, depth+1)
		}
		return Ref{}
	case "generic_type", "subscript":
		var base *Node
		var params []*Node
		if t.Type() == "subscript" {
			base = t.ChildByField("value")
			params = t.ChildrenByField("subscript")
		} else {
			named := t.NamedChildren()
			if len(named) != 2 {
				return Ref{}
			}
			base = named[0]
			for _, p := range named[1].NamedChildren() {
				params = append(params, p)
			}
		}
		// Annotation syntax (typing's special forms), not library facts.
		switch m.resolve(base, depth+1).Name {
		case "typing.Optional", "Optional", "typing_extensions.Optional", "typing.Annotated", "typing_extensions.Annotated", "Annotated",
			// `Final[Session]`, `ClassVar[Session]` (PEP 591, PEP 526): qualifiers
			// of the name, whose subscript is its type.
			"typing.Final", "typing_extensions.Final", "typing.ClassVar", "typing_extensions.ClassVar":
			if len(params) > 0 {
				return m.annotationType(params[0], depth+1)
			}
		case "typing.Union", "Union", "typing_extensions.Union":
			var only *Node
			for _, p := range params {
				if isNoneAnnotation(m.File, p) {
					continue
				}
				if only != nil {
					return Ref{}
				}
				only = p
			}
			if only != nil {
				return m.annotationType(only, depth+1)
			}
			return Ref{}
		}
		// IO[str], Queue[int]: an instance of the generic class;
		// ConfigEntry[MyData] keeps its argument for the attribute it types.
		r := m.annotationType(base, depth+1)
		// Also a class of another module, maybe generic (member writes
		// the arguments into the path the project follows).
		if r.Instance && r.Args == nil && (r.Class == nil && (pylib.IsGenericClass(r.Name) || !knownLibrary(r.Name)) ||
			r.Class != nil && len(r.Class.typeParams()) == len(params)) {
			r.Args = &TypeArgs{module: m, params: params}
		}
		return r
	}
	r := m.resolve(t, depth+1)
	if typeOfValue(r.Name) {
		return Ref{}
	}
	if r.Known() && !r.Instance {
		r.Instance = r.Class != nil || r.Name != ""
		return r
	}
	return Ref{}
}

// typeOfValue reports the annotations that name no type of their own: a
// bare `Final` (PEP 591: the type is inferred from the assigned value) or
// `ClassVar`, and `Any`. An annotated assignment with one of them holds what
// its value is (`mcp: Final = FastMCP(...)`, `client: Any = httpx.Client()`).
func typeOfValue(name string) bool {
	switch name {
	case "typing.Final", "typing_extensions.Final", "typing.ClassVar", "typing_extensions.ClassVar",
		"typing.Any", "typing_extensions.Any":
		return true
	}
	return false
}

// elementAnnotation returns the annotation of the elements of container
// expression n, from the annotation of the name or self attribute holding
// it: the value type of `dict[str, Client]`, the item type of
// `list[Client]`; nil when unknown.
func (m *Module) elementAnnotation(n *Node, depth int) *Node {
	base, params := m.containerAnnotation(n, depth)
	if base == nil {
		return nil
	}
	return elementParam(m.resolve(base, depth+1).Name, params)
}

// elementParam picks, among the parameters of the generic container
// annotation named name, the one its elements have: a mapping's values,
// a sequence's or set's items; nil for other generics.
func elementParam(name string, params []*Node) *Node {
	// Python's generic containers as annotations spell them: typing syntax.
	switch strings.TrimPrefix(strings.TrimPrefix(name, "typing."), "collections.abc.") {
	case "dict", "Dict", "Mapping", "MutableMapping", "collections.defaultdict", "collections.OrderedDict", "DefaultDict", "OrderedDict":
		return params[len(params)-1]
	case "list", "List", "Sequence", "MutableSequence", "set", "Set", "frozenset", "FrozenSet", "collections.deque", "Deque", "Iterable":
		return params[0]
	}
	return nil
}

// queueElementAnnotation returns the item annotation of an asyncio queue
// expression n (`asyncio.Queue[T]` on the name or self attribute holding
// it): what awaiting its get() gives; nil when unknown.
func (m *Module) queueElementAnnotation(n *Node, depth int) *Node {
	base, params := m.containerAnnotation(n, depth)
	if base == nil {
		return nil
	}
	if pylib.AsyncQueueTypes[m.resolve(base, depth+1).Name] {
		return params[0]
	}
	return nil
}

// containerAnnotation splits the generic annotation of the name or self
// attribute n (`Base[A, B]`) into its base and parameters; nil when n has
// no such annotation.
func (m *Module) containerAnnotation(n *Node, depth int) (*Node, []*Node) {
	n = Unparen(n)
	if n == nil || depth > maxResolveDepth {
		return nil, nil
	}
	var ann *Node
	switch n.Type() {
	case "identifier":
		b := m.ScopeAt(n).Lookup(m.File.Text(n))
		if b == nil {
			return nil, nil
		}
		switch b.Kind {
		case BindParam:
			if b.Node.Type() == "typed_parameter" || b.Node.Type() == "typed_default_parameter" {
				ann = b.Node.ChildByField("type")
			}
		case BindAssign:
			ann = annotationValue(b.Values)
		}
	case "attribute":
		obj := m.resolve(n.ChildByField("object"), depth+1)
		if obj.Class == nil || !obj.Instance {
			return nil, nil
		}
		ann = obj.Class.attrAnnotation(m.File.Text(n.ChildByField("attribute")))
	}
	if ann == nil {
		return nil, nil
	}
	base, params := genericParts(Unparen(ann))
	if base == nil || len(params) == 0 {
		return nil, nil
	}
	return base, params
}

// attrAnnotation returns the annotation declaring attribute attr of c's
// instances (`self.q: asyncio.Queue[Job] = ...` in a method, or `q:
// asyncio.Queue[Job]` in the class body), or nil.
func (c *Class) attrAnnotation(attr string) *Node {
	if ann := annotationValue(c.Attrs[attr]); ann != nil {
		return ann
	}
	if b := c.Scope.Bindings.Get(attr); b != nil && b.Kind == BindAssign {
		return annotationValue(b.Values)
	}
	return nil
}

// annotationValue returns the annotation among a binding's values (an
// annotated assignment keeps its annotation as its value), or nil.
func annotationValue(values []*Node) *Node {
	for _, v := range values {
		if v != nil && v.Type() == "type" {
			return v
		}
	}
	return nil
}

// genericParts splits `Base[A, B]` into its base and parameters.
func genericParts(t *Node) (*Node, []*Node) {
	if t != nil && t.Type() == "type" {
		named := t.NamedChildren()
		if len(named) != 1 {
			return nil, nil
		}
		t = Unparen(named[0])
	}
	if t == nil {
		return nil, nil
	}
	switch t.Type() {
	case "subscript":
		return t.ChildByField("value"), t.ChildrenByField("subscript")
	case "generic_type":
		named := t.NamedChildren()
		if len(named) != 2 {
			return nil, nil
		}
		return named[0], named[1].NamedChildren()
	}
	return nil, nil
}

// annotationText resolves a string annotation: "Repo", "models.Repo",
// "Optional[Repo]", "Repo | None".
func (m *Module) annotationText(n *Node, text string) Ref {
	text = strings.TrimSpace(text)
	if parts := strings.Split(text, "|"); len(parts) > 1 {
		var only string
		for _, p := range parts {
			p = strings.TrimSpace(p)
			if p == "None" {
				continue
			}
			if only != "" {
				return Ref{}
			}
			only = p
		}
		text = only
	}
	for _, wrapper := range []string{"typing.Optional[", "Optional["} { // annotation syntax
		if strings.HasPrefix(text, wrapper) && strings.HasSuffix(text, "]") {
			text = strings.TrimSpace(text[len(wrapper) : len(text)-1])
		}
	}
	r := m.resolveDotted(n, text)
	if !r.Known() {
		// A generic class written with its arguments, "asyncio.Queue[Task]"
		// (a forward reference inside `List['asyncio.Queue[Task]']`): an
		// instance of the class, its arguments dropped. typing's own forms
		// ("Union[A, B]", "List[A]") stay unknown, as before.
		if i := strings.Index(text, "["); i > 0 && strings.HasSuffix(text, "]") {
			if base := m.resolveDotted(n, strings.TrimSpace(text[:i])); base.Known() && !strings.HasPrefix(base.Name, "typing.") &&
				!strings.HasPrefix(base.Name, "collections.abc.") {
				r = base
			}
		}
	}
	if r.Known() && !r.Instance {
		r.Instance = r.Class != nil || r.Name != ""
		return r
	}
	return Ref{}
}

func isNoneAnnotation(f *File, n *Node) bool {
	n = Unparen(n)
	if n != nil && n.Type() == "type" {
		if named := n.NamedChildren(); len(named) == 1 {
			n = named[0]
		}
	}
	return n != nil && (n.Type() == "none" || (n.Type() == "string" && strings.Trim(f.Text(n), `"'`) == "None"))
}

// resolveDotted resolves a dotted name written in a string annotation
// ("Repo", "models.Repo") as if it appeared at node n.
func (m *Module) resolveDotted(n *Node, dotted string) Ref {
	parts := strings.Split(dotted, ".")
	for _, p := range parts {
		if p == "" || strings.ContainsAny(p, "[] ,|()") {
			return Ref{}
		}
	}
	r := m.resolveName(n, parts[0], 1)
	for _, p := range parts[1:] {
		r = member(r, p, 1)
	}
	return r
}

func functionNodeOfParam(p *Node) *Node {
	for n := p; n != nil; n = n.Parent() {
		if n.Type() == "function_definition" || n.Type() == "lambda" {
			return n
		}
	}
	return nil
}

// member resolves obj.attr.
func member(obj Ref, attr string, depth int) Ref {
	if !obj.Known() {
		if obj.Via != "" {
			return Ref{Via: obj.Via + "." + attr}
		}
		// An attribute of a binding still being resolved depends on it
		// (`path = path.parent`): resolveBinding checks it once a type is
		// known.
		return Ref{Cyclic: obj.Cyclic}
	}
	if obj.Class != nil {
		cls := obj.Class
		// `h.item` of a `Holder[Client]` whose `item: T`.
		if obj.Instance && obj.Args != nil {
			if r, ok := cls.typeArgOf(cls.attrAnnotation(attr), obj.Args, depth); ok {
				return r
			}
		}
		if obj.Instance {
			if b := cls.attrBinding(attr); b != nil {
				r := cls.module.resolveBinding(b, depth)
				if r == (Ref{}) {
					// Its own assignments leave the type unknown: the
					// project may type it from the stores other code
					// makes on instances (attr_stores.go).
					if via := attrStoreViaFor(cls, attr); via != "" {
						return Ref{Via: via}
					}
				}
				return r
			}
		}
		if meth := cls.lookupMethod(attr, 0); meth != nil {
			// A method of the generic class itself carries the receiver's
			// type arguments to what it returns (callResult).
			var args *TypeArgs
			if obj.Instance && meth.Class == cls {
				args = obj.Args
			}
			if obj.Instance && meth.isProperty() {
				// An inherited property that returns an attribute of self
				// (`return self._context`) reads it on the instance it is
				// read on: a subclass may be the one that sets it.
				if meth.Class != cls && depth < maxResolveDepth {
					if a := meth.selfAttrReturned(); a != "" && a != attr {
						if r := member(obj, a, depth+1); r.Instance {
							return r
						}
					}
				}
				return meth.returnTypeWith(args, depth+1)
			}
			return Ref{Name: meth.FullName(), Func: meth, Args: args}
		}
		// A class attribute: `templates = Path("t")` in the class body.
		if b := cls.Scope.Bindings.Get(attr); b != nil && b.Kind == BindAssign {
			if r := cls.module.resolveBinding(b, depth); r.Known() {
				return r
			}
		}
		// An attribute a base class of this module sets on self or
		// declares in its body (`coordinator: Coordinator`).
		if obj.Instance {
			if b := cls.inheritedAttrBinding(attr, 0); b != nil {
				if r := cls.module.resolveBinding(b, depth); r.Known() {
					return r
				}
			}
		}
		// Inherited from a library class: `class Api(requests.Session)`
		// makes `Api().get` requests.Session.get.
		base := cls.libraryBaseFor(attr, 0)
		if base != "" && !cls.definesAttr(attr, 0) {
			if obj.Instance {
				r, deferred := cls.libraryAttr(attr, 0, depth)
				if r.Known() {
					return r
				}
				// A base of another module comes first and the library
				// knows nothing of attr: the project's lookup follows the
				// bases in order (Project.Canonical).
				if _, known := pylib.Lookup(base + "." + attr); deferred && !known {
					return Ref{Name: cls.FullName() + "." + attr}
				}
			}
			return Ref{Name: base + "." + attr}
		}
		// Forwarded by __getattr__ as a coroutine function.
		if obj.Instance && base == "" && !cls.definesAttr(attr, 0) {
			if f := cls.getattrCoroutine(); f != nil {
				return Ref{Name: f.FullName(), Func: f}
			}
		}
		return Ref{Name: cls.FullName() + "." + attr}
	}
	// `h.get` with `h: Holder[Client]`, Holder a class of another module:
	// a path with the type arguments, which the project follows
	// (Project.genericVia).
	if obj.Instance && obj.Args != nil && obj.Func == nil && !pylib.IsGenericClass(obj.Name) && !knownLibrary(obj.Name) {
		if args, ok := obj.Args.names(depth); ok {
			return Ref{Via: obj.Name + "<" + args + ">." + attr}
		}
	}
	if obj.Instance && pylib.PathTypes[obj.Name] && (attr == "parent" || attr == "parents") {
		if attr == "parent" {
			return obj
		}
		return Ref{}
	}
	if obj.Func != nil {
		// `add.delay(...)` where `@app.task def add(...)`: an attribute of
		// the object the library's decorator made of the function.
		if t := obj.Func.decoratedType(depth + 1); t != "" {
			return member(Ref{Name: t, Instance: true}, attr, depth+1)
		}
		return Ref{}
	}
	if obj.Name == "builtins" && !obj.Instance {
		return Ref{Name: attr}
	}
	// entry.runtime_data where entry: ConfigEntry[MyData].
	if obj.Args != nil && obj.Instance {
		if i, ok := pylib.GenericAttr(obj.Name, attr); ok {
			if t := obj.Args.Arg(i, depth); t.Known() {
				return t
			}
		}
	}
	if t, ok := pylib.AttrType(obj.Name, attr); ok && obj.Instance {
		// `ctx.bot`: the running bot, the project's subclass when it
		// defines one (Project.soleSubclass).
		if pylib.RunningInstances[t] {
			return Ref{Via: soleSubclassVia + t + soleSubclassVia}
		}
		return Ref{Name: t, Instance: true}
	}
	return Ref{Name: obj.Name + "." + attr}
}

// callbackParamType returns the type a library passes as the untyped
// parameter name of f when it calls f as a registered handler, or "".
func (m *Module) callbackParamType(f *Function, name string) string {
	params := f.Params
	if f.Class != nil && len(params) > 0 {
		params = params[1:] // self
	}
	index := -1
	for i, p := range params {
		if p == name {
			index = i
		}
	}
	if index < 0 {
		return ""
	}
	var types []string
	for _, expr := range f.DecoratorCallees() {
		// A library that passes its arguments by the handler's parameter
		// names (Slack Bolt's `ack`, `say`, `client`).
		if t := pylib.CallbackKeywordParamType(m.resolve(expr, 0).Name, name); t != "" {
			return t
		}
	}
	for _, expr := range f.DecoratorCallees() {
		switch ref := m.resolve(expr, 0); {
		case pylib.CallbackParamTypes(ref.Name) != nil:
			types = pylib.CallbackParamTypes(ref.Name)
		case m.commandGroupDecorator(expr, 0) != "":
			types = pylib.CallbackParamTypes(m.commandGroupDecorator(expr, 0))
		case pylib.Within(ref.Name, pylib.NamedEventHandlers) && (strings.HasSuffix(ref.Name, ".event") || strings.HasSuffix(ref.Name, ".listener")):
			types = pylib.DiscordEvents[f.Name]
		}
	}
	if types == nil {
		types = m.handlerTypes[f]
	}
	if types == nil && f.Class != nil && pylib.Within(f.Class.libraryBase(0), pylib.NamedEventHandlers) {
		types = pylib.DiscordEvents[f.Name]
	}
	if types == nil && f.Class == nil && f.Scope.Parent == m.Scope {
		types, _ = m.AwaitedHook(f.Name)
	}
	if index < len(types) {
		return types[index]
	}
	return ""
}

// conventionParamType returns the type pylib's ParamConventions give the
// untyped parameter name of f, a coroutine function (an async generator
// too: a server-streaming servicer may yield), whose parameters after self
// are plain names, or "".
func conventionParamType(f *Function, name string) string {
	if !f.Async || f.Lambda {
		return ""
	}
	params := f.Params
	if f.Class != nil && len(params) > 0 && !f.decoratedWith("staticmethod") {
		params = params[1:] // self
	}
	for _, p := range params {
		if paramKind(f, p) != untypedParam && paramKind(f, p) != annotatedParam {
			return ""
		}
	}
	// The module's own name and what it imports (read from Imports: the
	// memoised ImportNames may be computing around this question).
	names := []string{f.module.Name}
	for _, imp := range f.module.Imports {
		names = append(names, imp.Module, imp.Qualified)
	}
	return pylib.ConventionParamType(params, name, names)
}

// commandGroupDecorator returns the library decorator that made the
// command group whose subcommand decorator expr is (`_set.command` where
// `_set` is a function of the project decorated by `@commands.group()`, or
// by a subcommand decorator of another such group), or "".
func (m *Module) commandGroupDecorator(expr *Node, depth int) string {
	if expr == nil || expr.Type() != "attribute" || depth > 4 {
		return ""
	}
	obj, attr := expr.ChildByField("object"), expr.ChildByField("attribute")
	if obj == nil || attr == nil || obj.Type() != "identifier" {
		return ""
	}
	group := m.resolve(obj, 0).Func
	if group == nil || group.module != m {
		return ""
	}
	for _, d := range group.DecoratorCallees() {
		name := m.resolve(d, 0).Name
		if name == "" {
			name = m.commandGroupDecorator(d, depth+1)
			if name == "" || !pylib.CommandGroupDecorators(name, "group") {
				continue
			}
			// A subgroup made by the group's own `group` decorator.
		}
		if pylib.CommandGroupDecorators(name, m.File.Text(attr)) {
			return name
		}
	}
	return ""
}

// AwaitedHook reports whether a library the module imports looks its
// module-level function name up and awaits it as a hook (Home Assistant's
// `async_setup_entry(hass, entry)`, pylib's AwaitedHooks), with the
// argument types the library passes it.
func (m *Module) AwaitedHook(name string) (params []string, ok bool) {
	for _, imp := range m.Imports {
		if imp.Relative {
			continue
		}
		root, _, _ := strings.Cut(imp.Module, ".")
		if params, ok := pylib.AwaitedHook(root, name); ok {
			return params, true
		}
	}
	return nil, false
}

// attrBinding returns the memo of self.attr's values, or nil.
func (c *Class) attrBinding(attr string) *Binding {
	values, ok := c.Attrs[attr]
	if !ok {
		return nil
	}
	if b, ok := c.attrRefs[attr]; ok {
		return b
	}
	if c.attrRefs == nil {
		c.attrRefs = map[string]*Binding{}
	}
	b := &Binding{Name: attr, Kind: BindAssign, Values: values}
	c.attrRefs[attr] = b
	return b
}

// superMember resolves super().attr inside a method to the base classes'
// method, when obj is a call of the builtin super.
func (m *Module) superMember(obj *Node, attr string) (Ref, bool) {
	obj = Unparen(obj)
	if obj == nil || obj.Type() != "call" {
		return Ref{}, false
	}
	fn := obj.ChildByField("function")
	if fn == nil || fn.Type() != "identifier" || m.File.Text(fn) != "super" || !m.IsBuiltin(fn, "super") {
		return Ref{}, false
	}
	f := m.FunctionAt(obj)
	for f != nil && f.Lambda {
		f = f.Parent
	}
	if f == nil || f.Class == nil {
		return Ref{}, true
	}
	for _, base := range f.Class.Bases {
		if base.Type() == "keyword_argument" {
			continue
		}
		r := m.resolve(base, 0)
		if r.Class != nil && r.Class != f.Class {
			if meth := r.Class.lookupMethod(attr, 0); meth != nil {
				return Ref{Name: meth.FullName(), Func: meth}, true
			}
		}
		if r.Class == nil && r.Name != "" {
			// A base from another module: the project resolves the name later.
			return Ref{Name: r.Name + "." + attr}, true
		}
	}
	return Ref{}, true
}

// libraryBase returns the qualified name of the first base class (searched
// through the project's own bases) that is imported from a library, or "".
// Bases of other project modules are left to the project's lookup.
func (c *Class) libraryBase(depth int) string {
	return c.libraryBaseFor("", depth)
}

// libraryBaseFor is libraryBase for attribute attr: a library base known
// not to define attr (abc.ABC, typing.Generic) is passed over, so a method
// of a project base in another module is not hidden by it ("" passes over
// the bases known to define no public attribute).
func (c *Class) libraryBaseFor(attr string, depth int) string {
	if depth > 8 {
		return ""
	}
	for _, base := range c.Bases {
		if base.Type() == "keyword_argument" {
			continue
		}
		r := c.module.resolve(base, 0)
		switch {
		case r.Class != nil && r.Class != c:
			if b := r.Class.libraryBaseFor(attr, depth+1); b != "" {
				return b
			}
		case r.Class == nil && r.Func == nil && r.Name != "" && libraryName(c.module, base) && !pylib.LacksAttr(r.Name, attr):
			return r.Name
		}
	}
	return ""
}

// isClassBase reports whether n is an expression in the base list of a
// class definition.
func isClassBase(n *Node) bool {
	p := n.Parent()
	return p != nil && p.Type() == "argument_list" && p.Parent() != nil && p.Parent().Type() == "class_definition"
}

// libraryAttr resolves the attribute attr that instances of c get from a
// library base class (searched through the project's own bases): typed by
// the base's generic parameter when the base names it
// (`CoordinatorEntity[MyCoordinator]`'s coordinator), else by the
// library's record of the attribute.
// deferred reports that a base of another project module comes first: what
// it defines is the project's to look up.
func (c *Class) libraryAttr(attr string, depth, resolveDepth int) (r Ref, deferred bool) {
	if depth > 8 {
		return Ref{}, false
	}
	for _, base := range c.Bases {
		if base.Type() == "keyword_argument" {
			continue
		}
		b := c.module.resolve(base, 0)
		switch {
		case b.Class != nil && b.Class != c:
			if got, deferred := b.Class.libraryAttr(attr, depth+1, resolveDepth); got.Known() || deferred {
				return got, deferred
			}
		case b.Class == nil && b.Func == nil && b.Name != "" && libraryName(c.module, base) && knownLibrary(b.Name):
			if t := c.module.libraryBaseAttr(base, b.Name, attr, resolveDepth); t.Known() || !pylib.LacksAttr(b.Name, attr) {
				return t, false // first in the MRO: may define attr
			}
		case b.Class == nil && b.Func == nil && b.Name != "" && !pylib.LacksAttr(b.Name, attr):
			return Ref{}, true
		}
	}
	return Ref{}, false
}

// libraryBaseAttr is the type of attribute attr that the library class
// named name, written as the base expression base, gives its subclasses'
// instances: the base's type argument for a GenericAttrs attribute
// (`CoordinatorEntity[MyCoordinator]`), else the library's record.
func (m *Module) libraryBaseAttr(base *Node, name, attr string, depth int) Ref {
	if i, ok := pylib.GenericAttr(name, attr); ok && Unparen(base).Type() == "subscript" {
		if params := Unparen(base).ChildrenByField("subscript"); i < len(params) {
			if t := m.annotationType(params[i], depth+1); t.Known() {
				return t
			}
		}
	}
	if t, ok := pylib.AttrType(name, attr); ok {
		return Ref{Name: t, Instance: true}
	}
	return Ref{}
}

// knownLibrary reports whether qualified name is in a library the tables
// know. A base imported from another top-level module that no table knows
// (`from state import BaseWorker` beside state.py, in a project of
// top-level modules) may be the project's: what it defines is the
// project's to look up (libraryAttr defers it).
func knownLibrary(name string) bool {
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	return libraryModules()[name] || name == "builtins" || builtins[name]
}

// libraryName reports whether the base expression names something imported
// from outside this module's own package (`requests.Session`, `Client` from
// httpx), as opposed to a class of another project module.
func libraryName(m *Module, base *Node) bool {
	root := Unparen(base)
	if root != nil && root.Type() == "subscript" { // a generic base: Base[T]
		root = Unparen(root.ChildByField("value"))
	}
	for root != nil && root.Type() == "attribute" {
		root = Unparen(root.ChildByField("object"))
	}
	if root == nil || root.Type() != "identifier" {
		return false
	}
	b := m.ScopeAt(root).Lookup(m.File.Text(root))
	if b == nil || b.Kind != BindImport {
		return false
	}
	// A later copy's names compare as the first copy's would.
	top := m.PlainName(m.Name)
	if i := strings.IndexByte(top, '.'); i >= 0 {
		top = top[:i]
	}
	q := m.PlainName(b.Qualified)
	return top == "" || (q != top && !strings.HasPrefix(q, top+"."))
}

// AttrValues returns the values assigned to attribute attr of instances of
// c as member resolves it: c's own `self.attr = ...` assignments, else
// those of the base class of c's module it inherits attr from (nil when
// neither, or when attr comes from another module).
func (c *Class) AttrValues(attr string) []*Node {
	if values, ok := c.Attrs[attr]; ok {
		return values
	}
	if b := c.inheritedAttrBinding(attr, 0); b != nil {
		return b.Values
	}
	return nil
}

// inheritedAttrBinding returns the binding of attribute attr that instances
// of c get from a project base class of c's own module: the first base, in
// order, whose self attributes or body bind attr. nil when none does, when
// that base defines attr as a method, or when a base of another module or a
// library, which may define attr, comes first (the project looks those up:
// Project.instanceAttr).
func (c *Class) inheritedAttrBinding(attr string, depth int) *Binding {
	b, _ := c.inheritedAttr(attr, depth)
	return b
}

// inheritedAttr is inheritedAttrBinding; stop reports that the search ended
// at a base that defines attr or may define it.
func (c *Class) inheritedAttr(attr string, depth int) (b *Binding, stop bool) {
	if depth > 8 {
		return nil, true
	}
	for _, base := range c.Bases {
		if base.Type() == "keyword_argument" {
			continue
		}
		r := c.module.resolve(base, 0)
		parent := r.Class
		if parent == nil || parent == c {
			if r.Name != "" && r.Func == nil && !pylib.LacksAttr(r.Name, attr) {
				return nil, true
			}
			continue
		}
		if b := parent.attrBinding(attr); b != nil {
			return b, true
		}
		if b := parent.Scope.Bindings.Get(attr); b != nil {
			if b.Kind == BindAssign {
				return b, true
			}
			return nil, true
		}
		if _, ok := parent.Methods[attr]; ok {
			return nil, true
		}
		if b, stop := parent.inheritedAttr(attr, depth+1); stop {
			return b, true
		}
	}
	return nil, false
}

// definesAttr reports whether the class or its project bases define attr
// (a method, a class attribute or a self attribute).
func (c *Class) definesAttr(attr string, depth int) bool {
	if depth > 8 {
		return false
	}
	if _, ok := c.Methods[attr]; ok {
		return true
	}
	if _, ok := c.Attrs[attr]; ok {
		return true
	}
	if c.Scope.Bindings.Get(attr) != nil {
		return true
	}
	for _, base := range c.Bases {
		if base.Type() == "keyword_argument" {
			continue
		}
		if r := c.module.resolve(base, 0); r.Class != nil && r.Class != c && r.Class.definesAttr(attr, depth+1) {
			return true
		}
	}
	return false
}

// lookupMethod finds a method on the class or its project base classes.
func (c *Class) lookupMethod(name string, depth int) *Function {
	if f, ok := c.Methods[name]; ok {
		return f
	}
	if depth > 8 || name == "__init__" && c.GeneratedInit() {
		// A dataclass's own `__init__`, which `@dataclass` writes, runs
		// and calls no base's (dataclass_init.go).
		return nil
	}
	for _, base := range c.Bases {
		if base.Type() == "keyword_argument" {
			continue
		}
		r := c.module.resolve(base, 0)
		if r.Class != nil && r.Class != c {
			if f := r.Class.lookupMethod(name, depth+1); f != nil {
				return f
			}
		} else if r.Class == nil && name == "__init__" && libraryInitFirst(r) {
			return nil
		}
	}
	return nil
}

// libraryInitFirst reports a base that resolves to a class of a library
// (other than a marker base without an `__init__`, pylib.MarkerBase:
// `Generic[T]`, `ABC`): listed before a project base,
// its `__init__` comes first in the method resolution order, so the
// project base's `__init__` runs only if the library's calls
// `super().__init__()`, which is not known (`class Worker(threading.Thread,
// Session)` runs Thread.__init__, not Session's).
func libraryInitFirst(r Ref) bool {
	return r.Class == nil && r.Func == nil && !r.Instance && r.Name != "" && knownLibrary(r.Name) && !pylib.MarkerBase(r.Name)
}

// callResult is what calling callee returns, as far as is known statically.
func callResult(callee Ref, depth int) Ref {
	switch {
	case callee.Class != nil && !callee.Instance:
		return Ref{Name: callee.Class.FullName(), Class: callee.Class, Instance: true}
	case callee.Func != nil:
		// A sync function's return annotation names what the call returns.
		f := callee.Func
		// A library decorator that makes the function an object whose
		// __call__ returns a known type (pylib: Pebble's
		// `@concurrent.process` gives a future): the call returns that,
		// whatever the body's annotation says.
		if t := f.decoratedType(depth + 1); t != "" {
			if rt, ok := pylib.ReturnType(t + ".__call__"); ok && rt != "" {
				return Ref{Name: rt, Instance: true}
			}
		}
		if r, ok := f.wrapperResult(depth); ok {
			return r
		}
		if f.Async || f.Generator || f.Lambda {
			return Ref{}
		}
		return f.returnTypeWith(callee.Args, depth)
	case callee.Name == "":
		if callee.Via != "" {
			return Ref{Via: callee.Via + "()"}
		}
		return Ref{Cyclic: callee.Cyclic}
	}
	if callee.Instance {
		// Calling an instance runs __call__ (`async_session()` makes a session).
		if t, ok := pylib.ReturnType(callee.Name + ".__call__"); ok && t != "" {
			return Ref{Name: t, Instance: true}
		}
		return Ref{}
	}
	if t, ok := pylib.ReturnType(callee.Name); ok {
		if t == "" {
			return Ref{}
		}
		return Ref{Name: t, Instance: true}
	}
	// CapWords names are classes by PEP 8: calling one makes an instance.
	last := callee.Name[strings.LastIndexByte(callee.Name, '.')+1:]
	if last != "" && unicode.IsUpper(rune(last[0])) && !callee.Instance {
		return Ref{Name: callee.Name, Instance: true}
	}
	// A function or method of another module: the project knows what it
	// returns.
	return Ref{Via: callee.Name + "()"}
}

// CalleeRef resolves the function part of a call.
func (m *Module) CalleeRef(c *Call) Ref {
	return m.Resolve(c.Node.ChildByField("function"))
}

// Method returns the attribute name when the callee is obj.attr, else "".
func (c *Call) Method(f *File) string {
	fn := c.Node.ChildByField("function")
	if fn != nil && fn.Type() == "attribute" {
		return f.Text(fn.ChildByField("attribute"))
	}
	return ""
}

func (m *Module) finishCall(c *Call) {
	r := m.CalleeRef(c)
	c.Callee = r.Name
	c.Via = r.Via
	c.CalleeInstance = r.Instance
	c.Target = r.Func
	if r.Class != nil {
		if r.Instance {
			c.Target = r.Class.lookupMethod("__call__", 0)
		} else {
			c.Target = r.Class.lookupMethod("__init__", 0)
		}
	}
	c.Usage, c.UsedBy = m.classifyUsage(c)
	if !r.Known() && r.Via == "" {
		if values := m.tableItem(c.Node.ChildByField("function"), 0); len(values) > 0 {
			choices := make([]Ref, len(values))
			for i, v := range values {
				choices[i] = m.Resolve(v)
			}
			c.choices = &choices
		}
	}
}

// tableItem returns the values of the table of callables that expression
// n takes one item of: `table[key]`, `table.get(key)` (with its default, if
// any), or a name bound once to either; table is a name or self attribute
// bound once to a dict, list or tuple display. nil when n is no such item.
func (m *Module) tableItem(n *Node, depth int) []*Node {
	n = Unparen(n)
	if n == nil || depth > 2 {
		return nil
	}
	switch n.Type() {
	case "subscript":
		return m.tableValues(n.ChildByField("value"))
	case "call":
		fn := n.ChildByField("function")
		if fn == nil || fn.Type() != "attribute" || !pylib.Method(m.File.Text(fn.ChildByField("attribute")), pylib.ReturnsElement) {
			return nil
		}
		values := m.tableValues(fn.ChildByField("object"))
		if values == nil {
			return nil
		}
		args := n.ChildByField("arguments")
		if args == nil {
			return nil
		}
		switch named := args.NamedChildren(); {
		case len(named) == 2 && named[1].Type() != "keyword_argument":
			return append(append([]*Node(nil), values...), named[1]) // the default is one more value
		case len(named) != 1:
			return nil
		}
		return values
	case "identifier":
		b := m.ScopeAt(n).Lookup(m.File.Text(n))
		if b == nil || b.Kind != BindAssign || len(b.Values) != 1 || b.Values[0] == nil {
			return nil
		}
		return m.tableItem(b.Values[0], depth+1)
	}
	return nil
}

// tableValues returns the values of the dict, list or tuple display that
// the name or self attribute n is bound to, once (None aside); nil
// otherwise, or when the display unpacks another (`**base`).
func (m *Module) tableValues(n *Node) []*Node {
	n = Unparen(n)
	if n == nil {
		return nil
	}
	var values []*Node
	switch n.Type() {
	case "identifier":
		b := m.ScopeAt(n).Lookup(m.File.Text(n))
		if b == nil || b.Kind != BindAssign {
			return nil
		}
		values = b.Values
	case "attribute":
		obj := m.resolve(n.ChildByField("object"), 1)
		if obj.Class == nil || !obj.Instance {
			return nil
		}
		attr := m.File.Text(n.ChildByField("attribute"))
		values = obj.Class.Attrs[attr]
		if values == nil {
			if b := obj.Class.Scope.Bindings.Get(attr); b != nil && b.Kind == BindAssign {
				values = b.Values
			}
		}
	default:
		return nil
	}
	var display *Node
	for _, v := range values {
		v = Unparen(v)
		if v == nil {
			return nil
		}
		if v.Type() == "none" {
			continue
		}
		if display != nil {
			return nil
		}
		display = v
	}
	if display == nil {
		return nil
	}
	var out []*Node
	switch display.Type() {
	case "dictionary":
		for _, item := range display.NamedChildren() {
			if item.Type() != "pair" {
				return nil // **base, a comment
			}
			out = append(out, item.ChildByField("value"))
		}
	case "list", "tuple":
		for _, item := range display.NamedChildren() {
			if item.Type() == "list_splat" || item.Type() == "comment" {
				return nil
			}
			out = append(out, item)
		}
	}
	return out
}

// IsScheduler reports whether call awaits or schedules awaitables passed to it.
func (m *Module) IsScheduler(call *Node) bool {
	fn := call.ChildByField("function")
	r := m.Resolve(fn)
	if pylib.Is(r.Name, pylib.AwaitsArgs) {
		return true
	}
	if fn != nil && fn.Type() == "attribute" {
		return pylib.SchedulerMethods[m.File.Text(fn.ChildByField("attribute"))]
	}
	return false
}

func (m *Module) classifyUsage(c *Call) (Usage, *Node) {
	u, by := m.classifyValue(c.Node)
	return u, by
}

// UsageOf says what happens to the value of expression n (a call, or a
// name read): awaited, stored, used as a condition...
func (m *Module) UsageOf(n *Node) (Usage, *Node) { return m.classifyValue(n) }

// classifyValue says what happens to the value of expression n.
func (m *Module) classifyValue(n *Node) (Usage, *Node) {
	child := n
	// inLogic is set once the value went through not/and/or: the result is
	// an operand unless that logic is itself a condition.
	var inLogic *Node
	for p := child.Parent(); p != nil; child, p = p, p.Parent() {
		if inLogic != nil {
			switch p.Type() {
			case "not_operator", "boolean_operator", "parenthesized_expression":
				continue
			case "if_statement", "while_statement", "elif_clause", "assert_statement":
				if child.Field() == "condition" || p.Type() == "assert_statement" {
					return UsageCondition, p
				}
			case "conditional_expression":
				if named := p.NamedChildren(); len(named) == 3 && named[1] == child {
					return UsageCondition, p
				}
			}
			return UsageOperand, inLogic
		}
		switch p.Type() {
		case "not_operator", "boolean_operator":
			inLogic = p
			continue
		case "parenthesized_expression", "keyword_argument", "list_splat", "dictionary_splat", "pair",
			"list", "tuple", "set", "dictionary", "expression_list":
			if p.Type() == "keyword_argument" && child.Field() != "value" {
				return UsageOther, p
			}
			continue
		case "list_comprehension", "set_comprehension", "generator_expression", "dictionary_comprehension":
			if child.Field() == "body" {
				continue
			}
			return UsageOther, p
		case "await":
			return UsageAwaited, p
		case "expression_statement":
			return UsageDropped, p
		case "argument_list":
			if p.Parent() != nil && p.Parent().Type() == "call" {
				if m.IsScheduler(p.Parent()) {
					return UsageScheduled, p.Parent()
				}
				return UsageArgument, p.Parent()
			}
			return UsageOther, p
		case "assignment", "augmented_assignment":
			if child.Field() == "right" {
				return UsageStored, p
			}
			return UsageOther, p
		case "named_expression":
			return UsageStored, p
		case "return_statement":
			return UsageReturned, p
		case "lambda":
			if child.Field() == "body" {
				return UsageReturned, p
			}
			return UsageOther, p
		case "yield":
			// `yield from coro()` delegates to it: in a generator-based
			// coroutine that is the await.
			if IsYieldFrom(p) {
				return UsageAwaited, p
			}
			return UsageYielded, p
		case "if_statement", "while_statement", "elif_clause":
			if child.Field() == "condition" {
				return UsageCondition, p
			}
			return UsageOther, p
		case "conditional_expression":
			if named := p.NamedChildren(); len(named) == 3 && named[1] == child {
				return UsageCondition, p
			}
			continue
		case "assert_statement":
			return UsageCondition, p
		case "comparison_operator", "binary_operator", "unary_operator":
			return UsageOperand, p
		case "attribute":
			if child.Field() == "object" {
				return UsageAttribute, p
			}
			return UsageOther, p
		case "subscript":
			if child.Field() == "value" {
				return UsageOperand, p
			}
			return UsageOther, p
		default:
			return UsageOther, p
		}
	}
	if inLogic != nil {
		return UsageOperand, inLogic
	}
	return UsageOther, nil
}

// IsYieldFrom reports a `yield from x` expression.
func IsYieldFrom(n *Node) bool {
	if n == nil || n.Type() != "yield" {
		return false
	}
	for _, c := range n.Children() {
		if c.Type() == "from" && !c.Named() {
			return true
		}
	}
	return false
}

var builtins = map[string]bool{}

func init() {
	for _, name := range strings.Fields(`abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr
		classmethod compile complex delattr dict dir divmod enumerate eval exec filter float format frozenset
		getattr globals hasattr hash help hex id input int isinstance issubclass iter len list locals map max
		memoryview min next object oct open ord pow print property range repr reversed round set setattr slice
		sorted staticmethod str sum super tuple type vars zip __import__ exit quit`) {
		builtins[name] = true
	}
}

// StringConstant returns the text of a plain one-part string literal
// ('Body', "Body"), or "".
func StringConstant(f *File, n *Node) string {
	n = Unparen(n)
	if n == nil || n.Type() != "string" {
		return ""
	}
	t := f.Text(n)
	if len(t) < 2 || (t[0] != '"' && t[0] != '\'') || t[len(t)-1] != t[0] || strings.ContainsAny(t[1:len(t)-1], "\"'\\{") {
		return ""
	}
	return t[1 : len(t)-1]
}

// UnionAliasMembers returns the types a module-level alias of a union names
// (`IPvXAddress = Union[IPv4Address, IPv6Address]`, `X = A | B`, also
// `Optional[A]`), each as the qualified name of the class: the resolution
// of an instance of the alias (annotated `-> Tuple[IPvXAddress, int]`) is
// the alias's own name, which says nothing of its members. nil when
// qualified names no such alias of the project, or a member is unknown.
// None members are left out.
func (p *Project) UnionAliasMembers(qualified string) []string {
	if p == nil {
		return nil
	}
	i := strings.LastIndexByte(qualified, '.')
	if i < 0 {
		return nil
	}
	m := p.byName[qualified[:i]]
	if m == nil {
		return nil
	}
	b := m.Scope.Bindings.Get(qualified[i+1:])
	if b == nil || b.Kind != BindAssign || len(b.Values) != 1 || b.Values[0] == nil {
		return nil
	}
	var out []string
	var walk func(t *Node, depth int) bool
	walk = func(t *Node, depth int) bool {
		t = Unparen(t)
		if t == nil || depth > maxResolveDepth {
			return false
		}
		if isNoneAnnotation(m.File, t) {
			return true
		}
		switch t.Type() {
		case "binary_operator":
			if op := t.ChildByField("operator"); op == nil || m.File.Text(op) != "|" {
				return false
			}
			return walk(t.ChildByField("left"), depth+1) && walk(t.ChildByField("right"), depth+1)
		case "subscript":
			switch m.resolve(t.ChildByField("value"), depth+1).Name {
			case "typing.Optional", "Optional", "typing_extensions.Optional", "typing.Union", "Union", "typing_extensions.Union":
				for _, s := range t.ChildrenByField("subscript") {
					if !walk(s, depth+1) {
						return false
					}
				}
				return true
			}
			return false
		}
		r := m.resolve(t, depth+1)
		if r.Name == "" || r.Instance {
			return false
		}
		out = append(out, r.Name)
		return true
	}
	if !walk(b.Values[0], 0) || len(out) == 0 {
		return nil
	}
	return out
}

// firstPositional returns the first argument of call c when it is a plain
// positional one (not a keyword, *args or **kwargs), else nil.
func firstPositional(c *Node) *Node {
	args := c.ChildByField("arguments")
	if args == nil || args.Type() != "argument_list" {
		return nil
	}
	named := args.NamedChildren()
	if len(named) == 0 {
		return nil
	}
	switch named[0].Type() {
	case "keyword_argument", "list_splat", "dictionary_splat", "comment":
		return nil
	}
	return named[0]
}
