package rules_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// Golden fix results sit beside a rule's case in testdata/rules/CODE:
//
//	case.py               the case, with its "# want:" markers
//	case.py.fixed         case.py after CODE's safe fixes (`asyncls check --fix`)
//	case.py.unsafe-fixed  case.py after CODE's safe and unsafe fixes (`--fix --unsafe-fixes`)
//
// Only CODE's fixes are applied, round after round with re-analysis as the
// CLI does. A case with goldens must show every fix it offers: without
// .fixed the safe fixes must change nothing, without .unsafe-fixed the
// unsafe ones must add nothing. In a multi-file case the goldens sit beside
// the files they belong to. UPDATE_GOLDEN=1 rewrites the goldens of cases
// that have some.
const (
	safeGolden   = ".fixed"
	unsafeGolden = ".unsafe-fixed"
)

// TestRuleFixes compares each rule's fixes with the goldens beside its cases.
func TestRuleFixes(t *testing.T) {
	withGolden := map[string]bool{} // codes that have at least one golden
	for _, rc := range ruleCases(t) {
		code := rc.code
		files, cfg := loadCase(t, rc.path)
		for _, f := range files {
			if !fileExists(f+safeGolden) && !fileExists(f+unsafeGolden) {
				continue
			}
			withGolden[code] = true
			t.Run(code+"/"+strings.TrimPrefix(f, filepath.Join(ruleTestdata, code)+string(filepath.Separator)), func(t *testing.T) {
				checkRuleFix(t, code, f, files, cfg)
			})
		}
	}
	for _, r := range rules.All() {
		if r.Fix != "" && !withGolden[r.Code] {
			t.Errorf("%s has a fix but no testdata/rules/%s/CASE.py%s or %s beside a case", r.Code, r.Code, safeGolden, unsafeGolden)
		}
	}
}

// ruleTestdata holds a directory of cases per rule code.
var ruleTestdata = filepath.Join("..", "testdata", "rules")

// ruleCase is one case of a rule: a .py file or a multi-file project directory.
type ruleCase struct{ code, path string }

// ruleCases lists the cases under testdata/rules/CODE/ of every registered rule.
func ruleCases(t *testing.T) []ruleCase {
	t.Helper()
	dirs, err := os.ReadDir(ruleTestdata)
	if err != nil {
		t.Fatal(err)
	}
	var out []ruleCase
	for _, d := range dirs {
		code := d.Name()
		if !d.IsDir() || rules.Lookup(code) == nil {
			continue
		}
		cases, _ := os.ReadDir(filepath.Join(ruleTestdata, code))
		for _, c := range cases {
			if c.IsDir() || strings.HasSuffix(c.Name(), ".py") {
				out = append(out, ruleCase{code, filepath.Join(ruleTestdata, code, c.Name())})
			}
		}
	}
	return out
}

func checkRuleFix(t *testing.T, code, target string, files []string, cfg *config.Config) {
	original, err := os.ReadFile(target)
	if err != nil {
		t.Fatal(err)
	}
	safe, safeLeft := fixOnly(t, code, target, files, cfg, false)
	unsafe, unsafeLeft := fixOnly(t, code, target, files, cfg, true)
	if rules.Lookup(code).Fix == "" && !bytes.Equal(unsafe, original) {
		t.Errorf("%s fixes %s but its documentation names no fix", code, target)
	}
	for _, g := range []struct {
		suffix, absent string // absent: what must hold without the golden
		got, instead   []byte
		left           []rules.Diagnostic
		unsafe         bool
	}{
		{safeGolden, "the safe fixes change nothing", safe, original, safeLeft, false},
		{unsafeGolden, "the unsafe fixes add nothing to the safe ones", unsafe, safe, unsafeLeft, true},
	} {
		golden := target + g.suffix
		want, err := os.ReadFile(golden)
		if os.IsNotExist(err) {
			if os.Getenv("UPDATE_GOLDEN") != "" && !bytes.Equal(g.got, g.instead) {
				writeGolden(t, golden, g.got)
			} else if !bytes.Equal(g.got, g.instead) {
				t.Errorf("%s: no %s, yet not %s; got:\n%s", target, filepath.Base(golden), g.absent, g.got)
			}
			continue
		}
		if os.Getenv("UPDATE_GOLDEN") != "" {
			if bytes.Equal(g.got, g.instead) {
				os.Remove(golden) // it would show nothing the case or .fixed does not
				continue
			}
			writeGolden(t, golden, g.got)
			want = g.got
		}
		if !bytes.Equal(g.got, want) {
			t.Errorf("%s: %s fixes differ from %s:\n--- got\n%s\n--- want\n%s", target, code, golden, g.got, want)
		}
		if bytes.Equal(want, g.instead) {
			t.Errorf("%s shows nothing beyond what %s does without it; delete it", golden, g.absent)
		}
		checkParses(t, golden, g.got)
		for _, d := range g.left {
			if d.Code == code && d.Path == target && d.Fix != nil && (d.Fix.Safe || g.unsafe) {
				t.Errorf("%s:%d: %s still offers a fix after fixing: %s", golden, d.Start.Line+1, code, d.Message)
			}
		}
	}
}

// fixOnly applies code's fixes to target until none applies, re-analysing
// the whole case after each round, and returns the result and what is
// reported on it.
func fixOnly(t *testing.T, code, target string, files []string, cfg *config.Config, unsafe bool) ([]byte, []rules.Diagnostic) {
	t.Helper()
	sources := make([]lint.Source, len(files))
	at := -1
	for i, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sources[i] = lint.Source{Path: f, Src: src}
		if f == target {
			at = i
		}
	}
	if at < 0 {
		t.Fatalf("%s is not part of its case", target)
	}
	var own []rules.Diagnostic
	for round := 0; ; round++ {
		res := lint.Analyse(sources, cfg)
		if len(res.Errors) > 0 {
			t.Fatal(res.Errors)
		}
		own = own[:0]
		for _, d := range res.Diagnostics {
			if d.Path == target && d.Code == code {
				own = append(own, d)
			}
		}
		if round == 10 {
			t.Errorf("%s: %s fixes still apply after %d rounds", target, code, round)
			break
		}
		out, n := rules.ApplyFixes(sources[at].Src, own, unsafe)
		if n == 0 {
			break
		}
		sources[at].Src = out
	}
	return sources[at].Src, own
}

func checkParses(t *testing.T, name string, src []byte) {
	t.Helper()
	if errs := analysis.Parse(name, src).SyntaxErrors; len(errs) > 0 {
		t.Errorf("%s: syntax errors: %v", name, errs)
	}
	if py, err := exec.LookPath("python3"); err == nil {
		cmd := exec.Command(py, "-c", "import ast,sys; ast.parse(sys.stdin.buffer.read())")
		cmd.Stdin = bytes.NewReader(src)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s: python3 cannot parse it: %v\n%s", name, err, out)
		}
	}
}

func writeGolden(t *testing.T, path string, src []byte) {
	t.Helper()
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
}
