package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStreamedChecksMatchPlain: a streamed check (the project built and
// checked in parts, stream.go) reports what the plain order (every module
// built, then every module checked) reports, on every multi-file test
// project, with the default number of batches and with one batch per
// component (where most questions cross batches).
func TestStreamedChecksMatchPlain(t *testing.T) {
	projects, _ := filepath.Glob("../testdata/rules/*/*")
	defer streamChecks.Store(true)
	defer func(n int) { streamBatches = n }(streamBatches)
	compared := 0
	for _, src := range projects {
		if info, err := os.Stat(src); err != nil || !info.IsDir() {
			continue
		}
		name := filepath.Base(filepath.Dir(src)) + "/" + filepath.Base(src)
		t.Run(name, func(t *testing.T) {
			root := copyTestProject(t, src)
			streamChecks.Store(false)
			plain, _ := checkByFile(t, "", root)
			streamChecks.Store(true)
			for _, batches := range []int{8, 1 << 30} {
				streamBatches = batches
				streamed, _ := checkByFile(t, "", root)
				for path, want := range plain {
					if got := strings.Join(streamed[path], "\n"); got != strings.Join(want, "\n") {
						t.Errorf("%d batches, %s:\n%s\nplain order:\n%s", batches, path, got, strings.Join(want, "\n"))
					}
					compared += len(want)
				}
				for path := range streamed {
					if _, ok := plain[path]; !ok {
						t.Errorf("%d batches: findings in %s, none in the plain order", batches, path)
					}
				}
			}
		})
	}
	if compared == 0 {
		t.Fatal("no findings compared")
	}
}
