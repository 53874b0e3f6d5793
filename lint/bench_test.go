package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/rules"
)

// BenchmarkCheck measures parse + model + all rules over a corpus: the one
// built by ../shared/scripts/build_corpus.sh when ASYNCLS_CORPUS points at
// it, else this repository's testdata.
//
//	ASYNCLS_CORPUS=../../corpus/src go test ./lint -run '^$' -bench Check
func BenchmarkCheck(b *testing.B) {
	dir := os.Getenv("ASYNCLS_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "testdata")
	}
	cfg, _ := config.Default().Apply(config.Overrides{Select: []string{"ALL"}})
	files, _ := Collect([]string{dir}, cfg)
	var sources []Source
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err == nil {
			sources = append(sources, Source{Path: f, Src: data})
			size += len(data)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Analyse(sources, cfg)
	}
}

// BenchmarkEditInLargeProject measures what the language server does per
// keystroke in a large workspace: replace one module of a 20,000-module
// project (a document with 200 async functions that never await) and check
// it against the new snapshot. Project-wide questions must be answered from
// indexes, so this stays flat as the project grows.
//
//	go test ./lint -run '^$' -bench EditInLargeProject
func BenchmarkEditInLargeProject(b *testing.B) {
	// ASYNC124 (off by default) is the rule that asks the project-wide
	// question for each function.
	cfg, err := config.Default().Apply(config.Overrides{ExtendSelect: []string{"ASYNC124"}})
	if err != nil {
		b.Fatal(err)
	}
	var sources []Source
	for i := 0; i < 20000; i++ {
		src := fmt.Sprintf("import asyncio\nfrom pkg%d.mod%d import run_%d\n\nasync def run_%d(x):\n    await asyncio.sleep(0)\n    return run_%d(x)\n\ndef register_%d():\n    return run_%d\n",
			i/100, i%100, max(i-1, 0), i, max(i-1, 0), i, i)
		sources = append(sources, Source{Path: fmt.Sprintf("pkg%d/mod%d.py", i/100, i%100), Src: []byte(src)})
	}
	res := Analyse(sources, cfg)
	var doc strings.Builder
	doc.WriteString("import asyncio\n")
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&doc, "\nasync def idle_%d(x):\n    return x\n", i)
	}
	layout := analysis.NewLayout("", nil)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := BuildModule(layout, "pkg0/edited.py", []byte(doc.String()+fmt.Sprintf("\nVERSION = %d\n", i)))
		project := res.Projects[0].With(m)
		if len(rules.Check(m, project, cfg.Options(m.File.Path))) < 200 {
			b.Fatal("expected ASYNC124 on each idle function")
		}
		res.Projects[0] = project
	}
}
