package server

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/asyncls/asyncls/lint"
)

// TestConfigurationProblemsShown: what a configuration accepts without
// effect (another linter's codes, in pyproject.toml or the editor
// settings) is shown as a warning naming the file and the key, once per
// change of that file; an invalid pyproject.toml is shown as an error
// naming the file and the key, and its files are analysed with the
// defaults meanwhile; fixing it applies it.
func TestConfigurationProblemsShown(t *testing.T) {
	src := blockingSrc + "\n\nasync def other():\n    open('x')\n    await other()\n"
	pyproject := "[tool.asyncls]\nignore = [\"ASYNC251\", \"ASYNC115\"]\n"
	dir := writeFiles(t, map[string]string{"app.py": src, "pyproject.toml": pyproject})
	file := filepath.Join(dir, "pyproject.toml")
	u := uri.File(filepath.Join(dir, "app.py"))
	c := newClient(t, startInProcess(t, Options{}))
	c.initialize(dir, utf16Caps(), `{"debounceMs": 0, "extendSelect": ["E501"]}`)
	c.open(u, src)
	c.waitDiagnosticsWhere(u, "ASYNC251 ignored, the rest of pyproject.toml applied", func(d []protocol.Diagnostic) bool {
		return !hasCode(d, "ASYNC251") && hasCode(d, "ASYNC230")
	})
	// shown counts the messages of kind holding every part (c.mu held:
	// waitFor holds it while it asks).
	shown := func(kind protocol.MessageType, parts ...string) int {
		n := 0
	messages:
		for _, m := range c.messages {
			if m.Type != kind {
				continue
			}
			for _, p := range parts {
				if !strings.Contains(m.Message, p) {
					continue messages
				}
			}
			n++
		}
		return n
	}
	c.waitFor("the foreign code of pyproject.toml and of the settings warned about", func() bool {
		return shown(protocol.MessageTypeWarning, file, "ignore", `"ASYNC115"`) == 1 &&
			shown(protocol.MessageTypeWarning, "editor settings", "extendSelect", `"E501"`) == 1
	})
	// Edits re-analyse with the same configuration: nothing is shown again.
	for v := int32(2); v <= 4; v++ {
		c.change(u, v, &protocol.TextDocumentContentChangeWholeDocument{Text: src + strings.Repeat("\n", int(v))})
		c.waitDiagnostics(u, v)
	}
	c.mu.Lock()
	n := shown(protocol.MessageTypeWarning, file, `"ASYNC115"`)
	c.mu.Unlock()
	if n != 1 {
		t.Errorf("the warning about ASYNC115 was shown %d times for one version of pyproject.toml", n)
	}

	changeConfig := func(text string) {
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{{
			URI: uri.File(file), Type: protocol.FileChangeTypeChanged,
		}}})
	}
	changeConfig("[tool.asyncls]\nignore = [\"ASYNC251\"]\ncolour = \"blue\"\n")
	c.waitFor("the unknown key shown as an error naming the file", func() bool {
		return shown(protocol.MessageTypeError, file, `"colour"`) == 1
	})
	c.waitDiagnosticsWhere(u, "the defaults while pyproject.toml is invalid", func(d []protocol.Diagnostic) bool {
		return hasCode(d, "ASYNC251") && hasCode(d, "ASYNC230")
	})
	changeConfig("[tool.asyncls]\nignore = [\"ASYNC230\"]\n")
	c.waitDiagnosticsWhere(u, "the fixed pyproject.toml applied", func(d []protocol.Diagnostic) bool {
		return hasCode(d, "ASYNC251") && !hasCode(d, "ASYNC230")
	})
	c.shutdownAndExit()
}

// TestConfigChangesCoalesced: pyproject.toml changes reported one at a
// time are applied together once the burst is over, and re-analyse only
// the open documents those files configure (not the other project's).
func TestConfigChangesCoalesced(t *testing.T) {
	src := blockingSrc
	top := writeFiles(t, map[string]string{
		"a/pyproject.toml": "[tool.asyncls]\n", "a/app.py": src,
		"b/pyproject.toml": "[tool.asyncls]\n", "b/app.py": src,
		"c/pyproject.toml": "[tool.asyncls]\n",
	})
	reloads := make(chan []string, 10)
	s := newServer(Options{
		ConfigEventDelay: time.Hour, // applied below, as the timer would
		Hooks: Hooks{ConfigReloaded: func(files []string, reanalysed []uri.URI) {
			var docs []string
			for _, u := range reanalysed {
				docs = append(docs, u.FsPath())
			}
			reloads <- append(files, docs...)
		}},
	})
	defer func() {
		s.cancel()
		s.waitBackground()
	}()
	s.ws.setFolders([]string{top})
	ctx := context.Background()
	for _, p := range []string{"a/app.py", "b/app.py"} {
		s.DidOpen(ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
			URI: uri.File(filepath.Join(top, p)), LanguageID: "python", Version: 1, Text: src,
		}})
	}
	for _, p := range []string{"a/pyproject.toml", "c/pyproject.toml", "a/pyproject.toml"} {
		s.DidChangeWatchedFiles(ctx, &protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{{
			URI: uri.File(filepath.Join(top, p)), Type: protocol.FileChangeTypeChanged,
		}}})
	}
	select {
	case got := <-reloads:
		t.Fatalf("applied before the burst was over: %v", got)
	default:
	}
	s.applyConfigChanges()
	got := strings.Join(<-reloads, " ")
	want := strings.Join([]string{filepath.Join(top, "a/pyproject.toml"), filepath.Join(top, "c/pyproject.toml"), filepath.Join(top, "a/app.py")}, " ")
	if got != want {
		t.Errorf("one reload of\n%s\nwant\n%s", got, want)
	}
	s.applyConfigChanges()
	select {
	case again := <-reloads:
		t.Errorf("a second reload with nothing changed: %v", again)
	default:
	}
}

// TestConfigChangeRewalksProject: a pyproject.toml change that excludes or
// includes files changes the project's files as check reads them, and the
// server follows: a module newly included is read (its blocking call is
// seen through the import), one newly excluded leaves, each time as check
// reports it.
func TestConfigChangeRewalksProject(t *testing.T) {
	app := "from generated.helpers import load\n\n\nasync def handler():\n    load()\n    await handler()\n"
	dir := writeFiles(t, map[string]string{
		"pyproject.toml":        "[tool.asyncls]\nexclude = [\"generated\"]\n",
		"app.py":                app,
		"generated/__init__.py": "",
		"generated/helpers.py":  "import time\n\n\ndef load():\n    time.sleep(1)\n",
	})
	file, path := filepath.Join(dir, "pyproject.toml"), filepath.Join(dir, "app.py")
	u := uri.File(path)
	c := newClient(t, startInProcess(t, Options{}))
	c.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
	c.open(u, app)
	agree := func(what string, wantASL201 bool) {
		t.Helper()
		res := lint.Check(lint.Request{Paths: []string{dir}, Configs: lint.NewConfigs(nil, nil)})
		var want []string
		for _, d := range res.Diagnostics {
			if d.Path == path {
				want = append(want, renderRule(d))
			}
		}
		if got := strings.Contains(strings.Join(want, "\n"), "ASL201"); got != wantASL201 {
			t.Fatalf("%s: check reports ASL201 %v, want %v: %v", what, got, wantASL201, want)
		}
		c.waitDiagnosticsWhere(u, what+": check's findings", func(diags []protocol.Diagnostic) bool {
			var got []string
			for _, d := range diags {
				got = append(got, renderLSP(d))
			}
			return strings.Join(sorted(got), "\n") == strings.Join(sorted(want), "\n")
		})
	}
	agree("generated/ excluded", false)
	changeConfig := func(text string) {
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{{
			URI: uri.File(file), Type: protocol.FileChangeTypeChanged,
		}}})
	}
	changeConfig("[tool.asyncls]\n")
	agree("generated/ included", true)
	changeConfig("[tool.asyncls]\nexclude = [\"generated\"]\n")
	agree("generated/ excluded again", false)
	c.shutdownAndExit()
}

// TestSettingsPerFolder: in a multi-root workspace each folder's files get
// the editor settings the client gives for that folder (workspace/
// configuration with its scopeUri).
func TestSettingsPerFolder(t *testing.T) {
	src := blockingSrc + "\n\nasync def other():\n    open('x')\n    await other()\n"
	top := writeFiles(t, map[string]string{"a/app.py": src, "b/app.py": src})
	a, b := filepath.Join(top, "a"), filepath.Join(top, "b")
	c := newClient(t, startInProcess(t, Options{}))
	yes := true
	caps := utf16Caps()
	caps.Workspace = &protocol.WorkspaceClientCapabilities{Configuration: &yes}
	c.scoped = map[uri.URI]json.RawMessage{
		uri.File(a): json.RawMessage(`{"select": ["ASYNC230"]}`),
		uri.File(b): json.RawMessage(`{"ignore": ["ASYNC230"]}`),
	}
	c.initializeFolders([]string{a, b}, caps, `{"debounceMs": 0}`)
	aURI, bURI := uri.File(filepath.Join(a, "app.py")), uri.File(filepath.Join(b, "app.py"))
	c.open(aURI, src)
	c.open(bURI, src)
	c.waitDiagnosticsWhere(aURI, "a/: only ASYNC230 (its folder selects it)", func(d []protocol.Diagnostic) bool {
		return strings.Join(codes(d), ",") == "ASYNC230"
	})
	c.waitDiagnosticsWhere(bURI, "b/: ASYNC251 without ASYNC230 (its folder ignores it)", func(d []protocol.Diagnostic) bool {
		return hasCode(d, "ASYNC251") && !hasCode(d, "ASYNC230")
	})
	c.shutdownAndExit()
}
