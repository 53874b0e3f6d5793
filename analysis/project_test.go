package analysis

import (
	"fmt"
	"math/rand"
	"testing"
)

// TestIndexesFollowEdits edits, adds and removes modules through many
// snapshots (past the point where the value index is rebuilt) and compares
// the project's indexes, derived from snapshot to snapshot, with what a
// fresh project of the same modules says.
func TestIndexesFollowEdits(t *testing.T) {
	names := []string{"alpha", "beta", "gamma", "delta", "epsilon"}
	rng := rand.New(rand.NewSource(1))
	module := func(path string, version int) *Module {
		// Each version uses a random subset of names as values and calls the others.
		src := ""
		for _, n := range names {
			if rng.Intn(3) == 0 {
				src += fmt.Sprintf("register(%s)\n", n)
			} else {
				src += fmt.Sprintf("%s()\n", n)
			}
		}
		src += fmt.Sprintf("version = %d\n", version)
		return BuildModule(Parse(path, []byte(src)), "", false)
	}
	var mods []*Module
	for i := 0; i < 8; i++ {
		mods = append(mods, module(fmt.Sprintf("m%d.py", i), 0))
	}
	p := NewProject("", mods)
	for step := 1; step < 4*maxIndexDelta; step++ {
		path := fmt.Sprintf("m%d.py", rng.Intn(12))
		if rng.Intn(4) == 0 {
			p = p.Without(path)
		} else {
			p = p.With(module(path, step))
		}
		fresh := NewProject("", p.Modules()).Modules()
		got := p.Modules()
		if len(got) != len(fresh) {
			t.Fatalf("step %d: %d modules, a fresh project has %d", step, len(got), len(fresh))
		}
		for i := range got {
			if got[i] != fresh[i] {
				t.Fatalf("step %d: module %d is %s, a fresh project says %s", step, i, got[i].File.Path, fresh[i].File.Path)
			}
		}
		for _, n := range names {
			want := false
			for _, m := range fresh {
				want = want || m.UsesAsValue("*."+n)
			}
			if got := p.UsesAsValue("*." + n); got != want {
				t.Fatalf("step %d: UsesAsValue(*.%s) = %v, every module says %v", step, n, got, want)
			}
		}
	}
	if p.UsesAsValue("*.register") || p.UsesAsValue("*.missing") {
		t.Fatal("a name only called, or never used, counts as a value")
	}
}

// TestNamesFollowEdits: which module an import name means, in a snapshot
// made by replacing and removing modules, is what a fresh project of the
// same modules says. Modules here share names (a package's module named
// by its base name before the package's __init__.py is seen, then by its
// dotted name): when the version that held a name is replaced by one that
// no longer claims it, the other module claiming it must get it back, or a
// lookup through it fails in every later snapshot (the server once kept a
// stale self-import answer that way).
func TestNamesFollowEdits(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	paths := []string{"a/x.py", "b/x.py", "x.py", "a/y.py", "y.py", "c/y.py"}
	names := []string{"x", "y", "a.x", "b.x", "a.y", "c.y"}
	module := func(path string) *Module {
		return BuildModuleNamed(Parse(path, []byte("def f():\n    pass\n")), Naming{Name: names[rng.Intn(len(names))]})
	}
	current := map[string]*Module{}
	p := NewProject("", nil)
	for step := 0; step < 400; step++ {
		path := paths[rng.Intn(len(paths))]
		if _, ok := current[path]; ok && rng.Intn(4) == 0 {
			delete(current, path)
			p = p.Without(path)
		} else {
			m := module(path)
			current[path] = m
			p = p.With(m)
		}
		var mods []*Module
		for _, q := range paths {
			if m := current[q]; m != nil {
				mods = append(mods, m)
			}
		}
		fresh := NewProject("", mods)
		for _, n := range names {
			if got, want := p.ModuleNamed(n), fresh.ModuleNamed(n); got != want {
				t.Fatalf("step %d: %q means %v, a fresh project says %v", step, n, pathOf(got), pathOf(want))
			}
			if got := p.Lookup(n + ".f"); (got.Func != nil) != (fresh.ModuleNamed(n) != nil) {
				t.Fatalf("step %d: %s.f resolves to %v in the edited snapshot", step, n, got)
			}
		}
	}
}

func pathOf(m *Module) string {
	if m == nil {
		return "<none>"
	}
	return m.File.Path
}

// TestAliasesFollowEdits is TestNamesFollowEdits with aliases (the dotted
// suffixes of a module's path, which several modules may share) and with a
// module's claim on a name changing between a primary name and an alias
// from one version to the next: the edited snapshot must agree with a fresh
// project of the same modules, whatever order they are given in (the
// server adds them in the order they are indexed and edited, a check in
// path order, and `--stdin-filename` last).
func TestAliasesFollowEdits(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	paths := []string{"a/x.py", "b/x.py", "x.py", "a/y.py", "y.py", "c/y.py", "d/a/x.py"}
	names := []string{"x", "y", "a.x", "b.x", "a.y", "c.y"}
	module := func(path string) *Module {
		n := Naming{Name: names[rng.Intn(len(names))]}
		for _, a := range names {
			if a != n.Name && rng.Intn(3) == 0 {
				n.Aliases = append(n.Aliases, a)
			}
		}
		return BuildModuleNamed(Parse(path, []byte("def f():\n    pass\n")), n)
	}
	current := map[string]*Module{}
	p := NewProject("", nil)
	for step := 0; step < 600; step++ {
		path := paths[rng.Intn(len(paths))]
		if _, ok := current[path]; ok && rng.Intn(4) == 0 {
			delete(current, path)
			p = p.Without(path)
		} else {
			m := module(path)
			current[path] = m
			p = p.With(m)
		}
		var mods []*Module
		for _, q := range paths {
			if m := current[q]; m != nil {
				mods = append(mods, m)
			}
		}
		shuffled := append([]*Module(nil), mods...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		fresh, other := NewProject("", mods), NewProject("", shuffled)
		for _, n := range names {
			if got, want := other.ModuleNamed(n), fresh.ModuleNamed(n); got != want {
				t.Fatalf("step %d: %q means %v in one fresh project, %v in the same modules given in another order", step, n, pathOf(got), pathOf(want))
			}
			if got, want := p.ModuleNamed(n), fresh.ModuleNamed(n); got != want {
				t.Fatalf("step %d: %q means %v, a fresh project says %v", step, n, pathOf(got), pathOf(want))
			}
		}
	}
}
