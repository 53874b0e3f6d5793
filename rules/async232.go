package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC232 reports blocking method of a synchronous file object in an async function.
var ASYNC232 = register(&Rule{
	Code:      "ASYNC232",
	Name:      "blocking-file-call",
	Summary:   `Blocking method of a synchronous file object in an async function`,
	Rationale: "`read`, `write`, `readline`... of a file object returned by `open()` (or annotated as `io.TextIOWrapper`, `typing.IO`, ...) do disk I/O on the event loop's thread.",
	Bad: `import io

async def first_line(f: io.TextIOWrapper):
    return f.readline()`,
	Good: `import asyncio
import io

async def first_line(f: io.TextIOWrapper):
    return await asyncio.to_thread(f.readline)`,
	Severity:                Warning,
	Default:                 true,
	QuietInTests:            true,
	QuietInCommandLineTools: true,
	Fix:                     toThreadFixDoc,
	Notes: "The file object's type must be known: from `open()` (in an assignment or a `with` statement) or from an annotation " +
		"(of a parameter, or of an assignment: `f: TextIOWrapper = make()`). " +
		"`close()` of a file that `open()` opened only for reading (no `w`, `a`, `x` or `+` in its mode) is not reported: " +
		"there is nothing to flush (flake8-async reports every method call); ASL201 follows the same rule through helpers. " +
		"Also deliberately unlike flake8-async: only the methods that do I/O are reported (`read`, `write`, " +
		"`readline`, `flush`, `seek`...; not `fileno()` or `isatty()`, nor a write of an empty literal (`f.write(b\"\")`) or " +
		"`f.read(0)`, which move no data: click probes whether a stream takes bytes with `stream.write(b\"\")`, and electrum " +
		"creates an empty marker file, whose `open()` is ASYNC230's; flake8-async reports them); and a name annotated with two types in one " +
		"function (`f: int = 7` then `f: TextIOWrapper = ...`, or `f = other()` after it) has no known type (types are not tracked statement by " +
		"statement; flake8-async reports `f.read()` after `f: TextIOWrapper = ...` then `f = other()`, its tests call " +
		"this a known false alarm). And asyncls follows what flake8-async's tests list as cases it should report but does not: tuple assignments " +
		"(`x, y = open(a), open(b)`), attributes (`self.x: TextIOWrapper`), return annotations of the project's " +
		"functions, the element type of an annotated collection (`for f in files: list[TextIOWrapper]`) and a union " +
		"naming None twice. " +
		"`json.load`/`json.dump`, `pickle.load`/`pickle.dump`, `marshal` and `tomllib.load` read or write a file object too and are reported here, " +
		"unless the argument is an in-memory buffer (`io.StringIO`, `io.BytesIO`), a standard stream (`json.dump(result, sys.stdout)` " +
		"prints, as `print()` does) or a call such as `open(...)` that is reported itself; " +
		"so are pandas' readers (`pandas.read_csv`, `read_excel`, `read_json`, `read_parquet`...) given a path or URL, and its " +
		"DataFrame writers (`df.to_csv(path)`...) given a path (with none they return a string); the file argument counts " +
		"whether given by position or by keyword (`df.to_parquet(path=f)`, `json.dump(obj, fp=f)`; storey's Parquet sink, " +
		"bench/realbugs94). " +
		"Not reported either: the methods of a file opened from `/proc/` or `/sys/` (see ASYNC230), a `gzip.GzipFile` (or `bz2`/`lzma` file) over an in-memory buffer, which compresses (CPU " +
		"work, no file I/O), nor the member reads of an archive opened over one (`tarfile.open(fileobj=io.BytesIO(data))` " +
		"then `tar.extractfile(m)`, `zipfile.ZipFile(buf).read(name)`; `extract`/`extractall`/`add`/`write` still touch " +
		"the disk and are reported), nor a call the function routes by whether it blocks: called directly under a condition " +
		"(`if self._in_memory: return self.file.read(n)`) and offloaded elsewhere in the same function " +
		"(`await asyncio.to_thread(self.file.read, n)`), or awaited elsewhere in it, for a function taking sync and async file " +
		"objects alike (s3ql's `co_copyfh`: `if ifh_is_async: buf = await ifh.read(n)` / `else: buf = ifh.read(n)`, where a " +
		"sync object is as often a `BytesIO`; its 2 findings on the judged corpora were debatable; a deliberate difference " +
		"from flake8-async); this applies to every blocking rule. Nor the stream a socket's " +
		"`makefile()` gives over a socket that the class (or function) making it sets non-blocking (`setblocking(False)`): its " +
		"reads and writes return or raise `BlockingIOError` at once; the stream may be an attribute a base class of another " +
		"module assigns. " +
		"A call on a file that the same coroutine opened with an `open()` that ASYNC230 reports (a local set to `None` besides, as in `f = None` before a `try:` that opens it, still holds only that file) is named in that finding " +
		"instead when ASYNC230 is enabled (one finding per opened file, fixed together; flake8-async reports both codes, a " +
		"deliberate difference); a file opened elsewhere (in `__init__`, by a helper) or passed in is reported here.",
	Requires:           []Fact{blockingCalls, blockingDelays, fileFolds},
	SharesFindingsWith: []string{"ASYNC230"},
	Run:                runBlockingFileCall,
	NonBlocking:        fileCallDoesNoIO,
})

// runBlockingFileCall reports the calls of this family made directly in a
// coroutine: the library table's entries with Code ASYNC232 (pylib), as the
// blockingCalls fact classifies them.
func runBlockingFileCall(p *Pass) {
	folded := fileFolds.of(p).folded
	for _, b := range directBlocking(p, "ASYNC232") {
		if !folded[b.Call] {
			p.Report(b.Call.Node, blockingMessage(p, b), WithFix(toThreadFix(p, b.Call)))
		}
	}
}

// fileCallDoesNoIO reports calls of this family that do no file I/O:
// closing a file opened only for reading (nothing to flush), json.load and
// its kin on an in-memory buffer (or on a call such as `open(...)`, which
// is reported itself), and the methods of a compressed file over an
// in-memory buffer (compression is CPU work). (The shared guards of every
// blocking family are in guards.go.)
func fileCallDoesNoIO(proj *analysis.Project, m *analysis.Module, c *analysis.Call, name string) bool {
	recv := c.Node.ChildByField("function").ChildByField("object")
	if compressedOverMemory(m, recv, name) {
		return true
	}
	if streamOfNonBlockingSocket(proj, m, recv) || emptyTransfer(m, c, name) {
		return true
	}
	// A file of /proc or /sys: the kernel answers from memory.
	if open := constructorCall(m, recv, 0); open != nil && pylib.PseudoFileOpeners[calleeOf(m, open)] && pseudoFilePath(m, firstArg(open)) {
		return true
	}
	api, _ := pylib.Lookup(name)
	switch api.Unblock {
	case pylib.UnblockedReadOnlyClose:
		return openedReadOnly(m, recv)
	case pylib.UnblockedMemoryArchiveRead:
		return recv != nil && archiveOverMemory(m, constructorCall(m, recv, 0))
	case pylib.UnblockedMemoryFile:
		arg := recordedArgument(c, api, m.File)
		if arg == nil {
			return true
		}
		if pylib.InMemoryFiles[receiverType(m, arg)] || standardStream(m, arg) {
			return true
		}
		// json.load(open(path)): the open() call is reported already.
		return analysis.Unparen(arg).Type() == "call"
	}
	return false
}

// standardStream reports the process's standard streams, `sys.stdout` and
// `sys.stderr` (or their `.buffer`, or `sys.__stdout__`...):
// `json.dump(result, sys.stdout)` prints, as print() and
// `sys.stdout.write()` do, which no rule reports; it is not file I/O.
func standardStream(m *analysis.Module, n *analysis.Node) bool {
	n = analysis.Unparen(n)
	if n != nil && n.Type() == "attribute" && m.File.Text(n.ChildByField("attribute")) == "buffer" {
		n = n.ChildByField("object")
	}
	if n == nil || n.Type() != "attribute" {
		return false
	}
	return pylib.StandardStreams[m.Resolve(n).Name]
}

// emptyTransfer reports `f.write(b"")` (or `""`) and `f.read(0)`: a probe
// of what the stream accepts (click's `_is_binary_writer` tries
// `stream.write(b"")` to tell a binary stream from a text one), which moves
// no data: a buffered file returns at once, without a system call.
func emptyTransfer(m *analysis.Module, c *analysis.Call, name string) bool {
	args := c.Node.ChildByField("arguments")
	if args == nil || len(args.NamedChildren()) != 1 {
		return false
	}
	arg := analysis.Unparen(args.NamedChildren()[0])
	switch {
	case strings.HasSuffix(name, ".write"):
		if arg.Type() != "string" {
			return false
		}
		t := strings.TrimLeft(m.File.Text(arg), "bBuU")
		return t == `""` || t == "''"
	case strings.HasSuffix(name, ".read"):
		return m.File.Text(arg) == "0"
	}
	return false
}

// streamOfNonBlockingSocket reports a file object made by a socket's
// makefile() (pylib.SocketStreams) over a socket that the module making it
// switches to non-blocking (`self._sock.setblocking(False)`): its reads and
// writes return or raise BlockingIOError at once, they never wait. The
// stream may be an attribute a base class of another module sets.
func streamOfNonBlockingSocket(proj *analysis.Project, m *analysis.Module, recv *analysis.Node) bool {
	owner, ctor := constructorCallIn(proj, m, recv)
	if ctor == nil {
		return false
	}
	fn := ctor.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || !pylib.SocketStreams[owner.Resolve(fn).Name] {
		return false
	}
	sock := owner.File.Text(fn.ChildByField("object"))
	for _, other := range owner.Calls {
		if owner.File.Text(other.Node.ChildByField("function")) != sock+".setblocking" {
			continue
		}
		// The same attribute of self in a method of the same class, or the
		// same local in the same function.
		at, made := owner.FunctionAt(other.Node), owner.FunctionAt(ctor)
		if at == nil || made == nil {
			continue
		}
		if strings.HasPrefix(sock, "self.") && at.Class != made.Class || !strings.HasPrefix(sock, "self.") && at != made {
			continue
		}
		if a := other.Positional(0); a != nil && (a.Type() == "false" || owner.File.Text(a) == "0") {
			return true
		}
	}
	return false
}

// constructorCallIn is constructorCall that also follows a self attribute
// a base class of another module assigns (through proj, when not nil): the
// call, with the module holding it.
func constructorCallIn(proj *analysis.Project, m *analysis.Module, n *analysis.Node) (*analysis.Module, *analysis.Node) {
	if ctor := constructorCall(m, n, 0); ctor != nil {
		return m, ctor
	}
	n = analysis.Unparen(n)
	if proj == nil || n == nil || n.Type() != "attribute" {
		return nil, nil
	}
	obj := m.Resolve(n.ChildByField("object"))
	cls := obj.Class
	if cls == nil && obj.Instance && obj.Name != "" { // an instance of another module's class
		cls = proj.Lookup(obj.Name).Class
	}
	if cls == nil || !obj.Instance {
		return nil, nil
	}
	owner := proj.AttrOwner(cls, m.File.Text(n.ChildByField("attribute")))
	if owner == nil {
		return nil, nil
	}
	made := constructingValues(owner.Attrs[m.File.Text(n.ChildByField("attribute"))])
	// Assigned once, or alike on every path (`self._stream =
	// self._sock.makefile("rwb")` for each transport).
	for _, v := range made {
		if v.Type() != "call" || owner.Module().File.Text(v) != owner.Module().File.Text(made[0]) {
			return nil, nil
		}
	}
	if len(made) == 0 {
		return nil, nil
	}
	return owner.Module(), made[0]
}

// openedReadOnly reports a file object made by `open(...)` with a mode that
// neither writes nor appends (none given is "r").
func openedReadOnly(m *analysis.Module, obj *analysis.Node) bool {
	if obj == nil {
		return false
	}
	ctor := constructorCall(m, obj, 0)
	if ctor == nil {
		return false
	}
	if !pylib.Is(calleeOf(m, ctor), pylib.OpensFile) {
		return false
	}
	mode, ok := openMode(m, ctor, 1)
	if !ok {
		return false
	}
	if mode == "" {
		return true
	}
	return !strings.ContainsAny(mode, "wax+")
}

// openMode reads the mode literal of a call that opens a file, given as
// `mode=` or as the positional argument at index pos: "" when none is
// given, ok false when it is not a string literal (or a splat may hold it).
func openMode(m *analysis.Module, ctor *analysis.Node, pos int) (mode string, ok bool) {
	node, ok := openArg(m, ctor, pos, "mode")
	if !ok || node == nil {
		return "", ok
	}
	if node.Type() != "string" {
		return "", false
	}
	return strings.Trim(m.File.Text(node), `"'`), true
}

// openArg finds the argument of a call given as keyword name or as the
// positional argument at index pos: nil when none is given, ok false when
// a splat may hold it.
func openArg(m *analysis.Module, ctor *analysis.Node, pos int, name string) (node *analysis.Node, ok bool) {
	args := ctor.ChildByField("arguments")
	if args == nil {
		return nil, false
	}
	positional := 0
	for _, a := range args.NamedChildren() {
		switch {
		case a.Type() == "keyword_argument" && m.File.Text(a.ChildByField("name")) == name:
			node = a.ChildByField("value")
		case a.Type() != "keyword_argument" && a.Type() != "list_splat" && a.Type() != "dictionary_splat":
			if positional == pos {
				node = a
			}
			positional++
		case a.Type() == "list_splat" || a.Type() == "dictionary_splat":
			return nil, false
		}
	}
	return node, true
}

// binaryFileType names the class of the file object obj when the call that
// made it opened the file in binary mode (pylib.BinaryFileClass); "" when
// the mode is text or not known: the file table types every opener's result
// as pylib.TextFileType, which a message then names only when it is right.
func binaryFileType(m *analysis.Module, obj *analysis.Node) string {
	if obj == nil {
		return ""
	}
	ctor := constructorCall(m, obj, 0)
	if ctor == nil {
		return ""
	}
	om, known := pylib.FileOpenerModes[calleeOf(m, ctor)]
	if !known {
		return ""
	}
	mode, ok := openMode(m, ctor, om.Pos)
	if !ok {
		return ""
	}
	if mode == "" {
		mode = om.Default
	}
	buffering, ok := openArg(m, ctor, om.Pos+1, "buffering")
	if !ok {
		return ""
	}
	return pylib.BinaryFileClass(mode, buffering != nil && m.File.Text(buffering) == "0")
}

// compressedOverMemory: recv is a gzip/bz2/lzma file object whose
// underlying file (fileobj=, or the first argument of bz2/lzma) is an
// in-memory buffer.
func compressedOverMemory(m *analysis.Module, recv *analysis.Node, name string) bool {
	typ := name[:max(strings.LastIndexByte(name, '.'), 0)]
	if recv == nil || !pylib.Is(typ, pylib.CompressedFile) {
		return false
	}
	ctor := constructorCall(m, recv, 0)
	if ctor == nil {
		return false
	}
	var under *analysis.Node
	args := ctor.ChildByField("arguments")
	if args == nil {
		return false
	}
	for _, a := range args.NamedChildren() {
		if a.Type() == "keyword_argument" && m.File.Text(a.ChildByField("name")) == "fileobj" {
			under = a.ChildByField("value")
		}
	}
	if under == nil && !pylib.Is(typ, pylib.FileObjectKeywordOnly) {
		under = firstArg(ctor) // the file object passed first, positionally
	}
	return under != nil && pylib.InMemoryFiles[receiverType(m, under)]
}

// archiveOverMemory reports an archive or compressed file opening call
// (pylib.UnblockedMemoryArchive: `tarfile.open(fileobj=io.BytesIO(data))`,
// `zipfile.ZipFile(buf)`) whose file is an in-memory buffer: it reads and
// writes that buffer only, CPU work with no file I/O.
func archiveOverMemory(m *analysis.Module, call *analysis.Node) bool {
	if call == nil {
		return false
	}
	if api, _ := pylib.Lookup(calleeOf(m, call)); api.Unblock != pylib.UnblockedMemoryArchive {
		return false
	}
	args := call.ChildByField("arguments")
	if args == nil {
		return false
	}
	var under *analysis.Node
	for _, a := range args.NamedChildren() {
		if a.Type() == "keyword_argument" {
			switch m.File.Text(a.ChildByField("name")) {
			case "fileobj", "file", "filename":
				under = a.ChildByField("value")
			}
		}
	}
	if under == nil {
		if first := args.NamedChildren(); len(first) > 0 && first[0].Type() != "keyword_argument" {
			under = first[0]
		}
	}
	return under != nil && pylib.InMemoryFiles[receiverType(m, under)]
}
