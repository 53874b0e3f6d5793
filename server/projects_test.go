package server

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/asyncls/asyncls/lint"
)

const handlerApp = "from helpers import load\n\n\nasync def handler():\n    load()\n    await handler()\n"

// TestWatchersCoverProjectMarkers: the client is asked to watch every
// project marker, so a root made while the server runs (`git init`) is
// noticed.
func TestWatchersCoverProjectMarkers(t *testing.T) {
	for _, marker := range lint.ProjectMarkers {
		covered := false
		for _, g := range watchedGlobs() {
			if ok, _ := path.Match(strings.TrimPrefix(g, "**/"), marker); ok {
				covered = true
			}
		}
		if !covered {
			t.Errorf("no watcher glob of %v matches the project marker %s", watchedGlobs(), marker)
		}
	}
}

// TestGitInitMakesProjectRoot: a `.git` directory created in a subdirectory
// of the folder makes that subdirectory a project of its own: its app.py,
// which has no helpers.py beside it, no longer imports the folder's (which
// blocks). (With a helpers.py of its own beside it, app.py imports that one
// in either project: its import root, sub/, provides the name.)
func TestGitInitMakesProjectRoot(t *testing.T) {
	top := writeFiles(t, map[string]string{
		"helpers.py": "import time\n\n\ndef load():\n    time.sleep(1)\n",
		"sub/app.py": handlerApp,
	})
	c := newClient(t, startInProcess(t, Options{}))
	c.initialize(top, utf16Caps(), `{"debounceMs": 0}`)
	appURI := uri.File(filepath.Join(top, "sub", "app.py"))
	c.open(appURI, handlerApp)
	c.waitDiagnosticsWhere(appURI, "ASL201 through the folder's helpers.py while sub/app.py is a module of the folder's project", func(d []protocol.Diagnostic) bool { return hasCode(d, "ASL201") })
	git := filepath.Join(top, "sub", ".git")
	if err := os.Mkdir(git, 0o755); err != nil {
		t.Fatal(err)
	}
	c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{
		Changes: []protocol.FileEvent{{URI: uri.File(git), Type: protocol.FileChangeTypeCreated}}})
	c.waitDiagnosticsWhere(appURI, "no ASL201 once sub/ is a git repository of its own", func(d []protocol.Diagnostic) bool { return !hasCode(d, "ASL201") })
	c.shutdownAndExit()
}

// TestDocumentOutsideFoldersUsesItsProject: a document opened outside every
// workspace folder is analysed with the project `asyncls check FILE` finds
// for it (the nearest project marker), read while a document of it is open
// and forgotten after; one under no marker is analysed alone.
func TestDocumentOutsideFoldersUsesItsProject(t *testing.T) {
	ws := writeFiles(t, map[string]string{"pyproject.toml": "[project]\nname = \"ws\"\n", "main.py": "x = 1\n"})
	other := writeFiles(t, map[string]string{
		"pyproject.toml": "[project]\nname = \"other\"\n",
		"app.py":         handlerApp,
		"helpers.py":     "import time\n\n\ndef load():\n    time.sleep(1)\n",
	})
	loose := writeFiles(t, map[string]string{
		"app.py":     handlerApp,
		"helpers.py": "import time\n\n\ndef load():\n    time.sleep(1)\n",
	})
	if lint.ProjectRoot(loose) != "" {
		t.Skipf("a project marker above %s", loose)
	}
	var log syncBuilder
	c := newClient(t, startInProcess(t, Options{Stderr: &log}))
	c.initialize(ws, utf16Caps(), `{"debounceMs": 0}`)
	looseURI := uri.File(filepath.Join(loose, "app.py"))
	otherURI := uri.File(filepath.Join(other, "app.py"))
	c.open(looseURI, handlerApp)
	c.open(otherURI, handlerApp)
	c.waitDiagnosticsWhere(otherURI, "ASL201 through other/helpers.py, read with its project", func(d []protocol.Diagnostic) bool {
		return hasCode(d, "ASL201")
	})
	// Indexing other/ re-analysed every open document: loose/app.py stays
	// alone (its directory is not read).
	if d := c.waitDiagnosticsWhere(looseURI, "diagnostics of loose/app.py", func([]protocol.Diagnostic) bool { return true }); hasCode(d, "ASL201") {
		t.Errorf("loose/app.py, under no project marker, was analysed with its directory: %v", codes(d))
	}

	// Closed, the project is forgotten: opened again after its helpers
	// changed on disk (no watcher covers it), it is read anew.
	c.notify(protocol.MethodTextDocumentDidClose, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: otherURI}})
	c.waitFor("the project of other/ released", func() bool { return strings.Contains(log.String(), "released the project(s)") })
	if err := os.WriteFile(filepath.Join(other, "helpers.py"), []byte("import subprocess\n\n\ndef load():\n    subprocess.run(['ls'])\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.open(otherURI, handlerApp)
	c.waitDiagnosticsWhere(otherURI, "ASL201 through the new other/helpers.py", func(d []protocol.Diagnostic) bool {
		for _, x := range d {
			if diagnosticCode(x) == "ASL201" && strings.Contains(fmt.Sprint(x.Message), "subprocess.run") {
				return true
			}
		}
		return false
	})
	c.shutdownAndExit()
}
