package analysis

import (
	"strconv"
	"strings"

	"github.com/asyncls/asyncls/pylib"
)

// Unpacking: `a, cleanup = make_pair()` binds each name the element of the
// right-hand side at its position. The binding keeps the target node
// itself as its value (bindTarget); agree resolves such a value by
// walking from the target up to its assignment (unpackedFrom) and taking
// that element of the right-hand side (elementOf): of a tuple or list
// display, or of every tuple a function of the project returns, when all
// of them have the arity the target expects and agree on the type at that
// position. Anything else (a starred target, an arity that does not match,
// a return of another shape, a library call) leaves the name unknown.

// unpackStep is one level of an unpacking target: the target is element
// index of count targets. starred: one of those targets is `*rest`, so
// the value has at least count-1 elements and a negative index counts
// from the end.
type unpackStep struct {
	index, count int
	starred      bool
}

// isUnpackedTarget reports whether binding value v is a target inside an
// unpacking assignment (`a` in `a, b = f()`), which stands for the element
// it receives, rather than an expression assigned as a whole.
func isUnpackedTarget(v *Node) bool {
	_, _, ok := unpackedFrom(v)
	return ok
}

// unpackedFrom reports whether v (an identifier or attribute target) is
// an element of an unpacking target of an assignment, and returns the
// assignment and the steps from its right-hand side down to v.
func unpackedFrom(v *Node) (assign *Node, steps []unpackStep, ok bool) {
	if v == nil {
		return nil, nil, false
	}
	if t := v.Type(); t != "identifier" && t != "attribute" {
		return nil, nil, false
	}
	child := v
	for p := v.Parent(); p != nil; child, p = p, p.Parent() {
		switch p.Type() {
		case "parenthesized_expression":
			continue
		case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list":
			step, ok := targetStep(p, child)
			if !ok {
				return nil, nil, false
			}
			steps = append(steps, step)
		case "assignment", "for_statement", "for_in_clause":
			// A loop target takes each element of the iterable; an
			// assignment's only unpacks.
			if child.Field() != "left" || len(steps) == 0 && p.Type() == "assignment" {
				return nil, nil, false
			}
			for i, j := 0, len(steps)-1; i < j; i, j = i+1, j-1 {
				steps[i], steps[j] = steps[j], steps[i]
			}
			return p, steps, true
		default:
			return nil, nil, false
		}
	}
	return nil, nil, false
}

// targetStep is the position of child among the targets of pattern p.
func targetStep(p, child *Node) (unpackStep, bool) {
	var targets []*Node
	for _, c := range p.NamedChildren() {
		if c.Type() != "comment" {
			targets = append(targets, c)
		}
	}
	step := unpackStep{index: -1, count: len(targets)}
	star := -1
	for i, c := range targets {
		if c.Type() == "list_splat_pattern" || c.Type() == "list_splat" {
			if star >= 0 {
				return unpackStep{}, false
			}
			star = i
		}
		if c == child {
			step.index = i
		}
	}
	if step.index < 0 || step.index == star {
		return unpackStep{}, false
	}
	if star >= 0 {
		step.starred = true
		if step.index > star {
			step.index -= len(targets)
		}
	}
	return step, true
}

// displayElement returns the element of tuple or list display n that step
// selects, or nil when n is no display of a matching arity.
func displayElement(n *Node, step unpackStep) *Node {
	n = Unparen(n)
	if n == nil {
		return nil
	}
	switch n.Type() {
	case "tuple", "list", "expression_list":
	default:
		return nil
	}
	var elems []*Node
	for _, c := range n.NamedChildren() {
		switch c.Type() {
		case "comment":
			continue
		case "list_splat", "parenthesized_list_splat":
			return nil
		}
		elems = append(elems, c)
	}
	if step.starred && len(elems) < step.count-1 || !step.starred && len(elems) != step.count {
		return nil
	}
	i := step.index
	if i < 0 {
		i += len(elems)
	}
	return elems[i]
}

// elementResult is what an element resolves to; none marks a `None`
// element, which agreement passes over as agree does.
type elementResult struct {
	ref  Ref
	none bool
}

// unpackedValue resolves v when it is a target inside an unpacking
// assignment; ok is false when it is not one.
func (m *Module) unpackedValue(v *Node, depth int) (Ref, bool) {
	assign, steps, ok := unpackedFrom(v)
	if !ok {
		return Ref{}, false
	}
	rhs := assign.ChildByField("right")
	var e elementResult
	switch assign.Type() {
	case "assignment":
		for rhs != nil && rhs.Type() == "assignment" {
			rhs = rhs.ChildByField("right")
		}
		e = m.elementOf(rhs, steps, depth+1)
	case "for_statement":
		if isAsyncFor(assign) {
			return Ref{}, true
		}
		e = m.iterElement(rhs, steps, depth+1)
	default: // for_in_clause
		e = m.iterElement(rhs, steps, depth+1)
	}
	if e.none {
		return Ref{}, true
	}
	return e.ref, true
}

// elementOf resolves the element of expression n that steps lead to.
func (m *Module) elementOf(n *Node, steps []unpackStep, depth int) elementResult {
	n = Unparen(n)
	if n == nil || depth > maxResolveDepth {
		return elementResult{}
	}
	if len(steps) == 0 {
		if n.Type() == "none" {
			return elementResult{none: true}
		}
		return elementResult{ref: m.resolve(n, depth+1)}
	}
	switch n.Type() {
	case "tuple", "list", "expression_list":
		e := displayElement(n, steps[0])
		if e == nil {
			return elementResult{}
		}
		return m.elementOf(e, steps[1:], depth+1)
	case "call":
		callee := m.resolve(n.ChildByField("function"), depth+1)
		return elementResult{ref: m.calledElement(callee, false, steps, depth)}
	case "await", "yield":
		// `a, b = await fetch()` (or `yield from fetch()` in a
		// generator-based coroutine): what the coroutine function returns.
		if n.Type() == "yield" && !IsYieldFrom(n) {
			return elementResult{}
		}
		if named := n.NamedChildren(); len(named) == 1 && Unparen(named[0]).Type() == "call" {
			call := Unparen(named[0])
			callee := m.resolve(call.ChildByField("function"), depth+1)
			if pylib.Is(callee.Name, pylib.Gathers) {
				return m.gatheredElement(call, steps, depth)
			}
			return elementResult{ref: m.calledElement(callee, true, steps, depth)}
		}
	case "identifier":
		// `pair = make_pair(); a, b = pair`.
		b := m.ScopeAt(n).Lookup(m.File.Text(n))
		if b == nil || b.Kind != BindAssign || len(b.Values) == 0 {
			return elementResult{}
		}
		var results []elementResult
		for _, v := range b.Values {
			if v == nil || isUnpackedTarget(v) {
				return elementResult{}
			}
			results = append(results, m.elementOf(v, steps, depth+1))
		}
		return elementResult{ref: agreeElements(results)}
	}
	return elementResult{}
}

// calledElement is the element steps select of what calling callee
// returns (awaited: what awaiting the call gives): of every tuple a
// function of the project returns, or, for a function of another module,
// a Via path the project follows (`pkg.mod.f()[1,2]`).
func (m *Module) calledElement(callee Ref, awaited bool, steps []unpackStep, depth int) Ref {
	if f := callee.Func; f != nil && !callee.Instance {
		if !f.returnsWhenCalled(awaited) {
			return Ref{}
		}
		return f.returnElement(steps, depth)
	}
	if awaited && callee.Func == nil && callee.Class == nil && !callee.Instance && callee.Name != "" && len(steps) == 1 && !steps[0].starred {
		// A library coroutine whose result is a tuple of known types.
		if api, ok := pylib.Lookup(callee.Name); ok && len(api.AwaitUnpacks) == steps[0].count {
			return Ref{Name: api.AwaitUnpacks[steps[0].index], Instance: true}
		}
	}
	if awaited {
		// `conn, acl = await self._get_user_context()` where the coroutine
		// function is of another module (a base's method, a mixin's host's:
		// mixin_hosts.go): the project awaits it and takes the element
		// (`pkg.mod.B._ctx()@[1,2]`), as it does for a plain call.
		switch {
		case callee.Known() && callee.Func == nil && callee.Class == nil && !callee.Instance && callee.Name != "":
			return Ref{Via: callee.Name + awaitedCallVia + viaSteps(steps)}
		case !callee.Known() && callee.Via != "":
			return Ref{Via: callee.Via + awaitedCallVia + viaSteps(steps)}
		}
		return Ref{}
	}
	if callee.Class != nil || callee.Instance {
		return Ref{}
	}
	r := callResult(callee, depth)
	if r.Known() || r.Via == "" || !strings.HasSuffix(r.Via, "()") {
		return Ref{}
	}
	return Ref{Via: r.Via + viaSteps(steps)}
}

// returnElement is the element steps select of what f returns: the
// position of its return annotation (`-> tuple[Session, int]`), or what
// every return statement has there, when they agree (a bare `return` or
// `return None` aside).
func (f *Function) returnElement(steps []unpackStep, depth int) Ref {
	if depth > maxResolveDepth {
		return Ref{}
	}
	if rt := f.Node.ChildByField("return_type"); rt != nil {
		return f.module.annotationElement(rt, steps, depth)
	}
	var results []elementResult
	for _, ret := range f.returnStatements() {
		named := ret.NamedChildren()
		if len(named) == 0 {
			continue
		}
		results = append(results, f.module.elementOf(named[0], steps, depth+1))
	}
	if len(results) == 0 {
		return Ref{}
	}
	return agreeElements(results)
}

// annotationElement is the element steps select of a tuple annotation
// (`tuple[Session, int]`, `Tuple[...]`); unknown for `tuple[X, ...]` and
// any other annotation.
func (m *Module) annotationElement(t *Node, steps []unpackStep, depth int) Ref {
	if len(steps) == 0 {
		return m.annotationType(t, depth+1)
	}
	base, params := genericParts(Unparen(t))
	if base == nil || depth > maxResolveDepth {
		return Ref{}
	}
	// The tuple of annotations, as typing spells it (annotation syntax).
	switch strings.TrimPrefix(m.resolve(base, depth+1).Name, "typing.") {
	case "tuple", "Tuple":
	default:
		return Ref{}
	}
	for _, p := range params {
		if p.Type() == "ellipsis" || m.File.Text(p) == "..." {
			return Ref{}
		}
	}
	step := steps[0]
	if step.starred && len(params) < step.count-1 || !step.starred && len(params) != step.count {
		return Ref{}
	}
	i := step.index
	if i < 0 {
		i += len(params)
	}
	return m.annotationElement(params[i], steps[1:], depth+1)
}

// agreeElements is the type every result agrees on, None elements and
// values that lead back to a binding being resolved aside (as in agree).
func agreeElements(results []elementResult) Ref {
	var out Ref
	seen, cyclic := false, false
	for _, e := range results {
		r := e.ref
		switch {
		case e.none:
			continue
		case r.Cyclic:
			cyclic = true
			continue
		case !r.Known() && r.Via == "":
			return Ref{}
		case seen && (r.Name != out.Name || r.Instance != out.Instance || r.Via != out.Via):
			return Ref{}
		}
		out, seen = r, true
	}
	if !seen && cyclic {
		return Ref{Cyclic: true}
	}
	return out
}

// viaSteps writes steps as a Via suffix: `[index,count]`, `[index,count*]`
// when starred.
func viaSteps(steps []unpackStep) string {
	var b strings.Builder
	for _, s := range steps {
		b.WriteByte('[')
		b.WriteString(strconv.Itoa(s.index))
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(s.count))
		if s.starred {
			b.WriteByte('*')
		}
		b.WriteByte(']')
	}
	return b.String()
}

// parseViaSteps reads the steps viaSteps wrote at the start of s, and
// returns the rest of s.
func parseViaSteps(s string) ([]unpackStep, string, bool) {
	var steps []unpackStep
	for strings.HasPrefix(s, "[") {
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return nil, s, false
		}
		body := s[1:end]
		starred := strings.HasSuffix(body, "*")
		body = strings.TrimSuffix(body, "*")
		index, count, found := strings.Cut(body, ",")
		if !found {
			return nil, s, false
		}
		i, err1 := strconv.Atoi(index)
		c, err2 := strconv.Atoi(count)
		if err1 != nil || err2 != nil {
			return nil, s, false
		}
		steps = append(steps, unpackStep{index: i, count: c, starred: starred})
		s = s[end+1:]
	}
	return steps, s, len(steps) > 0
}

// returnsWhenCalled reports whether what f's return statements return is
// what a call of f gives (awaited: what awaiting or `yield from` of the
// call gives): a plain function called, a coroutine function awaited.
func (f *Function) returnsWhenCalled(awaited bool) bool {
	switch {
	case f.Lambda:
		return false
	case awaited:
		return f.IsCoroutine()
	}
	return !f.Async && !f.Generator
}

// isAsyncFor reports an `async for` statement: its elements come from
// `__aiter__`, which no annotation here describes.
func isAsyncFor(n *Node) bool {
	for _, c := range n.Children() {
		if c.Type() == "async" && !c.Named() {
			return true
		}
	}
	return false
}

// iterElement resolves the element steps select of each element that
// iterating n gives (steps empty: the element itself), when every element
// is known to agree: the items of a display, of a name bound once to one,
// or of a container annotated `list[X]`, `set[X]`, `Sequence[X]`,
// `Iterable[X]` (the keys of a `dict[K, V]`); `d.keys()`, `d.values()` and
// `d.items()` of an annotated mapping; `enumerate(x)` and `zip(x, y)` of
// such iterables; a name bound once to an empty list, set, deque or
// WeakSet and filled one item at a time (addedItemsElement). Nothing else:
// a loop variable of unknown iterable is unknown.
func (m *Module) iterElement(n *Node, steps []unpackStep, depth int) elementResult {
	n = Unparen(n)
	if n == nil || depth > maxResolveDepth {
		return elementResult{}
	}
	switch n.Type() {
	case "list", "tuple", "set":
		var results []elementResult
		for _, e := range n.NamedChildren() {
			switch e.Type() {
			case "comment":
				continue
			case "list_splat", "parenthesized_list_splat":
				return elementResult{}
			}
			results = append(results, m.elementOf(e, steps, depth+1))
		}
		return elementResult{ref: agreeElements(results)}
	case "list_comprehension", "set_comprehension", "generator_expression":
		// Each element is a value of the comprehension's body
		// (`[executor.submit(f, x) for x in xs]` gives Futures).
		return m.elementOf(n.ChildByField("body"), steps, depth+1)
	case "identifier", "attribute":
		if base, params := m.containerAnnotation(n, depth+1); base != nil {
			t := iteratedParam(m.resolve(base, depth+1).Name, params)
			if t == nil {
				return elementResult{}
			}
			return elementResult{ref: m.annotationElement(t, steps, depth+1)}
		}
		if values := m.tableValues(n); len(values) > 0 {
			var results []elementResult
			for _, v := range values {
				results = append(results, m.elementOf(v, steps, depth+1))
			}
			return elementResult{ref: agreeElements(results)}
		}
		if d := m.boundDisplay(n); d != nil {
			switch d.Type() {
			case "list_comprehension", "set_comprehension", "generator_expression":
				return m.iterElement(d, steps, depth+1)
			}
		}
		if e, ok := m.addedItemsElement(n, steps, depth); ok {
			return e
		}
		if e, ok := m.addedAttrItemsElement(n, steps, depth); ok {
			return e
		}
		// A name bound once to what a function of the project returns
		// (`archives = await hass.async_add_executor_job(list_archives)`).
		if n.Type() == "identifier" {
			if e, ok := m.iterReturned(n, steps, depth); ok {
				return e
			}
			// A name bound once to the awaited call of a library
			// coroutine that gives a collection of a known item type
			// (`items = await page.locator(sel).all()`).
			if b := m.ScopeAt(n).Lookup(m.File.Text(n)); b != nil && b.Kind == BindAssign && len(b.Values) == 1 {
				if v := Unparen(b.Values[0]); v != nil && v.Type() == "await" && !isUnpackedTarget(b.Values[0]) {
					return m.iterElement(v, steps, depth+1)
				}
			}
		}
	case "call":
		if e, ok := m.iterReturned(n, steps, depth); ok {
			return e
		}
		return m.iterCallElement(n, steps, depth)
	case "await":
		if e, ok := m.iterReturned(n, steps, depth); ok {
			return e
		}
		// `for el in await page.locator(sel).all():` — the items of the
		// collection a library coroutine gives (pylib's AwaitIterates).
		if t := m.awaitedLibraryItem(n, depth); t != "" && len(steps) == 0 {
			return elementResult{ref: Ref{Name: t, Instance: true}}
		}
	}
	return elementResult{}
}

// awaitedLibraryItem is, for `await call(...)` of a library coroutine that
// pylib records as giving a collection of one item type (AwaitIterates:
// Playwright's `Locator.all()`, `query_selector_all()`), that type; "" for
// anything else.
func (m *Module) awaitedLibraryItem(aw *Node, depth int) string {
	named := aw.NamedChildren()
	if len(named) != 1 {
		return ""
	}
	call := Unparen(named[0])
	if call == nil || call.Type() != "call" {
		return ""
	}
	callee := m.resolve(call.ChildByField("function"), depth+1)
	if callee.Func != nil || callee.Class != nil || callee.Instance || callee.Name == "" {
		return ""
	}
	return pylib.AwaitedItemType(callee.Name)
}

// awaitedItemAt is the type of an item read by index of v, when v is the
// awaited call of a library coroutine that gives a collection of a known
// item type (awaitedLibraryItem: `(await loc.all())[0]`), or a name bound
// once to one (`items = await loc.all()`, then `items[0]`).
func (m *Module) awaitedItemAt(v *Node, depth int) Ref {
	v = Unparen(v)
	if v != nil && v.Type() == "identifier" {
		b := m.ScopeAt(v).Lookup(m.File.Text(v))
		if b == nil || b.Kind != BindAssign || len(b.Values) != 1 || isUnpackedTarget(b.Values[0]) {
			return Ref{}
		}
		v = Unparen(b.Values[0])
	}
	if v == nil || v.Type() != "await" {
		return Ref{}
	}
	if t := m.awaitedLibraryItem(v, depth); t != "" {
		return Ref{Name: t, Instance: true}
	}
	return Ref{}
}

// iterCallElement is iterElement of a call: a mapping view or enumerate/zip.
func (m *Module) iterCallElement(n *Node, steps []unpackStep, depth int) elementResult {
	fn := n.ChildByField("function")
	args := n.ChildByField("arguments")
	if fn == nil || args == nil {
		return elementResult{}
	}
	var named []*Node
	keywords := false
	for _, a := range args.NamedChildren() {
		switch a.Type() {
		case "comment":
			continue
		case "keyword_argument":
			keywords = true
			continue
		case "list_splat", "dictionary_splat":
			return elementResult{}
		}
		named = append(named, a)
	}
	// Calls that give back the items of one argument (`as_completed(fs)`,
	// `sorted(xs, key=...)`, `list(xs)`).
	name := m.resolve(fn, depth+1).Name
	// typing.cast(List[X], v) declares its value a List[X]: its items are
	// X's, as for a name annotated so; a cast to anything else says
	// nothing of the items, so they are v's.
	if pylib.Is(name, pylib.ReturnsArgument) {
		if keywords || len(named) != 2 {
			return elementResult{}
		}
		if base, params := genericParts(Unparen(named[0])); base != nil && len(params) > 0 {
			t := iteratedParam(m.resolve(base, depth+1).Name, params)
			if t == nil {
				return elementResult{}
			}
			return elementResult{ref: m.annotationElement(t, steps, depth+1)}
		}
		return m.iterElement(named[1], steps, depth+1)
	}
	if i, ok := pylib.IteratesArgument[name]; ok {
		// `iter(f, sentinel)` calls f until it returns the sentinel: its
		// items are what f returns, not f's.
		if i >= len(named) || name == "iter" && len(named) != 1 {
			return elementResult{}
		}
		return m.iterElement(named[i], steps, depth+1)
	}
	if keywords {
		return elementResult{}
	}
	if fn.Type() == "attribute" && len(named) == 0 {
		view := m.File.Text(fn.ChildByField("attribute"))
		am := m
		base, params := m.containerAnnotation(fn.ChildByField("object"), depth+1)
		if base == nil {
			// What a function of the project returns, by its annotation
			// (`for k, v in load_clients().items()` where `def
			// load_clients() -> dict[str, Client]`).
			if rm, rb, rp := m.returnedContainer(fn.ChildByField("object"), depth+1); rb != nil {
				am, base, params = rm, rb, rp
			}
		}
		if base == nil && (view == "values" || view == "items") {
			// A name bound once to a dict display: its values agree.
			if r := m.displayView(fn.ChildByField("object"), view, steps, depth); r.ref.Known() || r.ref.Via != "" || r.ref.Cyclic || r.none {
				return r
			}
			// A name or self attribute bound once to an empty dict and
			// filled one value at a time: the values stored agree.
			return m.filledView(fn.ChildByField("object"), view, steps, depth)
		}
		// A mapping's views; elementParam gives a mapping's values.
		if base == nil || len(params) != 2 || elementParam(am.resolve(base, depth+1).Name, params) != params[1] {
			return elementResult{}
		}
		switch view {
		case "keys":
			return elementResult{ref: am.annotationElement(params[0], steps, depth+1)}
		case "values":
			return elementResult{ref: am.annotationElement(params[1], steps, depth+1)}
		case "items":
			if len(steps) == 0 || steps[0].starred || steps[0].count != 2 {
				return elementResult{}
			}
			return elementResult{ref: am.annotationElement(params[steps[0].index], steps[1:], depth+1)}
		}
		return elementResult{}
	}
	if fn.Type() != "identifier" || len(steps) == 0 || steps[0].starred {
		return elementResult{}
	}
	// Builtins, as the language defines them.
	switch m.resolve(fn, depth+1).Name {
	case "enumerate":
		if len(named) != 1 && len(named) != 2 || steps[0].count != 2 || steps[0].index != 1 {
			return elementResult{}
		}
		return m.iterElement(named[0], steps[1:], depth+1)
	case "zip":
		if len(named) != steps[0].count {
			return elementResult{}
		}
		i := steps[0].index
		if i < 0 {
			i += len(named)
		}
		return m.iterElement(named[i], steps[1:], depth+1)
	}
	return elementResult{}
}

// iteratedParam picks, among the parameters of the generic container
// annotation named name, the one iterating it gives: a sequence's or
// set's items, a mapping's keys; nil for other generics and for a tuple
// (`tuple[A, B]` has an element per position).
func iteratedParam(name string, params []*Node) *Node {
	// Python's generic containers as annotations spell them: typing syntax.
	switch strings.TrimPrefix(strings.TrimPrefix(name, "typing."), "collections.abc.") {
	case "dict", "Dict", "Mapping", "MutableMapping", "collections.defaultdict", "collections.OrderedDict", "DefaultDict", "OrderedDict",
		"list", "List", "Sequence", "MutableSequence", "set", "Set", "frozenset", "FrozenSet", "collections.deque", "Deque", "Iterable",
		"Iterator", "Collection", "AbstractSet", "MutableSet", "KeysView", "ValuesView", "Generator":
		return params[0]
	}
	return nil
}

// gatheredElement is the element steps select of what awaiting a gather
// call gives: the results of its awaitables, in order (`user, orders =
// await asyncio.gather(get_user(), get_orders())`). Unknown when an
// argument is unpacked or `return_exceptions` may put exceptions there.
func (m *Module) gatheredElement(call *Node, steps []unpackStep, depth int) elementResult {
	args := call.ChildByField("arguments")
	if args == nil || len(steps) == 0 {
		return elementResult{}
	}
	var awaitables []*Node
	for _, a := range args.NamedChildren() {
		switch a.Type() {
		case "comment":
			continue
		case "list_splat", "dictionary_splat":
			return elementResult{}
		case "keyword_argument":
			if m.File.Text(a.ChildByField("name")) == "return_exceptions" && m.File.Text(a.ChildByField("value")) != "False" {
				return elementResult{}
			}
			continue
		}
		awaitables = append(awaitables, a)
	}
	step := steps[0]
	if step.starred && len(awaitables) < step.count-1 || !step.starred && len(awaitables) != step.count {
		return elementResult{}
	}
	i := step.index
	if i < 0 {
		i += len(awaitables)
	}
	if len(steps) == 1 {
		return elementResult{ref: m.awaitedValue(awaitables[i], depth+1)}
	}
	a := Unparen(awaitables[i])
	if a.Type() != "call" {
		return elementResult{}
	}
	callee := m.resolve(a.ChildByField("function"), depth+1)
	return elementResult{ref: m.calledElement(callee, true, steps[1:], depth+1)}
}

// displayView is iterElement of `d.values()` or `d.items()` where d is a
// name bound once to a dict display: the values the
// display holds, when they agree (the keys are not followed).
func (m *Module) displayView(obj *Node, view string, steps []unpackStep, depth int) elementResult {
	if d := m.boundDisplay(obj); d == nil || d.Type() != "dictionary" {
		return elementResult{}
	}
	values := m.tableValues(obj)
	if len(values) == 0 {
		return elementResult{}
	}
	return m.viewElement(values, view, steps, depth)
}

// viewElement is the element, in module m, of `d.values()` (or of
// `d.items()`, whose second item the unpacking steps must take) where d's
// values are values: what they agree on, through the remaining steps.
func (m *Module) viewElement(values []*Node, view string, steps []unpackStep, depth int) elementResult {
	if view == "items" {
		if len(steps) == 0 || steps[0].starred || steps[0].count != 2 || steps[0].index != 1 && steps[0].index != -1 {
			return elementResult{}
		}
		steps = steps[1:]
	}
	var results []elementResult
	for _, v := range values {
		results = append(results, m.elementOf(v, steps, depth+1))
	}
	return elementResult{ref: agreeElements(results)}
}

// boundDisplay returns the one value (None aside) of the name n, when it
// is bound by assignment; nil otherwise.
func (m *Module) boundDisplay(n *Node) *Node {
	n = Unparen(n)
	if n == nil || n.Type() != "identifier" {
		return nil
	}
	b := m.ScopeAt(n).Lookup(m.File.Text(n))
	if b == nil || b.Kind != BindAssign {
		return nil
	}
	var out *Node
	for _, v := range b.Values {
		v = Unparen(v)
		if v == nil {
			return nil
		}
		if v.Type() == "none" {
			continue
		}
		if out != nil {
			return nil
		}
		out = v
	}
	return out
}
