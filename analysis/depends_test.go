package analysis

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestImportedByIsReverseClosure: ImportedBy(X) is the modules whose
// ImportClosure holds X, in a project and in the snapshots With and
// Without make from it (the index derived when a module's imports change,
// built again when a module appears or goes), and every module when X is
// named like a library asyncls has facts about (looked up without an
// import).
func TestImportedByIsReverseClosure(t *testing.T) {
	files := map[string]string{
		"/p/pkg/__init__.py":    "from .a import helper\nfrom . import a\n", // a is its submodule: no other module is meant
		"/p/vendor/__init__.py": "",
		"/p/vendor/pkg.py":      "x = 1\n",
		"/p/pkg/a.py":           "import json\n\n\ndef helper():\n    return 1\n",
		"/p/pkg/b.py":           "from pkg.a import helper\n",
		"/p/app.py":             "import pkg\n",
		"/p/tool.py":            "from pkg.b import helper\n",
		"/p/lone.py":            "x = 1\n",
		"/p/redis.py":           "x = 1\n", // named like a library: any module may look it up
		// inner.py imports a name from itself: it may look names up in
		// lib/inner.py (OwnNameModules), which no import names.
		"/p/inner.py":        "from inner import Thing\n",
		"/p/lib/__init__.py": "",
		"/p/lib/inner.py":    "class Thing:\n    pass\n",
	}
	var paths []string
	for p := range files {
		paths = append(paths, p)
	}
	l := NewLayout("/p", paths)
	mk := func(path, src string) *Module {
		name, pkg, aliases := l.ModuleName(path)
		m := BuildModule(Parse(path, []byte(src)), name, pkg)
		m.Aliases = aliases
		return m
	}
	var mods []*Module
	for _, p := range paths {
		mods = append(mods, mk(p, files[p]))
	}
	names := func(set map[*Module]bool) string {
		var out []string
		for m := range set {
			out = append(out, strings.TrimPrefix(m.File.Path, "/p/"))
		}
		sort.Strings(out)
		return strings.Join(out, " ")
	}
	// same checks ImportedBy against ImportClosure for every module of p.
	same := func(p *Project, when string) {
		t.Helper()
		for _, x := range p.Modules() {
			want := map[*Module]bool{}
			for _, m := range p.Modules() {
				if p.ImportClosure(m)[x] || x.File.Path == "/p/redis.py" {
					want[m] = true
				}
			}
			if got := p.ImportedBy(x); names(got) != names(want) {
				t.Errorf("%s: ImportedBy(%s) = %s, want %s", when, x.File.Path, names(got), names(want))
			}
		}
	}
	p := NewProject("/p", mods)
	same(p, "built")
	if got := names(p.ImportedBy(p.Module("/p/pkg/a.py"))); got != "app.py pkg/__init__.py pkg/a.py pkg/b.py tool.py" {
		t.Errorf("ImportedBy(pkg/a.py) = %s", got)
	}
	if got := names(p.ImportedBy(p.Module("/p/vendor/pkg.py"))); got != "vendor/pkg.py" {
		t.Errorf("ImportedBy(vendor/pkg.py) = %s, want itself alone (pkg imports its submodule a from itself)", got)
	}
	if got := names(p.ImportedBy(p.Module("/p/lib/inner.py"))); got != "inner.py lib/inner.py" {
		t.Errorf("ImportedBy(lib/inner.py) = %s, want inner.py too (it imports its own name)", got)
	}
	// Imports changed: derived (inner.py's import binds another name now,
	// with the same ImportNames: not one of its own name).
	p2 := p.With(mk("/p/pkg/b.py", "import json\n"), mk("/p/lone.py", "import tool\n"), mk("/p/inner.py", "from inner import Thing as Other\n"))
	if p2.importers.Load() == nil {
		t.Error("the index was not derived")
	}
	same(p2, "imports changed")
	if got := names(p2.ImportedBy(p2.Module("/p/lib/inner.py"))); got != "lib/inner.py" {
		t.Errorf("imports changed: ImportedBy(lib/inner.py) = %s, want lib/inner.py alone", got)
	}
	// Only a body changed: shared.
	p3 := p2.With(mk("/p/pkg/a.py", "import json\n\n\ndef helper():\n    return 2\n"))
	if p3.importers.Load() != p2.importers.Load() {
		t.Error("the index was not shared")
	}
	same(p3, "body changed")
	// A module goes: built again.
	p4 := p3.Without("/p/pkg/b.py")
	if p4.importers.Load() != nil {
		t.Error("the index was kept when a module went")
	}
	same(p4, "module removed")
	for i, p := range []*Project{p, p2, p3, p4} {
		if got := len(p.ImportedBy(p.Module("/p/redis.py"))); got != len(p.Modules()) {
			t.Errorf("snapshot %d: ImportedBy(redis.py) holds %d modules, want all %d", i, got, len(p.Modules()))
		}
	}
}

// TestOwnNameImports: the imports that bind a module-level name to the
// same name of the module itself, which Lookup takes to mean the module of
// another directory a sys.path entry provides (shadowedBy).
func TestOwnNameImports(t *testing.T) {
	for _, tc := range []struct {
		path, src string
		want      bool
	}{
		{"/p/inner/__init__.py", "from inner import Thing\n", true},
		{"/p/inner/__init__.py", "from . import Thing\n", true},
		{"/p/inner/__init__.py", "import inner.Thing as Thing\n", true},
		{"/p/inner.py", "from inner import Thing\n", true},
		{"/p/inner/__init__.py", "from .core import Thing\n", false},
		{"/p/inner/__init__.py", "from inner import Thing as Other\n", false},
		{"/p/inner/__init__.py", "def f():\n    from inner import Thing\n", false},
		{"/p/inner/__init__.py", "from other import Thing\n", false},
	} {
		l := NewLayout("/p", []string{tc.path})
		name, pkg, _ := l.ModuleName(tc.path)
		m := BuildModule(Parse(tc.path, []byte(tc.src)), name, pkg)
		if got := len(m.OwnNameImports()) > 0; got != tc.want {
			t.Errorf("%s %q: OwnNameImports = %v, want some: %v", tc.path, tc.src, m.OwnNameImports(), tc.want)
		}
	}
}

// TestOverrideIndexAgreesWithAnswers: the modules OverrideIndex gives for
// an override question (lint's cache) are those whose definitions Answer
// it (the server's dependents): sync and any-member questions, the MRO
// question (MixinKey), patched names, names no module defines.
func TestOverrideIndexAgreesWithAnswers(t *testing.T) {
	sources := []string{
		"class Base:\n    async def fetch(self):\n        pass\n\n    def load(self):\n        return 1\n",
		"from base import Base\n\n\nclass Sub(Base):\n    def fetch(self):\n        pass\n\n    async def load(self):\n        return 2\n",
		"from base import Base\n\n\nclass Mixed(Mixin, Base):\n    def __init__(self):\n        self.cache = 1\n\n    size = 3\n",
		"import base\n\nbase.Base.load = base.make_loader()\nbase.reconnect = lambda: 1\n",
		"class Plain:\n    def fetch(self):\n        pass\n", // no base: defines nothing any-member questions read
		"x = 1\n",
	}
	var defs []OverrideDefinitions
	keys := map[string]bool{MixinKey: true, "nothing": true, AnyMemberKey("nothing"): true}
	for i, src := range sources {
		path := fmt.Sprintf("/p/m%d.py", i)
		d := BuildModule(Parse(path, []byte(src)), fmt.Sprintf("m%d", i), false).OverrideDefinitions()
		defs = append(defs, d)
		for _, n := range d.Sync {
			keys[n], keys[AnyMemberKey(n)] = true, true
		}
		for _, n := range d.Members {
			keys[n], keys[AnyMemberKey(n)] = true, true
		}
	}
	x := NewOverrideIndex(defs)
	nonEmpty := 0
	for key := range keys {
		var want []int
		for i, d := range defs {
			if d.Answers(key) {
				want = append(want, i)
			}
		}
		if got := x.Definers(key); !slices.Equal(got, want) {
			t.Errorf("Definers(%q) = %v, the modules answering it %v", key, got, want)
		}
		if len(want) > 0 {
			nonEmpty++
		}
	}
	if nonEmpty < 6 {
		t.Errorf("only %d questions read a module: the case tests little", nonEmpty)
	}
	for key, want := range map[string][]int{"fetch": {1, 4}, AnyMemberKey("fetch"): {1}, AnyMemberKey("load"): {1, 3}, MixinKey: {2}, AnyMemberKey("cache"): {2}, AnyMemberKey("reconnect"): {3}} {
		if got := x.Definers(key); !slices.Equal(got, want) {
			t.Errorf("Definers(%q) = %v, want %v", key, got, want)
		}
	}
}
