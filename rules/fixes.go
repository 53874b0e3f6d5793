package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// Building blocks of the fixes: imports, the module-level task set, and
// statement-level rewrites that keep the surrounding indentation.

// backgroundSet is the name of the module-level set the task fixes add.
const backgroundSet = "_background_tasks"

// asyncioRef returns the name asyncio has at node n (`asyncio`, or the alias
// of an `import asyncio as aio` visible there), and the edit that imports it
// when nothing does yet. ok is false when asyncio cannot be named there
// without clashing with another binding of `asyncio`, and in code written
// for trio or anyio, which must not be rewritten to asyncio.
func asyncioRef(p *Pass, n *analysis.Node) (name string, edit *Edit, ok bool) {
	if p.importsTrioOrAnyio() {
		return "", nil, false
	}
	return moduleRef(p, n, "asyncio")
}

// libraryRef is asyncioRef for the library the module is written for
// (p.library()): `trio` in a trio module, `anyio` in an anyio one. Code
// that mixes asyncio with trio or anyio gets no fix.
func libraryRef(p *Pass, n *analysis.Node) (name, lib string, edit *Edit, ok bool) {
	lib = p.library()
	if lib == "asyncio" {
		name, edit, ok = asyncioRef(p, n)
		return name, lib, edit, ok
	}
	name, edit, ok = moduleRef(p, n, lib)
	return name, lib, edit, ok
}

// moduleRef returns the name module mod has at node n (its own name, or the
// alias of an `import mod as x` visible there) and the edit that imports it
// when nothing does yet; ok is false when its name is bound to something else.
func moduleRef(p *Pass, n *analysis.Node, mod string) (name string, edit *Edit, ok bool) {
	scope := p.Module.ScopeAt(n)
	isMod := func(b *analysis.Binding) bool {
		return b != nil && b.Kind == analysis.BindImport && b.Qualified == mod
	}
	b := scope.Lookup(mod)
	if isMod(b) {
		return mod, nil, true
	}
	for _, imp := range p.Module.Imports {
		if imp.Name == "" && imp.Qualified == mod && imp.BoundName != "" && isMod(scope.Lookup(imp.BoundName)) {
			return imp.BoundName, nil, true
		}
	}
	if b != nil {
		return "", nil, false
	}
	e := importInsertion(p, "import "+mod+"\n")
	return mod, &e, true
}

// headerEnd returns the offset after the module docstring and __future__
// imports, where new imports may go, and the offset after the last import
// of the leading import block.
func headerEnd(f *analysis.File) (afterFuture, afterImports int) {
	lineAfter := func(n *analysis.Node) int {
		line := f.Lines.Position(int(n.End)).Line
		if line+1 < f.Lines.LineCount() {
			return f.Lines.LineStart(line + 1)
		}
		return len(f.Src)
	}
	// Only the first statements matter: read them one at a time (a fix
	// in each of thousands of functions must not list the whole module).
	const (
		docstring = iota
		future
		imports
	)
	stage := docstring
	for st := range f.Root.EachNamedChild() {
		if stage == docstring {
			stage = future
			if st.Type() == "expression_statement" {
				if named := st.NamedChildren(); len(named) == 1 && named[0].Type() == "string" {
					afterFuture = lineAfter(st)
					afterImports = afterFuture
					continue
				}
			}
		}
		if stage == future {
			if st.Type() == "future_import_statement" {
				afterFuture = lineAfter(st)
				afterImports = afterFuture
				continue
			}
			stage = imports
		}
		if st.Type() != "import_statement" && st.Type() != "import_from_statement" {
			break
		}
		afterImports = lineAfter(st)
	}
	return afterFuture, afterImports
}

// importInsertion inserts an import line at the top of the module: before
// the first import, else after any docstring, __future__ imports and
// leading comments (a shebang, a licence header).
func importInsertion(p *Pass, line string) Edit {
	f := p.File
	at, _ := headerEnd(f)
	for s := range f.Root.EachNamedChild() {
		if int(s.Start) >= at && (s.Type() == "import_statement" || s.Type() == "import_from_statement") {
			return Edit{Start: f.Lines.LineStart(f.Lines.Position(int(s.Start)).Line), End: f.Lines.LineStart(f.Lines.Position(int(s.Start)).Line), New: line}
		}
	}
	if at == 0 {
		for l := 0; l < f.Lines.LineCount(); l++ {
			text := strings.TrimSpace(f.Lines.LineText(l))
			if text != "" && !strings.HasPrefix(text, "#") {
				break
			}
			at = f.Lines.LineStart(l + 1)
			if l+1 >= f.Lines.LineCount() {
				at = len(f.Src)
			}
		}
	}
	if at == len(f.Src) && at > 0 && f.Src[at-1] != '\n' {
		line = "\n" + line
	}
	return Edit{Start: at, End: at, New: line}
}

// taskStore is the module-level collection a fix keeps tasks in: its name,
// the methods that add and remove a task, and the edit that defines it
// (nil when the module already has it).
type taskStore struct {
	name, add, remove string
	define            *Edit
}

// keep returns the statements (joined with indent) that keep task until it is done.
func (s taskStore) keep(task, indent string) string {
	return s.name + "." + s.add + "(" + task + ")\n" + indent + task + ".add_done_callback(" + s.name + "." + s.remove + ")"
}

// backgroundStore picks the module-level collection for tasks: an existing
// `_background_tasks` when it is a set (add/discard) or a list
// (append/remove), else a new set, under a fresh name when the usual one is
// taken by something else. The definition goes after the imports.
func backgroundStore(p *Pass) taskStore {
	if b := p.Module.Scope.Bindings.Get(backgroundSet); b != nil {
		switch collectionKind(p.File, b) {
		case "set":
			return taskStore{name: backgroundSet, add: "add", remove: "discard"}
		case "list":
			return taskStore{name: backgroundSet, add: "append", remove: "remove"}
		}
	}
	name := backgroundSet
	for i := 1; p.Module.Scope.Bindings.Get(name) != nil; i++ {
		name = backgroundSet + "_" + itoaSmall(i)
	}
	_, at := headerEnd(p.File)
	text := "\n# Strong references to fire-and-forget tasks: the event loop only keeps weak ones.\n" + name + " = set()\n"
	if at == len(p.File.Src) && at > 0 && p.File.Src[at-1] != '\n' {
		text = "\n" + text
	}
	// Keep the blank lines that separate it from the code after it.
	if at < len(p.File.Src) && p.File.Src[at] != '\n' && p.File.Src[at] != '\r' {
		text += "\n"
	}
	return taskStore{name: name, add: "add", remove: "discard", define: &Edit{Start: at, End: at, New: text}}
}

// collectionKind returns "set" or "list" when every value assigned to b is
// a literal or constructor call of that kind, else "".
func collectionKind(f *analysis.File, b *analysis.Binding) string {
	if b.Kind != analysis.BindAssign || len(b.Values) == 0 {
		return ""
	}
	kind := ""
	for _, v := range b.Values {
		k := ""
		switch {
		case v == nil:
		case v.Type() == "set" || v.Type() == "set_comprehension":
			k = "set"
		case v.Type() == "list" || v.Type() == "list_comprehension":
			k = "list"
		case v.Type() == "call":
			switch f.Text(v.ChildByField("function")) {
			case "set":
				k = "set"
			case "list":
				k = "list"
			}
		}
		if k == "" || kind != "" && k != kind {
			return ""
		}
		kind = k
	}
	return kind
}

// lineIndent returns the indentation of the line holding n.
func lineIndent(f *analysis.File, n *analysis.Node) string {
	start := f.Lines.LineStart(f.Lines.Position(int(n.Start)).Line)
	i := start
	for i < len(f.Src) && (f.Src[i] == ' ' || f.Src[i] == '\t') {
		i++
	}
	return string(f.Src[start:i])
}

// ownLine reports whether statement s starts its line (it is not after a
// `;` or on the header line of a compound statement).
func ownLine(f *analysis.File, s *analysis.Node) bool {
	start := f.Lines.LineStart(f.Lines.Position(int(s.Start)).Line)
	return strings.TrimSpace(string(f.Src[start:s.Start])) == ""
}

func itoaSmall(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoaSmall(i/10) + digits[i%10:i%10+1]
}

// toThreadFixDoc describes toThreadFix for the rules whose fix it is.
const toThreadFixDoc = "Wrap the call as `await asyncio.to_thread(f, *args)`, importing asyncio when needed; a call on the result of another call (`conn.execute(q).fetchall()`) as `await asyncio.to_thread(lambda: ...)`, so the whole chain runs in the thread (unsafe: the callee then runs in another thread). In a module written for trio or anyio (and not asyncio): `await trio.to_thread.run_sync(f, *args)` (anyio's alike), with a lambda when the call has keyword arguments, which run_sync does not pass; a module mixing asyncio with them gets no fix, nor does a call that must run on the loop's thread (pylib's ThreadUnsafe, such as a client whose constructor takes the running loop)."

// toThreadFix rewrites `f(a, b=1)` as `await asyncio.to_thread(f, a, b=1)`,
// importing asyncio when needed; in a trio or anyio module as `await
// trio.to_thread.run_sync(f, a)` (anyio's alike), whose run_sync passes no
// keyword arguments: a call with any runs as `run_sync(lambda: f(a, b=1))`.
func toThreadFix(p *Pass, c *analysis.Call) *Fix {
	if !c.InAsync() {
		return nil
	}
	// An API that must run on the loop's thread (a client whose constructor
	// takes the running loop) cannot be moved to a worker thread; a lazy
	// query (PyMongo's find()) sends nothing until iterated, so moving the
	// call would leave its iteration, the requests, on the loop.
	if api, ok := pylib.Lookup(p.Project.Canonical(c.Callee)); ok &&
		(api.Has(pylib.ThreadUnsafe) && !api.Has(pylib.ByMethodName) || api.Unblock == pylib.UnblockedUnlessIterated) {
		return nil
	}
	aio, lib, imp, ok := libraryRef(p, c.Node)
	if !ok {
		return nil
	}
	toThread := aio + ".to_thread"
	if lib != "asyncio" {
		toThread = aio + ".to_thread.run_sync"
	}
	// Not inside a lambda or a generator expression (await is not allowed there)
	// nor where the value is awaited already.
	for q := c.Node.Parent(); q != nil && q != c.Func.Node; q = q.Parent() {
		if q.Type() == "lambda" || q.Type() == "generator_expression" || q.Type() == "await" {
			return nil
		}
	}
	fn := p.File.Text(c.Node.ChildByField("function"))
	args := c.Node.ChildByField("arguments")
	if args == nil || args.Type() != "argument_list" {
		return nil
	}
	// The arguments are kept as written, with their comments, line breaks
	// and trailing comma.
	inner := string(p.File.Src[args.Start+1 : args.End-1])
	switch {
	case strings.TrimSpace(inner) == "":
		inner = ""
	case inner[0] == ' ' || inner[0] == '\t' || inner[0] == '\n' || inner[0] == '\r':
		inner = "," + inner
	default:
		inner = ", " + inner
	}
	text := "await " + toThread + "(" + fn + inner + ")"
	// `conn.execute(q).fetchall()`: `to_thread(conn.execute(q).fetchall)`
	// would run `conn.execute(q)` on the loop before offloading; the whole
	// chain runs in the thread instead. Not when the chain awaits (an
	// await cannot be in a lambda; what it awaits runs on the loop anyway).
	callee := c.Node.ChildByField("function")
	chained := containsType(callee, "call")
	if chained && containsType(callee, "await") {
		chained = false
	}
	if lib != "asyncio" && !chained && (containsType(args, "keyword_argument") || containsType(args, "dictionary_splat")) {
		if containsType(args, "await") {
			return nil // an await cannot move into the lambda
		}
		chained = true
	}
	if chained {
		text = "await " + toThread + "(lambda: " + p.File.Text(c.Node) + ")"
	}
	// `f(x).json()` -> `(await asyncio.to_thread(f, x)).json()`
	if par := c.Node.Parent(); par != nil && ((par.Type() == "attribute" && c.Node.Field() == "object") ||
		(par.Type() == "subscript" && c.Node.Field() == "value") || (par.Type() == "call" && c.Node.Field() == "function")) {
		text = "(" + text + ")"
	}
	edits := []Edit{{Start: int(c.Node.Start), End: int(c.Node.End), New: text}}
	if imp != nil {
		edits = append(edits, *imp)
	}
	return &Fix{Title: "Run `" + fn + "` with `await " + toThread + "(...)`", Safe: false, Edits: edits}
}

// containsType reports whether n or a node under it has type typ (not
// looking into lambdas and nested scopes, whose code runs later).
func containsType(n *analysis.Node, typ string) bool {
	if n == nil {
		return false
	}
	if n.Type() == typ {
		return true
	}
	if n.Type() == "lambda" {
		return false
	}
	for _, ch := range n.NamedChildren() {
		if containsType(ch, typ) {
			return true
		}
	}
	return false
}
