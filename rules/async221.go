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
	Severity:     Warning,
	Default:      true,
	QuietInTests: true,
	Fix:          toThreadFixDoc,
	Notes: "A module name bound nowhere in the file (`subprocess.run()` with no import) is read as that module, as in flake8-async; a name bound by the file (a local, a parameter, an attribute) is not, and after a star import an unbound name may be anything, so it is not read as a module either (a deliberate difference). " +
		"Also unlike flake8-async, which knows only `subprocess` and `os`: library calls that run an external program and wait for it are " +
		"reported here too, as the library's source shows them doing: pydub's `AudioSegment.from_file` (and `from_mp3`, `from_ogg`, `from_flv`) " +
		"and `AudioSegment.export`, which run ffmpeg (not `from_wav`/`from_raw`, which read the file directly), and graphviz's " +
		"`render`, `pipe`, `unflatten` and `view` (of a `Graph`, `Digraph` or `Source`, and the module functions), which run the " +
		"Graphviz executable; building the graph runs nothing; pdf2image's `convert_from_path`/`convert_from_bytes` (and " +
		"`pdfinfo_from_*`), which run poppler's `pdfinfo` and `pdftoppm`/`pdftocairo`; and pytesseract's `image_to_string` " +
		"(and `image_to_boxes`, `image_to_data`, `image_to_osd`, `image_to_pdf_or_hocr`, `image_to_alto_xml`), which run tesseract.",
	Requires: []Fact{blockingCalls, blockingDelays},
	Run:      runBlockingRunProcess,
})

// runBlockingRunProcess reports the calls of this family made directly in a
// coroutine: the library table's entries with Code ASYNC221 (pylib), and
// os.spawn* in P_WAIT mode (osSpawnCall in async220.go), as the
// blockingCalls fact classifies them.
func runBlockingRunProcess(p *Pass) {
	reportDirectBlocking(p, "ASYNC221")
}
