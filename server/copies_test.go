package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestCopyOfPackageAppearing: a second copy of a package created on disk
// (a/pkg beside b/pkg, first by path) renames b's copy, whose imports keep
// meaning b's own modules: b/pkg/app.py keeps its findings through b's
// util.py and gets none through a's.
func TestCopyOfPackageAppearing(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"pyproject.toml":    "[project]\nname = \"x\"\n",
		"b/pkg/__init__.py": "",
		"b/pkg/util.py":     "import time\n\n\ndef fetch():\n    time.sleep(1)\n\n\ndef load():\n    return 1\n\n\ndef extra():\n    return 1\n",
	})
	app := "from .util import extra, fetch, load\n\n\nasync def handler():\n    fetch()\n    load()\n    extra()\n"
	appPath := filepath.Join(dir, "b/pkg/app.py")
	os.WriteFile(appPath, []byte(app), 0o644)

	c := newClient(t, startInProcess(t, Options{ConfigEventDelay: 10 * time.Millisecond}))
	c.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
	appURI := uri.File(appPath)
	c.open(appURI, app)
	c.waitDiagnosticsWhere(appURI, "ASL201 at fetch() through b's util.py", func(d []protocol.Diagnostic) bool {
		return hasCodeOnLine(d, "ASL201", 4)
	})
	// a's copy blocks in load; b's util.py now blocks in extra too (which
	// shows the events were read).
	var created []protocol.FileEvent
	for name, text := range map[string]string{
		"a/pkg/__init__.py": "",
		"a/pkg/util.py":     "import time\n\n\ndef fetch():\n    return 1\n\n\ndef load():\n    time.sleep(1)\n\n\ndef extra():\n    return 1\n",
	} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
		created = append(created, protocol.FileEvent{URI: uri.File(p), Type: protocol.FileChangeTypeCreated})
	}
	bUtil := filepath.Join(dir, "b/pkg/util.py")
	os.WriteFile(bUtil, []byte("import time\n\n\ndef fetch():\n    time.sleep(1)\n\n\ndef load():\n    return 1\n\n\ndef extra():\n    time.sleep(1)\n"), 0o644)
	c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{Changes: append(created,
		protocol.FileEvent{URI: uri.File(bUtil), Type: protocol.FileChangeTypeChanged})})
	c.waitDiagnosticsWhere(appURI, "ASL201 at fetch() and extra() through b's util.py, none at load() through a's", func(d []protocol.Diagnostic) bool {
		return hasCodeOnLine(d, "ASL201", 4) && !hasCodeOnLine(d, "ASL201", 5) && hasCodeOnLine(d, "ASL201", 6)
	})
	// A hover on load() names it as it is imported, defined in b's copy.
	var h *protocol.Hover
	if err := c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: appURI}, Position: protocol.Position{Line: 5, Character: 5},
	}}, &h); err != nil {
		t.Fatal(err)
	}
	if h == nil {
		t.Fatal("no hover on load()")
	}
	if !strings.Contains(h.Contents.(*protocol.MarkupContent).Value, "`pkg.util.load` is a synchronous function, defined in `b/pkg/util.py`") {
		t.Errorf("hover on load(): %q", h.Contents.(*protocol.MarkupContent).Value)
	}
	c.shutdownAndExit()
}
