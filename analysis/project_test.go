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
