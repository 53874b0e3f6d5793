package server

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"go.lsp.dev/uri"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// BenchmarkAffectedBy times what a keystroke's cascade costs to find the
// open documents to re-analyse (a new project snapshot with the edited
// module, then affectedBy) in the project $ASYNCLS_BENCH_PROJECT (else the
// test projects side by side) with up to 200 of its files open (spread over
// it, each analysed once so its questions are recorded): editing the
// module the most modules may look names up in ("core") and one no other
// module may look names up in, which hands no function to a thread
// ("leaf"). The edit keeps the imports and the project-wide
// facts (a comment), as most keystrokes do. $ASYNCLS_BENCH_EDIT names the
// module to edit instead (its path below the project).
func BenchmarkAffectedBy(b *testing.B) {
	root := os.Getenv("ASYNCLS_BENCH_PROJECT")
	if root == "" {
		root = b.TempDir()
		for _, p := range multiFileProjects(b) {
			copyTree(b, p, filepath.Join(root, projectName(p)), false)
		}
	}
	files, _ := lint.WalkFiles(root, func(string) *config.Config { return config.Default() }, 0)
	sort.Strings(files)
	layout := analysis.NewLayout(root, files)
	s := &Server{ctx: context.Background(), docs: map[uri.URI]*document{}}
	s.ws = newWorkspace(s)
	var mods []*analysis.Module
	srcs := map[string][]byte{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil || analysis.CheckSource(src) != nil {
			continue
		}
		srcs[f] = src
		mods = append(mods, lint.BuildModule(layout, f, src))
	}
	project := s.ws.questions.record(analysis.NewProject(root, mods))
	step := max(1, len(mods)/200)
	for i := 0; i < len(mods); i += step {
		m := mods[i]
		diags, deps, _ := rules.CheckRunRecorded(m, project, rules.DefaultOptions(), rules.Run{Phase: rules.QuickRules})
		d := &document{uri: uri.File(m.File.Path), path: m.File.Path}
		d.snap.Store(&snapshot{doc: d, result: &result{module: m, diags: diags, deps: deps}})
		s.docs[d.uri] = d
	}
	// core: the module in the most import closures; leaf: one in none but its own.
	in := map[*analysis.Module]int{}
	for _, m := range mods {
		for x := range project.ImportClosure(m) {
			in[x]++
		}
	}
	core, leaf := mods[0], (*analysis.Module)(nil)
	for _, m := range mods {
		if in[m] > in[core] {
			core = m
		}
		if in[m] == 1 && leaf == nil && !rules.HandsOffToThreads(m) && !strings.HasPrefix(m.Name, "asyncio") {
			leaf = m
		}
	}
	b.Logf("%d modules, %d open; core %s in %d closures", len(mods), len(s.docs), strings.TrimPrefix(core.File.Path, root), in[core])
	edits := []struct {
		name string
		m    *analysis.Module
	}{{"core", core}, {"leaf", leaf}}
	if name := os.Getenv("ASYNCLS_BENCH_EDIT"); name != "" {
		// A module named by its path below the project (bench/server's
		// large.py among 200 files open).
		edits = edits[:0]
		if m := project.Module(filepath.Join(root, name)); m != nil {
			edits = append(edits, struct {
				name string
				m    *analysis.Module
			}{name, m})
		}
	}
	for _, c := range edits {
		if c.m == nil {
			continue
		}
		b.Run(c.name, func(b *testing.B) {
			p := project
			before := c.m
			n := 0
			b.StopTimer()
			for i := 0; i < b.N; i++ {
				src := append(append([]byte(nil), srcs[c.m.File.Path]...), "\n# edit\n"[:2+i%6]...)
				after := lint.BuildModule(layout, c.m.File.Path, src)
				b.StartTimer()
				p = s.ws.questions.record(p.With(after))
				n += len(s.affectedBy(p, c.m.File.Path, before, after))
				b.StopTimer()
				before = after
			}
			b.StartTimer()
			b.ReportMetric(float64(n)/float64(b.N), "docs/op")
		})
	}
}
