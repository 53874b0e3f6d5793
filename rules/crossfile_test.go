package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// TestCrossFileDeclared: a rule whose findings in a module change when the
// other modules of its project are there follows imports into them, and
// must declare CrossFile (its page then says so). Every multi-module
// project of the rule test data is checked with every rule, each module
// once in its project and once alone; a rule whose findings differ and
// that does not declare CrossFile fails. (A rule that reads other modules
// only in code no test project has cannot be caught here.)
func TestCrossFileDeclared(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/rules/*/*")
	dirs = append(dirs, "../examples/tutorial")
	differs := map[string]string{} // code -> where its findings differed
	projects := 0
	for _, dir := range dirs {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			continue
		}
		files, cfg := loadCase(t, dir)
		res := lint.Run(files, nil, cfg)
		if len(res.Errors) > 0 {
			t.Fatal(res.Errors)
		}
		if len(res.Projects) != 1 || len(res.Projects[0].Modules()) < 2 {
			continue
		}
		projects++
		project := res.Projects[0]
		for _, m := range project.Modules() {
			opts := cfg.Options(m.File.Path)
			alone := analysis.NewProject(project.Root, []*analysis.Module{m})
			in := byCode(rules.Check(m, project, opts))
			out := byCode(rules.Check(m, alone, opts))
			for _, r := range rules.All() {
				if in[r.Code] != out[r.Code] && differs[r.Code] == "" {
					differs[r.Code] = m.File.Path
				}
			}
		}
	}
	if projects < 10 {
		t.Fatalf("only %d multi-module projects in the rule test data", projects)
	}
	var codes []string
	for code := range differs {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		if !rules.Lookup(code).CrossFile {
			t.Errorf("%s reads other modules of the project (its findings in %s change without them) but does not declare CrossFile", code, differs[code])
		}
	}
	t.Logf("%d projects; rules whose findings depend on other modules: %s", projects, strings.Join(codes, " "))
}

// byCode renders a rule's findings as text, per code.
func byCode(diags []rules.Diagnostic) map[string]string {
	out := map[string]string{}
	for _, d := range diags {
		out[d.Code] += fmt.Sprintf("%d:%d %s\n", d.Start.Line, d.Start.Col, d.Message)
	}
	return out
}
