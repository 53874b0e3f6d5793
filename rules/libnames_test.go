package rules

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// Library facts live in pylib, one record per API; a rule reads them
// through roles. A dotted name in a rule's code is a second list of library
// names, unless it is one of these (each with why it is not a library fact).
var allowedDottedNames = map[string]string{
	"builtins.":               "Python's builtins module: the language, not a library",
	"typing.NoReturn":         "typing syntax of an annotation",
	"typing.Never":            "typing syntax of an annotation",
	"typing_extensions.Never": "typing syntax of an annotation",
	"self.":                   "Python syntax: an attribute of self",
	"loop.create_task":        "a source-text shape (a receiver named loop), not a library API",
	"rules.callByNode":        "a memo key of this package",
}

// dottedName matches a string literal that is a qualified name or a module
// prefix ("asyncio.run", "threading.", "typing.Optional[").
var dottedName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*\.([A-Za-z_][A-Za-z0-9_]*)?[\[(]?$`)

// docFields are the Rule fields that hold documentation, where library
// names are prose.
var docFields = map[string]bool{"Summary": true, "Rationale": true, "Notes": true, "Bad": true, "Good": true, "Fix": true}

// dottedLiterals returns "file:line: literal" for every string literal of
// src that looks like a qualified name, outside documentation fields and
// file names (".py", ".md").
func dottedLiterals(t *testing.T, name string, src any) []string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, 0)
	if err != nil {
		t.Fatal(err)
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
			out = append(out, fset.Position(n.Pos()).String()+": "+strconv.Quote(s))
			if _, ok := allowedDottedNames[s]; ok {
				out = out[:len(out)-1]
			}
		}
		return true
	})
	return out
}

func TestRulesKeepNoLibraryNames(t *testing.T) {
	// The check itself: a comparison is found, documentation is not.
	sample := `package rules
var R = &Rule{Notes: "asyncio.run() is fine here", Bad: "threading.Lock()"}
func f(name string) bool { return name == "asyncio.run" || strings.HasPrefix(name, "trio.") || name == "self." }`
	if got := dottedLiterals(t, "sample.go", sample); len(got) != 2 {
		t.Fatalf("sample: found %v, want asyncio.run and trio.", got)
	}

	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		found = append(found, dottedLiterals(t, f, nil)...)
	}
	sort.Strings(found)
	for _, l := range found {
		t.Errorf("%s: a library name in a rule; give the API a role in pylib and read it from there "+
			"(or, if it is Python syntax, add it to allowedDottedNames with why)", l)
	}
}
