package server

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/rules"
)

// BenchmarkEditStages times each stage of handling one keystroke in a large
// file, to see where the didChange -> publishDiagnostics latency goes. The
// inputs are prepared before the sub-benchmarks, so any of them can run
// alone (-bench EditStages/check).
func BenchmarkEditStages(b *testing.B) {
	src, err := os.ReadFile(corpusPath("files/large.py"))
	if err != nil {
		b.Skip("no corpus/files/large.py")
	}
	doc := analysis.NewIncremental("large.py", src)
	f := doc.Parse()
	mid := len(src) / 2
	m := analysis.BuildModule(f, "large", false)
	p := analysis.NewProject("", []*analysis.Module{m})
	opts := config.Default().Options("large.py")
	diags := rules.Check(m, p, opts)

	// One keystroke: insert a character, then delete it (two edits per op).
	b.Run("incremental-parse+lower", func(b *testing.B) {
		defer reportCPU(b)()
		for i := 0; i < b.N; i++ {
			doc.Apply(analysis.TextEdit{Start: mid, End: mid, New: "#"})
			doc.Parse()
			doc.Apply(analysis.TextEdit{Start: mid, End: mid + 1, New: ""})
			doc.Parse()
		}
	})
	b.Run("line-index", func(b *testing.B) {
		defer reportCPU(b)()
		for i := 0; i < b.N; i++ {
			analysis.NewLineIndex(src)
		}
	})
	b.Run("build-module", func(b *testing.B) {
		defer reportCPU(b)()
		for i := 0; i < b.N; i++ {
			analysis.BuildModule(f, "large", false)
		}
	})
	b.Run("project-with", func(b *testing.B) {
		defer reportCPU(b)()
		for i := 0; i < b.N; i++ {
			p.With(m)
		}
	})
	b.Run("check", func(b *testing.B) {
		defer reportCPU(b)()
		for i := 0; i < b.N; i++ {
			rules.Check(m, p.With(m), opts)
		}
	})
	// The same check with 200 corpus files in the project (the second
	// scenario of bench/server).
	var others []*analysis.Module
	for _, path := range corpusSample(corpusPath("src"), 200) {
		if osrc, err := os.ReadFile(path); err == nil {
			others = append(others, analysis.BuildModule(analysis.Parse(path, osrc), strings.TrimSuffix(filepath.Base(path), ".py"), false))
		}
	}
	big := analysis.NewProject("", append(others, m))
	b.Run("check-200-modules", func(b *testing.B) {
		defer reportCPU(b)()
		for i := 0; i < b.N; i++ {
			rules.Check(m, big.With(m), opts)
		}
	})
	// Each enabled rule alone (without the facts rules.Check shares between
	// rules, so the sum exceeds "check").
	for _, r := range rules.All() {
		if !opts.Enabled[r.Code] {
			continue
		}
		one := *opts
		one.Enabled = map[string]bool{r.Code: true}
		b.Run("rule-"+r.Code, func(b *testing.B) {
			defer reportCPU(b)()
			for i := 0; i < b.N; i++ {
				rules.Check(m, p, &one)
			}
		})
	}
	s := newServer(Options{})
	sn := &snapshot{file: f}
	res := &result{module: m, diags: diags}
	b.Run("to-lsp", func(b *testing.B) {
		defer reportCPU(b)()
		for i := 0; i < b.N; i++ {
			s.toLSPDiagnostics(sn, res, p)
		}
	})
	b.Logf("%d diagnostics", len(diags))
}

// reportCPU reports the process's CPU time (user+system) per op when the
// returned function runs: unlike ns/op it does not grow when other
// processes compete for the cores (run with -cpu 1).
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// corpusPath is a path in the corpus beside the repository
// (../../corpus from this package), or in $ASYNCLS_CORPUS (a git worktree
// elsewhere: /work/corpus).
func corpusPath(rel string) string {
	if dir := os.Getenv("ASYNCLS_CORPUS"); dir != "" {
		return filepath.Join(dir, rel)
	}
	return filepath.Join("..", "..", "corpus", rel)
}

// corpusSample picks n Python files spread over dir, as bench/server does.
func corpusSample(dir string, n int) []string {
	var paths []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	step := max(len(paths)/max(n, 1), 1)
	var out []string
	for i := 0; i < len(paths) && len(out) < n; i += step {
		out = append(out, paths[i])
	}
	return out
}
