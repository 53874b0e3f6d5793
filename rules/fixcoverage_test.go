package rules_test

import (
	"regexp"
	"sort"
	"testing"

	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// fixKind is a kind of fix a rule offers: safe or not, and its title with
// the code it quotes left out ("Run `_` with `_`").
type fixKind struct {
	code  string
	safe  bool
	title string
}

var quoted = regexp.MustCompile("`[^`]*`")

func kindOf(d rules.Diagnostic) fixKind {
	return fixKind{d.Code, d.Fix.Safe, quoted.ReplaceAllString(d.Fix.Title, "`_`")}
}

// TestEveryFixHasGolden: every kind of fix a rule offers on the rule test
// data is offered in one of the rule's own cases that has the golden
// showing it (TestRuleFixes compares them): a safe fix beside a .fixed, an
// unsafe one beside an .unsafe-fixed. A rule that offers fixes documents
// them (Rule.Fix), and a rule that documents a fix offers one somewhere in
// its test data.
func TestEveryFixHasGolden(t *testing.T) {
	offered := map[fixKind]string{} // kind -> a file where it is offered
	shown := map[fixKind]bool{}     // offered in a case of its rule, beside the golden of its kind
	for _, rc := range ruleCases(t) {
		files, cfg := loadCase(t, rc.path)
		res := lint.Run(files, nil, cfg)
		for _, diag := range res.Diagnostics {
			if diag.Fix == nil {
				continue
			}
			k := kindOf(diag)
			if offered[k] == "" {
				offered[k] = diag.Path
			}
			golden := unsafeGolden
			if k.safe {
				golden = safeGolden
			}
			if diag.Code == rc.code && fileExists(diag.Path+golden) {
				shown[k] = true
			}
		}
	}
	fixes := map[string]bool{}
	var kinds []fixKind
	for k := range offered {
		fixes[k.code] = true
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool { return kinds[i].code+kinds[i].title < kinds[j].code+kinds[j].title })
	for _, k := range kinds {
		if !shown[k] {
			golden, safety := unsafeGolden, "unsafe"
			if k.safe {
				golden, safety = safeGolden, "safe"
			}
			t.Errorf("%s offers the %s fix %q (e.g. in %s), but no case of testdata/rules/%s/ offering it has its %s golden",
				k.code, safety, k.title, offered[k], k.code, golden)
		}
	}
	for _, r := range rules.All() {
		switch {
		case fixes[r.Code] && r.Fix == "":
			t.Errorf("%s offers fixes but documents none (Rule.Fix is empty)", r.Code)
		case !fixes[r.Code] && r.Fix != "":
			t.Errorf("%s documents a fix but offers none on the rule test data", r.Code)
		}
	}
	t.Logf("%d kinds of fixes, each shown by a golden", len(kinds))
}
