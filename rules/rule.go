// Package rules holds asyncls's checks. Each rule is a declarative value in a
// file of its own (code, name, summary, rationale, examples, severity,
// default, fix) registered in a single registry, and that file also holds
// what the rule looks for, its message and its fix; the rule documentation in
// docs/rules/ is generated from these values, so code and docs agree.
// Machinery several rules share is a Fact the rules list in Requires (a
// result computed once per module), or, where each rule asks its own
// question, a plain library such as the checkpoint dataflow of
// checkpoints.go (whose comment says why it is not a fact). No shared file
// holds logic only one rule uses (TestSharedHelpersHaveSeveralUsers).
//
// Rules read the semantic model of package analysis and know nothing of the
// language server or the command line.
package rules

import (
	"context"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// Severity is how serious a finding is.
type Severity int

const (
	Error Severity = iota + 1
	Warning
	Info
	Hint
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	case Info:
		return "info"
	case Hint:
		return "hint"
	}
	return "unknown"
}

// ParseSeverity parses "error", "warning", "info" or "hint".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "info", "information":
		return Info, nil
	case "hint":
		return Hint, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning, info or hint)", s)
}

// Rule is one check.
type Rule struct {
	Code      string // "ASYNC251", "ASL101"
	Name      string // kebab-case, e.g. "blocking-sleep"
	Summary   string // one line
	Rationale string // why it matters (Markdown)
	Bad       string // Python that triggers the rule
	Good      string // the corrected Python
	Severity  Severity
	Default   bool   // enabled without being selected
	Fix       string // what the fix does; "" when the rule has none
	Notes     string // deliberate choices, limits (Markdown), optional
	// CrossFile is true when findings depend on other modules of the
	// project (the rule follows imports into them); a rule requiring a fact
	// that reads other modules is CrossFile without saying so (register).
	// TestCrossFileDeclared fails a rule whose findings change with the
	// other modules of a test project that does not declare it.
	CrossFile bool
	// Simulates is true when the rule runs the event-loop simulator, which
	// takes far longer than the other rules; it then goes through
	// Pass.simulate or the blockingDelays fact, which cache what the
	// simulator found and skip simulating in CheckRun's QuickRules phase.
	Simulates bool
	// Settings holds the defaults of the rule's settings (keys of
	// [tool.asyncls]; see Settings), nil when it has none.
	Settings Settings
	// Requires lists the facts (machinery shared with other rules) Run reads.
	Requires []Fact
	// SharesFindingsWith names the rules that report the same mistake at
	// another place: whether they are enabled decides which of them reports
	// it (one finding per mistake), so Run reads Options.Enabled for them.
	SharesFindingsWith []string
	// NonBlocking, on a rule reporting a family of blocking calls (the
	// library table's Code, pylib), says which calls of its family are made
	// in a way that does not block (`q.get(block=False)`): name is the
	// callee's qualified name. The blockingCalls fact asks it, so the rules
	// that follow calls through helpers (ASL201, ASL402, ASYNC124) agree
	// with the family's own rule. proj (nil when unknown) follows values
	// through the project's other modules.
	NonBlocking func(proj *analysis.Project, m *analysis.Module, c *analysis.Call, name string) bool
	// QuietInTests, on a rule reporting a call that blocks the event loop
	// (or a busy-wait, ASYNC110, which costs the loop's time the same way,
	// or awaits run one after another, ASL401, whose latency is the test's),
	// skips test modules unless Options.BlockingInTests (testModule; README
	// "Test modules").
	QuietInTests bool
	// QuietHintInTests, on a rule whose finding is a simplification hint
	// (ASYNC112: a task group that starts one task is `await coro` with more
	// machinery), skips test modules unless Options.HintsInTests: what the
	// simpler code would drop (the group's own task, cancel scope and
	// ExceptionGroup) is what a test of that machinery exercises (README
	// "Test modules").
	QuietHintInTests bool
	// QuietInCommandLineTools, on a rule reporting local file work or a
	// terminal prompt (ASYNC230, ASYNC231, ASYNC232, ASYNC240, ASYNC250),
	// skips a command-line program's own modules (pylib.CommandLineModule)
	// unless Options.LocalIOInCommandLineTools (README "Command-line
	// tools").
	QuietInCommandLineTools bool
	// DefaultOnStrictLoop, on a rule off by default, turns it on with the
	// default rule set in the modules of a platform that forbids any
	// blocking work on its shared loop (pylib.OnStrictLoop: Home Assistant
	// integrations), where what most loops tolerate is a bug
	// (Options.StrictLoopRules).
	DefaultOnStrictLoop bool
	Run                 func(*Pass)
}

// DocURL is where the generated documentation of a rule lives.
func (r *Rule) DocURL() string {
	return "https://github.com/asyncls/asyncls/blob/main/docs/rules/" + r.Code + ".md"
}

var registry = map[string]*Rule{}

// register adds a rule; each rule file calls it for its value.
func register(r *Rule) *Rule {
	if _, dup := registry[r.Code]; dup {
		panic("rules: duplicate code " + r.Code)
	}
	if r.Code == "" || r.Name == "" || r.Summary == "" || r.Rationale == "" || r.Severity == 0 || r.Run == nil {
		panic("rules: incomplete rule " + r.Code)
	}
	r.SettingKeys() // panics on settings of an unsupported shape
	if r.NonBlocking != nil && !r.requires(blockingCalls) {
		panic("rules: " + r.Code + " says which calls of its family do not block but does not require blockingCalls")
	}
	for _, f := range r.Requires {
		if f.ReadsOtherModules() {
			r.CrossFile = true
		}
	}
	registry[r.Code] = r
	sorted = append(sorted, r)
	sort.Slice(sorted, func(i, j int) bool { return codeLess(sorted[i].Code, sorted[j].Code) })
	return r
}

// sorted is the registry ordered by code, kept by register (which runs only
// during package initialisation): All is called for every checked module.
var sorted []*Rule

// All returns every rule sorted by code.
func All() []*Rule {
	return append([]*Rule(nil), sorted...)
}

// codeLess orders ASYNC before ASL and numerically within a prefix.
func codeLess(a, b string) bool {
	pa, na := splitCode(a)
	pb, nb := splitCode(b)
	if pa != pb {
		return pa > pb // "ASYNC" > "ASL": flake8-async's codes first
	}
	return na < nb
}

func splitCode(c string) (string, int) {
	i := strings.IndexFunc(c, func(r rune) bool { return r >= '0' && r <= '9' })
	if i < 0 {
		return c, 0
	}
	n, _ := strconv.Atoi(c[i:])
	return c[:i], n
}

// Lookup returns the rule with code (case-insensitive), or nil.
func Lookup(code string) *Rule { return registry[strings.ToUpper(code)] }

// SyntaxErrorCode is reported for code the parser had to recover from. It
// is not a rule: it cannot be disabled, since later findings may be wrong.
const SyntaxErrorCode = "E999"

// Edit replaces bytes [Start, End) of the file with New.
type Edit struct {
	Start, End int
	New        string
}

// Fix is a rewrite that resolves a diagnostic.
type Fix struct {
	Title string
	Safe  bool // applied by `check --fix`; unsafe fixes need --unsafe-fixes
	Edits []Edit
}

// Related points at another place that explains a finding (a hop of a call chain).
type Related struct {
	Path       string
	Start, End analysis.Position
	Message    string
}

// Diagnostic is one finding.
type Diagnostic struct {
	Path       string
	Code       string
	Severity   Severity
	Message    string
	StartByte  int
	EndByte    int
	Start, End analysis.Position // 0-based line, byte column
	Related    []Related
	Fix        *Fix
	// Unnecessary marks code that does nothing (LSP's Unnecessary tag).
	Unnecessary bool
}

// Options say which rules run and how.
type Options struct {
	// Enabled holds the codes to run for this file.
	Enabled map[string]bool
	// Severity overrides per code.
	Severity map[string]Severity
	// ExtraBlocking lists qualified names users declared blocking (ASYNC200's role).
	ExtraBlocking []string
	// ExtraCoroutines, CoroutineWrappers and ExtraTaskFactories extend the
	// library table from [tool.asyncls]: callables returning coroutines,
	// decorators keeping an async def a coroutine function, and callables
	// returning tasks. Entries are qualified names or `module.*`.
	ExtraCoroutines    []string
	CoroutineWrappers  []string
	ExtraTaskFactories []string
	// OffloadHelpers are functions that run the callable passed to them
	// first in another thread, like asyncio.to_thread (ASL106 follows it).
	OffloadHelpers []string
	// Settings holds the configured settings of rules by code, each of the
	// type of the rule's Rule.Settings (config.Config.Options fills it); a
	// rule missing here runs with its defaults.
	Settings map[string]Settings
	// BlockingInTests runs the rules about calls that block the event loop,
	// polling and sequential awaits (Rule.QuietInTests) on test modules too ([tool.asyncls]
	// blocking-in-tests).
	BlockingInTests bool `json:",omitempty"`
	// HintsInTests runs the simplification hints (Rule.QuietHintInTests) on
	// test modules too ([tool.asyncls] hints-in-tests).
	HintsInTests bool `json:",omitempty"`
	// LocalIOInCommandLineTools runs the rules of
	// Rule.QuietInCommandLineTools on command-line programs' modules too
	// ([tool.asyncls] local-io-in-cli).
	LocalIOInCommandLineTools bool `json:",omitempty"`
	// StrictLoopRules are enabled in the modules of a strict-loop platform
	// (Rule.DefaultOnStrictLoop; config fills it when the default rule set
	// is selected, less the codes ignored for the file).
	StrictLoopRules []string `json:",omitempty"`
	// onStrictLoop: check enabled StrictLoopRules for the module (a
	// strict-loop platform's); those rules then report only the calls the
	// platform itself reports (addedByPlatform, pylib.StrictLoopDetects).
	onStrictLoop bool
	// Simulator answers the rules that simulate (ASL401, ASL402); nil: they
	// report nothing and CheckRun says the findings are incomplete.
	Simulator Simulator `json:"-"`
}

// DefaultOptions enables the rules that are on by default. It has no
// Simulator, so the rules that simulate report nothing with it
// (config.Config.Options wires one).
func DefaultOptions() *Options {
	o := &Options{Enabled: map[string]bool{}}
	for _, r := range All() {
		if r.Default {
			o.Enabled[r.Code] = true
		}
	}
	return o
}

// Pass is what a rule's Run receives for one module.
type Pass struct {
	Rule    *Rule
	Module  *analysis.Module
	File    *analysis.File
	Project *analysis.Project
	Options *Options
	// Context is done when the caller no longer wants the findings.
	Context context.Context
	diags   *[]Diagnostic
	shared  *checkState
	cut     bool // a simulation of the current unit was cut short (noteSimulation)
}

// checkState is shared by the rules of one Check call (one module; the
// rules may run on several goroutines): facts several rules need, computed
// once.
type checkState struct {
	mu    sync.Mutex
	facts map[factKey]*factResult // see Fact

	trioOnce sync.Once
	trio     bool // the module imports trio or anyio
	libOnce  sync.Once
	lib      string // the async library the module is written for

	sim *simRun // the phase, cache and budget of this check

	// recorded is what the findings depend on beyond the module and what it
	// imports (see CheckRecorded).
	recorded Dependencies
}

// Dependencies is what a module's findings depend on beyond the module
// and the modules it imports (directly or not).
type Dependencies struct {
	// ValueQueries holds the project-wide questions "does a module record
	// this value key?" (analysis.Function.ValueKeys; or, for an
	// analysis.TaskEntryIndexKey, "is this method referenced other than as
	// a task's entry point?", and for an analysis.StartedTaskIndexKey, "is a
	// method of this name started as one?") the rules asked, with their
	// answers: all are entries of the project's name index.
	ValueQueries map[string]bool
	// ThreadFunctions is true when the rules used the project-wide set of
	// functions that run in other threads (ASL106), which depends on every
	// module that hands functions to threads and what those modules import.
	ThreadFunctions bool
	// OverrideQueries holds the names of the async methods the rules asked
	// whether a subclass anywhere in the project overrides them with a sync
	// member (analysis.Project.IsCoroutineFunction): the answers depend on
	// every module whose classes define such a name other than as an async
	// def, and on what those modules import; and the keys
	// (analysis.AnyMemberKey) of the names whose definitions in any way
	// an answer read (ASL110's plain-value makers, a sync stub dispatched
	// to its async overrides: analysis.OverrideQueryKeys).
	OverrideQueries map[string]bool
}

// recordUsesThreadFunctions notes that the findings depend on the project's
// thread functions.
func (p *Pass) recordUsesThreadFunctions() {
	if p.shared != nil {
		p.shared.mu.Lock()
		p.shared.recorded.ThreadFunctions = true
		p.shared.mu.Unlock()
	}
}

// isCoroutineFunction asks the project whether c's callee is a coroutine
// function, recording the override questions it depended on for
// CheckRecorded.
func (p *Pass) isCoroutineFunction(c *analysis.Call) bool {
	return p.Project.IsCoroutineFunction(c, p.overrideQueryNote())
}

// overrideQueryNote records, for incremental checks, the override
// questions (analysis.OverrideQueryKeys) of the methods an answer of
// Project.IsCoroutineFunction or ReturnsCoroutineFor depended on; nil
// outside a shared run.
func (p *Pass) overrideQueryNote() func(*analysis.Function) {
	if p.shared == nil {
		return nil
	}
	return func(method *analysis.Function) {
		p.shared.mu.Lock()
		for _, key := range analysis.OverrideQueryKeys(method) {
			p.shared.recorded.OverrideQueries[key] = true
		}
		p.shared.mu.Unlock()
	}
}

// projectUsesAsValue asks the project whether any module records the value
// key (analysis.Function.ValueKeys), recording the question for
// CheckRecorded.
func (p *Pass) projectUsesAsValue(key string) bool {
	used := p.Project.UsesAsValue(key)
	if p.shared != nil {
		p.shared.mu.Lock()
		p.shared.recorded.ValueQueries[key] = used
		p.shared.mu.Unlock()
	}
	return used
}

// projectStartsMethodAsTask asks the project whether any module starts a
// method of this name as a task's entry point
// (analysis.Project.StartsMethodAsTaskAnywhere), recording the question for
// CheckRecorded; without a project, the module alone answers.
func (p *Pass) projectStartsMethodAsTask(name string) bool {
	if p.Project == nil {
		return p.Module.StartsMethodAsTask(name)
	}
	return p.projectUsesAsValue(analysis.StartedTaskIndexKey(name))
}

// projectUsesMethodOtherThanAsTask asks the project whether any module
// references a method of this name other than as a task's entry point
// (analysis.Project.UsesMethodOtherThanAsTask), recording the question for
// CheckRecorded; without a project, the module alone answers.
func (p *Pass) projectUsesMethodOtherThanAsTask(name string) bool {
	if p.Project == nil {
		return p.Module.ReferencesMethodOtherThanAsTask(name)
	}
	used := p.Project.UsesMethodOtherThanAsTask(name)
	if p.shared != nil {
		p.shared.mu.Lock()
		p.shared.recorded.ValueQueries[analysis.TaskEntryIndexKey(name)] = used
		p.shared.mu.Unlock()
	}
	return used
}

// importsTrioOrAnyio reports whether the module imports trio or anyio
// (asked once per Check: every fix of a module with thousands of imports
// asked it again).
func (p *Pass) importsTrioOrAnyio() bool {
	if p.shared == nil {
		return moduleImportsTrioOrAnyio(p.Module)
	}
	p.shared.trioOnce.Do(func() { p.shared.trio = moduleImportsTrioOrAnyio(p.Module) })
	return p.shared.trio
}

// library returns the async library the module is written for: "trio" or
// "anyio" when it imports that library and not asyncio (anyio when both),
// else "asyncio". Advice in messages names that library's API.
func (p *Pass) library() string {
	if p.shared == nil {
		return moduleLibrary(p.Module)
	}
	p.shared.libOnce.Do(func() { p.shared.lib = moduleLibrary(p.Module) })
	return p.shared.lib
}

func moduleLibrary(m *analysis.Module) string {
	// The module's own imports decide; an import inside one function (a
	// trio test importing asyncio to check interplay) only when they say
	// nothing.
	roots := map[string]bool{}
	written := func() string {
		for _, lib := range pylib.AsyncLibraries {
			if roots[lib] {
				return lib
			}
		}
		return ""
	}
	for _, topLevel := range []bool{true, false} {
		for _, imp := range m.Imports {
			if (imp.Scope == m.Scope) == topLevel {
				root, _, _ := strings.Cut(imp.Module, ".")
				roots[root] = true
			}
		}
		if written() != "" {
			break
		}
	}
	if written() == "" {
		// A module of trio's or anyio's own package that imports none of them.
		own, _, _ := strings.Cut(m.PlainName(m.Name), ".")
		roots[own] = true
	}
	if lib := written(); lib != "" {
		return lib
	}
	return pylib.AsyncLibraries[0]
}

// inLibrary rewrites advice written for asyncio (`await asyncio.sleep`, an
// `asyncio.Event`, asyncio streams) with library lib's counterparts
// (pylib's records); names without one stay as written.
func inLibrary(msg, lib string) string {
	if lib == "asyncio" {
		return msg
	}
	for _, name := range pylib.CounterpartNames() {
		msg = replaceName(msg, name, pylib.Counterpart(name, lib))
	}
	msg = replaceName(msg, "asyncio", lib) // "asyncio streams", "the asyncio primitive"
	if !strings.ContainsRune("aeiou", rune(lib[0])) {
		// "an `asyncio.Event`" became "an `trio.Event`": the article follows the name.
		msg = anBefore(lib).ReplaceAllString(msg, "${1}${2}"+lib)
	}
	return msg
}

var anBeforeLib sync.Map // library name -> *regexp.Regexp

// anBefore matches "an" (or "An") as a word before lib's name, bare or in
// backticks, capturing "a"/"A" and what separates it from the name.
func anBefore(lib string) *regexp.Regexp {
	if re, ok := anBeforeLib.Load(lib); ok {
		return re.(*regexp.Regexp)
	}
	re := regexp.MustCompile(`\b([Aa])n( ` + "`?" + `)` + regexp.QuoteMeta(lib) + `\b`)
	anBeforeLib.Store(lib, re)
	return re
}

// replaceName replaces whole occurrences of a dotted name: not part of a
// longer name (`redis.asyncio.Redis`, `asyncio.sleep_forever`).
func replaceName(s, old, repl string) string {
	isName := func(b byte) bool {
		return b == '_' || b == '.' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
	}
	var out strings.Builder
	for {
		i := strings.Index(s, old)
		if i < 0 {
			out.WriteString(s)
			return out.String()
		}
		end := i + len(old)
		// A name goes on with a letter, digit or `_`, or with `.` and one of
		// those (not a full stop).
		goesOn := end < len(s) && isName(s[end]) && s[end] != '.' ||
			end+1 < len(s) && s[end] == '.' && isName(s[end+1]) && s[end+1] != '.'
		if (i > 0 && isName(s[i-1])) || goesOn {
			out.WriteString(s[:end])
			s = s[end:]
			continue
		}
		out.WriteString(s[:i])
		out.WriteString(repl)
		s = s[end:]
	}
}

func moduleImportsTrioOrAnyio(m *analysis.Module) bool {
	for _, imp := range m.Imports {
		root, _, _ := strings.Cut(imp.Module, ".")
		// The fixes write code for the first library (asyncio): the others'
		// code they must not touch.
		if root != pylib.AsyncLibraries[0] && slices.Contains(pylib.AsyncLibraries, root) {
			return true
		}
	}
	return false
}

// ReportOption adjusts a diagnostic being reported.
type ReportOption func(*Diagnostic)

// WithFix attaches a fix.
func WithFix(f *Fix) ReportOption { return func(d *Diagnostic) { d.Fix = f } }

// WithRelated attaches related locations.
func WithRelated(r ...Related) ReportOption {
	return func(d *Diagnostic) { d.Related = append(d.Related, r...) }
}

// Unnecessary tags the diagnostic as unused/unnecessary code.
func Unnecessary() ReportOption { return func(d *Diagnostic) { d.Unnecessary = true } }

// Report records a finding of the pass's rule on node n.
func (p *Pass) Report(n *analysis.Node, msg string, opts ...ReportOption) {
	p.ReportRange(int(n.Start), int(n.End), msg, opts...)
}

// ReportRange records a finding on bytes [start, end).
func (p *Pass) ReportRange(start, end int, msg string, opts ...ReportOption) {
	msg = inLibrary(msg, p.library())
	sev := p.Rule.Severity
	if s, ok := p.Options.Severity[p.Rule.Code]; ok {
		sev = s
	}
	d := Diagnostic{
		Path: p.File.Path, Code: p.Rule.Code, Severity: sev, Message: msg,
		StartByte: start, EndByte: end,
		Start: p.File.Lines.Position(start), End: p.File.Lines.Position(end),
	}
	for _, o := range opts {
		o(&d)
	}
	if d.Fix != nil {
		d.Fix = fitFix(p.File.Src, d.Fix)
	}
	*p.diags = append(*p.diags, d)
}

// RelatedAt makes related information for node n of module m.
func RelatedAt(m *analysis.Module, n *analysis.Node, msg string) Related {
	return Related{Path: m.File.Path, Start: m.File.Lines.Position(int(n.Start)), End: m.File.Lines.Position(int(n.End)), Message: msg}
}

// Check runs the enabled rules over module m of project p and returns the
// findings sorted by position, with # noqa comments applied. Syntax errors
// are always reported.
func Check(m *analysis.Module, p *analysis.Project, opts *Options) []Diagnostic {
	return CheckContext(context.Background(), m, p, opts)
}

// CheckContext is Check for a caller that may stop wanting the result (a
// superseded edit in the language server): rules that simulate stop early
// once ctx is done, and the findings are then incomplete.
func CheckContext(ctx context.Context, m *analysis.Module, p *analysis.Project, opts *Options) []Diagnostic {
	diags, _ := CheckRun(m, p, opts, Run{Context: ctx})
	return diags
}

// CheckRecorded is Check that also returns what the findings depend on
// beyond the module and the modules it imports (directly or not). A cache
// may reuse the findings while the module, the modules it imports and these
// dependencies stay the same.
func CheckRecorded(m *analysis.Module, p *analysis.Project, opts *Options) ([]Diagnostic, Dependencies) {
	return check(m, p, opts, &simRun{})
}

func check(m *analysis.Module, p *analysis.Project, opts *Options, sim *simRun) ([]Diagnostic, Dependencies) {
	ctx := sim.Context
	if ctx == nil {
		ctx = context.Background()
	}
	if opts == nil {
		opts = DefaultOptions()
	}
	if len(opts.StrictLoopRules) > 0 && pylib.OnStrictLoop(m.ImportNames(), m.Name, m.File.Path) {
		opts = opts.with(opts.StrictLoopRules)
		opts.onStrictLoop = true
	}
	if (!opts.BlockingInTests || !opts.HintsInTests) && testModule(m, p) {
		o := opts
		opts = opts.without(func(r *Rule) bool {
			return r.QuietInTests && !o.BlockingInTests || r.QuietHintInTests && !o.HintsInTests
		})
	}
	if !opts.LocalIOInCommandLineTools && pylib.CommandLineModule(m.ImportNames(), m.File.Path) {
		opts = opts.without(func(r *Rule) bool { return r.QuietInCommandLineTools })
	}
	var diags []Diagnostic
	for _, e := range m.File.SyntaxErrors {
		end := int(e.End)
		if end <= int(e.Start) {
			end = int(e.Start)
		}
		diags = append(diags, Diagnostic{Path: m.File.Path, Code: SyntaxErrorCode, Severity: Error, Message: e.Message,
			StartByte: int(e.Start), EndByte: end, Start: m.File.Lines.Position(int(e.Start)), End: m.File.Lines.Position(end)})
	}
	var enabled []*Rule
	for _, r := range sorted {
		if opts.Enabled[r.Code] {
			enabled = append(enabled, r)
		}
	}
	// Each rule reports into a slice of its own; concatenated in registry
	// order they are what running the rules one after another reports, so
	// the result does not depend on how the rules were scheduled.
	found := make([][]Diagnostic, len(enabled))
	shared := &checkState{recorded: Dependencies{ValueQueries: map[string]bool{}, OverrideQueries: map[string]bool{}}, sim: sim}
	run := func(i int) {
		r := enabled[i]
		pass := &Pass{Rule: r, Module: m, File: m.File, Project: p, Options: opts, Context: ctx, diags: &found[i], shared: shared}
		r.Run(pass)
	}
	if workers := min(runtime.GOMAXPROCS(0), len(enabled)); workers < 2 {
		for i := range enabled {
			run(i)
		}
	} else {
		runParallel(enabled, workers, run)
	}
	used := map[int]map[string]bool{} // line -> noqa codes that silenced a finding
	var logical map[int]int           // line -> the noqa line of its logical line, as flake8 reads it
	if len(m.NoQA) > 0 {
		logical = m.NoQALogicalLines()
	}
	skipped := skippedRanges(m) // tests that never run: their findings are dropped (a noqa there still counts as used)
	for _, f := range found {
		for _, d := range f {
			line, codes, ok := noqaAt(m, logical, d.Start.Line)
			if !ok {
				if !inSkipped(skipped, d.StartByte) {
					diags = append(diags, d)
				}
				continue
			}
			match := noqaMatch(codes, d.Code)
			if match == "" {
				if !inSkipped(skipped, d.StartByte) {
					diags = append(diags, d)
				}
				continue
			}
			if used[line] == nil {
				used[line] = map[string]bool{}
			}
			used[line][match] = true
		}
	}
	if opts.Enabled[ASL100.Code] {
		// Simulations skipped (QuickRules, budget) may be what a noqa
		// silences: it is judged once they ran.
		diags = append(diags, checkUnusedNoqa(m, opts, used, sim.incomplete.Load())...)
	}
	sortDiagnostics(diags)
	return diags, shared.recorded
}

// sortDiagnostics orders findings by position, then code; findings of one
// rule at one position keep the order the rule reported them in.
func sortDiagnostics(diags []Diagnostic) {
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i], diags[j]
		if a.StartByte != b.StartByte {
			return a.StartByte < b.StartByte
		}
		return codeLess(a.Code, b.Code)
	})
}

// ruleCost is each rule's running time in its last parallel Check, so the
// slowest rules start first and the cheap ones fill the other cores.
var ruleCost sync.Map // code -> time.Duration

// runParallel calls run(i) for every rule on workers goroutines, the
// slowest rules (by ruleCost) first. A panic in a rule is re-raised on the
// caller's goroutine, as if the rules had run there.
func runParallel(enabled []*Rule, workers int, run func(int)) {
	cost := make([]time.Duration, len(enabled))
	order := make([]int, len(enabled))
	for i, r := range enabled {
		order[i] = i
		if c, ok := ruleCost.Load(r.Code); ok {
			cost[i] = c.(time.Duration)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return cost[order[a]] > cost[order[b]] })
	var next atomic.Int32
	type rulePanic struct{ value any }
	var panicked atomic.Pointer[rulePanic]
	var wg sync.WaitGroup
	work := func() {
		defer wg.Done()
		defer func() {
			if r := recover(); r != nil {
				panicked.CompareAndSwap(nil, &rulePanic{r})
			}
		}()
		for {
			k := int(next.Add(1)) - 1
			if k >= len(order) || panicked.Load() != nil {
				return
			}
			i := order[k]
			start := time.Now()
			run(i)
			ruleCost.Store(enabled[i].Code, time.Since(start))
		}
	}
	wg.Add(workers)
	for w := 1; w < workers; w++ {
		go work()
	}
	work()
	wg.Wait()
	if p := panicked.Load(); p != nil {
		panic(p.value)
	}
}

// platformReports reports whether a blocking call of family code, named
// name, is reported: always, unless the family's rule is on only because
// the module is a strict-loop platform's, which reports only some of its
// calls (ASYNC240 in Home Assistant: the directory listings).
func (o *Options) platformReports(code, name string) bool {
	return !o.addedByPlatform(code) || pylib.StrictLoopDetects(code, name)
}

// addedByPlatform reports a rule that is on only because the module is a
// strict-loop platform's (Rule.DefaultOnStrictLoop).
func (o *Options) addedByPlatform(code string) bool {
	return o != nil && o.onStrictLoop && slices.Contains(o.StrictLoopRules, code)
}

// with returns a copy of o with codes enabled too.
func (o *Options) with(codes []string) *Options {
	c := *o
	c.Enabled = make(map[string]bool, len(o.Enabled)+len(codes))
	for code, on := range o.Enabled {
		c.Enabled[code] = on
	}
	for _, code := range codes {
		c.Enabled[code] = true
	}
	return &c
}

// without returns a copy of o with the rules that quiet says are quiet in
// the module disabled (test modules, command-line tools; ASL100 then judges
// their noqa codes as it does those of a rule not selected).
func (o *Options) without(quiet func(*Rule) bool) *Options {
	c := *o
	c.Enabled = make(map[string]bool, len(o.Enabled))
	for code, on := range o.Enabled {
		if r := Lookup(code); on && (r == nil || !quiet(r)) {
			c.Enabled[code] = true
		}
	}
	return &c
}

// noqaAt returns the noqa directive that applies to 0-based line: the
// line's own, or that of the logical line it is part of (logical is
// m.NoQALogicalLines()), with the line it is on; ok is false when none does.
func noqaAt(m *analysis.Module, logical map[int]int, line int) (at int, codes []string, ok bool) {
	if codes, ok := m.NoQA[line]; ok {
		return line, codes, true
	}
	if l, in := logical[line]; in {
		return l, m.NoQA[l], true
	}
	return line, nil, false
}
