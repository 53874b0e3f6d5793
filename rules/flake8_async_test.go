package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// The corpus under testdata/flake8_async restates, as asyncio code, the cases
// of flake8-async's own test suite (tests/eval_files) that expect a code
// asyncls shares to fire, or to stay quiet, when the base library is asyncio.
// Each file names the upstream file it follows and the codes it compares:
//
//	# upstream: tests/eval_files/async103.py @ <commit>
//	# codes: ASYNC103 ASYNC104
//
// and marks each line where flake8-async expects a finding:
//
//	# want: CODE                  asyncls reports it too
//	# differs: CODE -- why        asyncls deliberately does not
//
// and each line where asyncls deliberately reports what flake8-async does not:
//
//	# extra: CODE -- why
//
// Every other line must be quiet for the compared codes. A deliberate
// difference must be explained in the Notes of the rule (they must mention
// flake8-async), so users reading the docs learn it.
var (
	f8aDiffersRE  = regexp.MustCompile(`#\s*differs:\s*([A-Z]+[0-9]+)\s+--\s+\S`)
	f8aExtraRE    = regexp.MustCompile(`#\s*extra:\s*([A-Z]+[0-9]+)\s+--\s+\S`)
	f8aCodesRE    = regexp.MustCompile(`(?m)^#\s*codes:\s*(.+)$`)
	f8aUpstreamRE = regexp.MustCompile(`(?m)^#\s*upstream:\s*tests/eval_files/\S+\.py\s*@\s*[0-9a-f]{40}`)
)

// f8aTally counts, for one code, the cases flake8-async expects, how many
// asyncls matches, and the deliberate differences either way.
type f8aTally struct {
	expected, matched, differs, extra int
}

func TestFlake8AsyncAgreement(t *testing.T) {
	root := filepath.Join("..", "testdata", "flake8_async")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	tally := map[string]*f8aTally{}
	for _, e := range entries {
		if !e.IsDir() && !strings.HasSuffix(e.Name(), ".py") {
			continue
		}
		path := filepath.Join(root, e.Name())
		t.Run(e.Name(), func(t *testing.T) { compareWithFlake8Async(t, path, tally) })
	}
	if len(tally) == 0 {
		t.Fatal("no case under testdata/flake8_async")
	}
	var codes []string
	for c := range tally {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	var total f8aTally
	t.Logf("%-9s %8s %8s %8s %8s", "code", "expected", "matched", "differs", "extra")
	for _, c := range codes {
		n := tally[c]
		t.Logf("%-9s %8d %8d %8d %8d", c, n.expected, n.matched, n.differs, n.extra)
		total.expected += n.expected
		total.matched += n.matched
		total.differs += n.differs
		total.extra += n.extra
	}
	t.Logf("%-9s %8d %8d %8d %8d", "total", total.expected, total.matched, total.differs, total.extra)
}

// compareWithFlake8Async checks a case: a .py file, or a directory (a
// project with its own pyproject.toml, for the codes that need settings)
// whose .py files each carry the headers and markers.
func compareWithFlake8Async(t *testing.T, casePath string, tally map[string]*f8aTally) {
	files, cfg := loadCase(t, casePath)
	res := lint.Run(files, nil, cfg)
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	byFile := map[string][]rules.Diagnostic{}
	for _, d := range res.Diagnostics {
		byFile[d.Path] = append(byFile[d.Path], d)
	}
	for _, f := range files {
		compareFile(t, f, byFile[f], tally)
	}
}

func compareFile(t *testing.T, path string, diags []rules.Diagnostic, tally map[string]*f8aTally) {
	srcBytes, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src := string(srcBytes)
	if !f8aUpstreamRE.MatchString(src) {
		t.Errorf("%s: no `# upstream: tests/eval_files/NAME.py @ COMMIT` header", path)
	}
	m := f8aCodesRE.FindStringSubmatch(src)
	if m == nil {
		t.Fatalf("%s: no `# codes:` header", path)
	}
	compared := map[string]bool{}
	for _, c := range strings.Fields(strings.ReplaceAll(m[1], ",", " ")) {
		r := rules.Lookup(c)
		if r == nil {
			t.Fatalf("%s: no rule %s", path, c)
		}
		compared[c] = true
		if tally[c] == nil {
			tally[c] = &f8aTally{}
		}
	}
	want := map[int][]string{}
	differs := map[int][]string{}
	extra := map[int][]string{}
	for i, line := range strings.Split(src, "\n") {
		n := i + 1
		expected, err := parseWant(line)
		if err != nil {
			t.Errorf("%s:%d: %v", path, n, err)
		}
		for _, e := range expected {
			want[n] = append(want[n], e.code)
		}
		for _, d := range f8aDiffersRE.FindAllStringSubmatch(line, -1) {
			differs[n] = append(differs[n], d[1])
		}
		for _, d := range f8aExtraRE.FindAllStringSubmatch(line, -1) {
			extra[n] = append(extra[n], d[1])
		}
		if (strings.Contains(line, "# differs:") && differs[n] == nil) || (strings.Contains(line, "# extra:") && extra[n] == nil) {
			t.Errorf("%s:%d: malformed marker (want `CODE -- reason`): %q", path, n, line)
		}
		for _, c := range append(append(append([]string{}, want[n]...), differs[n]...), extra[n]...) {
			if !compared[c] {
				t.Errorf("%s:%d: %s is not among the file's `# codes:`", path, n, c)
			}
		}
		for _, c := range append(append([]string{}, differs[n]...), extra[n]...) {
			if r := rules.Lookup(c); r != nil && !strings.Contains(r.Notes, "flake8-async") {
				t.Errorf("%s:%d: deliberate difference for %s, but its Notes do not explain it (no mention of flake8-async)", path, n, c)
			}
		}
	}

	got := map[int][]string{}
	for _, d := range diags {
		if d.Code == rules.SyntaxErrorCode {
			t.Errorf("%s:%d: unexpected syntax error: %s", path, d.Start.Line+1, d.Message)
		}
		if compared[d.Code] {
			got[d.Start.Line+1] = append(got[d.Start.Line+1], d.Code)
		}
	}
	lines := map[int]bool{}
	for _, set := range []map[int][]string{want, differs, extra, got} {
		for n := range set {
			lines[n] = true
		}
	}
	var sorted []int
	for n := range lines {
		sorted = append(sorted, n)
	}
	sort.Ints(sorted)
	for _, n := range sorted {
		reported := multiset(got[n])
		for _, c := range want[n] {
			tally[c].expected++
			if reported[c] > 0 {
				reported[c]--
				tally[c].matched++
			} else {
				t.Errorf("%s:%d: flake8-async expects %s, asyncls misses it (got %v)", path, n, c, got[n])
			}
		}
		for _, c := range differs[n] {
			tally[c].expected++
			tally[c].differs++
			if reported[c] > 0 {
				t.Errorf("%s:%d: marked as a deliberate difference for %s, but asyncls reports it", path, n, c)
				reported[c]--
			}
		}
		for _, c := range extra[n] {
			tally[c].extra++
			if reported[c] == 0 {
				t.Errorf("%s:%d: marked as a deliberate extra %s, but asyncls does not report it", path, n, c)
			} else {
				reported[c]--
			}
		}
		for c, left := range reported {
			if left > 0 {
				t.Errorf("%s:%d: asyncls reports %s, flake8-async does not expect it", path, n, c)
			}
		}
	}
}

func multiset(codes []string) map[string]int {
	m := map[string]int{}
	for _, c := range codes {
		m[c]++
	}
	return m
}
