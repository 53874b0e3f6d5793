package analysis

import (
	"hash/maphash"
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// What a module uses as a value is kept as keys naming what each use
// resolves to, through the module's own bindings (Module.Resolve for
// attributes), never by the bare name: a parameter or a local variable
// named like a function is not a use of it.
//   - "pkg.mod.f", "pkg.mod.C.m": a function, class or method the use
//     resolves to (a def of the module, or the qualified name an import
//     binds: `from pkg.mod import f`, `import pkg.mod as m; m.f`);
//   - "*.f": a bare name bound nowhere in the module (several star
//     imports, names injected at run time): it may be any `f`;
//   - ".m": an attribute of an object the module cannot resolve
//     (`obj.on_ping`): it may be any method `m`.
// Function.ValueKeys lists the keys by which a use of a function can be
// recorded; the two meet in the project's index (UsesAsValue).
//
// The keys are found lazily, by word: resolving every use of every module
// cost more than all the questions asked of them (ASYNC124 asks about a
// few hundred names in a project of a thousand modules). A module indexes
// its uses by the word its keys can end with (ValueKeyWord): the use's own
// identifier, and, for the few names whose resolution may end in another
// word (an aliased import, an attribute assigned a function or class, a
// decorated method), that word too or the keys themselves, found when the
// index is built (valueAliases). A question about a key resolves only the
// uses under its word, once per module.

// valueNames is a module's index of its value uses by word (see above),
// built on first use; the answers found so far are kept under mu.
type valueNames struct {
	once sync.Once
	// stashed is set when the tree walk that finds the uses was done while
	// building the module (paramTypesFromCallers needed it first; one walk
	// serves both); walked holds its result until the index is built.
	stashed bool
	walked  walkedUses

	// words holds the hash of each entry's word (wordHash), sorted: entry
	// i is words[i]'s (see entry). Two words with one hash share an entry:
	// resolving a few more uses adds keys the module does record, and
	// method references are matched by their text. Every module of a
	// project keeps its index, so it is kept compact: no map, and nodes as
	// their places in the module's tree (nodeAt).
	words    []uint64
	entries  []wordUses // and one more, where the last entry's uses end
	resolved []bool     // the keys of entry i's values are in known
	values   []uint32   // the entries' value uses, each entry's together
	tasks    []taskRef  // the entries' method references, each entry's together

	mu       sync.Mutex
	known    map[string]bool // the keys found so far (all of them once every entry is resolved)
	defs     *defIndex
	seen     lookedUp
	calls    lookedUp           // seen's, for the callees of calls handed on (CallValueKey)
	handed   lookedUp           // seen's, for the uses handed to a callee or returned (HandedValueKey)
	answers  map[string]taskUse // method name -> how the module references it (see methodTaskUse)
	starters int8               // 0: not yet known; 1: the module calls no task starter; 2: it calls one
	starts   localStarts

	allOnce sync.Once
	all     map[string]bool // ValueNames
}

// wordUses is where a module's uses under one word start in values and
// tasks of valueNames; they end where the next entry's start.
type wordUses struct {
	values, tasks uint32
}

// entry returns the entry of the word hash h.
func (v *valueNames) entry(h uint64) (int32, bool) {
	i, ok := slices.BinarySearch(v.words, h)
	return int32(i), ok
}

// valuesOf returns entry i's value uses, as places in the tree.
func (v *valueNames) valuesOf(i int32) []uint32 {
	return v.values[v.entries[i].values:v.entries[i+1].values]
}

// tasksOf returns entry i's method references.
func (v *valueNames) tasksOf(i int32) []taskRef {
	return v.tasks[v.entries[i].tasks:v.entries[i+1].tasks]
}

// taskRef is a reference to a method name (`x.name`, or a bare name in a
// class body): the identifier or attribute, and the value it makes (the
// call, when it is called), as places in the module's tree (nodeAt).
type taskRef struct {
	ref, use uint32
}

// walkedUses is what collectUses finds, with the hash of each one's word.
type walkedUses struct {
	values     []*Node
	valueWords []uint64
	tasks      []walkedTask
	taskWords  []uint64
}

// walkedTask is a taskRef as collectUses finds it.
type walkedTask struct {
	ref, use *Node
}

// nodePlace returns n's place in the module's tree (n is a node of it):
// the index keeps places, half the size of pointers.
func (m *Module) nodePlace(n *Node) uint32 {
	root := m.File.Root
	d := uintptr(unsafe.Pointer(n)) - uintptr(unsafe.Pointer(root))
	if root == nil || d%nodeSize != 0 || d/nodeSize > uintptr(root.descendants()) {
		panic("analysis: a value use outside its module's tree")
	}
	return uint32(d / nodeSize)
}

// nodeAt returns the node at place i of the module's tree (nodePlace).
func (m *Module) nodeAt(i uint32) *Node { return m.File.Root.at(i) }

// wordSeed seeds wordHash for the life of the process (the index is never
// stored).
var wordSeed = maphash.MakeSeed()

func wordHash(word []byte) uint64       { return maphash.Bytes(wordSeed, word) }
func wordHashString(word string) uint64 { return maphash.String(wordSeed, word) }

// UsesAsValue reports whether the module uses something as a value under
// key (see Function.ValueKeys): other than as the callee of a call or at
// its own definition, as a function handed to a framework, a task group or
// a router. A call whose coroutine is handed to a scheduler
// (`create_task(f())`, `loop.run_until_complete(f())`, `gather(f(), g())`)
// counts under CallValueKey(key): like a function passed by name, its
// callee must be a coroutine function (ASYNC124 asks both keys), but it is
// a call of it with its arguments in view. For a TaskEntryIndexKey it reports whether the
// module references the method other than as a task's entry point; for a
// StartedTaskIndexKey, whether it starts one as a task.
func (m *Module) UsesAsValue(key string) bool { return m.answer(askAbout(key)) }

// valueQuestion is a key asked about with the hash of its word (for a
// TaskEntryIndexKey or StartedTaskIndexKey, the method name's).
type valueQuestion struct {
	key     string
	word    uint64
	method  string // the method name of a TaskEntryIndexKey or StartedTaskIndexKey, else ""
	started bool   // a StartedTaskIndexKey
}

func askAbout(key string) valueQuestion {
	if name, ok := strings.CutPrefix(key, taskEntryIndexPrefix); ok {
		return valueQuestion{key: key, word: wordHashString(name), method: name}
	}
	if name, ok := strings.CutPrefix(key, startedTaskIndexPrefix); ok {
		return valueQuestion{key: key, word: wordHashString(name), method: name, started: true}
	}
	if name := IndexedIdentifier(key); name != key {
		// A definition entry (coroutineMethodIndexPrefix, otherDefIndexPrefix)
		// or a synchronous use (syncCalleeIndexPrefix): in known from the
		// start, under the word its name ends with.
		return valueQuestion{key: key, word: wordHashString(ValueKeyWord(name))}
	}
	return valueQuestion{key: key, word: wordHashString(ValueKeyWord(key))}
}

func (m *Module) answer(q valueQuestion) bool {
	v := m.valueUses()
	i, ok := v.entry(q.word)
	if !ok {
		return false
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if q.method != "" {
		use := m.methodTaskUseLocked(q.method)
		if q.started {
			return use.started
		}
		return use.other
	}
	m.resolveWord(i)
	return v.known[q.key]
}

// IndexValueUses builds the module's index of value uses now rather than
// at the first question about it. A run that will ask about every module
// (a check of a whole project) calls it once the module is built: the
// tree walk kept from building (stashed) is then filed at once, in a
// fraction of its size, instead of being held until the checks.
func (m *Module) IndexValueUses() { m.valueUses() }

// valueUses returns the module's index of value uses, built once.
func (m *Module) valueUses() *valueNames {
	m.values.once.Do(m.indexValueUses)
	return &m.values
}

// indexValueUses builds the module's index of value uses by word.
func (m *Module) indexValueUses() {
	v := &m.values
	w := v.walked
	if !v.stashed {
		w = collectUses(m, nil)
	}
	v.walked, v.stashed = walkedUses{}, false
	v.known = map[string]bool{}
	m.addDefinitionKeys(v.known)
	m.addSyncCalleeKeys(v.known)
	m.addSiblingCoroutineKeys(v.known)
	m.addPrivateMentionKeys(v.known)
	v.seen, v.calls, v.handed = lookedUp{}, lookedUp{}, lookedUp{}
	// Entries are numbered as their words are met, and renumbered in the
	// order of their hashes once all are known.
	byWord := make(map[uint64]int32, len(w.values)/4+8)
	var words []uint64
	entry := func(h uint64) int32 {
		i, ok := byWord[h]
		if !ok {
			i = int32(len(words))
			byWord[h] = i
			words = append(words, h)
		}
		return i
	}
	// Each use is filed under its entries in two passes: count, then place.
	aliases := m.valueAliases()
	values := make([]uint32, 0, len(w.values)+8) // places in the tree (nodePlace)
	valueEntries := make([]int32, 0, len(w.values)+8)
	add := func(n *Node, word uint64) {
		attr := n.Type() == "attribute"
		if attr && aliases.decorated[word] {
			// A property's value is what it returns: resolved now, its
			// keys may end with any word.
			m.addUseKeys(v, m.defsByScope(), n)
			return
		}
		place := m.nodePlace(n)
		values = append(values, place)
		valueEntries = append(valueEntries, entry(word))
		alias := aliases.names
		if attr {
			alias = aliases.attrs
		}
		for _, other := range alias[word] {
			values = append(values, place)
			valueEntries = append(valueEntries, entry(other))
		}
	}
	for i, n := range w.values {
		add(n, w.valueWords[i])
	}
	for _, c := range m.Calls {
		// A coroutine handed to a scheduler, or to any other callable
		// (`gen.with_timeout(t, f())`, which awaits it), must stay one; a
		// callee that does not await it is ASL102's finding. So must one
		// a plain def or a lambda returns to its caller (`def
		// awaitable(v): return _wrap(v)`, a sync factory of awaitables):
		// the caller awaits what it gets.
		if c.Usage != UsageScheduled && c.Usage != UsageArgument && !returnedBySyncFunction(c) && !drivesOrCollectsCoroutine(m, c) &&
			!storedThenHandedOn(m, c) {
			continue
		}
		if fn := c.Node.ChildByField("function"); fn != nil && (fn.Type() == "identifier" || fn.Type() == "attribute") {
			add(fn, wordHash(useWord(m, fn)))
		}
	}
	for key := range v.known {
		entry(wordHashString(ValueKeyWord(IndexedIdentifier(key))))
	}
	taskEntries := make([]int32, len(w.tasks))
	for i := range w.tasks {
		taskEntries[i] = entry(w.taskWords[i])
	}
	v.words = slices.Clone(words)
	slices.Sort(v.words)
	renumber := make([]int32, len(words)) // first-met number -> place in v.words
	for i, h := range words {
		j, _ := slices.BinarySearch(v.words, h)
		renumber[i] = int32(j)
	}
	// Count each entry's uses in the entry after it, sum, then place.
	v.entries = make([]wordUses, len(words)+1)
	for k, i := range valueEntries {
		valueEntries[k] = renumber[i]
		v.entries[renumber[i]+1].values++
	}
	for k, i := range taskEntries {
		taskEntries[k] = renumber[i]
		v.entries[renumber[i]+1].tasks++
	}
	for i := 1; i < len(v.entries); i++ {
		v.entries[i].values += v.entries[i-1].values
		v.entries[i].tasks += v.entries[i-1].tasks
	}
	next := slices.Clone(v.entries)
	v.values = make([]uint32, len(valueEntries))
	for k, i := range valueEntries {
		v.values[next[i].values] = values[k]
		next[i].values++
	}
	v.tasks = make([]taskRef, len(taskEntries))
	for k, i := range taskEntries {
		r := w.tasks[k]
		v.tasks[next[i].tasks] = taskRef{ref: m.nodePlace(r.ref), use: m.nodePlace(r.use)}
		next[i].tasks++
	}
	v.resolved = make([]bool, len(words))
}

// returnedBySyncFunction reports a call whose value a plain def or a lambda
// returns (`return f(x)`, `lambda: f(x)`): a coroutine handed to the
// function's caller, which awaits it, so f must stay a coroutine function.
// In an async def, `return f(x)` hands the caller a coroutine it did not
// ask for: a missing await (ASL102's question), not such a use.
func returnedBySyncFunction(c *Call) bool {
	return c.Usage == UsageReturned && c.Func != nil && !c.Func.Async && !c.Func.Generator
}

// storedThenHandedOn reports a call whose value a plain assignment binds to
// a name (`app = init_app(argv)`) that the same function, or the module at
// its top level, binds nowhere else and hands on after it: passes to a call
// (`web.run_app(app)`, which awaits an awaitable it is given) or awaits. It
// is then the call written there, a coroutine handed on: f must stay a
// coroutine function.
func storedThenHandedOn(m *Module, c *Call) bool {
	if c.Usage != UsageStored {
		return false
	}
	outer, parent := ParenParent(c.Node)
	if parent == nil || parent.Type() != "assignment" || parent.ChildByField("right") != outer {
		return false
	}
	left := parent.ChildByField("left")
	if left == nil || left.Type() != "identifier" {
		return false
	}
	f := m.File
	name := f.Text(left)
	scope := f.Root
	if c.Func != nil {
		if c.Func.Lambda {
			return false
		}
		scope = c.Func.Node.ChildByField("body")
	}
	bindings, handed := 0, false
	scope.Walk(func(n *Node) bool {
		switch n.Type() {
		case "function_definition", "class_definition", "lambda":
			// Another scope: its names are its own (a nested def reading
			// the name is not followed).
			return n == scope
		case "identifier":
		default:
			return true
		}
		if f.Text(n) != name {
			return false
		}
		_, up := ParenParent(n)
		switch {
		case up == nil:
		case up.Type() == "assignment" && up.ChildByField("left") == n, up.Type() == "augmented_assignment",
			up.Type() == "for_statement" && up.ChildByField("left") == n, up.Type() == "named_expression",
			up.Type() == "pattern_list", up.Type() == "tuple_pattern", up.Type() == "as_pattern_target":
			bindings++
		case n.Start < parent.End:
		case up.Type() == "argument_list", up.Type() == "await",
			up.Type() == "keyword_argument" && up.ChildByField("value") == n:
			handed = true
		}
		return false
	})
	return handed && bindings == 1
}

// drivesOrCollectsCoroutine reports a call whose value is used as a
// coroutine object by its own protocol (`f().__await__()`, how an object's
// `__await__` is written with a nested coroutine) or collected in a list,
// tuple or set display (`[f(), g()]`, gathered or awaited later): either
// needs f to stay a coroutine function.
func drivesOrCollectsCoroutine(m *Module, c *Call) bool {
	_, q := ParenParent(c.Node)
	if q == nil {
		return false
	}
	switch q.Type() {
	case "attribute":
		attr := q.ChildByField("attribute")
		return attr != nil && m.File.Text(attr) == "__await__"
	case "list", "tuple", "set":
		return true
	}
	return false
}

// useWord is the word a use's keys end with unless aliased: the
// identifier, or the attribute's name.
func useWord(m *Module, n *Node) []byte {
	if n.Type() == "attribute" {
		if n = n.ChildByField("attribute"); n == nil {
			return nil
		}
	}
	return m.File.Src[n.Start:n.End]
}

// resolveWord adds the keys of entry i's uses to known (under mu).
func (m *Module) resolveWord(i int32) {
	v := &m.values
	if v.resolved[i] {
		return
	}
	defs := m.defsByScope()
	for _, n := range v.valuesOf(i) {
		m.addUseKeys(v, defs, m.nodeAt(n))
	}
	v.resolved[i] = true
}

// callValuePrefix marks the keys of the callees of calls whose value is
// handed on (CallValueKey).
const callValuePrefix = "call:."

// CallValueKey is the key under which a module records a call of what key
// names whose value it hands on (`create_task(f())`, `return f(x)` in a
// plain def: indexValueUses): a use of the callee's result as a value, not
// of the callee. ASYNC124 asks both; a question about a function's
// callers (callerParamType) asks only key, such a call being one of its
// call sites.
func CallValueKey(key string) string { return callValuePrefix + key }

const handedValuePrefix = "handed:."

// HandedValueKey is the key under which a module records a use of what key
// names that hands it to something else: an argument of a call, by
// position or keyword (`Depends(get_db)`, `timed(fn=gen)`), or the value a
// function returns. The receiver may call it and manage what the calls
// make; a use that only keeps it under another name, compares it or reads
// its attributes hands it to nobody. Such a use is recorded under key too.
func HandedValueKey(key string) string { return handedValuePrefix + key }

// addUseKeys adds the keys of the value use n to v.known: a callee of a
// call handed on under CallValueKey, and a use handed to a callee or
// returned under HandedValueKey as well (each looked up apart from the
// other uses, which may be of the same name in the same scope).
func (m *Module) addUseKeys(v *valueNames, defs *defIndex, n *Node) {
	if p := n.Parent(); p != nil && p.Type() == "call" && p.ChildByField("function") == n {
		keys := map[string]bool{}
		m.addValueKeys(keys, defs, v.calls, n)
		for k := range keys {
			v.known[CallValueKey(k)] = true
		}
		return
	}
	if handedOn(n) {
		keys := map[string]bool{}
		m.addValueKeys(keys, defs, v.handed, n)
		for k := range keys {
			v.known[HandedValueKey(k)] = true
		}
	}
	m.addValueKeys(v.known, defs, v.seen, n)
}

// handedOn reports whether the value use n is an argument of a call (by
// position or as a keyword's value) or what a return statement returns.
func handedOn(n *Node) bool {
	p := n.Parent()
	for p != nil && p.Type() == "parenthesized_expression" {
		n, p = p, p.Parent()
	}
	if p == nil {
		return false
	}
	switch p.Type() {
	case "return_statement":
		return true
	case "keyword_argument":
		if n.Field() != "value" {
			return false
		}
		p = p.Parent()
	}
	return p != nil && p.Type() == "argument_list" && p.Parent() != nil && p.Parent().Type() == "call"
}

// defsByScope returns the defs of each scope by name (under mu, or while
// the index is built).
func (m *Module) defsByScope() *defIndex {
	v := &m.values
	if v.defs != nil {
		return v.defs
	}
	var defs defIndex
	for _, f := range m.Functions {
		if f.Lambda || f.Scope == nil || f.Scope.Parent == nil {
			continue
		}
		defs = append(defs, f)
	}
	defs = slices.Clip(defs)
	slices.SortStableFunc(defs, compareDefPlace)
	v.defs = &defs
	return v.defs
}

// defIndex holds a module's defs (not lambdas) in the order of the scope
// that binds them and their names, for defsByScope: a slice searched, not
// maps per scope (every module of a project keeps it).
type defIndex []*Function

func compareDefPlace(a, b *Function) int {
	if c := cmpScope(a.Scope.Parent, b.Scope.Parent); c != 0 {
		return c
	}
	return strings.Compare(a.Name, b.Name)
}

func cmpScope(a, b *Scope) int { return cmpPlace(unsafe.Pointer(a), unsafe.Pointer(b)) }

// in returns the defs that scope binds to name.
func (d *defIndex) in(scope *Scope, name string) []*Function {
	defs := *d
	i, _ := slices.BinarySearchFunc(defs, name, func(f *Function, name string) int {
		if c := cmpScope(f.Scope.Parent, scope); c != 0 {
			return c
		}
		return strings.Compare(f.Name, name)
	})
	j := i
	for j < len(defs) && defs[j].Scope.Parent == scope && defs[j].Name == name {
		j++
	}
	return defs[i:j]
}

// valueAliasSet is where the resolution of a use may end in a word other
// than the use's own (see valueAliases), by word hash.
type valueAliasSet struct {
	names     map[uint64][]uint64 // bare name -> the other words its keys may end with
	attrs     map[uint64][]uint64 // attribute name -> the same
	decorated map[uint64]bool     // method names with a decorator: a property's value is what it returns
}

// valueAliases finds the names whose uses' keys (addValueKeys) may end in
// another word than their own: for a bare name, the qualified name an
// import binds it to (`import pkg.mod as m` records `pkg.mod`); for an
// attribute, what an attribute or class variable of one of the module's
// classes resolves to (`self.handler = self.on_message`, `runner =
// staticmethod(run)`) and a decorated method (a property), the only
// members Module.Resolve follows to something named otherwise.
func (m *Module) valueAliases() valueAliasSet {
	out := valueAliasSet{}
	add := func(set *map[uint64][]uint64, name, word string) {
		if word == name {
			return
		}
		if *set == nil {
			*set = map[uint64][]uint64{}
		}
		h, w := wordHashString(name), wordHashString(word)
		if !slices.Contains((*set)[h], w) {
			(*set)[h] = append((*set)[h], w)
		}
	}
	// A binding's qualified name is the one an import of it gave it.
	for _, imp := range m.Imports {
		if imp.BoundName != "" && imp.Qualified != "" {
			add(&out.names, imp.BoundName, ValueKeyWord(strings.TrimPrefix(imp.Qualified, "builtins.")))
		}
	}
	for _, c := range m.Classes {
		for attr := range c.Attrs {
			if word := attributeKeyWord(c.module.resolveBinding(c.attrBinding(attr), 0)); word != "" {
				add(&out.attrs, attr, word)
			}
		}
		for name, b := range c.Scope.Bindings.All() {
			if b.Kind == BindAssign {
				if word := attributeKeyWord(c.module.resolveBinding(b, 0)); word != "" {
					add(&out.attrs, name, word)
				}
			}
		}
	}
	for _, f := range m.Functions {
		if f.Class != nil && len(f.Decorators) > 0 {
			if out.decorated == nil {
				out.decorated = map[uint64]bool{}
			}
			out.decorated[wordHashString(f.Name)] = true
		}
	}
	return out
}

// attributeKeyWord returns the word the key addValueKeys records for an
// attribute resolving to r ends with, or "" when it records ".attr".
func attributeKeyWord(r Ref) string {
	switch {
	case r.Func != nil:
		return ValueKeyWord(r.Func.FullName())
	case r.Class != nil && !r.Instance:
		return ValueKeyWord(r.Class.FullName())
	case r.Name != "" && !r.Instance:
		return ValueKeyWord(r.Name)
	}
	return ""
}

// collectUses walks the module's tree once for the identifiers and
// attributes it uses as values (other than as a callee, at their
// definition or as a parameter) and the references it makes to method
// names (see task_entries.go), each with the hash of its word. When
// imported is not nil, the names written in import statements, which do
// not count as values, are added to it.
func collectUses(m *Module, imported map[string]bool) walkedUses {
	var out walkedUses
	root := m.File.Root
	if root == nil {
		return out
	}
	modules := map[string]bool{} // names bound by `import x`: x.f() is a module's function
	for _, imp := range m.Imports {
		if imp.Name == "" && imp.BoundName != "" {
			modules[imp.BoundName] = true
		}
	}
	// The enclosing defs and classes, innermost last, each with the slab
	// index its subtree ends at: a bare name in a class body (not in one of
	// its methods) may name a method.
	type enclosing struct {
		end   int
		class bool
	}
	var stack []enclosing
	src := m.File.Src
	kinds := useKinds()
	nodes := unsafe.Slice(root, int(root.descendants())+1)
	// About one node in five is a value use and one in sixteen a method
	// reference (corpus src/): sized so, the lists rarely grow.
	out.values = make([]*Node, 0, len(nodes)/5+8)
	out.valueWords = make([]uint64, 0, len(nodes)/5+8)
	out.tasks = make([]walkedTask, 0, len(nodes)/16+8)
	out.taskWords = make([]uint64, 0, len(nodes)/16+8)
	for i := range nodes {
		n := &nodes[i]
		kind := walkOther
		if k := int(n.kind()); k < len(kinds) {
			kind = kinds[k]
		}
		if kind == walkOther {
			continue
		}
		for len(stack) > 0 && i > stack[len(stack)-1].end {
			stack = stack[:len(stack)-1]
		}
		inClassBody := len(stack) > 0 && stack[len(stack)-1].class
		switch kind {
		case walkDef:
			stack = append(stack, enclosing{i + int(n.descendants()), false})
		case walkClass:
			stack = append(stack, enclosing{i + int(n.descendants()), true})
		case walkAttribute:
			word := wordHash(useWord(m, n))
			p := n.Parent()
			called := p != nil && p.Type() == "call" && n.Field() == "function"
			if !called {
				out.values = append(out.values, n)
				out.valueWords = append(out.valueWords, word)
			}
			if obj := n.ChildByField("object"); obj == nil || obj.Type() != "identifier" || !modules[string(src[obj.Start:obj.End])] {
				use := n
				if called {
					use = p // the coroutine the call makes
				}
				out.tasks = append(out.tasks, walkedTask{n, use})
				out.taskWords = append(out.taskWords, word)
			}
		case walkIdentifier:
			field := n.Field()
			if field == "name" || field == "attribute" {
				continue
			}
			word := wordHash(src[n.Start:n.End])
			p := n.Parent()
			if inClassBody {
				// A class body may name its own methods bare (`handler = run`).
				if !(p != nil && (p.Type() == "call" && field == "function" || p.Type() == "keyword_argument" ||
					p.Type() == "decorator" || p.Type() == "argument_list" && p.Parent() != nil && p.Parent().Type() == "class_definition")) {
					out.tasks = append(out.tasks, walkedTask{n, n})
					out.taskWords = append(out.taskWords, word)
				}
			}
			if p != nil {
				switch {
				case p.Type() == "import_from_statement" || p.Type() == "dotted_name" || p.Type() == "aliased_import":
					if imported != nil {
						imported[string(src[n.Start:n.End])] = true
					}
					continue
				case p.Type() == "call" && field == "function":
					continue
				case p.Type() == "keyword_argument" && field == "name" || p.Type() == "parameters":
					continue
				}
			}
			out.values = append(out.values, n)
			out.valueWords = append(out.valueWords, word)
		}
	}
	return out
}

// The node kinds collectUses tells apart (useKinds).
const (
	walkOther uint8 = iota
	walkDef
	walkClass
	walkAttribute
	walkIdentifier
)

// useKinds classifies Node.kind for collectUses, which looks at every
// node of every module: comparing each node's type name cost more than the
// rest of the walk. Several kinds may share a name.
var useKinds = sync.OnceValue(func() []uint8 {
	symbolsOnce.Do(loadSymbols)
	out := make([]uint8, len(kindNames))
	for i, name := range kindNames {
		switch name {
		case "function_definition", "lambda":
			out[i] = walkDef
		case "class_definition":
			out[i] = walkClass
		case "attribute":
			out[i] = walkAttribute
		case "identifier":
			out[i] = walkIdentifier
		}
	}
	return out
})

// taskRefName is the method name a reference names.
func taskRefName(m *Module, ref *Node) []byte {
	if ref.Type() == "attribute" {
		ref = ref.ChildByField("attribute")
		if ref == nil {
			return nil
		}
	}
	return m.File.Src[ref.Start:ref.End]
}

// addValueKeys adds the keys of what the identifier or attribute n
// denotes, when that may be a function or class (see the keys above). seen
// holds the names and dotted names already looked up, each from its scope
// (for a dotted name, the scope of its first name).
func (m *Module) addValueKeys(out map[string]bool, defs *defIndex, seen lookedUp, n *Node) {
	if n.Type() == "attribute" {
		// A dotted name (`self.conn.send`) resolves by its text from the
		// scope of its first name alone: look each up once per scope.
		if base := dottedBase(n); base != nil && !seen.first(m.ScopeAt(base), m.File.Src[n.Start:n.End]) {
			return
		}
		attr := m.File.Text(n.ChildByField("attribute"))
		switch r := m.Resolve(n); {
		case r.Func != nil:
			out[r.Func.FullName()] = true
		case r.Class != nil && !r.Instance:
			out[r.Class.FullName()] = true
		case r.Name != "" && !r.Instance:
			out[r.Name] = true
		default:
			out["."+attr] = true
		}
		return
	}
	from := m.ScopeAt(n)
	if !seen.first(from, m.File.Src[n.Start:n.End]) {
		return // the same name from the same scope adds the same keys
	}
	name := m.File.Text(n)
	b, scope := from.lookup(name)
	if b == nil {
		switch {
		case builtins[name]:
		case m.starSource() != "":
			out[m.starSource()+"."+name] = true
		default:
			out["*."+name] = true
		}
		return
	}
	// A parameter, a variable or a loop target holds a value recorded
	// where it was assigned or passed; a name bound several ways (a def
	// rebound by a decorator call, an import with a fallback def, a
	// parameter replaced by a nested def) keeps each meaning it has.
	for _, f := range defs.in(scope, name) {
		out[f.FullName()] = true
	}
	if b.Class != nil {
		out[b.Class.FullName()] = true
	}
	if b.Qualified != "" {
		out[strings.TrimPrefix(b.Qualified, "builtins.")] = true
	}
}

// dottedBase returns the identifier a dotted name (attributes of
// attributes of an identifier, nothing else: no call, subscript or
// parentheses) starts with, or nil when n is not one.
func dottedBase(n *Node) *Node {
	for n != nil && n.Type() == "attribute" {
		n = n.ChildByField("object")
	}
	if n == nil || n.Type() != "identifier" {
		return nil
	}
	return n
}

// lookedUp holds, per scope, the names and dotted names already looked up
// from it (a name never contains a dot, a dotted name always does): one
// map per module, not one per scope, since a project keeps them.
type lookedUp map[scopedText]struct{}

type scopedText struct {
	scope *Scope
	text  string
}

// first reports whether text is looked up from scope for the first time,
// and records it. Only a first look-up copies text.
func (l lookedUp) first(scope *Scope, text []byte) bool {
	if _, ok := l[scopedText{scope, string(text)}]; ok {
		return false
	}
	l[scopedText{scope, string(text)}] = struct{}{}
	return true
}

// ValueKeys returns the keys under which a module records a use of f as a
// value: its qualified names (under each name of its module), the names
// the packages above its module may re-export a module-level function by
// (`from pkg import f` for pkg/mod.py's f: whether pkg/__init__.py does
// re-export it is not asked, so the answer depends on the using modules
// alone), a bare name bound nowhere, and, for a method, an attribute of an
// object that cannot be resolved.
func (f *Function) ValueKeys() []string {
	names := append([]string{f.module.Name}, f.module.Aliases...)
	var keys []string
	for _, mod := range names {
		if mod == "" {
			keys = append(keys, f.QualName)
			continue
		}
		keys = append(keys, mod+"."+f.QualName)
		if f.QualName != f.Name {
			continue
		}
		for i := len(mod) - 1; i > 0; i-- {
			if mod[i] == '.' {
				keys = append(keys, mod[:i]+"."+f.Name)
			}
		}
	}
	keys = append(keys, "*."+f.Name)
	if f.Class != nil {
		keys = append(keys, "."+f.Name)
	}
	return keys
}

// ValueKeyWord returns the identifier a value key ends with: the word a
// module's text must hold for the module to record the key.
func ValueKeyWord(key string) string {
	return key[strings.LastIndexByte(key, '.')+1:]
}

// UsesAsValue reports whether any module of the project records key (see
// Function.ValueKeys and Module.UsesAsValue). It asks the project's index
// (valueIndex), never every module: ASYNC124 asks it for each async
// function of each module.
func (p *Project) UsesAsValue(key string) bool {
	return p.valueIndex().has(p, key)
}

// ValueNames returns the module's value keys (see UsesAsValue), the
// TaskEntryIndexKey of each method name it references other than as a
// task's entry point (see UsesMethodOtherThanAsTask) and the
// StartedTaskIndexKey of each it starts as one: every key it
// records, found by resolving every use. Shared, not to be modified. It is
// the module's part of the project-wide index, kept by caches that do not
// keep the module.
func (m *Module) ValueNames() map[string]bool {
	v := m.valueUses()
	v.allOnce.Do(func() {
		v.mu.Lock()
		defer v.mu.Unlock()
		for i := range v.words {
			m.resolveWord(int32(i))
		}
		v.all = make(map[string]bool, len(v.known))
		for k := range v.known {
			v.all[k] = true
		}
		for _, r := range v.tasks {
			name := string(taskRefName(m, m.nodeAt(r.ref)))
			use := m.methodTaskUseLocked(name)
			if use.other {
				v.all[TaskEntryIndexKey(name)] = true
			}
			if use.started {
				v.all[StartedTaskIndexKey(name)] = true
			}
		}
	})
	return v.all
}

// WordSet is a set of identifiers, for EachValueName.
type WordSet map[uint64]struct{}

// NewWordSet makes the set of words.
func NewWordSet(words []string) WordSet {
	s := make(WordSet, len(words))
	for _, w := range words {
		s[wordHashString(w)] = struct{}{}
	}
	return s
}

// Has reports whether the set holds the word a value key is asked under
// (ValueKeyWord of the key; see UsesAsValue), for keys that EachValueName
// finds by resolving uses: the keys that are not entries of the name index
// (IndexedIdentifier returns them unchanged).
func (s WordSet) Has(key string) bool {
	_, ok := s[wordHashString(ValueKeyWord(key))]
	return ok
}

// EachValueName calls fn with each of the module's value keys (those
// ValueNames returns, some maybe more than once) without making a set of
// them: a check that drops the module keeps them in a set of its own.
// With words, of the keys found by resolving uses (Function.ValueKeys's
// kind) only those under one of words are (the others too when the module
// has resolved their word already): the index entries (TaskEntryIndexKey,
// definitions, synchronous callees, sibling coroutines) are all.
func (m *Module) EachValueName(words WordSet, fn func(key string)) {
	v := m.valueUses()
	v.mu.Lock()
	defer v.mu.Unlock()
	for i, h := range v.words {
		if _, ok := words[h]; ok || words == nil {
			m.resolveWord(int32(i))
		}
	}
	for k := range v.known {
		fn(k)
	}
	for _, r := range v.tasks {
		name := string(taskRefName(m, m.nodeAt(r.ref)))
		use := m.methodTaskUseLocked(name)
		if use.other {
			fn(TaskEntryIndexKey(name))
		}
		if use.started {
			fn(StartedTaskIndexKey(name))
		}
	}
}

// AddValueNames counts sets of value keys of modules that are not in the
// project (a cache summarised them instead of keeping them), for
// UsesAsValue. Call it before the first question.
func (p *Project) AddValueNames(sets ...map[string]bool) {
	p.indexMu.Lock()
	defer p.indexMu.Unlock()
	p.externalValues = append(p.externalValues, sets...)
}

// RecordValueQueries makes the project call record with each value key
// UsesAsValue is asked about and its answer (once per key; record must be
// safe for concurrent use): a check of part of a project verifies them
// against every module's keys, whichever code asked. Call it before the
// first question.
func (p *Project) RecordValueQueries(record func(key string, used bool)) { p.recordValues = record }

// AddValueNamesFrom answers UsesAsValue for the modules that are not in
// the project and not given to AddValueNames: has(key) reports whether one
// of them records the value key (a check of a few files asks it of the
// modules it did not parse). has must be safe for concurrent use. Call it
// before the first question.
func (p *Project) AddValueNamesFrom(has func(key string) bool) {
	p.indexMu.Lock()
	defer p.indexMu.Unlock()
	p.outsideValues = has
}

// valueIndex lists, per word, the modules that have uses under it (see
// Module.UsesAsValue): a question about a key asks only those modules. An
// edited snapshot shares its predecessor's lists (base, by the position of
// each module's path in paths) and notes only the paths that changed since
// (changed), whose modules it asks too, so an edit costs O(changed
// modules), not O(project); past maxIndexDelta changes the lists are
// rebuilt. It keeps paths, not modules: a module replaced or removed from
// the project is not kept alive by the index. The answers are kept per
// snapshot.
type valueIndex struct {
	paths   []string
	base    map[uint64][]int32 // word hash -> positions in paths
	changed map[string]bool    // paths whose module changed, appeared or went since base
	// external holds the keys of the modules outside the project given to
	// AddValueNames; outside answers for the others (AddValueNamesFrom).
	external map[string]bool
	outside  func(string) bool
	answers  sync.Map // key -> bool
}

const maxIndexDelta = 32

func buildValueIndex(modules []*Module, external []map[string]bool, outside func(string) bool) *valueIndex {
	x := &valueIndex{paths: make([]string, len(modules)), base: map[uint64][]int32{}, outside: outside}
	for i, m := range modules {
		x.paths[i] = m.File.Path
		for _, h := range m.valueUses().words {
			x.base[h] = append(x.base[h], int32(i))
		}
	}
	if len(external) > 0 {
		x.external = map[string]bool{}
		for _, set := range external {
			for k := range set {
				x.external[k] = true
			}
		}
	}
	return x
}

// has reports whether a module of p records key (p is the snapshot x
// indexes).
func (x *valueIndex) has(p *Project, key string) bool {
	if used, ok := x.answers.Load(key); ok {
		return used.(bool)
	}
	used := x.external[key] || x.modulesHave(p, key) || x.outside != nil && x.outside(key)
	x.answers.Store(key, used)
	if p.recordValues != nil {
		p.recordValues(key, used)
	}
	return used
}

func (x *valueIndex) modulesHave(p *Project, key string) bool {
	q := askAbout(key)
	for _, i := range x.base[q.word] {
		if path := x.paths[i]; !x.changed[path] && p.byPath[path].answer(q) {
			return true
		}
	}
	for path := range x.changed {
		if m := p.byPath[path]; m != nil && m.answer(q) {
			return true
		}
	}
	return false
}

// derive returns the index of a snapshot that differs from x's by the
// modules at changed, or nil when it is cheaper to rebuild it.
func (x *valueIndex) derive(changed map[string]*Module) *valueIndex {
	if len(x.changed)+len(changed) > maxIndexDelta {
		return nil
	}
	y := &valueIndex{paths: x.paths, base: x.base, external: x.external, outside: x.outside,
		changed: make(map[string]bool, len(x.changed)+len(changed))}
	for path := range x.changed {
		y.changed[path] = true
	}
	for path := range changed {
		y.changed[path] = true
	}
	return y
}

// valueIndex returns the snapshot's index, building it on first use.
func (p *Project) valueIndex() *valueIndex {
	if x := p.values.Load(); x != nil {
		return x
	}
	p.indexMu.Lock()
	defer p.indexMu.Unlock()
	if x := p.values.Load(); x != nil {
		return x
	}
	x := buildValueIndex(p.Modules(), p.externalValues, p.outsideValues)
	p.values.Store(x)
	return x
}
