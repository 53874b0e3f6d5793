package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// wantRE matches the inline expectations of testdata files: "# want: CODE, CODE".
var wantRE = regexp.MustCompile(`#\s*want:\s*([A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)`)

// TestRules runs every case under testdata/rules. A case is a .py file or a
// directory (a multi-file project) inside a directory named after a rule.
// Each line must produce exactly the codes its "# want:" marker names, for
// the codes under test: the directory's code and any code a marker names.
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
	}
	for _, r := range rules.All() {
		if !covered[r.Code] {
			t.Errorf("rule %s has no testdata/rules/%s directory", r.Code, r.Code)
		}
	}
}

type lineKey struct {
	path string
	line int
}

func runCase(t *testing.T, code, path string) {
	files, errs := lint.Collect([]string{path}, config.Default())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	cfg := config.Default()
	// A multi-file case may carry its own [tool.asyncls] settings.
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
	cfg.Select = []string{"ALL"}
	res := lint.Run(files, nil, cfg)
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	compared := map[string]bool{code: true}
	want := map[lineKey][]string{}
	fires := 0
	for _, f := range files {
		src, _ := os.ReadFile(f)
		for i, line := range strings.Split(string(src), "\n") {
			m := wantRE.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			for _, c := range strings.Split(m[1], ",") {
				c = strings.TrimSpace(c)
				compared[c] = true
				want[lineKey{f, i + 1}] = append(want[lineKey{f, i + 1}], c)
				if c == code {
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
	for _, d := range res.Diagnostics {
		if d.Code == rules.SyntaxErrorCode {
			t.Errorf("%s:%d: unexpected syntax error: %s", d.Path, d.Start.Line+1, d.Message)
		}
		if !compared[d.Code] {
			continue
		}
		k := lineKey{d.Path, d.Start.Line + 1}
		got[k] = append(got[k], d.Code)
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
