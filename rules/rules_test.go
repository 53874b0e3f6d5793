package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// wantRE matches the inline expectations of testdata files:
// "# want: CODE, CODE" or, pinning the message, `# want: CODE "regexp"`.
// Inside the quotes only \" is an escape (a quote); the rest is the regexp
// as written.
var (
	wantItem   = `[A-Z]+[0-9]+(?:\s+"(?:[^"\\]|\\.)*")?`
	wantRE     = regexp.MustCompile(`#\s*want:\s*(` + wantItem + `(?:\s*,\s*` + wantItem + `)*)`)
	wantItemRE = regexp.MustCompile(`([A-Z]+[0-9]+)(?:\s+"((?:[^"\\]|\\.)*)")?`)
)

// expectation is one code a line must produce, with the pattern its message
// must match (nil when the marker pins only the code).
type expectation struct {
	code    string
	message *regexp.Regexp
}

// parseWant returns the expectations of one line, or an error for a marker
// that is malformed (a pin left unterminated must not pass unnoticed).
func parseWant(line string) ([]expectation, error) {
	loc := wantRE.FindStringSubmatchIndex(line)
	if loc == nil {
		if strings.Contains(line, "# want:") {
			return nil, fmt.Errorf("malformed marker %q", line)
		}
		return nil, nil
	}
	if rest := strings.TrimSpace(line[loc[1]:]); strings.HasPrefix(rest, `"`) || strings.HasPrefix(rest, ",") {
		return nil, fmt.Errorf("malformed marker (unterminated message pattern?) %q", line)
	}
	var out []expectation
	for _, m := range wantItemRE.FindAllStringSubmatchIndex(line[loc[2]:loc[3]], -1) {
		item := line[loc[2]:loc[3]]
		e := expectation{code: item[m[2]:m[3]]}
		if m[4] >= 0 {
			pattern := strings.ReplaceAll(item[m[4]:m[5]], `\"`, `"`)
			re, err := regexp.Compile(pattern)
			if err != nil {
				return nil, fmt.Errorf("message pattern of %s: %v", e.code, err)
			}
			e.message = re
		}
		out = append(out, e)
	}
	return out, nil
}

// TestRules runs every case under testdata/rules. A case is a .py file or a
// directory (a multi-file project) inside a directory named after a rule.
// Each line must produce exactly the codes its "# want:" marker names, for
// the codes under test: the directory's code and any code a marker names;
// a code followed by a quoted regexp must also have a message it matches.
// A marker on a line of its own is about the line after it.
func TestRules(t *testing.T) {
	root := filepath.Join("..", "testdata", "rules")
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		code := d.Name()
		if rules.Lookup(code) == nil {
			t.Errorf("testdata/rules/%s: no rule with that code", code)
			continue
		}
		covered[code] = true
		cases, _ := os.ReadDir(filepath.Join(root, code))
		for _, c := range cases {
			path := filepath.Join(root, code, c.Name())
			if !c.IsDir() && !strings.HasSuffix(c.Name(), ".py") {
				continue
			}
			t.Run(code+"/"+c.Name(), func(t *testing.T) { runCase(t, code, path) })
		}
		if !pinsMessage(filepath.Join(root, code), code) {
			t.Errorf("testdata/rules/%s: no `# want: %s \"regexp\"` pins the message users read", code, code)
		}
	}
	for _, r := range rules.All() {
		if !covered[r.Code] {
			t.Errorf("rule %s has no testdata/rules/%s directory", r.Code, r.Code)
		}
	}
}

// pinsMessage reports whether a case under dir pins a message of code.
func pinsMessage(dir, code string) bool {
	pinned := false
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".py") || pinned {
			return nil
		}
		src, _ := os.ReadFile(path)
		for _, line := range strings.Split(string(src), "\n") {
			expected, _ := parseWant(line)
			for _, e := range expected {
				if e.code == code && e.message != nil {
					pinned = true
				}
			}
		}
		return nil
	})
	return pinned
}

type lineKey struct {
	path string
	line int
}

// loadCase returns the Python files of a case (a file, or a directory of a
// multi-file project) and the configuration it is checked with: every rule
// selected, and the settings of the case's own pyproject.toml if it has one
// (a directory) or of its leading `# config: KEY = VALUE` comments (a file).
func loadCase(t *testing.T, path string) ([]string, *config.Config) {
	t.Helper()
	files, errs := lint.Collect([]string{path}, config.Default())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	cfg := config.Default()
	if pyproject := filepath.Join(path, "pyproject.toml"); fileExists(pyproject) {
		loaded, err := config.LoadFile(pyproject)
		if err != nil {
			t.Fatal(err)
		}
		cfg = loaded
	}
	info, _ := os.Stat(path)
	if info.IsDir() {
		cfg.Dir, _ = filepath.Abs(path)
	} else {
		cfg.Dir, _ = filepath.Abs(filepath.Dir(path))
	}
	if !info.IsDir() {
		// A single-file case states settings it needs in its leading
		// comments, as `# config: KEY = VALUE` (what `--config 'KEY =
		// VALUE'` does on the command line).
		src, _ := os.ReadFile(path)
		for _, line := range strings.Split(string(src), "\n") {
			if !strings.HasPrefix(line, "#") {
				break
			}
			if setting, ok := strings.CutPrefix(line, "# config: "); ok {
				overridden, err := cfg.Override(setting)
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				cfg = overridden
			}
		}
	}
	cfg.Select = []string{"ALL"}
	return files, cfg
}

func runCase(t *testing.T, code, path string) {
	files, cfg := loadCase(t, path)
	res := lint.Run(files, nil, cfg)
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	compared := map[string]bool{code: true}
	want := map[lineKey][]string{}
	pins := map[lineKey][]expectation{}
	fires := 0
	for _, f := range files {
		src, _ := os.ReadFile(f)
		for i, line := range strings.Split(string(src), "\n") {
			expected, err := parseWant(line)
			if err != nil {
				t.Errorf("%s:%d: %v", f, i+1, err)
			}
			k := lineKey{f, i + 1}
			if strings.HasPrefix(strings.TrimSpace(line), "#") {
				// A marker on a line of its own is about the next line: it
				// keeps the comment out of a fix that refuses to drop comments.
				k.line++
			}
			for _, e := range expected {
				compared[e.code] = true
				want[k] = append(want[k], e.code)
				if e.message != nil {
					pins[k] = append(pins[k], e)
				}
				if e.code == code {
					fires++
				}
			}
		}
	}
	if fires == 0 {
		t.Errorf("%s: no line expects %s to fire", path, code)
	}
	got := map[lineKey][]string{}
	msgs := map[lineKey][]string{}
	diagsAt := map[lineKey][]rules.Diagnostic{}
	for _, d := range res.Diagnostics {
		if d.Code == rules.SyntaxErrorCode {
			t.Errorf("%s:%d: unexpected syntax error: %s", d.Path, d.Start.Line+1, d.Message)
		}
		if !compared[d.Code] {
			continue
		}
		k := lineKey{d.Path, d.Start.Line + 1}
		got[k] = append(got[k], d.Code)
		diagsAt[k] = append(diagsAt[k], d)
		msgs[k] = append(msgs[k], d.Code+" "+d.Message)
		if strings.TrimSpace(d.Message) == "" {
			t.Errorf("%s:%d: %s has an empty message", d.Path, k.line, d.Code)
		}
	}
	keys := map[lineKey]bool{}
	for k := range want {
		keys[k] = true
	}
	for k := range got {
		keys[k] = true
	}
	var sorted []lineKey
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Slice(sorted, func(i, j int) bool {
		if sorted[i].path != sorted[j].path {
			return sorted[i].path < sorted[j].path
		}
		return sorted[i].line < sorted[j].line
	})
	for _, k := range sorted {
		w, g := append([]string{}, want[k]...), append([]string{}, got[k]...)
		sort.Strings(w)
		sort.Strings(g)
		if strings.Join(w, ",") != strings.Join(g, ",") {
			t.Errorf("%s:%d: want [%s], got [%s] %v", k.path, k.line, strings.Join(w, ","), strings.Join(g, ","), msgs[k])
			continue
		}
		checkMessages(t, k, pins[k], diagsAt[k])
	}
}

// checkMessages matches each pinned message pattern with a different
// diagnostic of its code on the line.
func checkMessages(t *testing.T, k lineKey, pinned []expectation, diags []rules.Diagnostic) {
	t.Helper()
	used := make([]bool, len(diags))
	for _, e := range pinned {
		found := false
		for i, d := range diags {
			if !used[i] && d.Code == e.code && e.message.MatchString(d.Message) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			var got []string
			for _, d := range diags {
				if d.Code == e.code {
					got = append(got, strconv.Quote(d.Message))
				}
			}
			t.Errorf("%s:%d: no %s message matches %q; got %s", k.path, k.line, e.code, e.message, strings.Join(got, ", "))
		}
	}
}

// TestDocsUpToDate fails when docs/rules is stale: run `go generate ./rules`.
func TestDocsUpToDate(t *testing.T) {
	dir := filepath.Join("..", "docs", "rules")
	docs := rules.GeneratedDocs()
	for name, text := range docs {
		disk, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(disk) != text {
			t.Errorf("docs/rules/%s is stale or missing: run `go generate ./rules`", name)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if _, ok := docs[e.Name()]; !ok {
			t.Errorf("docs/rules/%s belongs to no rule: run `go generate ./rules`", e.Name())
		}
	}
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	fresh, ok := rules.ReplaceReadmeRules(string(readme))
	if !ok {
		t.Error("README.md lacks the generated rule list markers")
	} else if fresh != string(readme) {
		t.Error("README.md's rule list is stale: run `go generate ./rules`")
	}
}

// TestRuleValues checks every rule is fully documented.
func TestRuleValues(t *testing.T) {
	names := map[string]string{}
	for _, r := range rules.All() {
		if r.Bad == "" || r.Good == "" {
			t.Errorf("%s: missing bad or good example", r.Code)
		}
		if prev, dup := names[r.Name]; dup {
			t.Errorf("%s and %s share the name %q", prev, r.Code, r.Name)
		}
		names[r.Name] = r.Code
		if !regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`).MatchString(r.Name) {
			t.Errorf("%s: name %q is not kebab-case", r.Code, r.Name)
		}
	}
}

func fileExists(path string) bool {
	info, err := os.Stat(path)
	return err == nil && !info.IsDir()
}

// TestParseWant pins the marker syntax the testdata relies on.
func TestParseWant(t *testing.T) {
	for _, c := range []struct {
		line, want string // want: code=pattern pairs, "!" for an error
	}{
		{`x()  # want: ASYNC251`, `ASYNC251=`},
		{`x()  # want: ASYNC251, ASL201 (a note)`, `ASYNC251= ASL201=`},
		{`x()  # want: ASYNC251 "time\.sleep\(\)", ASL201`, `ASYNC251=time\.sleep\(\) ASL201=`},
		{`x()  # want: ASL102 "say \"await\""`, `ASL102=say "await"`},
		{`x()  # want: ASL102 "unterminated`, `!`},
		{`x()  # want: ASL102 "(("`, `!`},
		{`x()  # want: nothing`, `!`},
		{`x()  # wanted: ASL102`, ``},
	} {
		exps, err := parseWant(c.line)
		var got []string
		for _, e := range exps {
			pattern := ""
			if e.message != nil {
				pattern = e.message.String()
			}
			got = append(got, e.code+"="+pattern)
		}
		gotText := strings.Join(got, " ")
		if err != nil {
			gotText = "!"
		}
		if gotText != c.want {
			t.Errorf("parseWant(%q) = %q (err %v), want %q", c.line, gotText, err, c.want)
		}
	}
}
