package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// goldenInput has a finding with a safe fix (ASYNC251), one with an unsafe
// fix (ASL102) and two without (ASYNC124, ASL101 with a call chain).
// ASYNC124, off by default, is selected for its info severity.
var goldenInput = filepath.Join("testdata", "golden", "app.py")

// checkGolden compares got with testdata/golden/NAME; UPDATE_GOLDEN=1 rewrites it.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (UPDATE_GOLDEN=1 rewrites it)\n--- got:\n%s\n--- want:\n%s", name, got, want)
	}
}

func TestOutputFormatsGolden(t *testing.T) {
	for _, format := range []string{"full", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit"} {
		t.Run(format, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", "check", "--extend-select", "ASYNC124", "--output-format", format, goldenInput)
			if code != exitFindings {
				t.Fatalf("exit %d, stderr %s", code, errOut)
			}
			switch format {
			case "full", "concise":
				checkGolden(t, "app."+format, out+"--- stderr\n"+errOut)
				return
			case "sarif":
				// The rule catalogue in the driver changes with every rule; the results are the golden part.
				var doc map[string]any
				if err := json.Unmarshal([]byte(out), &doc); err != nil {
					t.Fatal(err)
				}
				run := doc["runs"].([]any)[0].(map[string]any)
				driver := run["tool"].(map[string]any)["driver"].(map[string]any)
				ruleList := driver["rules"].([]any)
				if len(ruleList) < 40 {
					t.Errorf("SARIF driver lists %d rules", len(ruleList))
				}
				for _, r := range run["results"].([]any) {
					res := r.(map[string]any)
					i := int(res["ruleIndex"].(float64))
					if i >= len(ruleList) || ruleList[i].(map[string]any)["id"] != res["ruleId"] {
						t.Errorf("SARIF ruleIndex %d does not point at %v", i, res["ruleId"])
					}
					delete(res, "ruleIndex")
				}
				delete(driver, "rules")
				b, _ := json.MarshalIndent(doc, "", "  ")
				out = string(b) + "\n"
			case "json", "gitlab":
				var v []any
				if err := json.Unmarshal([]byte(out), &v); err != nil || len(v) != 4 {
					t.Fatalf("%s: %d items, %v", format, len(v), err)
				}
			case "json-lines":
				lines := strings.Split(strings.TrimSpace(out), "\n")
				for _, l := range lines {
					var v map[string]any
					if err := json.Unmarshal([]byte(l), &v); err != nil {
						t.Fatalf("json-lines: %q: %v", l, err)
					}
				}
				if len(lines) != 4 {
					t.Errorf("json-lines: %d lines", len(lines))
				}
			case "junit":
				var v struct {
					Tests    int `xml:"tests,attr"`
					Failures int `xml:"failures,attr"`
				}
				if err := xml.Unmarshal([]byte(out), &v); err != nil || v.Tests != 4 || v.Failures != 4 {
					t.Fatalf("junit: %+v %v", v, err)
				}
			}
			if errOut != "" {
				t.Errorf("machine format %s wrote to stderr: %q", format, errOut)
			}
			checkGolden(t, "app."+format, out)
		})
	}
}

func TestFormatAliasAndCleanSummary(t *testing.T) {
	_, viaAlias, _ := runCLI(t, "", "check", "--extend-select", "ASYNC124", "--format", "concise", goldenInput)
	_, viaFlag, _ := runCLI(t, "", "check", "--extend-select", "ASYNC124", "--output-format", "concise", goldenInput)
	if viaAlias != viaFlag || viaAlias == "" {
		t.Errorf("--format is not an alias of --output-format:\n%s\n%s", viaAlias, viaFlag)
	}
	_, text, _ := runCLI(t, "", "check", "--extend-select", "ASYNC124", "--format", "text", goldenInput)
	if text != viaFlag {
		t.Errorf("--format text (the old name) is not the concise form:\n%s", text)
	}
	dir := writeTree(t, map[string]string{"ok.py": "import asyncio\n\nasync def f():\n    await asyncio.sleep(0)\n"})
	code, out, errOut := runCLI(t, "", "check", "--extend-select", "ASYNC124", dir)
	if code != exitOK || out != "" || errOut != "All checks passed!\n" {
		t.Errorf("clean run: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	for _, format := range []string{"junit", "json", "gitlab"} {
		if code, out, errOut := runCLI(t, "", "check", "--extend-select", "ASYNC124", "--output-format", format, dir); code != exitOK || out == "" || errOut != "" {
			t.Errorf("clean %s: exit %d, stdout %q, stderr %q", format, code, out, errOut)
		}
	}
}

func TestDiffStatisticsShowFixesGolden(t *testing.T) {
	before, _ := os.ReadFile(goldenInput)
	code, out, errOut := runCLI(t, "", "check", "--extend-select", "ASYNC124", "--diff", "--show-fixes", goldenInput)
	if code != exitFindings {
		t.Errorf("--diff with a fix: exit %d", code)
	}
	checkGolden(t, "app.diff", out+"--- stderr\n"+errOut)
	code, out, errOut = runCLI(t, "", "check", "--extend-select", "ASYNC124", "--diff", "--unsafe-fixes", goldenInput)
	if code != exitFindings {
		t.Errorf("--diff --unsafe-fixes: exit %d", code)
	}
	checkGolden(t, "app.unsafe-diff", out+"--- stderr\n"+errOut)
	if after, _ := os.ReadFile(goldenInput); string(after) != string(before) {
		t.Fatal("--diff changed the file")
	}
	code, out, errOut = runCLI(t, "", "check", "--extend-select", "ASYNC124", "--statistics", goldenInput)
	if code != exitFindings {
		t.Errorf("--statistics: exit %d", code)
	}
	checkGolden(t, "app.statistics", out+"--- stderr\n"+errOut)

	code, out, errOut = runCLI(t, "", "check", "--extend-select", "ASYNC124", "--statistics", "--output-format", "json", goldenInput)
	var stats []statJSON
	if err := json.Unmarshal([]byte(out), &stats); err != nil || code != exitFindings || errOut != "" || len(stats) != 4 {
		t.Fatalf("--statistics json: exit %d, %v, %q, %q", code, err, out, errOut)
	}
	for _, s := range stats {
		if s.Count != 1 || s.Name == "" || s.Fixable != (s.Code == "ASYNC251") {
			t.Errorf("statistics entry %+v", s)
		}
	}

	dir := writeTree(t, map[string]string{"ok.py": "import asyncio\n\nasync def f():\n    await asyncio.sleep(0)\n"})
	if code, out, errOut := runCLI(t, "", "check", "--extend-select", "ASYNC124", "--diff", dir); code != exitOK || out != "" || !strings.Contains(errOut, "No fixes") {
		t.Errorf("--diff without fixes: exit %d %q %q", code, out, errOut)
	}
}

// Tabs and non-ASCII text before a finding: the caret stays under it, and a
// fix that inserts lines away from the finding shows the kept line between.
func TestFullFormatTabsAndInsertionsGolden(t *testing.T) {
	_, out, errOut := runCLI(t, "", "check", filepath.Join("testdata", "golden", "tabs.py"))
	checkGolden(t, "tabs.full", out+"--- stderr\n"+errOut)
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "^") && !strings.HasPrefix(line, "  |     ^") {
			t.Errorf("caret not under the tab-indented call: %q", line)
		}
	}
}

// A finding on a very long line shows a window of it: the output stays
// short and the carets stay under the call.
func TestFullFormatLongLine(t *testing.T) {
	var nums []string
	for i := 0; i < 3000; i++ {
		nums = append(nums, fmt.Sprint(i))
	}
	list := "[" + strings.Join(nums, ", ") + "]"
	src := "import time\n\nasync def f():\n    x = " + list + "; time.sleep(1); y = " + list + "\n"
	dir := writeTree(t, map[string]string{"long.py": src})
	_, out, _ := runCLI(t, "", "check", filepath.Join(dir, "long.py"))
	var code, carets string
	for _, line := range strings.Split(out, "\n") {
		if len([]rune(line)) > 220 && !strings.HasPrefix(line, filepath.Join(dir, "long.py")) {
			t.Errorf("line of %d characters in the output", len([]rune(line)))
		}
		if strings.HasPrefix(line, "4 | ") {
			code = line
		}
		if strings.Contains(line, "^^^ ASYNC251") {
			carets = line
		}
	}
	at := strings.Index(carets, "^")
	if code == "" || at < 0 || !strings.HasPrefix(string([]rune(code)[utf8.RuneCountInString(carets[:at]):]), "time.sleep(1)") {
		t.Errorf("carets not under the call:\n%s\n%s", code, carets)
	}
}

// A run that reported an error (a path that does not exist, a file that is
// not UTF-8) does not end with "All checks passed!", and a path without a
// Python file in it is named in a warning, as ruff does.
func TestSummaryAfterErrorsAndNoPythonFiles(t *testing.T) {
	dir := writeTree(t, map[string]string{"ok.py": "x = 1\n", "notes/readme.txt": "hello\n",
		"bad.py": "x = '\xff'\n", "sleepy.py": "import time\n\nasync def f():\n    time.sleep(1)\n"})
	code, _, errOut := runCLI(t, "", "check", filepath.Join(dir, "ok.py"), filepath.Join(dir, "missing.py"))
	if code != exitError || strings.Contains(errOut, "All checks passed") ||
		!strings.Contains(errOut, "No problems found in what was checked, but 1 error (above).") {
		t.Errorf("missing path: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = runCLI(t, "", "check", dir)
	if code != exitError || !strings.Contains(errOut, "Found 1 problem. [*] 1 fixable with --fix. And 1 error (above).") {
		t.Errorf("file not UTF-8: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = runCLI(t, "", "check", filepath.Join(dir, "notes"))
	if code != exitOK || !strings.Contains(errOut, "warning: no Python files found under "+filepath.Join(dir, "notes")) {
		t.Errorf("no Python file: exit %d, stderr %q", code, errOut)
	}
	if _, _, errOut = runCLI(t, "", "check", filepath.Join(dir, "ok.py")); strings.Contains(errOut, "no Python files") {
		t.Errorf("warned with a Python file: %q", errOut)
	}
}

// --fix analyses again after each round of fixes; a file that could not be
// decoded is still reported once, not once per round.
func TestFixReportsAnUndecodableFileOnce(t *testing.T) {
	dir := writeTree(t, map[string]string{"bad.py": "x = '\xff'\n", "sleepy.py": "import time\n\nasync def f():\n    time.sleep(1)\n"})
	code, _, errOut := runCLI(t, "", "check", "--fix", dir)
	if n := strings.Count(errOut, "not valid UTF-8"); code != exitError || n != 1 {
		t.Errorf("exit %d, %d reports of the file:\n%s", code, n, errOut)
	}
}

// A problem the walk of a directory meets (a broken link) names the file
// as findings do: relative to the working directory.
func TestWalkErrorsShownRelative(t *testing.T) {
	dir := writeTree(t, map[string]string{"ok.py": "x = 1\n"})
	if err := os.Symlink(filepath.Join(dir, "missing.py"), filepath.Join(dir, "dangling.py")); err != nil {
		t.Skip(err)
	}
	t.Chdir(dir)
	code, _, errOut := runCLI(t, "", "check", "--no-cache", ".")
	if code != exitError || !strings.Contains(errOut, "asyncls: error: dangling.py: broken symbolic link") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
