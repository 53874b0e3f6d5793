// Package libnames finds library names written into Go code outside pylib:
// string literals shaped like a qualified Python name ("asyncio.run",
// "threading.", "typing.Optional["). Tests of the packages that must read
// library facts from pylib use it to keep them from growing second lists.
package libnames

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// dottedName matches a qualified name or a module prefix.
var dottedName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*\.([A-Za-z_][A-Za-z0-9_]*)?[\[(]?$`)

// docFields are the rules.Rule fields that hold documentation, where
// library names are prose.
var docFields = map[string]bool{"Summary": true, "Rationale": true, "Notes": true, "Bad": true, "Good": true, "Fix": true}

// InSource returns "file:line:col: literal" for every string literal of one
// Go source (src, or the file at name when src is nil) shaped like a
// qualified name, outside documentation fields, file names (".py", ".md")
// and the allowed literals.
func InSource(name string, src any, allowed map[string]string) ([]string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, 0)
	if err != nil {
		return nil, err
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok && docFields[id.Name] {
				return false
			}
		case *ast.BasicLit:
			if n.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(n.Value)
			if err != nil || strings.HasSuffix(s, ".py") || strings.HasSuffix(s, ".md") || !dottedName.MatchString(s) {
				return true
			}
			if _, ok := allowed[s]; !ok {
				out = append(out, fset.Position(n.Pos()).String()+": "+strconv.Quote(s))
			}
		}
		return true
	})
	return out, nil
}

// InDir is InSource over the non-test Go files of dir, sorted.
func InDir(dir string, allowed map[string]string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		found, err := InSource(f, nil, allowed)
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	sort.Strings(out)
	return out, nil
}
