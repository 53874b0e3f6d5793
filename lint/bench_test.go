package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/asyncls/asyncls/config"
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
