package server

import (
	"os"
	"path/filepath"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// hasCodeOnLine reports whether a diagnostic with code starts on line (0-based).
func hasCodeOnLine(diags []protocol.Diagnostic, code string, line uint32) bool {
	for _, d := range diags {
		if diagnosticCode(d) == code && d.Range.Start.Line == line {
			return true
		}
	}
	return false
}

// TestWatchedLinkOutsideWorkspaceIsNotRead: a watched-file event for a
// symbolic link inside the workspace whose target is outside it must not
// make the server read the target (its content would reach diagnostics and
// hovers). A change to a file inside the workspace, in the same event, is
// read: that is the control.
func TestWatchedLinkOutsideWorkspaceIsNotRead(t *testing.T) {
	base := t.TempDir()
	outside := filepath.Join(base, "outside")
	dir := filepath.Join(base, "ws")
	for _, d := range []string{outside, dir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	app := "from helpers import load\nfrom local import work\n\n\nasync def handler():\n    load()\n    work()\n    await handler()\n"
	blockingLoad := "import time\n\n\ndef load():\n    time.sleep(1)\n"
	os.WriteFile(filepath.Join(outside, "secret.py"), []byte(blockingLoad), 0o644)
	os.WriteFile(filepath.Join(dir, "app.py"), []byte(app), 0o644)
	local := filepath.Join(dir, "local.py")
	os.WriteFile(local, []byte("def work():\n    return 1\n"), 0o644)
	helpers := filepath.Join(dir, "helpers.py")

	c := newClient(t, startInProcess(t, Options{}))
	c.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
	appURI := uri.File(filepath.Join(dir, "app.py"))
	c.open(appURI, app)
	if diags := c.waitDiagnostics(appURI, 1); hasCode(diags, "ASL201") {
		t.Fatalf("ASL201 before anything blocks: %v", codes(diags))
	}
	if err := os.Symlink(filepath.Join(outside, "secret.py"), helpers); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(local, []byte("import time\n\n\ndef work():\n    time.sleep(1)\n"), 0o644)
	c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{
		{URI: uri.File(helpers), Type: protocol.FileChangeTypeCreated},
		{URI: uri.File(local), Type: protocol.FileChangeTypeChanged},
	}})
	diags := c.waitDiagnosticsWhere(appURI, "ASL201 at work() after local.py changed", func(d []protocol.Diagnostic) bool {
		return hasCodeOnLine(d, "ASL201", 6)
	})
	if hasCodeOnLine(diags, "ASL201", 5) {
		t.Errorf("load(), defined outside the workspace behind a link, was read: %v", codes(diags))
	}
	c.shutdownAndExit()
}

// TestLinkedWorkspaceRootIsIndexed: a workspace folder that is a symbolic
// link to the project is indexed (it used to index nothing), so a
// cross-file finding shows without opening the other file.
func TestLinkedWorkspaceRootIsIndexed(t *testing.T) {
	base := t.TempDir()
	real := filepath.Join(base, "real")
	os.MkdirAll(real, 0o755)
	app := "from helpers import load\n\n\nasync def handler():\n    load()\n    await handler()\n"
	os.WriteFile(filepath.Join(real, "helpers.py"), []byte("import time\n\n\ndef load():\n    time.sleep(1)\n"), 0o644)
	os.WriteFile(filepath.Join(real, "app.py"), []byte(app), 0o644)
	link := filepath.Join(base, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	c := newClient(t, startInProcess(t, Options{}))
	c.initialize(link, utf16Caps(), `{"debounceMs": 0}`)
	appURI := uri.File(filepath.Join(link, "app.py"))
	c.open(appURI, app)
	c.waitDiagnosticsWhere(appURI, "ASL201 through helpers.py, found by indexing the linked root", func(d []protocol.Diagnostic) bool {
		return hasCodeOnLine(d, "ASL201", 4)
	})
	c.shutdownAndExit()
}

// TestDeviceLinksInWorkspace: a link named x.py or pyproject.toml to
// /dev/zero in the workspace is never read (it used to take gigabytes):
// indexing ends and the other files get their diagnostics.
func TestDeviceLinksInWorkspace(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	dir := t.TempDir()
	app := "import time\n\n\nasync def handler():\n    time.sleep(1)\n"
	os.WriteFile(filepath.Join(dir, "app.py"), []byte(app), 0o644)
	for _, name := range []string{"x.py", "pyproject.toml"} {
		if err := os.Symlink("/dev/zero", filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	c := newClient(t, startInProcess(t, Options{}))
	c.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
	appURI := uri.File(filepath.Join(dir, "app.py"))
	c.open(appURI, app)
	if diags := c.waitDiagnostics(appURI, 1); !hasCode(diags, "ASYNC251") {
		t.Errorf("app.py: %v", codes(diags))
	}
	c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{
		{URI: uri.File(filepath.Join(dir, "x.py")), Type: protocol.FileChangeTypeChanged},
		{URI: uri.File(filepath.Join(dir, "pyproject.toml")), Type: protocol.FileChangeTypeChanged},
	}})
	c.waitDiagnosticsWhere(appURI, "app.py re-analysed after the events", func(d []protocol.Diagnostic) bool { return hasCode(d, "ASYNC251") })
	c.shutdownAndExit()
}
