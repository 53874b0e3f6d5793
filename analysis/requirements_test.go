package analysis

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/asyncls/asyncls/pylib"
)

func TestCapsBelow(t *testing.T) {
	for _, c := range []struct {
		spec string
		want bool
	}{
		{"==1.7.3", true}, {"==2.0.1", false}, {"==1.*", true}, {"==2.*", false},
		{"<2", true}, {"<2.0", true}, {"<2.1", false}, {"<=1.7.3", true}, {"<=2.0", false},
		{">=1.5,<2", true}, {">=1.5", false}, {">=2.3.0", false}, {"!=2.0", false},
		{"~=1.7", true}, {"~=1.7.3", true}, {"~=2.0", false},
		{"^1.7", true}, {"^2.0", false}, {"~1.7", true}, {"1.7.3", true}, {"1.7", true}, {"2.1.0", false},
	} {
		if got := capsBelow(c.spec, "2.0"); got != c.want {
			t.Errorf("capsBelow(%q, 2.0) = %v, want %v", c.spec, got, c.want)
		}
	}
}

func TestDeclaresOlder(t *testing.T) {
	r := &pylib.Release{Dists: []string{"discord.py", "discord"}, Version: "2.0"}
	for _, c := range []struct {
		file, text string
		want       bool
	}{
		{"requirements.txt", "discord.py==1.2.5\npython-dotenv==0.10.3\n", true},
		{"requirements.txt", "Discord.py[voice] >= 1.5, < 2  # old bot\n", true},
		{"requirements.txt", "discord==1.7.3\n", true},
		{"requirements.txt", "discord.py>=2.3.0\n", false},
		{"requirements.txt", "discord.py\n", false},
		{"requirements.txt", "py-cord==2.4\n", false},
		{"requirements-dev.txt", "discord.py==1.7.3\n", true},
		{"pyproject.toml", "[project]\ndependencies = [\"discord.py~=1.7\", \"aiohttp\"]\n", true},
		{"pyproject.toml", "[tool.poetry.dependencies]\ndiscord-py = \"^1.7\"\n", true},
		{"pyproject.toml", "[tool.poetry.dependencies]\ndiscord-py = { version = \"^2.0\", extras = [\"voice\"] }\n", false},
		{"setup.py", "setup(install_requires=['discord.py==1.7.3'])\n", true},
		{"setup.cfg", "[options]\ninstall_requires =\n    discord.py<2\n", true},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, c.file), []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		p := NewProject(dir, nil)
		if got := p.DeclaresOlder(nil, r); got != c.want {
			t.Errorf("%s %q: DeclaresOlder = %v, want %v", c.file, c.text, got, c.want)
		}
	}
	// Two declarations, one admitting 2.x: the newer release may run.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "requirements.txt"), []byte("discord.py==1.7.3\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "setup.py"), []byte("install_requires=['discord.py>=1.7']\n"), 0o644)
	if NewProject(dir, nil).DeclaresOlder(nil, r) {
		t.Error("a declaration admitting 2.x must keep the coroutine record")
	}
	// A project checked from a subdirectory (its root, no marker there)
	// reads the declarations of the nearest directory above that has some.
	top := t.TempDir()
	os.WriteFile(filepath.Join(top, "requirements.txt"), []byte("discord.py==1.2.5\n"), 0o644)
	sub := filepath.Join(top, "bot")
	os.Mkdir(sub, 0o755)
	if !NewProject(sub, nil).DeclaresOlder(nil, r) {
		t.Error("the requirements.txt above the root must be read")
	}
	// The nearest declarations win: a package of its own below the pin.
	os.WriteFile(filepath.Join(sub, "setup.py"), []byte("install_requires=['discord.py>=2']\n"), 0o644)
	if NewProject(sub, nil).DeclaresOlder(nil, r) {
		t.Error("the root's own setup.py must win over the directory above")
	}
	if NewProject("", nil).DeclaresOlder(nil, r) {
		t.Error("no root: nothing declared")
	}
}

// A project-wide fact computed under Project.Memo (ASL106's thread
// functions, soleSubclass) may resolve a call to a library coroutine whose
// record a release limits: the declarations must be read without taking
// Project.Memo's mutex again, which is not reentrant.
func TestDeclaresOlderInsideProjectMemo(t *testing.T) {
	r := &pylib.Release{Dists: []string{"discord.py"}, Version: "2.0"}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "requirements.txt"), []byte("discord.py==1.7.3\n"), 0o644)
	p := NewProject(dir, nil)
	done := make(chan bool, 1)
	go func() {
		done <- p.Memo("outer", func() any { return p.DeclaresOlder(nil, r) }).(bool)
	}()
	select {
	case got := <-done:
		if !got {
			t.Error("DeclaresOlder = false, want true")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("DeclaresOlder inside Project.Memo deadlocks")
	}
}

func TestIsDeclarationFile(t *testing.T) {
	for path, want := range map[string]bool{
		"/p/requirements.txt":         true,
		"/p/requirements-dev.txt":     true,
		"/p/requirements/base.txt":    true,
		"/p/pyproject.toml":           true,
		"/p/setup.cfg":                true,
		"/p/setup.py":                 true,
		"/p/Pipfile":                  true,
		"/p/notes.txt":                false,
		"/p/app.py":                   false,
		"/p/Pipfile.lock":             false,
		"/p/docs/requirements.rst":    false,
		"/p/requirements/README.md":   false,
		"/p/constraints/requirements": false,
	} {
		if got := IsDeclarationFile(path); got != want {
			t.Errorf("IsDeclarationFile(%q) = %v, want %v", path, got, want)
		}
	}
}

// The Python versions a project declares are read as the distribution
// "python" (pylib.LoopArgumentRemovedIn: ASL109).
func TestDeclaresOlderPython(t *testing.T) {
	r := &pylib.Release{Dists: []string{"python"}, Version: "3.10"}
	for _, c := range []struct {
		file, text string
		want       bool
	}{
		{"pyproject.toml", "[project]\nrequires-python = \">=3.7,<3.10\"\n", true},
		{"pyproject.toml", "[project]\nrequires-python = \">=3.8\"\n", false},
		{"pyproject.toml", "[tool.poetry.dependencies]\npython = \"~3.8\"\n", true},
		{"pyproject.toml", "[tool.poetry.dependencies]\npython = \"^3.8\"\n", false},
		{"setup.py", "setup(name='x', python_requires='>=3.6, <=3.9')\n", true},
		{"setup.py", "setup(name='x', python_requires=\">=3.6\")\n", false},
		{"setup.cfg", "[options]\npython_requires = >=3.7, <3.10\n", true},
		{"setup.cfg", "[options]\npython_requires = >=3.7\ninstall_requires = aiohttp<3.8\n", false},
		{"requirements.txt", "aiohttp==3.7.4\n", false},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, c.file), []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := NewProject(dir, nil).DeclaresOlder(nil, r); got != c.want {
			t.Errorf("%s %q: DeclaresOlder = %v, want %v", c.file, c.text, got, c.want)
		}
	}
}

// TestDeclarationIndexWalksUp: a directory without declarations takes its
// nearest ancestor's, a directory with a .git stops the walk, and the
// answers (and digests) are the same asked in any order from one index as
// from a fresh one each time.
func TestDeclarationIndexWalksUp(t *testing.T) {
	root := t.TempDir()
	write := func(rel, text string) {
		path := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("proj/requirements-dev.txt", "pytest\n")
	write("proj/requirements/base.txt", "discord.py==1.7.3\n")
	write("proj/pyproject.toml", "[project]\n")
	write("proj/pkg/sub/mod.py", "")
	write("proj/vendored/.git/HEAD", "ref\n")
	write("proj/vendored/lib/mod.py", "")
	write("other/setup.py", "")
	write("other/requirements/README.md", "")
	proj := filepath.Join(root, "proj")
	want := []string{
		filepath.Join(proj, "requirements-dev.txt"),
		filepath.Join(proj, "requirements", "base.txt"),
		filepath.Join(proj, "pyproject.toml"),
	}
	var index DeclarationIndex
	for _, dir := range []string{"proj/pkg/sub", "proj/pkg", "proj"} {
		got := index.Files(filepath.Join(root, dir))
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("Files(%s) = %q, want %q", dir, got, want)
		}
		if fresh := new(DeclarationIndex).Files(filepath.Join(root, dir)); strings.Join(fresh, "\n") != strings.Join(want, "\n") {
			t.Errorf("fresh Files(%s) = %q, want %q", dir, fresh, want)
		}
	}
	if got := index.Files(filepath.Join(root, "proj/vendored/lib")); len(got) != 0 {
		t.Errorf("Files(proj/vendored/lib) = %q, want none: its .git is the top", got)
	}
	if got, want := index.Files(filepath.Join(root, "other")), []string{filepath.Join(root, "other", "setup.py")}; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Files(other) = %q, want %q (requirements/ holds no .txt)", got, want)
	}
	if index.Digest(filepath.Join(root, "proj/pkg/sub")) != DeclarationsDigest(proj) {
		t.Error("the memoised digest of proj/pkg/sub differs from proj's")
	}
	if index.Digest(filepath.Join(root, "other")) == DeclarationsDigest(proj) {
		t.Error("other's digest equals proj's")
	}
}

// TestDeclarationIndexDepthAnyOrder: Files looks at most
// maxDeclarationLevels directories, dir and its ancestors, and one index
// answers as a fresh one does whatever was asked before: a walk up from a
// deeper directory, cut off by the limit, does not leave its shorter
// answer for an ancestor, nor an ancestor's answer hand a deeper directory
// declarations beyond the limit.
func TestDeclarationIndexDepthAnyOrder(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "requirements.txt"), []byte("discord.py==1.7.3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// level[k] is k directories below root.
	level := []string{root}
	for k := 1; k <= maxDeclarationLevels+2; k++ {
		level = append(level, filepath.Join(level[k-1], fmt.Sprintf("d%d", k)))
	}
	if err := os.MkdirAll(level[len(level)-1], 0o755); err != nil {
		t.Fatal(err)
	}
	want := func(k int) int { // how many files Files(level[k]) finds
		if k < maxDeclarationLevels {
			return 1
		}
		return 0
	}
	orders := [][]int{
		{maxDeclarationLevels, maxDeclarationLevels - 1, 2},
		{2, maxDeclarationLevels + 1, maxDeclarationLevels},
		{maxDeclarationLevels + 2, 3, maxDeclarationLevels - 1},
	}
	for _, order := range orders {
		var index DeclarationIndex
		for _, k := range order {
			if got := len(index.Files(level[k])); got != want(k) {
				t.Errorf("order %v: Files(%d levels down) = %d files, want %d", order, k, got, want(k))
			}
			if got := len(new(DeclarationIndex).Files(level[k])); got != want(k) {
				t.Errorf("fresh Files(%d levels down) = %d files, want %d", k, got, want(k))
			}
		}
	}
}

// TestDeclarationIndexDanglingLinks: a pyproject.toml (or .git) that is a
// link to nothing is no declaration (and no repository's top), as os.Stat
// judged them: the walk goes on to the parent's.
func TestDeclarationIndexDanglingLinks(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "requirements.txt"), []byte("discord.py==1.7.3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(root, "sub")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"pyproject.toml", ".git"} {
		if err := os.Symlink(filepath.Join(root, "missing-"+name), filepath.Join(sub, name)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	want := []string{filepath.Join(root, "requirements.txt")}
	if got := new(DeclarationIndex).Files(sub); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Files(sub) = %q, want %q", got, want)
	}
}
