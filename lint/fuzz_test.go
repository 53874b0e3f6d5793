package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
)

// FuzzCheck feeds arbitrary bytes through parsing, the semantic model and
// every rule (with fixes applied and re-checked): nothing may panic.
// Run with: go test ./lint -run '^$' -fuzz FuzzCheck -fuzztime 60s
func FuzzCheck(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "rules", "*", "*.py"))
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("async def f(:\n  await (\n"))
	f.Add([]byte("import asyncio as a\nasync def m():\n a.run(m())\n"))
	cfg, _ := config.Default().Apply(config.Overrides{Select: []string{"ALL"}})
	f.Fuzz(func(t *testing.T, data []byte) {
		if analysis.CheckSource(data) != nil {
			return
		}
		res := Analyse([]Source{{Path: "pkg/x.py", Src: data}, {Path: "pkg/__init__.py", Src: []byte("from .x import *\n")}}, cfg)
		if len(res.Errors) > 0 {
			t.Fatalf("internal error: %v", res.Errors)
		}
		for _, d := range res.Diagnostics {
			if d.StartByte < 0 || d.EndByte > len(data) && d.Path == "pkg/x.py" || d.StartByte > d.EndByte {
				t.Fatalf("diagnostic range [%d,%d) outside the %d-byte file: %+v", d.StartByte, d.EndByte, len(data), d)
			}
		}
	})
}
