package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC220 reports blocking process creation in an async function.
var ASYNC220 = register(&Rule{
	Code:      "ASYNC220",
	Name:      "blocking-create-subprocess",
	Summary:   `Blocking process creation in an async function`,
	Rationale: "`subprocess.Popen`, `os.popen` and `os.spawn*(os.P_NOWAIT, ...)` fork and exec on the event loop's thread and hand back a process whose pipes and `wait()` block. asyncio has its own subprocess API.",
	Bad: `import subprocess

async def start():
    return subprocess.Popen(["ls"])`,
	Good: `import asyncio

async def start():
    return await asyncio.create_subprocess_exec("ls")`,
	Severity:     Warning,
	Default:      true,
	QuietInTests: true,
	Fix:          toThreadFixDoc,
	Notes:        ``,
	Requires:     []Fact{blockingCalls, blockingDelays},
	Run:          runBlockingCreateSubprocess,
})

// runBlockingCreateSubprocess reports the calls of this family made directly
// in a coroutine: the library table's entries with Code ASYNC220 (pylib),
// and os.spawn* in a mode that does not wait (osSpawnCall, below), as the
// blockingCalls fact classifies them.
func runBlockingCreateSubprocess(p *Pass) {
	reportDirectBlocking(p, "ASYNC220")
}

// osSpawnCall classifies a call of os.spawn*: as flake8-async, without a
// mode, or with P_WAIT, the call waits for the process (ASYNC221); any other
// mode only starts it (ASYNC220).
func osSpawnCall(m *analysis.Module, c *analysis.Call, name string) (blockingCall, bool) {
	if !pylib.Is(name, pylib.SpawnsProcess) {
		return blockingCall{}, false
	}
	mode := c.Positional(0)
	if kw := c.Keyword("mode", m.File); kw != nil {
		mode = kw
	}
	if mode != nil && !strings.HasSuffix(m.File.Text(mode), "P_WAIT") {
		return blockingCall{Code: "ASYNC220", Instead: "use `await asyncio.create_subprocess_exec(...)`"}, true
	}
	return blockingCall{Code: "ASYNC221", Instead: "use `await asyncio.create_subprocess_exec(...)` and await the process"}, true
}
