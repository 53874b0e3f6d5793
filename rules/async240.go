package rules

// ASYNC240 reports blocking file-system call (os.path, pathlib) in an async function.
var ASYNC240 = register(&Rule{
	Code:      "ASYNC240",
	Name:      "blocking-path-usage",
	Summary:   `Blocking file-system call (os.path, pathlib) in an async function`,
	Rationale: "`os.path.exists`, `os.path.getsize`, `Path.stat`, `Path.mkdir`... perform system calls that touch the disk; in an async function they stall the event loop. Pure string operations (`os.path.join`, `Path.name`) are not reported.",
	Bad: `import os.path

async def size(path):
    if os.path.exists(path):
        return os.path.getsize(path)`,
	Good: `import asyncio, os.path

async def size(path):
    if await asyncio.to_thread(os.path.exists, path):
        return await asyncio.to_thread(os.path.getsize, path)`,
	Severity:                Warning,
	Default:                 false,
	QuietInTests:            true,
	DefaultOnStrictLoop:     true,
	QuietInCommandLineTools: true,
	Fix:                     toThreadFixDoc,
	Notes: "Off by default, a deliberate difference from flake8-async (which reports it by default): these are " +
		"metadata system calls (`stat`, `exists`, `is_file`, `unlink`, `chmod`, `resolve`) that return in microseconds " +
		"on a local disk, and on 38 real async packages almost every finding was one a maintainer would reject (a " +
		"Unix socket path checked and removed before binding, a startup `exists()`, a test). On by default in Home " +
		"Assistant integrations (a module that imports `homeassistant` or lies under `custom_components/`) for the " +
		"calls that list a directory (`os.listdir`, `os.scandir`, `os.walk`, `glob.glob`/`iglob`, `Path.iterdir`/" +
		"`glob`/`rglob`/`walk`), which its runtime detector reports on the shared loop (bench/realbugs7 " +
		"energidataservice); not for the metadata calls (`exists`, `stat`, `isfile`, `makedirs`), which it does not " +
		"report and which integrations keep on the loop in their own fixes (realbugs16 switch_manager); selected " +
		"explicitly, the rule reports them all there too. Reading and writing " +
		"files stays on by default (ASYNC230, ASYNC232): so `Path.read_text`, `read_bytes`, `write_text` and " +
		"`write_bytes`, which open the file and read or write all of it, are ASYNC230 here (flake8-async files them " +
		"under ASYNC240), and so are shutil's copies and archives (`copy`, `copy2`, `copyfile`, `copytree`, " +
		"`make_archive`, `unpack_archive`; `copyfileobj`, on open files, is ASYNC232). Enable it with `extend-select = [\"ASYNC240\"]` for code that " +
		"serves files or walks directories on request paths (a network file system turns each call into a round " +
		"trip); ASL201 then also follows these calls through helpers, and only then. " +
		"Besides flake8-async's `os.path` and `pathlib` calls, asyncls reports the other blocking file-system calls here: `os.listdir`, `os.scandir`, `os.stat`, `os.remove`, `os.makedirs`, `os.rename`, `os.walk` (...), `shutil.rmtree`, `shutil.move` (a rename on one file system) and the other `shutil` metadata calls, `glob.glob`, and `tempfile.TemporaryDirectory()`/`mkdtemp()` (one mkdir).",
	Requires: []Fact{blockingCalls, blockingDelays},
	Run:      runBlockingPathUsage,
})

// runBlockingPathUsage reports the calls of this family made directly in a
// coroutine: the library table's entries with Code ASYNC240 (pylib), as the
// blockingCalls fact classifies them.
func runBlockingPathUsage(p *Pass) {
	reportDirectBlocking(p, "ASYNC240")
}
