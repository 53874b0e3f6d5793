package rules

import (
	"strconv"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// reachPastSpawns is reach (one of the Project.Reach* walks, run with kind
// and follow) for ASL201's chains through helpers, less the chains that end
// in a spawn nobody on the chain waits for (unwaitedSpawn): such a chain is
// no finding, and the walk is asked again without that `subprocess.Popen`
// call, so a helper that also blocks in another way is still reported.
// caller is the coroutine's call the chain starts from, nil when the event
// loop itself calls the chain's first function (a loop callback: the loop
// drops what it returns).
//
// Why: `subprocess.Popen(...)` forks and execs the child and returns; it
// does not wait for it. asyncio's own `create_subprocess_exec` runs the same
// fork and exec on the loop's thread, so a helper that only starts a
// process (a kernel, a server, a daemon, a job runner, ffmpeg piping into a
// reader thread) costs the loop what the asynchronous API costs it. What
// blocks is waiting for the child (`wait()`, `communicate()`, reading its
// pipes), and that is looked for along the chain. On the judged corpora the
// chains through helpers that ended in a Popen were 16 debatable and no true
// findings, and each of the 5 left out here starts a process that runs on
// (docs/precision.md, noise201).
func reachPastSpawns(p *Pass, caller *analysis.Call, kind string, follow func(*analysis.Module, *analysis.Call) bool,
	reach func(kind string, follow func(*analysis.Module, *analysis.Call) bool) analysis.Chain) analysis.Chain {
	chain := reach(kind, follow)
	skipped := map[*analysis.Node]bool{}
	for tries := 0; chain != nil && unwaitedSpawn(p, caller, chain); tries++ {
		if tries == 4 {
			return nil // a helper that starts process after process: none of them waited for
		}
		last := chain[len(chain)-1]
		skipped[last.Call.Node] = true
		kind += " past-spawn@" + last.Func.Module().File.Path + ":" + strconv.Itoa(int(last.Call.Node.Start))
		followed := follow
		follow = func(m *analysis.Module, c *analysis.Call) bool { return !skipped[c.Node] && followed(m, c) }
		chain = reach(kind, follow)
	}
	return chain
}

// unwaitedSpawn reports a chain whose blocking call is `subprocess.Popen(...)`
// and whose process no function on the chain waits for: where it is made,
// the new process is dropped, or stored (`self.proc = Popen(...)`, a local)
// and not waited for there; or it is returned, and the caller one hop up
// the chain does the same with it, up to the coroutine's call (caller), or
// to the event loop for a loop callback (which drops it). Waiting is any of
// `proc.wait()`, `proc.communicate()`, a read of `proc.stdout` or
// `proc.stderr` (a call of its read methods, a `for` over it) or a write to
// `proc.stdin`, using it as a context manager (its exit waits), and, to be
// safe, handing the process or its pipes to any call or storing it under
// another name (the callee or the alias may wait). `os.popen()` is not a
// spawn here: its file is read where it is opened.
func unwaitedSpawn(p *Pass, caller *analysis.Call, chain analysis.Chain) bool {
	last := chain[len(chain)-1]
	b, ok := classifyBlockingIn(p.Project, last.Func.Module(), last.Call, nil)
	if !ok || !pylib.ProcessStarter(b.Name) {
		return false
	}
	for i := len(chain) - 1; i >= -1; i-- {
		var fn *analysis.Function
		var node *analysis.Node
		switch {
		case i == len(chain)-1:
			fn, node = last.Func, last.Call.Node
		case i >= 0:
			fn, node = chain[i].Func, chain[i].Call.Node
		case caller == nil:
			return true // returned to the event loop, which drops it
		default:
			fn, node = caller.Func, caller.Node
		}
		if fn == nil {
			return false
		}
		switch processUse(fn.Module(), fn, node) {
		case processKept:
			return true
		case processWaited:
			return false
		}
		if i == -1 {
			return false // the coroutine returns it: its own caller may wait for it
		}
	}
	return false
}

type processFate int

const (
	processKept     processFate = iota // dropped, or stored and not waited for
	processReturned                    // returned to the caller, not waited for here
	processWaited                      // waited for, or handed on (which may wait)
)

// processUse is what function fn does with the value of expression node
// (a Popen call, or a call of a function that returns the process).
func processUse(m *analysis.Module, fn *analysis.Function, node *analysis.Node) processFate {
	n := node
	for n.Parent() != nil && n.Parent().Type() == "parenthesized_expression" {
		n = n.Parent()
	}
	par := n.Parent()
	if par == nil {
		return processWaited
	}
	switch par.Type() {
	case "expression_statement":
		return processKept
	case "return_statement":
		return processReturned
	case "assignment":
		left := analysis.Unparen(par.ChildByField("left"))
		if n.Field() != "right" || left == nil || left.Type() != "identifier" && left.Type() != "attribute" {
			return processWaited
		}
		return processNameUse(m, fn, left, m.File.Text(left))
	}
	return processWaited
}

// processNameUse is what fn does with the process it stored under name
// (a local or an attribute, `proc`, `self.proc`) at node bound.
func processNameUse(m *analysis.Module, fn *analysis.Function, bound *analysis.Node, name string) processFate {
	fate := processKept
	fn.Node.Walk(func(n *analysis.Node) bool {
		if fate == processWaited {
			return false
		}
		if n == bound || n.Type() != "identifier" && n.Type() != "attribute" || m.File.Text(n) != name {
			return true
		}
		if n.Type() == "identifier" && n.Field() == "attribute" {
			return true // `other.proc`'s last part, not the name
		}
		par := n.Parent()
		if par == nil {
			return true
		}
		switch par.Type() {
		case "attribute":
			if n.Field() != "object" {
				return true
			}
			switch m.File.Text(par.ChildByField("attribute")) {
			case "wait", "communicate", "__enter__", "__exit__":
				fate = processWaited
			case "stdout", "stderr", "stdin":
				if pipeUsed(m, par) {
					fate = processWaited
				}
			}
		case "return_statement":
			fate = processReturned
		case "assignment":
			if n.Field() != "left" {
				fate = processWaited // stored under another name, which may wait
			}
		case "expression_statement", "comparison_operator", "not_operator", "boolean_operator", "if_statement", "while_statement":
			// tested or named: `if proc is None`, `if not proc`
		default:
			// handed to a call, stored under another name, yielded, used
			// as a context manager, iterated...: any of them may wait
			fate = processWaited
		}
		return fate != processWaited
	})
	return fate
}

// pipeUsed reports a process's pipe (`proc.stdout`, the attribute node
// pipe) that is read or written where it is named: a call of its read or
// write methods, a `for` over it, or handed to a call or another name.
func pipeUsed(m *analysis.Module, pipe *analysis.Node) bool {
	par := pipe.Parent()
	if par == nil {
		return false
	}
	switch par.Type() {
	case "attribute":
		switch m.File.Text(par.ChildByField("attribute")) {
		case "read", "read1", "readline", "readlines", "readinto", "write", "writelines", "__iter__", "__next__":
			return true
		}
		return false
	case "comparison_operator", "not_operator", "boolean_operator", "if_statement", "expression_statement":
		return false
	case "assignment":
		// `self._stdout = proc.stdout`: kept for a reader elsewhere, as the
		// process itself may be
		return pipe.Field() != "right" || !selfAttribute(m, analysis.Unparen(par.ChildByField("left")))
	}
	return true
}

// selfAttribute reports `self.NAME`.
func selfAttribute(m *analysis.Module, n *analysis.Node) bool {
	return n != nil && n.Type() == "attribute" && m.File.Text(n.ChildByField("object")) == "self"
}
