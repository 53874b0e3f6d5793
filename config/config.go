// Package config reads asyncls's settings from the [tool.asyncls] table of
// pyproject.toml and turns them, together with command-line overrides, into
// the per-file rules.Options the rules run with.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/asyncls/asyncls/loopsim/pyfront"
	"github.com/asyncls/asyncls/rules"
)

// Config is the [tool.asyncls] table. Nil slices mean "not set".
type Config struct {
	// Path is the pyproject.toml it came from ("" for defaults); Dir is its directory,
	// which relative patterns are resolved against.
	Path, Dir string

	Select         []string            `toml:"select"`
	ExtendSelect   []string            `toml:"extend-select"`
	Ignore         []string            `toml:"ignore"`
	PerFileIgnores map[string][]string `toml:"per-file-ignores"`
	Exclude        []string            `toml:"exclude"`
	ExtendExclude  []string            `toml:"extend-exclude"`
	// BlockingCalls are extra qualified names that block (flake8-async's ASYNC200 role).
	BlockingCalls []string `toml:"blocking-calls"`
	// CoroutineFunctions are extra callables whose call returns a coroutine
	// (ASL102 and the rules that follow coroutines).
	CoroutineFunctions []string `toml:"coroutine-functions"`
	// CoroutineWrappers are decorators that keep an async def a coroutine
	// function (like tenacity.retry); other unknown decorators make asyncls
	// stop assuming what the decorated function returns.
	CoroutineWrappers []string `toml:"coroutine-wrappers"`
	// TaskFactories are extra callables that return a task (ASYNC300, ASL301).
	TaskFactories []string `toml:"task-factories"`
	// OffloadHelpers are extra callables that run the callable passed to
	// them first in a worker thread, like asyncio.to_thread (ASL106).
	OffloadHelpers []string `toml:"offload-helpers"`
	// Severity overrides a rule's default severity: { ASYNC251 = "error" }.
	Severity map[string]string `toml:"severity"`
	// Latency overrides the simulator's default latency for awaited calls it cannot see into.
	Latency map[string]string `toml:"latency"`
	// ExecutorWorkers overrides the simulated default executor's size.
	ExecutorWorkers *int `toml:"executor-workers"`
	// SimulationBudget overrides the simulator's budgets for `asyncls simulate`
	// and hover hints (docs/loopsim.md).
	SimulationBudget *SimulationBudget `toml:"simulation-budget"`
	// MaxFileSize is the largest file read (bytes, or a string such as "10MB");
	// larger files are skipped with a warning. Nil: lint.DefaultMaxFileSize.
	MaxFileSize *ByteSize `toml:"max-file-size"`
	// RespectGitignore: skip what .gitignore files ignore when walking
	// directories (default true, as ruff does).
	RespectGitignore *bool `toml:"respect-gitignore"`
	// BlockingInTests reports blocking calls, busy-waits and sequential
	// awaits (ASL401) in test modules too (default
	// false: the rules of rules.Rule.QuietInTests skip them; README "Test
	// modules").
	BlockingInTests *bool `toml:"blocking-in-tests"`
	// HintsInTests reports simplification hints (ASYNC112) in test modules
	// too (default false: the rules of rules.Rule.QuietHintInTests skip
	// them; README "Test modules").
	HintsInTests *bool `toml:"hints-in-tests"`
	// LocalIOInCLI reports local file work and terminal prompts in
	// command-line programs' modules too (default false: the rules of
	// rules.Rule.QuietInCommandLineTools skip them; README "Command-line
	// tools").
	LocalIOInCLI *bool `toml:"local-io-in-cli"`
	// PythonEnvironment names the project's virtual environment (or its
	// site-packages directory), relative to the pyproject.toml, whose
	// installed libraries' sources asyncls reads for what pylib does not
	// record (docs/architecture.md). Unset: $VIRTUAL_ENV, else .venv/ or
	// venv/ at the project root.
	PythonEnvironment *string `toml:"python-environment"`
	// InstalledLibraries: read the environment's libraries at all (default
	// true; false turns it off).
	InstalledLibraries *bool `toml:"installed-libraries"`

	// RuleSettings holds the rules' settings that are set (keys of
	// [tool.asyncls] declared by a rule's Settings, e.g.
	// asl401-min-saving-ms), each value of its key's type.
	RuleSettings map[string]any
}

// SimulationBudget is [tool.asyncls.simulation-budget]; unset keys keep
// the defaults.
type SimulationBudget struct {
	Steps       *int    `toml:"steps"`
	Tasks       *int    `toml:"tasks"`
	ValueSize   *int64  `toml:"value-size"`
	Allocations *int64  `toml:"allocations"`
	Time        *string `toml:"time"`
}

// ByteSize is a size in bytes, written in TOML as an integer or as a string
// with a unit ("512KB", "10MB", "1GB"; powers of 1024).
type ByteSize int64

// UnmarshalTOML accepts an integer or a string with a unit.
func (b *ByteSize) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case int64:
		*b = ByteSize(x)
	case string:
		n, err := parseByteSize(x)
		if err != nil {
			return err
		}
		*b = ByteSize(n)
	default:
		return fmt.Errorf("max-file-size: want a number of bytes or a string such as \"10MB\", got %v", v)
	}
	if *b <= 0 {
		return fmt.Errorf("max-file-size: must be positive, got %v", v)
	}
	return nil
}

func parseByteSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			mult = u.mult
			t = strings.TrimSpace(strings.TrimSuffix(t, u.suffix))
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("max-file-size: %q is not a size (want e.g. 10485760 or \"10MB\")", s)
	}
	return n * mult, nil
}

// MaxBytes returns the file size limit, or 0 when the configuration leaves it to the caller's default.
func (c *Config) MaxBytes() int64 {
	if c == nil || c.MaxFileSize == nil {
		return 0
	}
	return int64(*c.MaxFileSize)
}

// LibrariesRead reports whether the installed libraries of the project's
// environment are read (installed-libraries, default true).
func (c *Config) LibrariesRead() bool {
	return c == nil || c.InstalledLibraries == nil || *c.InstalledLibraries
}

// EnvironmentPath is the absolute path python-environment names ("" when
// unset), or an error when it names no directory.
func (c *Config) EnvironmentPath() (string, error) {
	if c == nil || c.PythonEnvironment == nil {
		return "", nil
	}
	p := *c.PythonEnvironment
	if strings.TrimSpace(p) == "" {
		return "", &Error{Path: c.Path, Msg: "python-environment: empty; name the virtual environment's directory (\".venv\") or remove the key (installed-libraries = false turns reading libraries off)"}
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(c.Dir, p)
	}
	info, err := os.Stat(p)
	switch {
	case err != nil && errors.Is(err, os.ErrNotExist):
		return "", &Error{Path: c.Path, Msg: fmt.Sprintf("python-environment: %s: no such directory", p)}
	case err != nil:
		return "", &Error{Path: c.Path, Msg: fmt.Sprintf("python-environment: %s: %v", p, err)}
	case !info.IsDir():
		return "", &Error{Path: c.Path, Msg: fmt.Sprintf("python-environment: %s: not a directory", p)}
	}
	return p, nil
}

// GitignoreRespected reports whether directory walks skip what .gitignore ignores.
func (c *Config) GitignoreRespected() bool {
	return c == nil || c.RespectGitignore == nil || *c.RespectGitignore
}

// Keys lists every accepted key of [tool.asyncls], for messages and docs:
// asyncls's own, then the rules' settings (rules.SettingKeys).
var Keys = append([]string{"select", "extend-select", "ignore", "per-file-ignores", "exclude", "extend-exclude",
	"blocking-calls", "coroutine-functions", "coroutine-wrappers", "task-factories", "offload-helpers", "severity", "latency",
	"executor-workers", "simulation-budget", "max-file-size", "respect-gitignore", "blocking-in-tests", "hints-in-tests",
	"local-io-in-cli", "python-environment", "installed-libraries"}, rules.SettingKeys()...)

// DefaultExclude are directories never walked into.
var DefaultExclude = []string{".git", ".hg", ".svn", ".venv", "venv", ".env", "env", "__pycache__", "node_modules",
	"build", "dist", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages", ".eggs", "*.egg-info"}

// Default returns the configuration used when no pyproject.toml sets one.
func Default() *Config { return &Config{} }

// Error is a configuration problem; it names the file and the key.
type Error struct {
	Path string
	Msg  string
}

func (e *Error) Error() string {
	if e.Path == "" {
		return "configuration: " + e.Msg
	}
	return e.Path + ": [tool.asyncls] " + e.Msg
}

// Find returns the nearest pyproject.toml at or above dir that has a
// [tool.asyncls] table, or "" when there is none.
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, "pyproject.toml")
		if data, err := readConfigFile(p); err == nil && hasToolTable(data) {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

var toolTableRE = regexp.MustCompile(`(?m)^\s*\[\s*tool\s*\.\s*asyncls\s*[\].]`)

// hasToolTable reports whether pyproject.toml content defines
// [tool.asyncls]. The header is the common spelling; TOML's other ones
// (`[tool]` then `asyncls = { ... }` or `asyncls.select = ...`, a dotted
// `tool.asyncls.select = ...`) need the document parsed. A file that
// mentions asyncls but is not valid TOML counts too, so that Load reports
// its error instead of the settings being left out without a word.
func hasToolTable(data []byte) bool {
	if toolTableRE.Match(data) {
		return true
	}
	if !bytes.Contains(data, []byte("asyncls")) {
		return false
	}
	var doc map[string]any
	md, err := toml.Decode(string(data), &doc)
	return err != nil || md.IsDefined("tool", "asyncls")
}

// Load reads the configuration for files under dir (defaults when no
// pyproject.toml has a [tool.asyncls] table).
func Load(dir string) (*Config, error) {
	p := Find(dir)
	if p == "" {
		return Default(), nil
	}
	return LoadFile(p)
}

// LoadFile reads [tool.asyncls] from the pyproject.toml at path.
func LoadFile(path string) (*Config, error) {
	data, err := readConfigFile(path)
	if err != nil {
		// Not "[tool.asyncls] ...": the file itself could not be read.
		switch info, statErr := os.Stat(path); {
		case errors.Is(statErr, os.ErrNotExist):
			return nil, fmt.Errorf("%s: no such file", path)
		case statErr == nil && info.IsDir():
			return nil, fmt.Errorf("%s: is a directory, not a pyproject.toml", path)
		}
		return nil, fmt.Errorf("%s: cannot read it: %v", path, err)
	}
	return Parse(path, data)
}

// HasTable reports whether the pyproject.toml at path defines
// [tool.asyncls] (false when it cannot be read).
func HasTable(path string) bool {
	data, err := readConfigFile(path)
	return err == nil && hasToolTable(data)
}

// maxConfigSize bounds what is read of a pyproject.toml: one that is a link
// to /dev/zero or a multi-gigabyte file is not a configuration.
const maxConfigSize = 4 << 20

func readConfigFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", info.Mode().Type())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxConfigSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxConfigSize {
		return nil, fmt.Errorf("larger than %d bytes; not read", maxConfigSize)
	}
	return data, nil
}

// Parse decodes pyproject.toml content and validates [tool.asyncls].
func Parse(path string, data []byte) (*Config, error) {
	var doc struct {
		Tool struct {
			Asyncls toml.Primitive `toml:"asyncls"`
		} `toml:"tool"`
	}
	md, err := toml.Decode(string(data), &doc)
	if err != nil {
		return nil, &Error{Path: path, Msg: "invalid TOML: " + err.Error()}
	}
	c := &Config{Path: path}
	if path != "" {
		c.Dir = filepath.Dir(path)
	}
	// The decoder's own type errors name Go types ("destination has type
	// slice"): say what the key wants in TOML first.
	if err := checkKeyTypes(md, data, path); err != nil {
		return nil, err
	}
	if err := md.PrimitiveDecode(doc.Tool.Asyncls, c); err != nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	// The TOML decoder leaves a table-typed key given a plain value
	// (latency = "forever") empty without a word: refuse it.
	for _, key := range []string{"latency", "per-file-ignores", "severity", "simulation-budget"} {
		if t := md.Type("tool", "asyncls", key); t != "" && t != "Hash" {
			return nil, &Error{Path: path, Msg: fmt.Sprintf("%s: want a table (%s = { ... } or [tool.asyncls.%s]), not %s", key, key, key, withArticle(tomlTypeName(t)))}
		}
	}
	var unknown []string
	for _, k := range md.Undecoded() {
		if len(k) >= 3 && k[0] == "tool" && k[1] == "asyncls" && rules.RuleOfSetting(k[2]) == nil {
			// Keys inside free-form tables (latency, per-file-ignores, severity) are values, not settings;
			// the rules' settings are checked by decodeRuleSettings.
			unknown = append(unknown, strings.Join(k[2:], "."))
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, &Error{Path: path, Msg: unknownKeyMessage(unknown[0])}
	}
	if err := c.decodeRuleSettings(md, doc.Tool.Asyncls); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return c, nil
}

// checkKeyTypes refuses a [tool.asyncls] key whose TOML value is not of
// the type its Config field takes (select = "ASL102" for a list), in the
// user's terms. Tables are checked after decoding (Parse); types with
// their own text form (max-file-size) are left to their decoder.
func checkKeyTypes(md toml.MetaData, data []byte, path string) error {
	t := reflect.TypeOf(Config{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key := f.Tag.Get("toml")
		if key == "" {
			continue
		}
		got := md.Type("tool", "asyncls", key)
		if got == "" {
			continue
		}
		var want, say string
		switch ft := f.Type; {
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String:
			want, say = "Array", fmt.Sprintf("a list of strings (%s = [\"...\"])", key)
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Bool:
			want, say = "Bool", "true or false"
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Int:
			want, say = "Integer", "an integer"
		default:
			continue
		}
		if got != want {
			return &Error{Path: path, Msg: fmt.Sprintf("%s: want %s, not %s", key, say, withArticle(tomlTypeName(got)))}
		}
		if want == "Array" {
			if n := nonStringItem(data, key); n != "" {
				return &Error{Path: path, Msg: fmt.Sprintf("%s: want a list of strings (%s = [\"...\"]), but an item is %s", key, key, n)}
			}
		}
	}
	return nil
}

// nonStringItem is the type of the first item of the array at key of the
// [tool.asyncls] table that is not a string ("" when all are). It decodes
// the file afresh: decoding through Parse's MetaData would mark every key
// decoded and hide unknown keys from Parse's check.
func nonStringItem(data []byte, key string) string {
	var doc struct {
		Tool struct {
			Asyncls map[string]any `toml:"asyncls"`
		} `toml:"tool"`
	}
	if _, err := toml.Decode(string(data), &doc); err != nil {
		return ""
	}
	items, _ := doc.Tool.Asyncls[key].([]any)
	for _, it := range items {
		switch it.(type) {
		case string:
		case int64:
			return "an integer"
		case float64:
			return "a number"
		case bool:
			return "a boolean"
		case []any:
			return "a list"
		case map[string]any:
			return "a table"
		default:
			return "not a string"
		}
	}
	return ""
}

// Validate checks every code, severity and pattern.
func (c *Config) Validate() error {
	if c.PythonEnvironment != nil {
		if _, err := c.EnvironmentPath(); err != nil {
			return err
		}
	}
	check := func(key string, codes []string) error {
		for _, code := range codes {
			if _, err := Expand(code); err != nil {
				return &Error{Path: c.Path, Msg: key + ": " + err.Error()}
			}
		}
		return nil
	}
	if err := check("select", c.Select); err != nil {
		return err
	}
	if err := check("extend-select", c.ExtendSelect); err != nil {
		return err
	}
	if err := check("ignore", c.Ignore); err != nil {
		return err
	}
	for pat, codes := range c.PerFileIgnores {
		if err := check("per-file-ignores."+pat, codes); err != nil {
			return err
		}
		if _, err := globRE(pat); err != nil {
			return &Error{Path: c.Path, Msg: "per-file-ignores: bad pattern " + strconvQuote(pat)}
		}
	}
	for _, list := range []struct {
		key   string
		names []string
	}{{"blocking-calls", c.BlockingCalls}, {"coroutine-functions", c.CoroutineFunctions},
		{"coroutine-wrappers", c.CoroutineWrappers}, {"task-factories", c.TaskFactories},
		{"offload-helpers", c.OffloadHelpers}} {
		for _, name := range list.names {
			re := qualifiedNameRE
			if list.key == "blocking-calls" {
				re = blockingPatternRE
			}
			if !re.MatchString(name) {
				return &Error{Path: c.Path, Msg: list.key + ": " + strconvQuote(name) +
					" is not a qualified name (expected e.g. \"myapp.db.fetch\" or \"myapp.db.*\")"}
			}
			if list.key != "blocking-calls" && strings.Contains(name, "->") {
				return &Error{Path: c.Path, Msg: list.key + ": " + strconvQuote(name) +
					" has a `-> suggestion`, which only blocking-calls entries take"}
			}
		}
	}
	for code, sev := range c.Severity {
		if rules.Lookup(code) == nil {
			return &Error{Path: c.Path, Msg: "severity: unknown rule code " + strconvQuote(code)}
		}
		if _, err := rules.ParseSeverity(sev); err != nil {
			return &Error{Path: c.Path, Msg: "severity." + code + ": " + err.Error()}
		}
	}
	for _, pat := range append(append([]string{}, c.Exclude...), c.ExtendExclude...) {
		if _, err := globRE(pat); err != nil {
			return &Error{Path: c.Path, Msg: "exclude: bad pattern " + strconvQuote(pat)}
		}
	}
	// Simulator settings are checked here, once for every command, so
	// `check` and `simulate` accept and refuse the same files.
	if err := ValidateLatency(c.Latency); err != nil {
		return &Error{Path: c.Path, Msg: err.Error()}
	}
	if c.ExecutorWorkers != nil && *c.ExecutorWorkers < 1 {
		return &Error{Path: c.Path, Msg: fmt.Sprintf("executor-workers: %d is not a positive number of threads", *c.ExecutorWorkers)}
	}
	if err := c.SimulationBudget.validate(); err != nil {
		return &Error{Path: c.Path, Msg: err.Error()}
	}
	for key := range c.RuleSettings {
		if rules.RuleOfSetting(key) == nil {
			return &Error{Path: c.Path, Msg: unknownKeyMessage(key)}
		}
	}
	for _, r := range rules.All() {
		if _, err := r.Configure(c.RuleSettings); err != nil {
			return &Error{Path: c.Path, Msg: err.Error()}
		}
	}
	return nil
}

// decodeRuleSettings reads the rules' settings keys of [tool.asyncls] into
// c.RuleSettings, refusing a value of another type than the key's.
func (c *Config) decodeRuleSettings(md toml.MetaData, table toml.Primitive) error {
	var raw map[string]toml.Primitive
	if err := md.PrimitiveDecode(table, &raw); err != nil {
		return &Error{Path: c.Path, Msg: err.Error()}
	}
	for _, r := range rules.All() {
		for _, s := range r.SettingKeys() {
			prim, ok := raw[s.Key]
			if !ok {
				continue
			}
			got := md.Type("tool", "asyncls", s.Key)
			v := reflect.New(s.Type)
			wrong := ""
			if !tomlTypeFits(got, s.Type) {
				wrong = withArticle(tomlTypeName(got))
			} else if err := md.PrimitiveDecode(prim, v.Interface()); err != nil {
				wrong = "a list holding other values"
			}
			if wrong != "" {
				return &Error{Path: c.Path, Msg: fmt.Sprintf("%s: want %s (%s's setting), not %s", s.Key, withArticle(s.TypeName()), r.Code, wrong)}
			}
			if c.RuleSettings == nil {
				c.RuleSettings = map[string]any{}
			}
			c.RuleSettings[s.Key] = v.Elem().Interface()
		}
	}
	return nil
}

// tomlTypeName names a TOML type (MetaData.Type) as docs do.
func tomlTypeName(t string) string {
	switch t {
	case "Float":
		return "number"
	case "Bool":
		return "boolean"
	case "Array":
		return "list"
	case "Hash":
		return "table"
	}
	return strings.ToLower(t)
}

func withArticle(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// tomlTypeFits reports whether a TOML value of type tomlType (MetaData.Type)
// can be a setting of Go type t.
func tomlTypeFits(tomlType string, t reflect.Type) bool {
	if t.Kind() == reflect.Pointer { // an optional setting
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Float64:
		return tomlType == "Float" || tomlType == "Integer"
	case reflect.Int:
		return tomlType == "Integer"
	case reflect.Bool:
		return tomlType == "Bool"
	case reflect.String:
		return tomlType == "String"
	case reflect.Slice:
		return tomlType == "Array"
	}
	return false
}

// qualifiedNameRE matches a dotted Python name, optionally ending in `.*`;
// a blocking-calls entry may add `-> suggestion`.
var qualifiedNameRE = regexp.MustCompile(`^\s*[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(\.\*)?\s*(->.*)?$`)

// blockingPatternRE matches a blocking-calls entry: a dotted name whose
// components may each be `*` (one component, as flake8-async's `*.close`),
// with an optional `-> suggestion`.
var blockingPatternRE = regexp.MustCompile(`^\s*(\*|[A-Za-z_][A-Za-z0-9_]*)(\.(\*|[A-Za-z_][A-Za-z0-9_]*))*\s*(->.*)?$`)

// ValidateLatency checks latency overrides ("aiohttp.ClientSession.get" =
// "120ms"), naming the first bad entry.
func ValidateLatency(latency map[string]string) error {
	if _, err := pyfront.LatencyFromStrings(latency); err != nil {
		return fmt.Errorf("latency: %v", err)
	}
	return nil
}

func (b *SimulationBudget) validate() error {
	if b == nil {
		return nil
	}
	positive := func(key string, v *int64) error {
		if v != nil && *v < 1 {
			return fmt.Errorf("simulation-budget.%s: %d is not a positive number", key, *v)
		}
		return nil
	}
	for _, f := range []struct {
		key string
		v   *int64
	}{{"steps", intPtr64(b.Steps)}, {"tasks", intPtr64(b.Tasks)}, {"value-size", b.ValueSize}, {"allocations", b.Allocations}} {
		if err := positive(f.key, f.v); err != nil {
			return err
		}
	}
	if b.Time != nil {
		if d, err := pyfront.ParseDuration(*b.Time); err != nil || d <= 0 {
			return fmt.Errorf("simulation-budget.time: %q is not a positive duration (use e.g. 5s, 500ms)", *b.Time)
		}
	}
	return nil
}

func intPtr64(v *int) *int64 {
	if v == nil {
		return nil
	}
	n := int64(*v)
	return &n
}

func strconvQuote(s string) string { return fmt.Sprintf("%q", s) }

// Expand turns a code or prefix ("ASYNC251", "ASYNC2", "ASL", "ALL") into the
// codes it selects; a selector that matches no rule is an error.
func Expand(sel string) ([]string, error) {
	sel = strings.ToUpper(strings.TrimSpace(sel))
	if same := rules.AliasOf(sel); same != "" {
		return []string{same}, nil // ruff's name for the same check
	}
	var out []string
	for _, r := range rules.All() {
		if sel == "ALL" || strings.HasPrefix(r.Code, sel) {
			out = append(out, r.Code)
		}
	}
	if sel == rules.SyntaxErrorCode {
		return nil, nil
	}
	if len(out) == 0 && ForeignCode(sel) {
		return nil, nil // selects nothing here; Warnings says so
	}
	if len(out) == 0 {
		msg := "unknown rule code or prefix " + strconvQuote(sel)
		if near := nearestCode(sel); near != "" {
			msg += "; did you mean " + strconvQuote(near) + "?"
		}
		return nil, errors.New(msg + " (see `asyncls rules`)")
	}
	return out, nil
}

// ForeignCode reports a selector shaped like another linter's code or
// prefix (flake8-async's ASYNC102, ruff's RUF006 or E501) that names no
// asyncls rule: users switching from flake8-async or ruff keep them in
// their lists, so they are accepted, select nothing, and get a warning.
// An unknown code with asyncls's own prefix (ASL) is a typo and an error.
func ForeignCode(sel string) bool {
	sel = strings.ToUpper(strings.TrimSpace(sel))
	if sel == "" || sel == "ALL" || sel == rules.SyntaxErrorCode || strings.HasPrefix(sel, "ASL") || rules.AliasOf(sel) != "" {
		return false // "ALL" is asyncls's (and ruff's) selector of every rule; RUF006 is ASYNC300
	}
	i := 0
	for i < len(sel) && sel[i] >= 'A' && sel[i] <= 'Z' {
		i++
	}
	if i == 0 {
		return false
	}
	for j := i; j < len(sel); j++ {
		if sel[j] < '0' || sel[j] > '9' {
			return false
		}
	}
	for _, r := range rules.All() {
		if strings.HasPrefix(r.Code, sel) {
			return false
		}
	}
	return true
}

// Warnings lists the selectors of c (select, extend-select, ignore,
// per-file-ignores) that are another linter's codes: accepted, without effect.
func (c *Config) Warnings() []string {
	var out []string
	add := func(key string, codes []string) {
		for _, code := range codes {
			if !ForeignCode(code) {
				continue
			}
			out = append(out, key+": "+strconvQuote(code)+" is not an asyncls rule (a flake8-async or ruff code "+
				"asyncls does not implement?); it has no effect here")
		}
	}
	add("select", c.Select)
	add("extend-select", c.ExtendSelect)
	add("ignore", c.Ignore)
	pats := make([]string, 0, len(c.PerFileIgnores))
	for pat := range c.PerFileIgnores {
		pats = append(pats, pat)
	}
	sort.Strings(pats)
	for _, pat := range pats {
		add("per-file-ignores."+pat, c.PerFileIgnores[pat])
	}
	return out
}

// Overrides are command-line settings; they take precedence over the file.
type Overrides struct {
	Select, ExtendSelect, Ignore []string
	// Names are what an error calls Select, ExtendSelect and Ignore
	// (default: the flags --select, --extend-select and --ignore).
	Names [3]string
}

// Apply returns a copy of c with the overrides applied. As in ruff, a
// --select on the command line starts the selection afresh (the file's
// select, extend-select and ignore no longer apply; per-file-ignores do);
// without it, --extend-select and --ignore add to the file's lists.
func (c *Config) Apply(o Overrides) (*Config, error) {
	// A bad code on the command line is named by its flag, not as a key
	// of [tool.asyncls] (the file's own lists were validated when read).
	names := o.Names
	if names == [3]string{} {
		names = [3]string{"--select", "--extend-select", "--ignore"}
	}
	for _, flag := range []struct {
		name  string
		codes []string
	}{{names[0], o.Select}, {names[1], o.ExtendSelect}, {names[2], o.Ignore}} {
		for _, code := range flag.codes {
			if _, err := Expand(code); err != nil {
				return nil, errors.New(flag.name + ": " + err.Error())
			}
		}
	}
	out := *c
	if o.Select != nil {
		out.Select = o.Select
		out.ExtendSelect = o.ExtendSelect
		out.Ignore = o.Ignore
	} else {
		out.ExtendSelect = append(append([]string{}, c.ExtendSelect...), o.ExtendSelect...)
		out.Ignore = append(append([]string{}, c.Ignore...), o.Ignore...)
	}
	v := out
	v.Path = "command line"
	if err := v.Validate(); err != nil {
		return nil, err
	}
	return &out, nil
}

// Options returns the rule options for the file at path.
func (c *Config) Options(path string) *rules.Options {
	o := &rules.Options{Enabled: map[string]bool{}, Severity: map[string]rules.Severity{}, ExtraBlocking: c.BlockingCalls,
		ExtraCoroutines: c.CoroutineFunctions, CoroutineWrappers: c.CoroutineWrappers, ExtraTaskFactories: c.TaskFactories,
		OffloadHelpers: c.OffloadHelpers, Simulator: c.Estimator(), BlockingInTests: c.BlockingInTests != nil && *c.BlockingInTests,
		HintsInTests:              c.HintsInTests != nil && *c.HintsInTests,
		LocalIOInCommandLineTools: c.LocalIOInCLI != nil && *c.LocalIOInCLI}
	if c.Select == nil {
		for _, r := range rules.All() {
			if r.Default {
				o.Enabled[r.Code] = true
			}
		}
	} else {
		for _, s := range c.Select {
			codes, _ := Expand(s)
			for _, code := range codes {
				o.Enabled[code] = true
			}
		}
	}
	for _, s := range c.ExtendSelect {
		codes, _ := Expand(s)
		for _, code := range codes {
			o.Enabled[code] = true
		}
	}
	ignore := append([]string{}, c.Ignore...)
	rel := c.rel(path)
	for pat, codes := range c.PerFileIgnores {
		if matchGlob(pat, rel) {
			ignore = append(ignore, codes...)
		}
	}
	ignored := map[string]bool{}
	for _, s := range ignore {
		codes, _ := Expand(s)
		for _, code := range codes {
			delete(o.Enabled, code)
			ignored[code] = true
		}
	}
	if c.Select == nil {
		for _, r := range rules.All() {
			if r.DefaultOnStrictLoop && !o.Enabled[r.Code] && !ignored[r.Code] {
				o.StrictLoopRules = append(o.StrictLoopRules, r.Code)
			}
		}
	}
	for code, sev := range c.Severity {
		s, _ := rules.ParseSeverity(sev)
		o.Severity[strings.ToUpper(code)] = s
	}
	o.Settings = map[string]rules.Settings{}
	for key := range c.RuleSettings {
		r := rules.RuleOfSetting(key)
		if r == nil || o.Settings[r.Code] != nil {
			continue
		}
		if s, err := r.Configure(c.RuleSettings); err == nil { // Validate refuses the others
			o.Settings[r.Code] = s
		}
	}
	return o
}

func (c *Config) rel(path string) string {
	base := c.Dir
	if base == "" {
		base, _ = os.Getwd()
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	if r, err := filepath.Rel(base, abs); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(path)
}

// Excluded reports whether path (a file or directory found while walking
// walkRoot) is excluded by the defaults, exclude or extend-exclude. Patterns
// with a slash match the path relative to the configuration's directory;
// patterns without one match any single component below walkRoot, so a
// project that itself lives under a directory called "build" is still checked.
func (c *Config) Excluded(path, walkRoot string) bool {
	rel := "" // computed when a pattern with a slash needs it (c.rel asks the OS for the working directory)
	below := filepath.ToSlash(path)
	if r, err := filepath.Rel(walkRoot, path); err == nil && !strings.HasPrefix(r, "..") {
		below = filepath.ToSlash(r)
	}
	parts := strings.Split(below, "/")
	for _, pats := range [][]string{DefaultExclude, c.Exclude, c.ExtendExclude} {
		for _, pat := range pats {
			if strings.Contains(pat, "/") {
				if rel == "" {
					rel = c.rel(path)
				}
				if matchGlob(pat, rel) {
					return true
				}
				continue
			}
			literal := !strings.ContainsAny(pat, `*?[\`)
			for _, part := range parts {
				if literal {
					if part == pat {
						return true
					}
				} else if ok, _ := filepath.Match(pat, part); ok {
					return true
				}
			}
		}
	}
	return false
}

// globRE compiles a gitignore-like glob: * within a component, ** across components.
func globRE(pat string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("^")
	p := strings.TrimPrefix(filepath.ToSlash(pat), "./")
	for i := 0; i < len(p); i++ {
		switch ch := p[i]; ch {
		case '*':
			if i+1 < len(p) && p[i+1] == '*' {
				b.WriteString(".*")
				i++
				if i+1 < len(p) && p[i+1] == '/' {
					i++
					b.WriteString("/?")
				}
			} else {
				b.WriteString("[^/]*")
			}
		case '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(string(ch)))
		}
	}
	b.WriteString("(/.*)?$")
	return regexp.Compile(b.String())
}

func matchGlob(pat, rel string) bool {
	re, err := globRE(pat)
	if err != nil {
		return false
	}
	if re.MatchString(rel) {
		return true
	}
	// A pattern without a slash also matches the file name alone (as ruff does).
	if !strings.Contains(pat, "/") {
		return re.MatchString(filepath.Base(rel))
	}
	return false
}

// unknownKeyMessage names an unknown [tool.asyncls] key, the known key it is
// most likely a misspelling of (as ruff and cargo suggest), and the keys.
func unknownKeyMessage(key string) string {
	msg := fmt.Sprintf("unknown key %q", key)
	if near := nearestKey(key); near != "" {
		msg += fmt.Sprintf("; did you mean %q?", near)
	}
	return msg + " (known keys: " + strings.Join(Keys, ", ") + ")"
}

// nearestCode returns the rule code a mistyped one is one edit away from
// ("ASL1O2" -> "ASL102"), or "" when no code or several are.
func nearestCode(sel string) string {
	best := ""
	for _, r := range rules.All() {
		if editDistance(sel, r.Code) == 1 {
			if best != "" {
				return ""
			}
			best = r.Code
		}
	}
	return best
}

// nearestKey returns the known key closest to key by edit distance, when
// it is close enough to be a typo (at most a third of its letters differ).
func nearestKey(key string) string {
	best, bestDist := "", len(key)/3+1
	for _, k := range Keys {
		if d := editDistance(key, k); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
