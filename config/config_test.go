package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/rules"
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
	if s, _ := o.Settings["ASYNC113"].(*rules.StartableSettings); s == nil || len(s.StartableInContextManager) != 1 || s.StartableInContextManager[0] != "mylib.serve" {
		t.Errorf("startable-in-context-manager not passed to ASYNC113: %#v", o.Settings["ASYNC113"])
	}
	if s, _ := o.Settings["ASL401"].(*rules.SequentialAwaitsSettings); s == nil || s.MinSavingMs != 50 {
		t.Errorf("asl401-min-saving-ms not passed to ASL401: %#v", o.Settings["ASL401"])
	}
	if sim, err := c.Simulator(); err != nil || sim.DefaultWorkers != 8 {
		t.Errorf("executor-workers not passed to the simulator: %v %v", sim.DefaultWorkers, err)
	}
	if c.Estimator().Fingerprint() == Default().Estimator().Fingerprint() {
		t.Error("the rules' simulator ignores the simulator settings")
	}
	// Settings no rule of the configuration reads are not passed.
	if d := Default().Options("src/app.py"); len(d.Settings) != 0 {
		t.Errorf("default options carry settings: %v", d.Settings)
	}
	if c.Latency["aiohttp.ClientSession.get"] != "120ms" {
		t.Error("latency table lost")
	}
}

func TestParseErrorsNameTheProblem(t *testing.T) {
	cases := map[string]string{
		"[tool.asyncls]\nselekt = [\"ASYNC\"]\n": `unknown key "selekt"; did you mean "select"?`,
		// A typo of a key is named; a key far from every known one is not.
		"[tool.asyncls]\nblocking-call = [\"a.b\"]\n": `unknown key "blocking-call"; did you mean "blocking-calls"?`,
		// An unknown key is still found when a list key sits beside it
		// (checking the list's items must not mark every key read).
		"[tool.asyncls]\nignore = [\"ASYNC251\"]\ncolour = 1\n": `unknown key "colour"`,
		"[tool.asyncls]\nselect = [\"ASL999\"]\n":               `unknown rule code or prefix "ASL999"`,
		"[tool.asyncls]\nignore = [\"ASYNC-251\"]\n":            `"ASYNC-251"`,
		"[tool.asyncls]\nseverity = { ASYNC251 = \"fatal\" }\n": `unknown severity "fatal"`,
		"[tool.asyncls]\nselect = \"ASYNC\"\n":                  `select: want a list of strings (select = ["..."]), not a string`,
		// Core keys of the wrong type say what they want in TOML terms,
		// not the decoder's Go types.
		"[tool.asyncls]\nignore = [\"ASL105\", 3]\n":                "ignore: want a list of strings (ignore = [\"...\"]), but an item is an integer",
		"[tool.asyncls]\nrespect-gitignore = \"yes\"\n":             "respect-gitignore: want true or false, not a string",
		"[tool.asyncls]\nexecutor-workers = \"4\"\n":                "executor-workers: want an integer, not a string",
		"[tool.asyncls]\nlatency = 3\n":                             "latency: want a table (latency = { ... } or [tool.asyncls.latency]), not an integer",
		"[tool.asyncls\n":                                           "invalid TOML",
		"[tool.asyncls]\nper-file-ignores = { \"x\" = [\"1Q\"] }\n": `"1Q"`,
		// Simulator settings are refused here, for every command alike.
		"[tool.asyncls.latency]\n\"aiohttp.\" = \"forever\"\n":   `latency: latency for "aiohttp.": invalid duration "forever"`,
		"[tool.asyncls]\nlatency = \"forever\"\n":                `latency`,
		"[tool.asyncls]\nexecutor-workers = 0\n":                 "executor-workers: 0 is not a positive number",
		"[tool.asyncls.simulation-budget]\nsteps = 0\n":          "simulation-budget.steps: 0 is not a positive number",
		"[tool.asyncls.simulation-budget]\ntime = \"forever\"\n": `simulation-budget.time: "forever" is not a positive duration`,
		"[tool.asyncls.simulation-budget]\nstepz = 5\n":          `unknown key "simulation-budget.stepz"`,
		// Rules' settings are typed: a value of another type names the key
		// and the type it wants.
		"[tool.asyncls]\nasl401-min-saving-ms = \"50ms\"\n":                   "asl401-min-saving-ms: want a number (ASL401's setting), not a string",
		"[tool.asyncls]\nasl401-min-saving-ms = -5\n":                         "asl401-min-saving-ms: -5 is not a number of milliseconds",
		"[tool.asyncls]\nasl401-min-saving-ms = [50]\n":                       "asl401-min-saving-ms: want a number (ASL401's setting), not a list",
		"[tool.asyncls]\nstartable-in-context-manager = \"mylib.serve\"\n":    "startable-in-context-manager: want a list of strings (ASYNC113's setting), not a string",
		"[tool.asyncls]\nstartable-in-context-manager = [\"a\", 1]\n":         "startable-in-context-manager: want a list of strings (ASYNC113's setting), not a list holding other values",
		"[tool.asyncls]\nstartable-in-context-manager = [\"my lib.serve\"]\n": `startable-in-context-manager: "my lib.serve" is not a function name`,
		"[tool.asyncls.asl401-min-saving-ms]\nx = 1\n":                        "asl401-min-saving-ms: want a number (ASL401's setting), not a table",
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

// TestForeignCodesWarn: codes of flake8-async or ruff that asyncls does not
// implement are accepted in every list, select nothing, and are warned about.
func TestForeignCodesWarn(t *testing.T) {
	src := "[tool.asyncls]\nselect = [\"ASYNC251\", \"ASYNC102\"]\nextend-select = [\"ASYNC120\"]\n" +
		"ignore = [\"E501\", \"RUF006\"]\nper-file-ignores = { \"tests/**\" = [\"ASYNC115\"] }\n"
	cfg, err := Parse("pyproject.toml", []byte(src))
	if err != nil {
		t.Fatalf("foreign codes must not be an error: %v", err)
	}
	o := cfg.Options("app.py")
	if !o.Enabled["ASYNC251"] || len(o.Enabled) != 1 {
		t.Errorf("enabled %v, want only ASYNC251", o.Enabled)
	}
	warnings := strings.Join(cfg.Warnings(), "\n")
	for _, code := range []string{"ASYNC102", "ASYNC120", "E501", "ASYNC115"} {
		if !strings.Contains(warnings, `"`+code+`" is not an asyncls rule`) {
			t.Errorf("no warning for %s in:\n%s", code, warnings)
		}
	}
	if strings.Contains(warnings, "RUF006") {
		t.Errorf("RUF006 is ruff's name for ASYNC300, not a foreign code to warn about:\n%s", warnings)
	}
	if strings.Contains(warnings, "ASYNC251") {
		t.Errorf("a real rule is warned about:\n%s", warnings)
	}
	if _, err := cfg.Apply(Overrides{Select: []string{"ASYNC116", "ASYNC1"}}); err != nil {
		t.Errorf("--select with a foreign code: %v", err)
	}
	if _, err := cfg.Apply(Overrides{Select: []string{"ASL999"}}); err == nil {
		t.Error("--select ASL999 (a typo of asyncls's own prefix) must be an error")
	}
	// E999, the syntax-error code, is asyncls's own (always reported):
	// selecting or ignoring it is no foreign code.
	e999, err := Parse("pyproject.toml", []byte("[tool.asyncls]\nextend-select = [\"E999\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if w := e999.Warnings(); len(w) != 0 {
		t.Errorf("E999 warned about: %v", w)
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
	if w := all.Warnings(); len(w) != 0 {
		t.Errorf("--select ALL warned: %v", w)
	}
	if _, err := Default().Apply(Overrides{Ignore: []string{"ASL1O2"}}); err == nil {
		t.Error("unknown code on the command line accepted")
	} else if want := `--ignore: unknown rule code or prefix "ASL1O2"; did you mean "ASL102"?`; !strings.Contains(err.Error(), want) ||
		strings.Contains(err.Error(), "[tool.asyncls]") {
		t.Errorf("error %q does not name the flag (%s)", err, want)
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

func TestLibraryExtensions(t *testing.T) {
	c, err := Parse("pyproject.toml", []byte(`
[tool.asyncls]
coroutine-functions = ["vendor.Client.*"]
coroutine-wrappers = ["inhouse.traced"]
task-factories = ["aiojobs.Scheduler.spawn_task"]
offload-helpers = ["inhouse.threads.run_blocking", "inhouse.pool.*"]
blocking-calls = ["legacy.db.query -> legacy.db.aquery"]
`))
	if err != nil {
		t.Fatal(err)
	}
	o := c.Options("a.py")
	if len(o.ExtraCoroutines) != 1 || o.ExtraCoroutines[0] != "vendor.Client.*" || len(o.CoroutineWrappers) != 1 ||
		len(o.ExtraTaskFactories) != 1 || len(o.ExtraBlocking) != 1 || len(o.OffloadHelpers) != 2 {
		t.Errorf("extensions not passed to the rules: %+v", o)
	}
	for _, bad := range []string{`coroutine-functions = ["vendor Client"]`, `task-factories = ["spawn("]`,
		`coroutine-wrappers = [""]`, `blocking-calls = ["a..b"]`, `offload-helpers = ["run blocking"]`} {
		_, err := Parse("pyproject.toml", []byte("[tool.asyncls]\n"+bad+"\n"))
		if err == nil || !strings.Contains(err.Error(), "is not a qualified name") {
			t.Errorf("%s: got %v, want an error naming the bad entry", bad, err)
		}
	}
	if _, err := Parse("pyproject.toml", []byte("[tool.asyncls]\nblocking-calls = [\"*.close\", \"*.*.* -> x\", \"bar\"]\n")); err != nil {
		t.Errorf("blocking-calls with `*` components: %v", err)
	}
	if _, err := Parse("pyproject.toml", []byte("[tool.asyncls]\nblocking-calls = [\"a.*b\"]\n")); err == nil {
		t.Errorf("blocking-calls `a.*b`: no error, want one (a `*` stands for a whole component)")
	}
	_, err = Parse("pyproject.toml", []byte("[tool.asyncls]\noffload-helpers = [\"a.run -> b.arun\"]\n"))
	if err == nil || !strings.Contains(err.Error(), "only blocking-calls entries take") {
		t.Errorf("a suggestion on an offload helper: got %v, want an error", err)
	}
	_, err = Parse("pyproject.toml", []byte("[tool.asyncls]\noffload-helpers = [3]\n"))
	if err == nil || !strings.Contains(err.Error(), "offload-helpers") {
		t.Errorf("a number as an offload helper: got %v, want an error naming the key", err)
	}
}

func TestMaxFileSizeAndGitignoreKeys(t *testing.T) {
	for text, want := range map[string]int64{
		"max-file-size = 2048":    2048,
		`max-file-size = "10MB"`:  10 << 20,
		`max-file-size = "512kb"`: 512 << 10,
	} {
		c, err := Parse("pyproject.toml", []byte("[tool.asyncls]\n"+text+"\n"))
		if err != nil || c.MaxBytes() != want {
			t.Errorf("%s: got %v, %v; want %d", text, c, err, want)
		}
	}
	for _, bad := range []string{`max-file-size = "lots"`, "max-file-size = -1", "max-file-size = true"} {
		if _, err := Parse("pyproject.toml", []byte("[tool.asyncls]\n"+bad+"\n")); err == nil {
			t.Errorf("%s: accepted", bad)
		}
	}
	if Default().MaxBytes() != 0 || !Default().GitignoreRespected() {
		t.Error("defaults: no size set, .gitignore respected")
	}
	c, err := Parse("pyproject.toml", []byte("[tool.asyncls]\nrespect-gitignore = false\n"))
	if err != nil || c.GitignoreRespected() {
		t.Errorf("respect-gitignore = false: %v %v", c, err)
	}
}

// TestHintsInTests: test modules are checked for simplification hints
// (ASYNC112) only when hints-in-tests = true; the key is a boolean and
// independent of blocking-in-tests.
func TestHintsInTests(t *testing.T) {
	if Default().Options("tests/test_a.py").HintsInTests {
		t.Error("default: hints-in-tests should be off")
	}
	c, err := Parse("pyproject.toml", []byte("[tool.asyncls]\nhints-in-tests = true\n"))
	if err != nil || !c.Options("tests/test_a.py").HintsInTests || c.Options("tests/test_a.py").BlockingInTests {
		t.Errorf("hints-in-tests = true: %v %v", c, err)
	}
	if _, err := Parse("pyproject.toml", []byte("[tool.asyncls]\nhints-in-tests = 1\n")); err == nil {
		t.Error(`hints-in-tests = 1: accepted`)
	}
}

// TestBlockingInTests: test modules are checked for blocking calls only when
// blocking-in-tests = true; the key is a boolean.
func TestBlockingInTests(t *testing.T) {
	if Default().Options("tests/test_a.py").BlockingInTests {
		t.Error("default: blocking-in-tests should be off")
	}
	c, err := Parse("pyproject.toml", []byte("[tool.asyncls]\nblocking-in-tests = true\n"))
	if err != nil || !c.Options("tests/test_a.py").BlockingInTests {
		t.Errorf("blocking-in-tests = true: %v %v", c, err)
	}
	if _, err := Parse("pyproject.toml", []byte("[tool.asyncls]\nblocking-in-tests = \"yes\"\n")); err == nil {
		t.Error(`blocking-in-tests = "yes": accepted`)
	}
}

// TestRuffAliasesSelectTheSameRule: ruff's RUF006 and RUF029 are its names
// for ASYNC300 and ASYNC124; in ignore, per-file-ignores and select they act
// on those rules as written (ASYNC124 is off by default: extend-select
// RUF029 turns it on).
func TestRuffAliasesSelectTheSameRule(t *testing.T) {
	src := "[tool.asyncls]\nextend-select = [\"RUF029\"]\nignore = [\"RUF006\"]\nper-file-ignores = { \"tests/**\" = [\"ruf029\"] }\n"
	cfg, err := Parse("pyproject.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Warnings()) != 0 {
		t.Errorf("aliases warned about: %v", cfg.Warnings())
	}
	app, test := cfg.Options("app.py"), cfg.Options("tests/test_app.py")
	if app.Enabled["ASYNC300"] || test.Enabled["ASYNC300"] {
		t.Error(`ignore = ["RUF006"] must turn ASYNC300 off`)
	}
	if !app.Enabled["ASYNC124"] || test.Enabled["ASYNC124"] {
		t.Errorf("per-file-ignores RUF029 for tests/**: ASYNC124 in app.py %v, in tests %v; want on, off",
			app.Enabled["ASYNC124"], test.Enabled["ASYNC124"])
	}
	sel, err := Parse("pyproject.toml", []byte("[tool.asyncls]\nselect = [\"RUF006\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if o := sel.Options("app.py"); !o.Enabled["ASYNC300"] || len(o.Enabled) != 1 {
		t.Errorf(`select = ["RUF006"] enabled %v, want only ASYNC300`, o.Enabled)
	}
}

// TestRuleSettingsInlineAndDescribed: a rule's setting given on the command
// line (--config 'KEY = VALUE') layers over the file's, and
// --show-settings (Describe) lists it.
func TestRuleSettingsInlineAndDescribed(t *testing.T) {
	file, err := Parse("pyproject.toml", []byte("[tool.asyncls]\nasl401-min-saving-ms = 50\nstartable-in-context-manager = [\"a.b\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := file.Override("asl401-min-saving-ms = 75")
	if err != nil {
		t.Fatal(err)
	}
	o := c.Options("app.py")
	if s, _ := o.Settings["ASL401"].(*rules.SequentialAwaitsSettings); s == nil || s.MinSavingMs != 75 {
		t.Errorf("inline asl401-min-saving-ms not applied: %#v", o.Settings["ASL401"])
	}
	if s, _ := o.Settings["ASYNC113"].(*rules.StartableSettings); s == nil || len(s.StartableInContextManager) != 1 {
		t.Errorf("the file's startable-in-context-manager lost by an inline setting: %#v", o.Settings["ASYNC113"])
	}
	if s := file.Options("app.py").Settings["ASL401"].(*rules.SequentialAwaitsSettings); s.MinSavingMs != 50 {
		t.Errorf("Override changed the file's configuration: %v", s.MinSavingMs)
	}
	if _, err := file.Override(`asl401-min-saving-ms = "soon"`); err == nil || !strings.Contains(err.Error(), "want a number") {
		t.Errorf("inline setting of the wrong type: %v", err)
	}
	d := c.Describe()
	if !strings.Contains(d, "asl401-min-saving-ms = 75.0") || !strings.Contains(d, `startable-in-context-manager = ["a.b"]`) {
		t.Errorf("Describe lacks the rules' settings:\n%s", d)
	}
}

// Every TOML spelling of [tool.asyncls] is found, not only the table
// header; a pyproject.toml that mentions asyncls but does not parse is
// found too, so Load names its error instead of using the defaults.
func TestFindOtherTOMLSpellings(t *testing.T) {
	for _, text := range []string{
		"[tool]\nasyncls = { ignore = [\"ASL102\"] }\n",
		"[tool]\nasyncls.ignore = [\"ASL102\"]\n",
		"tool.asyncls.ignore = [\"ASL102\"]\n",
		"[tool . asyncls]\nignore = [\"ASL102\"]\n",
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "pyproject.toml"), []byte(text), 0o644)
		if got := Find(dir); got != filepath.Join(dir, "pyproject.toml") {
			t.Errorf("%q: Find = %q", text, got)
			continue
		}
		c, err := Load(dir)
		if err != nil {
			t.Errorf("%q: %v", text, err)
		} else if len(c.Ignore) != 1 || c.Ignore[0] != "ASL102" {
			t.Errorf("%q: ignore = %v", text, c.Ignore)
		}
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "pyproject.toml"), []byte("[tool.asyncls\nignore = [\"ASL102\"]\n"), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "invalid TOML") {
		t.Errorf("broken [tool.asyncls header: err = %v", err)
	}
	// Other tools' broken files, and other tables, are not asyncls's business.
	for _, text := range []string{"[tool.ruff]\nline-length = \n", "[project]\ndependencies = [\"asyncls\"]\n"} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "pyproject.toml"), []byte(text), 0o644)
		if got := Find(dir); got != "" {
			t.Errorf("%q: Find = %q, want none", text, got)
		}
	}
}

// TestOptionalBooleanSetting: asl201-local-files is unset by default (the
// rule decides per module), takes true and false from the file and from
// --config, and refuses another type naming the key.
func TestOptionalBooleanSetting(t *testing.T) {
	localFiles := func(c *Config) *bool {
		s, _ := c.Options("x.py").Settings["ASL201"].(*rules.BlockingViaHelperSettings)
		if s == nil {
			return nil
		}
		return s.LocalFiles
	}
	if got := localFiles(Default()); got != nil {
		t.Errorf("default: asl201-local-files = %v, want unset", *got)
	}
	for _, v := range []bool{true, false} {
		c, err := Parse("pyproject.toml", []byte(fmt.Sprintf("[tool.asyncls]\nasl201-local-files = %v\n", v)))
		if err != nil {
			t.Fatal(err)
		}
		if got := localFiles(c); got == nil || *got != v {
			t.Errorf("asl201-local-files = %v in the file: got %v", v, got)
		}
		o, err := Default().Override(fmt.Sprintf("asl201-local-files = %v", v))
		if err != nil {
			t.Fatal(err)
		}
		if got := localFiles(o); got == nil || *got != v {
			t.Errorf("--config 'asl201-local-files = %v': got %v", v, got)
		}
	}
	_, err := Parse("pyproject.toml", []byte("[tool.asyncls]\nasl201-local-files = \"yes\"\n"))
	if err == nil || !strings.Contains(err.Error(), "asl201-local-files: want a boolean") {
		t.Errorf("a string: %v", err)
	}
}

func TestUnknownKeySuggestsOnlyNearKeys(t *testing.T) {
	if got := unknownKeyMessage("colour"); strings.Contains(got, "did you mean") {
		t.Errorf("suggestion for a key unlike any known one: %s", got)
	}
	if got := nearestKey("asl201-max-dept"); got != "asl201-max-depth" {
		t.Errorf("nearestKey(asl201-max-dept) = %q", got)
	}
}
