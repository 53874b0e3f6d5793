package rules

import "github.com/asyncls/asyncls/analysis"

// ASYNC104 reports return / other exceptions inside cancellation handlers.
var ASYNC104 = register(&Rule{
	Code:    "ASYNC104",
	Name:    "cancelled-not-raised",
	Summary: "`return`, `break`, `continue` or a different exception inside a handler catching CancelledError",
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
	Notes:    "Checks the same handlers as ASYNC103. `raise exc` where `exc` is the name the handler bound is a re-raise.",
	Run:      runCancelledNotRaised,
})

func runCancelledNotRaised(p *Pass) {
	for _, h := range cancelHandlers(p.Module) {
		bound := ""
		if h.Name != nil {
			bound = p.File.Text(h.Name)
		}
		walkBody(h.Body, func(n *analysis.Node) bool {
			switch n.Type {
			case "return_statement":
				p.Report(n, "`return` inside "+h.Shown+" swallows the cancellation; re-raise it with `raise`")
			case "raise_statement":
				named := n.NamedChildren()
				if len(named) == 0 || (bound != "" && named[0].Type == "identifier" && p.File.Text(named[0]) == bound) {
					return true
				}
				if insideOwnTry(n, h.Body) {
					return true
				}
				p.Report(n, "raising a different exception inside "+h.Shown+" replaces the cancellation; re-raise it with `raise`")
			case "break_statement", "continue_statement":
				if loopEncloses(n, h.Try) {
					p.Report(n, "`"+p.File.Text(n)+"` inside "+h.Shown+" swallows the cancellation; re-raise it with `raise`")
				}
			}
			return true
		})
	}
}

// insideOwnTry reports whether n sits in the body of a try statement nested
// in block (its exception may be handled there).
func insideOwnTry(n, block *analysis.Node) bool {
	for q := n.Parent; q != nil && q != block; q = q.Parent {
		if q.Type == "block" && q.Parent != nil && q.Parent.Type == "try_statement" && q.Field == "body" {
			return true
		}
	}
	return false
}

// loopEncloses reports whether the innermost loop around jump n is outside stmt.
func loopEncloses(n, stmt *analysis.Node) bool {
	for q := n.Parent; q != nil; q = q.Parent {
		if q == stmt {
			// Found the statement first: is there a loop above it in the same function?
			for r := stmt.Parent; r != nil && !isDef(r); r = r.Parent {
				if r.Type == "for_statement" || r.Type == "while_statement" {
					return true
				}
			}
			return false
		}
		if q.Type == "for_statement" || q.Type == "while_statement" {
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
