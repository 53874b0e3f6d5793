package rules

import (
	"regexp"

	"github.com/asyncls/asyncls/analysis"
)

// ASYNC222 reports blocking wait for a process in an async function.
var ASYNC222 = register(&Rule{
	Code:      "ASYNC222",
	Name:      "blocking-process-wait",
	Summary:   `Blocking wait for a process in an async function`,
	Rationale: "`os.wait`, `os.waitpid` and friends, and a `subprocess.Popen`'s own `wait()` and `communicate()`, block until a child exits, holding the event loop the whole time.",
	Bad: `import os

async def reap(pid):
    os.waitpid(pid, 0)`,
	Good: `import asyncio, os

async def reap(pid):
    await asyncio.to_thread(os.waitpid, pid, 0)`,
	Severity:     Warning,
	Default:      true,
	QuietInTests: true,
	Fix:          toThreadFixDoc,
	Notes: "A wait told not to hang (`os.waitpid(-1, os.WNOHANG)`, `os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG)`: " +
		"an options argument that names `WNOHANG`) returns at once whether or not a child has exited, so it is not " +
		"reported, nor followed through helpers by ASL201: a SIGCHLD handler that reaps with it is the idiomatic way " +
		"(qtile's `reap_zombies`, registered with `loop.add_signal_handler`). flake8-async reports it; its tests have " +
		"no such case (a deliberate difference; testdata `no_hang.py`). " +
		"Also reported, beyond flake8-async (which has only the os.wait* functions here): `wait()` and " +
		"`communicate()` of a `subprocess.Popen` whose type is known (made by `subprocess.Popen(...)`, or annotated: " +
		"a parameter, an attribute `self._popen: subprocess.Popen[bytes] | None`, a function's return type), so a " +
		"process started in `__init__` or by a helper and waited for in a coroutine is found where the loop waits " +
		"(SciStudio's LocalRunner waited for every workflow block with `handle._popen.communicate()`). A wait on a " +
		"process that the same coroutine starts with a `subprocess.Popen(...)` that ASYNC220 reports (`p = " +
		"subprocess.Popen(...)`, `with subprocess.Popen(...) as p:`, `subprocess.Popen(...).communicate()`) is left to " +
		"that finding when ASYNC220 is enabled: its fix, `asyncio.create_subprocess_exec` and an awaited " +
		"`communicate()`, fixes both (one finding per started process). Nor is a wait reported after a `while` loop of " +
		"the same function, with no `break` of its own, that polls until the child has exited (`while p.poll() is " +
		"None:`, `while await self.poll() is None: await asyncio.sleep(0.1)`): the wait then only reaps an exited " +
		"child and returns at once (jupyter_client's LocalProvisioner.wait; testdata `popen_waits.py`).",
	NonBlocking:        waitsWithoutHanging,
	Requires:           []Fact{blockingCalls, blockingDelays},
	SharesFindingsWith: []string{"ASYNC220"},
	Run:                runBlockingProcessWait,
})

// waitsWithoutHanging reports the calls of this family that return at once:
// an os.wait* call told not to hang (waitsWithNoHang), and a wait after a
// loop that polled until the child exited (waitsAfterPollingLoop).
func waitsWithoutHanging(proj *analysis.Project, m *analysis.Module, c *analysis.Call, name string) bool {
	return waitsWithNoHang(proj, m, c, name) || waitsAfterPollingLoop(m, c)
}

// pollsUntilExited matches a loop condition that holds while the child
// runs: a call of a method named poll (the process's, or a coroutine of the
// class wrapping it, awaited) compared `is None`.
var pollsUntilExited = regexp.MustCompile(`^(await\s+)?[A-Za-z_][\w.]*\.poll\(\s*\)\s+is\s+None$`)

// waitsAfterPollingLoop reports a call made after a `while` loop of the
// same function (not inside it) whose condition is pollsUntilExited and
// whose body has no break of its own: the loop ends only once the child has
// exited, so a wait() or communicate() after it reaps the child and returns
// (jupyter_client's LocalProvisioner.wait: `while await self.poll() is
// None: await asyncio.sleep(0.1)`, then `self.process.wait()`).
func waitsAfterPollingLoop(m *analysis.Module, c *analysis.Call) bool {
	def := enclosingFunc(c.Node)
	if def == nil {
		return false
	}
	found := false
	walkBody(def.ChildByField("body"), func(n *analysis.Node) bool {
		if found || n.Start >= c.Node.Start {
			return false
		}
		if n.Type() == "while_statement" && n.End <= c.Node.Start && !hasBreak(n) {
			cond := analysis.Unparen(n.ChildByField("condition"))
			found = cond != nil && pollsUntilExited.MatchString(m.File.Text(cond))
		}
		return !found
	})
	return found
}

// waitsWithNoHang reports an os.wait* call given the WNOHANG option in its
// arguments (`os.WNOHANG`, `WNOHANG`, or'ed with other options): it
// returns at once when no child has exited.
func waitsWithNoHang(_ *analysis.Project, m *analysis.Module, c *analysis.Call, _ string) bool {
	args := c.Node.ChildByField("arguments")
	if args == nil {
		return false
	}
	found := false
	walkBody(args, func(n *analysis.Node) bool {
		switch n.Type() {
		case "identifier":
			found = found || m.File.Text(n) == "WNOHANG"
		case "attribute":
			found = found || m.File.Text(n.ChildByField("attribute")) == "WNOHANG"
			return !found
		}
		return !found
	})
	return found
}

// runBlockingProcessWait reports the calls of this family made directly in a
// coroutine: the library table's entries with Code ASYNC222 (pylib), as the
// blockingCalls fact classifies them, less the waits on a process the same
// coroutine starts where ASYNC220 reports the start (waitsOnProcessStartedHere).
func runBlockingProcessWait(p *Pass) {
	for _, b := range directBlocking(p, "ASYNC222") {
		if !waitsOnProcessStartedHere(p, b) {
			p.Report(b.Call.Node, blockingMessage(p, b), WithFix(toThreadFix(p, b.Call)))
		}
	}
}

// waitsOnProcessStartedHere reports a method of this family (a Popen's
// `p.wait()`, `p.communicate()`) whose receiver was made, in the same
// coroutine, by a call that ASYNC220 reports (`subprocess.Popen(...)`):
// a local assigned from it, a `with` target bound to it, or the call itself
// (`subprocess.Popen(...).communicate()`). ASYNC220's finding and fix
// (asyncio.create_subprocess_exec, whose process is awaited) cover the
// wait, so reporting it too would be two findings for one started process.
// With ASYNC220 disabled, the wait is reported.
func waitsOnProcessStartedHere(p *Pass, b blockingUse) bool {
	if !p.Options.Enabled["ASYNC220"] {
		return false
	}
	fn := b.Call.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" {
		return false
	}
	recv := fn.ChildByField("object")
	start := constructorCall(p.Module, recv, 0)
	if start == nil {
		start = withBoundOpener(p.Module, recv)
	}
	if start == nil {
		return false
	}
	for _, u := range directBlocking(p, "ASYNC220") {
		if u.Call.Node == start && u.Call.Func == b.Call.Func {
			return true
		}
	}
	return false
}
