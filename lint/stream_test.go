package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/rules"
)

// TestStreamedChecksMatchPlain: a streamed check (the project built and
// checked in parts, stream.go) reports what the plain order (every module
// built, then every module checked) reports, on every multi-file test
// project, with the default number of batches and with one batch per
// component (where most questions cross batches).
func TestStreamedChecksMatchPlain(t *testing.T) {
	defer streamChecks.Store(true)
	defer func(n int) { streamBatches = n }(streamBatches)
	compared := 0
	eachTestProject(t, func(t *testing.T, root string) {
		streamChecks.Store(false)
		plain, _ := checkByFile(t, "", root)
		streamChecks.Store(true)
		for _, batches := range []int{8, 1 << 30} {
			streamBatches = batches
			streamed, _ := checkByFile(t, "", root)
			for path, want := range plain {
				if got := strings.Join(streamed[path], "\n"); got != strings.Join(want, "\n") {
					t.Errorf("%d batches, %s:\n%s\nplain order:\n%s", batches, path, got, strings.Join(want, "\n"))
				}
				compared += len(want)
			}
			for path := range streamed {
				if _, ok := plain[path]; !ok {
					t.Errorf("%d batches: findings in %s, none in the plain order", batches, path)
				}
			}
		}
	})
	if compared == 0 {
		t.Fatal("no findings compared")
	}
}

// TestCachedStreamedRuns: a cached run with an empty cache checks the
// project streamed (analyseUnitCachedStreamed), writing each entry as its
// part is done; on every multi-file test project, with the default number
// of batches and with one batch per component, it reports what an
// uncached run reports, and so does the re-run it leaves, which checks
// nothing; `check .` after `check FILE` (every other target's entry is a
// summary: most of the project is parsed, so every target is checked,
// streamed) reports the same findings.
func TestCachedStreamedRuns(t *testing.T) {
	defer func(n int) { streamBatches = n }(streamBatches)
	compared := 0
	eachTestProject(t, func(t *testing.T, root string) {
		want, _ := checkByFile(t, "", root)
		var one string
		for path := range want {
			one = path
			break
		}
		for _, batches := range []int{8, 1 << 30} {
			streamBatches = batches
			cacheDir := t.TempDir()
			runs := []struct {
				what  string
				paths []string
			}{{"cold", []string{root}}, {"warm", []string{root}}}
			if one != "" {
				runs = append(runs, struct {
					what  string
					paths []string
				}{"one file, then the project", []string{one}}, struct {
					what  string
					paths []string
				}{"the project after one file", []string{root}})
			}
			for k, run := range runs {
				if k == 2 {
					cacheDir = t.TempDir()
				}
				got, stats := checkByFile(t, cacheDir, run.paths...)
				if run.what == "warm" && (stats.Checked != 0 || stats.Parsed != 0) {
					t.Errorf("%d batches, warm run: %+v, want nothing parsed or checked", batches, stats)
				}
				if run.what == "the project after one file" && stats.Checked < stats.Files-1 {
					t.Errorf("%d batches, %s: %+v, want every file but %s checked (or every file)", batches, run.what, stats, one)
				}
				for path, w := range want {
					if len(run.paths) == 1 && run.paths[0] == one && path != one {
						continue
					}
					if g := strings.Join(got[path], "\n"); g != strings.Join(w, "\n") {
						t.Errorf("%d batches, %s run, %s:\n%s\nuncached:\n%s", batches, run.what, path, g, strings.Join(w, "\n"))
					}
					compared += len(w)
				}
				for path := range got {
					if _, ok := want[path]; !ok {
						t.Errorf("%d batches, %s run: findings in %s, none uncached", batches, run.what, path)
					}
				}
			}
		}
	})
	if compared == 0 {
		t.Fatal("no findings compared")
	}
}

// TestCacheEntryWithoutItsDigests: an entry written before what its
// findings depend on is known, and never completed (its check failed when
// done again), is not trusted.
func TestCacheEntryWithoutItsDigests(t *testing.T) {
	c := &Cache{dir: t.TempDir()}
	c.file = filepath.Join(c.dir, "check-x.gob")
	w, err := c.create()
	if err != nil {
		t.Fatal(err)
	}
	w.entry("a.py", &cacheEntry{Name: "a", Findings: []rules.Diagnostic{{Code: "ASL201"}}})
	w.entry("b.py", &cacheEntry{Name: "b"})
	w.final("b.py", &cacheFinal{Deps: [32]byte{1}})
	w.entry("c.py", &cacheEntry{Name: "c"})
	w.final("c.py", &cacheFinal{Deps: [32]byte{1}})
	w.entry("c.py", &cacheEntry{Name: "c"}) // checked again, and failed
	if err := w.commit(); err != nil {
		t.Fatal(err)
	}
	f := readCacheFile(c.file)
	if f == nil {
		t.Fatal("cache file not read")
	}
	for path, checked := range map[string]bool{"a.py": false, "b.py": true, "c.py": false} {
		if e := f.Entries[path]; e == nil || e.Checked != checked || checked && e.Deps != [32]byte{1} {
			t.Errorf("%s: %+v, want checked %v", path, e, checked)
		}
	}
}

// TestCacheEditMostDependOn: an edit to a module most of the project
// imports checks it and its dependents only, streamed (every module is
// parsed, as checking them in a project of what they import would), and
// keeps the entries of the others, valid for the next run.
func TestCacheEditMostDependOn(t *testing.T) {
	files := map[string]string{
		"pyproject.toml": "[project]\nname = \"x\"\n",
		"core.py":        "def load():\n    return 1\n",
		"idle.py":        "import time\n\n\nasync def idle():\n    time.sleep(1)\n",
	}
	for i := 0; i < 4; i++ {
		files[fmt.Sprintf("a%d.py", i)] = fmt.Sprintf("from core import load\n\n\nasync def handler%d():\n    load()\n", i)
	}
	dir := cacheProject(t, files)
	cacheDir := filepath.Join(t.TempDir(), "cache")
	cfg := config.Default()
	if s := cachedRun(t, dir, cacheDir, cfg); s.Checked != 6 || s.Parsed != 6 {
		t.Fatalf("cold run: %+v, want every file parsed and checked", s)
	}
	// core.py now blocks: a0..a3 get ASL201; idle.py is not checked again.
	writeText(t, filepath.Join(dir, "core.py"), "import time\n\n\ndef load():\n    time.sleep(1)\n")
	if s := cachedRun(t, dir, cacheDir, cfg); s.Checked != 5 || s.Parsed != 6 {
		t.Fatalf("after editing core.py: %+v, want core.py and a0..a3 checked, every file parsed (streamed)", s)
	}
	if s := cachedRun(t, dir, cacheDir, cfg); s.Checked != 0 || s.Parsed != 0 {
		t.Fatalf("unchanged run: %+v, want nothing parsed or checked", s)
	}
}

// TestStreamedSourcesReadAgain: a streamed check that reports to no cache
// drops the sources outside the library part once scanned and reads each
// again when its batch is built. Read again unchanged, every module is
// checked as in the plain order; changed since it was scanned, its module
// is not checked and the error says why (its new content is not checked
// against a project scanned with the old).
func TestStreamedSourcesReadAgain(t *testing.T) {
	root := t.TempDir()
	names := []string{"app/a.py", "app/b.py"}
	writeFiles(t, root, map[string]string{names[0]: blockingSrc, names[1]: blockingSrc})
	newUnit := func(changed string) (*unit, *int) {
		u := &unit{root: root, options: optionsPerConfig(func(string) *config.Config { return config.Default() })}
		for _, name := range names {
			p := filepath.Join(root, name)
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			u.sources = append(u.sources, Source{Path: p, Src: src})
		}
		reads := 0
		u.reread = func(path string) ([]byte, error) {
			reads++
			src, err := os.ReadFile(path)
			if changed != "" && path == filepath.Join(root, changed) {
				src = append(src, "\nx = 1\n"...)
			}
			return src, err
		}
		return u, &reads
	}
	show := func(diags []rules.Diagnostic) string {
		var out []string
		for _, d := range diags {
			out = append(out, fmt.Sprintf("%s:%d %s", filepath.Base(d.Path), d.Start.Line, d.Code))
		}
		return strings.Join(out, "\n")
	}
	plainUnit, _ := newUnit("")
	plain, _, _ := analyseUnit(plainUnit, func() {}, func() {}, false)
	if len(plain) != 2 {
		t.Fatalf("plain order: %s, want a finding in each module", show(plain))
	}

	u, reads := newUnit("")
	diags, errs, files, ok := analyseUnitStreamed(u, func() {}, func() {}, nil)
	if !ok || len(errs) > 0 || files != 2 || show(diags) != show(plain) {
		t.Errorf("read again unchanged: ok %v, %d files, errors %v, findings\n%s\nwant\n%s", ok, files, errs, show(diags), show(plain))
	}
	if *reads != 2 {
		t.Errorf("read again unchanged: %d reads, want each module's source once", *reads)
	}
	for _, s := range u.sources {
		if s.Src != nil {
			t.Errorf("%s: source held to the end", s.Path)
		}
	}

	u, _ = newUnit(names[1])
	diags, errs, files, _ = analyseUnitStreamed(u, func() {}, func() {}, nil)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "b.py: changed while it was being checked") {
		t.Errorf("b.py changed: errors %v, want one saying it changed", errs)
	}
	if files != 1 || show(diags) != "a.py:3 ASYNC251" {
		t.Errorf("b.py changed: %d files, findings\n%s\nwant a.py's alone", files, show(diags))
	}
}

// TestCoroutineDefNames: the names a source may define as coroutine
// functions, read without parsing, include every kind analysis counts as
// one (async def, a generator-based coroutine's decorator however the
// module names it, an async-callable factory, such a decorator imported
// under another name), and leave out the plain defs of a module that
// names neither.
func TestCoroutineDefNames(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"class A:\n    async def publish(self):\n        pass\n    def close(self):\n        pass\n", "publish"},
		{"async \\\n  def split(self): ...\n", "split"},
		{"async\fdef fed(self): ...\n", "fed"},
		{"@asyncio.coroutine\ndef legacy():\n    yield from x\ndef plain(): pass\n", "legacy plain"},
		// The decorator reached otherwise than as `@NAME.coroutine` above
		// its def: every def of the module.
		{"@(asyncio.coroutine)\ndef legacy():\n    yield from x\n", "legacy"},
		{"@getattr(asyncio, 'coroutine')\ndef legacy():\n    yield from x\n", "legacy"},
		{"gen_coro = asyncio.coroutine\n@gen_coro\ndef legacy():\n    yield from x\n", "legacy"},
		{"@asyncio.coroutine\n# def old_name\ndef legacy():\n    yield from x\n", "old_name legacy"},
		// Other words holding `coroutine` name no such decorator.
		{"if asyncio.iscoroutinefunction(f) or asyncio.coroutines.iscoroutine(f):\n    pass\ndef plain(): pass\n", ""},
		{"@types.coroutine\n@functools.wraps(f)\ndef gen():\n    yield\n", "gen"},
		{"from asyncio import coroutine as co\n@co\ndef a(): pass\ndef b(): pass\n", "a b"},
		{"from asgiref.sync import sync_to_async\n@sync_to_async\ndef save(): pass\ndef other(): pass\n", "save other"},
		{"def asyncdef(): pass\nx = asyncdef\n", ""},
	} {
		if got := strings.Join(coroutineDefNames([]byte(tc.src)), " "); got != tc.want {
			t.Errorf("coroutineDefNames(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}

// TestStreamedPatcherElsewhere: a plain function awaited in one component
// and rebound by a module of another component that imports nothing of it
// (ASL110's "is the name replaced anywhere?") is answered as the whole
// project answers it, in every order of the batches, whether the
// projects ask the modules outside them (outsidePatched) or the checks
// are done again with the patchers at the end; with outsidePatched, no
// check is done again.
func TestStreamedPatcherElsewhere(t *testing.T) {
	defer streamChecks.Store(true)
	defer outsidePatchedOn.Store(true)
	defer batchOrderOn.Store(true)
	defer func(n int) { streamBatches = n }(streamBatches)
	root := filepath.Join(t.TempDir(), "proj")
	writeText(t, filepath.Join(root, "pyproject.toml"), "[project]\nname = \"x\"\n")
	writeText(t, filepath.Join(root, "util.py"), "def version():\n    return \"1.0\"\n\n\ndef status():\n    return {\"ok\": True}\n")
	writeText(t, filepath.Join(root, "app.py"), "import util\n\n\nasync def main():\n    await util.version()\n    await util.status()\n")
	// A module of its own component: it imports neither util nor app.
	writeText(t, filepath.Join(root, "plugins.py"), "async def aversion():\n    return None\n\n\ndef install(mod):\n    mod.version = aversion\n")
	// Padding, so that the components differ in size (the batches' order).
	writeText(t, filepath.Join(root, "zpad.py"), "import plugins\n\n\ndef pad():\n    return plugins.install\n"+strings.Repeat("# padding\n", 200))
	streamChecks.Store(false)
	plain, _ := checkByFile(t, "", root)
	streamChecks.Store(true)
	app := filepath.Join(root, "app.py")
	if got := strings.Join(plain[app], "\n"); !strings.Contains(got, "ASL110") || strings.Contains(got, "version") {
		t.Fatalf("plain order, app.py: want ASL110 on status only, got:\n%s", got)
	}
	for _, batches := range []int{8, 1 << 30} {
		for _, order := range []bool{true, false} {
			for _, outside := range []bool{true, false} {
				streamBatches = batches
				batchOrderOn.Store(order)
				outsidePatchedOn.Store(outside)
				streamed, _ := checkByFile(t, "", root)
				again := streamAgain.Load()
				what := fmt.Sprintf("%d batches, order by size %v, outsidePatched %v", batches, order, outside)
				for path, want := range plain {
					if got := strings.Join(streamed[path], "\n"); got != strings.Join(want, "\n") {
						t.Errorf("%s, %s:\n%s\nplain order:\n%s", what, path, got, strings.Join(want, "\n"))
					}
				}
				for path := range streamed {
					if _, ok := plain[path]; !ok {
						t.Errorf("%s: findings in %s, none in the plain order", what, path)
					}
				}
				if outside && again != 0 {
					t.Errorf("%s: %d checked again, want 0", what, again)
				}
				if !outside && batches > 8 && again == 0 {
					// (one batch per component: with 8, this project
					// fills one)
					t.Errorf("%s: none checked again: the test no longer needs the recheck", what)
				}
			}
		}
	}
}
