package server

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// ruleByRule is rules.Check's definition without its scheduling: every rule
// checked on its own, the findings merged in rules.Check's order.
func ruleByRule(m *analysis.Module, p *analysis.Project, opts *rules.Options) []rules.Diagnostic {
	rank := map[string]int{rules.SyntaxErrorCode: -1}
	out := rules.Check(m, p, &rules.Options{Enabled: map[string]bool{}, Severity: opts.Severity, ExtraBlocking: opts.ExtraBlocking, Settings: opts.Settings, Simulator: opts.Simulator})
	for i, r := range rules.All() {
		rank[r.Code] = i
		if !opts.Enabled[r.Code] {
			continue
		}
		one := *opts
		one.Enabled = map[string]bool{r.Code: true}
		for _, c := range rules.Consulted(r.Code) {
			one.Enabled[c] = opts.Enabled[c]
		}
		if r.Code == rules.ASL100.Code {
			// ASL100 judges the noqa directives against every enabled
			// rule's findings, so alone it would see none of them.
			one.Enabled = opts.Enabled
		}
		for _, d := range rules.Check(m, p, &one) {
			if d.Code == r.Code {
				out = append(out, d)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.StartByte != b.StartByte {
			return a.StartByte < b.StartByte
		}
		return rank[a.Code] < rank[b.Code]
	})
	return out
}

// TestCheckEqualsRuleByRule: rules.Check runs the rules of a module on all
// cores and shares facts between them; over every rule's test data, with
// every rule enabled, it must report what the rules report one by one.
// (CI runs this with -race.)
func TestCheckEqualsRuleByRule(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/rules/*")
	dirs = append(dirs, "../examples/tutorial")
	all := &rules.Options{Enabled: map[string]bool{}, Simulator: config.Default().Estimator()}
	for _, r := range rules.All() {
		all.Enabled[r.Code] = true
	}
	compared := 0
	for _, dir := range dirs {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			continue
		}
		cfg := config.Default()
		files, _ := lint.Collect([]string{dir}, cfg)
		res := lint.Run(files, nil, cfg)
		for _, m := range res.Projects[0].Modules() {
			want := ruleByRule(m, res.Projects[0], all)
			for run := 0; run < 2; run++ { // the second run is ordered by the first's costs
				got := rules.Check(m, res.Projects[0], all)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: rules.Check differs from the rules run one by one\n got %v\nwant %v", m.File.Path, got, want)
				}
			}
			compared += len(want)
		}
	}
	if compared == 0 {
		t.Fatal("nothing compared")
	}
	t.Logf("%d findings compared", compared)
}
