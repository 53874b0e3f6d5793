package rules

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// singleUserAllowed lists unexported functions of shared files that serve
// only one rule, and why they stay shared.
var singleUserAllowed = map[string]string{
	// Check's bookkeeping for CheckRecorded: they write the Check's state,
	// which rule files never touch.
	"recordUsesThreadFunctions": "records a dependency of the Check (ASL106 asks)",
	"projectUsesAsValue":        "records a dependency of the Check (ASYNC124 asks)",
}

// singleUserFilesAllowed lists shared files whose functions may serve one
// rule each, and why.
var singleUserFilesAllowed = map[string]string{
	"simcache.go": "the simulation cache across checks and CheckRun's phases: engine machinery keyed by what a " +
		"simulation reads; that ASL401 and ASL402 each have one entry point into it is not rule logic",
}

// A function in a shared file of rules/ (one not named after a rule) that
// serves only one rule belongs in that rule's files (asl102.go,
// asl102_paths.go): a reader of the rule finds its whole logic there.
// A function serves the rules whose files use it, directly or through
// other declarations of shared files (a fact's variable, another helper);
// exported declarations count as other users (callers outside the
// package).
func TestSharedHelpersHaveSeveralUsers(t *testing.T) {
	ruleFile := regexp.MustCompile(`^(async|asl)[0-9]+`)
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	type decl struct {
		file string
		name string // "x..." for a block declaring x and more
	}
	var decls []decl
	home := map[string]string{}          // top-level name -> the file declaring it
	usedBy := map[string]map[decl]bool{} // top-level name -> the declarations mentioning it
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			var own []string
			switch d := d.(type) {
			case *ast.FuncDecl:
				// A method is known by its name: a selector `x.name` is
				// a use of every method of that name (over-counting users
				// only ever lets a helper stay).
				own = []string{d.Name.Name}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.ValueSpec:
						for _, id := range s.Names {
							own = append(own, id.Name)
						}
					case *ast.TypeSpec:
						own = append(own, s.Name.Name)
					}
				}
			}
			self := map[string]bool{}
			for _, n := range own {
				self[n] = true
				home[n] = name
			}
			user := decl{file: name}
			if len(own) == 1 {
				user.name = own[0]
			} else if len(own) > 1 {
				user.name = own[0] + "..." // a var block: counted as one user
			}
			decls = append(decls, user)
			ast.Inspect(d, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && !self[id.Name] {
					if usedBy[id.Name] == nil {
						usedBy[id.Name] = map[decl]bool{}
					}
					usedBy[id.Name][user] = true
				}
				return true
			})
		}
	}
	// served returns the rules (by file-name prefix) and other users a
	// declaration serves.
	memo := map[string]map[string]bool{}
	var served func(name string) map[string]bool
	served = func(name string) map[string]bool {
		if s, ok := memo[name]; ok {
			return s
		}
		out := map[string]bool{}
		memo[name] = out // a cycle contributes nothing more
		if ast.IsExported(name) {
			out["exported "+name] = true
		}
		for u := range usedBy[name] {
			switch {
			case ruleFile.MatchString(u.file):
				out[ruleFile.FindString(u.file)] = true
			case u.name == "" || strings.HasSuffix(u.name, "..."):
				out[u.file+": a var block"] = true
			default:
				for k := range served(u.name) {
					out[k] = true
				}
			}
		}
		return out
	}
	var found []string
	checked := 0
	for _, d := range decls {
		if d.name == "" || strings.HasSuffix(d.name, "...") || ruleFile.MatchString(d.file) || ast.IsExported(d.name) {
			continue
		}
		checked++
		users := served(d.name)
		if len(users) != 1 || singleUserAllowed[d.name] != "" || singleUserFilesAllowed[d.file] != "" {
			continue
		}
		for only := range users {
			if ruleFile.MatchString(only) {
				found = append(found, d.name+" ("+d.file+") serves only "+only)
			}
		}
	}
	if checked == 0 {
		t.Fatal("found no shared declarations")
	}
	for name := range singleUserAllowed {
		if file, ok := home[name]; !ok || ruleFile.MatchString(file) {
			t.Errorf("singleUserAllowed lists %s, which no shared file declares any more", name)
		}
	}
	for file := range singleUserFilesAllowed {
		if _, err := os.Stat(file); err != nil {
			t.Errorf("singleUserFilesAllowed lists %s: %v", file, err)
		}
	}
	sort.Strings(found)
	for _, f := range found {
		t.Error(f + ": move it into the rule's file, or say in singleUserAllowed why it stays shared")
	}
}
