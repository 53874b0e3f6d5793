package server

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/asyncls/asyncls/analysis"
)

// TestIndexBudget: a module beyond the index's byte or file budget is left
// out of the index (a cross-file finding that needs it is not made), and the
// same workspace within the budget makes it.
func TestIndexBudget(t *testing.T) {
	helpers := "import time\n\n\ndef load():\n    time.sleep(1)\n"
	app := "from helpers import load\n\n\nasync def handler():\n    load()\n"
	dir := writeFiles(t, map[string]string{"helpers.py": helpers, "app.py": app})
	appURI := uri.File(filepath.Join(dir, "app.py"))
	for _, tc := range []struct {
		name       string
		opts       Options
		wantASL201 bool
	}{
		{"within the budgets", Options{}, true},
		{"beyond the byte budget", Options{IndexMaxBytes: int64(len(app) + len(helpers) - 1)}, false},
		{"beyond the file budget", Options{IndexMaxFiles: 1}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			caps := utf16Caps()
			yes := true
			caps.Window = &protocol.WindowClientCapabilities{WorkDoneProgress: &yes}
			c := newClient(t, startInProcess(t, tc.opts))
			c.initialize(dir, caps, `{"debounceMs": 0}`)
			c.waitFor("indexing to end", func() bool {
				return len(c.progress) > 0 && c.progress[len(c.progress)-1] == "end"
			})
			c.open(appURI, app)
			if got := hasCode(c.waitDiagnostics(appURI, 1), "ASL201"); got != tc.wantASL201 {
				t.Errorf("ASL201 (load() blocks, seen only through the index): %v, want %v", got, tc.wantASL201)
			}
			c.shutdownAndExit()
		})
	}
}

func TestIndexBudgetAccounting(t *testing.T) {
	b := indexBudget{maxFiles: 2, maxBytes: 100, sizes: map[string]int64{}}
	if !b.admit("a.py", 60) || b.admit("b.py", 50) || !b.admit("b.py", 40) {
		t.Fatal("60 + 40 bytes fit in 100, 60 + 50 do not")
	}
	if b.admit("c.py", 0) {
		t.Fatal("a third file fits in a budget of two")
	}
	if !b.admit("a.py", 10) || !b.admit("b.py", 90) || b.bytes != 100 {
		t.Fatalf("replacing a file's version frees its old size: %d bytes", b.bytes)
	}
	b.release("a.py")
	b.release("b.py")
	b.release("missing.py")
	if b.bytes != 0 || len(b.sizes) != 0 {
		t.Fatalf("after releasing everything: %d bytes, %d files", b.bytes, len(b.sizes))
	}
}

// TestOutboxBoundedWhenClientStopsReading: with a writer that never returns
// (a client that stopped reading), posting never blocks, each document keeps
// only its newest pending diagnostics, and other notifications stop queueing
// at maxQueuedNotifications.
func TestOutboxBoundedWhenClientStopsReading(t *testing.T) {
	stuck := make(chan struct{})
	defer close(stuck)
	started := make(chan struct{}, 1)
	o := newOutbox(func(string, any) {
		select {
		case started <- struct{}{}:
		default:
		}
		<-stuck
	})
	done := make(chan struct{})
	defer close(done)
	go o.run(done)
	o.post(protocol.MethodWindowLogMessage, &protocol.LogMessageParams{Message: "first"})
	<-started // the writer is now blocked on the first notification
	docs := []uri.URI{"file:///a.py", "file:///b.py", "file:///c.py"}
	for i := 0; i < 10000; i++ {
		o.post(protocol.MethodTextDocumentPublishDiagnostics, &protocol.PublishDiagnosticsParams{URI: docs[i%len(docs)], Version: protocol.NewOptional(int32(i))})
		o.post(protocol.MethodWindowLogMessage, &protocol.LogMessageParams{Message: "log"})
	}
	queued, dropped := o.pending()
	if want := len(docs) + maxQueuedNotifications; queued != want {
		t.Errorf("%d notifications queued, want %d (one per document plus the bound)", queued, want)
	}
	if want := 10000 - maxQueuedNotifications; dropped != want {
		t.Errorf("%d log messages dropped, want %d", dropped, want)
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	for j, u := range docs {
		newest := 9999 - (9999-j)%len(docs) // the last i < 10000 with i % 3 == j
		if v, _ := o.diags[u].Version.Get(); int(v) != newest {
			t.Errorf("%s: pending diagnostics of version %d, want the newest (%d)", u, v, newest)
		}
	}
}

// TestOutboxKeepsOrderAndFlushes: a reading client receives notifications
// in the order posted (a document's diagnostics at the place of its first
// pending ones, with the newest content) and flush waits for them.
func TestOutboxKeepsOrderAndFlushes(t *testing.T) {
	var mu sync.Mutex
	var got []string
	gate := make(chan struct{})
	o := newOutbox(func(method string, params any) {
		<-gate
		mu.Lock()
		defer mu.Unlock()
		switch p := params.(type) {
		case *protocol.PublishDiagnosticsParams:
			v, _ := p.Version.Get()
			got = append(got, fmt.Sprintf("diags %s v%d", p.URI, v))
		case *protocol.LogMessageParams:
			got = append(got, "log "+p.Message)
		}
	})
	done := make(chan struct{})
	defer close(done)
	go o.run(done)
	o.post(protocol.MethodWindowLogMessage, &protocol.LogMessageParams{Message: "1"})
	o.post(protocol.MethodTextDocumentPublishDiagnostics, &protocol.PublishDiagnosticsParams{URI: "file:///a.py", Version: protocol.NewOptional(int32(1))})
	o.post(protocol.MethodWindowLogMessage, &protocol.LogMessageParams{Message: "2"})
	o.post(protocol.MethodTextDocumentPublishDiagnostics, &protocol.PublishDiagnosticsParams{URI: "file:///a.py", Version: protocol.NewOptional(int32(2))})
	close(gate)
	o.flush(time.Minute)
	mu.Lock()
	defer mu.Unlock()
	// The first log message may be taken by the writer before the rest are
	// posted; the diagnostics of version 1 are either sent before version 2
	// was posted or superseded by it, never sent after it.
	want := "log 1|diags file:///a.py v2|log 2"
	if strings.Join(got, "|") != want && strings.Join(got, "|") != "log 1|diags file:///a.py v1|log 2|diags file:///a.py v2" {
		t.Errorf("sent %v, want %s", got, want)
	}
}

// TestConcurrentRequestsBounded: requests beyond maxConcurrentRequests wait
// on the read loop (the client is no longer read) instead of each getting a
// goroutine.
func TestConcurrentRequestsBounded(t *testing.T) {
	var mu sync.Mutex
	running, most := 0, 0
	reached := make(chan struct{})
	var reachedOnce sync.Once
	release := make(chan struct{})
	opts := Options{Hooks: Hooks{BeforeHandle: func(ctx context.Context, method string) {
		if method != protocol.MethodTextDocumentHover {
			return
		}
		mu.Lock()
		running++
		most = max(most, running)
		if running == maxConcurrentRequests {
			reachedOnce.Do(func() { close(reached) })
		}
		mu.Unlock()
		<-release
		mu.Lock()
		running--
		mu.Unlock()
	}}}
	c := newRawClient(t, startInProcess(t, opts))
	c.initialize()
	const requests = maxConcurrentRequests + 40
	sent := make(chan struct{})
	go func() {
		defer close(sent)
		for i := 0; i < requests; i++ {
			c.request(protocol.MethodTextDocumentHover, `{"textDocument":{"uri":"file:///none.py"},"position":{"line":0,"character":0}}`)
		}
	}()
	<-reached
	close(release)
	answered := 0
	for answered < requests {
		if m := c.read(); m.Method == "" {
			answered++
		}
	}
	<-sent
	mu.Lock()
	defer mu.Unlock()
	if most != maxConcurrentRequests {
		t.Errorf("%d requests ran at once, want the bound, %d", most, maxConcurrentRequests)
	}
}

// TestClosedDocumentReleased: when a document closes, its module leaves the
// index unless its disk version belongs there (inside the workspace and
// within the budget), and the budget follows.
func TestClosedDocumentReleased(t *testing.T) {
	small := "def f():\n    return 1\n"
	big := "def g():\n    return '" + strings.Repeat("x", 200) + "'\n"
	dir := writeFiles(t, map[string]string{"small.py": small, "big.py": big})
	outside := writeFiles(t, map[string]string{"elsewhere.py": small})
	s := newServer(Options{IndexMaxBytes: int64(len(small) + 10)})
	s.ws.setFolders([]string{dir})
	for _, path := range []string{filepath.Join(dir, "small.py"), filepath.Join(dir, "big.py"), filepath.Join(outside, "elsewhere.py")} {
		// As if open: the editor's version is in the project.
		m, _ := s.ws.buildModule(analysis.Parse(path, []byte(small)))
		s.ws.put(m, func() bool { return true }, nil)
		s.ws.revert(path) // closed
	}
	indexed := func(path string) bool {
		project, _ := s.ws.snapshot(path)
		return project.Module(path) != nil
	}
	if !indexed(filepath.Join(dir, "small.py")) {
		t.Error("small.py, inside the workspace and the budget, left the index")
	}
	if indexed(filepath.Join(dir, "big.py")) {
		t.Error("big.py, beyond the byte budget, stayed in the index after closing")
	}
	if indexed(filepath.Join(outside, "elsewhere.py")) {
		t.Error("a document outside the workspace stayed in the index after closing")
	}
	s.ws.mu.Lock()
	defer s.ws.mu.Unlock()
	if s.ws.budget.bytes != int64(len(small)) || len(s.ws.budget.sizes) != 1 {
		t.Errorf("budget holds %d bytes in %d files, want small.py alone", s.ws.budget.bytes, len(s.ws.budget.sizes))
	}
}
