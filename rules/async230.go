package rules

import (
	"fmt"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

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
	Severity:                Warning,
	Default:                 true,
	QuietInTests:            true,
	QuietInCommandLineTools: true,
	Fix:                     toThreadFixDoc,
	Notes: "A module name bound nowhere in the file (`subprocess.run()` with no import) is read as that module, as in flake8-async; a name bound by the file (a local, a parameter, an attribute) is not, and after a star import an unbound name may be anything, so it is not read as a module either (a deliberate difference). `pathlib.Path`'s content methods (`read_text`, `read_bytes`, `write_text`, `write_bytes`) open the file too and are reported here (flake8-async files them under ASYNC240, whose metadata calls asyncls leaves off by default), and so are shutil's copies and archives (`shutil.copy`, `copy2`, `copyfile`, `copytree`, `make_archive`, `unpack_archive`), which open files and read and write all of them (a backup copy before a write, Auralis#2317); flake8-async reports none of shutil. Opening archives and compressed files (`zipfile.ZipFile`, `tarfile.open`, `gzip.open`, `bz2.open`, `lzma.open`) counts too; their extraction and member reads are ASYNC232. Not when the archive is opened over an in-memory buffer (`tarfile.open(fileobj=io.BytesIO(data))`, `zipfile.ZipFile(io.BytesIO(blob))`, `gzip.open(buf)`): that reads no file (CPU work; flake8-async reports no archive call). A file opened only in a debug or verbose mode (`if self.debug:`, after `if not args.debug: return`), or by a new event loop's main coroutine before its first await (`asyncio.run(main())` of a coroutine defined in the calling function, or of a script's module-level main run from its `if __name__ == \"__main__\":`), or by a web framework's start-up hook that runs first before it first suspends (a FastAPI lifespan before its yield, aiohttp's first cleanup context; testdata `startup_hooks.py`; both a deliberate difference from flake8-async), is not reported (see ASL202's notes on guards). Nor is a file the coroutine opens only to hand it, or its methods, to calls that run them in a worker thread (`with open(p, \"rb\") as f: return await run_sync(f.read)`, `await loop.run_in_executor(None, json.load, f)`): the reads and writes are offloaded, and opening waits for no data (a deliberate difference from flake8-async, which reports every `open()`; ASL201 likewise for a helper that opens the file, `with self.open(path) as f:`). Any other use of the file in the coroutine (a direct read, `f.close()`, handing it to a coroutine or a lambda) keeps the `open()` reported. Nor is a file of the kernel's in-memory file systems, `open()` of a path written as a string that starts with `/proc/` or `/sys/` (`open('/proc/%d/status' % os.getpid())`, `f\"/sys/class/thermal/{zone}/temp\"`): the kernel answers from memory, no disk is waited on; reads of such a file are not ASYNC232's either, and ASL201 follows the same rule through helpers (flake8-async reports them). Of `tempfile`, the calls that open a file on disk are reported " +
		"(`TemporaryFile`, `NamedTemporaryFile`, `mkstemp`); `SpooledTemporaryFile()` is not (it opens nothing: its data " +
		"stays in memory until a write passes `max_size`), and `TemporaryDirectory()`/`mkdtemp()` make one directory, a " +
		"metadata call reported as ASYNC240 (flake8-async reports none of `tempfile`). Two kinds of call read files " +
		"without saying so, and Home Assistant's event-loop detector reports both: `importlib.import_module()` and " +
		"`importlib.reload()` (an import of a module not loaded yet finds, reads and compiles its files; so does reading " +
		"a distribution's metadata, `importlib.metadata.version()`, `metadata()`, `entry_points()` and the rest, or " +
		"their `importlib_metadata` backport and `pkg_resources.get_distribution()`, which list `sys.path` for " +
		"`*.dist-info` directories and read the file found on every call), and the time-zone " +
		"loaders `zoneinfo.ZoneInfo()`, `pytz.timezone()`, `dateutil.tz.gettz()` and Home Assistant's `dt_util.get_time_zone()` " +
		"(each reads the zone's file the first time a key is asked for). Not `pytz.timezone(\"UTC\")`, which returns pytz's " +
		"utc object without a file, nor an import in a function that looks the module up in `sys.modules` first and " +
		"imports only when it is missing (anyio's backend lookup): that loads once what the running program has " +
		"already imported. Setting TLS up from certificate files reads them: paho-mqtt's `Client.tls_set()`, and the " +
		"constructor of aiomqtt's (asyncio_mqtt's) `Client` when given `tls_params` (not with a ready `tls_context`); that " +
		"client is built on the loop (its constructor takes the running loop), so it gets no to_thread fix. " +
		"One finding per opened file: when ASYNC232 is enabled too, the reads and writes of a file that the same coroutine opened " +
		"with an `open()` reported here (`with open(p) as f: return f.read()`, `json.dump(state, f)`, `open(p).read()`; inside `with open(p) as f:` " +
		"the name `f` is that file even when the function binds `f` elsewhere too, as a retry that opens the file again does; a parameter the coroutine rebinds to an `open()` of it, " +
		"`if isinstance(log, str): log = open(log, \"a\")`, is that file after the open) are named " +
		"in this finding, with related information at each, and its fix moves them to the worker thread together with the " +
		"`open()`; they are not reported again as ASYNC232 (flake8-async reports each; a deliberate difference; a call whose " +
		"line carries `# noqa: ASYNC232` keeps its own silenced finding and is not named), and a " +
		"`# noqa: ASYNC230` at the `open()` silences the one finding. With ASYNC232 " +
		"alone selected, each call is reported as before; a file opened elsewhere (`self.file` opened in `__init__`, a parameter) " +
		"is ASYNC232's.",
	Requires:           []Fact{blockingCalls, blockingDelays, fileFolds},
	SharesFindingsWith: []string{"ASYNC232"},
	Run:                runBlockingOpenCall,
	NonBlocking:        openDoesNoIO,
})

// openDoesNoIO reports an archive or compressed file opened over an
// in-memory buffer (archiveOverMemory), or the UTC zone asked of a loader
// that answers it without a file (utcZone): no file is opened.
func openDoesNoIO(_ *analysis.Project, m *analysis.Module, c *analysis.Call, name string) bool {
	return archiveOverMemory(m, c.Node) || utcZone(m, c) || importOfCachedModule(m, c) || withoutBlockingKeyword(m, c) ||
		fileOnlyOffloaded(m, c) || pylib.PseudoFileOpeners[name] && pseudoFilePath(m, c.Positional(0))
}

// pseudoFilePath reports a path argument written as a string (a literal, an
// f-string, or the left operand of `%` or `+`) that starts with a prefix of
// the kernel's in-memory file systems (pylib.PseudoFileSystems):
// `open('/proc/%d/status' % os.getpid())` waits on no disk.
func pseudoFilePath(m *analysis.Module, arg *analysis.Node) bool {
	arg = analysis.Unparen(arg)
	for arg != nil && arg.Type() == "binary_operator" {
		op := arg.ChildByField("operator")
		if op == nil || (m.File.Text(op) != "%" && m.File.Text(op) != "+") {
			return false
		}
		arg = analysis.Unparen(arg.ChildByField("left"))
	}
	if arg == nil || arg.Type() != "string" {
		return false
	}
	text := strings.TrimLeft(m.File.Text(arg), "rRbBuUfF")
	text = strings.TrimLeft(text, `"'`)
	for _, prefix := range pylib.PseudoFileSystems {
		if strings.HasPrefix(text, prefix) {
			return true
		}
	}
	return false
}

// fileOnlyOffloaded reports a call whose result (a file opened by it) is
// bound to a name, by `with ... as f` or `f = ...`, that its function uses
// only as an argument of calls that run a callable in a worker thread
// (pylib's Offload records): `await run_sync(f.write, data)`,
// `await loop.run_in_executor(None, f.read)`, `await asyncio.to_thread(json.load, f)`.
// The reads and writes are offloaded; what stays on the loop is opening the
// file (and closing it), which waits for no data (jupyter-server's contents
// manager, falcon's static route).
func fileOnlyOffloaded(m *analysis.Module, c *analysis.Call) bool {
	if c.Func == nil {
		return false
	}
	var name *analysis.Node
	if with := withStatementOf(c.Node); with != nil {
		exprs, aliases := withItems(with)
		for i, e := range exprs {
			if e == c.Node {
				name = aliases[i]
			}
		}
	} else if p := c.Node.Parent(); p != nil && p.Type() == "assignment" && p.ChildByField("right") == c.Node {
		name = p.ChildByField("left")
	}
	if name == nil || name.Type() != "identifier" {
		return false
	}
	text := m.File.Text(name)
	calls := map[*analysis.Node]*analysis.Call{}
	for _, o := range c.Func.Calls {
		calls[o.Node] = o
	}
	uses, ok := 0, true
	c.Func.Node.Walk(func(n *analysis.Node) bool {
		if !ok {
			return false
		}
		if n == name || n.Type() != "identifier" || m.File.Text(n) != text || n.Field() == "attribute" ||
			n.Field() == "name" && n.Parent() != nil && n.Parent().Type() == "keyword_argument" {
			return true
		}
		arg := n
		if p := n.Parent(); p != nil && p.Type() == "attribute" && p.ChildByField("object") == n {
			arg = p // f.read, handed over uncalled
		}
		args := arg.Parent()
		if args == nil || args.Type() != "argument_list" {
			ok = false
			return false
		}
		call := calls[args.Parent()]
		if call == nil {
			ok = false
			return false
		}
		callee := call.Callee
		if callee == "" {
			callee = calleeOf(m, call.Node)
		}
		if _, offload := offloadAPI(m, call, callee); !offload {
			ok = false
			return false
		}
		uses++
		return true
	})
	return ok && uses > 0
}

// withoutBlockingKeyword reports a call of an API that loads files only when
// given its BlockingKeyword argument, made without it (or with None).
func withoutBlockingKeyword(m *analysis.Module, c *analysis.Call) bool {
	api, _ := pylib.Lookup(calleeName(m, c))
	if api.Unblock != pylib.UnblockedWithoutKeyword {
		return false
	}
	arg := c.Keyword(api.BlockingKeyword, m.File)
	return arg == nil || arg.Type() == "none"
}

// importOfCachedModule reports `import_module(name)` in a function that
// looks `name` up in sys.modules first (`sys.modules[name]` with the import
// in the KeyError handler, `sys.modules.get(name)`, `name in sys.modules`):
// the function returns the loaded module on every later call, and imports
// only what the program has not loaded yet (anyio's get_asynclib finds the
// running backend there).
func importOfCachedModule(m *analysis.Module, c *analysis.Call) bool {
	if api, _ := pylib.Lookup(calleeName(m, c)); api.Unblock != pylib.UnblockedCachedModule || c.Func == nil {
		return false
	}
	arg := c.Positional(0)
	if arg == nil {
		return false
	}
	name := m.File.Text(arg)
	cache := pylib.ModuleCache
	lookups := []string{cache + "[" + name + "]", cache + ".get(" + name, name + " in " + cache, name + " not in " + cache}
	found := false
	c.Func.Node.Walk(func(n *analysis.Node) bool {
		if found || n != c.Func.Node && isDef(n) {
			return false
		}
		switch n.Type() {
		case "subscript", "call", "comparison_operator":
			text := m.File.Text(n)
			for _, l := range lookups {
				found = found || strings.HasPrefix(text, l) || text == l
			}
		}
		return !found
	})
	return found
}

// utcZone reports `pytz.timezone("UTC")` (any case): pytz returns its utc
// singleton for that key before looking for a zoneinfo file.
func utcZone(m *analysis.Module, c *analysis.Call) bool {
	if api, _ := pylib.Lookup(calleeName(m, c)); api.Unblock != pylib.UnblockedUTCZone {
		return false
	}
	key := c.Positional(0)
	if key == nil {
		key = c.Keyword("zone", m.File)
	}
	if key == nil || key.Type() != "string" {
		return false
	}
	text := strings.Trim(m.File.Text(key), `"'`)
	return strings.EqualFold(text, "UTC")
}

// runBlockingOpenCall reports the calls of this family made directly in a
// coroutine: the library table's entries with Code ASYNC230 (pylib), as the
// blockingCalls fact classifies them.
func runBlockingOpenCall(p *Pass) {
	folds := fileFolds.of(p)
	for _, b := range directBlocking(p, "ASYNC230") {
		reportOpenedFile(p, b, folds.byOpen[b.Call.Node])
	}
}

// One finding per opened file. `with open(p) as f: data = f.read()` in a
// coroutine is one mistake with one fix (do the file's work in a worker
// thread, or with an async file library), but it is two calls of two
// families: the open() is ASYNC230's and the read ASYNC232's. When both
// rules are enabled, the reads and writes of a file object that the same
// coroutine opened with an open() ASYNC230 reports are folded into that
// finding: its message names them, its related information points at
// them and its fix carries their edits. ASYNC232 alone (flake8-async's own
// tests select one code at a time) still reports every call; so does a
// file opened elsewhere (in `__init__`, by a helper, in a parameter).

// fileFolds is fileOpenFolds, computed once per module for both rules.
var fileFolds = &fact[openFolds]{name: "fileFolds", crossFile: true, compute: fileOpenFolds}

// openFolds: each open()-like call that ASYNC230 reports, with the ASYNC232
// calls on the file object it made in the same coroutine (in source
// order), and the set of those calls.
type openFolds struct {
	byOpen map[*analysis.Node][]blockingUse
	folded map[*analysis.Call]bool
}

// fileOpenFolds finds the folds of the module; none when either rule is
// off.
func fileOpenFolds(p *Pass) openFolds {
	if !p.Options.Enabled["ASYNC230"] || !p.Options.Enabled["ASYNC232"] {
		return openFolds{}
	}
	uses := blockingCalls.of(p).InCoroutines()
	opens := map[*analysis.Node]*analysis.Call{}
	for _, u := range uses {
		if u.Code == "ASYNC230" && !u.inSameFamilyChain && p.Options.platformReports(u.Code, u.Name) {
			opens[u.Call.Node] = u.Call
		}
	}
	if len(opens) == 0 {
		return openFolds{}
	}
	folds := openFolds{byOpen: map[*analysis.Node][]blockingUse{}, folded: map[*analysis.Call]bool{}}
	var logical map[int]int
	if len(p.Module.NoQA) > 0 {
		logical = p.Module.NoQALogicalLines()
	}
	for _, u := range uses {
		if u.Code != "ASYNC232" || u.inSameFamilyChain || !p.Options.platformReports(u.Code, u.Name) {
			continue
		}
		// A call whose line says `# noqa: ASYNC232` keeps its own
		// (silenced) finding: the open's message does not name it, and the
		// directive stays used.
		line := p.Module.File.Lines.Position(int(u.Call.Node.Start)).Line
		if _, codes, ok := noqaAt(p.Module, logical, line); ok && noqaMatch(codes, "ASYNC232") != "" {
			continue
		}
		for _, file := range fileOperands(p.Module, u) {
			opener := constructorCall(p.Module, file, 0)
			if opener == nil {
				opener = withBoundOpener(p.Module, file)
			}
			if opener == nil {
				opener = reopenedParameter(p.Module, file)
			}
			if open := opens[opener]; open != nil && open.Func == u.Call.Func {
				folds.byOpen[opener] = append(folds.byOpen[opener], u)
				folds.folded[u.Call] = true
				break
			}
		}
	}
	return folds
}

// withBoundOpener is the call of the nearest `with` statement around n
// that binds n's name by `as`, when n is in that statement's body and the
// body binds the name nowhere else: inside `with open(p) as f:`, `f` is that
// file, however many other statements of the function bind `f` (a retry
// that opens the same path again, a second `with open(...) as f`), where
// constructorCall, which reads the function's one binding, gives up.
func withBoundOpener(m *analysis.Module, n *analysis.Node) *analysis.Node {
	n = analysis.Unparen(n)
	if n == nil || n.Type() != "identifier" {
		return nil
	}
	name := m.File.Text(n)
	for up := n.Parent(); up != nil && !isDef(up); up = up.Parent() {
		if up.Type() != "with_statement" {
			continue
		}
		if m.ScopeAt(n) != m.ScopeAt(up) {
			return nil // a comprehension's own variable (`[f.read() for f in files]`)
		}
		exprs, aliases := withItems(up)
		for i, alias := range aliases {
			if alias == nil || alias.Type() != "identifier" || m.File.Text(alias) != name {
				continue
			}
			body := up.ChildByField("body")
			if body == nil || n.Start < body.Start || n.End > body.End || bindsNameIn(m, body, name) ||
				exprs[i].Type() != "call" {
				return nil
			}
			return exprs[i]
		}
	}
	return nil
}

// reopenedParameter is the one call a parameter n names is rebound to
// (`if isinstance(log, str): log = open(log, "a")`, then `log.write(...)`),
// when n comes after it: that the name holds a file is known from that
// open() alone, so the reads and writes on it are that open's work.
func reopenedParameter(m *analysis.Module, n *analysis.Node) *analysis.Node {
	n = analysis.Unparen(n)
	if n == nil || n.Type() != "identifier" {
		return nil
	}
	b := m.ScopeAt(n).Lookup(m.File.Text(n))
	if b == nil || b.Kind != analysis.BindParam || len(b.Values) != 1 {
		return nil
	}
	v := analysis.Unparen(b.Values[0])
	if v == nil || v.Type() != "call" || v.End > n.Start {
		return nil
	}
	return v
}

// bindsNameIn reports a statement of body (nested functions and classes
// apart) that binds name: an assignment, augmented assignment, `for`
// target, walrus, unpacking or `as` target.
func bindsNameIn(m *analysis.Module, body *analysis.Node, name string) bool {
	binds := false
	walkBody(body, func(c *analysis.Node) bool {
		if binds || c.Type() != "identifier" || m.File.Text(c) != name {
			return !binds
		}
		_, up := analysis.ParenParent(c)
		switch {
		case up == nil:
		case up.Type() == "assignment" && up.ChildByField("left") == c,
			up.Type() == "augmented_assignment" && up.ChildByField("left") == c,
			up.Type() == "for_statement" && up.ChildByField("left") == c,
			up.Type() == "named_expression" && up.ChildByField("name") == c,
			up.Type() == "pattern_list", up.Type() == "tuple_pattern", up.Type() == "as_pattern_target":
			binds = true
		}
		return false
	})
	return binds
}

// fileOperands are the file objects an ASYNC232 call may work on: its
// fileOperand, and, for a library function called by its own name rather
// than as a method of an object (`shutil.copyfileobj(src, dst)`,
// `copyfileobj(src, dst)`), each argument, positional or keyword: such a
// function reads or writes the files it is handed.
func fileOperands(m *analysis.Module, u blockingUse) []*analysis.Node {
	var out []*analysis.Node
	fn := u.Call.Node.ChildByField("function")
	if fn == nil {
		return nil
	}
	calledByName := fn.Type() == "identifier"
	if fn.Type() == "attribute" {
		// The object is the module (or class) the function is an
		// attribute of, however it was imported (`import shutil as sh`),
		// not an object whose method this is.
		obj := m.Resolve(fn.ChildByField("object"))
		calledByName = obj.Name != "" && !obj.Instance && obj.Func == nil && obj.Class == nil &&
			u.Name == obj.Name+"."+m.File.Text(fn.ChildByField("attribute"))
	}
	if file := fileOperand(m, u); file != nil && !calledByName {
		out = append(out, file)
	}
	if calledByName {
		for _, a := range u.Call.Args() {
			switch a.Type() {
			case "keyword_argument": // copyfileobj(src, fdst=f), json.dump(obj, fp=f)
				if v := a.ChildByField("value"); v != nil {
					out = append(out, v)
				}
			case "list_splat", "dictionary_splat", "comment":
			default:
				out = append(out, a)
			}
		}
	}
	return out
}

// fileOperand is the file object an ASYNC232 call works on: the receiver
// of a method (`f.read()`), or the file argument of a function that reads
// or writes one (`json.load(f)`, `json.dump(obj, f)`).
func fileOperand(m *analysis.Module, u blockingUse) *analysis.Node {
	fn := u.Call.Node.ChildByField("function")
	if api, _ := pylib.Lookup(u.Name); api.Unblock == pylib.UnblockedMemoryFile {
		return recordedArgument(u.Call, api, m.File)
	}
	if fn != nil && fn.Type() == "attribute" {
		return fn.ChildByField("object")
	}
	return nil
}

// reportOpenedFile reports an ASYNC230 open() with the ASYNC232 calls
// folded into it: "`open()` and the file's `f.read()` (line 7) block the
// event loop ...", each folded call as related information, and one fix
// holding the open's edits and theirs (an import the fixes share added
// once).
func reportOpenedFile(p *Pass, b blockingUse, folded []blockingUse) {
	if len(folded) == 0 {
		p.Report(b.Call.Node, blockingMessage(p, b), WithFix(toThreadFix(p, b.Call)))
		return
	}
	openLine := p.File.Lines.Position(int(b.Call.Node.Start)).Line
	var names []string
	related := make([]Related, 0, len(folded))
	delayAt := int(b.Call.Node.Start)
	for _, f := range folded {
		name := "`" + p.File.Brief(f.Call.Node.ChildByField("function")) + "()`"
		if fileOperand(p.Module, f) == b.Call.Node { // `open(p).read()`
			_, method := ownerMethod(f.Name)
			name = "`." + method + "()`"
		}
		if line := p.File.Lines.Position(int(f.Call.Node.Start)).Line; line != openLine {
			name += fmt.Sprintf(" (line %d)", line+1)
		}
		names = append(names, name)
		related = append(related, RelatedAt(p.Module, f.Call.Node, "the file's "+displayName(p.Project, p.Module, f.Call)+" blocks the event loop too (ASYNC232, reported with the open)"))
		if blockingDelays.of(p)[delayAt] == nil {
			delayAt = int(f.Call.Node.Start)
		}
	}
	if len(names) == 4 {
		names = append(names[:3], "1 more call")
	} else if len(names) > 4 {
		names = append(names[:3], fmt.Sprintf("%d more calls", len(names)-3))
	}
	msg := displayName(p.Project, p.Module, b.Call) + " and the file's " + joinNames(names) +
		" block the event loop in " + coroutineNoun(b.Call.Func) + " `" + b.Call.Func.Name + "`; " + awaitAs(b.Call.Func, b.Instead)
	p.Report(b.Call.Node, withDelay(p, msg, delayAt), WithFix(mergedFix(p, b, folded)), WithRelated(related...))
}

// joinNames joins "a", "a and b", "a, b and c".
func joinNames(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// mergedFix is one fix running the open() and each folded call in a worker
// thread; nil when any of them has none (a partial fix would leave the
// file's I/O on the loop while claiming to move it).
func mergedFix(p *Pass, b blockingUse, folded []blockingUse) *Fix {
	calls := []*analysis.Call{b.Call}
	for _, f := range folded {
		calls = append(calls, f.Call)
	}
	var out *Fix
	seen := map[Edit]bool{}
	for _, c := range calls {
		if outer := enclosingCall(c, calls); outer != nil {
			// `open(p).read()`: the read's fix runs the whole chain, open
			// included, in the thread. Not so for an argument
			// (`f.write(f.read())`): the outer call's fix evaluates it on
			// the loop, and edits inside that fix's cannot be merged.
			if !isAncestor(outer.Node.ChildByField("function"), c.Node) {
				return nil
			}
			continue
		}
		fix := toThreadFix(p, c)
		if fix == nil {
			return nil
		}
		if out == nil {
			out = &Fix{Title: fix.Title, Safe: fix.Safe}
			if len(folded) > 0 {
				out.Title += ", and the file's calls likewise"
			}
		}
		out.Safe = out.Safe && fix.Safe
		for _, e := range fix.Edits {
			if !seen[e] {
				seen[e] = true
				out.Edits = append(out.Edits, e)
			}
		}
	}
	return out
}

// enclosingCall returns another of calls whose call expression holds c's,
// nil when none does.
func enclosingCall(c *analysis.Call, calls []*analysis.Call) *analysis.Call {
	for _, d := range calls {
		if d != c && isAncestor(d.Node, c.Node) {
			return d
		}
	}
	return nil
}
