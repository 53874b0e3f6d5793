package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// TestNotForAsyncio checks that flake8-async's trio/anyio-only checks are not
// registered and that asyncio code they would flag gets no finding at all,
// even with every rule selected.
func TestNotForAsyncio(t *testing.T) {
	for _, code := range []string{"ASYNC102", "ASYNC105", "ASYNC115", "ASYNC116", "ASYNC118", "ASYNC120", "ASYNC122", "ASYNC125"} {
		if rules.Lookup(code) != nil {
			t.Errorf("%s is registered, but it does not apply to asyncio", code)
		}
	}
	path := filepath.Join("..", "testdata", "rules", "not_for_asyncio.py")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.Dir, _ = filepath.Abs(filepath.Dir(path))
	cfg.Select = []string{"ALL"}
	res := lint.Analyse([]lint.Source{{Path: path, Src: src}}, cfg)
	lines := strings.Split(string(src), "\n")
	quiet := 0
	for _, l := range lines {
		if strings.Contains(l, "# quiet:") {
			quiet++
		}
	}
	if quiet < 6 {
		t.Fatalf("expected at least 6 quiet: lines, found %d", quiet)
	}
	for _, d := range res.Diagnostics {
		if strings.Contains(lines[d.Start.Line], "# quiet:") {
			t.Errorf("%s:%d: %s fired on asyncio code: %s", path, d.Start.Line+1, d.Code, d.Message)
		}
	}
}
