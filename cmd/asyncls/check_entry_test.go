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
