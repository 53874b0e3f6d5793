package rules

import "github.com/asyncls/asyncls/analysis"

// ASYNC230 reports blocking open() of a file in an async function.
var ASYNC230 = register(&Rule{
	Code:      "ASYNC230",
	Name:      "blocking-open-call",
	Summary:   `Blocking open() of a file in an async function`,
	Rationale: `Opening a file (and the reads and writes that follow) is disk I/O on the event loop's thread. On a network file system or a busy disk this takes milliseconds to seconds, during which no other task runs.`,
	Bad: `async def load(path):
    with open(path) as f:
        return f.read()`,
	Good: `import asyncio

def _load(path):
    with open(path) as f:
        return f.read()

async def load(path):
    return await asyncio.to_thread(_load, path)`,
	Severity:     Warning,
	Default:      true,
	QuietInTests: true,
	Fix:          toThreadFixDoc,
	Notes: "A module name bound nowhere in the file (`subprocess.run()` with no import) is read as that module, as in flake8-async; a name bound by the file (a local, a parameter, an attribute) is not, and after a star import an unbound name may be anything, so it is not read as a module either (a deliberate difference). Opening archives and compressed files (`zipfile.ZipFile`, `tarfile.open`, `gzip.open`, `bz2.open`, `lzma.open`) counts too; their extraction and member reads are ASYNC232. Not when the archive is opened over an in-memory buffer (`tarfile.open(fileobj=io.BytesIO(data))`, `zipfile.ZipFile(io.BytesIO(blob))`, `gzip.open(buf)`): that reads no file (CPU work; flake8-async reports no archive call). Of `tempfile`, the calls that open a file on disk are reported " +
		"(`TemporaryFile`, `NamedTemporaryFile`, `mkstemp`); `SpooledTemporaryFile()` is not (it opens nothing: its data " +
		"stays in memory until a write passes `max_size`), and `TemporaryDirectory()`/`mkdtemp()` make one directory, a " +
		"metadata call reported as ASYNC240 (flake8-async reports none of `tempfile`).",
	Requires:    []Fact{blockingCalls, blockingDelays},
	Run:         runBlockingOpenCall,
	NonBlocking: openDoesNoIO,
})

// openDoesNoIO reports an archive or compressed file opened over an
// in-memory buffer (archiveOverMemory): no file is opened.
func openDoesNoIO(m *analysis.Module, c *analysis.Call, name string) bool {
	return archiveOverMemory(m, c.Node)
}

// runBlockingOpenCall reports the calls of this family made directly in a
// coroutine: the library table's entries with Code ASYNC230 (pylib), as the
// blockingCalls fact classifies them.
func runBlockingOpenCall(p *Pass) {
	for _, b := range blockingCalls.of(p).InCoroutines() {
		if b.Code == "ASYNC230" {
			p.Report(b.Call.Node, blockingMessage(p, b), WithFix(toThreadFix(p, b.Call)))
		}
	}
}
