package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asyncls/asyncls/lint"
)

func TestExitNonZeroOnFix(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.py": blocking})
	code, _, errOut := runCLI(t, "", "check", "--fix", dir)
	if code != exitOK || !strings.Contains(errOut, "Found 1 problem (1 fixed, 0 remaining).") {
		t.Errorf("--fix that leaves nothing: exit %d, %q", code, errOut)
	}
	os.WriteFile(filepath.Join(dir, "a.py"), []byte(blocking), 0o644)
	if code, _, _ := runCLI(t, "", "check", "--fix", "--exit-non-zero-on-fix", dir); code != exitFindings {
		t.Errorf("--exit-non-zero-on-fix after a fix: exit %d", code)
	}
	if code, _, _ := runCLI(t, "", "check", "--fix", "--exit-non-zero-on-fix", dir); code != exitOK {
		t.Errorf("--exit-non-zero-on-fix with nothing to fix: exit %d", code)
	}
}

func TestUnsafeFixesAloneSaysItOnlyWidensFix(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.py": "async def save():\n    pass\n\nasync def main():\n    save()\n"})
	code, out, errOut := runCLI(t, "", "check", "--unsafe-fixes", "--output-format", "concise", dir)
	if code != exitFindings || !strings.Contains(errOut, "--unsafe-fixes only widens --fix") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "ASL102 [*]") || !strings.Contains(errOut, "[*] 1 fixable with --fix.") {
		t.Errorf("with --unsafe-fixes the unsafe fix is marked fixable: %q %q", out, errOut)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a.py")); strings.Contains(string(got), "await") {
		t.Error("--unsafe-fixes without --fix changed the file")
	}
}

// An unsafe fix (add `await`) that creates another rule's finding (ASL401:
// the awaits are now sequential, fixable with gather) must show that
// finding, not apply its fix in the same run.
func TestFixDoesNotApplyFixesOfFindingsItCreated(t *testing.T) {
	src := "import asyncio\n\n\nasync def fetch(url):\n    await asyncio.sleep(0.2)\n    return url\n\n\nasync def main():\n" +
		"    a = await fetch(\"a\")\n    fetch(\"b\")\n    return a\n\n\nasyncio.run(main())\n"
	dir := writeTree(t, map[string]string{"a.py": src})
	code, out, errOut := runCLI(t, "", "check", "--fix", "--unsafe-fixes", "--output-format", "concise", dir)
	got, _ := os.ReadFile(filepath.Join(dir, "a.py"))
	if !strings.Contains(string(got), "    await fetch(\"b\")\n") || strings.Contains(string(got), "gather") {
		t.Fatalf("file after --fix --unsafe-fixes:\n%s", got)
	}
	if code != exitFindings || !strings.Contains(out, "ASL401") || !strings.Contains(errOut, "(1 fixed, 1 remaining)") {
		t.Errorf("the new ASL401 finding must be reported: exit %d\n%s\n%s", code, out, errOut)
	}
	// Shown now, the next run fixes it.
	runCLI(t, "", "check", "--fix", "--unsafe-fixes", dir)
	if got, _ := os.ReadFile(filepath.Join(dir, "a.py")); !strings.Contains(string(got), "gather") {
		t.Errorf("second run did not apply the shown ASL401 fix:\n%s", got)
	}
}

func TestAddNoqaMergesExisting(t *testing.T) {
	src := "import asyncio\nimport time\n\nasync def save():\n    pass\n\nasync def main():\n" +
		"    time.sleep(1)  # noqa: E501\n" + // merged into the existing directive
		"    save()  # keep this comment\n" + // appended after another comment
		"    time.sleep(2)   \n" + // trailing blanks replaced
		"    save(\"\"\"\n    \"\"\")\n" + // the line ends inside a string: left alone, named
		"    await asyncio.sleep(0)\n"
	dir := writeTree(t, map[string]string{"a.py": src})
	code, _, errOut := runCLI(t, "", "check", "--add-noqa", dir)
	got, _ := os.ReadFile(filepath.Join(dir, "a.py"))
	for _, want := range []string{
		"    time.sleep(1)  # noqa: E501, ASYNC251\n",
		"    save()  # keep this comment  # noqa: ASL102\n",
		"    time.sleep(2)  # noqa: ASYNC251\n",
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("--add-noqa: missing %q in\n%s", want, got)
		}
	}
	if code != exitOK || !strings.Contains(errOut, "Added 3 noqa directives.") || !strings.Contains(errOut, "a.py:11: the line ends inside a string") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	code, out, _ := runCLI(t, "", "check", "--output-format", "concise", dir)
	if code != exitFindings || strings.Count(out, "\n") != 1 || !strings.Contains(out, "a.py:11:5: ASL102") {
		t.Errorf("after --add-noqa only the finding inside the string remains: %s", out)
	}
}

// A finding that stands for several calls (ASL202's sqlite3 work of a
// function, one finding at the first call) lets a call with a noqa stand
// for itself alone: the next call then makes the finding. --add-noqa
// checks again until nothing is left to silence, so that the next check
// finds nothing (it used to add one directive per run).
func TestAddNoqaSilencesGroupedCalls(t *testing.T) {
	src := "import sqlite3\n\n\nasync def count(path):\n    conn = sqlite3.connect(path)\n" +
		"    n = conn.execute(\"select count(*) from t\").fetchone()\n    conn.close()\n    return n\n"
	dir := writeTree(t, map[string]string{"a.py": src})
	code, out, _ := runCLI(t, "", "check", "--output-format", "concise", dir)
	if code != exitFindings || strings.Count(out, "ASL202") != 1 {
		t.Fatalf("one grouped ASL202 finding expected: exit %d\n%s", code, out)
	}
	code, _, errOut := runCLI(t, "", "check", "--add-noqa", dir)
	if code != exitOK || !strings.Contains(errOut, "Added 2 noqa directives.") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	code, out, _ = runCLI(t, "", "check", "--output-format", "concise", dir)
	if code != exitOK {
		t.Errorf("after --add-noqa nothing remains: exit %d\n%s", code, out)
	}
}

// --add-noqa with --fix or --diff is refused, and the file is left alone
// (--fix was ignored: the findings it would fix got noqa comments).
func TestAddNoqaDoesNotCombineWithFix(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.py": blocking})
	for _, flag := range []string{"--fix", "--diff"} {
		code, _, errOut := runCLI(t, "", "check", "--add-noqa", flag, dir)
		if got, _ := os.ReadFile(filepath.Join(dir, "a.py")); code != exitError || string(got) != blocking ||
			!strings.Contains(errOut, "do not combine it with --fix or --diff") {
			t.Errorf("--add-noqa %s: exit %d, stderr %q, file:\n%s", flag, code, errOut, got)
		}
	}
}

// A comment cannot follow a backslash continuation: --add-noqa names the
// line instead of writing a file Python refuses.
func TestAddNoqaLeavesBackslashContinuations(t *testing.T) {
	src := "import time\n\nasync def main():\n    x = time.sleep(1) or \\\n        1\n    return x\n"
	dir := writeTree(t, map[string]string{"a.py": src})
	code, _, errOut := runCLI(t, "", "check", "--add-noqa", dir)
	if got, _ := os.ReadFile(filepath.Join(dir, "a.py")); string(got) != src {
		t.Errorf("--add-noqa changed the file:\n%s", got)
	}
	if code != exitOK || !strings.Contains(errOut, "a.py:4: the line continues with a backslash; add the noqa comment by hand") ||
		!strings.Contains(errOut, "Added 0 noqa directives.") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

func TestStdinDashAndInlineConfig(t *testing.T) {
	code, out, _ := runCLI(t, blocking, "check", "--output-format", "concise", "-")
	if code != exitFindings || !strings.HasPrefix(out, "-:5:5: ASYNC251") {
		t.Errorf("- as path: exit %d %q", code, out)
	}
	code, out, _ = runCLI(t, blocking, "check", "--output-format", "concise", "--stdin-filename", "app.py", "-")
	if code != exitFindings || !strings.HasPrefix(out, "app.py:5:5: ASYNC251") {
		t.Errorf("- with --stdin-filename: exit %d %q", code, out)
	}
	if code, _, errOut := runCLI(t, blocking, "check", "--config", `ignore = ["ASYNC251"]`, "-"); code != exitOK {
		t.Errorf("inline --config ignore: exit %d %q", code, errOut)
	}
	dir := writeTree(t, map[string]string{"pyproject.toml": "[tool.asyncls]\nignore = [\"ASYNC251\"]\n", "a.py": blocking})
	if code, _, _ := runCLI(t, "", "check", dir); code != exitOK {
		t.Errorf("file config ignores ASYNC251: exit %d", code)
	}
	if code, _, _ := runCLI(t, "", "check", "--config", "ignore = []", dir); code != exitFindings {
		t.Errorf("inline --config overrides the file's key: exit %d", code)
	}
	if code, _, errOut := runCLI(t, "", "check", "--config", "bogus = 1", dir); code != exitError || !strings.Contains(errOut, "bogus") {
		t.Errorf("bad inline key: exit %d %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, "", "check", "--config", "select = [", dir); code != exitError || !strings.Contains(errOut, "--config") {
		t.Errorf("bad inline TOML: exit %d %q", code, errOut)
	}
}

func TestShowSettingsAndFiles(t *testing.T) {
	dir := writeTree(t, map[string]string{"pyproject.toml": "[tool.asyncls]\nignore = [\"ASYNC251\"]\n", "pkg/a.py": blocking, "build/gen.py": blocking, "notes.txt": "x"})
	code, out, _ := runCLI(t, "", "check", "--show-files", dir)
	if code != exitOK || !strings.Contains(out, filepath.Join("pkg", "a.py")) || strings.Contains(out, "gen.py") || strings.Contains(out, "notes.txt") {
		t.Errorf("--show-files: exit %d %q", code, out)
	}
	code, out, _ = runCLI(t, "", "check", "--show-settings", "--config", "executor-workers = 4", dir)
	for _, want := range []string{"pyproject.toml", `ignore = ["ASYNC251"]`, "executor-workers = 4", "Enabled rules", "ASL101",
		"Also enabled in Home Assistant integrations: ASYNC240 ASL203", "Not run on command-line programs' own modules (local-io-in-cli): ASYNC230"} {
		if !strings.Contains(out, want) {
			t.Errorf("--show-settings lacks %q:\n%s", want, out)
		}
	}
	if code != exitOK || strings.Contains(out, " ASYNC251") {
		t.Errorf("--show-settings: exit %d, ignored rule listed as enabled:\n%s", code, out)
	}
}

// syncBuffer is a bytes.Buffer safe for the watcher goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestWatchRechecksOnChange(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.py": "import asyncio\n\nasync def f():\n    await asyncio.sleep(0)\n"})
	saved := watchPoll
	watchPoll = 20 * time.Millisecond
	defer func() { watchPoll = saved }()
	fs, f := newCheckFlags(&bytes.Buffer{})
	fs.Parse([]string{"--watch", "--output-format", "concise"})
	cfg, err := loadCheckConfig(f, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut syncBuffer
	stop := make(chan struct{})
	done := make(chan int)
	go func() { done <- watch(f, cfg, []string{dir}, &out, &errOut, stop) }()
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		// A hang guard, not a speed limit: the watcher polls every 20 ms,
		// and a check under -race on two busy cores takes seconds.
		for deadline := time.Now().Add(time.Minute); !cond(); time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				close(stop)
				t.Fatalf("watch: %s never happened; stdout %q stderr %q", what, out.String(), errOut.String())
			}
		}
	}
	// Each edit lands whole (written beside, then renamed): os.WriteFile
	// truncates first, and a poll between the truncation and the write on
	// a loaded machine would see two changes and count one check too many.
	staging := t.TempDir()
	writeWhole := func(name string) {
		t.Helper()
		tmp := filepath.Join(staging, name)
		if err := os.WriteFile(tmp, []byte(blocking), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	waitFor("first check", func() bool { return strings.Contains(errOut.String(), "All checks passed!") })
	writeWhole("a.py")
	waitFor("re-check after the edit", func() bool { return strings.Contains(out.String(), "ASYNC251") })
	writeWhole("b.py")
	waitFor("check of a new file", func() bool { return strings.Contains(out.String(), "b.py:5:5: ASYNC251") })
	// A pyproject.toml created where there was none is configuration too.
	tmp := filepath.Join(staging, "pyproject.toml")
	os.WriteFile(tmp, []byte("[tool.asyncls]\nignore = [\"ASYNC251\"]\n"), 0o644)
	if err := os.Rename(tmp, filepath.Join(dir, "pyproject.toml")); err != nil {
		t.Fatal(err)
	}
	waitFor("re-check after a new pyproject.toml", func() bool { return strings.Count(errOut.String(), "All checks passed!") == 2 })
	close(stop)
	if status := <-done; status != exitOK {
		t.Errorf("watch returned %d, want the last check's status %d", status, exitOK)
	}
	if n := strings.Count(errOut.String(), "Watching for file changes"); n != 4 {
		t.Errorf("want 4 checks, got %d:\n%s", n, errOut.String())
	}
}

func TestProgressCounter(t *testing.T) {
	var buf bytes.Buffer
	if p := newProgress(&buf); p != nil {
		t.Fatal("a buffer is not a terminal: no progress")
	}
	p := &progress{w: &buf, start: time.Now()}
	p.update(lint.Checking, 1, 10)
	if buf.Len() != 0 {
		t.Errorf("progress shown before a second passed: %q", buf.String())
	}
	p.start = time.Now().Add(-2 * time.Second)
	p.update(lint.Checking, 10, 10)
	p.done()
	if s := buf.String(); !strings.Contains(s, "checking 10/10 files") || !strings.HasSuffix(s, "\r") {
		t.Errorf("progress = %q", s)
	}
}

// TestBadFlagsAreOneLine: an unknown flag or an empty list of codes is a
// usage error (exit 2) named as users type it, in one line plus where to
// find the flags, not Go's "-bogus" and the whole usage; --help still
// prints the usage.
func TestBadFlagsAreOneLine(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.py": blocking})
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "--bogus", dir}, "asyncls check: unknown flag --bogus\n"},
		{[]string{"check", "--select=", dir}, `asyncls check: invalid value "" for flag --select: no rule code given`},
		{[]string{"check", "--ignore", ",", dir}, `invalid value "," for flag --ignore: no rule code given`},
		{[]string{"rules", "--bogus"}, "asyncls rules: unknown flag --bogus\n"},
		{[]string{"serve", "--bogus"}, "asyncls serve: unknown flag --bogus\n"},
	} {
		code, _, errOut := runCLI(t, "", tc.args...)
		if code != exitError || !strings.Contains(errOut, tc.want) || !strings.Contains(errOut, "--help` for its flags") ||
			strings.Contains(errOut, "Flags:") {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q in one line", tc.args, code, errOut, tc.want)
		}
	}
	if code, out, errOut := runCLI(t, "", "check", "--help"); code != exitOK || !strings.Contains(out+errOut, "Flags:") {
		t.Errorf("--help: exit %d, %q %q", code, out, errOut)
	}
}
