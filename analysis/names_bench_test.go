package analysis

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// BenchmarkProjectNames times what a snapshot's import names cost per edit
// in a large workspace (ASYNCLS_CORPUS, else this repository's testdata):
// "with" replaces a module by a new version of the same names (a
// keystroke), "without" removes a module and puts it back (its names go to
// the other modules claiming them, then back).
//
//	ASYNCLS_CORPUS=/work/corpus/big go test ./analysis -run '^$' -bench ProjectNames
func BenchmarkProjectNames(b *testing.B) {
	dir := os.Getenv("ASYNCLS_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "testdata")
	}
	var paths []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	layout := NewLayout(dir, paths)
	var mods []*Module
	for _, p := range paths {
		if src, err := os.ReadFile(p); err == nil && len(src) <= MaxFileSize {
			mods = append(mods, BuildModuleNamed(Parse(p, []byte("pass\n")), layout.Naming(p)))
		}
	}
	if len(mods) == 0 {
		b.Skip("no modules")
	}
	p := NewProject(dir, mods)
	m := mods[len(mods)/2]
	b.Logf("%d modules", len(mods))
	b.Run("with", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			p.With(m)
		}
	})
	b.Run("without", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			p.Without(m.File.Path).With(m)
		}
	})
}
