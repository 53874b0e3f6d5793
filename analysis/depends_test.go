package analysis

import (
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
		"/p/pkg/__init__.py": "from .a import helper\n",
		"/p/pkg/a.py":        "import json\n\n\ndef helper():\n    return 1\n",
		"/p/pkg/b.py":        "from pkg.a import helper\n",
		"/p/app.py":          "import pkg\n",
		"/p/tool.py":         "from pkg.b import helper\n",
		"/p/lone.py":         "x = 1\n",
		"/p/redis.py":        "x = 1\n", // named like a library: any module may look it up
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
	// Imports changed: derived.
	p2 := p.With(mk("/p/pkg/b.py", "import json\n"), mk("/p/lone.py", "import tool\n"))
	if p2.importers.Load() == nil {
		t.Error("the index was not derived")
	}
	same(p2, "imports changed")
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
