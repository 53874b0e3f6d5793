package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/internal/filetree"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// copyProject copies the multi-file test project src into a new directory
// that is a project of its own (a pyproject.toml marks its root, as in a
// real repository; the project's own is kept when it has one).
func copyProject(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	copyTree(t, src, dst, true)
	return dst
}

// copyTree copies the directory src to dst, adding a pyproject.toml at
// dst when marked and src has none.
func copyTree(t testing.TB, src, dst string, marked bool) {
	t.Helper()
	err := filetree.Copy(src, dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dst, "pyproject.toml")); err != nil && marked {
		os.WriteFile(filepath.Join(dst, "pyproject.toml"), []byte("[project]\nname = \"x\"\n"), 0o644)
	}
}

// multiFileProjects returns the multi-file test projects
// (testdata/rules/*/<dir>/).
func multiFileProjects(t testing.TB) []string {
	t.Helper()
	paths, _ := filepath.Glob("../testdata/rules/*/*")
	var out []string
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		t.Fatal("no multi-file test projects")
	}
	return out
}

// projectName names a test project uniquely: RULE_dir.
func projectName(p string) string {
	return filepath.Base(filepath.Dir(p)) + "_" + filepath.Base(p)
}

// selectAll is `--select ALL` for check.
func selectAll(c *config.Config) (*config.Config, error) {
	return c.Apply(config.Overrides{Select: []string{"ALL"}})
}

// checkAll is `asyncls check --select ALL PATHS`, by file.
func checkAll(t *testing.T, req lint.Request) map[string][]string {
	t.Helper()
	req.Configs = lint.NewConfigs(nil, selectAll)
	res := lint.Check(req)
	if len(res.Errors) > 0 {
		t.Fatalf("%v: %v", req.Paths, res.Errors)
	}
	return byFile(res.Diagnostics)
}

// serverAgreesWithCheck opens each of files in a server whose workspace
// folders are folders (every rule enabled) and waits until it publishes
// want[file] for it. It returns how many findings were compared and how
// many of them are cross-file (ASL101, ASL102, ASL201).
func serverAgreesWithCheck(t *testing.T, folders, files []string, want map[string][]string) (compared, crossFile int) {
	t.Helper()
	c := newClient(t, startInProcess(t, Options{}))
	c.initializeFolders(folders, utf8Caps(), `{"debounceMs": 0, "select": ["ALL"]}`)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		expected := strings.Join(want[f], "\n")
		u := uri.File(f)
		c.open(u, string(src))
		c.waitDiagnosticsWhere(u, "the server's diagnostics equal to check's for "+f, func(diags []protocol.Diagnostic) bool {
			var got []string
			for _, d := range diags {
				got = append(got, renderLSP(d))
			}
			return strings.Join(got, "\n") == expected
		})
		compared += len(want[f])
		for _, d := range want[f] {
			if strings.HasPrefix(d, "ASL101") || strings.HasPrefix(d, "ASL102") || strings.HasPrefix(d, "ASL201") {
				crossFile++
			}
		}
	}
	c.shutdownAndExit()
	return compared, crossFile
}

func byFile(ds []rules.Diagnostic) map[string][]string {
	out := map[string][]string{}
	for _, d := range ds {
		out[d.Path] = append(out[d.Path], renderRule(d))
	}
	return out
}

// TestOneAnswerEverywhere: for every file of every multi-file test project
// (testdata/rules/*/<dir>/), `asyncls check` on the file alone, on the file
// as standard input, on its directory and on the whole project report the
// same findings for it, and so does the server with the project open as its
// workspace (every rule enabled, so cross-file findings are compared too).
func TestOneAnswerEverywhere(t *testing.T) {
	compared, crossFile := 0, 0
	for _, p := range multiFileProjects(t) {
		name := filepath.Base(filepath.Dir(p)) + "/" + filepath.Base(p)
		t.Run(name, func(t *testing.T) {
			root := copyProject(t, p)
			whole := checkAll(t, lint.Request{Paths: []string{root}})
			files, _ := lint.WalkFiles(root, func(string) *config.Config { return config.Default() }, 0)
			if len(files) == 0 {
				t.Fatalf("%s: no Python files", name)
			}
			for _, f := range files {
				want := strings.Join(whole[f], "\n")
				src, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				if got := strings.Join(checkAll(t, lint.Request{Paths: []string{f}})[f], "\n"); got != want {
					t.Errorf("check %s differs from check of the project:\n got %s\nwant %s", f, got, want)
				}
				if got := strings.Join(checkAll(t, lint.Request{Paths: []string{filepath.Dir(f)}})[f], "\n"); got != want {
					t.Errorf("check of %s's directory differs from check of the project:\n got %s\nwant %s", f, got, want)
				}
				if got := strings.Join(checkAll(t, lint.Request{Stdin: &lint.Source{Path: f, Src: src}})[f], "\n"); got != want {
					t.Errorf("check --stdin-filename %s differs from check of the project:\n got %s\nwant %s", f, got, want)
				}
			}
			n, cross := serverAgreesWithCheck(t, []string{root}, files, whole)
			compared += n
			crossFile += cross
		})
	}
	if compared == 0 || crossFile == 0 {
		t.Fatalf("compared %d findings, %d of them ASL101/ASL102/ASL201", compared, crossFile)
	}
	t.Logf("compared %d findings (%d ASL101/ASL102/ASL201) four ways", compared, crossFile)
}

// TestOneAnswerInMultiProjectWorkspaces: the server gives check's findings
// for every file of every multi-file test project when the workspace holds
// them all, each a project of its own (one folder holding them side by
// side, or one folder per project), and when the workspace folder is a
// subdirectory of a git repository that holds them (check names modules
// from the repository's root and reads all of it; so must the server).
func TestOneAnswerInMultiProjectWorkspaces(t *testing.T) {
	projects := multiFileProjects(t)
	pythonFiles := func(root string) []string {
		files, _ := lint.WalkFiles(root, func(string) *config.Config { return config.Default() }, 0)
		return files
	}
	t.Run("side by side", func(t *testing.T) {
		top := t.TempDir()
		var roots []string
		for _, p := range projects {
			root := filepath.Join(top, projectName(p))
			copyTree(t, p, root, true)
			roots = append(roots, root)
		}
		whole := checkAll(t, lint.Request{Paths: []string{top}})
		files := pythonFiles(top)
		for _, folders := range [][]string{{top}, roots} {
			compared, crossFile := serverAgreesWithCheck(t, folders, files, whole)
			if crossFile == 0 {
				t.Fatalf("%d folders: compared %d findings, none of them cross-file", len(folders), compared)
			}
		}
	})
	for _, nested := range []bool{false, true} {
		name := "subfolder of a git repository"
		if nested {
			// Each test project a project of its own beside the folder:
			// its documents' project is not the folder's, and the folder's
			// index skips it (regression: they were analysed without it).
			name += ", test projects nested beside it"
		}
		t.Run(name, func(t *testing.T) {
			// The folder opened, app/, calls into lib/, outside it.
			repo := writeFiles(t, map[string]string{
				"lib/__init__.py": "",
				"lib/blocking.py": "import time\n\n\ndef load():\n    time.sleep(1)\n",
				"app/__init__.py": "",
				"app/main.py":     "from lib.blocking import load\n\n\nasync def handler():\n    load()\n",
			})
			if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
				t.Fatal(err)
			}
			for _, p := range projects {
				copyTree(t, p, filepath.Join(repo, projectName(p)), nested)
			}
			whole := checkAll(t, lint.Request{Paths: []string{repo}})
			main := filepath.Join(repo, "app", "main.py")
			if !strings.Contains(strings.Join(whole[main], "\n"), "ASL201") {
				t.Fatalf("check reports no ASL201 through lib/ for app/main.py: %v", whole[main])
			}
			compared, crossFile := serverAgreesWithCheck(t, []string{filepath.Join(repo, "app")}, pythonFiles(repo), whole)
			if crossFile == 0 {
				t.Fatalf("compared %d findings, none of them cross-file", compared)
			}
		})
	}
}

// TestExcludedFilesOneAnswer: a file that `asyncls check .` skips (named by
// extend-exclude, also in a nested project below the excluded directory, by
// .gitignore, or in a default-excluded directory such as a virtual
// environment) gets no findings from the pre-commit hook
// (--force-exclude with every file named) nor from the server when opened,
// though it has findings when named alone; the other files get check's.
func TestExcludedFilesOneAnswer(t *testing.T) {
	mistake := "from lib.blocking import load\n\n\nasync def handler():\n    load()\n"
	root := writeFiles(t, map[string]string{
		"pyproject.toml": "[project]\nname = \"x\"\n\n[tool.asyncls]\nextend-exclude = [\"generated\", \"vendor\"]\n",
		// A project of its own below an excluded directory: its root is
		// below the pattern's match, its configuration's directory above.
		"vendor/tool/setup.py": "",
		"vendor/tool/run.py":   mistake,
		".gitignore":           "scratch.py\nbuild_tmp/\n",
		"lib/__init__.py":      "",
		"lib/blocking.py":      "import time\n\n\ndef load():\n    time.sleep(1)\n",
		"app/__init__.py":      "",
		"app/main.py":          mistake,
		"generated/client.py":  mistake,
		"scratch.py":           mistake,
		"build_tmp/tool.py":    mistake,
		".venv/lib/site.py":    mistake,
	})
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	var all []string
	filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".py") {
			all = append(all, p)
		}
		return nil
	})
	whole := checkAll(t, lint.Request{Paths: []string{root}})
	if !strings.Contains(strings.Join(whole[filepath.Join(root, "app", "main.py")], "\n"), "ASL201") {
		t.Fatalf("check . reports no ASL201 for app/main.py: %v", whole)
	}
	hook := checkAll(t, lint.Request{Paths: all, ForceExclude: true})
	excluded := 0
	for _, f := range all {
		if got, want := strings.Join(hook[f], "\n"), strings.Join(whole[f], "\n"); got != want {
			t.Errorf("check --force-exclude (every file named) differs from check . for %s:\n got %s\nwant %s", f, got, want)
		}
		if len(whole[f]) == 0 && len(checkAll(t, lint.Request{Paths: []string{f}})[f]) > 0 {
			excluded++
		}
	}
	if excluded != 5 {
		t.Fatalf("%d files have findings when named alone but none in check . (want the 5 excluded ones)", excluded)
	}
	serverAgreesWithCheck(t, []string{root}, all, whole)
}

// TestOneAnswerWithoutMarker: in a directory with no project marker above
// it, the working directory is the project, so `check FILE` (a file of a
// package, or a loose script, importing a sibling package), `check DIR`,
// --stdin-filename and the server with that directory open all report what
// `check .` run there reports: the ASL201 through lib/ included.
func TestOneAnswerWithoutMarker(t *testing.T) {
	mistake := "from lib.blocking import load\n\n\nasync def handler():\n    load()\n"
	root := writeFiles(t, map[string]string{
		"lib/__init__.py": "",
		"lib/blocking.py": "import time\n\n\ndef load():\n    time.sleep(1)\n",
		"app/__init__.py": "",
		"app/main.py":     mistake,
		"script.py":       mistake,
	})
	if lint.ProjectRoot(root) != "" {
		t.Skip("the temporary directory is inside a project")
	}
	t.Chdir(root)
	whole := checkAll(t, lint.Request{Paths: []string{"."}})
	var files []string
	for _, rel := range []string{"app/main.py", "script.py", "lib/blocking.py"} {
		f := filepath.Join(root, rel)
		files = append(files, f)
		want := strings.Join(whole[rel], "\n")
		if rel != "lib/blocking.py" && !strings.Contains(want, "ASL201") {
			t.Fatalf("check . reports no ASL201 for %s: %v", rel, whole)
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for how, req := range map[string]lint.Request{
			"check FILE":             {Paths: []string{rel}},
			"check DIR":              {Paths: []string{filepath.Dir(rel)}},
			"check --stdin-filename": {Stdin: &lint.Source{Path: rel, Src: src}},
			"check lib app script":   {Paths: []string{"lib", "app", "script.py"}},
		} {
			if got := strings.Join(checkAll(t, req)[rel], "\n"); got != want {
				t.Errorf("%s differs from check . for %s:\n got %s\nwant %s", how, rel, got, want)
			}
		}
	}
	abs := map[string][]string{}
	for rel, ds := range whole {
		abs[filepath.Join(root, rel)] = ds
	}
	serverAgreesWithCheck(t, []string{root}, files, abs)
}
