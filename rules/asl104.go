package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASL104 reports asyncio.wait() given coroutines and gather(return_exceptions=True) results discarded.
var ASL104 = register(&Rule{
	Code:    "ASL104",
	Name:    "misused-wait-gather",
	Summary: "`asyncio.wait()` given bare coroutines, or (when enabled) `gather(..., return_exceptions=True)` whose result is discarded",
	Rationale: "`asyncio.wait()` takes tasks or futures: since Python 3.11 passing coroutines raises `TypeError` " +
		"(before, they were wrapped silently and the returned sets held tasks the caller never saw). " +
		"With `asl104-discarded-gather = true`: `asyncio.gather(..., return_exceptions=True)` returns exceptions as " +
		"values instead of raising them; if the result is thrown away, every error of every awaitable vanishes without " +
		"a trace (inspect the results: `for r in results: if isinstance(r, Exception): log...`).",
	Bad: `import asyncio

async def fetch(url): ...

async def main(urls):
    await asyncio.wait([fetch(u) for u in urls])`,
	Good: `import asyncio

async def fetch(url): ...

async def main(urls):
    await asyncio.wait([asyncio.create_task(fetch(u)) for u in urls])`,
	Severity:  Error,
	Default:   true,
	CrossFile: true,
	Notes: "Coroutines are recognised as for ASL102 (the project's `async def` functions and asyncio's coroutine " +
		"functions), in a list, tuple or set literal or comprehension passed to `wait`, directly or through a local " +
		"variable assigned once, or in a local list bound once to a list display and filled before the call by " +
		"`append`, `insert` or `extend` (`tasks = []`, a loop of `tasks.append(fetch(u))`, then `asyncio.wait(tasks)`). " +
		"A gather result counts as discarded when the awaited call is a statement of its own or " +
		"is assigned to `_`. Deliberate best-effort waits are not reported: after the function (or one it is nested in) " +
		"cancelled (or threw into) the awaitables, when the gathered tasks' exceptions are retrieved another way " +
		"(`task.exception()`, `task.result()` or a done callback on a gathered name or on the variable of a loop over " +
		"it), inside an `except`/`finally` block, and in close/shutdown/stop/cancel/cleanup methods and " +
		"`__aexit__`. The discarded gather is reported only with `asl104-discarded-gather = true`: on sixteen judged " +
		"corpora of real packages all five such findings were deliberate best-effort waits (sending a theme to many " +
		"lights and ignoring the offline ones, unsubscribing everything at shutdown, isolating a notification's " +
		"callbacks), where writing `return_exceptions=True` is itself the author's decision to drop the errors; " +
		"`asyncio.wait()` given coroutines, a TypeError since Python 3.11, is always reported.",
	Settings: &MisusedWaitGatherSettings{},
	Run:      runMisusedWaitGather,
})

// MisusedWaitGatherSettings are ASL104's settings.
type MisusedWaitGatherSettings struct {
	DiscardedGather bool `toml:"asl104-discarded-gather" doc:"Also report gather(..., return_exceptions=True) whose result is discarded (its errors vanish). Off by default: writing return_exceptions=True and dropping the result is how real code says it ignores the failures of a best-effort wait."`
}

// Validate accepts any value.
func (s *MisusedWaitGatherSettings) Validate() error { return nil }

// reportsDiscardedGather is ASL104's asl104-discarded-gather for the pass.
func reportsDiscardedGather(p *Pass) bool {
	if p.Options != nil {
		if s, ok := p.Options.Settings["ASL104"].(*MisusedWaitGatherSettings); ok {
			return s.DiscardedGather
		}
	}
	return false
}

func runMisusedWaitGather(p *Pass) {
	calls := callByNode(p.Module)
	isCoro := func(n *analysis.Node) bool {
		n = analysis.Unparen(n)
		if n == nil || n.Type() != "call" {
			return false
		}
		c := calls[n]
		return c != nil && isCoroutineObjectCall(p, c)
	}
	var coroIn func(n *analysis.Node, depth int) *analysis.Node
	coroIn = func(n *analysis.Node, depth int) *analysis.Node {
		n = analysis.Unparen(n)
		if n == nil || depth > 4 {
			return nil
		}
		switch n.Type() {
		case "list", "tuple", "set":
			for _, e := range n.NamedChildren() {
				if isCoro(e) {
					return e
				}
			}
		case "list_comprehension", "set_comprehension", "generator_expression":
			if body := n.ChildByField("body"); isCoro(body) {
				return body
			}
		case "identifier":
			b := p.Module.ScopeAt(n).Lookup(p.File.Text(n))
			if b != nil && b.Kind == analysis.BindAssign && len(b.Values) == 1 {
				if coro := coroIn(b.Values[0], depth+1); coro != nil {
					return coro
				}
				if v := analysis.Unparen(b.Values[0]); v != nil && v.Type() == "list" {
					return appendedCoro(p, n, b, isCoro, func(e *analysis.Node) *analysis.Node { return coroIn(e, depth+1) })
				}
			}
		}
		return nil
	}
	for _, c := range p.Module.Calls {
		name := calleeName(p.Module, c)
		api, _ := pylib.Lookup(name)
		switch {
		case api.Has(pylib.TakesTasks):
			arg := c.Positional(0)
			if arg == nil {
				arg = c.Keyword("fs", p.File)
			}
			if coro := coroIn(arg, 0); coro != nil {
				p.Report(arg, "`asyncio.wait()` is given coroutines (`"+p.File.Brief(coro)+"`) but needs tasks (TypeError since Python 3.11); wrap each in `asyncio.create_task(...)`")
			}
		case api.Has(pylib.Gathers) && reportsDiscardedGather(p):
			kw := c.Keyword("return_exceptions", p.File)
			if kw == nil || kw.Type() == "false" || p.File.Text(kw) == "0" || kw.Type() == "none" {
				continue
			}
			if gatherResultDiscarded(p, c) && !cleanupGather(p, c) {
				p.Report(c.Node, "`gather(..., return_exceptions=True)` returns the exceptions as results, and they are discarded here: "+
					"errors vanish silently; inspect the results (or drop `return_exceptions=True` to let them raise)")
			}
		}
	}
}

// appendedCoro returns a coroutine put into the list that the name use
// reads, by `name.append(coro)`, `name.insert(i, coro)` or
// `name.extend([coro, ...])` before the use, where the name is bound once,
// to a list display (`tasks = []` then a loop appending `fetch(u)`, then
// `await asyncio.wait(tasks)`: bench/realbugs105's Bilibili helper), or nil.
func appendedCoro(p *Pass, use *analysis.Node, b *analysis.Binding, isCoro func(*analysis.Node) bool, coroIn func(*analysis.Node) *analysis.Node) *analysis.Node {
	name := p.File.Text(use)
	for _, c := range p.Module.Calls {
		if c.Node.Start >= use.Start {
			continue
		}
		method := c.Method(p.File)
		if method != "append" && method != "insert" && method != "extend" {
			continue
		}
		obj := analysis.Unparen(c.Node.ChildByField("function").ChildByField("object"))
		if obj == nil || obj.Type() != "identifier" || p.File.Text(obj) != name || p.Module.ScopeAt(obj).Lookup(name) != b {
			continue
		}
		switch method {
		case "append":
			if arg := c.Positional(0); isCoro(arg) {
				return arg
			}
		case "insert":
			if arg := c.Positional(1); isCoro(arg) {
				return arg
			}
		case "extend":
			if coro := coroIn(c.Positional(0)); coro != nil {
				return coro
			}
		}
	}
	return nil
}

func gatherResultDiscarded(p *Pass, c *analysis.Call) bool {
	if c.Usage == analysis.UsageDropped {
		return true // not even awaited: the future and its results are thrown away
	}
	if c.Usage != analysis.UsageAwaited || c.UsedBy == nil {
		return false
	}
	aw := c.UsedBy
	_, par := analysis.ParenParent(aw)
	if par == nil {
		return false
	}
	switch par.Type() {
	case "expression_statement":
		return true
	case "assignment":
		left := analysis.Unparen(par.ChildByField("left"))
		return left != nil && left.Type() == "identifier" && p.File.Text(left) == "_"
	}
	return false
}

// cleanupGather reports the idioms where discarding gather's exceptions is
// the intent: waiting for tasks the function cancelled (or threw into)
// itself, tasks whose exceptions are retrieved another way, and best-effort cleanup in an except/finally block or in a
// close/shutdown/cancel method.
func cleanupGather(p *Pass, c *analysis.Call) bool {
	if c.Func == nil {
		return false
	}
	// The function around the gather, and the functions it is nested in
	// (`async def wait_all(): await gather(*tasks, ...)` run right after
	// cancelling `tasks`).
	for f := c.Func; f != nil; f = f.Parent {
		for _, other := range f.Calls {
			if other.Node.Start < c.Node.Start {
				if pylib.Method(other.Method(p.File), pylib.EndsWithException) {
					return true
				}
			}
		}
	}
	if exceptionsRetrievedElsewhere(p, c) {
		return true
	}
	for q := c.Node.Parent(); q != nil && q != c.Func.Node; q = q.Parent() {
		if q.Type() == "finally_clause" || q.Type() == "except_clause" || q.Type() == "except_group_clause" {
			return true
		}
	}
	name := strings.ToLower(c.Func.Name)
	for _, w := range []string{"close", "shutdown", "cancel", "cleanup", "stop", "__aexit__", "teardown", "dispose"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// exceptionsRetrievedElsewhere reports a gather over named tasks whose
// exceptions the code retrieves another way: `t.exception()` or
// `t.result()` on a gathered name (or on the variable of a loop over it),
// or a done callback added to it, in the function around the gather or one
// it is nested in.
func exceptionsRetrievedElsewhere(p *Pass, c *analysis.Call) bool {
	gathered := map[string]bool{}
	for _, a := range c.Args() {
		if a.Type() == "list_splat" {
			if named := a.NamedChildren(); len(named) == 1 {
				a = named[0]
			}
		}
		if a.Type() == "identifier" {
			gathered[p.File.Text(a)] = true
		}
	}
	if len(gathered) == 0 {
		return false
	}
	refersToGathered := func(recv *analysis.Node) bool {
		if recv == nil || recv.Type() != "identifier" {
			return false
		}
		name := p.File.Text(recv)
		if gathered[name] {
			return true
		}
		// `for task in tasks: task.exception()`
		for q := recv.Parent(); q != nil; q = q.Parent() {
			if q.Type() == "for_statement" {
				left, right := q.ChildByField("left"), analysis.Unparen(q.ChildByField("right"))
				if left != nil && p.File.Text(left) == name && right != nil && right.Type() == "identifier" && gathered[p.File.Text(right)] {
					return true
				}
			}
		}
		return false
	}
	for f := c.Func; f != nil; f = f.Parent {
		for _, other := range f.Calls {
			if pylib.Method(other.Method(p.File), pylib.ObservesOutcome) {
				fn := other.Node.ChildByField("function")
				if refersToGathered(fn.ChildByField("object")) {
					return true
				}
			}
		}
	}
	return false
}
