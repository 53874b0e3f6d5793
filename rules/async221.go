package rules

// ASYNC221 reports blocking run of a process in an async function.
var ASYNC221 = register(&Rule{
	Code:      "ASYNC221",
	Name:      "blocking-run-process",
	Summary:   `Blocking run of a process in an async function`,
	Rationale: "`subprocess.run`, `check_output`, `os.system` and friends wait for the child process to finish on the event loop's thread: nothing else runs meanwhile.",
	Bad: `import subprocess

async def build():
    subprocess.run(["make"])`,
	Good: `import asyncio

async def build():
    proc = await asyncio.create_subprocess_exec("make")
    await proc.wait()`,
	Severity: Warning,
	Default:  true,
	Fix:      "Wrap the call as `await asyncio.to_thread(f, *args)`, importing asyncio when needed (unsafe: the callee then runs in another thread).",
	Notes:    ``,
	Run:      runBlocking,
})
