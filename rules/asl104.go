package rules

import (
	"strconv"
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
		"variable assigned once, or in a list made empty and filled with `.append()`, `.insert()` or `.extend()` (of a coroutine call, or of a name " +
		"whose nearest assignment before the append, in the same block, is one); and through a parameter of the " +
		"function around the wait (`async def _wait_all(self, coros)`) when a call of that function in the module " +
		"passes such a list for it and the function does not rebind the parameter (`coros = [asyncio.ensure_future(c) " +
		"for c in coros]` waits on futures; a copy, `coros = list(coros)`, still holds the coroutines). A gather result counts as discarded when the awaited call is a statement of its own or " +
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
				if emptyList(p, b.Values[0]) {
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
			} else if caller, coro := coroutinesFromCaller(p, c, arg, func(n *analysis.Node) *analysis.Node { return coroIn(n, 1) }); coro != nil {
				p.Report(arg, "`asyncio.wait()` is given coroutines: the call at line "+strconv.Itoa(p.File.Lines.Position(int(caller.Node.Start)).Line+1)+
					" passes `"+p.File.Text(arg)+"` holding `"+p.File.Brief(coro)+"`, but wait needs tasks (TypeError since Python 3.11); wrap each in `asyncio.create_task(...)`")
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

// emptyList reports whether n is an empty list literal or `list()`: a list
// the function fills afterwards.
func emptyList(p *Pass, n *analysis.Node) bool {
	n = analysis.Unparen(n)
	if n == nil {
		return false
	}
	switch n.Type() {
	case "list":
		return len(n.NamedChildren()) == 0
	case "call":
		args := n.ChildByField("arguments")
		return p.File.Text(n.ChildByField("function")) == "list" && args != nil && len(args.NamedChildren()) == 0
	}
	return false
}

// appendedCoro returns a coroutine put, before the use, into the list bound
// by b (`coros = []` then `coros.append(fetch(u))`, `c = fetch(u)` then
// `coros.append(c)`, `coros.insert(0, fetch(u))` or
// `coros.extend([fetch(u) for u in urls])`), or nil.
func appendedCoro(p *Pass, use *analysis.Node, b *analysis.Binding, isCoro func(*analysis.Node) bool, coroIn func(*analysis.Node) *analysis.Node) *analysis.Node {
	for _, c := range p.Module.Calls {
		if c.Node.Start >= use.Start {
			continue
		}
		fn := analysis.Unparen(c.Node.ChildByField("function"))
		if fn == nil || fn.Type() != "attribute" {
			continue
		}
		method := p.File.Text(fn.ChildByField("attribute"))
		switch method {
		case "append", "insert", "appendleft", "extend":
		default:
			continue
		}
		obj := analysis.Unparen(fn.ChildByField("object"))
		if obj == nil || obj.Type() != "identifier" || p.File.Text(obj) != b.Name || p.Module.ScopeAt(obj).Lookup(b.Name) != b {
			continue
		}
		args := c.Args()
		if method == "extend" {
			if len(args) == 1 {
				if coro := coroIn(args[0]); coro != nil {
					return coro
				}
			}
			continue
		}
		if len(args) == 0 {
			continue
		}
		x := analysis.Unparen(args[len(args)-1])
		if isCoro(x) {
			return x
		}
		if x == nil || x.Type() != "identifier" {
			continue
		}
		// The value the name holds where it is appended: its assignment
		// nearest before the append, in the same block.
		xb := p.Module.ScopeAt(x).Lookup(p.File.Text(x))
		if xb == nil || xb.Kind != analysis.BindAssign {
			continue
		}
		var last *analysis.Node
		for _, v := range xb.Values {
			if v != nil && v.End <= c.Node.Start && (last == nil || v.Start > last.Start) {
				last = v
			}
		}
		if last != nil && sameBlock(last, c.Node) && isCoro(last) {
			return last
		}
	}
	return nil
}

// sameBlock reports whether the statements around a and b are in the same
// block.
func sameBlock(a, b *analysis.Node) bool {
	stmt := func(n *analysis.Node) *analysis.Node {
		for n != nil && n.Parent() != nil && n.Parent().Type() != "block" && n.Parent().Type() != "module" {
			n = n.Parent()
		}
		return n
	}
	sa, sb := stmt(a), stmt(b)
	return sa != nil && sb != nil && sa.Parent() != nil && sa.Parent() == sb.Parent()
}

// coroutinesFromCaller handles `asyncio.wait(coros)` on a parameter of the
// function around it (`async def _wait_all(self, coros)`) that the function
// never rebinds: the first call
// of that function in the module whose argument for the parameter holds
// coroutines (coroIn), and the coroutine; nil when none does.
func coroutinesFromCaller(p *Pass, wait *analysis.Call, arg *analysis.Node, coroIn func(*analysis.Node) *analysis.Node) (*analysis.Call, *analysis.Node) {
	arg = analysis.Unparen(arg)
	f := wait.Func
	if arg == nil || arg.Type() != "identifier" || f == nil || f.Lambda || len(f.Decorators) > 0 {
		return nil, nil
	}
	name := p.File.Text(arg)
	// The parameter as the caller passed it: a body that rebinds it
	// (`coros = [asyncio.ensure_future(c) for c in coros]`) waits on what
	// it made.
	// A copy (`coros = list(coros)`) still holds them.
	b := f.Scope.Bindings.Get(name)
	if b == nil || b.Kind != analysis.BindParam || p.Module.ScopeAt(arg).Lookup(name) != b {
		return nil, nil
	}
	for _, v := range b.Values {
		if !copiesName(p, v, name) {
			return nil, nil
		}
	}
	params := f.Params
	if f.Class != nil && len(params) > 0 {
		params = params[1:] // self, passed by the attribute access
	}
	pos := -1
	for i, pn := range params {
		if pn == name {
			pos = i
			break
		}
		if pb := f.Scope.Bindings.Get(pn); pb == nil || pb.Node == nil ||
			pb.Node.Type() == "list_splat_pattern" || pb.Node.Type() == "dictionary_splat_pattern" {
			break // positions after *args are not known
		}
	}
	for _, c := range p.Module.Calls {
		if c == wait || p.Project.Target(c) != f {
			continue
		}
		splat := false
		for _, a := range c.Args() {
			if a.Type() == "list_splat" || a.Type() == "dictionary_splat" {
				splat = true
			}
		}
		if splat {
			continue
		}
		var a *analysis.Node
		if pos >= 0 {
			a = c.Positional(pos)
		}
		if a == nil {
			a = c.Keyword(name, p.File)
		}
		if a == nil {
			continue
		}
		if coro := coroIn(a); coro != nil {
			return c, coro
		}
	}
	return nil, nil
}

// copiesName reports whether v is `list(name)`, `tuple(name)` or
// `set(name)` with the builtin: a new container of the same items.
func copiesName(p *Pass, v *analysis.Node, name string) bool {
	v = analysis.Unparen(v)
	if v == nil || v.Type() != "call" {
		return false
	}
	fn := v.ChildByField("function")
	switch p.File.Text(fn) {
	case "list", "tuple", "set":
	default:
		return false
	}
	if p.Module.ScopeAt(fn).Lookup(p.File.Text(fn)) != nil {
		return false // shadowed by a project name
	}
	args := v.ChildByField("arguments")
	if args == nil || len(args.NamedChildren()) != 1 {
		return false
	}
	a := analysis.Unparen(args.NamedChildren()[0])
	return a != nil && a.Type() == "identifier" && p.File.Text(a) == name
}
