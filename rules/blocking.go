package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// blockingCall describes a call that blocks the thread it runs on.
type blockingCall struct {
	Code string // the most specific rule code for it
	// Instead is what to do instead, shown in messages.
	Instead string
}

// blockingNamed returns the blocking family of a qualified callee name
// from the library table.
func blockingNamed(name string) (blockingCall, bool) {
	if name == "" {
		return blockingCall{}, false
	}
	api, ok := pylib.Lookup(name)
	if !ok || !api.Has(pylib.Blocking) {
		return blockingCall{}, false
	}
	return blockingCall{Code: api.Code, Instead: api.Instead}, true
}

// httpMethodStrings are first arguments that make x.request(...) / x.urlopen(...)
// likely an HTTP call (ASYNC211).
var httpMethodStrings = map[string]bool{"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "HEAD": true, "OPTIONS": true}

// classifyBlocking returns the blocking family of call c in module m.
func classifyBlocking(m *analysis.Module, c *analysis.Call, opts *Options) (blockingCall, bool) {
	return classifyBlockingIn(nil, m, c, opts)
}

// classifyBlockingIn is classifyBlocking that also follows names through the
// project's other modules (`from .clients import session; session.get(url)`).
func classifyBlockingIn(proj *analysis.Project, m *analysis.Module, c *analysis.Call, opts *Options) (blockingCall, bool) {
	if c.Usage == analysis.UsageAwaited {
		return blockingCall{}, false // an awaited call is an async API, whatever its name
	}
	name := c.Callee
	if name == "" && proj != nil && c.Via != "" {
		// A method of what another module's function returns.
		name = proj.ResolveVia(c.Via).Name
	}
	if _, ok := blockingNamed(name); !ok && proj != nil && name != "" {
		name = proj.Canonical(name)
	}
	if _, ok := blockingNamed(name); !ok {
		if n := unboundModuleCallee(m, c); n != "" {
			name = n
		}
	}
	if b, ok := blockingNamed(name); ok {
		if nonBlockingUse(m, c, name) || guardedAgainstBlocking(m, c, name) {
			return blockingCall{}, false
		}
		return b, true
	}
	if osSpawn[name] {
		// As flake8-async: without a mode, or with P_WAIT, the call waits for
		// the process (ASYNC221); any other mode only starts it (ASYNC220).
		mode := c.Positional(0)
		if kw := c.Keyword("mode", m.File); kw != nil {
			mode = kw
		}
		if mode != nil && !strings.HasSuffix(m.File.Text(mode), "P_WAIT") {
			return blockingCall{Code: "ASYNC220", Instead: "use `await asyncio.create_subprocess_exec(...)`"}, true
		}
		return blockingCall{Code: "ASYNC221", Instead: "use `await asyncio.create_subprocess_exec(...)` and await the process"}, true
	}
	if opts != nil {
		for _, entry := range opts.ExtraBlocking {
			if b, ok := matchConfigured(entry, name); ok {
				return b, true
			}
		}
	}
	// ASYNC211: in a module that uses urllib3, an unknown object's
	// .request("GET", ...) / .urlopen("GET", ...) looks like a urllib3 pool;
	// the signature is all there is to go on (flake8-async's condition).
	if name == "" && importsUrllib3(m) {
		if meth := c.Method(m.File); meth == "request" || meth == "urlopen" {
			if first := c.Positional(0); first != nil && first.Type == "string" {
				if httpMethodStrings[strings.ToUpper(strings.Trim(m.File.Text(first), `"'`))] {
					return blockingCall{Code: "ASYNC211", Instead: poolAlt}, true
				}
			}
		}
	}
	return blockingCall{}, false
}

const poolAlt = "use an async HTTP client (httpx2.AsyncClient, aiohttp) or `await asyncio.to_thread(...)`"

// importsUrllib3 reports whether the module imports urllib3 or a part of it.
func importsUrllib3(m *analysis.Module) bool {
	for _, imp := range m.Imports {
		if imp.Qualified == "urllib3" || strings.HasPrefix(imp.Qualified, "urllib3.") {
			return true
		}
	}
	return false
}

// IsBlocking reports whether c blocks its thread (any ASYNC2xx family).
func IsBlocking(m *analysis.Module, c *analysis.Call, opts *Options) bool {
	_, ok := classifyBlocking(m, c, opts)
	return ok
}

// BlockingCode returns the rule code for a blocking call, or "".
func BlockingCode(m *analysis.Module, c *analysis.Call, opts *Options) string {
	b, _ := classifyBlocking(m, c, opts)
	return b.Code
}

// runBlocking is the shared Run of the ASYNC2xx rules: each reports the calls
// of its own family made directly in an async function.
func runBlocking(p *Pass) {
	for _, c := range p.Module.Calls {
		if !c.InAsync() {
			continue
		}
		b, ok := p.blockingOf(p.Module, c)
		if !ok || b.Code != p.Rule.Code {
			continue
		}
		var fix *Fix
		if b.Code == "ASYNC251" {
			fix = sleepFix(p, c)
		} else {
			fix = toThreadFix(p, c)
		}
		p.Report(c.Node, withDelay(p, blockingMessage(p, c, b), int(c.Node.Start)), WithFix(fix))
	}
}

func blockingMessage(p *Pass, c *analysis.Call, b blockingCall) string {
	return displayName(p.Module, c) + " blocks the event loop in async function `" + c.Func.Name + "`; " + b.Instead
}

// displayName is how a call is shown in messages: its source text, with the
// qualified name it resolves to when that says more ("`rq.post()` (requests.post)").
func displayName(m *analysis.Module, c *analysis.Call) string {
	text := m.File.Text(c.Node.ChildByField("function"))
	out := "`" + text + "()`"
	if c.Callee != "" && !strings.HasSuffix(c.Callee, text) {
		out += " (" + c.Callee + ")"
	}
	return out
}

// osSpawn are the os.spawn* functions (their mode says whether they wait).
var osSpawn = map[string]bool{"os.spawnl": true, "os.spawnle": true, "os.spawnlp": true, "os.spawnlpe": true,
	"os.spawnv": true, "os.spawnve": true, "os.spawnvp": true, "os.spawnvpe": true}

// unboundModuleCallee reads `subprocess.run(...)` whose root name is bound
// nowhere in the file (no import, no assignment, not a builtin) as a call of
// that module, as flake8-async does: the import is elsewhere (a star import,
// an exec'd prelude, a snippet) and the name can only mean the module.
func unboundModuleCallee(m *analysis.Module, c *analysis.Call) string {
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type != "attribute" {
		return ""
	}
	root := fn
	for root.Type == "attribute" {
		root = root.ChildByField("object")
	}
	if root == nil || root.Type != "identifier" {
		return ""
	}
	name := m.File.Text(root)
	if !m.IsBuiltin(root, name) || pythonBuiltins[name] {
		return ""
	}
	for _, imp := range m.Imports {
		if imp.Name == "*" {
			return "" // a star import may bind it to anything
		}
	}
	text := m.File.Text(fn)
	if strings.ContainsAny(text, " \t\n()[]") {
		return ""
	}
	return text
}

// pythonBuiltins are builtin names that are not modules (a root that is
// one of these is never read as a module).
var pythonBuiltins = map[string]bool{"open": true, "print": true, "input": true, "str": true, "bytes": true, "int": true,
	"list": true, "dict": true, "set": true, "tuple": true, "object": true, "type": true, "super": true, "self": true, "cls": true}
