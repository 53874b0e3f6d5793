package analysis

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// BenchmarkValueIndex measures the project's index of names used as values
// (UsesAsValue, from scratch: each module's uses found and indexed, then
// resolved as questions need them) over a corpus: ASYNCLS_CORPUS when set
// (../../corpus/src for the one build_corpus.sh makes), else this
// repository's testdata. "asked" asks about what ASYNC124 and the
// cancellation rules ask about at most (the value keys of each undecorated
// module-level or nested async function, and for each public async method
// whether it is referenced other than as a task's entry point); "every-key" builds every module's full set
// (ValueNames, what the lint cache keeps).
//
//	ASYNCLS_CORPUS=../../corpus/src go test ./analysis -run '^$' -bench ValueIndex
func BenchmarkValueIndex(b *testing.B) {
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
		src, err := os.ReadFile(p)
		if err != nil || len(src) > MaxFileSize {
			continue
		}
		mods = append(mods, BuildModuleNamed(Parse(p, src), layout.Naming(p)))
	}
	var keys []string
	for _, m := range mods {
		for _, f := range m.Functions {
			switch {
			case f.Class != nil && f.Async && !strings.HasPrefix(f.Name, "_"):
				keys = append(keys, TaskEntryIndexKey(f.Name))
			case f.Class == nil && f.Async && !f.Lambda && !f.Generator && len(f.Decorators) == 0:
				keys = append(keys, f.ValueKeys()...)
			}
		}
	}
	b.Logf("%d modules, %d questions", len(mods), len(keys))
	fresh := func() {
		for _, m := range mods {
			m.values = valueNames{}
			m.memo = nil
		}
	}
	b.Run("asked", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			fresh()
			b.StartTimer()
			p := NewProject(dir, mods)
			for _, k := range keys {
				p.UsesAsValue(k)
			}
		}
	})
	b.Run("every-key", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			fresh()
			b.StartTimer()
			for _, m := range mods {
				m.ValueNames()
			}
		}
	})
}
