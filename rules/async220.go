package rules

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
	Severity: Warning,
	Default:  true,
	Fix:      "Wrap the call as `await asyncio.to_thread(f, *args)`, importing asyncio when needed; a call on the result of another call (`conn.execute(q).fetchall()`) as `await asyncio.to_thread(lambda: ...)`, so the whole chain runs in the thread (unsafe: the callee then runs in another thread).",
	Notes:    ``,
	Run:      runBlocking,
})
