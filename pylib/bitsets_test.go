package pylib

import (
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestBitSetsHaveDistinctBits type-checks this package and reads every
// constant of each bit-set type: each must be one bit, and no two may share
// one. A constant past the type's width does not compile (typed constants
// may not overflow), but a new const block that starts from the wrong base
// (`X = SomeRole << (iota + 1)` after another block) would silently give two
// facts the same bit; this test names them.
func TestBitSetsHaveDistinctBits(t *testing.T) {
	pkg := typeCheckPackage(t)
	for _, typeName := range []string{"Role", "MethodFact"} {
		typ := pkg.Scope().Lookup(typeName).Type()
		basic := typ.Underlying().(*types.Basic)
		width := map[types.BasicKind]int{types.Uint8: 8, types.Uint16: 16, types.Uint32: 32, types.Uint64: 64}[basic.Kind()]
		owner := map[uint64]string{}
		for _, name := range pkg.Scope().Names() {
			c, ok := pkg.Scope().Lookup(name).(*types.Const)
			if !ok || !types.Identical(c.Type(), typ) {
				continue
			}
			v, exact := constant.Uint64Val(c.Val())
			if !exact || v == 0 || v&(v-1) != 0 {
				t.Errorf("%s %s = %v is not a single bit", typeName, name, c.Val())
				continue
			}
			if other, dup := owner[v]; dup {
				t.Errorf("%s %s and %s share the bit %#x", typeName, name, other, v)
			}
			owner[v] = name
		}
		if len(owner) == 0 {
			t.Fatalf("no constants of type %s found: the test reads nothing", typeName)
		}
		t.Logf("%s: %d of %d bits used", typeName, len(owner), width)
	}
}

// typeCheckPackage parses and type-checks the package's non-test files.
func typeCheckPackage(t *testing.T) *types.Package {
	t.Helper()
	fset := token.NewFileSet()
	paths, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	var files []*ast.File
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, p, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("pylib", fset, files, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}
