package rules_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// exampleConfigRE matches the first line of an example that needs settings:
// "# pyproject.toml: [tool.asyncls] key = value".
var exampleConfigRE = regexp.MustCompile(`^#\s*pyproject\.toml:\s*\[tool\.asyncls\]\s*(.+)$`)

// TestDocumentedExamples runs every rule's documented examples, as users
// read them in docs/rules: the Bad example must make its rule fire and the
// Good example must leave it quiet.
func TestDocumentedExamples(t *testing.T) {
	for _, r := range rules.All() {
		r := r
		t.Run(r.Code, func(t *testing.T) {
			for _, ex := range []struct {
				kind, src string
				fires     bool
			}{{"Bad", r.Bad, true}, {"Good", r.Good, false}} {
				diags := analyseExample(t, r.Code, ex.src)
				var own []string
				for _, d := range diags {
					if d.Code == rules.SyntaxErrorCode {
						t.Errorf("%s example: syntax error at line %d: %s", ex.kind, d.Start.Line+1, d.Message)
					}
					if d.Code == r.Code {
						own = append(own, d.Message)
					}
				}
				if ex.fires && len(own) == 0 {
					t.Errorf("Bad example does not fire %s:\n%s", r.Code, ex.src)
				}
				if !ex.fires && len(own) > 0 {
					t.Errorf("Good example fires %s: %v\n%s", r.Code, own, ex.src)
				}
			}
		})
	}
}

// analyseExample checks src as a module of its own with every rule enabled
// and the settings its first line names, if any.
func analyseExample(t *testing.T, code, src string) []rules.Diagnostic {
	t.Helper()
	cfg := config.Default()
	first, _, _ := strings.Cut(src, "\n")
	if m := exampleConfigRE.FindStringSubmatch(first); m != nil {
		parsed, err := config.Parse("pyproject.toml", []byte("[tool.asyncls]\n"+m[1]+"\n"))
		if err != nil {
			t.Fatalf("%s example settings %q: %v", code, m[1], err)
		}
		cfg = parsed
	}
	cfg.Dir = t.TempDir()
	cfg.Select = []string{"ALL"}
	path := filepath.Join(cfg.Dir, "example.py")
	return lint.Analyse([]lint.Source{{Path: path, Src: []byte(src)}}, cfg).Diagnostics
}
