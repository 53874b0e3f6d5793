package rules_test

import (
	"strings"
	"testing"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// offByDefaultSource has one finding of each flake8-async code asyncls
// deliberately leaves off by default (their Notes say why), and a helper
// reaching an ASYNC240 call, which ASL201 follows only when ASYNC240 is on.
const offByDefaultSource = `import asyncio
import os

import httpx


async def fetch(client, url, timeout=10.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.1)


async def wrap_pipe(fd):
    return os.fdopen(fd, "rb", buffering=0)


async def remove_stale_socket(path):
    if os.path.exists(path):
        os.unlink(path)


def socket_in_use(path):
    return os.path.exists(path)


async def serve(path):
    if socket_in_use(path):
        return
    await asyncio.sleep(0)


async def version():
    return "1.0"
`

func codesFound(t *testing.T, cfg *config.Config) map[string]int {
	t.Helper()
	res := lint.Analyse([]lint.Source{{Path: "server.py", Src: []byte(offByDefaultSource)}}, cfg)
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	found := map[string]int{}
	for _, d := range res.Diagnostics {
		found[d.Code]++
	}
	return found
}

// TestDeliberatelyOffByDefault: ASYNC109, ASYNC124, ASYNC127, ASYNC231 and ASYNC240 are flake8-async codes
// that flake8-async reports by default; asyncls leaves them off (mostly noise
// on real code, see their Notes) and reports them, with the same meaning,
// once selected. ASL201 follows ASYNC240's calls through helpers only then.
func TestDeliberatelyOffByDefault(t *testing.T) {
	for _, code := range []string{"ASYNC109", "ASYNC124", "ASYNC127", "ASYNC231", "ASYNC240"} {
		r := rules.Lookup(code)
		if r == nil || r.Default {
			t.Fatalf("%s should be registered and off by default", code)
		}
		if !strings.Contains(r.Notes, "Off by default") {
			t.Errorf("%s's Notes should say why it is off by default", code)
		}
	}
	dir := t.TempDir()
	cfg := config.Default()
	cfg.Dir = dir
	if got := codesFound(t, cfg); got["ASYNC109"] != 0 || got["ASYNC124"] != 0 || got["ASYNC127"] != 0 || got["ASYNC231"] != 0 || got["ASYNC240"] != 0 || got["ASL201"] != 0 {
		t.Errorf("default configuration reported %v; want no ASYNC109, ASYNC124, ASYNC127, ASYNC231, ASYNC240 or ASL201", got)
	}
	cfg.ExtendSelect = []string{"ASYNC109", "ASYNC124", "ASYNC127", "ASYNC231", "ASYNC240"}
	// The helper's os.stat() is local file work, which ASL201 follows
	// outside Home Assistant integrations only when asked to.
	cfg.RuleSettings = map[string]any{"asl201-local-files": true}
	got := codesFound(t, cfg)
	if got["ASYNC109"] != 1 || got["ASYNC124"] != 1 || got["ASYNC127"] != 1 || got["ASYNC231"] != 1 || got["ASYNC240"] != 2 || got["ASL201"] != 1 {
		t.Errorf("with ASYNC109, ASYNC124, ASYNC127, ASYNC231 and ASYNC240 selected: %v; want ASYNC109 1, ASYNC124 1, ASYNC127 1, ASYNC231 1, ASYNC240 2, ASL201 1", got)
	}
}

// TestHelperRulesConsultOffByDefaultFamilies: what ASL201 and ASYNC124
// report depends on whether ASYNC231/ASYNC240 are enabled, so tests that run
// rules one at a time must enable those with them (rules.Consulted).
func TestHelperRulesConsultOffByDefaultFamilies(t *testing.T) {
	for _, code := range []string{"ASL201", "ASYNC124"} {
		got := strings.Join(rules.Consulted(code), " ")
		for _, family := range []string{"ASYNC231", "ASYNC240"} {
			if !strings.Contains(got, family) {
				t.Errorf("Consulted(%s) = %q, want it to include %s", code, got, family)
			}
		}
	}
}

// tlsSetupSource builds an SSL context and an httpx client in coroutines,
// directly and through a helper.
const tlsSetupSource = `import ssl

import httpx


def make_context(cafile):
    return ssl.create_default_context(cafile=cafile)


async def poll(url, cafile):
    ctx = make_context(cafile)
    async with httpx.AsyncClient(timeout=10.0) as client:
        return await client.get(url), ctx
`

// TestTLSSetupOffByDefault: ASL203 (TLS set-up reading certificate files)
// is off by default, and ASL201 follows its calls through helpers only
// when it is selected.
func TestTLSSetupOffByDefault(t *testing.T) {
	r := rules.Lookup("ASL203")
	if r == nil || r.Default || !strings.Contains(r.Notes, "Off by default") {
		t.Fatal("ASL203 should be registered, off by default, and say why in its Notes")
	}
	found := func(cfg *config.Config) map[string]int {
		res := lint.Analyse([]lint.Source{{Path: "poller.py", Src: []byte(tlsSetupSource)}}, cfg)
		if len(res.Errors) > 0 {
			t.Fatal(res.Errors)
		}
		got := map[string]int{}
		for _, d := range res.Diagnostics {
			got[d.Code]++
		}
		return got
	}
	cfg := config.Default()
	cfg.Dir = t.TempDir()
	if got := found(cfg); got["ASL203"] != 0 || got["ASL201"] != 0 {
		t.Errorf("default configuration reported %v; want no ASL203 or ASL201", got)
	}
	cfg.ExtendSelect = []string{"ASL203"}
	if got := found(cfg); got["ASL203"] != 1 || got["ASL201"] != 1 {
		t.Errorf("with ASL203 selected: %v; want ASL203 1 (the client), ASL201 1 (the helper)", got)
	}
}

// TestOnByDefaultOnStrictLoop: ASYNC240 and ASL203 are off by default, and
// on by default in Home Assistant integrations (pylib.OnStrictLoop), unless
// ignored or a select replaces the default set; the same module elsewhere
// stays quiet. Local-file chains through helpers follow the same platform
// rule (ASL201's asl201-local-files unset).
func TestOnByDefaultOnStrictLoop(t *testing.T) {
	const src = `import os

import httpx


def load(path):
    with open(path) as f:
        return f.read()


def ensure(folder):
    if not os.path.exists(folder):
        os.makedirs(folder)


async def setup(folder):
    ensure(folder)
    if not os.path.isdir(folder):
        return None
    names = os.listdir(folder)
    async with httpx.AsyncClient() as client:
        await client.get("https://example.org")
    return names, load(folder + "/config.json")
`
	found := func(path string, cfg *config.Config) map[string]int {
		t.Helper()
		res := lint.Analyse([]lint.Source{{Path: path, Src: []byte(src)}}, cfg)
		if len(res.Errors) > 0 {
			t.Fatal(res.Errors)
		}
		out := map[string]int{}
		for _, d := range res.Diagnostics {
			out[d.Code]++
		}
		return out
	}
	integration := "custom_components/garden/__init__.py"
	// Of ASYNC240's calls, only the directory listing (os.listdir) is one
	// Home Assistant's detector reports: not isdir, nor exists/makedirs in
	// the helper (no second ASL201).
	if got := found(integration, config.Default()); got["ASYNC240"] != 1 || got["ASL203"] != 1 || got["ASL201"] != 1 {
		t.Errorf("a Home Assistant integration, default rules: %v; want ASYNC240, ASL203 and ASL201 once each", got)
	}
	// Selected by the user, ASYNC240 reports every file-system call there.
	selectedByUser := config.Default()
	selectedByUser.ExtendSelect = []string{"ASYNC240"}
	if got := found(integration, selectedByUser); got["ASYNC240"] != 2 || got["ASL201"] != 2 {
		t.Errorf("a Home Assistant integration, extend-select = [ASYNC240]: %v; want ASYNC240 twice (isdir, listdir) and ASL201 twice (load, ensure)", got)
	}
	if got := found("app/setup.py", config.Default()); got["ASYNC240"] != 0 || got["ASL203"] != 0 || got["ASL201"] != 0 {
		t.Errorf("an application module, default rules: %v; want no ASYNC240, ASL203 or ASL201", got)
	}
	ignored := config.Default()
	ignored.Ignore = []string{"ASYNC240"}
	if got := found(integration, ignored); got["ASYNC240"] != 0 || got["ASL203"] != 1 {
		t.Errorf("ignore = [ASYNC240]: %v; want ASL203 only", got)
	}
	selected := config.Default()
	selected.Select = []string{"ASL1"}
	if got := found(integration, selected); got["ASYNC240"] != 0 || got["ASL203"] != 0 {
		t.Errorf("select = [ASL1]: %v; want neither", got)
	}
}
