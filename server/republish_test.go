package server

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// TestRepublishOnCrossModuleAnswers: a module's findings may depend on
// modules it does not import, through the questions the project answers
// from every module (the type a parameter takes from its callers in other
// modules, whether a subclass anywhere overrides a method, which class of
// the project is the running bot), or through an import of its own name
// (`from waste_pickup import X` in waste_pickup.py means lib/waste_pickup.py,
// which no import names). Each project of testdata/republish/ has one
// module X.py (at any depth) with an X.py.after that changes such an
// answer for another module without changing what X.py contributes to
// project-wide facts: what it imports (a caller's import of the type it
// passes, a re-export the caller calls through, the base a subclass
// derives from), or which of its functions blocks (self_import).
// For every file, the server gives check's findings before and after the
// change, whether X.py changes in the editor (open) or on disk (not open,
// workspace/didChangeWatchedFiles), and check's findings must differ (the
// edit changes an answer).
//
// The projects of testdata/republish_wide/ are compared the same way; their
// edits change what the module contributes to project-wide facts too (the
// base class of a protocol two modules away, the blocking call of a
// callback another module hands to the loop), so every open document is
// analysed again and TestAffectedByReadsAnswers does not take them.
func TestRepublishOnCrossModuleAnswers(t *testing.T) {
	cases, _ := filepath.Glob("testdata/republish/*")
	wide, _ := filepath.Glob("testdata/republish_wide/*")
	cases = append(cases, wide...)
	if len(cases) == 0 {
		t.Fatal("no projects in testdata/republish")
	}
	for _, src := range cases {
		for _, how := range []string{"editor", "disk"} {
			t.Run(filepath.Base(src)+"/"+how, func(t *testing.T) {
				t.Parallel()
				root := copyProject(t, src)
				afters := filesUnder(t, root, ".py.after")
				if len(afters) != 1 {
					t.Fatalf("want one *.py.after in %s, found %v", src, afters)
				}
				edited := strings.TrimSuffix(afters[0], ".after")
				after, err := os.ReadFile(afters[0])
				if err != nil {
					t.Fatal(err)
				}
				os.Remove(afters[0])
				files, _ := lint.WalkFiles(root, func(string) *config.Config { return config.Default() }, 0)
				before := checkAll(t, lint.Request{Paths: []string{root}})

				c := newClient(t, startInProcess(t, Options{}))
				yes := true
				caps := utf8Caps()
				caps.Workspace = &protocol.WorkspaceClientCapabilities{DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesClientCapabilities{DynamicRegistration: &yes}}
				c.initializeFolders([]string{root}, caps, `{"debounceMs": 0, "select": ["ALL"]}`)
				var open []string
				for _, f := range files {
					if how == "disk" && f == edited {
						continue
					}
					text, err := os.ReadFile(f)
					if err != nil {
						t.Fatal(err)
					}
					c.open(uri.File(f), string(text))
					open = append(open, f)
				}
				waitAgree(c, open, before, "before the edit")

				if err := os.WriteFile(edited, after, 0o644); err != nil {
					t.Fatal(err)
				}
				want := checkAll(t, lint.Request{Paths: []string{root}})
				changed := false
				for _, f := range files {
					if strings.Join(want[f], "\n") != strings.Join(before[f], "\n") {
						changed = true
					}
				}
				if !changed {
					t.Fatalf("check's findings are the same after %s changed: the case tests nothing", filepath.Base(edited))
				}
				if how == "editor" {
					c.change(uri.File(edited), 2, &protocol.TextDocumentContentChangeWholeDocument{Text: string(after)})
				} else {
					c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{{
						URI: uri.File(edited), Type: protocol.FileChangeTypeChanged,
					}}})
				}
				waitAgree(c, open, want, "after "+filepath.Base(edited)+" changed")
				c.shutdownAndExit()
			})
		}
	}
}

// filesUnder returns the files under root whose names end with suffix.
func filesUnder(t *testing.T, root, suffix string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, suffix) {
			out = append(out, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// waitAgree waits until the latest diagnostics the server published for
// each of files equal want's (check's) for it.
func waitAgree(c *client, files []string, want map[string][]string, when string) {
	c.t.Helper()
	for _, f := range files {
		expected := strings.Join(want[f], "\n")
		c.waitDiagnosticsWhere(uri.File(f), "the server's diagnostics of "+filepath.Base(f)+" equal to check's "+when+":\n"+expected, func(diags []protocol.Diagnostic) bool {
			var got []string
			for _, d := range diags {
				got = append(got, renderLSP(d))
			}
			return strings.Join(got, "\n") == expected
		})
	}
}

// TestAffectedByReadsAnswers: for each project of testdata/republish/, the
// documents affectedBy returns for the change of X.py to X.py.after hold
// every document whose findings change (checked in the projects before and
// after), and not a bystander that asks nothing of the changed answers;
// the change of the imports of a module no answer reads (quiet.py)
// re-analyses no document.
func TestAffectedByReadsAnswers(t *testing.T) {
	cases, _ := filepath.Glob("testdata/republish/*")
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			root, err := filepath.Abs(dir)
			if err != nil {
				t.Fatal(err)
			}
			sources := map[string][]byte{
				filepath.Join(root, "bystander.py"): []byte("import asyncio\n\n\nasync def idle():\n    await asyncio.sleep(1)\n"),
				filepath.Join(root, "quiet.py"):     []byte("import json\n\n\nclass Quiet:\n    def other(self):\n        return 1\n"),
			}
			var edited string
			var after []byte
			for _, p := range filesUnder(t, root, "") {
				src, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				if strings.HasSuffix(p, ".py.after") {
					edited, after = strings.TrimSuffix(p, ".after"), src
				} else if strings.HasSuffix(p, ".py") {
					sources[p] = src
				}
			}
			var all []string
			for p := range sources {
				all = append(all, p)
			}
			layout := analysis.NewLayout(root, all)
			s := &Server{ctx: context.Background(), docs: map[uri.URI]*document{}}
			s.ws = newWorkspace(s)
			var mods []*analysis.Module
			for _, p := range all {
				mods = append(mods, lint.BuildModule(layout, p, sources[p]))
			}
			project := s.ws.questions.record(analysis.NewProject(root, mods))
			// Every module but the edited ones is open, analysed in project.
			findings := func(p *analysis.Project, path string) string {
				diags, _, _ := rules.CheckRunRecorded(p.Module(path), p, rules.DefaultOptions(), rules.Run{})
				var out []string
				for _, d := range diags {
					out = append(out, renderRule(d))
				}
				return strings.Join(out, "\n")
			}
			was := map[string]string{}
			for _, p := range all {
				if p == edited || filepath.Base(p) == "quiet.py" {
					continue
				}
				diags, deps, _ := rules.CheckRunRecorded(project.Module(p), project, rules.DefaultOptions(), rules.Run{})
				d := &document{uri: uri.File(p), path: p}
				d.snap.Store(&snapshot{doc: d, result: &result{module: project.Module(p), diags: diags, deps: deps}})
				s.docs[d.uri] = d
				was[p] = findings(project, p)
			}
			affected := func(p *analysis.Project, path string, before, after *analysis.Module) map[string]bool {
				out := map[string]bool{}
				for _, d := range s.affectedBy(p, path, before, after) {
					out[filepath.Base(d.path)] = true
				}
				return out
			}

			before := project.Module(edited)
			changed := s.ws.questions.record(project.With(lint.BuildModule(layout, edited, after)))
			got := affected(changed, edited, before, changed.Module(edited))
			n := 0
			for p, old := range was {
				if findings(changed, p) != old {
					n++
					if !got[filepath.Base(p)] {
						t.Errorf("%s's findings change with %s, but it is not re-analysed (re-analysed: %v)", filepath.Base(p), filepath.Base(edited), got)
					}
				}
			}
			if n == 0 {
				t.Errorf("no findings change with %s", filepath.Base(edited))
			}
			if got["bystander.py"] {
				t.Errorf("bystander.py is re-analysed when %s changes", filepath.Base(edited))
			}

			quiet := filepath.Join(root, "quiet.py")
			changed = s.ws.questions.record(project.With(lint.BuildModule(layout, quiet, []byte("import pickle\n\n\nclass Quiet:\n    def other(self):\n        return 1\n"))))
			if got := affected(changed, quiet, project.Module(quiet), changed.Module(quiet)); len(got) > 0 {
				t.Errorf("a change of quiet.py's imports re-analyses %v", got)
			}
		})
	}
}

// TestDependentsOfSeenBetweenCascades: a document analysed between two
// cascades of another module (other.py) saw an edit whose cascade never
// ran (superseded by the next edit's, which restores the first text):
// compared with the cascade's base alone there is no change, so it is
// re-analysed because of what it saw; one that saw the base is not.
func TestDependentsOfSeenBetweenCascades(t *testing.T) {
	root := t.TempDir()
	models := filepath.Join(root, "models.py")
	threads := filepath.Join(root, "threads.py")
	other := filepath.Join(root, "other.py")
	layout := analysis.NewLayout(root, []string{models, threads, other})
	build := func(path, src string) *analysis.Module { return lint.BuildModule(layout, path, []byte(src)) }
	s := &Server{ctx: context.Background(), docs: map[uri.URI]*document{}}
	s.ws = newWorkspace(s)
	v1 := build(other, "x = 1\n")
	p1 := s.ws.questions.record(analysis.NewProject(root, []*analysis.Module{
		build(models, "async def fetch(thread):\n    data = thread._forced_fetch(1)\n    return data.get('m')\n"),
		build(threads, "class Thread:\n    async def _forced_fetch(self, mid):\n        return {}\n"),
		v1,
	}))
	p2 := s.ws.questions.record(p1.With(build(other, "def _forced_fetch(mid):\n    return {}\n")))
	v3 := build(other, "x = 1\n")
	p3 := s.ws.questions.record(p2.With(v3))
	d := &document{uri: uri.File(models), path: models}
	s.docs[d.uri] = d
	// saw records models.py analysed in p, as the server does.
	saw := func(p *analysis.Project) {
		diags, deps, _ := rules.CheckRunRecorded(p.Module(models), p, rules.DefaultOptions(), rules.Run{})
		d.snap.Store(&snapshot{doc: d, result: &result{module: p.Module(models), diags: diags, deps: deps}})
		d.seenProject.Store(p)
	}
	names := func(docs []*document) []string {
		var out []string
		for _, o := range docs {
			out = append(out, filepath.Base(o.path))
		}
		return out
	}
	saw(p1)
	if got := s.dependentsOf(p3, other, v1, v3); len(got) != 0 {
		t.Errorf("models.py saw other.py's base text, which the edit restored; re-analysed anyway: %v", names(got))
	}
	saw(p2)
	if got := s.dependentsOf(p3, other, v1, v3); len(got) != 1 || got[0] != d {
		t.Errorf("models.py saw other.py's sync _forced_fetch, which the edit removed; re-analysed: %v", names(got))
	}
}
