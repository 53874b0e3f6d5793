package server

import (
	"context"
	"fmt"
	"os"
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
	slow := func(ctx context.Context, file *analysis.File, project *analysis.Project, offset int, cfg *config.Config) (string, int, int, bool) {
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

// TestHoverDoesNotWaitBehindAnotherEstimate: estimates run one at a time;
// a hover whose estimate is queued behind a running one answers at once
// (however long the wait for a running one is), and a later hover there
// shows it once it has run.
func TestHoverDoesNotWaitBehindAnotherEstimate(t *testing.T) {
	release, started := make(chan struct{}), make(chan struct{})
	slow := func(ctx context.Context, file *analysis.File, project *analysis.Project, offset int, cfg *config.Config) (string, int, int, bool) {
		if file.Lines.Position(offset).Line == 4 { // the first place blocks until released
			close(started)
			select {
			case <-release:
			case <-ctx.Done():
				return "", 0, 0, false
			}
		}
		return fmt.Sprintf("estimated at line %d", file.Lines.Position(offset).Line+1), offset, offset, true
	}
	src := "import asyncio\n\n\nasync def main():\n    await asyncio.sleep(1)\n    await asyncio.sleep(2)\n"
	dir := writeFiles(t, map[string]string{"m.py": src})
	u := uri.File(filepath.Join(dir, "m.py"))
	// A wait longer than the test's: only a hover that does not wait ends.
	c := newClient(t, startInProcess(t, Options{TimingHints: slow, HoverWait: time.Hour}))
	c.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
	c.open(u, src)
	c.waitDiagnostics(u, 1)
	hover := func(line uint32) string {
		var h *protocol.Hover
		if err := c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: line, Character: 10},
		}}, &h); err != nil {
			t.Error(err)
			return ""
		}
		if h == nil {
			return ""
		}
		return fmt.Sprint(h.Contents)
	}
	first := make(chan string, 1)
	go func() { first <- hover(4) }() // its estimate starts at once: it waits for it
	select {
	case <-started:
	case <-time.After(waitTimeout):
		t.Fatal("the first estimate never started")
	}
	if text := hover(5); strings.Contains(text, "estimated") {
		t.Fatalf("hover showed an estimate queued behind another: %s", text)
	}
	close(release)
	if text := <-first; !strings.Contains(text, "estimated at line 5") {
		t.Errorf("the hover waiting for a running estimate lacks it: %s", text)
	}
	text := ""
	for deadline := time.Now().Add(waitTimeout); time.Now().Before(deadline) && !strings.Contains(text, "estimated"); time.Sleep(5 * time.Millisecond) {
		text = hover(5)
	}
	if !strings.Contains(text, "estimated at line 6") {
		t.Fatalf("a hover after the queued estimate ran lacks it: %s", text)
	}
}

// TestHoverEstimatesOncePerStatement: hovers at different constructs of one
// statement share its estimate (the simulation is of the statement);
// another statement gets its own.
func TestHoverEstimatesOncePerStatement(t *testing.T) {
	var calls atomic.Int32
	count := func(ctx context.Context, file *analysis.File, project *analysis.Project, offset int, cfg *config.Config) (string, int, int, bool) {
		calls.Add(1)
		return "estimated", offset, offset, true
	}
	src := "import asyncio\n\n\nasync def main():\n    await asyncio.gather(asyncio.sleep(1), asyncio.sleep(2))\n    await asyncio.sleep(3)\n"
	dir := writeFiles(t, map[string]string{"m.py": src})
	u := uri.File(filepath.Join(dir, "m.py"))
	c := newClient(t, startInProcess(t, Options{TimingHints: count, HoverWait: time.Hour}))
	c.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
	c.open(u, src)
	c.waitDiagnostics(u, 1)
	hover := func(line, char uint32) *protocol.Hover {
		t.Helper()
		var h *protocol.Hover
		if err := c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: line, Character: char},
		}}, &h); err != nil {
			t.Fatal(err)
		}
		if h == nil || !strings.Contains(fmt.Sprint(h.Contents), "estimated") {
			t.Fatalf("hover at %d:%d lacks the estimate: %v", line, char, h)
		}
		return h
	}
	hover(4, 12) // asyncio.gather
	hover(4, 30) // the first asyncio.sleep inside it
	hover(4, 6)  // the await
	if n := calls.Load(); n != 1 {
		t.Errorf("three hovers in one statement ran the estimate %d times, want once", n)
	}
	hover(5, 12)
	if n := calls.Load(); n != 2 {
		t.Errorf("a hover on the next statement: the estimate ran %d times in all, want 2", n)
	}
}

// TestHoverFollowsProjectImports: the estimate of a coroutine follows its
// calls into the project's other modules, from the workspace's snapshot
// (testdata/loopsim-projects/fetchapp: python3 took 0.314 s).
func TestHoverFollowsProjectImports(t *testing.T) {
	root := "../testdata/loopsim-projects/fetchapp"
	files := map[string]string{}
	for _, name := range []string{"pyproject.toml", "main.py", "app/__init__.py", "app/config.py", "app/client.py", "app/fetch.py"} {
		src, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(src)
	}
	dir := writeFiles(t, files)
	u := uri.File(filepath.Join(dir, "main.py"))
	c := newClient(t, startInProcess(t, Options{TimingHints: DefaultTimingHints, HoverWait: time.Hour}))
	c.initialize(dir, utf16Caps(), `{"debounceMs": 0}`)
	c.open(u, files["main.py"])
	c.waitDiagnostics(u, 1)
	var last string
	ok := false
	// Until the workspace index has read app/ (it runs in the background).
	for deadline := time.Now().Add(waitTimeout); !ok && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var h *protocol.Hover
		if err := c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: 6, Character: 11}, // async def main
		}}, &h); err != nil {
			t.Fatal(err)
		}
		if h != nil && h.Contents != nil {
			last = fmt.Sprintf("%+v", h.Contents)
		}
		ok = strings.Contains(last, "0.31 s concurrently")
	}
	if !ok {
		t.Errorf("hover on main() does not time its calls into app/: %s", last)
	}
}

// TestTimingHintOfEndlessCoroutine: the hover's estimate stops at a loop
// that cannot end (pyfront.EndlessLoopRuns) and says so, instead of
// simulating it for the whole budget and reporting that budget (or a
// total over however many runs the budget allowed).
func TestTimingHintOfEndlessCoroutine(t *testing.T) {
	src := "import asyncio\n\n\nasync def serve(queue):\n    while True:\n        item = await queue.get()\n        await asyncio.sleep(0.1)\n"
	file := analysis.Parse("serve.py", []byte(src))
	md, _, _, ok := DefaultTimingHints(context.Background(), file, nil, strings.Index(src, "serve("), nil)
	if want := "timing unknown: it does not end: the loop at line 5 (in serve) has no break or return"; !ok || !strings.Contains(md, want) {
		t.Errorf("hover on serve: %q (ok %v), want %q", md, ok, want)
	}
	md, _, _, ok = DefaultTimingHints(context.Background(), file, nil, strings.Index(src, "asyncio.sleep"), nil)
	if want := "≈0.10 s concurrently · 0.10 s sequentially per run (the loop around it does not end"; !ok || !strings.Contains(md, want) {
		t.Errorf("hover on the sleep: %q (ok %v), want %q", md, ok, want)
	}
}
