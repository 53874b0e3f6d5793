package server

import (
	"os"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/rules"
)

// BenchmarkEditStages times each stage of handling one keystroke in a large
// file, to see where the didChange -> publishDiagnostics latency goes.
func BenchmarkEditStages(b *testing.B) {
	src, err := os.ReadFile("../../corpus/files/large.py")
	if err != nil {
		b.Skip("no ../corpus/files/large.py")
	}
	doc := analysis.NewIncremental("large.py", src)
	f := doc.Parse()
	mid := len(src) / 2
	b.Run("incremental-parse+lower", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			doc.Apply(analysis.TextEdit{Start: mid, End: mid, New: "#"})
			doc.Parse()
			doc.Apply(analysis.TextEdit{Start: mid, End: mid + 1, New: ""})
			f = doc.Parse()
		}
	})
	b.Run("line-index", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			analysis.NewLineIndex(src)
		}
	})
	var m *analysis.Module
	b.Run("build-module", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			m = analysis.BuildModule(f, "large", false)
		}
	})
	p := analysis.NewProject("", []*analysis.Module{m})
	opts := config.Default().Options("large.py")
	var diags []rules.Diagnostic
	b.Run("check", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			diags = rules.Check(m, p.With(m), opts)
		}
	})
	b.Run("check-on-all-cores", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			checkModule(m, p.With(m), opts)
		}
	})
	s := newServer(Options{})
	sn := &snapshot{file: f}
	res := &result{module: m, diags: diags}
	b.Run("to-lsp", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			s.toLSPDiagnostics(sn, res, p)
		}
	})
	b.Logf("%d diagnostics", len(diags))
}
