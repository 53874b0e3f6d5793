package rules

import "strings"

// ASYNC200 reports calls the user configured as blocking.
var ASYNC200 = register(&Rule{
	Code:    "ASYNC200",
	Name:    "blocking-configured-call",
	Summary: "Call configured as blocking (`blocking-calls` in [tool.asyncls]) in an async function",
	Rationale: "Every code base has its own slow synchronous APIs: an in-house database layer, a vendored SDK, a " +
		"legacy RPC client. List them in `blocking-calls` and asyncls reports them in coroutines, like the built-in " +
		"blocking calls, and follows them through synchronous helpers (ASL201).",
	Bad: `# pyproject.toml: [tool.asyncls] blocking-calls = ["legacy.db.query"]
from legacy import db

async def handler(uid):
    return db.query("SELECT ...", uid)`,
	Good: `import asyncio
from legacy import db

async def handler(uid):
    return await asyncio.to_thread(db.query, "SELECT ...", uid)`,
	Severity:     Warning,
	Default:      true,
	QuietInTests: true,
	Fix:          toThreadFixDoc,
	Notes: "Does nothing until configured, as in flake8-async. Entries are qualified names as asyncls resolves them " +
		"(`pkg.mod.func`, `pkg.mod.Class.method`); a trailing `.*` matches everything under a prefix, and a `*` " +
		"component elsewhere one name component (`*.close`, `*.*.*`), as in flake8-async; a leading `*` also matches a " +
		"call on a receiver of unknown type as written (`conn.close()`). A call whose name is bound " +
		"nowhere in the file (`bar()`, `bee.bonnet()` with no import) is matched as written, as flake8-async matches " +
		"every call; one whose value is awaited through a conditional expression (`await (bar() if c else foo())`) is an async API and is not reported " +
		"(flake8-async reports it, a false alarm its own tests name). flake8-async's " +
		"form `name -> suggestion` is accepted too: the suggestion is shown in the message. A name that belongs to a " +
		"built-in family (e.g. `requests.get`) is reported under that family's code.",
	Requires: []Fact{blockingCalls, blockingDelays},
	Run:      runBlockingConfiguredCall,
})

// splitBlockingEntry splits a `blocking-calls` entry ("pkg.fetch -> pkg.afetch")
// into the name pattern and the suggested replacement ("" when none).
func splitBlockingEntry(entry string) (pattern, suggestion string) {
	pattern = entry
	if i := strings.Index(entry, "->"); i >= 0 {
		pattern, suggestion = entry[:i], strings.TrimSpace(entry[i+2:])
	}
	return strings.TrimSpace(pattern), suggestion
}

// matchConfigured matches one `blocking-calls` entry against a callee name.
func matchConfigured(entry, name string) (blockingCall, bool) {
	if name == "" {
		return blockingCall{}, false
	}
	pattern, suggestion := splitBlockingEntry(entry)
	ok := name == pattern || (strings.HasSuffix(pattern, ".*") && strings.HasPrefix(name, strings.TrimSuffix(pattern, "*"))) ||
		componentsMatch(pattern, name)
	if !ok {
		return blockingCall{}, false
	}
	instead := "run it with `await asyncio.to_thread(...)`"
	if suggestion != "" {
		instead = "use `" + suggestion + "` instead"
	}
	return blockingCall{Code: "ASYNC200", Instead: instead}, true
}

// componentsMatch matches a dotted pattern whose `*` components each stand
// for one name component, as flake8-async's `*.close` and `*.*.*` do.
func componentsMatch(pattern, name string) bool {
	if !strings.Contains(pattern, "*") {
		return false
	}
	want, got := strings.Split(pattern, "."), strings.Split(name, ".")
	if len(want) != len(got) {
		return false
	}
	for i, w := range want {
		if w != "*" && w != got[i] {
			return false
		}
	}
	return true
}

// runBlockingConfiguredCall reports the calls of this family made directly
// in a coroutine: the names configured as blocking (matchConfigured, below)
// that no built-in family claims, as the blockingCalls fact classifies them.
func runBlockingConfiguredCall(p *Pass) {
	reportDirectBlocking(p, "ASYNC200")
}
