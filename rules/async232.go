package rules

// ASYNC232 reports blocking method of a synchronous file object in an async function.
var ASYNC232 = register(&Rule{
	Code:      "ASYNC232",
	Name:      "blocking-file-call",
	Summary:   `Blocking method of a synchronous file object in an async function`,
	Rationale: "`read`, `write`, `readline`... of a file object returned by `open()` (or annotated as `io.TextIOWrapper`, `typing.IO`, ...) do disk I/O on the event loop's thread.",
	Bad: `async def first_line(path):
    f = open(path)
    return f.readline()`,
	Good: `import asyncio

def _first_line(path):
    with open(path) as f:
        return f.readline()

async def first_line(path):
    return await asyncio.to_thread(_first_line, path)`,
	Severity: Warning,
	Default:  true,
	Fix:      "Wrap the call as `await asyncio.to_thread(f, *args)`, importing asyncio when needed; a call on the result of another call (`conn.execute(q).fetchall()`) as `await asyncio.to_thread(lambda: ...)`, so the whole chain runs in the thread (unsafe: the callee then runs in another thread). In a module written for trio or anyio (and not asyncio): `await trio.to_thread.run_sync(f, *args)` (anyio's alike), with a lambda when the call has keyword arguments, which run_sync does not pass; a module mixing asyncio with them gets no fix.",
	Notes: "The file object's type must be known: from `open()` (in an assignment or a `with` statement) or from an annotation. " +
		"`close()` of a file that `open()` opened only for reading (no `w`, `a`, `x` or `+` in its mode) is not reported: " +
		"there is nothing to flush (flake8-async reports every method call); ASL201 follows the same rule through helpers. " +
		"`json.load`/`json.dump`, `pickle.load`/`pickle.dump`, `marshal` and `tomllib.load` read or write a file object too and are reported here, " +
		"unless the argument is an in-memory buffer (`io.StringIO`, `io.BytesIO`) or a call such as `open(...)` that is reported itself. " +
		"Not reported either: a `gzip.GzipFile` (or `bz2`/`lzma` file) over an in-memory buffer, which compresses (CPU " +
		"work, no file I/O), and a call the function routes by whether it blocks: called directly under a condition " +
		"(`if self._in_memory: return self.file.read(n)`) and offloaded elsewhere in the same function " +
		"(`await asyncio.to_thread(self.file.read, n)`); this applies to every blocking rule.",
	Requires: []Fact{blockingCalls, blockingDelays},
	Run:      runBlockingFileCall,
})

// runBlockingFileCall reports the calls of this family made directly in a
// coroutine: the library table's entries with Code ASYNC232 (pylib), as the
// blockingCalls fact classifies them.
func runBlockingFileCall(p *Pass) {
	for _, b := range blockingCalls.of(p).InCoroutines() {
		if b.Code == "ASYNC232" {
			p.Report(b.Call.Node, blockingMessage(p, b), WithFix(toThreadFix(p, b.Call)))
		}
	}
}
