package gitignore

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func TestPatterns(t *testing.T) {
	cases := []struct {
		pattern string
		path    string
		isDir   bool
		want    bool
	}{
		{"*.log", "a.log", false, true},
		{"*.log", "deep/er/a.log", false, true}, // no slash: any level
		{"*.log", "a.logx", false, false},
		{"/top.py", "top.py", false, true}, // leading slash: anchored
		{"/top.py", "sub/top.py", false, false},
		{"doc/gen.py", "doc/gen.py", false, true}, // middle slash: anchored
		{"doc/gen.py", "x/doc/gen.py", false, false},
		{"build/", "build", true, true}, // directory only
		{"build/", "build", false, false},
		{"build/", "src/build", true, true}, // trailing slash alone does not anchor
		{"**/gen", "a/b/gen", false, true},
		{"**/gen", "gen", false, true},
		{"a/**", "a/b/c.py", false, true},
		{"a/**", "a", true, false},
		{"a/**/z.py", "a/z.py", false, true},
		{"a/**/z.py", "a/b/c/z.py", false, true},
		{"a/**/z.py", "b/a/z.py", false, false},
		{"?.py", "x.py", false, true},
		{"?.py", "xy.py", false, false},
		{"*.py", "a/b.py", false, true},
		{"a*.py", "a/b.py", false, false}, // * never crosses a slash
		{"[abc].py", "b.py", false, true},
		{"[!abc].py", "b.py", false, false},
		{"[!abc].py", "d.py", false, true},
		{"[a-c]x.py", "bx.py", false, true},
		{"[a-c]x.py", "dx.py", false, false},
		{`\#hash.py`, "#hash.py", false, true},
		{"# comment", "# comment", false, false},
		{`\!bang.py`, "!bang.py", false, true},
		{"trailing.py   ", "trailing.py", false, true},
		{`star\*.py`, "star*.py", false, true},
		{`star\*.py`, "starx.py", false, false},
	}
	for _, c := range cases {
		ps := Parse([]byte(c.pattern))
		got := false
		for _, p := range ps {
			if (!p.dirOnly || c.isDir) && p.re.MatchString(c.path) {
				got = !p.negate
			}
		}
		if got != c.want {
			t.Errorf("pattern %q on %q (dir %v) = %v, want %v", c.pattern, c.path, c.isDir, got, c.want)
		}
	}
}

func write(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestNestedNegationAndParents(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		".gitignore":         "*.gen.py\n!keep.gen.py\nout/\n/vendored\n",
		"pkg/.gitignore":     "!special.gen.py\nlocal.py\n",
		"pkg/sub/.gitignore": "*.py\n!wanted.py\n",
		".git/info/exclude":  "secret.py\n",
		"out/.gitignore":     "!x.py\n", // cannot re-include below an ignored directory
		"a.gen.py":           "",
		"keep.gen.py":        "",
		"pkg/special.gen.py": "",
		"pkg/other.gen.py":   "",
		"pkg/local.py":       "",
		"local.py":           "",
		"pkg/sub/x.py":       "",
		"pkg/sub/wanted.py":  "",
		"out/x.py":           "",
		"vendored/v.py":      "",
		"pkg/vendored/v.py":  "",
		"secret.py":          "",
	})
	m := New(root)
	for rel, want := range map[string]bool{
		"a.gen.py":           true,
		"keep.gen.py":        false, // negated
		"pkg/special.gen.py": false, // negated by the deeper file
		"pkg/other.gen.py":   true,  // the parent's pattern applies below
		"pkg/local.py":       true,
		"local.py":           false, // pkg/.gitignore does not reach up
		"pkg/sub/x.py":       true,
		"pkg/sub/wanted.py":  false,
		"out/x.py":           true, // its directory is ignored
		"vendored/v.py":      true,
		"pkg/vendored/v.py":  false, // anchored to the top
		"secret.py":          true,  // .git/info/exclude
	} {
		if got := m.Ignored(filepath.Join(root, rel), false); got != want {
			t.Errorf("Ignored(%s) = %v, want %v", rel, got, want)
		}
	}
	if !m.Match(filepath.Join(root, "out"), true) || m.Match(filepath.Join(root, "out"), false) {
		t.Error("out/ must match the directory only")
	}
	if m.Ignored(root, true) || m.Ignored(filepath.Dir(root), true) {
		t.Error("the top and paths outside it are never ignored")
	}
}

// TestAgreesWithGit compares Ignored with `git check-ignore` on a tree of
// nested .gitignore files (skipped without git).
func TestAgreesWithGit(t *testing.T) {
	gitPath, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	root := t.TempDir()
	if out, err := exec.Command(gitPath, "init", "-q", root).CombinedOutput(); err != nil {
		t.Skipf("git init: %v %s", err, out)
	}
	files := map[string]string{
		".gitignore":       "*.log\n/build/\ndocs/**/*.tmp\n!important.log\n**/cache\n[ab]?.py\nsp\\ ace.py\n\\#x.py\nnested/deep/\n*.gen.*\n!keep.gen.py\n",
		"src/.gitignore":   "!*.log\n/local.py\nsub/*.py\n!sub/ok.py\n",
		"src/a/.gitignore": "*\n!*.py\n!*/\n",
	}
	paths := []string{
		"x.log", "important.log", "src/x.log", "build/a.py", "src/build/a.py", "docs/a/b/c.tmp", "docs/c.tmp",
		"cache/x.py", "src/cache/y.py", "a1.py", "ab.py", "c1.py", "sp ace.py", "#x.py", "nested/deep/f.py",
		"src/nested/deep/f.py", "m.gen.py", "keep.gen.py", "src/local.py", "src/x/local.py", "src/sub/a.py",
		"src/sub/ok.py", "src/sub/deeper/a.py", "src/a/f.py", "src/a/f.txt", "src/a/d/g.py", "src/a/d/g.txt",
	}
	for name, content := range files {
		p := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(content), 0o644)
	}
	for _, rel := range paths {
		p := filepath.Join(root, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, nil, 0o644)
	}
	m := New(root)
	for _, rel := range paths {
		cmd := exec.Command(gitPath, "-C", root, "check-ignore", "-q", "--no-index", rel)
		err := cmd.Run()
		gitIgnored := err == nil
		if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
			t.Fatalf("git check-ignore %s: %v", rel, err)
		}
		if got := m.Ignored(filepath.Join(root, rel), false); got != gitIgnored {
			t.Errorf("%s: Ignored = %v, git says %v", rel, got, gitIgnored)
		}
	}
}
