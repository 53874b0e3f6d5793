package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixThatCannotWrite: --fix on a file it may not write says so, keeps
// the file and its findings, and exits 2 (never "0 remaining").
func TestFixThatCannotWrite(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.py": blocking})
	p := filepath.Join(dir, "a.py")
	if err := os.Chmod(p, 0o444); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "check", "--output-format", "concise", "--fix", dir)
	if code != exitError || !strings.Contains(errOut, "read-only") {
		t.Errorf("exit %d, stderr %q: want exit 2 naming the read-only file", code, errOut)
	}
	if !strings.Contains(out, "ASYNC251") {
		t.Errorf("the unfixed finding must still be reported: %q", out)
	}
	if got, _ := os.ReadFile(p); string(got) != blocking {
		t.Errorf("the read-only file changed:\n%s", got)
	}
}

// TestFixKeepsBOMAndLineEndings runs --fix on the reproducers of a file
// with a UTF-8 BOM and one with CRLF line endings: the BOM stays first, no
// bare "\n" appears, the mode is kept.
func TestFixKeepsBOMAndLineEndings(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"bom.py":  "\xef\xbb\xbfimport time\nasync def f():\n    time.sleep(1)\n",
		"crlf.py": "import time, asyncio\r\n\r\nasync def g():\r\n    await asyncio.sleep(0)\r\n\r\nasync def f():\r\n    asyncio.create_task(g())\r\n",
	})
	os.Chmod(filepath.Join(dir, "crlf.py"), 0o640)
	if code, _, errOut := runCLI(t, "", "check", "--fix", dir); code == exitError {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	bom, _ := os.ReadFile(filepath.Join(dir, "bom.py"))
	if !strings.HasPrefix(string(bom), "\xef\xbb\xbfimport asyncio\n") || strings.Count(string(bom), "\xef\xbb\xbf") != 1 {
		t.Errorf("bom.py:\n%q", bom)
	}
	crlf, _ := os.ReadFile(filepath.Join(dir, "crlf.py"))
	if !strings.Contains(string(crlf), "_background_tasks.add(task)\r\n") || strings.Count(string(crlf), "\n") != strings.Count(string(crlf), "\r\n") {
		t.Errorf("crlf.py has bare line feeds:\n%q", crlf)
	}
	if info, _ := os.Stat(filepath.Join(dir, "crlf.py")); info.Mode().Perm() != 0o640 {
		t.Errorf("crlf.py mode %v, want 0640", info.Mode().Perm())
	}
}

// TestSymlinkedDirectoryIsChecked: `check link` where link is a symbolic
// link to a directory lints what is in it (it used to lint nothing and exit 0).
func TestSymlinkedDirectoryIsChecked(t *testing.T) {
	dir := writeTree(t, map[string]string{"real/a.py": blocking})
	link := filepath.Join(dir, "link")
	if err := os.Symlink(filepath.Join(dir, "real"), link); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "check", "--output-format", "concise", link)
	if code != exitFindings || !strings.Contains(out, filepath.Join("link", "a.py")+":5:5: ASYNC251") {
		t.Errorf("exit %d, out %q, err %q", code, out, errOut)
	}
}

// TestParserLimits: the reliability reproducers. Valid Python with deep
// indentation or CR-only line endings gets its findings and no syntax
// error; Python 2 gets a syntax error that says so.
func TestParserLimits(t *testing.T) {
	var nested strings.Builder
	nested.WriteString("import time\nasync def f():\n")
	for i := 1; i <= 64; i++ {
		nested.WriteString(strings.Repeat("    ", i) + "if x:\n")
	}
	nested.WriteString(strings.Repeat("    ", 65) + "time.sleep(1)\n")
	dir := writeTree(t, map[string]string{
		"nested.py": nested.String(),
		"indent.py": "import time\nasync def f():\n    if x:\n" + strings.Repeat(" ", 256) + "time.sleep(1)\n    time.sleep(2)\n",
		"cr.py":     "import time\rasync def f():\r    x = 1\r    time.sleep(1)\r",
		"py2.py":    "print 'hello'\nexec 'x = 1'\ny = `x`\n",
	})
	_, out, _ := runCLI(t, "", "check", "--output-format", "concise", "--select", "ASYNC251,E999", dir)
	for _, want := range []string{"nested.py:67:261: ASYNC251", "indent.py:4:257: ASYNC251", "indent.py:5:5: ASYNC251",
		"cr.py:4:5: ASYNC251", "py2.py:1:1: E999 syntax error: a `print` statement is Python 2 syntax",
		"py2.py:3:5: E999 syntax error: a backquoted expression is Python 2 syntax"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, f := range []string{"nested.py", "indent.py", "cr.py"} {
		if l := lineOf(out, f, "E999"); l != "" {
			t.Errorf("%s: false syntax error: %s", f, l)
		}
	}
}

func lineOf(out, file, code string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, file+":") && strings.Contains(l, code) {
			return l
		}
	}
	return ""
}

// TestSimulateNeverReadsADevice: `asyncls simulate x.py` where x.py is a
// link to /dev/zero refuses at once instead of reading gigabytes.
func TestSimulateNeverReadsADevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	dir := t.TempDir()
	link := filepath.Join(dir, "x.py")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "", "simulate", link)
	if code != exitError || !strings.Contains(errOut, "not a regular file (a device)") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// TestStdinIsNeverWritten: with --stdin-filename ./x.py (a name that is
// shown as x.py), --fix and --add-noqa print the result and leave the file
// of that name alone.
func TestStdinIsNeverWritten(t *testing.T) {
	dir := writeTree(t, map[string]string{"x.py": blocking})
	t.Chdir(dir)
	for _, flag := range []string{"--fix", "--add-noqa"} {
		code, out, errOut := runCLI(t, blocking, "check", flag, "--stdin-filename", "./x.py")
		if code == exitError || !strings.Contains(out, "asyncio.sleep(1)") && !strings.Contains(out, "noqa") {
			t.Errorf("%s: exit %d, out %q, err %q", flag, code, out, errOut)
		}
		if got, _ := os.ReadFile(filepath.Join(dir, "x.py")); string(got) != blocking {
			t.Errorf("%s wrote the file of standard input's name:\n%s", flag, got)
		}
	}
}

// TestForceExclude: the pre-commit hook names every changed file; with
// --force-exclude (its entry) an excluded or git-ignored file named
// explicitly is skipped as `check .` skips it, so both agree.
func TestForceExclude(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"pyproject.toml":       "[tool.asyncls]\nextend-exclude = [\"migrations\"]\n",
		".gitignore":           "generated_*.py\n",
		".git/HEAD":            "ref: refs/heads/main\n",
		"app/migrations/m1.py": blocking,
		"generated_x.py":       blocking,
		"app/ok.py":            blocking,
	})
	named := []string{filepath.Join(dir, "app", "migrations", "m1.py"), filepath.Join(dir, "generated_x.py"), filepath.Join(dir, "app", "ok.py")}
	_, whole, _ := runCLI(t, "", "check", "--output-format", "concise", dir)
	_, forced, _ := runCLI(t, "", append([]string{"check", "--output-format", "concise", "--force-exclude"}, named...)...)
	if whole != forced || !strings.Contains(forced, "ok.py") || strings.Contains(forced, "m1.py") || strings.Contains(forced, "generated_x.py") {
		t.Errorf("check --force-exclude FILES:\n%s\ncheck DIR:\n%s", forced, whole)
	}
	_, plain, _ := runCLI(t, "", append([]string{"check", "--output-format", "concise"}, named...)...)
	if !strings.Contains(plain, "m1.py") || !strings.Contains(plain, "generated_x.py") {
		t.Errorf("without --force-exclude, files named are checked:\n%s", plain)
	}
	hooks, err := os.ReadFile(filepath.Join("..", "..", ".pre-commit-hooks.yaml"))
	if err != nil || strings.Count(string(hooks), "entry: asyncls check --force-exclude") != 2 {
		t.Errorf("both pre-commit hooks must pass --force-exclude: %v\n%s", err, hooks)
	}
}

// TestFixOneFileOfAProject: --fix on one file of a project applies a fix
// that only the project's context reveals (ASL201 through another module)
// and re-analyses it in that context: nothing remains, nothing else is written.
func TestFixOneFileOfAProject(t *testing.T) {
	util := "import time\n\n\ndef block():\n    time.sleep(1)\n"
	dir := writeTree(t, map[string]string{
		"pyproject.toml":  "[project]\nname = \"app\"\n",
		"app/__init__.py": "",
		"app/util.py":     util,
		"app/main.py":     "import asyncio\n\nfrom app.util import block\n\n\nasync def main():\n    block()\n    await asyncio.sleep(0)\n",
	})
	main := filepath.Join(dir, "app", "main.py")
	code, out, errOut := runCLI(t, "", "check", "--output-format", "concise", "--select", "ASL201", "--fix", "--unsafe-fixes", main)
	if code != exitOK {
		t.Errorf("exit %d, out %q, err %q", code, out, errOut)
	}
	if got, _ := os.ReadFile(main); !strings.Contains(string(got), "await asyncio.to_thread(block)") {
		t.Errorf("main.py:\n%s", got)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "app", "util.py")); string(got) != util {
		t.Errorf("util.py, not named, was changed:\n%s", got)
	}
}

// TestDeclaredEncodingIsChecked: a file in the encoding its PEP 263
// declaration names (IPython's tests declare iso-8859-5) is checked as
// Python reads it, not refused; --fix does not rewrite it as UTF-8.
func TestDeclaredEncodingIsChecked(t *testing.T) {
	src := "# coding: iso-8859-5\nimport asyncio\nimport time\n\nasync def main():\n    s = '\xae\xe2'\n    time.sleep(1)\n    await asyncio.sleep(0)\n"
	dir := writeTree(t, map[string]string{"cyr.py": src})
	code, out, errOut := runCLI(t, "", "check", "--output-format", "concise", dir)
	if code != exitFindings || strings.Contains(errOut, "error") || !strings.Contains(out, "cyr.py:7:5: ASYNC251") {
		t.Errorf("exit %d, stdout %q, stderr %q: want the ASYNC251 finding and no error", code, out, errOut)
	}
	stdinCode, stdinOut, _ := runCLI(t, src, "check", "--output-format", "concise", "--stdin-filename", "cyr.py")
	if stdinCode != exitFindings || !strings.Contains(stdinOut, "cyr.py:7:5: ASYNC251") {
		t.Errorf("--stdin-filename: exit %d, stdout %q: want the same finding as the file's", stdinCode, stdinOut)
	}
	code, _, errOut = runCLI(t, "", "check", "--fix", dir)
	if code != exitError || !strings.Contains(errOut, "other than UTF-8") {
		t.Errorf("--fix: exit %d, stderr %q: want exit 2 saying the file is not in UTF-8", code, errOut)
	}
	code, out, _ = runCLI(t, "", "check", "--diff", dir)
	if strings.Contains(out, "+++") {
		t.Errorf("--diff: exit %d, a diff of the decoded text was shown: %q", code, out)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "cyr.py")); string(got) != src {
		t.Errorf("the file was rewritten:\n%q", got)
	}
}

// --config naming a file that does not exist, a directory, or a
// pyproject.toml without [tool.asyncls] says so in plain words.
func TestConfigFlagNamesTheProblem(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.py": "x = 1\n", "other.toml": "[project]\nname = \"x\"\n"})
	for arg, want := range map[string]string{
		filepath.Join(dir, "missing.toml"): filepath.Join(dir, "missing.toml") + ": no such file\n",
		dir:                                dir + ": is a directory, not a pyproject.toml\n",
	} {
		code, _, errOut := runCLI(t, "", "check", "--config", arg, filepath.Join(dir, "a.py"))
		if code != exitError || errOut != "asyncls: "+want {
			t.Errorf("--config %s: exit %d, stderr %q, want %q", arg, code, errOut, want)
		}
	}
	code, _, errOut := runCLI(t, "", "check", "--config", filepath.Join(dir, "other.toml"), filepath.Join(dir, "a.py"))
	if code != exitOK || !strings.Contains(errOut, "has no [tool.asyncls] table; the defaults apply") {
		t.Errorf("--config without the table: exit %d, stderr %q", code, errOut)
	}
}
