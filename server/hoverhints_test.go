package server

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
)

// TestHoverDoesNotWaitForASlowEstimate: a hover whose timing estimate is
// not ready answers without it; the estimate goes on in the background,
// once, and a later hover at the same place shows it.
func TestHoverDoesNotWaitForASlowEstimate(t *testing.T) {
	release := make(chan struct{})
	var calls atomic.Int32
	slow := func(ctx context.Context, file *analysis.File, offset int, cfg *config.Config) (string, int, int, bool) {
		calls.Add(1)
		select {
		case <-release:
		case <-ctx.Done():
			return "", 0, 0, false
		}
		return "≈1.0 s (estimated)", offset, offset, true
	}
	src := "import asyncio\n\n\nasync def main():\n    await asyncio.sleep(1)\n"
	dir := writeFiles(t, map[string]string{"m.py": src})
	u := uri.File(filepath.Join(dir, "m.py"))
	c := newClient(t, startInProcess(t, Options{TimingHints: slow, HoverWait: time.Millisecond}))
	c.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
	c.open(u, src)
	c.waitDiagnostics(u, 1)
	hover := func() string {
		t.Helper()
		var h *protocol.Hover
		if err := c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: 4, Character: 10},
		}}, &h); err != nil {
			t.Fatal(err)
		}
		if h == nil {
			return ""
		}
		return fmt.Sprint(h.Contents)
	}
	for range 3 { // the estimate is blocked: every hover answers without it
		if text := hover(); strings.Contains(text, "estimated") {
			t.Fatalf("hover showed an estimate that is not ready: %s", text)
		}
	}
	close(release)
	text := ""
	for deadline := time.Now().Add(waitTimeout); time.Now().Before(deadline) && !strings.Contains(text, "estimated"); time.Sleep(5 * time.Millisecond) {
		text = hover()
	}
	if !strings.Contains(text, "estimated") {
		t.Fatalf("a hover after the estimate finished lacks it: %s", text)
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("the estimate ran %d times for one place of one text, want once", n)
	}
}
