package rules_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/rules"
)

// TestRulesDoNotImportTheSimulator: the rules that simulate reach the
// simulator only through rules.Simulator (implemented by loopsim/pyfront,
// wired by config), so rules builds without it.
func TestRulesDoNotImportTheSimulator(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue // tests may use a real simulator
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(path, "github.com/asyncls/asyncls/loopsim") {
				t.Errorf("%s imports %s: use rules.Simulator", name, path)
			}
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no Go files of package rules found")
	}
}

// TestWithoutSimulator: with no Simulator in the options, the rules that
// simulate report nothing and the run says its findings are incomplete;
// every other rule reports what it reports with one.
func TestWithoutSimulator(t *testing.T) {
	for _, path := range []string{"../testdata/rules/ASL401/basic.py", "../testdata/rules/ASL402/basic.py"} {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		m, p := moduleOf(path, src)
		with := allRules()
		want, complete := rules.CheckRun(m, p, with, rules.Run{})
		if !complete || countSimulatorFindings(want) == 0 {
			t.Fatalf("%s: with a simulator: complete=%v, %d simulator findings; want complete and some", path, complete, countSimulatorFindings(want))
		}
		without := *with
		without.Simulator = nil
		got, complete := rules.CheckRun(m, p, &without, rules.Run{})
		if complete {
			t.Errorf("%s: a run without a simulator claims to be complete", path)
		}
		if n := countSimulatorFindings(got); n != 0 {
			t.Errorf("%s: %d simulator findings without a simulator", path, n)
		}
		var others []rules.Diagnostic
		for _, d := range want {
			if !rules.IsSimulatorFinding(d) {
				// The blocking rules' messages carry the simulated delay
				// only with a simulator.
				d.Message, _, _ = strings.Cut(d.Message, "; it holds the event loop")
				others = append(others, d)
			}
		}
		if !sameFindings(got, others) {
			t.Errorf("%s: without a simulator the other rules report differently\n got %v\nwant %v", path, got, others)
		}
	}
}
