package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
)

const blockingSrc = "import time\n\nasync def main():\n    time.sleep(1)\n"

func writeFiles(t *testing.T, root string, files map[string]string) {
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

func check(t *testing.T, paths ...string) *Result {
	t.Helper()
	return Check(Request{Paths: paths, Configs: NewConfigs(nil, nil)})
}

// findings renders a result as "path CODE line" lines, paths relative to root.
func findings(root string, res *Result) []string {
	var out []string
	for _, d := range res.Diagnostics {
		rel, _ := filepath.Rel(root, d.Path)
		out = append(out, filepath.ToSlash(rel)+" "+d.Code+" "+string(rune('0'+d.Start.Line+1)))
	}
	return out
}

// TestConfigurationPerFile: each file is checked with its nearest
// [tool.asyncls] (as ruff does), so the order of the paths does not matter.
func TestConfigurationPerFile(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"a/pyproject.toml": "[tool.asyncls]\nignore = [\"ASYNC251\"]\n",
		"a/x.py":           blockingSrc,
		"b/pyproject.toml": "[tool.asyncls]\nselect = [\"ASYNC251\"]\n",
		"b/x.py":           blockingSrc,
	})
	a, b := filepath.Join(root, "a"), filepath.Join(root, "b")
	ab := findings(root, check(t, a, b))
	ba := findings(root, check(t, b, a))
	if !reflect.DeepEqual(ab, ba) {
		t.Errorf("check a b = %v, check b a = %v", ab, ba)
	}
	if want := []string{"b/x.py ASYNC251 4"}; !reflect.DeepEqual(ab, want) {
		t.Errorf("got %v, want %v (a ignores ASYNC251, b selects it)", ab, want)
	}
	// Another linter's code in a file's configuration is a warning, said once.
	writeFiles(t, root, map[string]string{"d/pyproject.toml": "[tool.asyncls]\nignore = [\"ASYNC115\"]\n", "d/x.py": blockingSrc, "d/y.py": blockingSrc})
	if res := check(t, a, filepath.Join(root, "d")); len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Error(), `"ASYNC115" is not an asyncls rule`) {
		t.Errorf("warnings %v: want one about ASYNC115", res.Warnings)
	}
	// A broken configuration is an error for its files, not a crash.
	writeFiles(t, root, map[string]string{"c/pyproject.toml": "[tool.asyncls]\nselect = [\"ASLNOPE9\"]\n", "c/x.py": blockingSrc})
	if res := check(t, filepath.Join(root, "c")); len(res.Errors) == 0 || !strings.Contains(res.Errors[0].Error(), "ASLNOPE9") {
		t.Errorf("bad configuration: errors %v", res.Errors)
	}
}

// TestGitignore: walking a directory skips what .gitignore files ignore
// (nested files, negation, directories), unless respect-gitignore = false; a
// file named explicitly is always checked; exclude still applies.
func TestGitignore(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		".git/HEAD":           "ref: refs/heads/main\n",
		".gitignore":          "gen_*.py\n!gen_keep.py\n/out/\n",
		"pyproject.toml":      "[tool.asyncls]\nextend-exclude = [\"skipme\"]\n",
		"gen_a.py":            blockingSrc,
		"gen_keep.py":         blockingSrc,
		"out/o.py":            blockingSrc,
		"pkg/.gitignore":      "local.py\n",
		"pkg/local.py":        blockingSrc,
		"pkg/ok.py":           blockingSrc,
		"pkg/out/o.py":        blockingSrc, // /out/ is anchored to the top
		"skipme/s.py":         blockingSrc,
		"pkg/sub/gen_more.py": blockingSrc,
	})
	got := map[string]bool{}
	for _, f := range findings(root, check(t, root)) {
		got[strings.Fields(f)[0]] = true
	}
	want := map[string]bool{"gen_keep.py": true, "pkg/ok.py": true, "pkg/out/o.py": true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("files with findings %v, want %v", got, want)
	}
	if res := check(t, filepath.Join(root, "gen_a.py")); len(res.Diagnostics) == 0 {
		t.Error("a file named explicitly is checked even when ignored")
	}
	writeFiles(t, root, map[string]string{"pyproject.toml": "[tool.asyncls]\nrespect-gitignore = false\n"})
	if n := len(check(t, root).Diagnostics); n != 8 {
		t.Errorf("respect-gitignore = false: %d findings, want 8 (every file)", n)
	}
}

// TestSymbolicLinks: a linked directory named on the command line is
// checked; inside a tree, links are followed once (a loop ends) and only
// to targets inside the tree.
func TestSymbolicLinks(t *testing.T) {
	base := t.TempDir()
	real := filepath.Join(base, "real")
	outside := filepath.Join(base, "outside")
	writeFiles(t, real, map[string]string{"a.py": blockingSrc, "sub/b.py": blockingSrc})
	writeFiles(t, outside, map[string]string{"secret.py": blockingSrc})
	link := filepath.Join(base, "link")
	must(t, os.Symlink(real, link))
	must(t, os.Symlink(real, filepath.Join(real, "sub", "loop")))                 // a loop back to the top
	must(t, os.Symlink(filepath.Join(real, "sub"), filepath.Join(real, "again"))) // the same directory twice
	must(t, os.Symlink(outside, filepath.Join(real, "out")))
	must(t, os.Symlink(filepath.Join(outside, "secret.py"), filepath.Join(real, "s.py")))

	res := check(t, link)
	var files []string
	for _, d := range res.Diagnostics {
		rel, _ := filepath.Rel(link, d.Path)
		files = append(files, rel)
	}
	if want := []string{"a.py", filepath.Join("sub", "b.py")}; !reflect.DeepEqual(files, want) {
		t.Errorf("check of a linked directory reported %v, want %v", files, want)
	}
	if len(res.Errors) > 0 {
		t.Errorf("errors: %v", res.Errors)
	}
	warned := map[string]bool{}
	for _, w := range res.Warnings {
		warned[filepath.Base(w.(*Warning).Path)] = true
	}
	if !warned["out"] || !warned["s.py"] {
		t.Errorf("links out of the tree are named in warnings, got %v", res.Warnings)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestSizeLimit: files over max-file-size (default 10 MB) are skipped with a
// warning and never read past the limit: a link named x.py to /dev/zero
// ends at once.
func TestSizeLimit(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"pyproject.toml": "[tool.asyncls]\nmax-file-size = 100\n",
		"small.py":       blockingSrc,
		"big.py":         blockingSrc + strings.Repeat("# padding\n", 20),
	})
	res := check(t, root)
	if len(res.Errors) > 0 || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Error(), "big.py") ||
		!strings.Contains(res.Warnings[0].Error(), "100-byte limit") {
		t.Errorf("errors %v, warnings %v: want one warning about big.py", res.Errors, res.Warnings)
	}
	if len(res.Diagnostics) != 1 || !strings.HasSuffix(res.Diagnostics[0].Path, "small.py") {
		t.Errorf("findings %v: want small.py's only", res.Diagnostics)
	}
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	zero := t.TempDir()
	must(t, os.Symlink("/dev/zero", filepath.Join(zero, "x.py")))
	must(t, os.Symlink("/dev/zero", filepath.Join(zero, "pyproject.toml")))
	for _, paths := range [][]string{{zero}, {filepath.Join(zero, "x.py")}} {
		res := check(t, paths...)
		if len(res.Errors)+len(res.Warnings) == 0 || len(res.Diagnostics) > 0 {
			t.Errorf("check %v: errors %v, warnings %v, findings %v", paths, res.Errors, res.Warnings, res.Diagnostics)
		}
	}
	fifo := filepath.Join(zero, "fifo.py")
	if syscall.Mkfifo(fifo, 0o644) == nil {
		if _, err := ReadSource(fifo, 0); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("a FIFO: %v", err)
		}
	}
}

// TestFileNamedAloneWithoutProject: with no project marker above it, a file
// named alone is analysed with the files beside it (not a walk of its
// parents), so a cross-file finding still shows.
func TestFileNamedAloneWithoutProject(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"util.py": "import time\n\ndef block():\n    time.sleep(1)\n",
		"main.py": "from util import block\n\nasync def main():\n    block()\n",
	})
	if ProjectRoot(root) != "" {
		t.Skip("the temporary directory is inside a project")
	}
	one := findings(root, check(t, filepath.Join(root, "main.py")))
	all := findings(root, check(t, root))
	if !reflect.DeepEqual(one, all) || len(one) == 0 || !strings.Contains(one[0], "ASL201") {
		t.Errorf("check main.py = %v, check dir = %v; want the same ASL201", one, all)
	}
}

// TestFileNamedAloneInUnmarkedPackage: an installed package has no project
// marker; a file of it named alone is analysed with its whole package,
// imported absolutely from the directory above it, as a check of that
// directory does (a blocking helper two packages away still shows).
func TestFileNamedAloneInUnmarkedPackage(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"pkg/__init__.py":      "",
		"pkg/util/__init__.py": "",
		"pkg/util/files.py":    "import urllib.request\n\n\ndef load(url):\n    return urllib.request.urlopen(url).read()\n",
		"pkg/app/__init__.py":  "",
		"pkg/app/main.py":      "from pkg.util.files import load\n\n\nasync def main():\n    return load('x')\n",
		"pkg/app/relative.py":  "from ..util import files\n\n\nasync def main():\n    return files.load('x')\n",
		"loose/helpers.py":     "import time\n\ndef block():\n    time.sleep(1)\n",
		"loose/uses.py":        "from helpers import block\n\nasync def main():\n    block()\n",
	})
	if ProjectRoot(root) != "" {
		t.Skip("the temporary directory is inside a project")
	}
	all := findings(root, check(t, root))
	if len(all) != 3 {
		t.Fatalf("check of the directory = %v, want ASL201 in pkg/app/main.py, pkg/app/relative.py and loose/uses.py", all)
	}
	for _, p := range []string{"pkg/app/main.py", "pkg/app/relative.py", "loose/uses.py"} {
		got := findings(root, check(t, filepath.Join(root, p)))
		var want []string
		for _, f := range all {
			if strings.HasPrefix(f, p) {
				want = append(want, f)
			}
		}
		if !reflect.DeepEqual(got, want) || len(got) != 1 {
			t.Errorf("check %s = %v, want %v", p, got, want)
		}
	}
}

func TestConfigsCachePerDirectory(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"pyproject.toml": "[tool.asyncls]\nignore = [\"ASYNC251\"]\n", "d/e/x.py": ""})
	c := NewConfigs(nil, nil)
	a, err := c.ForDir(filepath.Join(root, "d", "e"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := c.ForDir(root)
	if a != b || a.Path != filepath.Join(root, "pyproject.toml") {
		t.Errorf("one configuration file is loaded once: %p %p %s", a, b, a.Path)
	}
	fixed := config.Default()
	if got, _ := NewConfigs(fixed, nil).ForDir(root); got != fixed {
		t.Error("--config applies to every file")
	}
}

// TestNestedProjects: a directory with its own marker is a project of its
// own; whatever is named (the top, the nested project, one file), each file
// gets the findings of its own project's context.
func TestNestedProjects(t *testing.T) {
	root := t.TempDir()
	helper := "import time\n\ndef block():\n    time.sleep(1)\n"
	user := "import asyncio\nfrom util import block\n\nasync def main():\n    block()\n    await asyncio.sleep(0)\n"
	writeFiles(t, root, map[string]string{
		".git/HEAD":              "ref: refs/heads/main\n",
		"util.py":                helper,
		"app.py":                 user,
		"sub/pyproject.toml":     "[project]\nname = \"sub\"\n",
		"sub/util.py":            "def block():\n    return 1\n", // not blocking: sub's app gets no ASL201
		"sub/app.py":             user,
		"sub/deeper/__init__.py": "",
	})
	all := findings(root, check(t, root))
	if want := []string{"app.py ASL201 5"}; !reflect.DeepEqual(all, want) {
		t.Errorf("check of the top = %v, want %v", all, want)
	}
	for _, p := range []string{"app.py", "sub/app.py", "sub"} {
		got := findings(root, check(t, filepath.Join(root, p)))
		var want []string
		for _, f := range all {
			if strings.HasPrefix(f, p) {
				want = append(want, f)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("check %s = %v, want %v", p, got, want)
		}
	}
}

// TestGitignoreWithoutRepository: outside a git repository, the project
// root's .gitignore applies whether the project or a directory in it is named.
func TestGitignoreWithoutRepository(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"pyproject.toml":   "[project]\nname = \"x\"\n",
		".gitignore":       "gen_*.py\n",
		"pkg/gen_a.py":     blockingSrc,
		"pkg/handwrite.py": blockingSrc,
	})
	if gitTop(root) != "" {
		t.Skip("the temporary directory is inside a git repository")
	}
	whole := findings(root, check(t, root))
	sub := findings(root, check(t, filepath.Join(root, "pkg")))
	if want := []string{"pkg/handwrite.py ASYNC251 4"}; !reflect.DeepEqual(whole, want) || !reflect.DeepEqual(sub, want) {
		t.Errorf("check of the project %v, of pkg %v; want %v for both", whole, sub, want)
	}
}

// TestFileNamedAloneParsesWhatItNeeds: a file named alone in a project is
// checked with the modules it imports, directly or not, and not with the
// rest of the project, which cannot change its findings; they equal those
// of a check of the whole project.
func TestFileNamedAloneParsesWhatItNeeds(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"pyproject.toml": "[project]\nname = \"x\"\n",
		"util.py":        "import time\n\ndef block():\n    time.sleep(1)\n",
		"mid.py":         "from util import block\n\ndef fetch():\n    block()\n",
		"main.py":        "from mid import fetch\n\nasync def main():\n    fetch()\n",
	}
	for i := 0; i < 8; i++ {
		files[fmt.Sprintf("other%d.py", i)] = "import time\n\nasync def main():\n    time.sleep(1)\n"
	}
	writeFiles(t, root, files)
	var parsed atomic.Int64
	one := Check(Request{Paths: []string{filepath.Join(root, "main.py")}, Configs: NewConfigs(nil, nil),
		Progress: func(stage Stage, done, total int) {
			if stage == Parsing {
				parsed.Add(1)
			}
		}})
	var want []string
	for _, f := range findings(root, check(t, root)) {
		if strings.HasPrefix(f, "main.py ") {
			want = append(want, f)
		}
	}
	if got := findings(root, one); !reflect.DeepEqual(got, want) || len(got) == 0 {
		t.Errorf("check main.py = %v, check of the project reports %v for it", got, want)
	}
	if parsed.Load() != 3 {
		t.Errorf("check main.py parsed %d modules, want 3 (main, mid, util)", parsed.Load())
	}
}

// TestProjectsReleased: without KeepModules each project's models are let
// go once it is checked, and the report still has every finding's lines;
// with it, the modules stay for --fix and --add-noqa. Findings are the same.
func TestProjectsReleased(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"a/pyproject.toml": "",
		"a/x.py":           blockingSrc,
		"b/pyproject.toml": "",
		"b/y.py":           "import asyncio\n\n" + strings.Replace(blockingSrc, "import time\n", "import time\n\n", 1),
	})
	a, b := filepath.Join(root, "a"), filepath.Join(root, "b")
	released := Check(Request{Paths: []string{a, b}, Configs: NewConfigs(nil, nil)})
	kept := Check(Request{Paths: []string{a, b}, Configs: NewConfigs(nil, nil), KeepModules: true})
	if got, want := findings(root, released), findings(root, kept); !reflect.DeepEqual(got, want) || len(got) != 2 {
		t.Fatalf("findings released %v, kept %v; want the same two", got, want)
	}
	if len(released.Projects) != 0 || len(kept.Projects) != 2 {
		t.Errorf("projects: released %d, kept %d; want 0 and 2", len(released.Projects), len(kept.Projects))
	}
	for _, d := range released.Diagnostics {
		if released.Module(d.Path) != nil {
			t.Errorf("%s: module kept without KeepModules", d.Path)
		}
		lines, want := released.Lines(d.Path), kept.Lines(d.Path)
		if lines == nil || want == nil || lines.LineText(d.Start.Line) != want.LineText(d.Start.Line) || lines.LineText(d.Start.Line) == "" {
			t.Errorf("%s: line %d not reported", d.Path, d.Start.Line)
		}
		if kept.Module(d.Path) == nil {
			t.Errorf("%s: no module with KeepModules", d.Path)
		}
	}
}

// TestTestDirectoryAboveProject: where a checkout lives (~/test/proj) does not
// make its modules test modules; a `test*` coroutine of a library module that
// never awaits is still reported (ASYNC124, selected), as in the same project
// elsewhere.
func TestTestDirectoryAboveProject(t *testing.T) {
	for _, parent := range []string{"work", "test"} {
		root := filepath.Join(t.TempDir(), parent, "proj")
		writeFiles(t, root, map[string]string{
			"pyproject.toml":    "[project]\nname = \"proj\"\n\n[tool.asyncls]\nextend-select = [\"ASYNC124\"]\n",
			"lib.py":            "async def testing_flag():\n    return 1\n",
			"tests/test_lib.py": "async def test_flag():\n    return 1\n",
		})
		got := findings(root, check(t, root))
		if want := []string{"lib.py ASYNC124 1"}; !reflect.DeepEqual(got, want) {
			t.Errorf("project under %s/: %v, want %v", parent, got, want)
		}
	}
}

// TestCopiesOfALibraryParsedOnce: two copies of a library keep its name
// (analysis.Layout); the project finds its modules in the first by path, so
// a file named alone is checked with that copy (and the modules only the
// other has), and reports what a check of the whole project reports for it.
func TestCopiesOfALibraryParsedOnce(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"pyproject.toml":            "[project]\nname = \"x\"\n",
		"a/aiohttp/__init__.py":     "from .helpers import block\n",
		"a/aiohttp/helpers.py":      "import time\n\ndef block():\n    time.sleep(1)\n",
		"b/aiohttp/__init__.py":     "from .helpers import block\n",
		"b/aiohttp/helpers.py":      "def block():\n    pass\n",
		"main.py":                   "from aiohttp import block\n\nasync def main():\n    block()\n",
		"b/aiohttp/web/__init__.py": "",
	}
	for i := 0; i < 6; i++ {
		files[fmt.Sprintf("other%d.py", i)] = "x = 1\n"
	}
	writeFiles(t, root, files)
	var parsed atomic.Int64
	one := Check(Request{Paths: []string{filepath.Join(root, "main.py")}, Configs: NewConfigs(nil, nil),
		Progress: func(stage Stage, done, total int) {
			if stage == Parsing {
				parsed.Add(1)
			}
		}})
	var want []string
	for _, f := range findings(root, check(t, root)) {
		if strings.HasPrefix(f, "main.py ") {
			want = append(want, f)
		}
	}
	if got := findings(root, one); !reflect.DeepEqual(got, want) || len(got) == 0 {
		t.Errorf("check main.py = %v, check of the project reports %v for it", got, want)
	}
	// aiohttp.web is only in the second copy: the project finds it there.
	if parsed.Load() != 4 {
		t.Errorf("check main.py parsed %d modules, want 4 (main.py, the first copy's two and aiohttp.web)", parsed.Load())
	}
}

// TestLargeUnmarkedProjectWarns: with no project marker, the working
// directory is the project of a file named in it; when it holds many Python
// files (a workspace of projects, not one) the run says so and how to make
// the project smaller; a small one is read without a word.
func TestLargeUnmarkedProjectWarns(t *testing.T) {
	for _, n := range []int{10, largeUnmarkedProject + 1} {
		root := t.TempDir()
		if ProjectRoot(root) != "" {
			t.Skip("the temporary directory is inside a project")
		}
		files := map[string]string{"app/main.py": blockingSrc}
		for i := 0; i < n-1; i++ {
			files[fmt.Sprintf("other/m%d.py", i)] = "x = 1\n"
		}
		writeFiles(t, root, files)
		t.Chdir(root)
		res := check(t, filepath.Join("app", "main.py"))
		var warned []string
		for _, w := range res.Warnings {
			if strings.Contains(w.Error(), "no project marker") {
				warned = append(warned, w.Error())
			}
		}
		if len(res.Diagnostics) != 1 {
			t.Errorf("%d files: %d findings, want the ASYNC251 of app/main.py", n, len(res.Diagnostics))
		}
		if big := n > largeUnmarkedProject; big != (len(warned) == 1) {
			t.Errorf("%d files: warnings %q; want one about the project marker: %v", n, warned, big)
		} else if big && !strings.Contains(warned[0], fmt.Sprintf("%d Python files", n)) {
			t.Errorf("warning %q does not say how many files are read", warned[0])
		}
	}
}

// TestSubclassSearchSkipsNamesInStrings: the modules that may subclass a
// class the rules asked about are found by the names bound to it; a name in
// `__all__` or in prose assigned to a name binds nothing, so such a module
// (and what it imports) is not parsed into the project, while an alias
// (`from base import Command as Cmd`) still leads to its subclasses. The
// findings equal those of a check of the whole project.
func TestSubclassSearchSkipsNamesInStrings(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"pyproject.toml": "[project]\nname = \"x\"\n",
		"base.py": "class Command:\n    async def _close(self):\n        pass\n\n    async def _flush(self):\n        pass\n\n" +
			"    async def _open(self):\n        pass\n\n    def close(self):\n        self._close()\n\n" +
			"    def flush(self):\n        self._flush()\n\n    def open(self):\n        self._open()\n",
		"local.py":   "from base import Command\n\n\nclass Local(Command):\n    def _close(self):\n        pass\n",
		"alias.py":   "from base import Command as Cmd\n\n__all__ = [\"Cmd\"]\n",
		"deep.py":    "from alias import Cmd\n\n\nclass Deep(Cmd):\n    def _flush(self):\n        pass\n",
		"noise.py":   "import helpers\n\n__all__ = [\"Command\", \"Cmd\"]\nUSAGE = \"\"\"Command: runs one (see Cmd).\"\"\"\n",
		"helpers.py": "def _open():\n    pass\n",
	})
	var parsed atomic.Int64
	one := Check(Request{Paths: []string{filepath.Join(root, "base.py")}, Configs: NewConfigs(nil, nil),
		Progress: func(stage Stage, done, total int) {
			if stage == Parsing {
				parsed.Add(1)
			}
		}})
	var want []string
	for _, f := range findings(root, check(t, root)) {
		if strings.HasPrefix(f, "base.py ") {
			want = append(want, f)
		}
	}
	if got := findings(root, one); !reflect.DeepEqual(got, want) || len(got) != 1 || !strings.Contains(got[0], "ASL102") {
		t.Errorf("check base.py = %v, check of the project reports %v for it (want one ASL102, at open)", got, want)
	}
	if parsed.Load() != 4 {
		t.Errorf("check base.py parsed %d modules, want 4 (base, local, alias, deep)", parsed.Load())
	}
}

// TestBoundToClassesReadsStringsAsAnnotations: a module-level name may be
// bound to a wanted class by code or by a string the analysis may read as
// an annotation, not by a string in a display or by prose.
func TestBoundToClassesReadsStringsAsAnnotations(t *testing.T) {
	src := "from typing import Optional\n" +
		"in_code = Command\n" +
		"called = Command()\n" +
		"forward = \"Command\"\n" +
		"optional = Optional[\"Command\"]\n" +
		"union = \"Command | None\"\n" +
		"formatted = f\"{Command}\"\n" +
		"code_in_tuple = (\"x\", Command)\n" +
		"__all__ = [\"Command\"]\n" +
		"names = (\"Command\", \"Other\")\n" +
		"mapping = {\"kind\": \"Command\"}\n" +
		"prose = \"\"\"Command: runs one (see the docs).\"\"\"\n" +
		"other = Optional[\"Other\"]\n"
	layout := analysis.NewLayout("/p", []string{"/p/m.py"})
	m := BuildModule(layout, "/p/m.py", []byte(src))
	got := boundToClasses(m, map[string]bool{"Command": true})
	sort.Strings(got)
	want := []string{"called", "code_in_tuple", "formatted", "forward", "in_code", "optional", "union"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("names bound to Command: %v, want %v", got, want)
	}
}
