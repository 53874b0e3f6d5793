package rules

import (
	"fmt"
	"path"
	"strings"

	"github.com/asyncls/asyncls/analysis"
)

// ASYNC910 reports async functions that can return without a checkpoint.
var ASYNC910 = register(&Rule{
	Code:    "ASYNC910",
	Name:    "async-function-no-checkpoint",
	Summary: "Exit from an async function with no guaranteed checkpoint since the function started",
	Rationale: "Callers of an async function expect it to be a point where the task can be cancelled and other tasks " +
		"can run. A path through it that never awaits delays cancellation and starves other tasks, and makes reasoning " +
		"about cancellation (ASYNC911, timeouts) harder.",
	Bad: `async def get(cache, key):
    if key in cache:
        return cache[key]
    return await load(key)`,
	Good: `import asyncio

async def get(cache, key):
    if key in cache:
        await asyncio.sleep(0)
        return cache[key]
    return await load(key)`,
	Severity: Info,
	Default:  false,
	Notes: "Off by default, as in flake8-async: asyncio does not promise that `await` suspends, so this is a policy " +
		"for code bases that want trio-like guarantees. Raising is an acceptable exit. Functions whose body is only " +
		"`pass`/`...`/a docstring, `@overload`, `@abstractmethod`, `@asynccontextmanager` and pytest fixtures are skipped; " +
		"async generators are ASYNC911's. As in flake8-async: an `await` in a nested def's parameter defaults or " +
		"decorators runs in the enclosing function; `with contextlib.suppress(...)` may end its body before the " +
		"checkpoint in it; a `while` on a literal other than True (`while \"x\":`) runs its body at least once; " +
		"a comprehension's later loops and first condition run surely when every loop before them is over a " +
		"non-empty literal; after `a and b`, b may not have run; a `case` guard runs after its pattern matches and " +
		"before its body, and a false guard falls through to the next case, so `case _ if await ready():` checkpoints every path past the match. Differences: the suppressing context managers are " +
		"resolved through imports and aliases (`quiet = contextlib.suppress`, which flake8-async does not follow), " +
		"but a module-level name bound twice (imported, later `= None`) is not followed. flake8-async's options " +
		"`--no-checkpoint-warning-decorator` and `--exception-suppress-context-managers` are this rule's settings " +
		"`no-checkpoint-warning-decorators` and `exception-suppress-context-managers` (they apply to ASYNC911 too): " +
		"patterns matched against a decorator's or a `with` item's dotted name, as written or resolved, where `*` " +
		"stands for any characters (`*.route`, `mylib.*`).",
	Settings: &CheckpointSettings{NoCheckpointWarningDecorators: []string{}, ExceptionSuppressContextManagers: []string{}},
	Run:      runNoCheckpoint910,
})

// CheckpointSettings are ASYNC910's settings, read by ASYNC911 too.
type CheckpointSettings struct {
	NoCheckpointWarningDecorators    []string `toml:"no-checkpoint-warning-decorators" doc:"Decorators whose functions need no checkpoint (ASYNC910, ASYNC911; flake8-async's --no-checkpoint-warning-decorator), as patterns: \"app.route\", \"*.route\"."`
	ExceptionSuppressContextManagers []string `toml:"exception-suppress-context-managers" doc:"Context managers that may swallow an exception of their body, besides contextlib.suppress (ASYNC910, ASYNC911; flake8-async's option of the same name), as patterns: \"mysuppress\", \"*.ignore_errors\"."`
}

// Validate refuses empty patterns.
func (s *CheckpointSettings) Validate() error {
	for _, setting := range []struct {
		key  string
		list []string
	}{{"no-checkpoint-warning-decorators", s.NoCheckpointWarningDecorators},
		{"exception-suppress-context-managers", s.ExceptionSuppressContextManagers}} {
		for _, pat := range setting.list {
			if _, err := path.Match(pat, ""); err != nil || strings.TrimSpace(pat) == "" {
				return fmt.Errorf("%s: %q is not a name pattern", setting.key, pat)
			}
		}
	}
	return nil
}

// checkpointSettings returns ASYNC910's configured settings (ASYNC911
// reads them too), or none.
func checkpointSettings(p *Pass) *CheckpointSettings {
	if s, ok := p.Options.Settings["ASYNC910"].(*CheckpointSettings); ok {
		return s
	}
	return &CheckpointSettings{}
}

// matchesNamePattern reports whether a dotted name matches one of
// patterns (`*` standing for any characters).
func matchesNamePattern(name string, patterns []string) bool {
	for _, pat := range patterns {
		if ok, _ := path.Match(pat, name); ok {
			return true
		}
	}
	return false
}

// decoratedWithPattern reports a decorator of f whose name, as resolved or
// as written, matches one of patterns.
func decoratedWithPattern(m *analysis.Module, f *analysis.Function, patterns []string) bool {
	if len(patterns) == 0 {
		return false
	}
	for i, e := range f.DecoratorCallees() {
		if matchesNamePattern(m.File.Text(e), patterns) {
			return true
		}
		if names := decoratorNames(m, f); i < len(names) && matchesNamePattern(names[i], patterns) {
			return true
		}
	}
	return false
}

func runNoCheckpoint910(p *Pass) {
	settings := checkpointSettings(p)
	for _, f := range p.Module.Functions {
		if f.Generator || checkpointExempt(p.Module, f) || decoratedWithPattern(p.Module, f, settings.NoCheckpointWarningDecorators) {
			continue
		}
		line := p.File.Lines.Position(int(f.Node.Start)).Line + 1
		fl := &cpFlow{m: p.Module, suppressors: settings.ExceptionSuppressContextManagers, report: func(n *analysis.Node) {
			p.Report(n, fmt.Sprintf("return from async function `%s` with no guaranteed checkpoint since its definition on line %d; "+
				"await something on this path (e.g. `await asyncio.sleep(0)`) or make the function sync", f.Name, line))
		}}
		if out, reach := fl.block(statements(f.Node.ChildByField("body")), false); reach && !out {
			p.Report(f.Node.ChildByField("name"), fmt.Sprintf("async function `%s` can finish with no guaranteed checkpoint; "+
				"await something on every path (e.g. `await asyncio.sleep(0)`) or make it sync", f.Name))
		}
	}
}
