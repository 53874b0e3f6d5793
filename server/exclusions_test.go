package server

import (
	"os"
	"path/filepath"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/asyncls/asyncls/lint"
)

// TestGitignoreChangeWatched: while the client watches git's ignore files
// (.gitignore, .git/info/exclude), whether a document is excluded is
// remembered (an edit reads no ignore file), and a change of one told by
// the client (watched files, or the file saved in the editor) excludes or
// includes the document again, as `asyncls check .` then does.
func TestGitignoreChangeWatched(t *testing.T) {
	for _, name := range []string{".gitignore", ".git/info/exclude"} {
		t.Run(filepath.Base(name), func(t *testing.T) { testIgnoreFileChangeWatched(t, name) })
	}
}

// testIgnoreFileChangeWatched is TestGitignoreChangeWatched with the ignore
// file name (below the repository's top).
func testIgnoreFileChangeWatched(t *testing.T, name string) {
	dir := writeFiles(t, map[string]string{
		".git/HEAD": "ref: refs/heads/main\n",
		name:        "",
		"app.py":    blockingSrc,
	})
	ignore, path := filepath.Join(dir, name), filepath.Join(dir, "app.py")
	u := uri.File(path)
	c := newClient(t, startInProcess(t, Options{}))
	yes := true
	caps := utf16Caps()
	caps.Workspace = &protocol.WorkspaceClientCapabilities{DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesClientCapabilities{DynamicRegistration: &yes}}
	caps.Window = &protocol.WindowClientCapabilities{WorkDoneProgress: &yes}
	c.initialize(dir, caps, `{"debounceMs": 0}`)
	// The index starts (with its progress) once the watchers are registered.
	c.waitFor("indexing progress", func() bool { return containsString(c.requests, protocol.MethodWindowWorkDoneProgressCreate) })
	c.open(u, blockingSrc)
	if diags := c.waitDiagnostics(u, 1); !hasCode(diags, "ASYNC251") {
		t.Fatalf("app.py not reported before it is ignored: %v", codes(diags))
	}
	agree := func(what string, excluded bool) {
		t.Helper()
		res := lint.Check(lint.Request{Paths: []string{dir}, Configs: lint.NewConfigs(nil, nil)})
		reported := false
		for _, d := range res.Diagnostics {
			reported = reported || d.Path == path
		}
		if reported == excluded {
			t.Fatalf("%s: check . reports app.py: %v, want %v", what, reported, !excluded)
		}
		c.waitDiagnosticsWhere(u, what, func(d []protocol.Diagnostic) bool { return hasCode(d, "ASYNC251") != excluded })
	}
	writeIgnore := func(text string) {
		t.Helper()
		if err := os.WriteFile(ignore, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Changed on disk, not told: the answer kept is used.
	writeIgnore("app.py\n")
	c.change(u, 2, &protocol.TextDocumentContentChangeWholeDocument{Text: blockingSrc + "\n"})
	if diags := c.waitDiagnostics(u, 2); !hasCode(diags, "ASYNC251") {
		t.Fatalf("app.py excluded though no change of .gitignore was told: %v", codes(diags))
	}
	c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{{
		URI: uri.File(ignore), Type: protocol.FileChangeTypeChanged,
	}}})
	agree("excluded after "+name+" changed", true)

	writeIgnore("")
	c.notify(protocol.MethodTextDocumentDidSave, &protocol.DidSaveTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: uri.File(ignore)}})
	agree("included after "+name+" was saved", false)
	c.shutdownAndExit()
}

// TestGitignoreChangeUnwatched: a client that watches no files gets no
// remembered answer: a document is excluded as soon as .gitignore names it.
func TestGitignoreChangeUnwatched(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"pyproject.toml": "[project]\nname = \"x\"\n",
		"app.py":         blockingSrc,
	})
	u := uri.File(filepath.Join(dir, "app.py"))
	c := newClient(t, startInProcess(t, Options{}))
	c.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
	c.open(u, blockingSrc)
	if diags := c.waitDiagnostics(u, 1); !hasCode(diags, "ASYNC251") {
		t.Fatalf("app.py not reported before it is ignored: %v", codes(diags))
	}
	if err := os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("app.py\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.change(u, 2, &protocol.TextDocumentContentChangeWholeDocument{Text: blockingSrc + "\n"})
	if diags := c.waitDiagnostics(u, 2); len(diags) != 0 {
		t.Fatalf("app.py still reported after .gitignore names it: %v", codes(diags))
	}
	c.shutdownAndExit()
}

// TestExclusionCacheKeepsFirstAnswer: two analyses of a document miss the
// kept answer at once; the one whose computation ends later (reading an
// ignore file changed meanwhile, the change not told yet) gets the answer
// kept by the first, which stays until invalidate. It replaced it, and a
// change of .gitignore counted before it was told
// (TestGitignoreChangeWatched under load).
func TestExclusionCacheKeepsFirstAnswer(t *testing.T) {
	var c exclusionCache
	c.enable()
	const p = "/p/app.py"
	late := c.get(p, func() bool {
		// While this computation runs, another misses, computes and keeps
		// its answer.
		if first := c.get(p, func() bool { return false }); first {
			t.Fatalf("first answer = true, want false")
		}
		return true // the ignore file changed since
	})
	if late {
		t.Errorf("a computation that finished later replaced the kept answer: got true, want false")
	}
	if got := c.get(p, func() bool { t.Fatal("recomputed a kept answer"); return true }); got {
		t.Errorf("kept answer = true, want false")
	}
	// Once told (invalidate), the disk is read again.
	c.invalidate()
	if got := c.get(p, func() bool { return true }); !got {
		t.Errorf("after invalidate: got false, want the new answer true")
	}
	// An answer computed across an invalidate is not kept.
	c.get(p, func() bool { return true }) // kept
	c.invalidate()
	c.get(p, func() bool { c.invalidate(); return false })
	if got := c.get(p, func() bool { return true }); !got {
		t.Errorf("an answer computed across an invalidate was kept")
	}
}
