package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

const blockingSrc = `import asyncio
import time


async def tick():
    time.sleep(1)
    await asyncio.sleep(0)
`

func codes(diags []protocol.Diagnostic) []string {
	var out []string
	for _, d := range diags {
		out = append(out, diagnosticCode(d))
	}
	sort.Strings(out)
	return out
}

func hasCode(diags []protocol.Diagnostic, code string) bool {
	for _, d := range diags {
		if diagnosticCode(d) == code {
			return true
		}
	}
	return false
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func partial(startLine, startChar, endLine, endChar uint32, text string) *protocol.TextDocumentContentChangePartial {
	return &protocol.TextDocumentContentChangePartial{Range: protocol.Range{
		Start: protocol.Position{Line: startLine, Character: startChar}, End: protocol.Position{Line: endLine, Character: endChar},
	}, Text: text}
}

func TestOpenChangeClose(t *testing.T) {
	dir := writeFiles(t, map[string]string{"app.py": blockingSrc})
	c := newClient(t, startInProcess(t, Options{}))
	res := c.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
	if res.Capabilities.PositionEncoding != protocol.PositionEncodingKindUTF16 {
		t.Errorf("position encoding %q, want utf-16 for a client that offers nothing", res.Capabilities.PositionEncoding)
	}
	sync, ok := res.Capabilities.TextDocumentSync.(*protocol.TextDocumentSyncOptions)
	if !ok || sync.Change == nil || *sync.Change != protocol.TextDocumentSyncKindIncremental {
		t.Errorf("text sync %#v, want incremental", res.Capabilities.TextDocumentSync)
	}
	if res.Capabilities.DiagnosticProvider != nil {
		t.Error("pull diagnostics offered to a client without the capability")
	}
	u := uri.File(filepath.Join(dir, "app.py"))
	c.open(u, blockingSrc)
	diags := c.waitDiagnostics(u, 1)
	if !hasCode(diags, "ASYNC251") {
		t.Fatalf("version 1: got %v, want ASYNC251", codes(diags))
	}
	d := diags[0]
	if d.Range.Start.Line != 5 || d.Range.Start.Character != 4 {
		t.Errorf("ASYNC251 at %+v, want line 5 character 4", d.Range.Start)
	}
	if src, _ := d.Source.Get(); src != "asyncls" {
		t.Errorf("source %q", src)
	}
	if !strings.HasSuffix(string(d.CodeDescription.Href), "/docs/rules/ASYNC251.md") {
		t.Errorf("codeDescription %q", d.CodeDescription.Href)
	}
	if d.Severity == 0 {
		t.Error("no severity")
	}
	// Replace `time.sleep(1)` with `await asyncio.sleep(1)`.
	c.change(u, 2, partial(5, 4, 5, 14, "await asyncio.sleep"))
	if diags := c.waitDiagnostics(u, 2); len(diags) != 0 {
		t.Fatalf("version 2: got %v, want none", codes(diags))
	}
	// A whole-document change.
	c.change(u, 3, &protocol.TextDocumentContentChangeWholeDocument{Text: blockingSrc})
	if diags := c.waitDiagnostics(u, 3); !hasCode(diags, "ASYNC251") {
		t.Fatalf("version 3: got %v, want ASYNC251", codes(diags))
	}
	// Two changes in one notification: the second's positions are after the first.
	c.change(u, 4, partial(5, 4, 5, 14, "await asyncio.sleep"), partial(0, 0, 0, 0, "import os\n"))
	if diags := c.waitDiagnostics(u, 4); len(diags) != 0 {
		t.Fatalf("version 4: got %v, want none", codes(diags))
	}
	// source.fixAll.asyncls applies every safe fix (ASYNC251's here).
	c.change(u, 5, &protocol.TextDocumentContentChangeWholeDocument{Text: blockingSrc + "\n\nasync def tock():\n    time.sleep(2)\n    await tock()\n"})
	if diags := c.waitDiagnostics(u, 5); strings.Join(codes(diags), ",") != "ASYNC251,ASYNC251" {
		t.Fatalf("version 5: got %v", codes(diags))
	}
	var actions []protocol.CommandOrCodeAction
	if err := c.call(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Context:      protocol.CodeActionContext{Only: []protocol.CodeActionKind{"source.fixAll"}},
	}, &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) != 1 {
		t.Fatalf("fix-all actions: %d, want 1", len(actions))
	}
	fixAll := actions[0].(*protocol.CodeAction)
	if fixAll.Kind == nil || *fixAll.Kind != fixAllKind {
		t.Fatalf("fix-all kind %v", fixAll.Kind)
	}
	edits := fixAll.Edit.Changes[u]
	if len(edits) != 1 {
		t.Fatalf("fix-all edits %+v", edits)
	}
	c.change(u, 6, &protocol.TextDocumentContentChangePartial{Range: edits[0].Range, Text: edits[0].NewText})
	if diags := c.waitDiagnostics(u, 6); len(diags) != 0 {
		t.Fatalf("after fix-all: %v", codes(diags))
	}
	c.notify(protocol.MethodTextDocumentDidClose, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
	c.waitFor("diagnostics cleared on close", func() bool {
		list := c.diags[u]
		last := list[len(list)-1]
		_, versioned := last.Version.Get()
		return !versioned && len(last.Diagnostics) == 0
	})
	if code := c.shutdownAndExit(); code != 0 {
		t.Errorf("exit code %d after shutdown, want 0", code)
	}
}

// TestUTF16Positions checks positions after é (2 bytes, 1 UTF-16 unit), CJK
// (3 bytes, 1 unit) and an emoji outside the BMP (4 bytes, 2 units), and
// edits addressed in UTF-16.
func TestUTF16Positions(t *testing.T) {
	prefix := `x = "é東🚀"; `
	src := "import time\n\n\nasync def f():\n    " + prefix + "time.sleep(1)\n    await f()\n"
	dir := writeFiles(t, map[string]string{"u.py": src})
	u := uri.File(filepath.Join(dir, "u.py"))
	wantChar := uint32(4 + len(utf16.Encode([]rune(prefix))))

	t.Run("utf-16", func(t *testing.T) {
		c := newClient(t, startInProcess(t, Options{}))
		c.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
		c.open(u, src)
		diags := c.waitDiagnostics(u, 1)
		if len(diags) != 1 || diags[0].Range.Start.Character != wantChar {
			t.Fatalf("got %+v, want one finding at UTF-16 character %d", diags, wantChar)
		}
		if end := diags[0].Range.End.Character; end != wantChar+uint32(len("time.sleep(1)")) {
			t.Errorf("end character %d", end)
		}
		// Insert `a` right after the emoji, addressed in UTF-16 units: the
		// finding moves by one unit.
		after := uint32(4 + len(utf16.Encode([]rune(`x = "é東🚀`))))
		c.change(u, 2, partial(4, after, 4, after, "a"))
		diags = c.waitDiagnostics(u, 2)
		if len(diags) != 1 || diags[0].Range.Start.Character != wantChar+1 {
			t.Fatalf("after the edit: got %+v, want character %d", diags, wantChar+1)
		}
		// Hover in UTF-16 on the call finds it.
		var h protocol.Hover
		if err := c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: 4, Character: wantChar + 3},
		}}, &h); err != nil {
			t.Fatal(err)
		}
		if mc, ok := h.Contents.(*protocol.MarkupContent); !ok || !strings.Contains(mc.Value, "ASYNC251") {
			t.Fatalf("hover %#v does not explain ASYNC251", h.Contents)
		}
		c.shutdownAndExit()
	})
	t.Run("utf-8", func(t *testing.T) {
		c := newClient(t, startInProcess(t, Options{}))
		res := c.initialize(dir, utf8Caps(), `{"debounceMs": 0}`)
		if res.Capabilities.PositionEncoding != protocol.PositionEncodingKindUTF8 {
			t.Fatalf("encoding %q, want utf-8 when offered", res.Capabilities.PositionEncoding)
		}
		c.open(u, src)
		diags := c.waitDiagnostics(u, 1)
		want := uint32(4 + len(prefix))
		if len(diags) != 1 || diags[0].Range.Start.Character != want {
			t.Fatalf("got %+v, want one finding at byte %d", diags, want)
		}
		c.shutdownAndExit()
	})
}

func TestHoverAndCodeActions(t *testing.T) {
	src := `import asyncio
import time


async def save(record):
    await asyncio.sleep(0.1)
    time.sleep(0.5)


async def handler(record):
    save(record)
    await save(record)
`
	dir := writeFiles(t, map[string]string{"h.py": src})
	u := uri.File(filepath.Join(dir, "h.py"))
	c := newClient(t, startInProcess(t, Options{}))
	c.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
	c.open(u, src)
	diags := c.waitDiagnostics(u, 1)
	if got := codes(diags); strings.Join(got, ",") != "ASL102,ASYNC251" {
		t.Fatalf("got %v, want ASL102 and ASYNC251", got)
	}
	hover := func(line, char uint32) string {
		t.Helper()
		var h *protocol.Hover
		if err := c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: line, Character: char},
		}}, &h); err != nil {
			t.Fatal(err)
		}
		if h == nil {
			return ""
		}
		return h.Contents.(*protocol.MarkupContent).Value
	}
	text := hover(6, 6)
	for _, want := range []string{"ASYNC251", "**Why:**", "**Fix:**"} {
		if !strings.Contains(text, want) {
			t.Errorf("hover on time.sleep lacks %q:\n%s", want, text)
		}
	}
	text = hover(11, 12) // the awaited save(record)
	for _, want := range []string{"async def save(record)", "coroutine function", "h.py", "line 5", "awaited here", "time.sleep"} {
		if !strings.Contains(text, want) {
			t.Errorf("hover on an awaited coroutine lacks %q:\n%s", want, text)
		}
	}
	if text := hover(11, 4); !strings.Contains(text, "async def save") {
		t.Errorf("hover on the await keyword does not show the awaited call:\n%s", text)
	}
	// The simulator's timing hint on a coroutine's name. A hover waits only
	// briefly for it (a busy machine may take longer); the estimate goes on
	// in the background and a later hover at the same place shows it.
	estimate := ""
	for deadline := time.Now().Add(waitTimeout); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if estimate = hover(4, 11); strings.Contains(estimate, "concurrently") {
			break
		}
	}
	if !strings.Contains(estimate, "concurrently") || !strings.Contains(estimate, "loopsim") {
		t.Errorf("hover on a coroutine's name lacks loopsim's estimate:\n%s", estimate)
	}
	if text := hover(2, 0); text != "" {
		t.Errorf("hover on an empty line: %q", text)
	}

	var asl102 protocol.Diagnostic
	for _, d := range diags {
		if diagnosticCode(d) == "ASL102" {
			asl102 = d
		}
	}
	var actions []protocol.CommandOrCodeAction
	if err := c.call(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: asl102.Range,
		Context: protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{asl102}},
	}, &actions); err != nil {
		t.Fatal(err)
	}
	titles := map[string]*protocol.CodeAction{}
	for _, a := range actions {
		ca := a.(*protocol.CodeAction)
		titles[ca.Title] = ca
	}
	fix := titles["Add `await`"]
	noqa := titles["Disable ASL102 for this line"]
	if fix == nil || noqa == nil {
		t.Fatalf("actions %v lack the fix or the noqa action", keys(titles))
	}
	edits := fix.Edit.Changes[u]
	if len(edits) != 1 || edits[0].NewText != "await " || edits[0].Range.Start != (protocol.Position{Line: 10, Character: 4}) {
		t.Fatalf("fix edits %+v", edits)
	}
	// Applying the quick fix repairs the code.
	c.change(u, 2, &protocol.TextDocumentContentChangePartial{Range: edits[0].Range, Text: edits[0].NewText})
	if diags := c.waitDiagnostics(u, 2); hasCode(diags, "ASL102") {
		t.Fatalf("ASL102 still reported after its fix: %v", codes(diags))
	}
	// The noqa action appends a comment to the line.
	ne := noqa.Edit.Changes[u]
	if len(ne) != 1 || ne[0].NewText != "  # noqa: ASL102" {
		t.Fatalf("noqa edit %+v", ne)
	}
	c.shutdownAndExit()
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestUnknownMessages(t *testing.T) {
	c := newClient(t, startInProcess(t, Options{}))
	c.initialize("", utf16Caps(), "")
	c.notify("$/somethingNew", map[string]int{"x": 1})
	c.notify("custom/notification", nil)
	err := c.call("custom/request", map[string]int{"x": 1}, nil)
	var rpcErr *jsonrpc2.Error
	if !errors.As(err, &rpcErr) || rpcErr.Code != jsonrpc2.MethodNotFound {
		t.Fatalf("unknown request: %v, want MethodNotFound", err)
	}
	// Still serving.
	if err := c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{}, nil); err == nil {
		t.Fatal("hover of a document that is not open succeeded")
	}
	if code := c.shutdownAndExit(); code != 0 {
		t.Fatalf("exit code %d", code)
	}
}

func TestCancellation(t *testing.T) {
	started := make(chan struct{})
	opts := Options{Hooks: Hooks{BeforeHandle: func(ctx context.Context, method string) {
		if method == protocol.MethodTextDocumentHover {
			close(started)
			<-ctx.Done() // stands in for slow work that honours cancellation
		}
	}}}
	sess := startInProcess(t, opts)
	c := newRawClient(t, sess)
	c.initialize()
	id := c.request("textDocument/hover", `{"textDocument":{"uri":"file:///x.py"},"position":{"line":0,"character":0}}`)
	<-started
	c.notification("$/cancelRequest", `{"id":`+strconv.Itoa(id)+`}`)
	m := c.response(strconv.Itoa(id))
	if m.Error == nil || m.Error.Code != int(protocol.CodeRequestCancelled) {
		t.Fatalf("cancelled request answered %+v, want RequestCancelled", m.Error)
	}
	// A request to a method that does not exist still works afterwards.
	id = c.request("asyncls/nothing", "{}")
	if m := c.response(strconv.Itoa(id)); m.Error == nil || m.Error.Code != int(jsonrpc2.MethodNotFound) {
		t.Fatalf("got %+v", m.Error)
	}
}

func TestPanicIsAnsweredAndServed(t *testing.T) {
	opts := Options{Hooks: Hooks{BeforeHandle: func(ctx context.Context, method string) {
		if method == "textDocument/codeLens" {
			panic("boom")
		}
	}}}
	sess := startInProcess(t, opts)
	c := newRawClient(t, sess)
	c.initialize()
	id := c.request("textDocument/codeLens", `{"textDocument":{"uri":"file:///x.py"}}`)
	m := c.response(strconv.Itoa(id))
	if m.Error == nil || m.Error.Code != int(jsonrpc2.InternalError) || !strings.Contains(m.Error.Message, "boom") {
		t.Fatalf("panicking handler answered %+v, want an internal error", m.Error)
	}
	id = c.request("shutdown", "")
	if m := c.response(strconv.Itoa(id)); m.Error != nil {
		t.Fatalf("shutdown after a panic: %+v", m.Error)
	}
	c.notification("exit", "")
	if code := sess.exitCode(); code != 0 {
		t.Fatalf("exit code %d", code)
	}
}

// TestSubprocessRobustness drives `asyncls serve` with malformed JSON,
// invalid requests and invalid params; it must answer each with an error
// and keep serving, then exit 0 after shutdown.
func TestSubprocessRobustness(t *testing.T) {
	dir := writeFiles(t, map[string]string{"app.py": blockingSrc})
	sess := startSubprocess(t, dir)
	c := newRawClient(t, sess)
	c.initialize()

	c.sendRaw(`{"jsonrpc":"2.0","id":99,"method":"textDocument/hover","params":{`)
	if m := c.response("null"); m.Error == nil || m.Error.Code != int(jsonrpc2.ParseError) {
		t.Fatalf("malformed JSON answered %+v, want a parse error", m.Error)
	}
	c.sendRaw(`{"jsonrpc":"1.0","id":5,"method":"textDocument/hover"}`)
	if m := c.response("5"); m.Error == nil || m.Error.Code != int(jsonrpc2.InvalidRequest) {
		t.Fatalf("bad version answered %+v, want invalid request", m.Error)
	}
	c.sendRaw(`[1,2]`)
	if m := c.response("null"); m.Error == nil {
		t.Fatal("a batch was not answered with an error")
	}
	id := c.request("textDocument/hover", `{"textDocument":{"uri":42},"position":"here"}`)
	if m := c.response(strconv.Itoa(id)); m.Error == nil || m.Error.Code != int(jsonrpc2.InvalidParams) {
		t.Fatalf("invalid params answered %+v, want invalid params", m.Error)
	}
	// Invalid params of a notification are logged, not fatal.
	c.notification("textDocument/didOpen", `{"textDocument":"nope"}`)
	c.notification("$/unknown", `{}`)

	u := string(uri.File(filepath.Join(dir, "app.py")))
	text, _ := json.Marshal(blockingSrc)
	c.notification("textDocument/didOpen", `{"textDocument":{"uri":"`+u+`","languageId":"python","version":1,"text":`+string(text)+`}}`)
	id = c.request("textDocument/hover", `{"textDocument":{"uri":"`+u+`"},"position":{"line":5,"character":6}}`)
	m := c.response(strconv.Itoa(id))
	if m.Error != nil || !strings.Contains(string(m.Result), "ASYNC251") {
		t.Fatalf("hover after the bad messages: %+v %s", m.Error, m.Result)
	}
	id = c.request("shutdown", "")
	if m := c.response(strconv.Itoa(id)); m.Error != nil {
		t.Fatalf("shutdown: %+v", m.Error)
	}
	id = c.request("textDocument/hover", `{"textDocument":{"uri":"`+u+`"},"position":{"line":5,"character":6}}`)
	if m := c.response(strconv.Itoa(id)); m.Error == nil || m.Error.Code != int(jsonrpc2.InvalidRequest) {
		t.Fatalf("request after shutdown answered %+v", m.Error)
	}
	c.notification("exit", "")
	if code := sess.exitCode(); code != 0 {
		t.Fatalf("exit code %d after shutdown and exit, want 0", code)
	}
}

func TestSubprocessExitWithoutShutdown(t *testing.T) {
	sess := startSubprocess(t, t.TempDir())
	c := newRawClient(t, sess)
	c.initialize()
	c.notification("exit", "")
	if code := sess.exitCode(); code != 1 {
		t.Fatalf("exit code %d without shutdown, want 1", code)
	}
}

func TestSubprocessEndOfInput(t *testing.T) {
	sess := startSubprocess(t, t.TempDir())
	c := newRawClient(t, sess)
	c.initialize()
	sess.closeIn()
	if code := sess.exitCode(); code != 1 {
		t.Fatalf("exit code %d when the client vanished, want 1", code)
	}
}

func TestRequestsBeforeInitialize(t *testing.T) {
	sess := startInProcess(t, Options{})
	c := newRawClient(t, sess)
	id := c.request("textDocument/hover", `{"textDocument":{"uri":"file:///x.py"},"position":{"line":0,"character":0}}`)
	if m := c.response(strconv.Itoa(id)); m.Error == nil || m.Error.Code != int(jsonrpc2.ServerNotInitialized) {
		t.Fatalf("got %+v, want ServerNotInitialized", m.Error)
	}
	c.initialize()
	id = c.request("initialize", `{"capabilities":{}}`)
	if m := c.response(strconv.Itoa(id)); m.Error == nil {
		t.Fatal("a second initialize was accepted")
	}
}

func TestUntitledAndOtherLanguages(t *testing.T) {
	c := newClient(t, startInProcess(t, Options{}))
	c.initialize(t.TempDir(), utf16Caps(), `{"debounceMs": 0}`)
	untitled := uri.URI("untitled:Untitled-1")
	c.open(untitled, blockingSrc)
	if diags := c.waitDiagnostics(untitled, 1); !hasCode(diags, "ASYNC251") {
		t.Fatalf("untitled buffer: %v", codes(diags))
	}
	toml := uri.URI("untitled:notes")
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: toml, LanguageID: "markdown", Version: 1, Text: "time.sleep(1)",
	}})
	// A request on it says it is not open (it was ignored), and the server goes on.
	if err := c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: toml}}}, nil); err == nil {
		t.Fatal("a markdown document was analysed")
	}
	c.shutdownAndExit()
}

// TestUnboundedSimulationsDoNotStall: a document whose simulation once
// never ended (sleep(nan), a list doubled 64 times, main gathering itself)
// gets diagnostics for every version and answers hovers; the simulator's
// budgets end each simulation.
func TestUnboundedSimulationsDoNotStall(t *testing.T) {
	src := `import asyncio
import time


async def grow():
    x = [0]
    for i in range(64):
        x = x + x


async def main():
    await asyncio.sleep(float("nan"))
    await grow()
    await asyncio.gather(main(), main())
    time.sleep(1)


asyncio.run(main())
`
	dir := writeFiles(t, map[string]string{"spin.py": src})
	u := uri.File(filepath.Join(dir, "spin.py"))
	c := newClient(t, startInProcess(t, Options{TimingHints: DefaultTimingHints}))
	c.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
	c.open(u, src)
	for v := int32(1); v <= 3; v++ {
		if v > 1 {
			c.change(u, v, partial(14, 0, 14, 0, "    await asyncio.sleep(0)\n"))
		}
		if diags := c.waitDiagnostics(u, v); !hasCode(diags, "ASYNC251") {
			t.Fatalf("version %d: got %v, want ASYNC251", v, codes(diags))
		}
	}
	for _, pos := range []protocol.Position{{Line: 4, Character: 11}, {Line: 10, Character: 11}, {Line: 12, Character: 8}} {
		var h *protocol.Hover
		if err := c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: pos}}, &h); err != nil {
			t.Fatalf("hover at %+v: %v", pos, err)
		}
		if h != nil && strings.Contains(fmt.Sprint(h.Contents), "concurrently") {
			t.Errorf("hover at %+v times code whose simulation exceeded a budget: %v", pos, h.Contents)
		}
	}
}

// TestRequestSeesTheDocumentAsSent: requests run concurrently with the read
// loop, which goes on applying notifications. A hover sent before a didChange
// or a didClose must be answered on the text it was sent for (found by
// bench/stress: "document is not open" for a hover sent while it was open).
func TestRequestSeesTheDocumentAsSent(t *testing.T) {
	for _, then := range []string{"change", "close"} {
		t.Run(then, func(t *testing.T) {
			started, release := make(chan struct{}), make(chan struct{})
			opens := 0
			opts := Options{Hooks: Hooks{BeforeHandle: func(ctx context.Context, method string) {
				switch method {
				case protocol.MethodTextDocumentHover:
					close(started)
					<-release
				case protocol.MethodTextDocumentDidOpen:
					// Notifications run in order on the read loop: the second
					// didOpen comes after the change or close was applied.
					if opens++; opens == 2 {
						close(release)
					}
				}
			}}}
			sess := startInProcess(t, opts)
			c := newRawClient(t, sess)
			c.initialize()
			src, _ := json.Marshal(blockingSrc)
			c.notification("textDocument/didOpen", `{"textDocument":{"uri":"file:///w/a.py","languageId":"python","version":1,"text":`+string(src)+`}}`)
			// The cursor on `sleep` of time.sleep(1), line 5.
			id := c.request("textDocument/hover", `{"textDocument":{"uri":"file:///w/a.py"},"position":{"line":5,"character":10}}`)
			<-started
			if then == "change" {
				c.notification("textDocument/didChange", `{"textDocument":{"uri":"file:///w/a.py","version":2},"contentChanges":[{"text":"\n\n\n\n\n\n\n"}]}`)
			} else {
				c.notification("textDocument/didClose", `{"textDocument":{"uri":"file:///w/a.py"}}`)
			}
			c.notification("textDocument/didOpen", `{"textDocument":{"uri":"file:///w/b.py","languageId":"python","version":1,"text":"x = 1\n"}}`)
			m := c.response(strconv.Itoa(id))
			if m.Error != nil {
				t.Fatalf("hover sent before the %s answered %+v", then, m.Error)
			}
			if !strings.Contains(string(m.Result), "sleep") {
				t.Fatalf("hover sent before the %s is not about time.sleep: %s", then, m.Result)
			}
		})
	}
}
