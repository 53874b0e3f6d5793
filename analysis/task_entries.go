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

// runsNoCoroutine reports a call whose value is thrown away, tested for
// truth or compared (`process.poll()`, `if self._poll.poll(t):`,
// `child.poll() is None`): were it a coroutine function's, the coroutine
// would never run, so the call awaits nothing and observes no task's end.
// Such a call of a method of the same name on another class (a process's,
// a resource's) does not make a task's entry point awaited.
func runsNoCoroutine(m *Module, use *Node) bool {
	if use == nil || use.Type() != "call" {
		return false
	}
	u, by := m.UsageOf(use)
	switch u {
	case UsageDropped, UsageCondition:
		return true
	case UsageOperand:
		return by != nil && (by.Type() == "comparison_operator" || by.Type() == "not_operator")
	}
	return false
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
