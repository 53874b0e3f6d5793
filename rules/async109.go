package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC109 reports async functions with a `timeout` parameter.
var ASYNC109 = register(&Rule{
	Code:    "ASYNC109",
	Name:    "async-function-with-timeout",
	Summary: "Async function with a `timeout` parameter",
	Rationale: "In structured concurrency the caller decides how long to wait, by wrapping the call in " +
		"`async with asyncio.timeout(...)`. A `timeout` parameter duplicates that, composes badly (nested deadlines do " +
		"not add up), and is often implemented by hand with a loop and a clock.",
	Bad: `async def read_frame(stream, timeout=5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ...`,
	Good: `import asyncio

async def read_frame(stream):
    ...

async def caller(stream):
    async with asyncio.timeout(5):
        await read_frame(stream)`,
	CrossFile: true,
	Severity:  Info,
	Default:   false,
	Notes: "Off by default, a deliberate difference from flake8-async (which reports it by default): a `timeout` " +
		"parameter is an API design choice, not a bug, and asyncio's own API has it (`wait_for`, `wait`). On 38 real async packages none of the 16 " +
		"findings was one a maintainer would take: public client APIs (`request(timeout=...)`, `connect`, `send`), " +
		"`wait_for`-style helpers and delays named `timeout`; users of flake8-async complain of the same noise. Enable it " +
		"with `extend-select = [\"ASYNC109\"]` to keep new APIs structured-concurrency style.\n\n" +
		"As in flake8-async, decorated functions are skipped (they often implement an interface whose signature is " +
		"fixed), and so are methods whose body is a stub (`...`, `pass`, a docstring) and functions that only raise " +
		"`NotImplementedError` (an interface to override); a module-level `async def f(timeout): ...` is reported. Deliberately quieter than flake8-async: a function that hands its `timeout` on to asyncio's own timeout " +
		"machinery (`asyncio.timeout`, `timeout_at`, `wait_for`, `wait`, `as_completed`, or trio/anyio's " +
		"`fail_after`/`move_on_after`), or passes it on to an awaited (or returned) call or an `async with` context manager, positionally or as its `timeout=` keyword " +
		"(`await conn.execute(sql, timeout=timeout)`; not to `asyncio.sleep`), also through a local computed from it " +
		"(`t = float(\"inf\") if timeout is None else timeout`), is a thin wrapper and is not reported: the function " +
		"that implements the timeout is. A method that overrides a method of a base class of the project keeps the " +
		"base's signature and is not reported either (the base's method is, when it is not a stub).",
	Run: runAsyncTimeoutParam,
})

func runAsyncTimeoutParam(p *Pass) {
	for _, f := range p.Module.Functions {
		// A method with a stub body declares an interface to override; a
		// module-level `async def f(timeout): ...` is reported as flake8-async does.
		if !f.Async || f.Lambda || len(f.Decorators) > 0 || (f.Class != nil && stubBody(p.File, f.Node)) || raisesNotImplemented(p.File, f.Node) {
			continue
		}
		var param *analysis.Node
		for _, prm := range f.Node.ChildByField("parameters").NamedChildren() {
			name := prm
			if prm.Type() != "identifier" {
				name = prm.ChildByField("name")
				if name == nil {
					for _, c := range prm.NamedChildren() {
						if c.Type() == "identifier" {
							name = c
							break
						}
					}
				}
			}
			if prm.Type() == "list_splat_pattern" || prm.Type() == "dictionary_splat_pattern" {
				continue
			}
			if name != nil && name.Type() == "identifier" && p.File.Text(name) == "timeout" {
				param = name
			}
		}
		if param == nil || passesTimeoutOn(p, f) || overridesBaseMethod(p, f) {
			continue
		}
		scope := "async with asyncio.timeout(...)"
		if lib := p.library(); lib != "asyncio" {
			scope = "with " + pylib.Counterpart("asyncio.timeout", lib) + "(...)" // trio's and anyio's are sync context managers
		}
		p.Report(param, "async function `"+f.Name+"` takes a `timeout` parameter; let callers wrap the call in `"+
			scope+"` instead")
	}
}

// passesTimeoutOn reports whether f passes its timeout parameter to asyncio's
// timeout machinery.
func passesTimeoutOn(p *Pass, f *analysis.Function) bool {
	names := timeoutNames(p.Module, f)
	isTimeout := func(n *analysis.Node) bool {
		name := p.File.Text(n)
		if !names[name] {
			return false
		}
		b := p.Module.ScopeAt(n).Lookup(name)
		return b != nil && b == f.Scope.Bindings.Get(name)
	}
	for _, c := range f.Calls {
		name := calleeName(p.Module, c)
		// Handing the timeout to an awaited call delegates it to an API that
		// implements it (a thin wrapper), as handing it to asyncio.timeout does.
		consumer := pylib.Is(name, pylib.TakesTimeout)
		if !consumer && !(c.Usage == analysis.UsageAwaited || c.Usage == analysis.UsageScheduled || c.Usage == analysis.UsageReturned ||
			enteredByAsyncWith(c.Node)) {
			continue
		}
		uses := false
		if pylib.Is(name, pylib.Sleep) {
			continue // a delay, not a timeout
		}
		args := c.Node.ChildByField("arguments")
		args.Walk(func(n *analysis.Node) bool {
			// Passed by keyword, other APIs must take it as their own timeout
			// (`timeout=ClientTimeout(total=timeout)` counts).
			if !consumer && n.Type() == "keyword_argument" && n.Parent() == args && !strings.Contains(p.File.Text(n.ChildByField("name")), "timeout") {
				return false
			}
			// A local computed from the timeout counts when it goes to the
			// timeout machinery or to a `timeout=` keyword (not as any
			// positional argument: `deadline` may be anything).
			derivedOK := consumer || (n.Parent() != nil && n.Parent().Type() == "keyword_argument" && n.Field() == "value")
			if n.Type() == "identifier" && n.Field() != "attribute" &&
				!(n.Parent() != nil && n.Parent().Type() == "keyword_argument" && n.Field() == "name") && isTimeout(n) &&
				(p.File.Text(n) == "timeout" || derivedOK) {
				uses = true
			}
			return !uses
		})
		if uses {
			return true
		}
	}
	return false
}

// timeoutNames is `timeout` and the locals of f computed from it
// (`timeout_or_inf = float("inf") if timeout is None else timeout`).
func timeoutNames(m *analysis.Module, f *analysis.Function) map[string]bool {
	names := map[string]bool{"timeout": true}
	for changed := true; changed; {
		changed = false
		walkBody(f.Node.ChildByField("body"), func(n *analysis.Node) bool {
			if n.Type() != "assignment" {
				return true
			}
			left, right := n.ChildByField("left"), n.ChildByField("right")
			if left == nil || right == nil || left.Type() != "identifier" || names[m.File.Text(left)] {
				return true
			}
			mentions := false
			right.Walk(func(c *analysis.Node) bool {
				mentions = mentions || (c.Type() == "identifier" && c.Field() != "attribute" && names[m.File.Text(c)])
				return !mentions
			})
			if mentions {
				names[m.File.Text(left)] = true
				changed = true
			}
			return true
		})
	}
	return names
}

// overridesBaseMethod reports a method that a base class of the project
// also defines: its signature (with its timeout parameter) is the base's.
func overridesBaseMethod(p *Pass, f *analysis.Function) bool {
	if f.Class == nil {
		return false
	}
	for _, base := range projectBases(p, f.Class) {
		if definesMethod(p, base, f.Name, 1) {
			return true
		}
	}
	return false
}

// stubBody reports whether a function body is only a docstring, pass, ... or
// `raise NotImplementedError`.
func stubBody(f *analysis.File, def *analysis.Node) bool {
	body := def.ChildByField("body")
	if body == nil {
		return true
	}
	for _, s := range body.NamedChildren() {
		if s.Type() == "raise_statement" && strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(f.Text(s), "raise")), "NotImplementedError") {
			continue
		}
		if s.Type() == "pass_statement" {
			continue
		}
		if s.Type() == "expression_statement" {
			if named := s.NamedChildren(); len(named) == 1 && (named[0].Type() == "string" || named[0].Type() == "ellipsis") {
				continue
			}
		}
		return false
	}
	return true
}

// enteredByAsyncWith reports whether call is the context manager of an
// `async with` item (`async with session.get(url, timeout=...) as resp:`),
// which awaits it.
func enteredByAsyncWith(call *analysis.Node) bool {
	ws := withStatementOf(call)
	return ws != nil && ws.HasToken("async")
}
