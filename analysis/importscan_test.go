package analysis

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestScanImports(t *testing.T) {
	cases := []struct {
		name   string
		naming Naming
		src    string
		want   []string
	}{
		{"plain", Naming{Name: "m"}, "import a.b.c as d, e\nimport f\nimport g.h", []string{"a.b.c", "e", "f", "g", "g.h"}},
		{"from", Naming{Name: "m"}, "from a.b import c as d, e", []string{"a.b", "a.b.c", "a.b.e"}},
		{"parenthesised", Naming{Name: "m"}, "from a import (\n    b,  # comment\n    c as d,\n)\n", []string{"a", "a.b", "a.c"}},
		{"backslash", Naming{Name: "m"}, "from a import b, \\\n    c\nimport d, \\\n  e", []string{"a", "a.b", "a.c", "d", "e"}},
		{"star", Naming{Name: "m"}, "from a import *", []string{"a", "a.*"}},
		{"future", Naming{Name: "m"}, "from __future__ import annotations\nimport a", []string{"a"}},
		{"relative in a module", Naming{Name: "pkg.sub.m"}, "from . import x\nfrom ..y import z\nfrom .w import *", []string{"pkg.sub", "pkg.sub.w", "pkg.sub.w.*", "pkg.sub.x", "pkg.y", "pkg.y.z"}},
		{"relative in a package", Naming{Name: "pkg", IsPackage: true}, "from .core import run", []string{"pkg.core", "pkg.core.run"}},
		{"relative past the root", Naming{Name: "m"}, "from ..up import x", []string{"up", "up.x"}},
		{"a later copy's absolute import", Naming{Name: "b.pkg.m", Local: map[string]string{"pkg": "b."}}, "import pkg.util\nfrom pkg import x", []string{"b.pkg", "b.pkg.util", "b.pkg.x"}},
		{"anywhere", Naming{Name: "m"}, "try:\n    import a\nexcept ImportError:\n    a = None\ndef f():\n    if x: from b import c\n    import d; import e\n", []string{"a", "b", "b.c", "d", "e"}},
		{"not imports", Naming{Name: "m"},
			"# import a\n'import b'\n\"\"\"\nimport c\n\"\"\"\nx = rb'''\nimport d'''\ny = f\"{z}import e\"\ns = 'it\\'s' # from f import g\nu = ur\"import h\"\n" +
				"raise E from err\nimport real\ndef gen():\n    yield from items\nx = 1.e5 if y else 2\n",
			[]string{"real"}},
		{"an unterminated string ends at its line", Naming{Name: "m"}, "x = 'open\nimport a\n", []string{"a"}},
		{"an unclosed bracket hides line breaks", Naming{Name: "m"}, "f(\nraise E from e\nimport y\n", []string{"e", "e.y", "y"}},
	}
	for _, c := range cases {
		got := ScanImports([]byte(c.src), c.naming)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: ScanImports = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestScanImportsCoversTheModel checks ScanImports against the parser: every
// import name the model of a testdata file (or, with ASYNCLS_CORPUS set, of
// a corpus file) holds must be among the scanned names.
func TestScanImportsCoversTheModel(t *testing.T) {
	dirs := []string{filepath.Join("..", "testdata")}
	if c := os.Getenv("ASYNCLS_CORPUS"); c != "" {
		dirs = append(dirs, c)
	}
	// Names with spaces, comments or continuations inside (`import a .b`)
	// denote no module either way.
	clean := regexp.MustCompile(`^[^\s\\#]*$`)
	for _, dir := range dirs {
		var paths []string
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".py") || strings.HasSuffix(p, ".pyi")) {
				paths = append(paths, p)
			}
			return nil
		})
		layout := NewLayout(dir, paths)
		files, names, skipped, extra := 0, 0, 0, 0
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil || CheckSource(src) != nil {
				continue
			}
			naming := layout.Naming(p)
			m := BuildModuleNamed(Parse(p, src), naming)
			scanned := ScanImports(src, naming)
			files++
			extra += len(scanned)
			for _, name := range m.ImportNames() {
				if !clean.MatchString(name) {
					skipped++
					continue
				}
				extra--
				names++
				if _, found := slices.BinarySearch(scanned, name); !found {
					t.Errorf("%s: the model imports %q, ScanImports missed it", p, name)
				}
			}
		}
		if files == 0 || names == 0 {
			t.Fatalf("%s: no Python files with imports found", dir)
		}
		t.Logf("%s: %d files, %d import names, all scanned (%d names not checked, %d scanned names beyond the model's)", dir, files, names, skipped, extra)
	}
}

// BenchmarkScanImports measures ScanImports on corpus/files/large.py (with
// ASYNCLS_LARGE pointing at it) or on a testdata file, against parsing and
// building the same file's model (BenchmarkBuildForImports).
//
//	ASYNCLS_LARGE=/work/corpus/files/large.py go test ./analysis -run '^$' -bench 'ScanImports|BuildForImports'
func BenchmarkScanImports(b *testing.B) {
	src := benchSource(b)
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		ScanImports(src, Naming{Name: "m"})
	}
}

func BenchmarkBuildForImports(b *testing.B) {
	src := benchSource(b)
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		BuildModuleNamed(Parse("m.py", src), Naming{Name: "m"}).ImportNames()
	}
}

func benchSource(b *testing.B) []byte {
	path := os.Getenv("ASYNCLS_LARGE")
	if path == "" {
		path = filepath.Join("..", "testdata", "rules", "ASYNC124", "basic.py")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		b.Skip(err)
	}
	return src
}
