package analysis

import (
	"strings"
	"unsafe"

	"github.com/asyncls/asyncls/pylib"
)

// A coroutine that only ever runs as a task's entry point (`create_task(
// self._read_loop())`, `nursery.start_soon(self.serve)`) is awaited by
// nobody: how it ends is seen only as the task's final state. ASYNC103 and
// ASYNC104 ask this of the functions around cancellation handlers. For a
// method the question is project-wide (another module may await it), so
// each module contributes, by method name, the references it makes other
// than as a task's entry point to the project's name index (see
// UsesAsValue), under TaskEntryIndexKey(name).

// taskEntryIndexPrefix marks the index entries of method names referenced
// other than as a task's entry point. It cannot start an identifier, so the
// entries never meet the names used as values.
const taskEntryIndexPrefix = "not-task-entry:"

// TaskEntryIndexKey is the project index's entry for a method name some
// module references other than as a task's entry point.
func TaskEntryIndexKey(name string) string { return taskEntryIndexPrefix + name }

// startedTaskIndexPrefix marks the index entries of method names some
// module starts as a task's entry point (StartsMethodAsTask).
const startedTaskIndexPrefix = "task-entry:"

// StartedTaskIndexKey is the project index's entry for a method name some
// module starts as a task's entry point.
func StartedTaskIndexKey(name string) string { return startedTaskIndexPrefix + name }

// IndexedIdentifier returns the identifier an entry of the project's name
// index is about (the name itself, or the method name of a
// TaskEntryIndexKey or StartedTaskIndexKey): the word to search the text of
// unparsed modules for.
func IndexedIdentifier(key string) string {
	if rest, ok := strings.CutPrefix(key, siblingCoroutineIndexPrefix); ok {
		name, _, _ := strings.Cut(rest, "\x00")
		return name
	}
	for _, prefix := range []string{taskEntryIndexPrefix, startedTaskIndexPrefix, coroutineMethodIndexPrefix, otherDefIndexPrefix, syncMethodIndexPrefix, asyncMethodIndexPrefix, syncCalleeIndexPrefix,
		closedCallIndexPrefix, unclosedCallIndexPrefix, otherMentionIndexPrefix} {
		if name, ok := strings.CutPrefix(key, prefix); ok {
			return name
		}
	}
	return key
}

// StartsMethodAsTask reports whether the module starts a method of this
// name as a task's entry point somewhere (`create_task(self.name())`,
// `start_soon(obj.name)`), whatever the receiver.
func (m *Module) StartsMethodAsTask(name string) bool {
	return m.methodTaskUse(name).started
}

// ReferencesMethodOtherThanAsTask reports whether the module references a
// method of this name other than as a task's entry point: awaits its call,
// stores or passes the function, calls it any other way (through any
// receiver but a module bound by `import`) except one whose value is thrown
// away, tested or compared, which would never run a coroutine
// (runsNoCoroutine).
func (m *Module) ReferencesMethodOtherThanAsTask(name string) bool {
	return m.methodTaskUse(name).other
}

// StartsMethodAsTaskAnywhere reports whether some module of the project
// starts a method of this name as a task's entry point, through the
// project's name index.
func (p *Project) StartsMethodAsTaskAnywhere(name string) bool {
	return p.UsesAsValue(StartedTaskIndexKey(name))
}

// UsesMethodOtherThanAsTask reports whether any module of the project
// references a method of this name other than as a task's entry point,
// through the project's name index.
func (p *Project) UsesMethodOtherThanAsTask(name string) bool {
	return p.UsesAsValue(TaskEntryIndexKey(name))
}

// taskUse is what a module does with a method name (`x.name`): start it as
// a task's entry point, reference it otherwise.
type taskUse struct {
	started, other bool
}

// methodTaskUse classifies the module's references to the method name
// (collectUses finds them, indexed by word), once per name.
func (m *Module) methodTaskUse(name string) taskUse {
	v := m.valueUses()
	v.mu.Lock()
	defer v.mu.Unlock()
	return m.methodTaskUseLocked(name)
}

// methodTaskUseLocked is methodTaskUse under the index's lock.
func (m *Module) methodTaskUseLocked(name string) taskUse {
	v := &m.values
	if u, ok := v.answers[name]; ok {
		return u
	}
	var u taskUse
	if i, ok := v.entry(wordHashString(name)); ok {
		for _, r := range v.tasksOf(i) {
			if string(taskRefName(m, m.nodeAt(r.ref))) != name {
				continue // another word with the same hash
			}
			if ownDataAttribute(m, m.nodeAt(r.ref)) {
				continue // another class's data, not a method
			}
			// A reference is started as a task only through some call to
			// a task starter in the tree: without one, which most modules
			// are, every reference is an other one, with no need to ask
			// how each value is used.
			if m.callsTaskStarterLocked() && startedAsTask(m, m.nodeAt(r.use), v.starts) {
				u.started = true
			} else if !runsNoCoroutine(m, m.nodeAt(r.use)) {
				u.other = true
			}
		}
	}
	if v.answers == nil {
		v.answers = map[string]taskUse{}
	}
	v.answers[name] = u
	return u
}

// ownDataAttribute reports `self.name` in a method of a class whose methods
// store `self.name = ...` and whose body binds no `name` (no method, no
// class attribute): the instance's own data (pyisy's `self.websocket =
// WebSocketClient(...)` beside another class's `async def websocket`),
// which a method of that name on a base would not be found under either,
// the instance's attribute shadowing it once stored; unless a stored value
// mentions the attribute itself (`self.process = retry(self.process)`
// wraps the inherited method, which the attribute then runs).
func ownDataAttribute(m *Module, ref *Node) bool {
	if ref.Type() != "attribute" {
		return false
	}
	obj := ref.ChildByField("object")
	if obj == nil || obj.Type() != "identifier" {
		return false
	}
	f := selfMethod(m.FunctionAt(ref), m.File.Text(obj))
	if f == nil {
		return false
	}
	name := string(taskRefName(m, ref))
	c := f.Class
	if len(c.Attrs[name]) == 0 || c.Scope == nil || c.Scope.Bindings.Get(name) != nil {
		return false
	}
	for _, value := range c.Attrs[name] {
		// `self.process = retry(self.process)`: the stored value wraps the
		// inherited method, which the instance's attribute then runs.
		if value != nil && mentionsAttribute(m, value, name) {
			return false
		}
	}
	return true
}

// mentionsAttribute reports an attribute `x.name` anywhere in n.
func mentionsAttribute(m *Module, n *Node, name string) bool {
	found := false
	n.Walk(func(c *Node) bool {
		if found {
			return false
		}
		if c.Type() == "attribute" && string(taskRefName(m, c)) == name {
			found = true
		}
		return !found
	})
	return found
}

// runsNoCoroutine reports a reference to a method name that cannot run or
// await a coroutine of that name: a call whose value is thrown away, tested
// for truth or compared (`process.poll()`, `if self._poll.poll(t):`,
// `child.poll() is None`), or bound to a local name whose every read is
// such a test (`changed = resource.poll()` then `if changed:`): were it a
// coroutine function's, the coroutine would never run, so the call awaits
// nothing and observes no task's end. Such a call of a method of the same
// name on another class (a process's, a resource's) does not make a task's
// entry point awaited. An uncalled reference that is only tested or
// compared (`if self.listen is not None:`) runs nothing, and one that is an
// attribute of another object (notAMethodValue) names no method either.
func runsNoCoroutine(m *Module, use *Node) bool {
	if use == nil {
		return false
	}
	if use.Type() == "attribute" {
		return testedOnly(m, use) || notAMethodValue(m, use)
	}
	if use.Type() != "call" {
		return false
	}
	if testedOnly(m, use) {
		return true
	}
	u, by := m.UsageOf(use)
	return u == UsageStored && storedOnlyForTests(m, by)
}

// testedOnly reports a value that is thrown away, tested for truth or
// compared where it is used.
func testedOnly(m *Module, n *Node) bool {
	u, by := m.UsageOf(n)
	switch u {
	case UsageDropped, UsageCondition:
		return true
	case UsageOperand:
		return by != nil && (by.Type() == "comparison_operator" || by.Type() == "not_operator")
	}
	return false
}

// storedOnlyForTests reports an assignment `name = call(...)` to a plain
// local name of a function (not declared global or nonlocal) whose every
// read in that function, nested functions included, tests or compares the
// value or throws it away (testedOnly): the value is never awaited,
// returned, stored elsewhere or handed on. Any other binding form of the
// name (a loop target, an augmented assignment) counts as a read that is
// not such a test.
func storedOnlyForTests(m *Module, assign *Node) bool {
	if assign == nil || assign.Type() != "assignment" {
		return false
	}
	left := assign.ChildByField("left")
	if left == nil || left.Type() != "identifier" {
		return false
	}
	scope := assign.Parent()
	for scope != nil && scope.Type() != "function_definition" {
		if scope.Type() == "lambda" || scope.Type() == "class_definition" {
			return false
		}
		scope = scope.Parent()
	}
	if scope == nil {
		return false // a module-level name other modules may import
	}
	name := m.File.Text(left)
	ok := true
	scope.Walk(func(c *Node) bool {
		if !ok {
			return false
		}
		switch c.Type() {
		case "global_statement", "nonlocal_statement":
			for _, id := range c.NamedChildren() {
				if m.File.Text(id) == name {
					ok = false
				}
			}
			return false
		case "identifier":
		default:
			return true
		}
		if c.Field() == "attribute" || c.Field() == "name" || m.File.Text(c) != name {
			return true
		}
		p := c.Parent()
		if p != nil && (p.Type() == "assignment" && c.Field() == "left" || p.Type() == "keyword_argument" && c.Field() == "name") {
			return true // a binding, not a read
		}
		if !testedOnly(m, c) {
			ok = false
		}
		return true
	})
	return ok
}

// notAMethodValue reports an uncalled attribute reference `obj.name` that
// cannot be a method's function: the target of an assignment or a `del`
// (`self.websocket = WebSocketClient(...)`, `self.count += 1`: a store runs
// nothing), or the object of a further attribute that a function does not
// have (`self.websocket.stop()`, `self.websocket.status`: a function's own
// attributes are dunders), unless what that attribute gives is called and
// its result called again (a decorator's wrapper such as tenacity's
// `self.fetch.retry_with(...)()` may run the coroutine).
func notAMethodValue(m *Module, attr *Node) bool {
	p := attr.Parent()
	if p == nil {
		return false
	}
	target := attr
	for p != nil && (p.Type() == "pattern_list" || p.Type() == "tuple_pattern" || p.Type() == "list_pattern" ||
		p.Type() == "expression_list" && p.Parent() != nil && p.Parent().Type() == "delete_statement") {
		target, p = p, p.Parent()
	}
	switch {
	case p == nil:
		return false
	case (p.Type() == "assignment" || p.Type() == "augmented_assignment") && target.Field() == "left":
		return true
	case p.Type() == "delete_statement":
		return true
	}
	p = attr.Parent()
	if p.Type() != "attribute" || attr.Field() != "object" {
		return false
	}
	name := m.File.Text(p.ChildByField("attribute"))
	if strings.HasPrefix(name, "__") && strings.HasSuffix(name, "__") {
		return false
	}
	if call := p.Parent(); call != nil && call.Type() == "call" && p.Field() == "function" {
		if outer := call.Parent(); outer != nil && outer.Type() == "call" && call.Field() == "function" {
			return false
		}
	}
	return true
}

// callsTaskStarterLocked reports whether some call of the module's tree
// calls a task starter (under the index's lock).
func (m *Module) callsTaskStarterLocked() bool {
	v := &m.values
	if v.starters == 0 {
		v.starters = 1
		if root := m.File.Root; root != nil {
			nodes := unsafe.Slice(root, int(root.descendants())+1)
			for i := range nodes {
				if n := &nodes[i]; n.Type() == "call" && callsTaskStarter(m, n) {
					v.starters = 2
					break
				}
			}
		}
		v.starts = localStarts{}
	}
	return v.starters == 2
}

// StartedAsTask reports whether the value of n, a call's coroutine or a
// function, becomes a new task's entry point and nothing else: it is handed
// to a task starter (create_task, ensure_future, start_soon,
// spawn_system_task, spawn, gather, start_server, tornado's
// add_callback; pylib's StartsTask), directly or through a local name
// whose every other use in the function is such a hand-off (`accept =
// self._accept(conn)` then `loop.create_task(accept)`).
func (m *Module) StartedAsTask(n *Node) bool { return startedAsTask(m, n, localStarts{}) }

// localStarts caches, per function (or module) node, its names whose every
// read is handed to a task starter, with how many such reads (0: some read
// is not).
type localStarts map[*Node]map[string]int

func startedAsTask(m *Module, n *Node, cache localStarts) bool {
	u, by := m.UsageOf(n)
	if startsTask(m, u, by) {
		return true
	}
	if u != UsageStored || by == nil || by.Type() != "assignment" {
		return false
	}
	left := by.ChildByField("left")
	if left == nil || left.Type() != "identifier" {
		return false
	}
	scope := by
	for scope.Parent() != nil && scope.Type() != "function_definition" {
		scope = scope.Parent()
	}
	names, ok := cache[scope]
	if !ok {
		names = startedLocals(m, scope)
		cache[scope] = names
	}
	return names[m.File.Text(left)] > 0
}

// startedLocals maps the names read in scope (not in nested functions or
// classes) to the number of reads when each hands the value to a task
// starter, and to 0 when some read does not.
func startedLocals(m *Module, scope *Node) map[string]int {
	out := map[string]int{}
	scope.Walk(func(c *Node) bool {
		if c != scope && (c.Type() == "function_definition" || c.Type() == "lambda" || c.Type() == "class_definition") {
			return false
		}
		if c.Type() != "identifier" || c.Field() == "attribute" || c.Field() == "name" {
			return true
		}
		if p := c.Parent(); p != nil && (p.Type() == "assignment" && c.Field() == "left" || p.Type() == "keyword_argument" && c.Field() == "name") {
			return true // a binding, not a read
		}
		name := m.File.Text(c)
		if n, seen := out[name]; seen && n == 0 {
			return true
		}
		if handedToTaskStarter(m, c) {
			out[name]++
		} else {
			out[name] = 0
		}
		return true
	})
	return out
}

// handedToTaskStarter reports whether the value of n is an argument of a
// call to a task starter.
func handedToTaskStarter(m *Module, n *Node) bool {
	u, by := m.UsageOf(n)
	return startsTask(m, u, by)
}

// startsTask reports whether a value used as u by `by` (Module.UsageOf) is
// an argument of a call to a task starter.
func startsTask(m *Module, u Usage, by *Node) bool {
	if u != UsageScheduled && u != UsageArgument || by == nil || by.Type() != "call" {
		return false
	}
	return callsTaskStarter(m, by)
}

// callsTaskStarter reports whether call is a call to a task starter.
func callsTaskStarter(m *Module, call *Node) bool {
	fn := m.File.Text(call.ChildByField("function"))
	return pylib.Method(fn[strings.LastIndex(fn, ".")+1:], pylib.StartsTask)
}
