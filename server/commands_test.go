package server

import (
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// "Show documentation for CODE" is offered once per code and opens the
// rule's page with window/showDocument, or says where it is when the client
// cannot show documents.
func TestShowDocumentationAction(t *testing.T) {
	src := "import time\n\nasync def f():\n    time.sleep(1)\n    time.sleep(2)\n"
	for _, canShow := range []bool{true, false} {
		dir := writeFiles(t, map[string]string{"a.py": src})
		u := uri.File(filepath.Join(dir, "a.py"))
		c := newClient(t, startInProcess(t, Options{}))
		caps := utf16Caps()
		if canShow {
			caps.Window = &protocol.WindowClientCapabilities{ShowDocument: &protocol.ShowDocumentClientCapabilities{Support: true}}
		}
		res := c.initialize(dir, caps, `{"debounceMs": 0, "timingHints": false}`)
		if cmds := res.Capabilities.ExecuteCommandProvider.Commands; len(cmds) != 1 || cmds[0] != showDocumentationCommand {
			t.Fatalf("executeCommandProvider %v", cmds)
		}
		c.open(u, src)
		diags := c.waitDiagnostics(u, 1)
		var actions []protocol.CommandOrCodeAction
		if err := c.call(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: protocol.Range{End: protocol.Position{Line: 5}},
			Context: protocol.CodeActionContext{Diagnostics: diags},
		}, &actions); err != nil {
			t.Fatal(err)
		}
		var doc *protocol.CodeAction
		n := 0
		for _, a := range actions {
			if ca := a.(*protocol.CodeAction); ca.Title == "Show documentation for ASYNC251" {
				doc = ca
				n++
			}
		}
		if n != 1 || doc.Command.Command != showDocumentationCommand {
			t.Fatalf("want one documentation action for two ASYNC251 findings, got %d (%+v)", n, doc)
		}
		if err := c.call(protocol.MethodWorkspaceExecuteCommand, &protocol.ExecuteCommandParams{Command: doc.Command.Command, Arguments: doc.Command.Arguments}, nil); err != nil {
			t.Fatal(err)
		}
		const page = "https://github.com/asyncls/asyncls/blob/main/docs/rules/ASYNC251.md"
		if canShow {
			c.waitFor("showDocument", func() bool { return len(c.shown) == 1 && c.shown[0] == page })
		} else {
			c.waitFor("a message with the link", func() bool {
				for _, m := range c.messages {
					if strings.Contains(m.Message, page) {
						return true
					}
				}
				return false
			})
		}
		if err := c.call(protocol.MethodWorkspaceExecuteCommand, &protocol.ExecuteCommandParams{Command: showDocumentationCommand, Arguments: []protocol.LSPAny{protocol.LSPAny(`"NOPE1"`)}}, nil); err == nil {
			t.Error("an unknown rule code is an error")
		}
		c.shutdownAndExit()
	}
}

func TestEmptyArraySettingsAreNoSettings(t *testing.T) {
	for _, raw := range []string{`[]`, ` [ ] `, `{"asyncls": []}`} {
		if s, err := ParseSettings([]byte(raw)); err != nil || s.Select != nil {
			t.Errorf("%s: %+v %v", raw, s, err)
		}
	}
	if _, err := ParseSettings([]byte(`[1]`)); err == nil || !strings.Contains(err.Error(), "must be an object") {
		t.Errorf("a non-empty array is still an error: %v", err)
	}
}

// An unused noqa directive (ASL100) gets its removal fix and its
// documentation, not "Disable ASL100 for this line".
func TestUnusedNoqaActions(t *testing.T) {
	src := "import asyncio\n\nasync def f():\n    await asyncio.sleep(0)  # noqa: ASL102\n"
	dir := writeFiles(t, map[string]string{"a.py": src})
	u := uri.File(filepath.Join(dir, "a.py"))
	c := newClient(t, startInProcess(t, Options{}))
	c.initialize(dir, utf16Caps(), `{"debounceMs": 0, "timingHints": false}`)
	c.open(u, src)
	diags := c.waitDiagnostics(u, 1)
	if len(diags) != 1 || diagnosticCode(diags[0]) != "ASL100" {
		t.Fatalf("diagnostics %v, want one ASL100", codes(diags))
	}
	var actions []protocol.CommandOrCodeAction
	if err := c.call(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: diags[0].Range,
		Context: protocol.CodeActionContext{Diagnostics: diags},
	}, &actions); err != nil {
		t.Fatal(err)
	}
	var titles []string
	var fix *protocol.CodeAction
	for _, a := range actions {
		ca := a.(*protocol.CodeAction)
		titles = append(titles, ca.Title)
		if ca.Title == "Remove the unused `# noqa` directive" {
			fix = ca
		}
	}
	if fix == nil || strings.Contains(strings.Join(titles, "|"), "Disable ASL100") || !strings.Contains(strings.Join(titles, "|"), "Show documentation for ASL100") {
		t.Fatalf("actions %q", titles)
	}
	edits := fix.Edit.Changes[u]
	if len(edits) != 1 || edits[0].NewText != "" || edits[0].Range.Start != (protocol.Position{Line: 3, Character: 26}) {
		t.Errorf("fix edits %+v", edits)
	}
	c.shutdownAndExit()
}
