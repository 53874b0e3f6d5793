package analysis

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// nodeNameDirs are the packages that look at parsed Python by node type.
var nodeNameDirs = []string{".", filepath.Join("..", "rules"), filepath.Join("..", "loopsim", "pyfront")}

// TestNodeNamesExistInGrammar checks every node type and field name written
// as a string literal in the Go code that reads the tree (n.Type == "call",
// case "await":, n.HasToken("async"), n.ChildByField("body"), ...) against
// the Python grammar, so a misspelt name fails here instead of silently
// never matching.
func TestNodeNamesExistInGrammar(t *testing.T) {
	symbolsOnce.Do(loadSymbols)
	kept := map[string]bool{"ERROR": true} // tree-sitter's own node for text it could not parse
	for _, s := range symbols {
		if s.keep {
			kept[s.name] = true // nodes of other symbols never reach a Node
		}
	}
	fields := map[string]bool{"": true} // n.Field == "": a child in no field
	for _, f := range fieldNames {
		if f != "" {
			fields[f] = true
		}
	}
	types, fieldUses := collectNodeNames(t)
	if len(types) < 50 || len(fieldUses) < 20 {
		t.Fatalf("found only %d node types and %d field names: is the collector broken?", len(types), len(fieldUses))
	}
	for _, u := range sortedUses(types) {
		if !kept[u.name] {
			t.Errorf("%s: %q is not a node type of the Python grammar", u.pos, u.name)
		}
	}
	for _, u := range sortedUses(fieldUses) {
		if !fields[u.name] {
			t.Errorf("%s: %q is not a field name of the Python grammar", u.pos, u.name)
		}
	}
}

type nameUse struct{ name, pos string }

func sortedUses(m map[string]string) []nameUse {
	var out []nameUse
	for name, pos := range m {
		out = append(out, nameUse{name, pos})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// collectNodeNames returns the node types and field names used in
// nodeNameDirs' non-test Go files, each with one position that uses it.
func collectNodeNames(t *testing.T) (types, fields map[string]string) {
	types, fields = map[string]string{}, map[string]string{}
	fset := token.NewFileSet()
	add := func(m map[string]string, e ast.Expr) {
		lit, ok := e.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			return
		}
		if _, seen := m[s]; !seen {
			m[s] = fset.Position(lit.Pos()).String()
		}
	}
	// isSel: x.Name, or the call x.Name() of an accessor (n.Type()).
	isSel := func(e ast.Expr, names ...string) bool {
		if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 0 {
			e = call.Fun
		}
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		for _, n := range names {
			if sel.Sel.Name == n {
				return true
			}
		}
		return false
	}
	for _, dir := range nodeNameDirs {
		paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range paths {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			file, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(file, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.BinaryExpr: // n.Type == "call", n.Field != "body"
					if n.Op != token.EQL && n.Op != token.NEQ {
						break
					}
					for _, pair := range [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
						if isSel(pair[0], "Type") {
							add(types, pair[1])
						} else if isSel(pair[0], "Field") {
							add(fields, pair[1])
						}
					}
				case *ast.SwitchStmt: // switch n.Type { case "call", "await": }
					if n.Tag == nil || !isSel(n.Tag, "Type", "Field") {
						break
					}
					m := types
					if isSel(n.Tag, "Field") {
						m = fields
					}
					for _, stmt := range n.Body.List {
						for _, e := range stmt.(*ast.CaseClause).List {
							add(m, e)
						}
					}
				case *ast.CallExpr: // n.HasToken("async"), n.ChildByField("body"), NewNode("module", ...)
					if len(n.Args) == 0 {
						break
					}
					if id, ok := n.Fun.(*ast.Ident); (ok && id.Name == "NewNode") || isSel(n.Fun, "HasToken", "NewNode") {
						add(types, n.Args[0])
					} else if isSel(n.Fun, "ChildByField", "ChildrenByField") {
						add(fields, n.Args[0])
					}
				case *ast.IndexExpr: // map[string]T{"list_comprehension": ...}[n.Type]
					lit, ok := n.X.(*ast.CompositeLit)
					if !ok || !isSel(n.Index, "Type") {
						break
					}
					for _, e := range lit.Elts {
						if kv, ok := e.(*ast.KeyValueExpr); ok {
							add(types, kv.Key)
						}
					}
				}
				return true
			})
		}
	}
	return types, fields
}
