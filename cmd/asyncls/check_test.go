package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const blocking = "import asyncio\nimport time\n\nasync def main():\n    time.sleep(1)\n    await asyncio.sleep(0)\n"

func TestTutorialExamples(t *testing.T) {
	code, out, errOut := runCLI(t, "", "check", filepath.Join("..", "..", "examples", "tutorial"))
	if code != exitFindings {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{
		"blocking.py:10:12: ASYNC210 ", "blocking.py:14:5: ASYNC251 ", "nested_run.py:16:12: ASL101 ",
		"unawaited.py:15:5: ASL102 ", "unawaited.py:16:12: ASL102 ", "dropped_task.py:12:5: ASYNC300 ",
		"use `await asyncio.sleep(...)`",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "correct.py") {
		t.Errorf("correct code got findings:\n%s", out)
	}
}

func TestExitCodesAndFormats(t *testing.T) {
	dir := writeTree(t, map[string]string{"bad.py": blocking, "good.py": "async def f():\n    pass\n"})
	if code, _, _ := runCLI(t, "", "check", filepath.Join(dir, "good.py")); code != exitOK {
		t.Errorf("clean file: exit %d", code)
	}
	code, out, _ := runCLI(t, "", "check", "--format", "json", filepath.Join(dir, "good.py"))
	if code != exitOK || strings.TrimSpace(out) != "[]" {
		t.Errorf("clean JSON: exit %d, %q", code, out)
	}
	code, out, _ = runCLI(t, "", "check", dir, "--format", "json") // flags after paths
	if code != exitFindings {
		t.Fatalf("exit %d", code)
	}
	var diags []map[string]any
	if err := json.Unmarshal([]byte(out), &diags); err != nil || len(diags) != 1 {
		t.Fatalf("json: %v %s", err, out)
	}
	d := diags[0]
	if d["code"] != "ASYNC251" || d["line"].(float64) != 5 || d["column"].(float64) != 5 || d["end_column"].(float64) != 18 || d["severity"] != "warning" {
		t.Errorf("json diagnostic = %v", d)
	}
	if code, _, errOut := runCLI(t, "", "check", "--format", "xml", dir); code != exitError || !strings.Contains(errOut, "xml") {
		t.Errorf("bad format: exit %d %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "", "check", "--select", "ASLNOPE1", dir); code != exitError || !strings.Contains(errOut, "ASLNOPE1") {
		t.Errorf("bad code: exit %d %s", code, errOut)
	}
	// flake8-async's and ruff's codes that asyncls lacks: a warning, never fatal.
	if code, _, errOut := runCLI(t, "", "check", "--ignore", "ASYNC115,E501", dir); code != exitFindings ||
		!strings.Contains(errOut, `warning: ignore: "ASYNC115" is not an asyncls rule`) {
		t.Errorf("foreign code: exit %d %s", code, errOut)
	}
	if code, _, _ := runCLI(t, "", "check", "--ignore", "ASYNC251", dir); code != exitOK {
		t.Errorf("--ignore: exit %d", code)
	}
	if code, _, _ := runCLI(t, "", "check", "--exit-zero", dir); code != exitOK {
		t.Errorf("--exit-zero: exit %d", code)
	}
	code, out, _ = runCLI(t, "", "check", "--format", "github", dir)
	if code != exitFindings || !strings.HasPrefix(out, "::warning title=asyncls ASYNC251,file=") || !strings.Contains(out, "line=5,col=5") {
		t.Errorf("github: %q", out)
	}
}

func TestSARIF(t *testing.T) {
	dir := writeTree(t, map[string]string{"bad.py": blocking})
	_, out, _ := runCLI(t, "", "check", "--format", "sarif", dir)
	var doc struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string           `json:"name"`
					Rules []map[string]any `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string                `json:"ruleId"`
				Message   struct{ Text string } `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }                 `json:"artifactLocation"`
						Region           struct{ StartLine, StartColumn int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	// SARIF 2.1.0's required properties: version, runs, runs[].tool.driver.name, results[].message.
	if doc.Version != "2.1.0" || len(doc.Runs) != 1 || doc.Runs[0].Tool.Driver.Name != "asyncls" || len(doc.Runs[0].Tool.Driver.Rules) == 0 {
		t.Fatalf("sarif skeleton wrong: %s", out)
	}
	r := doc.Runs[0].Results
	if len(r) != 1 || r[0].RuleID != "ASYNC251" || r[0].Message.Text == "" || r[0].Locations[0].PhysicalLocation.Region.StartLine != 5 {
		t.Errorf("sarif results = %+v", r)
	}
}

func TestStdinAndBadFiles(t *testing.T) {
	code, out, _ := runCLI(t, blocking, "check", "--stdin-filename", "x.py")
	if code != exitFindings || !strings.HasPrefix(out, "x.py:5:5: ASYNC251") {
		t.Errorf("stdin: exit %d %q", code, out)
	}
	dir := writeTree(t, map[string]string{"bad.py": blocking, "latin1.py": "x = '\xe9'\n", "broken.py": "def f(:\n    pass\n"})
	code, out, errOut := runCLI(t, "", "check", dir)
	if code != exitError {
		t.Errorf("a non-UTF-8 file is an I/O error: exit %d", code)
	}
	if !strings.Contains(errOut, "latin1.py") || !strings.Contains(errOut, "UTF-8") {
		t.Errorf("stderr does not name the undecodable file: %q", errOut)
	}
	if !strings.Contains(out, "bad.py:5:5: ASYNC251") || !strings.Contains(out, "broken.py:1:") || !strings.Contains(out, "E999") {
		t.Errorf("other files were not checked: %q", out)
	}
	if code, _, errOut := runCLI(t, "", "check", filepath.Join(dir, "missing.py")); code != exitError || !strings.Contains(errOut, "missing.py") {
		t.Errorf("missing path: exit %d %q", code, errOut)
	}
}

func TestConfigFromPyproject(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"pyproject.toml":     "[tool.asyncls]\nignore = [\"ASYNC251\"]\n",
		"pkg/a.py":           blocking,
		"build/generated.py": blocking,
		"pkg/b.py":           "import asyncio\nimport time\n\nasync def g():\n    time.sleep(1)  # noqa: ASYNC251\n    await asyncio.sleep(0)\n",
	})
	if code, out, errOut := runCLI(t, "", "check", dir); code != exitOK {
		t.Errorf("ignored by config: exit %d %s %s", code, out, errOut)
	}
	code, out, _ := runCLI(t, "", "check", "--select", "ASYNC251", dir)
	if code != exitFindings || !strings.Contains(out, "a.py:5:5") || strings.Contains(out, "b.py") || strings.Contains(out, "generated.py") {
		t.Errorf("--select overrides config; noqa and build/ exclusion hold: %q", out)
	}
	os.WriteFile(filepath.Join(dir, "pyproject.toml"), []byte("[tool.asyncls]\nbogus = 1\n"), 0o644)
	if code, _, errOut := runCLI(t, "", "check", dir); code != exitError || !strings.Contains(errOut, `unknown key "bogus"`) {
		t.Errorf("unknown key: exit %d %q", code, errOut)
	}
}

func TestRulesCommand(t *testing.T) {
	code, out, _ := runCLI(t, "", "rules")
	if code != exitOK || !strings.Contains(out, "ASYNC251") || !strings.Contains(out, "ASL101") {
		t.Errorf("rules list: %q", out)
	}
	code, out, _ = runCLI(t, "", "rules", "asl101")
	if code != exitOK || !strings.Contains(out, "# ASL101") || !strings.Contains(out, "## Why") {
		t.Errorf("rules ASL101: %q", out)
	}
	if code, _, _ := runCLI(t, "", "rules", "NOPE"); code != exitError {
		t.Errorf("unknown rule: exit %d", code)
	}
	// ruff's names of asyncls's checks work here as in select and noqa.
	if code, out, _ := runCLI(t, "", "rules", "RUF006"); code != exitOK || !strings.HasPrefix(out, "# ASYNC300") {
		t.Errorf("rules RUF006: exit %d, %.60q", code, out)
	}
	// A flake8-async code asyncls does not implement is named as such.
	if code, _, errOut := runCLI(t, "", "rules", "ASYNC102"); code != exitError || !strings.Contains(errOut, "flake8-async or ruff code asyncls does not implement") {
		t.Errorf("rules ASYNC102: exit %d, %q", code, errOut)
	}
}

func TestFixRewritesFiles(t *testing.T) {
	// ASL102's fix (add await) is unsafe: --fix alone leaves the file alone.
	src := "async def save():\n    pass\n\nasync def main():\n    save()\n"
	dir := writeTree(t, map[string]string{"a.py": src})
	runCLI(t, "", "check", "--fix", dir)
	if got, _ := os.ReadFile(filepath.Join(dir, "a.py")); string(got) != src {
		t.Errorf("--fix applied an unsafe fix:\n%s", got)
	}
	code, _, _ := runCLI(t, "", "check", "--fix", "--unsafe-fixes", dir)
	got, _ := os.ReadFile(filepath.Join(dir, "a.py"))
	if !strings.Contains(string(got), "    await save()\n") || code != exitOK {
		t.Errorf("--unsafe-fixes: exit %d, file:\n%s", code, got)
	}
}

func TestRulesFiltersAndFormats(t *testing.T) {
	code, out, _ := runCLI(t, "", "rules", "ASYNC2")
	if code != exitOK || !strings.Contains(out, "ASYNC251 ") || strings.Contains(out, "ASYNC100") || strings.Contains(out, "ASL101") || strings.Contains(out, "## Why") {
		t.Errorf("rules ASYNC2 (a prefix: the table narrowed): %q", out)
	}
	code, out, _ = runCLI(t, "", "rules", "--all", "ASL10")
	if code != exitOK || strings.Count(out, "## Why") < 3 || !strings.Contains(out, "# ASL101") || strings.Contains(out, "# ASYNC") {
		t.Errorf("rules --all ASL10: documentation of each: %q", out)
	}
	code, out, _ = runCLI(t, "", "rules", "--format", "json")
	var list []ruleJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != exitOK || len(list) < 40 {
		t.Fatalf("rules --format json: %v %d", err, len(list))
	}
	for _, r := range list {
		if r.Code == "" || r.Name == "" || r.Summary == "" || r.URL == "" || r.Explanation != "" {
			t.Errorf("rule json %+v", r)
		}
	}
	byCode := map[string]ruleJSON{}
	for _, r := range list {
		byCode[r.Code] = r
	}
	if s := byCode["ASL401"].Settings; len(s) != 1 || s[0].Key != "asl401-min-saving-ms" || s[0].Type != "number" || s[0].Default != 20.0 || s[0].Doc == "" {
		t.Errorf("rules --format json: ASL401's settings %+v", s)
	}
	if !byCode["ASL201"].CrossFile || byCode["ASYNC100"].CrossFile || !byCode["ASL402"].Simulates || byCode["ASL201"].Simulates {
		t.Errorf("rules --format json: cross_file/simulates wrong: %+v %+v", byCode["ASL201"], byCode["ASL402"])
	}
	_, out, _ = runCLI(t, "", "rules", "--format", "json", "ASYNC251")
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 || !strings.Contains(list[0].Explanation, "## Why") {
		t.Errorf("rules --format json CODE carries the documentation: %v %q", err, out)
	}
}

func TestEverySubcommandAnswersHelp(t *testing.T) {
	for name := range commands {
		for _, args := range [][]string{{name, "--help"}, {name, "-h"}, {"help", name}} {
			code, out, errOut := runCLI(t, "", args...)
			if code != exitOK || !strings.Contains(out, "Usage: asyncls "+name) || errOut != "" {
				t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
			}
		}
	}
}

// TestCheckCacheAndClean: a second run answers from the cache with the same
// output, --no-cache writes nothing, and `asyncls clean` removes the cache.
func TestCheckCacheAndClean(t *testing.T) {
	dir := t.TempDir()
	src := "import time\n\n\nasync def f():\n    time.sleep(1)\n"
	if err := os.WriteFile(filepath.Join(dir, "a.py"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cacheDir := filepath.Join(t.TempDir(), "cache")
	t.Setenv("ASYNCLS_CACHE_DIR", cacheDir)
	checkOut := func(args ...string) string {
		var out, errOut strings.Builder
		if code := run(append([]string{"check", "--output-format", "concise"}, args...), strings.NewReader(""), &out, &errOut); code != exitFindings {
			t.Fatalf("check %v: exit %d, stderr %s", args, code, errOut.String())
		}
		return out.String()
	}
	checkOut("--no-cache", dir)
	if _, err := os.Stat(cacheDir); !os.IsNotExist(err) {
		t.Fatalf("--no-cache created the cache: %v", err)
	}
	first := checkOut(dir)
	if _, err := os.Stat(filepath.Join(cacheDir, ".gitignore")); err != nil {
		t.Fatalf("no cache with a .gitignore after a run: %v", err)
	}
	if second := checkOut(dir); second != first || !strings.Contains(first, "ASYNC251") {
		t.Fatalf("cached run printed\n%s\nthe first\n%s", second, first)
	}
	var out, errOut strings.Builder
	if code := run([]string{"clean", dir}, strings.NewReader(""), &out, &errOut); code != exitOK {
		t.Fatalf("clean: exit %d: %s", code, errOut.String())
	}
	if _, err := os.Stat(cacheDir); !os.IsNotExist(err) {
		t.Fatalf("the cache survived clean: %v", err)
	}
	if !strings.Contains(out.String(), "removed "+cacheDir) {
		t.Errorf("clean printed %q", out.String())
	}
	// Again: nothing to remove, and it says so rather than "removed".
	out.Reset()
	if code := run([]string{"clean", dir}, strings.NewReader(""), &out, &errOut); code != exitOK ||
		!strings.Contains(out.String(), "no cache to remove at "+cacheDir) {
		t.Errorf("clean without a cache: exit %d, stdout %q", code, out.String())
	}
	// A directory that does not exist, or two of them, is a usage error.
	for _, args := range [][]string{{"clean", filepath.Join(dir, "missing")}, {"clean", dir, dir}} {
		out.Reset()
		errOut.Reset()
		if code := run(args, strings.NewReader(""), &out, &errOut); code != exitError || out.Len() != 0 || errOut.Len() == 0 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out.String(), errOut.String())
		}
	}
}

// TestMaxFileSizeFileAndStdin: a file over max-file-size is skipped with a
// warning and the exit status is that of the other files; standard input
// over it is an error (README: an editor piping a buffer expects an answer).
func TestMaxFileSizeFileAndStdin(t *testing.T) {
	big := "import time\n\nasync def main():\n    time.sleep(1)\n" + strings.Repeat("# padding\n", 20)
	dir := writeTree(t, map[string]string{
		"pyproject.toml": "[tool.asyncls]\nmax-file-size = 100\n",
		"big.py":         big,
	})
	code, out, errOut := runCLI(t, "", "check", "--no-cache", "--output-format", "concise", filepath.Join(dir, "big.py"))
	if code != exitOK || strings.Contains(out, "ASYNC251") || !strings.Contains(errOut, "larger than the 100-byte limit") {
		t.Errorf("file over the limit: exit %d, stdout %q, stderr %q: want exit 0 and a warning", code, out, errOut)
	}
	code, out, errOut = runCLI(t, big, "check", "--no-cache", "--output-format", "concise", "--stdin-filename", filepath.Join(dir, "piped.py"))
	if code != exitError || !strings.Contains(errOut, "standard input is larger than the 100-byte limit") {
		t.Errorf("stdin over the limit: exit %d, stdout %q, stderr %q: want exit 2 and the reason", code, out, errOut)
	}
}
