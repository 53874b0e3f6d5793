package rules

import (
	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC104 reports return / other exceptions inside cancellation handlers.
var ASYNC104 = register(&Rule{
	Code:    "ASYNC104",
	Name:    "cancelled-not-raised",
	Summary: "`return`, `break`, `continue`, `yield` or a different exception inside a handler catching CancelledError",
	Rationale: "Leaving a handler that caught `CancelledError` (or `BaseException`) by `return`, by a jump out of " +
		"the enclosing loop, or by raising another exception replaces the cancellation: the task reports a normal " +
		"result or an ordinary error, and whoever cancelled it (a timeout, a TaskGroup, `asyncio.run()` shutting down) " +
		"never sees the cancellation complete. Re-raise the caught exception with a bare `raise`.",
	Bad: `import asyncio

async def fetch(client, url):
    try:
        return await client.get(url)
    except asyncio.CancelledError:
        return None`,
	Good: `import asyncio

async def fetch(client, url):
    try:
        return await client.get(url)
    except asyncio.CancelledError:
        client.close()
        raise`,
	Severity: Warning,
	Default:  true,
	Notes: "A `return` in a handler whose end can also be reached is named in ASYNC103's finding on the handler and " +
		"not reported here (one finding for one swallow; ASYNC103's notes say why this differs from flake8-async, " +
		"which reports both); with ASYNC103 turned off it is reported here. " +
		"Checks the same handlers as ASYNC103: only in async functions, around a try body that awaits, and not " +
		"when the cancellation is recorded and re-raised after the try statement (see ASYNC103's notes for why this is " +
		"deliberately quieter than flake8-async, which also checks synchronous and module-level code, and reports `raise " +
		"err` in a nested bare `except:` whose try body only raises `err`). `raise exc` where `exc` is the name the " +
		"handler bound is a re-raise; inside a nested handler that itself catches cancellation, `raise inner` re-raises " +
		"what that handler caught and is checked against it. As in flake8-async, a `yield` in the handler (an async " +
		"generator) is reported: the consumer may never resume it, so the cancellation is lost. Around the wait for a " +
		"task the code cancels itself (ASYNC103's notes: `t.cancel()` then `await t`, or `return await self.task` " +
		"or `call = await self.task`, where a method of the class, or of a class a mixin is combined with, cancels `self.task`), returning or raising another " +
		"exception translates that cancellation as designed (aiormq's `TaskWrapper.throw()`, grpc's intercepted calls) " +
		"and is not reported; nor, as for ASYNC103, is a `return` or another exception in a dispatcher's boundary around a " +
		"callable it was handed (discord.py's `except asyncio.CancelledError: return` around a command callback: ASYNC103's " +
		"notes). Nor is a statement in the branch of `if isinstance(exc, X):` (or an elif) on the caught " +
		"exception where X catches no cancellation (`if isinstance(ex, asyncio.TimeoutError): raise " +
		"AccessoryDisconnectedError(...)` then `raise`: a CancelledError never takes that branch; aiohomekit). " +
		"Raising a new asyncio cancellation (`raise asyncio.CancelledError from e`, `raise CancelledError(\"msg\")`) is not " +
		"reported, unlike flake8-async, which reports every raise of another expression: asyncio's Task takes any " +
		"CancelledError leaving its coroutine as its cancellation, so nothing is replaced (amqtt's pub and sub scripts); " +
		"trio.Cancelled cannot be constructed by user code, so raising it anew is not exempt, and a new asyncio " +
		"CancelledError raised in a handler of trio's or anyio's cancellation (`except trio.Cancelled`, `except " +
		"anyio.get_cancelled_exc_class()`, trio's class under the trio backend) is still reported: it replaces that one. " +
		"Raising the builtin `SystemExit` or `KeyboardInterrupt` is not reported either: asyncio's loop lets them " +
		"through to `run()`'s caller and the process ends, as with `sys.exit()` (ASYNC103's notes), so nothing waiting " +
		"on the task sees another exception instead (lava-dispatcher's worker: on its signal-driven cancellation it " +
		"waits for the running jobs, then `raise SystemExit(1)`); flake8-async reports it.",
	Requires:           []Fact{cancelHandlers},
	SharesFindingsWith: []string{"ASYNC103"},
	Run:                runCancelledNotRaised,
})

func runCancelledNotRaised(p *Pass) {
	for _, h := range cancelHandlers.of(p) {
		bound := ""
		if h.Name != nil {
			bound = p.File.Text(h.Name)
		}
		// A handler whose end can be reached is ASYNC103's finding, which
		// names its returns: one finding for the handler's one mistake.
		returnsNamedElsewhere := p.Options.Enabled["ASYNC103"] && handlerFallsOutIn(p, h)
		walkBody(h.Body, func(n *analysis.Node) bool {
			if n.Type() == "block" && bound != "" && onlyForOtherExceptions(p.Module, n, bound) {
				return false // `if isinstance(exc, asyncio.TimeoutError): raise Other(...)`
			}
			switch n.Type() {
			case "except_clause", "except_group_clause":
				// A nested handler that catches cancellation is checked on its own
				// (`raise inner` re-raises what it caught).
				if typ, _, _ := exceptParts(n); n != h.Clause {
					if kind, _ := catchesCancellation(p.Module, typ); kind != "" {
						return false
					}
				}
			case "yield":
				if n.Named() {
					p.Report(n, "`yield` inside "+h.Shown+" suspends the generator while cancellation is pending; re-raise it with `raise` first")
				}
			case "return_statement":
				if !returnsNamedElsewhere && !exitPropagates(p.Module, n, bound) {
					p.Report(n, "`return` inside "+h.Shown+" swallows the cancellation; re-raise it with `raise`")
				}
			case "raise_statement":
				named := n.NamedChildren()
				if len(named) == 0 || (bound != "" && named[0].Type() == "identifier" && p.File.Text(named[0]) == bound) {
					return true
				}
				if insideOwnTry(n, h.Body) || raisesCancellationAnew(p.Module, named[0]) && !catchesOtherCancellation(p.Module, h.Type) ||
					raisesProcessExit(p.Module, named[0]) {
					return true
				}
				p.Report(n, "raising a different exception inside "+h.Shown+" replaces the cancellation; re-raise it with `raise`")
			case "break_statement", "continue_statement":
				if loopEncloses(n, h.Try) {
					p.Report(n, "`"+p.File.Brief(n)+"` inside "+h.Shown+" swallows the cancellation; re-raise it with `raise`")
				}
			}
			return true
		})
	}
}

// raisesCancellationAnew reports whether exc, the expression of a raise
// statement, is a new cancellation of the task: `asyncio.CancelledError` or
// `asyncio.CancelledError(...)` (amqtt's scripts: `raise
// asyncio.CancelledError from ce`), which asyncio's Task takes as its
// cancellation as much as the one caught (pylib.RaisesAnewAsCancellation).
func raisesCancellationAnew(m *analysis.Module, exc *analysis.Node) bool {
	exc = analysis.Unparen(exc)
	if exc.Type() == "call" {
		exc = exc.ChildByField("function")
	}
	name := qualName(m, exc)
	return name != "" && pylib.RaisesAnewAsCancellation(name)
}

// catchesOtherCancellation reports an except type that names a
// cancellation a new asyncio CancelledError does not stand for (trio's
// Cancelled, anyio's get_cancelled_exc_class(), whose class is trio's under
// the trio backend): raised there, the new exception replaces the caught one.
func catchesOtherCancellation(m *analysis.Module, typ *analysis.Node) bool {
	if typ == nil {
		return false
	}
	typ = analysis.Unparen(typ)
	if typ.Type() == "tuple" {
		for _, e := range typ.NamedChildren() {
			if catchesOtherCancellation(m, e) {
				return true
			}
		}
		return false
	}
	if kind, _ := catchesCancellation(m, typ); kind != "specific" {
		return false
	}
	return typ.Type() == "call" || !pylib.RaisesAnewAsCancellation(qualName(m, typ))
}

// insideOwnTry reports whether n sits in the body of a try statement nested
// in block (its exception may be handled there).
func insideOwnTry(n, block *analysis.Node) bool {
	for q := n.Parent(); q != nil && q != block; q = q.Parent() {
		if q.Type() == "block" && q.Parent() != nil && q.Parent().Type() == "try_statement" && q.Field() == "body" {
			return true
		}
	}
	return false
}

// loopEncloses reports whether the innermost loop around jump n is outside stmt.
func loopEncloses(n, stmt *analysis.Node) bool {
	for q := n.Parent(); q != nil; q = q.Parent() {
		if q == stmt {
			// Found the statement first: is there a loop above it in the same function?
			for r := stmt.Parent(); r != nil && !isDef(r); r = r.Parent() {
				if r.Type() == "for_statement" || r.Type() == "while_statement" {
					return true
				}
			}
			return false
		}
		if q.Type() == "for_statement" || q.Type() == "while_statement" {
			if isAncestor(q.ChildByField("body"), n) {
				return false
			}
		}
		if isDef(q) {
			return false
		}
	}
	return false
}

// onlyForOtherExceptions reports a block that runs only when the caught
// exception, bound to name, is an instance of classes none of which is a
// cancellation: the consequence of `if isinstance(name, X):` (or an elif)
// where X, or every class of a tuple X, catches no cancellation
// (aiohomekit's `except (asyncio.TimeoutError, BaseException) as ex:` /
// `if isinstance(ex, asyncio.TimeoutError): raise AccessoryDisconnectedError(...)`
// / `raise`: a CancelledError takes the bare raise).
func onlyForOtherExceptions(m *analysis.Module, block *analysis.Node, name string) bool {
	q := block.Parent()
	if q == nil || (q.Type() != "if_statement" && q.Type() != "elif_clause") || q.ChildByField("consequence") != block {
		return false
	}
	cond := analysis.Unparen(q.ChildByField("condition"))
	if cond == nil || cond.Type() != "call" || !m.IsBuiltin(cond.ChildByField("function"), "isinstance") ||
		m.File.Text(cond.ChildByField("function")) != "isinstance" {
		return false
	}
	args := cond.ChildByField("arguments")
	if args == nil {
		return false
	}
	a := args.NamedChildren()
	if len(a) != 2 || a[0].Type() != "identifier" || m.File.Text(a[0]) != name {
		return false
	}
	kind, _ := catchesCancellation(m, a[1])
	return kind == ""
}

// raisesProcessExit reports the expression of a raise statement that ends
// the process: the builtin SystemExit or KeyboardInterrupt, or a call of
// one. asyncio's event loop lets them through to `run()`'s caller, so the
// cancellation is not replaced by something a waiting task catches, as with
// `sys.exit()` (pylib.NeverReturnsCall).
func raisesProcessExit(m *analysis.Module, exc *analysis.Node) bool {
	name := raisedBuiltin(m, exc)
	return name == "SystemExit" || name == "KeyboardInterrupt"
}

// raisedBuiltin is the builtin class the expression of a raise statement
// raises (`raise SystemExit`, `raise AssertionError("...")`), or "" when it
// raises no builtin named as such.
func raisedBuiltin(m *analysis.Module, exc *analysis.Node) string {
	exc = analysis.Unparen(exc)
	if exc != nil && exc.Type() == "call" {
		exc = exc.ChildByField("function")
	}
	if exc == nil || exc.Type() != "identifier" {
		return ""
	}
	if name := m.File.Text(exc); m.IsBuiltin(exc, name) {
		return name
	}
	return ""
}
