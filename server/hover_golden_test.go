package server

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestHoverGolden compares hover texts with testdata/hover/app.hover.md
// (UPDATE_GOLDEN=1 rewrites it). Each finding's message must not be in the
// hover (the client shows it already), no text may appear twice, and the
// await count must be right. Timing hints are off: they belong to loopsim's tests.
func TestHoverGolden(t *testing.T) {
	srcPath := filepath.Join("testdata", "hover", "app.py")
	src, err := os.ReadFile(srcPath)
	if err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, map[string]string{"app.py": string(src)})
	u := uri.File(filepath.Join(dir, "app.py"))
	c := newClient(t, startInProcess(t, Options{}))
	c.initialize(dir, utf16Caps(), `{"debounceMs": 0, "timingHints": false}`)
	c.open(u, string(src))
	diags := c.waitDiagnostics(u, 1)
	positions := []struct {
		what       string
		line, char uint32
	}{
		{"time.sleep (ASYNC251)", 6, 6},
		{"dropped save() (ASL102) and the callee", 10, 5},
		{"awaited save()", 11, 12},
		{"the await keyword", 11, 4},
		{"coroutine with two awaits", 24, 12},
		{"plain function", 25, 12},
		{"asyncio.sleep", 16, 12},
		{"empty line", 2, 0},
		{"coroutine whose helper blocks only for a str, called without one", 43, 12},
		{"coroutine whose helper blocks for the str it passes", 44, 12},
	}
	var b strings.Builder
	for _, p := range positions {
		var h *protocol.Hover
		if err := c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: p.line, Character: p.char}}}, &h); err != nil {
			t.Fatal(err)
		}
		text := "(no hover)"
		if h != nil {
			text = h.Contents.(*protocol.MarkupContent).Value
		}
		fmt.Fprintf(&b, "=== %d:%d %s\n%s\n\n", p.line+1, p.char+1, p.what, text)
		for _, d := range diags {
			if msg := fmt.Sprint(d.Message); strings.Contains(text, msg) {
				t.Errorf("hover at %s repeats the diagnostic message %q", p.what, msg)
			}
		}
		seen := map[string]bool{}
		for _, para := range strings.Split(text, "\n\n") {
			if para = strings.TrimSpace(para); para != "" && para != "---" && seen[para] {
				t.Errorf("hover at %s says twice: %q", p.what, para)
			}
			seen[para] = true
		}
	}
	c.shutdownAndExit()
	got := b.String()
	if strings.Contains(got, "time(s)") {
		t.Error("hover says time(s)")
	}
	if !strings.Contains(got, "Its body has one `await`.") || !strings.Contains(got, "Its body has 2 `await`s.") {
		t.Errorf("await counts wrong:\n%s", got)
	}
	golden := filepath.Join("testdata", "hover", "app.hover.md")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		os.WriteFile(golden, []byte(got), 0o644)
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (UPDATE_GOLDEN=1 creates it)", err)
	}
	if got != string(want) {
		t.Errorf("hover texts differ from %s (UPDATE_GOLDEN=1 rewrites it):\n%s", golden, got)
	}
}
