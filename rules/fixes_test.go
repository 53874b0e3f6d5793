package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

var fixHeaderRE = regexp.MustCompile(`#\s*fix:\s*([A-Z0-9, -]+)`)

// TestFixes applies fixes to each testdata/fixes/NAME.py the way
// `asyncls check --fix` does (re-analysing after each round) and compares
// the result with NAME.py.fixed (safe fixes only) and, when present,
// NAME.py.unsafe-fixed (with --unsafe-fixes). The fixed file must parse, and
// the codes named in the "# fix:" header ("-" for none) must no longer fire. Set
// UPDATE_GOLDEN=1 to rewrite the golden files.
func TestFixes(t *testing.T) {
	cases, _ := filepath.Glob(filepath.Join("..", "testdata", "fixes", "*.py"))
	if len(cases) == 0 {
		t.Fatal("no fix cases")
	}
	for _, path := range cases {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		m := fixHeaderRE.FindSubmatch(src)
		if m == nil {
			t.Errorf("%s: no '# fix: CODES' header", path)
			continue
		}
		var codes []string
		for _, c := range strings.Split(string(m[1]), ",") {
			if c = strings.TrimSpace(c); c != "-" {
				codes = append(codes, c)
			}
		}
		for _, mode := range []struct {
			suffix string
			unsafe bool
		}{{".fixed", false}, {".unsafe-fixed", true}} {
			golden := path + mode.suffix
			_, statErr := os.Stat(golden)
			if mode.unsafe && statErr != nil && os.Getenv("UPDATE_GOLDEN") == "" {
				continue
			}
			t.Run(filepath.Base(golden), func(t *testing.T) {
				got, remaining := applyAllFixes(t, path, src, mode.unsafe)
				if os.Getenv("UPDATE_GOLDEN") != "" {
					if mode.unsafe && string(got) == string(applyAllFixesQuiet(t, path, src)) {
						return // nothing unsafe to show
					}
					os.WriteFile(golden, got, 0o644)
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != string(want) {
					t.Errorf("%s: fixed output differs from %s:\n--- got\n%s\n--- want\n%s", path, golden, got, want)
				}
				checkParses(t, golden, got)
				for _, d := range remaining {
					for _, c := range codes {
						if d.Code == c && d.Fix != nil && (d.Fix.Safe || mode.unsafe) {
							t.Errorf("%s: %s still fires after fixing, with a fix: %s", path, d.Code, d.Message)
						}
					}
				}
				if mode.unsafe || !strings.Contains(path, "unsafe") {
					for _, d := range remaining {
						for _, c := range codes {
							if d.Code == c {
								t.Errorf("%s:%d: %s still fires after fixing: %s", path, d.Start.Line+1, d.Code, d.Message)
							}
						}
					}
				}
			})
		}
	}
}

func analyse(path string, src []byte) []rules.Diagnostic {
	cfg := config.Default()
	cfg.Dir, _ = filepath.Abs(filepath.Dir(path))
	cfg.Select = []string{"ALL"}
	return lint.Analyse([]lint.Source{{Path: path, Src: src}}, cfg).Diagnostics
}

func applyAllFixes(t *testing.T, path string, src []byte, unsafe bool) ([]byte, []rules.Diagnostic) {
	t.Helper()
	diags := analyse(path, src)
	for round := 0; round < 10; round++ {
		out, n := rules.ApplyFixes(src, diags, unsafe)
		if n == 0 {
			break
		}
		src = out
		diags = analyse(path, src)
	}
	return src, diags
}

func applyAllFixesQuiet(t *testing.T, path string, src []byte) []byte {
	out, _ := applyAllFixes(t, path, src, false)
	return out
}
