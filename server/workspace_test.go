package server

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// render is a comparable form of a finding: code, byte range and message.
func renderRule(d rules.Diagnostic) string {
	return fmt.Sprintf("%s %d:%d-%d:%d %s", d.Code, d.Start.Line, d.Start.Col, d.End.Line, d.End.Col, d.Message)
}

func renderLSP(d protocol.Diagnostic) string {
	msg, _ := d.Message.(protocol.String)
	return fmt.Sprintf("%s %d:%d-%d:%d %s", diagnosticCode(d), d.Range.Start.Line, d.Range.Start.Character, d.Range.End.Line, d.Range.End.Character, msg)
}

func sorted(list []string) []string {
	sort.Strings(list)
	return list
}

// TestDiagnosticsMatchCheck opens every file of some projects (single files
// and cross-module packages) and compares what the server publishes with
// what `asyncls check` computes for the same files and configuration.
func TestDiagnosticsMatchCheck(t *testing.T) {
	for _, root := range []string{"../examples/tutorial", "../testdata/rules/ASL101/crossfile", "../testdata/rules/ASL201/crossfile", "../testdata/rules/ASL102"} {
		root, _ := filepath.Abs(root)
		t.Run(filepath.Base(filepath.Dir(root))+"/"+filepath.Base(root), func(t *testing.T) {
			// A project of its own (in the repository, check would take the
			// repository as the project root, the server its workspace folder).
			root := copyProject(t, root)
			// As `asyncls check ROOT`: each file with its nearest configuration.
			res := lint.Check(lint.Request{Paths: []string{root}, Configs: lint.NewConfigs(nil, nil)})
			if len(res.Errors) > 0 {
				t.Fatal(res.Errors)
			}
			want := map[string][]string{}
			for _, d := range res.Diagnostics {
				want[d.Path] = append(want[d.Path], renderRule(d))
			}
			files, _ := lint.Collect([]string{root}, config.Default())
			if len(files) == 0 {
				t.Skip("no files")
			}
			c := newClient(t, startInProcess(t, Options{}))
			c.initialize(root, utf8Caps(), `{"debounceMs": 0}`)
			for _, f := range files {
				src, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				u := uri.File(f)
				c.open(u, string(src))
				expected := strings.Join(sorted(want[f]), "\n")
				c.waitDiagnosticsWhere(u, "diagnostics equal to check for "+f, func(diags []protocol.Diagnostic) bool {
					var got []string
					for _, d := range diags {
						got = append(got, renderLSP(d))
					}
					return strings.Join(sorted(got), "\n") == expected
				})
			}
			c.shutdownAndExit()
		})
	}
}

// utf16Offset converts a UTF-16 position in text to a byte offset (the
// client's side of the conversion, written independently of the server).
func utf16Offset(text string, line, char int) int {
	off := 0
	for l := 0; l < line; l++ {
		i := strings.IndexByte(text[off:], '\n')
		off += i + 1
	}
	units := 0
	for off < len(text) && text[off] != '\n' && units < char {
		r, size := utf8.DecodeRuneInString(text[off:])
		units += len(utf16.Encode([]rune{r}))
		off += size
	}
	return off
}

// lspPosition converts a byte offset to a UTF-16 position.
func lspPosition(text string, off int) protocol.Position {
	line := strings.Count(text[:off], "\n")
	start := strings.LastIndexByte(text[:off], '\n') + 1
	return protocol.Position{Line: uint32(line), Character: uint32(len(utf16.Encode([]rune(text[start:off]))))}
}

// TestRandomEditsMatchFullAnalysis sends random incremental edits with
// UTF-16 positions over non-ASCII text and checks that the diagnostics of
// the final version equal those of analysing the final text from scratch.
func TestRandomEditsMatchFullAnalysis(t *testing.T) {
	base := `import asyncio
import time


async def fetch(name):  # café 東京 🚀
    time.sleep(0.1)
    await asyncio.sleep(1)
    return "é" + name


async def main():
    fetch("x")
    asyncio.create_task(fetch("🚀"))
    await fetch("東")
`
	pieces := []string{"a", " ", "\n", "(", ")", ":", "é", "東", "🚀", "time.sleep(1)\n    ", "await ", "fetch(1)", "#", "\"", "    "}
	for seed := int64(1); seed <= 6; seed++ {
		// A session per sequence: some rules look at the whole project, so
		// the reference analysis must see exactly the same modules.
		dir := t.TempDir()
		c := newClient(t, startInProcess(t, Options{}))
		c.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
		r := rand.New(rand.NewSource(seed))
		u := uri.File(filepath.Join(dir, fmt.Sprintf("m%d.py", seed)))
		text := base
		c.open(u, text)
		version := int32(1)
		for step := 0; step < 25; step++ {
			var changes []protocol.TextDocumentContentChangeEvent
			for n := 1 + r.Intn(2); n > 0; n-- {
				start := r.Intn(len(text) + 1)
				for start > 0 && start < len(text) && !utf8.RuneStart(text[start]) {
					start--
				}
				end := start + r.Intn(6)
				if end > len(text) {
					end = len(text)
				}
				for end < len(text) && !utf8.RuneStart(text[end]) {
					end++
				}
				ins := ""
				if r.Intn(3) != 0 {
					ins = pieces[r.Intn(len(pieces))]
				}
				changes = append(changes, &protocol.TextDocumentContentChangePartial{
					Range: protocol.Range{Start: lspPosition(text, start), End: lspPosition(text, end)}, Text: ins,
				})
				// Check the client-side conversion round-trips before relying on it.
				if got := utf16Offset(text, int(lspPosition(text, start).Line), int(lspPosition(text, start).Character)); got != start {
					t.Fatalf("test conversion broken: %d != %d", got, start)
				}
				text = text[:start] + ins + text[end:]
			}
			version++
			c.change(u, version, changes...)
		}
		got := c.waitDiagnostics(u, version)
		src := []byte(text)
		mod := lint.BuildModule(analysis.NewLayout(dir, nil), u.FsPath(), src)
		want := rules.Check(mod, analysis.NewProject(dir, []*analysis.Module{mod}), config.Default().Options(u.FsPath()))
		var wantText, gotText []string
		for _, d := range want {
			start := lspPosition(text, d.StartByte)
			end := lspPosition(text, d.EndByte)
			wantText = append(wantText, fmt.Sprintf("%s %d:%d-%d:%d", d.Code, start.Line, start.Character, end.Line, end.Character))
		}
		for _, d := range got {
			gotText = append(gotText, fmt.Sprintf("%s %d:%d-%d:%d", diagnosticCode(d), d.Range.Start.Line, d.Range.Start.Character, d.Range.End.Line, d.Range.End.Character))
		}
		if strings.Join(sorted(gotText), "\n") != strings.Join(sorted(wantText), "\n") {
			t.Fatalf("seed %d: after the edits\n%s\nserver: %v\nfull analysis: %v", seed, text, sorted(gotText), sorted(wantText))
		}
		c.shutdownAndExit()
	}
}

// TestWorkspaceIndexAndDependents checks cross-module findings against files
// that are not open (the index), $/progress, and re-publishing a dependent
// when a module it uses changes.
func TestWorkspaceIndexAndDependents(t *testing.T) {
	helpers := "def load():\n    return 1\n"
	app := "from helpers import load\n\n\nasync def handler():\n    load()\n    await handler()\n"
	dir := writeFiles(t, map[string]string{"helpers.py": helpers + "\n\ndef slow():\n    import time\n    time.sleep(1)\n", "app.py": app})
	// helpers.py on disk blocks only in slow(); the editor's buffer will make load() block.
	caps := utf16Caps()
	yes := true
	caps.Window = &protocol.WindowClientCapabilities{WorkDoneProgress: &yes}
	c := newClient(t, startInProcess(t, Options{}))
	c.initialize(dir, caps, `{"debounceMs": 0, "logLevel": "debug"}`)
	c.waitFor("indexing progress to end", func() bool {
		return len(c.progress) > 0 && c.progress[len(c.progress)-1] == "end"
	})
	if c.progress[0] != "begin" {
		t.Errorf("progress %v does not begin with begin", c.progress)
	}
	appURI := uri.File(filepath.Join(dir, "app.py"))
	c.open(appURI, app)
	if diags := c.waitDiagnostics(appURI, 1); hasCode(diags, "ASL201") {
		t.Fatalf("ASL201 before load() blocks: %v", codes(diags))
	}
	// Editing helpers.py so that load() blocks re-publishes app.py.
	helpersURI := uri.File(filepath.Join(dir, "helpers.py"))
	c.open(helpersURI, helpers)
	c.change(helpersURI, 2, partial(1, 4, 1, 12, "import time; time.sleep(1)"))
	c.waitDiagnosticsWhere(appURI, "ASL201 in app.py after helpers.py changed", func(d []protocol.Diagnostic) bool {
		return hasCode(d, "ASL201")
	})
	diags := c.waitDiagnosticsWhere(appURI, "ASL201", func(d []protocol.Diagnostic) bool { return hasCode(d, "ASL201") })
	for _, d := range diags {
		if diagnosticCode(d) == "ASL201" && (len(d.RelatedInformation) == 0 || d.RelatedInformation[0].Location.URI != helpersURI) {
			t.Errorf("ASL201 related information %+v does not point into helpers.py", d.RelatedInformation)
		}
	}
	c.shutdownAndExit()

	// Without the client capability there is no $/progress.
	c2 := newClient(t, startInProcess(t, Options{}))
	c2.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
	c2.open(appURI, app)
	c2.waitDiagnostics(appURI, 1)
	c2.shutdownAndExit()
	if len(c2.progress) != 0 || containsString(c2.requests, protocol.MethodWindowWorkDoneProgressCreate) {
		t.Errorf("progress sent to a client without workDoneProgress: %v %v", c2.progress, c2.requests)
	}
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestConfiguration(t *testing.T) {
	src := blockingSrc + "\n\nasync def other():\n    open('x')\n    await other()\n"
	t.Run("pyproject", func(t *testing.T) {
		dir := writeFiles(t, map[string]string{"app.py": src, "pyproject.toml": "[tool.asyncls]\nignore = [\"ASYNC251\"]\n"})
		u := uri.File(filepath.Join(dir, "app.py"))
		c := newClient(t, startInProcess(t, Options{}))
		c.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
		c.open(u, src)
		if diags := c.waitDiagnostics(u, 1); hasCode(diags, "ASYNC251") || !hasCode(diags, "ASYNC230") {
			t.Fatalf("with ASYNC251 ignored in pyproject.toml: %v", codes(diags))
		}
		// Changing pyproject.toml (reported by the client's watcher) reloads it.
		os.WriteFile(filepath.Join(dir, "pyproject.toml"), []byte("[tool.asyncls]\nignore = [\"ASYNC230\"]\n"), 0o644)
		c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{{
			URI: uri.File(filepath.Join(dir, "pyproject.toml")), Type: protocol.FileChangeTypeChanged,
		}}})
		c.waitDiagnosticsWhere(u, "the new configuration", func(d []protocol.Diagnostic) bool {
			return hasCode(d, "ASYNC251") && !hasCode(d, "ASYNC230")
		})
		c.shutdownAndExit()
	})
	t.Run("settings", func(t *testing.T) {
		dir := writeFiles(t, map[string]string{"app.py": src})
		u := uri.File(filepath.Join(dir, "app.py"))
		c := newClient(t, startInProcess(t, Options{}))
		yes := true
		caps := utf16Caps()
		caps.Workspace = &protocol.WorkspaceClientCapabilities{Configuration: &yes}
		// workspace/configuration wins over initializationOptions.
		c.settings = []byte(`{"select": ["ASYNC230"]}`)
		c.initialize(dir, caps, `{"debounceMs": 0, "select": ["ASYNC251"]}`)
		c.open(u, src)
		c.waitDiagnosticsWhere(u, "only ASYNC230", func(d []protocol.Diagnostic) bool {
			return strings.Join(codes(d), ",") == "ASYNC230"
		})
		c.mu.Lock()
		c.settings = []byte(`{"ignore": ["ASYNC230"]}`)
		c.mu.Unlock()
		c.notify(protocol.MethodWorkspaceDidChangeConfiguration, &protocol.DidChangeConfigurationParams{Settings: []byte(`null`)})
		c.waitDiagnosticsWhere(u, "select from initializationOptions, ignore from the new settings", func(d []protocol.Diagnostic) bool {
			return strings.Join(codes(d), ",") == "ASYNC251"
		})
		c.shutdownAndExit()
	})
	t.Run("bad", func(t *testing.T) {
		dir := writeFiles(t, map[string]string{"app.py": src, "pyproject.toml": "[tool.asyncls]\nselect = [\"ASLNOPE1\"]\n"})
		u := uri.File(filepath.Join(dir, "app.py"))
		c := newClient(t, startInProcess(t, Options{}))
		c.initialize(dir, utf16Caps(), `{"debounceMs": 0, "colour": "blue"}`)
		c.open(u, src)
		if diags := c.waitDiagnostics(u, 1); !hasCode(diags, "ASYNC251") || !hasCode(diags, "ASYNC230") {
			t.Fatalf("a bad configuration should fall back to the defaults: %v", codes(diags))
		}
		c.waitFor("both problems shown", func() bool {
			var all []string
			for _, m := range c.messages {
				all = append(all, m.Message)
			}
			joined := strings.Join(all, "\n")
			return strings.Contains(joined, "colour") && strings.Contains(joined, "ASLNOPE1")
		})
		c.shutdownAndExit()
	})
}

func TestPullDiagnostics(t *testing.T) {
	dir := writeFiles(t, map[string]string{"app.py": blockingSrc})
	u := uri.File(filepath.Join(dir, "app.py"))
	caps := utf16Caps()
	caps.TextDocument = &protocol.TextDocumentClientCapabilities{Diagnostic: &protocol.DiagnosticClientCapabilities{}}
	c := newClient(t, startInProcess(t, Options{}))
	res := c.initialize(dir, caps, `{"debounceMs": 0}`)
	if res.Capabilities.DiagnosticProvider == nil {
		t.Fatal("pull diagnostics not offered to a client that supports them")
	}
	c.open(u, blockingSrc)
	var report protocol.DocumentDiagnosticReport
	if err := c.call(protocol.MethodTextDocumentDiagnostic, &protocol.DocumentDiagnosticParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}, &report); err != nil {
		t.Fatal(err)
	}
	full, ok := report.(*protocol.RelatedFullDocumentDiagnosticReport)
	if !ok || full.Kind != "full" || !hasCode(full.Items, "ASYNC251") {
		t.Fatalf("pull report %#v", report)
	}
	// Once pulled, pushed diagnostics are cleared so the client shows each finding once.
	c.waitDiagnosticsWhere(u, "pushed diagnostics cleared", func(d []protocol.Diagnostic) bool { return len(d) == 0 })
	c.shutdownAndExit()
}

func TestFixAllEdit(t *testing.T) {
	s := newServer(Options{})
	src := "x = 1  # é\ny = 2\n"
	f := analysis.Parse("f.py", []byte(src))
	sn := &snapshot{version: 1, file: f}
	sn.result = &result{diags: []rules.Diagnostic{
		{Code: "X1", StartByte: 4, EndByte: 5, Fix: &rules.Fix{Title: "t", Safe: true, Edits: []rules.Edit{{Start: 4, End: 5, New: "10"}}}},
		{Code: "X2", StartByte: 16, EndByte: 17, Fix: &rules.Fix{Title: "t", Safe: true, Edits: []rules.Edit{{Start: 16, End: 17, New: "20"}}}},
		{Code: "X3", StartByte: 0, EndByte: 1, Fix: &rules.Fix{Title: "unsafe", Safe: false, Edits: []rules.Edit{{Start: 0, End: 1, New: "z"}}}},
	}}
	edit, ok := s.fixAllEdit(context.Background(), sn)
	if !ok {
		t.Fatal("no fix-all edit")
	}
	li := f.Lines
	start := s.offset(li, edit.Range.Start)
	end := s.offset(li, edit.Range.End)
	got := src[:start] + edit.NewText + src[end:]
	if got != "x = 10  # é\ny = 20\n" {
		t.Fatalf("fix all gives %q", got)
	}
}

// TestWatchedFiles updates the index from disk changes reported by the
// client and re-publishes the open documents that import the changed module.
func TestWatchedFiles(t *testing.T) {
	app := "from helpers import load\n\n\nasync def handler():\n    load()\n    await handler()\n"
	dir := writeFiles(t, map[string]string{"helpers.py": "def load():\n    return 1\n", "app.py": app})
	c := newClient(t, startInProcess(t, Options{}))
	yes := true
	caps := utf16Caps()
	caps.Workspace = &protocol.WorkspaceClientCapabilities{DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesClientCapabilities{DynamicRegistration: &yes}}
	c.initialize(dir, caps, `{"debounceMs": 0}`)
	c.waitFor("file watchers registered", func() bool { return containsString(c.requests, protocol.MethodClientRegisterCapability) })
	appURI := uri.File(filepath.Join(dir, "app.py"))
	c.open(appURI, app)
	if diags := c.waitDiagnostics(appURI, 1); hasCode(diags, "ASL201") {
		t.Fatalf("ASL201 before load() blocks: %v", codes(diags))
	}
	helpers := filepath.Join(dir, "helpers.py")
	notify := func(kind protocol.FileChangeType) {
		c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{{URI: uri.File(helpers), Type: kind}}})
	}
	if err := os.WriteFile(helpers, []byte("import time\n\n\ndef load():\n    time.sleep(1)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	notify(protocol.FileChangeTypeChanged)
	c.waitDiagnosticsWhere(appURI, "ASL201 after helpers.py changed on disk", func(d []protocol.Diagnostic) bool { return hasCode(d, "ASL201") })
	os.Remove(helpers)
	notify(protocol.FileChangeTypeDeleted)
	c.waitDiagnosticsWhere(appURI, "ASL201 gone after helpers.py was deleted", func(d []protocol.Diagnostic) bool { return !hasCode(d, "ASL201") })
	c.shutdownAndExit()
}

// TestWorkspaceFoldersChange: a folder added later is indexed as a project
// of its own (its helpers module is not the other folder's helpers module
// of the same name), and the files of a removed folder leave the index.
func TestWorkspaceFoldersChange(t *testing.T) {
	app := "from helpers import load\n\n\nasync def handler():\n    load()\n    await handler()\n"
	top := writeFiles(t, map[string]string{
		"a/pyproject.toml": "[project]\nname = \"a\"\n", "a/app.py": app, "a/helpers.py": "def load():\n    return 1\n",
		"b/pyproject.toml": "[project]\nname = \"b\"\n", "b/app.py": app, "b/helpers.py": "import time\n\n\ndef load():\n    time.sleep(1)\n",
	})
	a, b := filepath.Join(top, "a"), filepath.Join(top, "b")
	c := newClient(t, startInProcess(t, Options{}))
	c.initialize(a, utf16Caps(), `{"debounceMs": 0}`)
	aURI, bURI := uri.File(filepath.Join(a, "app.py")), uri.File(filepath.Join(b, "app.py"))
	c.open(aURI, app)
	folders := func(added, removed string) {
		var ev protocol.WorkspaceFoldersChangeEvent
		if added != "" {
			ev.Added = []protocol.WorkspaceFolder{{URI: uri.File(added), Name: "b"}}
		}
		if removed != "" {
			ev.Removed = []protocol.WorkspaceFolder{{URI: uri.File(removed), Name: "b"}}
		}
		c.notify(protocol.MethodWorkspaceDidChangeWorkspaceFolders, &protocol.DidChangeWorkspaceFoldersParams{Event: ev})
	}
	folders(b, "")
	c.open(bURI, app)
	c.waitDiagnosticsWhere(bURI, "ASL201 through b/helpers.py once b is a folder", func(d []protocol.Diagnostic) bool { return hasCode(d, "ASL201") })
	if d := c.waitDiagnostics(aURI, 1); hasCode(d, "ASL201") {
		t.Errorf("a/app.py reports b/helpers.py's blocking call: %v", codes(d))
	}
	folders("", b)
	c.waitDiagnosticsWhere(bURI, "ASL201 gone once b/helpers.py left the index with its folder", func(d []protocol.Diagnostic) bool { return !hasCode(d, "ASL201") })
	c.shutdownAndExit()
}

// TestEditReanalysesIndirectDependents: a module's findings depend on the
// modules it imports directly or not, and on the names any module uses as
// values (ASYNC124), so an edit re-publishes the open documents that import
// the module through another one, and those a project-wide fact concerns.
func TestEditReanalysesIndirectDependents(t *testing.T) {
	low := "def load():\n    return 1\n"
	mid := "from low import load\n\n\ndef fetch():\n    return load()\n"
	top := "from mid import fetch\n\n\nasync def handler():\n    fetch()\n    await handler()\n"
	idle := "async def ping():\n    return 1\n"
	other := "x = 1\n"
	// ASYNC124 is off by default.
	pyproject := "[tool.asyncls]\nextend-select = [\"ASYNC124\"]\n"
	dir := writeFiles(t, map[string]string{"low.py": low, "mid.py": mid, "top.py": top, "idle.py": idle, "other.py": other,
		"pyproject.toml": pyproject})
	c := newClient(t, startInProcess(t, Options{}))
	c.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
	topURI := uri.File(filepath.Join(dir, "top.py"))
	idleURI := uri.File(filepath.Join(dir, "idle.py"))
	c.open(topURI, top)
	c.open(idleURI, idle)
	if diags := c.waitDiagnostics(topURI, 1); hasCode(diags, "ASL201") {
		t.Fatalf("ASL201 before load() blocks: %v", codes(diags))
	}
	if diags := c.waitDiagnostics(idleURI, 1); !hasCode(diags, "ASYNC124") {
		t.Fatalf("ASYNC124 missing on ping(), which never awaits: %v", codes(diags))
	}
	// top.py imports low.py only through mid.py.
	lowURI := uri.File(filepath.Join(dir, "low.py"))
	c.open(lowURI, low)
	c.change(lowURI, 2, partial(1, 4, 1, 12, "import time; time.sleep(1)"))
	c.waitDiagnosticsWhere(topURI, "ASL201 in top.py after low.py changed", func(d []protocol.Diagnostic) bool {
		return hasCode(d, "ASL201")
	})
	// other.py imports nothing, but using ping as a value (a callback
	// handed on) means ping must stay a coroutine function.
	otherURI := uri.File(filepath.Join(dir, "other.py"))
	c.open(otherURI, other)
	c.change(otherURI, 2, partial(0, 4, 0, 5, "[ping]"))
	c.waitDiagnosticsWhere(idleURI, "no ASYNC124 in idle.py once other.py uses ping as a value", func(d []protocol.Diagnostic) bool {
		return !hasCode(d, "ASYNC124")
	})
	c.shutdownAndExit()
}

// TestEditOfPrivateMethodElsewhere: a private method called on a receiver
// of unknown type is a coroutine while the project defines it only as an
// async def (ASL102), in modules the caller does not import, so an edit
// that defines it synchronously in another module re-publishes the caller.
func TestEditOfPrivateMethodElsewhere(t *testing.T) {
	models := "async def fetch(thread):\n    data = thread._forced_fetch(1)\n    return data.get('m')\n"
	threads := "class Thread:\n    async def _forced_fetch(self, mid):\n        return {}\n"
	other := "x = 1\n"
	dir := writeFiles(t, map[string]string{"models.py": models, "threads.py": threads, "other.py": other})
	c := newClient(t, startInProcess(t, Options{}))
	c.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
	modelsURI := uri.File(filepath.Join(dir, "models.py"))
	c.open(modelsURI, models)
	// The first publication may come before the workspace is indexed.
	c.waitDiagnosticsWhere(modelsURI, "ASL102 on thread._forced_fetch(1) once threads.py is indexed", func(d []protocol.Diagnostic) bool {
		return hasCode(d, "ASL102")
	})
	otherURI := uri.File(filepath.Join(dir, "other.py"))
	c.open(otherURI, other)
	c.change(otherURI, 2, partial(0, 0, 0, 5, "def _forced_fetch(mid):\n    return {}\n"))
	c.waitDiagnosticsWhere(modelsURI, "no ASL102 in models.py once other.py defines a sync _forced_fetch", func(d []protocol.Diagnostic) bool {
		return !hasCode(d, "ASL102")
	})
	c.change(otherURI, 3, partial(0, 0, 1, 13, "x = 1"))
	c.waitDiagnosticsWhere(modelsURI, "ASL102 in models.py again once other.py no longer defines _forced_fetch", func(d []protocol.Diagnostic) bool {
		return hasCode(d, "ASL102")
	})
	c.shutdownAndExit()
}

// TestEditOfCallerElsewhere: an untyped constructor parameter takes the type
// the project's calls in other modules pass it (ASL102 on the handler's
// self.nc.publish(...) with a nats client), so an edit of the calling module,
// which the handler does not import, re-publishes the handler. The edit
// swaps two annotations: the names consumer.py uses as values stay the same
// and it passes no name positionally (which would make it a possible
// thread hand-off and re-publish every open document), so only
// CallSiteFacts in ProjectWideFacts tells the server (the test failed
// without it).
func TestEditOfCallerElsewhere(t *testing.T) {
	handler := "class Handler:\n    def __init__(self, nc):\n        self.nc = nc\n\n    def handle(self):\n        self.nc.publish('s', b'')\n"
	consumer := "from nats.aio.client import Client\n\nfrom handler import Handler\n\n\nclass App:\n    nc: Client\n    bus: int\n\n    def make(self):\n        Handler(nc=self.nc).handle()\n"
	dir := writeFiles(t, map[string]string{"handler.py": handler, "consumer.py": consumer})
	c := newClient(t, startInProcess(t, Options{}))
	c.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
	handlerURI := uri.File(filepath.Join(dir, "handler.py"))
	c.open(handlerURI, handler)
	// The first publication may come before the workspace is indexed.
	c.waitDiagnosticsWhere(handlerURI, "ASL102 on self.nc.publish(...) once consumer.py is indexed", func(d []protocol.Diagnostic) bool {
		return hasCode(d, "ASL102")
	})
	consumerURI := uri.File(filepath.Join(dir, "consumer.py"))
	c.open(consumerURI, consumer)
	c.waitDiagnostics(consumerURI, 1) // its first analysis and cascade done
	// Only the type of what consumer.py passes changes (an int).
	c.change(consumerURI, 2, partial(6, 8, 7, 12, "int\n    bus: Client"))
	c.waitDiagnosticsWhere(handlerURI, "no ASL102 in handler.py once consumer.py passes an int", func(d []protocol.Diagnostic) bool {
		return !hasCode(d, "ASL102")
	})
	c.change(consumerURI, 3, partial(6, 8, 7, 15, "Client\n    bus: int"))
	c.waitDiagnosticsWhere(handlerURI, "ASL102 in handler.py again once consumer.py passes a nats client", func(d []protocol.Diagnostic) bool {
		return hasCode(d, "ASL102")
	})
	c.shutdownAndExit()
}

// TestDependencyDeclarationsWatched: editing requirements.txt re-analyses
// the open documents below it with the new declarations (discord.py 1.x
// pinned: reload_extension is a plain method; 2.x: a coroutine).
func TestDependencyDeclarationsWatched(t *testing.T) {
	bot := "from discord.ext import commands\n\n\nclass Admin(commands.Cog):\n    def __init__(self, bot: commands.Bot) -> None:\n        self.bot = bot\n\n    async def reload(self, name: str) -> None:\n        self.bot.reload_extension(name)\n"
	dir := writeFiles(t, map[string]string{"requirements.txt": "discord.py==1.7.3\n", "bot.py": bot})
	c := newClient(t, startInProcess(t, Options{}))
	yes := true
	caps := utf16Caps()
	caps.Workspace = &protocol.WorkspaceClientCapabilities{DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesClientCapabilities{DynamicRegistration: &yes}}
	c.initialize(dir, caps, `{"debounceMs": 0}`)
	c.waitFor("file watchers registered", func() bool { return containsString(c.requests, protocol.MethodClientRegisterCapability) })
	botURI := uri.File(filepath.Join(dir, "bot.py"))
	c.open(botURI, bot)
	if diags := c.waitDiagnostics(botURI, 1); hasCode(diags, "ASL102") {
		t.Fatalf("ASL102 with discord.py 1.7.3 pinned: %v", codes(diags))
	}
	reqs := filepath.Join(dir, "requirements.txt")
	if err := os.WriteFile(reqs, []byte("discord.py>=2.0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{{URI: uri.File(reqs), Type: protocol.FileChangeTypeChanged}}})
	c.waitDiagnosticsWhere(botURI, "ASL102 once requirements.txt asks for discord.py 2", func(d []protocol.Diagnostic) bool { return hasCode(d, "ASL102") })
	c.shutdownAndExit()
}
