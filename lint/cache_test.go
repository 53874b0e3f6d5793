package lint

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/internal/filetree"
)

// cacheProject writes files into a fresh directory and returns it.
func cacheProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		writeText(t, filepath.Join(dir, name), text)
	}
	return dir
}

func writeText(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// cachedRun checks dir with the cache in cacheDir and compares the findings
// with an uncached run; it returns what the cache did.
func cachedRun(t *testing.T, dir, cacheDir string, cfg *config.Config) CacheStats {
	t.Helper()
	t.Setenv("ASYNCLS_CACHE_DIR", cacheDir)
	res := Check(Request{Paths: []string{dir}, Configs: NewConfigs(cfg, nil), CacheVersion: "test"})
	for _, w := range res.Warnings {
		t.Fatalf("warning: %v", w)
	}
	want := Check(Request{Paths: []string{dir}, Configs: NewConfigs(cfg, nil)})
	if got, wantText := render(res), render(want); !reflect.DeepEqual(got, wantText) {
		t.Fatalf("cached run found\n%v\nan uncached run\n%v", got, wantText)
	}
	return res.Cache
}

func render(res *Result) []string {
	var out []string
	for _, d := range res.Diagnostics {
		out = append(out, fmt.Sprintf("%s:%d:%d %s %s", filepath.Base(d.Path), d.Start.Line, d.Start.Col, d.Code, d.Message))
	}
	for _, e := range res.Errors {
		out = append(out, "error "+e.Error())
	}
	return out
}

func TestCacheReusesAndRechecksDependents(t *testing.T) {
	dir := cacheProject(t, map[string]string{
		"helpers.py": "def load():\n    return 1\n",
		"app.py":     "from helpers import load\n\n\nasync def handler():\n    load()\n    await handler()\n",
		"other.py":   "import time\n\n\nasync def tick():\n    time.sleep(1)\n",
		"idle.py":    "async def idle():\n    return 1\n",
	})
	cacheDir := filepath.Join(t.TempDir(), "cache")
	// ASYNC124 (off by default) answers a project-wide question below.
	cfg, err := config.Default().Apply(config.Overrides{ExtendSelect: []string{"ASYNC124"}})
	if err != nil {
		t.Fatal(err)
	}
	if s := cachedRun(t, dir, cacheDir, cfg); s.Checked != 4 || s.Parsed != 4 {
		t.Fatalf("cold run: %+v, want every file parsed and checked", s)
	}
	if _, err := os.Stat(filepath.Join(cacheDir, ".gitignore")); err != nil {
		t.Fatalf("the cache directory has no .gitignore: %v", err)
	}
	if s := cachedRun(t, dir, cacheDir, cfg); s.Checked != 0 || s.Parsed != 0 {
		t.Fatalf("unchanged run: %+v, want nothing parsed or checked", s)
	}
	// helpers.py now blocks: app.py (which imports it) gets ASL201; other.py
	// and idle.py are not checked again.
	writeText(t, filepath.Join(dir, "helpers.py"), "import time\n\n\ndef load():\n    time.sleep(1)\n")
	if s := cachedRun(t, dir, cacheDir, cfg); s.Checked != 2 {
		t.Fatalf("after editing helpers.py: %+v, want helpers.py and app.py checked", s)
	}
	// A module that imports nothing starts using idle as a value: idle.py's
	// ASYNC124 depends on that project-wide answer and is checked again.
	writeText(t, filepath.Join(dir, "register.py"), "from somewhere import register\nregister(idle)\n")
	if s := cachedRun(t, dir, cacheDir, cfg); s.Checked != 2 {
		t.Fatalf("after adding register.py: %+v, want register.py and idle.py checked", s)
	}
	// Another configuration has entries of its own.
	sel, err := cfg.Apply(config.Overrides{Ignore: []string{"ASYNC251"}})
	if err != nil {
		t.Fatal(err)
	}
	if s := cachedRun(t, dir, cacheDir, sel); s.Checked != 5 {
		t.Fatalf("another configuration: %+v, want every file checked", s)
	}
}

func TestCacheIgnoresCorruptAndStaleEntries(t *testing.T) {
	dir := cacheProject(t, map[string]string{
		"a.py": "import time\n\n\nasync def f():\n    time.sleep(1)\n",
		"b.py": "async def g():\n    return 1\n",
	})
	cacheDir := filepath.Join(t.TempDir(), "cache")
	cfg := config.Default()
	cachedRun(t, dir, cacheDir, cfg)
	cacheFiles, _ := filepath.Glob(filepath.Join(cacheDir, "check-*.gob"))
	if len(cacheFiles) != 1 {
		t.Fatalf("cache files %v, want one", cacheFiles)
	}
	data, err := os.ReadFile(cacheFiles[0])
	if err != nil {
		t.Fatal(err)
	}
	for name, corrupt := range map[string][]byte{
		"truncated": data[:len(data)/2],
		"garbage":   []byte("not a cache file at all"),
		"flipped":   flipBytes(data),
		"one byte":  flipLast(data),
		"empty":     nil,
	} {
		if err := os.WriteFile(cacheFiles[0], corrupt, 0o644); err != nil {
			t.Fatal(err)
		}
		if s := cachedRun(t, dir, cacheDir, cfg); s.Checked != 2 {
			t.Errorf("%s cache file: %+v, want both files checked again", name, s)
		}
	}
	// A file whose content changed is never answered from its old entry,
	// even with the same size and modification time.
	info, _ := os.Stat(filepath.Join(dir, "a.py"))
	writeText(t, filepath.Join(dir, "a.py"), "import time\n\n\nasync def f():\n    time.sleep(2)\n")
	os.Chtimes(filepath.Join(dir, "a.py"), info.ModTime(), info.ModTime())
	if s := cachedRun(t, dir, cacheDir, cfg); s.Checked != 1 {
		t.Fatalf("after editing a.py: %+v, want a.py checked", s)
	}
}

// flipLast damages the last byte: a gob stream that may still decode.
func flipLast(data []byte) []byte {
	out := append([]byte(nil), data...)
	out[len(out)-1] ^= 1
	return out
}

func flipBytes(data []byte) []byte {
	out := append([]byte(nil), data...)
	for i := len(out) / 3; i < len(out); i += 7 {
		out[i] ^= 0x5a
	}
	return out
}

func TestCleanRefusesOtherDirectories(t *testing.T) {
	dir := t.TempDir()
	writeText(t, filepath.Join(dir, "keep.txt"), "mine")
	if err := Clean(dir); err == nil {
		t.Fatal("Clean removed a directory asyncls did not create")
	}
	if _, err := os.Stat(filepath.Join(dir, "keep.txt")); err != nil {
		t.Fatal("Clean removed a file it refused to remove")
	}
	cacheDir := filepath.Join(t.TempDir(), "cache")
	project := cacheProject(t, map[string]string{"a.py": "x = 1\n"})
	cachedRun(t, project, cacheDir, config.Default())
	if err := Clean(cacheDir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(cacheDir); !os.IsNotExist(err) {
		t.Fatalf("the cache is still there: %v", err)
	}
	if err := Clean(cacheDir); err != nil {
		t.Fatalf("cleaning a missing cache: %v", err)
	}
}

// TestCacheFollowsThreadHandOffs: ASL106's findings in a module depend on a
// hand-off to a thread in a module that it does not import; editing the
// module in between changes them, and the cache must see it.
func TestCacheFollowsThreadHandOffs(t *testing.T) {
	dir := cacheProject(t, map[string]string{
		"start.py":  "import threading\nfrom worker import work\n\n\ndef go(loop):\n    threading.Thread(target=work, args=(loop,)).start()\n",
		"worker.py": "from helper import poke\n\n\ndef work(loop):\n    poke(loop)\n",
		"helper.py": "def poke(loop):\n    loop.call_soon(print)\n",
		"quiet.py":  "def other(loop):\n    loop.call_soon(print)\n",
	})
	cacheDir := filepath.Join(t.TempDir(), "cache")
	cfg := config.Default()
	cachedRun(t, dir, cacheDir, cfg)
	res := Check(Request{Paths: []string{filepath.Join(dir, "helper.py")}, Configs: NewConfigs(cfg, nil)})
	if len(res.Diagnostics) == 0 || res.Diagnostics[0].Code != "ASL106" {
		t.Fatalf("the project has no ASL106 to follow: %v", render(res))
	}
	writeText(t, filepath.Join(dir, "worker.py"), "def work(loop):\n    return loop\n")
	if s := cachedRun(t, dir, cacheDir, cfg); s.Checked != 4 {
		t.Fatalf("after editing worker.py: %+v, want worker.py, start.py (imports it) and the modules using thread functions (helper.py, quiet.py) checked", s)
	}
}

// TestCachePrune: what this build can never use is removed from the cache
// directory, within bounds that keep what a concurrent run or another build
// used recently; nothing else there is touched.
func TestCachePrune(t *testing.T) {
	dir := t.TempDir()
	c := OpenCache(dir, "test", "/project")
	now := time.Now()
	other := "check-" + buildTag("another version") + "-"
	this := "check-" + buildTag("test") + "-"
	files := map[string]time.Duration{ // name -> age
		".gitignore":                         400 * 24 * time.Hour,
		"notes.txt":                          400 * 24 * time.Hour,
		filepath.Base(c.file):                400 * 24 * time.Hour, // this run's own file
		".check-1.tmp":                       2 * time.Hour,        // a run died while writing
		".check-2.tmp":                       time.Minute,          // a run writing now
		other + "old.gob":                    25 * time.Hour,       // another build, unused for a day
		"check-0123456789abcdef01234567.gob": 25 * time.Hour,       // a name from before build tags
		this + "gone.gob":                    31 * 24 * time.Hour,  // another project, unused for a month
		this + "recent.gob":                  24 * time.Hour,       // another project, used yesterday
	}
	// Ten other builds used in the last hours: the eight most recent stay.
	for i := 0; i < 10; i++ {
		files[fmt.Sprintf("%s%02d.gob", other, i)] = time.Duration(i+1) * time.Minute
	}
	for name, age := range files {
		p := filepath.Join(dir, name)
		writeText(t, p, "x")
		if err := os.Chtimes(p, now.Add(-age), now.Add(-age)); err != nil {
			t.Fatal(err)
		}
	}
	c.prune(now)
	var kept []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		kept = append(kept, e.Name())
	}
	want := []string{".check-2.tmp", ".gitignore", filepath.Base(c.file), "notes.txt", this + "recent.gob"}
	for i := 0; i < otherBuildsKept; i++ {
		want = append(want, fmt.Sprintf("%s%02d.gob", other, i))
	}
	sort.Strings(want)
	if !reflect.DeepEqual(kept, want) {
		t.Errorf("kept\n%v\nwant\n%v", kept, want)
	}
}

// TestCacheRunPrunes: a run that writes the cache prunes it.
func TestCacheRunPrunes(t *testing.T) {
	dir := cacheProject(t, map[string]string{"app.py": "async def f():\n    return 1\n"})
	cacheDir := filepath.Join(t.TempDir(), "cache")
	stale := filepath.Join(cacheDir, "check-"+buildTag("an older asyncls")+"-0123.gob")
	writeText(t, stale, "x")
	old := time.Now().Add(-2 * otherBuildsUnused)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	cachedRun(t, dir, cacheDir, config.Default())
	if _, err := os.Stat(stale); err == nil {
		t.Error("a run left another build's cache file unused for two days")
	}
	if files, _ := filepath.Glob(filepath.Join(cacheDir, "check-"+buildTag("test")+"-*.gob")); len(files) != 1 {
		t.Errorf("the run's own cache file: %v", files)
	}
}

// TestCacheKeysOnSimulatorAndRuleSettings: the findings of ASL401 and
// ASL402 depend on the simulator's settings (rules.Options.Simulator, not
// in the options' JSON) and a rule's findings on its settings: changing
// either checks every file again.
func TestCacheKeysOnSimulatorAndRuleSettings(t *testing.T) {
	dir := cacheProject(t, map[string]string{
		"a.py": "import asyncio\n\n\nasync def f(x):\n    await x.get()\n    await x.put()\n",
		"b.py": "async def g():\n    return 1\n",
	})
	cacheDir := filepath.Join(t.TempDir(), "cache")
	cfg := config.Default()
	cachedRun(t, dir, cacheDir, cfg)
	if s := cachedRun(t, dir, cacheDir, cfg); s.Checked != 0 {
		t.Fatalf("unchanged run: %+v, want nothing checked", s)
	}
	for _, setting := range []string{`latency."a.b" = "5ms"`, "executor-workers = 3", "asl401-min-saving-ms = 70"} {
		changed, err := cfg.Override(setting)
		if err != nil {
			t.Fatal(err)
		}
		if s := cachedRun(t, dir, cacheDir, changed); s.Checked != 2 {
			t.Errorf("after %s: %+v, want every file checked", setting, s)
		}
	}
}

// eachTestProject runs test in a subtest for every multi-file test project
// (testdata/rules/CODE/dir), each copied by copyTestProject.
func eachTestProject(t *testing.T, test func(t *testing.T, root string)) {
	projects, _ := filepath.Glob("../testdata/rules/*/*")
	for _, src := range projects {
		if info, err := os.Stat(src); err != nil || !info.IsDir() {
			continue
		}
		t.Run(filepath.Base(filepath.Dir(src))+"/"+filepath.Base(src), func(t *testing.T) {
			test(t, copyTestProject(t, src))
		})
	}
}

// copyTestProject copies the test project src (testdata/rules/CODE/dir)
// into a fresh directory with a pyproject.toml at its root, and returns it.
func copyTestProject(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	err := filetree.Copy(src, dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dst, "pyproject.toml")); os.IsNotExist(err) {
		writeText(t, filepath.Join(dst, "pyproject.toml"), "[project]\nname = \"x\"\n")
	}
	return dst
}

func selectAll(c *config.Config) (*config.Config, error) {
	return c.Apply(config.Overrides{Select: []string{"ALL"}})
}

// checkByFile is `asyncls check --select ALL PATHS` (with the cache in
// cacheDir, or without one when cacheDir is ""), its findings by file.
func checkByFile(t *testing.T, cacheDir string, paths ...string) (map[string][]string, CacheStats) {
	t.Helper()
	req := Request{Paths: paths, Configs: NewConfigs(nil, selectAll)}
	if cacheDir != "" {
		t.Setenv("ASYNCLS_CACHE_DIR", cacheDir)
		req.CacheVersion = "test"
	}
	res := Check(req)
	if len(res.Errors)+len(res.Warnings) > 0 {
		t.Fatalf("%v: %v %v", paths, res.Errors, res.Warnings)
	}
	out := map[string][]string{}
	for _, d := range res.Diagnostics {
		out[d.Path] = append(out[d.Path], fmt.Sprintf("%d:%d %s %s", d.Start.Line, d.Start.Col, d.Code, d.Message))
	}
	return out, res.Cache
}

// TestCacheOneAnswerForNamedFiles: for every file of every multi-file test
// project, `check FILE` with an empty cache, and again with the cache that
// run left, reports what an uncached `check .` reports for the file (a
// subclass or a use of a name in a module the file does not import
// changes its findings: ASL102/override_elsewhere, ASYNC124/value_elsewhere).
func TestCacheOneAnswerForNamedFiles(t *testing.T) {
	compared := 0
	eachTestProject(t, func(t *testing.T, root string) {
		whole, _ := checkByFile(t, "", root)
		files, _ := WalkFiles(root, func(string) *config.Config { return config.Default() }, 0)
		for _, f := range files {
			want := strings.Join(whole[f], "\n")
			cacheDir := filepath.Join(t.TempDir(), "cache")
			for _, run := range []string{"empty cache", "warm cache"} {
				got, _ := checkByFile(t, cacheDir, f)
				if g := strings.Join(got[f], "\n"); g != want {
					t.Errorf("check %s (%s):\n%s\ncheck of the project reports for it:\n%s", filepath.Base(f), run, g, want)
				}
				compared += len(got[f])
			}
		}
	})
	if compared == 0 {
		t.Fatal("no findings compared")
	}
}

// TestCacheFollowsSubclassesAndValueUses: a file's findings depend on
// modules it does not import (a subclass overriding an async method with a
// sync one, a module handing a function to a router); editing those
// modules checks the file again, and its findings are those of an uncached
// check.
func TestCacheFollowsSubclassesAndValueUses(t *testing.T) {
	for _, tc := range []struct {
		project, file, edited, text string
	}{
		// Local no longer overrides _close with a sync def: close()'s call
		// of self._close() is reported now.
		{"ASL102/override_elsewhere", "base.py", "local.py", "from base import Command\n\n\nclass Local(Command):\n    async def _close(self):\n        pass\n"},
		// Through the alias: Deep's sync _flush is gone.
		{"ASL102/override_elsewhere", "base.py", "deep.py", "from alias import Cmd\n\n\nclass Deep(Cmd):\n    pass\n"},
		// A new module overrides _open with a sync def: quiet now.
		{"ASL102/override_elsewhere", "base.py", "extra.py", "from base import Command\n\n\nclass Extra(Command):\n    _open = None\n"},
		// bot.py no longer hands on_ping to the router: on_ping could be a
		// plain def.
		{"ASYNC124/value_elsewhere", "handlers.py", "bot.py", "class Bot:\n    def setup(self):\n        pass\n"},
		// bot.py no longer schedules run_nightly (re-exported by the
		// package) but reads run_hourly through the module: each flips.
		{"ASYNC124/value_elsewhere", "jobs/nightly.py", "bot.py", "from jobs import nightly\n\nprint(nightly.run_hourly)\n"},
		// app.py no longer awaits Client.sync_forever: the method is only ever
		// a task's entry point now, and its swallowed cancellation unobserved.
		{"ASYNC103/task_entry_methods", "server/protocol.py", "app.py", "import asyncio\n\n\ndef start(client):\n    return asyncio.ensure_future(client.sync_forever())\n"},
		// client.py no longer starts the mixin's _update_loop as a task
		// (updates.py imports nothing of client.py): its swallow is reported.
		// bot.py's bot no longer makes a connection pool: ctx.bot.db is
		// not one, and its calls are not reported.
		{"ASL102/running_bot_subclass_attrs", "checks.py", "bot.py", "from discord.ext import commands\n\n\nclass MyBot(commands.Bot):\n    def setup(self):\n        self.db = None\n"},
		// A module neither imports defines a second bot: ctx.bot is no
		// longer the one subclass's, so ctx.bot.db is unknown.
		{"ASL102/running_bot_subclass_attrs", "checks.py", "other.py", "from discord.ext import commands\n\n\nclass Other(commands.Bot):\n    pass\n"},
		// A module neither imports binds `_connector`: the receiver is
		// no longer a library's internals, and its private coroutine
		// method call is reported.
		{"ASL102/private_methods_elsewhere", "library_internals.py", "extra.py", "class Extra:\n    def __init__(self, c):\n        self._connector = c\n"},
		// consumer.py no longer passes the handler a nats client: the
		// handler's self.nc.publish(...) is of unknown type again.
		{"ASL102/params_typed_by_other_modules_calls", "app/handler.py", "app/consumer.py", "from app.handler import DgHandler\n\n\nclass NatsDgConsumer:\n    def __init__(self, nc):\n        self.dg_handler = DgHandler(nc)\n"},
		// main.py passes notify() a synchronous bus instead.
		{"ASL102/params_typed_by_other_modules_calls", "app/funcs.py", "app/main.py", "from app.bus import LocalBus\nfrom app.funcs import forward, notify, relay\n\n\ndef start():\n    notify(LocalBus(), \"a\")\n"},
		// untyped.py now passes forward() a nats client too: every call
		// agrees, and forward's publish is reported.
		{"ASL102/params_typed_by_other_modules_calls", "app/funcs.py", "app/untyped.py", "from nats.aio.client import Client\n\nfrom app.funcs import forward\n\n\ndef run(thing: Client):\n    forward(thing, \"x\")\n"},
		// A new module calls notify() with a value of unknown type.
		{"ASL102/params_typed_by_other_modules_calls", "app/funcs.py", "app/extra.py", "from app.funcs import notify\n\n\ndef go(x):\n    notify(x, \"z\")\n"},
		// The protocol base, two modules away from server.py through a
		// re-export, is no longer asyncio's: data_received is a plain method.
		{"ASL201/loop_callbacks_project", "app/server.py", "app/proto/base.py", "class LineProtocol:\n    pass\n"},
		// The callback main.py hands to the loop, defined in jobs.py, no
		// longer blocks.
		{"ASL201/loop_callbacks_project", "app/main.py", "app/jobs.py", "def refresh_token():\n    return 1\n\n\ndef heartbeat():\n    pass\n\n\nclass Uploader:\n    def flush(self):\n        pass\n"},
		{"ASYNC103/task_entry_mixins", "pkg/updates.py", "pkg/client.py", "import asyncio\n\nfrom .updates import UpdateMethods\n\n\nclass Client(UpdateMethods):\n    def connect(self):\n        self.t = asyncio.create_task(self._keepalive_loop())\n"},
	} {
		t.Run(tc.project+" "+tc.edited, func(t *testing.T) {
			root := copyTestProject(t, filepath.Join("..", "testdata", "rules", filepath.FromSlash(tc.project)))
			file := filepath.Join(root, tc.file)
			cacheDir := filepath.Join(t.TempDir(), "cache")
			checkByFile(t, cacheDir, root)
			before, _ := checkByFile(t, cacheDir, file)
			writeText(t, filepath.Join(root, tc.edited), tc.text)
			after, stats := checkByFile(t, cacheDir, file)
			want, _ := checkByFile(t, "", root)
			if !reflect.DeepEqual(after[file], want[file]) {
				t.Fatalf("after editing %s, the cached check of %s reports\n%s\nan uncached check\n%s", tc.edited, tc.file,
					strings.Join(after[file], "\n"), strings.Join(want[file], "\n"))
			}
			if reflect.DeepEqual(before[file], after[file]) {
				t.Fatalf("editing %s did not change the findings of %s: the test edits nothing that matters", tc.edited, tc.file)
			}
			if stats.Checked != 1 {
				t.Fatalf("after editing %s: %+v, want %s checked again", tc.edited, stats, tc.file)
			}
			// And `check .` from the same cache agrees too.
			all, _ := checkByFile(t, cacheDir, root)
			if !reflect.DeepEqual(all, want) {
				t.Fatalf("cached check of the project after editing %s:\n%v\nuncached:\n%v", tc.edited, all, want)
			}
		})
	}
}

// TestCacheCreditsReusedOverrideAnswers: two modules call the same
// coroutine factory, whose answer the project memoises while checking the
// first; the second's findings depend on the same subclasses, and a
// subclass added in a module neither imports checks both again.
func TestCacheCreditsReusedOverrideAnswers(t *testing.T) {
	caller := "from repo import repo\n\n\nasync def show(key):\n    repo.fetch(key)\n"
	dir := cacheProject(t, map[string]string{
		"pyproject.toml": "[project]\nname = \"x\"\n",
		"repo.py":        "class Repo:\n    async def _fetch(self, key):\n        return key\n\n    def fetch(self, key):\n        return self._fetch(key)\n\n\nrepo = Repo()\n",
		"a.py":           caller,
		"b.py":           caller,
		"sub.py":         "x = 1\n",
	})
	cacheDir := filepath.Join(t.TempDir(), "cache")
	before, _ := checkByFile(t, cacheDir, dir)
	for _, f := range []string{"a.py", "b.py"} {
		if got := before[filepath.Join(dir, f)]; !strings.Contains(strings.Join(got, "\n"), "ASL102") {
			t.Fatalf("%s: %v, want ASL102 (the test depends on it)", f, got)
		}
	}
	writeText(t, filepath.Join(dir, "sub.py"), "from repo import Repo\n\n\nclass Sync(Repo):\n    def _fetch(self, key):\n        return key\n")
	after, stats := checkByFile(t, cacheDir, dir)
	want, _ := checkByFile(t, "", dir)
	if !reflect.DeepEqual(after, want) {
		t.Fatalf("after adding a sync override, the cached check reports\n%v\nan uncached one\n%v", after, want)
	}
	if stats.Checked != 4 {
		t.Fatalf("after editing sub.py: %+v, want every module checked (sub.py; a.py, b.py and repo.py asked about _fetch)", stats)
	}
}

// TestCacheKeepsEntriesOfFilesNotNamed: after `check .`, `check FILE` of
// any file is answered from the cache (what it depends on is digested the
// same whatever order the run read the project's files in), and so is
// `check .` after it (the entries of the files read for context are kept).
func TestCacheKeepsEntriesOfFilesNotNamed(t *testing.T) {
	files := map[string]string{"pyproject.toml": "[project]\nname = \"x\"\n"}
	// Imports in cycles, each module importing two others.
	for i := 0; i < 6; i++ {
		files[fmt.Sprintf("m%d.py", i)] = fmt.Sprintf("import time\nimport threading\nfrom m%d import f%d\nfrom m%d import f%d\n\n\ndef f%d(loop):\n    threading.Thread(target=f%d).start()\n    time.sleep(1)\n\n\nasync def g%d():\n    f%d(None)\n",
			(i+1)%6, (i+1)%6, (i+3)%6, (i+3)%6, i, (i+1)%6, i, (i+3)%6)
	}
	dir := cacheProject(t, files)
	cacheDir := filepath.Join(t.TempDir(), "cache")
	want, _ := checkByFile(t, "", dir)
	checkByFile(t, cacheDir, dir)
	for _, name := range []string{"m5.py", "m3.py", "m0.py", "."} {
		f := filepath.Join(dir, name)
		got, stats := checkByFile(t, cacheDir, f)
		if stats.Checked != 0 || stats.Parsed != 0 {
			t.Errorf("check %s after checks of the project and of other files: %+v, want nothing parsed or checked", name, stats)
		}
		if name == "." {
			if !reflect.DeepEqual(got, want) {
				t.Errorf("check .: %v, want %v", got, want)
			}
		} else if len(want[f]) == 0 || !reflect.DeepEqual(got[f], want[f]) {
			t.Errorf("check %s: %v, want %v (not empty)", name, got[f], want[f])
		}
	}
}

// TestCacheFollowsCopiesOfPackages: a second copy of a package appearing
// renames the later copy's modules and changes what their absolute imports
// mean; cached findings follow (cachedRun compares with an uncached run).
func TestCacheFollowsCopiesOfPackages(t *testing.T) {
	blocking := "import time\n\n\ndef load():\n    time.sleep(1)\n"
	harmless := "def load():\n    return 1\n"
	dir := cacheProject(t, map[string]string{
		"pyproject.toml":        "[project]\nname = \"x\"\n",
		"b/pkg/__init__.py":     "",
		"b/pkg/app.py":          "from helpers.io import load\n\n\nasync def handler():\n    load()\n",
		"b/helpers/__init__.py": "",
		"b/helpers/io.py":       blocking,
	})
	cacheDir := filepath.Join(t.TempDir(), "cache")
	cfg := config.Default()
	asl201 := func() int {
		n := 0
		for _, d := range Check(Request{Paths: []string{dir}, Configs: NewConfigs(cfg, nil)}).Diagnostics {
			if d.Code == "ASL201" && filepath.Base(d.Path) == "app.py" {
				n++
			}
		}
		return n
	}
	cachedRun(t, dir, cacheDir, cfg)
	if asl201() != 1 {
		t.Fatal("b/pkg/app.py: no ASL201 through b/helpers")
	}
	// a/helpers comes first by path: b/pkg/app.py still imports b's own.
	writeText(t, filepath.Join(dir, "a/helpers/__init__.py"), "")
	writeText(t, filepath.Join(dir, "a/helpers/io.py"), harmless)
	if s := cachedRun(t, dir, cacheDir, cfg); s.Checked == 0 {
		t.Fatalf("after adding a/helpers: %+v, want b's modules checked again", s)
	}
	if asl201() != 1 {
		t.Fatal("b/pkg/app.py: ASL201 lost when another copy of helpers appeared")
	}
	// Only b's own copy changes, and stops blocking: app.py's entry must
	// depend on b's copy, not on a's (what its imports meant before).
	writeText(t, filepath.Join(dir, "b/helpers/io.py"), harmless)
	cachedRun(t, dir, cacheDir, cfg)
	if asl201() != 0 {
		t.Fatal("b/pkg/app.py: ASL201 after b's helpers stopped blocking")
	}
	// a's copy blocks: still nothing in b.
	writeText(t, filepath.Join(dir, "a/helpers/io.py"), blocking)
	cachedRun(t, dir, cacheDir, cfg)
	if asl201() != 0 {
		t.Fatal("b/pkg/app.py: ASL201 through a's copy of helpers")
	}
}

// TestCacheFollowsANearerCopy: a copy of a package appearing nearer to a
// module than the one its imports meant changes only what they mean (not
// its name, nor the modules it imported): its entry must not be reused.
func TestCacheFollowsANearerCopy(t *testing.T) {
	dir := cacheProject(t, map[string]string{
		"pyproject.toml":          "[project]\nname = \"x\"\n",
		"a/helpers/__init__.py":   "",
		"a/helpers/io.py":         "def load():\n    return 1\n",
		"b/tests/test_handler.py": "from helpers.io import load\n\n\nasync def test_handler():\n    load()\n",
	})
	cacheDir := filepath.Join(t.TempDir(), "cache")
	cfg := config.Default()
	checkTests := true // the module that imports the copies is a test module
	cfg.BlockingInTests = &checkTests
	cachedRun(t, dir, cacheDir, cfg)
	writeText(t, filepath.Join(dir, "b/helpers/__init__.py"), "")
	writeText(t, filepath.Join(dir, "b/helpers/io.py"), "import time\n\n\ndef load():\n    time.sleep(1)\n")
	cachedRun(t, dir, cacheDir, cfg)
	found := false
	for _, d := range Check(Request{Paths: []string{dir}, Configs: NewConfigs(cfg, nil)}).Diagnostics {
		found = found || d.Code == "ASL201" && filepath.Base(d.Path) == "test_handler.py"
	}
	if !found {
		t.Fatal("b/tests/test_handler.py: no ASL201 through b's own helpers")
	}
}

// TestCacheSubclassQuestionOnlyForAskers: a module that uses ctx.bot
// depends on every module (the bot subclass may be defined anywhere), so
// editing the bot's module checks it again; a module whose text (and what
// it imports) names no running-instance attribute does not depend on it.
func TestCacheSubclassQuestionOnlyForAskers(t *testing.T) {
	dir := cacheProject(t, map[string]string{
		"pyproject.toml": "[project]\nname = \"x\"\n",
		"bot.py":         "import asyncpg\nfrom discord.ext import commands\n\n\nclass MyBot(commands.Bot):\n    async def setup_hook(self):\n        self.db = await asyncpg.create_pool(dsn=\"x\")\n",
		"checks.py":      "from discord.ext.commands import Context\n\n\nasync def record(ctx: Context):\n    ctx.bot.db.execute(\"SELECT 1\")\n",
		"other.py":       "import asyncio\n\n\nasync def tick():\n    asyncio.sleep(1)\n",
	})
	cacheDir := filepath.Join(t.TempDir(), "cache")
	before, _ := checkByFile(t, cacheDir, dir)
	if got := before[filepath.Join(dir, "checks.py")]; !strings.Contains(strings.Join(got, "\n"), "ASL102") {
		t.Fatalf("checks.py: %v, want ASL102 (the test depends on it)", got)
	}
	writeText(t, filepath.Join(dir, "bot.py"), "from discord.ext import commands\n\n\nclass MyBot(commands.Bot):\n    def setup(self):\n        self.db = None\n")
	after, stats := checkByFile(t, cacheDir, dir)
	want, _ := checkByFile(t, "", dir)
	if !reflect.DeepEqual(after, want) {
		t.Fatalf("after editing bot.py, the cached check reports\n%v\nan uncached one\n%v", after, want)
	}
	if stats.Checked != 2 {
		t.Fatalf("after editing bot.py: %+v, want bot.py and checks.py checked (other.py names no bot or client)", stats)
	}
}

// The dependency declarations are part of what a cached finding depends on:
// editing requirements.txt (discord.py 1.x, where load_extension is a plain
// method, to 2.x, where it is a coroutine) must not leave the old answer.
func TestCacheFollowsDependencyDeclarations(t *testing.T) {
	dir := cacheProject(t, map[string]string{
		".git/HEAD":        "ref: refs/heads/main\n",
		"requirements.txt": "discord.py==1.7.3\n",
		"bot.py": "import asyncio\n\nfrom discord.ext import commands\n\nbot = commands.Bot(command_prefix='!')\n\n\n" +
			"async def reload(name):\n    bot.reload_extension(name)\n    await asyncio.sleep(0)\n",
	})
	cacheDir := filepath.Join(t.TempDir(), "cache")
	cfg := config.Default()
	t.Setenv("ASYNCLS_CACHE_DIR", cacheDir)
	codes := func() []string {
		var out []string
		for _, d := range Check(Request{Paths: []string{dir}, Configs: NewConfigs(cfg, nil), CacheVersion: "test"}).Diagnostics {
			out = append(out, d.Code)
		}
		return out
	}
	if got := codes(); len(got) != 0 {
		t.Fatalf("discord.py 1.7.3 declared: %v, want no finding", got)
	}
	cachedRun(t, dir, cacheDir, cfg)
	writeText(t, filepath.Join(dir, "requirements.txt"), "discord.py>=2.0\n")
	if s := cachedRun(t, dir, cacheDir, cfg); s.Checked != 1 {
		t.Fatalf("after editing requirements.txt: %+v, want bot.py checked again", s)
	}
	if got := codes(); !reflect.DeepEqual(got, []string{"ASL102"}) {
		t.Fatalf("discord.py 2 declared: %v, want ASL102", got)
	}
}

// TestCacheFollowsAsyncOverridesOfPlainMethods: ASL110 reports `await` on a
// plain method's call unless a subclass anywhere overrides the method with
// an async def; a subclass added in a module the caller does not import
// makes a cached run check the caller again (quiet), and removing it
// makes the finding come back.
func TestCacheFollowsAsyncOverridesOfPlainMethods(t *testing.T) {
	dir := cacheProject(t, map[string]string{
		"pyproject.toml": "[project]\nname = \"x\"\n",
		"core.py":        "class Core:\n    def list_images(self):\n        return []\n\n\ncore = Core()\n",
		"app.py":         "from core import core\n\n\nasync def images():\n    return await core.list_images()\n",
		"other.py":       "x = 1\n",
		"more.py":        "y = 2\n",
	})
	cacheDir := filepath.Join(t.TempDir(), "cache")
	app := filepath.Join(dir, "app.py")
	reports := func(got map[string][]string) bool {
		return strings.Contains(strings.Join(got[app], "\n"), "ASL110")
	}
	before, _ := checkByFile(t, cacheDir, dir)
	if !reports(before) {
		t.Fatalf("first run: %v, want ASL110 in app.py", before)
	}
	steps := []struct {
		text   string
		report bool
	}{
		{"from core import Core\n\n\nclass Remote(Core):\n    async def list_images(self):\n        return []\n", false},
		{"x = 1\n", true},
		{"from core import Core\n\n\nclass Remote(Core):\n    def __init__(self):\n        self.list_images = None\n", false},
		{"from core import Core\n\n\nclass Remote(Core):\n    def list_images(self):\n        return [1]\n", true},
		// A module that rebinds the name on an object, or patches it.
		{"import core\n\n\nasync def alist(self):\n    return []\n\n\ndef install():\n    core.Core.list_images = alist\n", false},
		{"x = 1\n", true},
		{"from core import Core\n\n\ndef test(monkeypatch):\n    monkeypatch.setattr(Core, \"list_images\", None)\n", false},
		{"def test(job):\n    job.list_images = \"none\"\n", true},
		// A subclass listing a mixin before Core takes the mixin's
		// list_images (its MRO); the mixin in a third module.
		{"from core import Core\n\n\nclass AsyncList:\n    async def list_images(self):\n        return []\n\n\nclass Impl(AsyncList, Core):\n    pass\n", false},
		{"from core import Core\n\n\nclass AsyncList:\n    async def list_images(self):\n        return []\n\n\nclass Impl(Core, AsyncList):\n    pass\n", true},
		{"from core import Core\nfrom more import AsyncList\n\n\nclass Impl(AsyncList, Core):\n    pass\n", false}, // an unknown base
		{"more.py\x00class AsyncList:\n    async def list_images(self):\n        return []\n", false},
		{"more.py\x00class AsyncList:\n    def list_images(self):\n        return [2]\n", true},
	}
	for _, step := range steps {
		file := "other.py"
		if name, text, ok := strings.Cut(step.text, "\x00"); ok {
			file, step.text = name, text
		}
		writeText(t, filepath.Join(dir, file), step.text)
		after, stats := checkByFile(t, cacheDir, dir)
		want, _ := checkByFile(t, "", dir)
		if !reflect.DeepEqual(after, want) {
			t.Fatalf("other.py = %q: the cached check reports\n%v\nan uncached one\n%v", step.text, after, want)
		}
		if reports(after) != step.report {
			t.Fatalf("other.py = %q: %v (%+v), want ASL110 in app.py: %v", step.text, after, stats, step.report)
		}
		if stats.Checked >= 5 {
			t.Fatalf("other.py = %q: %+v, want the run to check again only what depends on it", step.text, stats)
		}
		one, _ := checkByFile(t, cacheDir, app)
		if !reflect.DeepEqual(one[app], want[app]) {
			t.Fatalf("other.py = %q: check app.py reports %v, check . %v", step.text, one[app], want[app])
		}
	}
}

// TestCacheFollowsCallersAnywhere: a parameter typed by the project's
// callers (analysis.CallerQuery) must be typed again, in a cached run, after
// any edit of a caller: one importing the function through a package that
// re-exports it (no direct import of the function's module), one moved to
// a new file, deleted, passing *args, or no longer calling the function.
// Each cached run equals an uncached one, and `check FILE` agrees.
func TestCacheFollowsCallersAnywhere(t *testing.T) {
	handler := "class Handler:\n    def __init__(self, nc):\n        self.nc = nc\n\n    def handle(self):\n        self.nc.publish(\"s\", b\"\")\n"
	funcs := "def forward(client, subject):\n    client.publish(subject, b\"\")\n"
	consumer := "from nats.aio.client import Client\n\nfrom app.api import Handler, forward\n\n\ndef make(nc: Client, n: int):\n    Handler(nc).handle()\n    forward(nc, \"s\")\n"
	dir := cacheProject(t, map[string]string{
		"pyproject.toml":  "[project]\nname = \"x\"\n",
		"pkg/__init__.py": "",
		"app/api.py":      "from pkg.handler import Handler\nfrom pkg.funcs import forward\n",
		"pkg/handler.py":  handler,
		"pkg/funcs.py":    funcs,
		"app/__init__.py": "",
		"app/consumer.py": consumer,
		"app/other.py":    "x = 1\n",
	})
	cacheDir := filepath.Join(t.TempDir(), "cache")
	handlerPath := filepath.Join(dir, "pkg", "handler.py")
	funcsPath := filepath.Join(dir, "pkg", "funcs.py")
	count := func(got map[string][]string) int {
		return strings.Count(strings.Join(got[handlerPath], "\n")+strings.Join(got[funcsPath], "\n"), "ASL102")
	}
	first, _ := checkByFile(t, cacheDir, dir)
	if count(first) != 2 {
		t.Fatalf("first run: %v, want ASL102 in pkg/handler.py and pkg/funcs.py", first)
	}
	// The same names, the annotations swapped: only the type passed changes.
	intConsumer := strings.Replace(consumer, "nc: Client, n: int", "nc: int, n: Client", 1)
	steps := []struct {
		what   string
		edit   func()
		report int
	}{
		{"the caller passes an int", func() { writeText(t, filepath.Join(dir, "app", "consumer.py"), intConsumer) }, 0},
		{"the caller passes a nats client again", func() { writeText(t, filepath.Join(dir, "app", "consumer.py"), consumer) }, 2},
		{"the caller moves to a new file", func() {
			if err := os.Remove(filepath.Join(dir, "app", "consumer.py")); err != nil {
				t.Fatal(err)
			}
			writeText(t, filepath.Join(dir, "app", "moved.py"), consumer)
		}, 2},
		{"a second caller passes an int", func() { writeText(t, filepath.Join(dir, "app", "other.py"), intConsumer) }, 0},
		{"the second caller is deleted", func() {
			if err := os.Remove(filepath.Join(dir, "app", "other.py")); err != nil {
				t.Fatal(err)
			}
		}, 2},
		{"the caller passes *args", func() {
			writeText(t, filepath.Join(dir, "app", "moved.py"), strings.NewReplacer("Handler(nc)", "Handler(*nc)", "forward(nc, \"s\")", "forward(*nc)").Replace(consumer))
		}, 0},
		{"the caller passes a nats client again", func() { writeText(t, filepath.Join(dir, "app", "moved.py"), consumer) }, 2},
		{"the caller's functions are renamed", func() {
			writeText(t, filepath.Join(dir, "app", "moved.py"), strings.NewReplacer("Handler", "Handler2", "forward", "forward2").Replace(consumer))
			writeText(t, filepath.Join(dir, "app", "api.py"), "from pkg.handler import Handler as Handler2\nfrom pkg.funcs import forward as forward2\n")
		}, 0},
	}
	for _, step := range steps {
		step.edit()
		after, stats := checkByFile(t, cacheDir, dir)
		want, _ := checkByFile(t, "", dir)
		if !reflect.DeepEqual(after, want) {
			t.Fatalf("%s: the cached check (%+v) reports\n%v\nan uncached one\n%v", step.what, stats, after, want)
		}
		if count(want) != step.report {
			t.Fatalf("%s: %v, want %d ASL102", step.what, want, step.report)
		}
		for _, p := range []string{handlerPath, funcsPath} {
			one, _ := checkByFile(t, cacheDir, p)
			if !reflect.DeepEqual(one[p], want[p]) {
				t.Fatalf("%s: check %s reports %v, check . %v", step.what, p, one[p], want[p])
			}
		}
	}
}

// TestCallerDigestCoversEveryTransitiveImporter: the callers' digest of a
// module (one Merkle pass over the importers graph) changes with an edit of
// the module, of any module importing it directly or not (through a chain
// and a cycle), and with a module starting to import it; not with an edit
// of a module that does not.
func TestCallerDigestCoversEveryTransitiveImporter(t *testing.T) {
	imports := map[string][]string{
		"a": nil,
		"b": {"a"},
		"c": {"b"},
		"d": {"c", "e"}, // d and e import each other
		"e": {"d"},
		"f": {"e"},
		"x": {"y"},
		"y": nil,
	}
	names := []string{"a", "b", "c", "d", "e", "f", "x", "y"}
	digest := func(edit string, extra map[string][]string) [32]byte {
		var present []*cacheSource
		for _, n := range names {
			text := n
			if n == edit {
				text += " edited"
			}
			imp := append(append([]string(nil), imports[n]...), extra[n]...)
			present = append(present, &cacheSource{path: "/p/" + n + ".py", name: n, content: sha256.Sum256([]byte(text)),
				summary: moduleSummary{Imports: imp}})
		}
		return newCacheGraph(present).callerDigest([]string{"/p/a.py"})
	}
	base := digest("", nil)
	if digest("", nil) != base {
		t.Fatal("the digest differs between two identical graphs")
	}
	for _, n := range []string{"a", "b", "c", "d", "e", "f"} {
		if digest(n, nil) == base {
			t.Errorf("an edit of %s (a itself or an importer of a) leaves the callers' digest of a unchanged", n)
		}
	}
	for _, n := range []string{"x", "y"} {
		if digest(n, nil) != base {
			t.Errorf("an edit of %s (no importer of a) changes the callers' digest of a", n)
		}
	}
	if digest("", map[string][]string{"x": {"a"}}) == base {
		t.Error("x importing a leaves the callers' digest of a unchanged")
	}
}

// TestCacheFollowsModulesAnImportOfItsOwnNameMeans: a module that imports
// a name from itself (`from waste_pickup import SourceShell` in
// waste_pickup.py) means the one other module named *.waste_pickup (a
// sys.path entry provides it: analysis.Project's shadowedBy), which no
// import names. Its findings follow that module's edits, a second such
// module (which makes the name ambiguous) and its removal: cold, warm and
// for the file named alone, as the plain order (every module built, then
// checked) reports.
func TestCacheFollowsModulesAnImportOfItsOwnNameMeans(t *testing.T) {
	setup := "from waste_pickup import SourceShell\n\n\n" +
		"async def async_setup(config):\n    for name in config:\n        SourceShell.create(name)\n"
	shell := func(body string) string {
		return "import time\n\n\nclass SourceShell:\n    @staticmethod\n    def create(name):\n        " + body + "\n        return name\n"
	}
	blocking, plain := shell("time.sleep(1)"), shell("print(name)")
	dir := cacheProject(t, map[string]string{
		"pyproject.toml":         "[project]\nname = \"x\"\n",
		"waste_pickup.py":        setup,
		"lib/__init__.py":        "",
		"lib/waste_pickup.py":    plain,
		"other/__init__.py":      "",
		"other/idle.py":          "async def idle():\n    return 1\n",
		"other/unrelated_mod.py": "x = 1\n",
	})
	cacheDir := filepath.Join(t.TempDir(), "cache")
	setupPath := filepath.Join(dir, "waste_pickup.py")
	count := func(got map[string][]string) int { return strings.Count(strings.Join(got[setupPath], "\n"), "ASL201") }
	plainOrder := func() map[string][]string {
		defer streamChecks.Store(true)
		streamChecks.Store(false)
		got, _ := checkByFile(t, "", dir)
		return got
	}
	if first, _ := checkByFile(t, cacheDir, dir); count(first) != 0 {
		t.Fatalf("first run: %v, want no ASL201 (create does not block)", first)
	}
	steps := []struct {
		what   string
		edit   func()
		report int
	}{
		{"lib/waste_pickup.py blocks", func() { writeText(t, filepath.Join(dir, "lib", "waste_pickup.py"), blocking) }, 1},
		{"a second module of the name", func() { writeText(t, filepath.Join(dir, "other", "waste_pickup.py"), plain) }, 0},
		{"the second module is removed", func() {
			if err := os.Remove(filepath.Join(dir, "other", "waste_pickup.py")); err != nil {
				t.Fatal(err)
			}
		}, 1},
		{"lib/waste_pickup.py no longer blocks", func() { writeText(t, filepath.Join(dir, "lib", "waste_pickup.py"), plain) }, 0},
	}
	for _, step := range steps {
		step.edit()
		want := plainOrder()
		if count(want) != step.report {
			t.Fatalf("%s: the plain order reports %v, want %d ASL201", step.what, want, step.report)
		}
		cold, _ := checkByFile(t, "", dir)
		if !reflect.DeepEqual(cold, want) {
			t.Fatalf("%s: an uncached (streamed) check reports\n%v\nthe plain order\n%v", step.what, cold, want)
		}
		warm, stats := checkByFile(t, cacheDir, dir)
		if !reflect.DeepEqual(warm, want) {
			t.Fatalf("%s: the cached check (%+v) reports\n%v\nan uncached one\n%v", step.what, stats, warm, want)
		}
		for _, cache := range []string{"", cacheDir} {
			one, _ := checkByFile(t, cache, setupPath)
			if !reflect.DeepEqual(one[setupPath], want[setupPath]) {
				t.Fatalf("%s: check waste_pickup.py (cache %q) reports %v, check . %v", step.what, cache, one[setupPath], want[setupPath])
			}
		}
	}
}

// TestCacheFollowsMixinHosts: a pure mixin's `self.NAME` is its one host's
// def (analysis/mixin_hosts.go), an answer that depends on a module the
// mixin's module does not import. The cached check, `check .` and `check
// FILE` of the mixin's module agree after each edit of the host's module:
// the host's method turning sync, turning async again, a second host
// appearing (no answer), and it going away.
func TestCacheFollowsMixinHosts(t *testing.T) {
	mixin := "class RetrievalMixin:\n    async def handle(self):\n        self._refresh()\n"
	host := "from pkg.mixin import RetrievalMixin\n\n\nclass Handler(RetrievalMixin):\n    async def _refresh(self):\n        return 1\n"
	dir := cacheProject(t, map[string]string{
		"pyproject.toml":  "[project]\nname = \"x\"\n",
		"pkg/__init__.py": "",
		"pkg/mixin.py":    mixin,
		"pkg/host.py":     host,
		"pkg/other.py":    "x = 1\n",
	})
	cacheDir := filepath.Join(t.TempDir(), "cache")
	mixinPath := filepath.Join(dir, "pkg", "mixin.py")
	count := func(got map[string][]string) int {
		return strings.Count(strings.Join(got[mixinPath], "\n"), "ASL102")
	}
	first, _ := checkByFile(t, cacheDir, dir)
	if count(first) != 1 {
		t.Fatalf("first run: %v, want ASL102 in pkg/mixin.py", first)
	}
	second := "from pkg.mixin import RetrievalMixin\n\n\nclass Other(RetrievalMixin):\n    async def _refresh(self):\n        return 2\n"
	steps := []cacheStep{
		{"the host's method turns sync", func() {
			writeText(t, filepath.Join(dir, "pkg", "host.py"), strings.Replace(host, "async def _refresh", "def _refresh", 1))
		}, 0},
		{"the host's method is async again", func() { writeText(t, filepath.Join(dir, "pkg", "host.py"), host) }, 1},
		{"a second host appears", func() { writeText(t, filepath.Join(dir, "pkg", "other.py"), second) }, 0},
		{"the second host goes away", func() { writeText(t, filepath.Join(dir, "pkg", "other.py"), "x = 1\n") }, 1},
	}
	followCacheSteps(t, cacheDir, dir, mixinPath, "ASL102", steps)
}

// ASL202's in-memory sqlite exemption asks whether a subclass in another
// module gives the attribute its own value (analysis.Project.SubclassDefines);
// the cached check and a check of the base's module alone must follow a
// subclass that appears, changes or goes away.
func TestCacheFollowsSubclassesOfInMemoryStores(t *testing.T) {
	base := "import sqlite3\n\n\nclass Store:\n    path = \":memory:\"\n\n    async def rows(self):\n        return sqlite3.connect(self.path).execute(\"SELECT 1\").fetchall()\n"
	sub := "from pkg.store import Store\n\n\nclass FileStore(Store):\n    path = \"store.db\"\n"
	dir := cacheProject(t, map[string]string{
		"pyproject.toml":  "[project]\nname = \"x\"\n",
		"pkg/__init__.py": "",
		"pkg/store.py":    base,
		"pkg/other.py":    "x = 1\n",
	})
	cacheDir := filepath.Join(t.TempDir(), "cache")
	basePath := filepath.Join(dir, "pkg", "store.py")
	count := func(got map[string][]string) int {
		return strings.Count(strings.Join(got[basePath], "\n"), "ASL202")
	}
	first, _ := checkByFile(t, cacheDir, dir)
	if count(first) != 0 {
		t.Fatalf("first run: %v, want no ASL202 in pkg/store.py", first)
	}
	steps := []cacheStep{
		{"a file-backed subclass appears", func() { writeText(t, filepath.Join(dir, "pkg", "other.py"), sub) }, 1},
		{"the subclass leaves the path alone", func() {
			writeText(t, filepath.Join(dir, "pkg", "other.py"), strings.Replace(sub, "path = \"store.db\"", "label = \"x\"", 1))
		}, 0},
		{"the subclass sets the path again", func() { writeText(t, filepath.Join(dir, "pkg", "other.py"), sub) }, 1},
		{"the subclass goes away", func() { writeText(t, filepath.Join(dir, "pkg", "other.py"), "x = 1\n") }, 0},
	}
	followCacheSteps(t, cacheDir, dir, basePath, "ASL202", steps)
}

// cacheStep is one edit of a project and how many findings of the code the
// watched file has after it.
type cacheStep struct {
	what   string
	edit   func()
	report int
}

// followCacheSteps makes each edit and checks that the cached check, an
// uncached `check .` and `check FILE` of the watched file agree, and that
// the file has the step's number of findings of code.
func followCacheSteps(t *testing.T, cacheDir, dir, path, code string, steps []cacheStep) {
	t.Helper()
	count := func(got map[string][]string) int {
		return strings.Count(strings.Join(got[path], "\n"), code)
	}
	for _, step := range steps {
		step.edit()
		after, stats := checkByFile(t, cacheDir, dir)
		want, _ := checkByFile(t, "", dir)
		if !reflect.DeepEqual(after, want) {
			t.Fatalf("%s: the cached check (%+v) reports\n%v\nan uncached one\n%v", step.what, stats, after, want)
		}
		if count(want) != step.report {
			t.Fatalf("%s: %v, want %d %s", step.what, want, step.report, code)
		}
		one, _ := checkByFile(t, cacheDir, path)
		if !reflect.DeepEqual(one[path], want[path]) {
			t.Fatalf("%s: check %s reports %v, check . %v", step.what, path, one[path], want[path])
		}
	}
}
