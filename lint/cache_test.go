package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/asyncls/asyncls/config"
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
	cfg := config.Default()
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
