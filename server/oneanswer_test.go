package server

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// copyProject copies the multi-file test project src into a new directory
// that is a project of its own (a pyproject.toml marks its root, as in a
// real repository; the project's own is kept when it has one).
func copyProject(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dst, "pyproject.toml")); err != nil {
		os.WriteFile(filepath.Join(dst, "pyproject.toml"), []byte("[project]\nname = \"x\"\n"), 0o644)
	}
	return dst
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
	projects, _ := filepath.Glob("../testdata/rules/*/*")
	selectAll := func(c *config.Config) (*config.Config, error) {
		return c.Apply(config.Overrides{Select: []string{"ALL"}})
	}
	compared, crossFile := 0, 0
	for _, p := range projects {
		if info, err := os.Stat(p); err != nil || !info.IsDir() {
			continue
		}
		name := filepath.Base(filepath.Dir(p)) + "/" + filepath.Base(p)
		t.Run(name, func(t *testing.T) {
			root := copyProject(t, p)
			check := func(req lint.Request) map[string][]string {
				req.Configs = lint.NewConfigs(nil, selectAll)
				res := lint.Check(req)
				if len(res.Errors) > 0 {
					t.Fatalf("%v: %v", req.Paths, res.Errors)
				}
				return byFile(res.Diagnostics)
			}
			whole := check(lint.Request{Paths: []string{root}})
			files, _ := lint.WalkFiles(root, func(string) *config.Config { return config.Default() }, 0)
			if len(files) == 0 {
				t.Fatalf("%s: no Python files", name)
			}
			c := newClient(t, startInProcess(t, Options{}))
			c.initialize(root, utf8Caps(), `{"debounceMs": 0, "select": ["ALL"]}`)
			for _, f := range files {
				want := strings.Join(whole[f], "\n")
				src, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				if got := strings.Join(check(lint.Request{Paths: []string{f}})[f], "\n"); got != want {
					t.Errorf("check %s differs from check of the project:\n got %s\nwant %s", f, got, want)
				}
				if got := strings.Join(check(lint.Request{Paths: []string{filepath.Dir(f)}})[f], "\n"); got != want {
					t.Errorf("check of %s's directory differs from check of the project:\n got %s\nwant %s", f, got, want)
				}
				if got := strings.Join(check(lint.Request{Stdin: &lint.Source{Path: f, Src: src}})[f], "\n"); got != want {
					t.Errorf("check --stdin-filename %s differs from check of the project:\n got %s\nwant %s", f, got, want)
				}
				u := uri.File(f)
				c.open(u, string(src))
				c.waitDiagnosticsWhere(u, "the server's diagnostics equal to check's for "+f, func(diags []protocol.Diagnostic) bool {
					var got []string
					for _, d := range diags {
						got = append(got, renderLSP(d))
					}
					return strings.Join(got, "\n") == want
				})
				compared += len(whole[f])
				for _, d := range whole[f] {
					if strings.HasPrefix(d, "ASL101") || strings.HasPrefix(d, "ASL102") || strings.HasPrefix(d, "ASL201") {
						crossFile++
					}
				}
			}
			c.shutdownAndExit()
		})
	}
	if compared == 0 || crossFile == 0 {
		t.Fatalf("compared %d findings, %d of them ASL101/ASL102/ASL201", compared, crossFile)
	}
	t.Logf("compared %d findings (%d ASL101/ASL102/ASL201) four ways", compared, crossFile)
}
