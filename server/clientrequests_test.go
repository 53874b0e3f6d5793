package server

import (
	"path/filepath"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestServerRequestsReachClient makes the server send each request it makes
// of a client (workspace/configuration, client/registerCapability,
// window/workDoneProgress/create, workspace/diagnostic/refresh,
// window/showDocument) and checks that the client's handler received each
// under its own method name, and that the record is still intact after many
// later messages were read (the test client once kept method strings that
// aliased jsonrpc2's read buffer, so they changed as later frames arrived).
func TestServerRequestsReachClient(t *testing.T) {
	dir := writeFiles(t, map[string]string{"app.py": blockingSrc})
	u := uri.File(filepath.Join(dir, "app.py"))
	yes := true
	caps := utf16Caps()
	caps.Window = &protocol.WindowClientCapabilities{WorkDoneProgress: &yes, ShowDocument: &protocol.ShowDocumentClientCapabilities{Support: true}}
	caps.Workspace = &protocol.WorkspaceClientCapabilities{
		Configuration:         &yes,
		DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesClientCapabilities{DynamicRegistration: &yes},
		Diagnostics:           &protocol.DiagnosticWorkspaceClientCapabilities{RefreshSupport: &yes},
	}
	caps.TextDocument = &protocol.TextDocumentClientCapabilities{Diagnostic: &protocol.DiagnosticClientCapabilities{}}
	c := newClient(t, startInProcess(t, Options{}))
	c.initialize(dir, caps, `{"debounceMs": 0}`)
	waitRequest := func(method string) {
		t.Helper()
		c.waitFor(method, func() bool { return containsString(c.requests, method) })
	}
	// After initialized: the settings, the file watchers, the indexing progress.
	waitRequest(protocol.MethodWorkspaceConfiguration)
	waitRequest(protocol.MethodClientRegisterCapability)
	waitRequest(protocol.MethodWindowWorkDoneProgressCreate)

	// A pulled document makes a configuration change ask the client to pull again.
	c.open(u, blockingSrc)
	var report protocol.DocumentDiagnosticReport
	if err := c.call(protocol.MethodTextDocumentDiagnostic, &protocol.DocumentDiagnosticParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}, &report); err != nil {
		t.Fatal(err)
	}
	c.notify(protocol.MethodWorkspaceDidChangeConfiguration, &protocol.DidChangeConfigurationParams{Settings: protocol.LSPAny(`null`)})
	waitRequest(protocol.MethodWorkspaceDiagnosticRefresh)

	// The documentation command opens the rule's page in the client.
	if err := c.call(protocol.MethodWorkspaceExecuteCommand, &protocol.ExecuteCommandParams{
		Command: showDocumentationCommand, Arguments: []protocol.LSPAny{protocol.LSPAny(`"ASYNC251"`)},
	}, nil); err != nil {
		t.Fatal(err)
	}
	waitRequest(protocol.MethodWindowShowDocument)
	c.shutdownAndExit()

	made := map[string]bool{
		protocol.MethodWorkspaceConfiguration:       true,
		protocol.MethodClientRegisterCapability:     true,
		protocol.MethodWindowWorkDoneProgressCreate: true,
		protocol.MethodWorkspaceDiagnosticRefresh:   true,
		protocol.MethodWindowShowDocument:           true,
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, m := range c.requests {
		if !made[m] {
			t.Errorf("the client recorded a request %q the server does not make (all recorded: %q)", m, c.requests)
		}
	}
	for m := range made {
		if !containsString(c.requests, m) {
			t.Errorf("%s no longer recorded after later messages (all recorded: %q)", m, c.requests)
		}
	}
}
