package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/rules"
)

// FuzzCheck feeds arbitrary bytes through parsing, the semantic model and
// every rule, then applies every fix (unsafe ones too) and checks that the
// fixes never damage the file: the result is exactly the source with the
// fixes' edits in place (every byte outside them kept), a file that parsed
// still parses, a UTF-8 BOM stays first, and a file whose lines all end in
// CRLF gets no bare "\n". Nothing may panic.
// Run with: go test ./lint -run '^$' -fuzz FuzzCheck -fuzztime 60s
func FuzzCheck(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "rules", "*", "*.py"))
	fixes, _ := filepath.Glob(filepath.Join("..", "testdata", "fixes", "*.py"))
	for _, s := range append(seeds, fixes...) {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("async def f(:\n  await (\n"))
	f.Add([]byte("import asyncio as a\nasync def m():\n a.run(m())\n"))
	f.Add([]byte("\xef\xbb\xbfimport time\nasync def f():\n    time.sleep(1)\n"))
	f.Add([]byte("import time, asyncio\r\n\r\nasync def g():\r\n    await asyncio.sleep(0)\r\n\r\nasync def f():\r\n    asyncio.create_task(g())\r\n"))
	f.Add([]byte("import asyncio\n\n_background_tasks = []\n\nasync def g():\n    await asyncio.sleep(0)\n\nasync def f():\n    asyncio.create_task(g())\n"))
	cfg, _ := config.Default().Apply(config.Overrides{Select: []string{"ALL"}})
	f.Fuzz(func(t *testing.T, data []byte) {
		if analysis.CheckSource(data) != nil {
			return
		}
		res := Analyse([]Source{{Path: "pkg/x.py", Src: data}, {Path: "pkg/__init__.py", Src: []byte("from .x import *\n")}}, cfg)
		if len(res.Errors) > 0 {
			t.Fatalf("internal error: %v", res.Errors)
		}
		var own []rules.Diagnostic
		for _, d := range res.Diagnostics {
			if d.Path != "pkg/x.py" {
				continue
			}
			own = append(own, d)
			if d.StartByte < 0 || d.EndByte > len(data) || d.StartByte > d.EndByte {
				t.Fatalf("diagnostic range [%d,%d) outside the %d-byte file: %+v", d.StartByte, d.EndByte, len(data), d)
			}
		}
		fixed, applied := rules.ApplyFixesOf(data, own, true)
		if len(applied) == 0 {
			return
		}
		var edits []rules.Edit
		for _, i := range applied {
			for _, e := range own[i].Fix.Edits {
				if !containsEdit(edits, e) {
					edits = append(edits, e)
				}
			}
		}
		if want := applyEdits(data, edits); !bytes.Equal(fixed, want) {
			t.Fatalf("the fixed file is not the source with the edits in place:\n got %q\nwant %q", fixed, want)
		}
		before := analysis.Parse("pkg/x.py", data)
		if after := analysis.Parse("pkg/x.py", fixed); len(before.SyntaxErrors) == 0 && len(after.SyntaxErrors) > 0 {
			t.Fatalf("fixes made a valid file invalid: %v\n%s", after.SyntaxErrors, fixed)
		}
		if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) && !bytes.HasPrefix(fixed, []byte("\xef\xbb\xbf")) {
			t.Fatalf("the BOM is no longer first:\n%q", fixed)
		}
		if crlfOnly(data) && !crlfOnly(fixed) {
			t.Fatalf("a CRLF file got a bare line feed:\n%q", fixed)
		}
	})
}

func containsEdit(edits []rules.Edit, e rules.Edit) bool {
	for _, x := range edits {
		if x == e {
			return true
		}
	}
	return false
}

// applyEdits is the reference: the source between the edits, in order,
// with each edit's text in its place. At one offset, insertions come
// before a replacement, the one accepted last first.
func applyEdits(src []byte, edits []rules.Edit) []byte {
	order := make([]int, len(edits))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := edits[order[a]], edits[order[b]]
		if x.Start != y.Start {
			return x.Start < y.Start
		}
		if (x.Start == x.End) != (y.Start == y.End) {
			return x.Start == x.End
		}
		return order[a] > order[b]
	})
	sorted := make([]rules.Edit, len(edits))
	for i, k := range order {
		sorted[i] = edits[k]
	}
	var out []byte
	at := 0
	for _, e := range sorted {
		out = append(out, src[at:e.Start]...)
		out = append(out, e.New...)
		at = e.End
	}
	return append(out, src[at:]...)
}

// crlfOnly reports whether src has line feeds and each follows a carriage return.
func crlfOnly(src []byte) bool {
	n := bytes.Count(src, []byte("\n"))
	return n > 0 && n == bytes.Count(src, []byte("\r\n"))
}
