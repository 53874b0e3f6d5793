package rules

import "github.com/asyncls/asyncls/analysis"

// ASYNC222 reports blocking wait for a process in an async function.
var ASYNC222 = register(&Rule{
	Code:      "ASYNC222",
	Name:      "blocking-process-wait",
	Summary:   `Blocking wait for a process in an async function`,
	Rationale: "`os.wait`, `os.waitpid` and friends block until a child exits, holding the event loop the whole time.",
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
		"no such case (a deliberate difference; testdata `no_hang.py`).",
	NonBlocking: waitsWithNoHang,
	Requires:    []Fact{blockingCalls, blockingDelays},
	Run:         runBlockingProcessWait,
})

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
// blockingCalls fact classifies them.
func runBlockingProcessWait(p *Pass) {
	reportDirectBlocking(p, "ASYNC222")
}
