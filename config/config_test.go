package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseValid(t *testing.T) {
	c, err := Parse("pyproject.toml", []byte(`
[project]
name = "x"

[tool.asyncls]
select = ["ASYNC2", "ASL101"]
extend-select = ["ASL102"]
ignore = ["ASYNC240"]
per-file-ignores = { "tests/**" = ["ASYNC251"], "legacy_*.py" = ["ASYNC"] }
blocking-calls = ["mylib.slow"]
startable-in-context-manager = ["mylib.serve"]
asl401-min-saving-ms = 50
executor-workers = 8
severity = { ASYNC251 = "error" }

[tool.asyncls.latency]
"aiohttp.ClientSession.get" = "120ms"
`))
	if err != nil {
		t.Fatal(err)
	}
	o := c.Options("src/app.py")
	if !o.Enabled["ASYNC251"] || !o.Enabled["ASL101"] || !o.Enabled["ASL102"] || o.Enabled["ASYNC240"] || o.Enabled["ASYNC300"] {
		t.Errorf("enabled = %v", o.Enabled)
	}
	if o.Severity["ASYNC251"].String() != "error" {
		t.Errorf("severity override lost: %v", o.Severity)
	}
	if c.Options("tests/unit/test_x.py").Enabled["ASYNC251"] {
		t.Error("per-file-ignores with ** did not apply")
	}
	if c.Options("legacy_io.py").Enabled["ASYNC210"] {
		t.Error("per-file-ignores on a file name pattern did not apply")
	}
	if v, _ := o.Settings["startable-in-context-manager"].([]string); len(v) != 1 || v[0] != "mylib.serve" {
		t.Errorf("startable-in-context-manager not passed to the rules: %v", o.Settings)
	}
	if o.Settings["asl401-min-saving-ms"] != 50.0 || o.Settings["executor-workers"] != 8 {
		t.Errorf("simulator settings not passed to the rules: %v", o.Settings)
	}
	if c.Latency["aiohttp.ClientSession.get"] != "120ms" {
		t.Error("latency table lost")
	}
}

func TestParseErrorsNameTheProblem(t *testing.T) {
	cases := map[string]string{
		"[tool.asyncls]\nselekt = [\"ASYNC\"]\n":                    `unknown key "selekt"`,
		"[tool.asyncls]\nselect = [\"NOPE123\"]\n":                  `unknown rule code or prefix "NOPE123"`,
		"[tool.asyncls]\nignore = [\"ASYNC999\"]\n":                 `"ASYNC999"`,
		"[tool.asyncls]\nseverity = { ASYNC251 = \"fatal\" }\n":     `unknown severity "fatal"`,
		"[tool.asyncls]\nselect = \"ASYNC\"\n":                      "select",
		"[tool.asyncls\n":                                           "invalid TOML",
		"[tool.asyncls]\nper-file-ignores = { \"x\" = [\"Q1\"] }\n": `"Q1"`,
		// Simulator settings are refused here, for every command alike.
		"[tool.asyncls.latency]\n\"aiohttp.\" = \"forever\"\n":   `latency: latency for "aiohttp.": invalid duration "forever"`,
		"[tool.asyncls]\nlatency = \"forever\"\n":                `latency`,
		"[tool.asyncls]\nexecutor-workers = 0\n":                 "executor-workers: 0 is not a positive number",
		"[tool.asyncls.simulation-budget]\nsteps = 0\n":          "simulation-budget.steps: 0 is not a positive number",
		"[tool.asyncls.simulation-budget]\ntime = \"forever\"\n": `simulation-budget.time: "forever" is not a positive duration`,
		"[tool.asyncls.simulation-budget]\nstepz = 5\n":          `unknown key "simulation-budget.stepz"`,
	}
	for src, want := range cases {
		_, err := Parse("pyproject.toml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want it to mention %s", src, err, want)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "pyproject.toml") {
			t.Errorf("error does not name the file: %v", err)
		}
	}
}

func TestDefaultsAndAll(t *testing.T) {
	d := Default().Options("a.py")
	if !d.Enabled["ASYNC251"] {
		t.Error("ASYNC251 is on by default")
	}
	all, err := Default().Apply(Overrides{Select: []string{"ALL"}})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(all.Options("a.py").Enabled); n < len(d.Enabled) {
		t.Errorf("ALL enables %d rules, defaults %d", n, len(d.Enabled))
	}
	if _, err := Default().Apply(Overrides{Ignore: []string{"BOGUS1"}}); err == nil {
		t.Error("unknown code on the command line accepted")
	}
}

func TestFindAndExclude(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "a", "b")
	os.MkdirAll(sub, 0o755)
	os.WriteFile(filepath.Join(dir, "pyproject.toml"), []byte("[tool.asyncls]\nexclude = [\"generated\", \"legacy/**\"]\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a", "pyproject.toml"), []byte("[project]\nname = \"no asyncls table here\"\n"), 0o644)
	if got := Find(sub); got != filepath.Join(dir, "pyproject.toml") {
		t.Fatalf("Find = %q", got)
	}
	c, err := Load(sub)
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		filepath.Join(dir, "generated"):              true,
		filepath.Join(dir, "x", "generated", "m.py"): true,
		filepath.Join(dir, "legacy", "old.py"):       true,
		filepath.Join(dir, ".venv"):                  true,
		filepath.Join(dir, "src", "app.py"):          false,
	} {
		if got := c.Excluded(path, dir); got != want {
			t.Errorf("Excluded(%s) = %v, want %v", path, got, want)
		}
	}
	// A project inside a directory named like an excluded one is still walked.
	inBuild := filepath.Join(dir, "build", "proj")
	if Default().Excluded(filepath.Join(inBuild, "app.py"), inBuild) {
		t.Error("excluded because an ancestor of the walk root is named build")
	}
}
