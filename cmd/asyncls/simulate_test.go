package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestSimulateJSON(t *testing.T) {
	code, out, stderr := runCmd("simulate", "--format", "json", "../../testdata/loopsim/01_tutorial_gather_two.py")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"concurrent_s", "sequential_s", "blocked_s", "entry", "assumptions", "confidence", "tasks"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("json lacks %q", k)
		}
	}
	if c := doc["concurrent_s"].(float64); c < 0.2 || c > 0.202 {
		t.Errorf("concurrent_s = %v, want about 0.2", c)
	}
	if doc["sequential_s"].(float64) != 0.3 || doc["entry"] != "main()" {
		t.Errorf("sequential_s = %v entry = %v", doc["sequential_s"], doc["entry"])
	}
	tasks := doc["tasks"].([]any)
	first := tasks[0].(map[string]any)
	for _, k := range []string{"name", "start", "end", "spans"} {
		if _, ok := first[k]; !ok {
			t.Errorf("task lacks %q", k)
		}
	}
}

func TestSimulateTextAndSVG(t *testing.T) {
	code, out, _ := runCmd("simulate", "../../testdata/loopsim/06_tutorial_blocking.py")
	if code != exitOK || !strings.Contains(out, "concurrent  0.40 s") || !strings.Contains(out, "blocked     0.40 s") || !strings.Contains(out, "#") {
		t.Errorf("exit %d, text output:\n%s", code, out)
	}
	code, out, _ = runCmd("simulate", "--format=svg", "../../testdata/loopsim/06_tutorial_blocking.py")
	if code != exitOK || !strings.HasPrefix(out, "<svg") || !strings.Contains(out, "#e15759") || !strings.HasSuffix(strings.TrimSpace(out), "</svg>") {
		t.Errorf("exit %d, svg output:\n%s", code, out)
	}
}

func TestSimulateErrors(t *testing.T) {
	dir := t.TempDir()
	noMain := filepath.Join(dir, "lib.py")
	os.WriteFile(noMain, []byte("async def helper():\n    pass\n"), 0o644)
	notCoro := filepath.Join(dir, "sync.py")
	os.WriteFile(notCoro, []byte("def main():\n    pass\n"), 0o644)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"simulate"}, "exactly one"},
		{[]string{"simulate", filepath.Join(dir, "missing.py")}, "no such file"},
		{[]string{"simulate", "--format", "png", noMain}, "unknown --format"},
		{[]string{"simulate", noMain}, "no entry point"},
		{[]string{"simulate", "--workers", "-3", noMain}, "--workers -3 is not a number of threads"},
		{[]string{"simulate", noMain}, "name the coroutine function to run with --entry NAME: helper"},
		{[]string{"simulate", "--entry", "nope", noMain}, `no function named "nope"`},
		{[]string{"simulate", notCoro}, "not a coroutine"},
	} {
		code, _, stderr := runCmd(tc.args...)
		if code != exitError || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q (want %q)", tc.args, code, stderr, tc.want)
		}
	}
	code, out, _ := runCmd("simulate", "--entry", "helper", noMain)
	if code != exitOK || !strings.Contains(out, "helper()") {
		t.Errorf("--entry helper: exit %d\n%s", code, out)
	}
	withArgs := filepath.Join(dir, "args.py")
	os.WriteFile(withArgs, []byte("import asyncio\n\nclass Svc:\n    async def run(self, d=0.2):\n        await asyncio.sleep(d)\n\nasync def job(n, delay: float):\n    await asyncio.sleep(0.1)\n"), 0o644)
	for _, entry := range []string{"job", "Svc.run"} {
		code, out, stderr := runCmd("simulate", "--entry", entry, "--format", "json", withArgs)
		if code != exitOK || !strings.Contains(out, `"concurrent_s"`) {
			t.Errorf("--entry %s: exit %d %s\n%s", entry, code, stderr, out)
		}
	}
}

func TestSimulateLatencyConfig(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "pyproject.toml"), []byte("[tool.asyncls.latency]\n\"aiohttp.ClientSession.get\" = \"250ms\"\n"), 0o644)
	prog := filepath.Join(dir, "app.py")
	os.WriteFile(prog, []byte(`import asyncio
import aiohttp

async def main():
    async with aiohttp.ClientSession() as s:
        await s.get("https://a")
        await s.get("https://b")  # asyncls: latency=50ms

if __name__ == "__main__":
    asyncio.run(main())
`), 0o644)
	code, out, stderr := runCmd("simulate", "--format", "json", prog)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Concurrent  float64 `json:"concurrent_s"`
		Assumptions []struct{ Text string }
	}
	json.Unmarshal([]byte(out), &doc)
	if doc.Concurrent < 0.3 || doc.Concurrent > 0.302 {
		t.Errorf("concurrent_s = %v, want 0.25 + 0.05", doc.Concurrent)
	}
	if len(doc.Assumptions) == 0 || !strings.Contains(doc.Assumptions[0].Text, "user setting") {
		t.Errorf("assumptions %+v", doc.Assumptions)
	}
	os.WriteFile(filepath.Join(dir, "pyproject.toml"), []byte("[tool.asyncls.latency]\n\"x\" = \"soon\"\n"), 0o644)
	if code, _, stderr := runCmd("simulate", prog); code != exitError || !strings.Contains(stderr, "invalid duration") {
		t.Errorf("bad latency: exit %d %s", code, stderr)
	}
}

func TestSimulateExplain(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.py")
	src := "import asyncio, hashlib, zlib\n\nasync def main():\n    hashlib.sha256(b'x')\n"
	for i := 0; i < 10; i++ {
		src += fmt.Sprintf("    zlib.crc32(b'%d')\n", i)
	}
	src += "    await asyncio.sleep(0.1)\n\nasyncio.run(main())\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCmd("simulate", "--explain", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"confidence  low", "why         11 of 11 assumptions are steps the simulator does not model, which caps",
		"line 4: [not modelled, caps at low] `hashlib.sha256` not modelled: assumed instantaneous", "line 14: [not modelled"} {
		if !strings.Contains(out, want) {
			t.Errorf("--explain output lacks %q:\n%s", want, out)
		}
	}
	_, brief, _ := runCmd("simulate", path)
	if !strings.Contains(brief, "... and 3 more (--explain lists them all)") || strings.Contains(brief, "line 14:") {
		t.Errorf("default output should list 8 assumptions and point to --explain:\n%s", brief)
	}
}

// Over every simulator test program (ground truth, machine-dependent,
// unknowable), --explain lists every assumption of the JSON result with
// its line, tags the unknowable ones, and says why the level is unknown.
func TestSimulateExplainListsEveryAssumption(t *testing.T) {
	var files []string
	for _, dir := range []string{"", "machine_dependent", "unknown"} {
		fs, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "loopsim", dir, "*.py"))
		files = append(files, fs...)
	}
	if len(files) < 200 {
		t.Fatalf("only %d programs found", len(files))
	}
	unknowable := 0
	for _, f := range files {
		code, out, stderr := runCmd("simulate", "--format", "json", f)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", f, code, stderr)
		}
		var doc struct {
			Level       string `json:"confidence_level"`
			Unknowable  string `json:"unknowable"`
			Assumptions []struct {
				Line       int
				Text       string
				Unknowable bool
			}
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		_, explained, _ := runCmd("simulate", "--explain", f)
		for _, a := range doc.Assumptions {
			want := a.Text
			if a.Unknowable {
				want = "[depends on a value from outside the program: unknown] " + a.Text
			}
			if a.Line > 0 {
				want = fmt.Sprintf("line %d: ", a.Line) + want
			}
			if !strings.Contains(explained, want) && !strings.Contains(explained, strings.Replace(want, ": ", ": [not modelled, caps at low] ", 1)) {
				t.Errorf("%s: --explain lacks %q:\n%s", filepath.Base(f), want, explained)
			}
		}
		if doc.Unknowable != "" {
			unknowable++
			if doc.Level != "unknown" || !strings.Contains(explained, "why         "+doc.Unknowable) {
				t.Errorf("%s: level %s; --explain does not say why it is unknown (%s):\n%s", filepath.Base(f), doc.Level, doc.Unknowable, explained)
			}
		}
	}
	if unknowable == 0 {
		t.Errorf("no program came out unknowable")
	}
}

// TestSimulateLimitsReproducers runs `asyncls simulate` on the reproducers
// of unbounded work (their pyproject.toml sets small budgets): each ends
// quickly, as its `# expect:` line says, with valid JSON (no NaN).
func TestSimulateLimitsReproducers(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/loopsim-limits/*.py")
	if len(files) < 20 {
		t.Fatalf("only %d reproducers", len(files))
	}
	for _, path := range files {
		src, _ := os.ReadFile(path)
		first, _, _ := strings.Cut(string(src), "\n")
		kind, arg, _ := strings.Cut(strings.TrimPrefix(first, "# expect: "), " ")
		kind = strings.TrimSuffix(kind, ":")
		code, out, stderr := runCmd("simulate", "--format", "json", path)
		if kind == "function" {
			if code != exitError || !strings.Contains(stderr, "no entry point") {
				t.Errorf("%s: exit %d, stderr %q; want no entry point", path, code, stderr)
			}
			continue
		}
		var doc struct {
			Finished   bool    `json:"finished"`
			Concurrent float64 `json:"concurrent_s"`
			Budget     string  `json:"budget_exceeded"`
			Problem    string  `json:"problem"`
			Outcome    string  `json:"outcome"`
		}
		if code != exitOK || json.Unmarshal([]byte(out), &doc) != nil {
			t.Errorf("%s: exit %d, stderr %q, output %.200q", path, code, stderr, out)
			continue
		}
		switch kind {
		case "budget":
			name, text, _ := strings.Cut(arg, ": ")
			if doc.Budget != name || doc.Outcome != "unknown" || !strings.Contains(doc.Problem, text) {
				t.Errorf("%s: budget %q outcome %q problem %q; want the %s budget, %q", path, doc.Budget, doc.Outcome, doc.Problem, name, text)
			}
		case "seconds":
			if !doc.Finished || doc.Budget != "" {
				t.Errorf("%s: finished %v budget %q; want it to finish", path, doc.Finished, doc.Budget)
			}
		case "unknown", "unfinished":
			if doc.Finished || !strings.Contains(doc.Problem, arg) {
				t.Errorf("%s: problem %q; want %q", path, doc.Problem, arg)
			}
		}
	}
	code, out, _ := runCmd("simulate", "../../testdata/loopsim-limits/endless_poll.py")
	if code != exitOK || !strings.Contains(out, "  unknown: budget exceeded (step budget of 200000 interpreted steps, in poll at line 6, likely a loop whose exit depends on not state[...] (line 6))") {
		t.Errorf("text output:\n%s", out)
	}
}

// The usual script shape, arguments computed in the __main__ block
// (which the simulated module body does not run), is simulated: the
// entry function on its own with unknown arguments, as --entry does, and
// an assumption says why (it was "NameError: name 'n' is not defined").
func TestSimulateEntryArgumentsFromMainBlock(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "script.py")
	os.WriteFile(path, []byte("import asyncio\nimport sys\n\n\nasync def main(n):\n    await asyncio.sleep(n)\n\n\n"+
		"if __name__ == \"__main__\":\n    n = float(sys.argv[1])\n    asyncio.run(main(n))\n"), 0o644)
	code, out, stderr := runCmd("simulate", path)
	if code != exitOK || !strings.Contains(out, "script.py: main()") ||
		!strings.Contains(out, "line 11: the arguments of main(n) are computed where the simulation does not go") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}

// simulate follows the program's imports of its project's other modules,
// the project found as `check` finds it: fetchapp's main() spends its
// time in app/ (python3 took 0.314 s, testdata/loopsim-projects/
// groundtruth.json); a nested project (outside/vendored, with its own
// pyproject.toml) is not part of it, so its call stays unknown and named.
func TestSimulateFollowsProjectImports(t *testing.T) {
	code, out, stderr := runCmd("simulate", "--format", "json", "../../testdata/loopsim-projects/fetchapp/main.py")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		ConcurrentS float64 `json:"concurrent_s"`
		Level       string  `json:"confidence_level"`
		Assumptions []struct {
			File, Text string
		} `json:"assumptions"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.ConcurrentS < 0.30 || doc.ConcurrentS > 0.33 || doc.Level != "high" {
		t.Errorf("fetchapp: concurrent %.3f s (%s), want about 0.31 s, high:\n%s", doc.ConcurrentS, doc.Level, out)
	}
	code, out, _ = runCmd("simulate", "../../testdata/loopsim-projects/unknown/outside/main.py")
	for _, want := range []string{"concurrent  0.10 s", "app/work.py:9: `vendorlib.fetch` not modelled", "line 10: `vendored.helper.slow` not modelled"} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("outside: exit %d, want %q in:\n%s", code, want, out)
		}
	}
}
