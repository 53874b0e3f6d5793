package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// checkText is what `asyncls check` reports for text as file name, in the
// tests' rendering, sorted.
func checkText(t *testing.T, name, text string) string {
	t.Helper()
	dir := writeFiles(t, map[string]string{name: text})
	cfg := config.Default()
	files, _ := lint.Collect([]string{dir}, cfg)
	var out []string
	for _, d := range lint.Run(files, nil, cfg).Diagnostics {
		out = append(out, renderRule(d))
	}
	return strings.Join(sorted(out), "\n")
}

func renderAll(diags []protocol.Diagnostic) string {
	var out []string
	for _, d := range diags {
		out = append(out, renderLSP(d))
	}
	return strings.Join(sorted(out), "\n")
}

func countCodes(rendered string, codes ...string) int {
	n := 0
	for _, line := range strings.Split(rendered, "\n") {
		for _, c := range codes {
			if strings.HasPrefix(line, c+" ") {
				n++
			}
		}
	}
	return n
}

// TestSimulatorFindingsMatchCheckAfterEdits: the server publishes the
// simulator rules' findings (ASL401, ASL402) after the others and keeps them
// per function between versions; after each kind of edit (moving every
// function, editing a function with a finding, editing a callee another
// function's finding depends on, editing what the entry point calls) its
// final diagnostics equal `asyncls check` of the same text.
func TestSimulatorFindingsMatchCheckAfterEdits(t *testing.T) {
	var parts []string
	for _, f := range []string{"../testdata/rules/ASL401/basic.py", "../testdata/rules/ASL402/basic.py"} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, string(src))
	}
	text := strings.Join(parts, "\n\n")
	dir := t.TempDir()
	path := filepath.Join(dir, "app.py")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	u := uri.File(path)
	// No budget in this test: it compares complete results on a busy machine.
	c := newClient(t, startInProcess(t, Options{SimulationBudget: time.Hour}))
	c.initialize(dir, utf8Caps(), `{"debounceMs": 0}`)
	c.open(u, text)

	version := int32(1)
	compare := func(what string) string {
		t.Helper()
		want := checkText(t, "app.py", text)
		got := renderAll(c.waitDiagnostics(u, version))
		if got != want {
			t.Fatalf("%s: the server's final diagnostics differ from check\n got:\n%s\nwant:\n%s", what, got, want)
		}
		return got
	}
	replace := func(what, old, new string) {
		t.Helper()
		if !strings.Contains(text, old) {
			t.Fatalf("%s: %q not in the text", what, old)
		}
		text = strings.Replace(text, old, new, 1)
		version++
		c.change(u, version, &protocol.TextDocumentContentChangeWholeDocument{Text: text})
	}

	// The entry point's simulation shows as "holds the event loop ..." in
	// ASL402's findings and in the blocking rules' messages.
	delays := func(rendered string) int { return strings.Count(rendered, "holds the event loop") }
	first := compare("opened")
	if countCodes(first, "ASL401") < 3 || delays(first) < 2 {
		t.Fatalf("the test text should produce ASL401 findings and simulated delays:\n%s", first)
	}

	replace("a line above every function", "import asyncio\n", "# moved down\nimport asyncio\n")
	compare("after moving every function")

	replace("a statement in a function with a finding", "    a = await fetch(\"a\")  # want: ASL401",
		"    unused = 0\n    a = await fetch(\"a\")  # want: ASL401")
	compare("after editing a function with a finding")

	// fetch is not edited where the findings are: only their callee's
	// default delay changes, and with it the savings.
	replace("the callee's latency", "async def fetch(name, delay=0.2):", "async def fetch(name, delay=0.001):")
	after := compare("after editing the callee")
	if countCodes(after, "ASL401") >= countCodes(first, "ASL401") {
		t.Fatalf("shortening fetch's delay should drop ASL401 findings:\n%s", after)
	}

	replace("a blocking call the entry point reaches", "def load():\n    time.sleep(0.3)", "def load():\n    time.sleep(0.001)")
	last := compare("after editing what the entry point calls")
	if delays(last) >= delays(first) {
		t.Fatalf("shortening load's sleep should drop a simulated delay:\n%s", last)
	}
	c.shutdownAndExit()
}

// TestSimulatorBudgetSkips: with no time for the simulator, the server
// still publishes every other rule's findings as final, without ASL401.
// (The file has no entry point, so no blocking call's message carries a
// simulated delay.)
func TestSimulatorBudgetSkips(t *testing.T) {
	src, err := os.ReadFile("../testdata/rules/ASL401/basic.py")
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	dir := writeFiles(t, map[string]string{"app.py": text})
	u := uri.File(filepath.Join(dir, "app.py"))
	c := newClient(t, startInProcess(t, Options{SimulationBudget: time.Nanosecond}))
	c.initialize(dir, utf8Caps(), `{"debounceMs": 0}`)
	c.open(u, text)
	got := renderAll(c.waitDiagnostics(u, 1))
	want := checkText(t, "app.py", text)
	if countCodes(want, "ASL401") == 0 {
		t.Fatal("the test file has no ASL401 finding")
	}
	var others []string
	for _, line := range strings.Split(want, "\n") {
		if code, _, _ := strings.Cut(line, " "); !rules.IsSimulatorFinding(rules.Diagnostic{Code: code}) {
			others = append(others, line)
		}
	}
	if got != strings.Join(others, "\n") {
		t.Fatalf("with no simulation budget:\n got:\n%s\nwant (check without ASL401/ASL402):\n%s", got, strings.Join(others, "\n"))
	}
	c.shutdownAndExit()
}
