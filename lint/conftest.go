package lint

import (
	"path/filepath"

	"github.com/asyncls/asyncls/analysis"
)

// conftestLinks returns, for the sources at paths, the function giving the
// conftest.py sources whose fixtures source i's tests may request
// (analysis.Project.ConftestModules, which every import graph here must
// hold as an import: the fixture a test parameter names is looked up
// there); nil when no source is a conftest.py. mayRequest(i) is
// analysis.MayRequestFixtures of source i's text.
func conftestLinks(paths []string, mayRequest func(i int) bool) func(i int) []int {
	var byPath map[string]int
	for i, p := range paths {
		if filepath.Base(p) == analysis.ConftestFile {
			if byPath == nil {
				byPath = map[string]int{}
			}
			byPath[p] = i
		}
	}
	if byPath == nil {
		return nil
	}
	return func(i int) []int {
		if !mayRequest(i) {
			return nil
		}
		var out []int
		for _, c := range analysis.ConftestPaths(paths[i]) {
			if j, ok := byPath[c]; ok && j != i {
				out = append(out, j)
			}
		}
		return out
	}
}
