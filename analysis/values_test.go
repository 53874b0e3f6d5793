package analysis

import (
	"maps"
	"os"
	"path/filepath"
	"testing"
)

// TestUsesAsValueResolvesUses: a function counts as used as a value where
// a use resolves to it (its own module, an import of it or of its module, a
// package above it that may re-export it, an attribute of its class), not
// where a parameter, a variable or an attribute of another object has its
// name.
func TestUsesAsValueResolvesUses(t *testing.T) {
	build := func(path, name string, isPkg bool, src string) *Module {
		return BuildModule(Parse(path, []byte(src)), name, isPkg)
	}
	jobs := build("pkg/jobs.py", "pkg.jobs", false, `
async def reexported(): pass
async def by_module(): pass
async def shadowed(): pass
async def local(): pass
async def unused(): pass
class C:
    async def by_class(self): pass
    async def by_unknown_receiver(self): pass
    async def by_self(self): pass
    async def never(self): pass
    def setup(self, router):
        router.add(self.by_self)
hooks = [local]
`)
	app := build("app.py", "app", false, `
from pkg import reexported
import pkg.jobs as j
from pkg.jobs import C

def setup(router, obj, shadowed, unused=None):
    router.add(reexported)
    router.add(j.by_module)
    router.add(C.by_class)
    router.add(obj.by_unknown_receiver)
    never = 1
    return shadowed, unused, never, obj.unused
`)
	p := NewProject("", []*Module{jobs, app})
	want := map[string]bool{
		"reexported": true, "by_module": true, "local": true, "by_class": true, "by_unknown_receiver": true, "by_self": true,
		"shadowed": false, "unused": false, "never": false, "setup": false,
	}
	seen := 0
	for _, f := range jobs.Functions {
		w, ok := want[f.Name]
		if !ok {
			continue
		}
		seen++
		got := false
		for _, k := range f.ValueKeys() {
			got = got || p.UsesAsValue(k)
		}
		if got != w {
			t.Errorf("%s used as a value: %v, want %v (keys %v)", f.FullName(), got, w, f.ValueKeys())
		}
	}
	if seen != len(want) {
		t.Fatalf("asked about %d functions, want %d", seen, len(want))
	}
}

// TestEachValueNameMatchesValueNames: EachValueName yields the keys
// ValueNames holds, on every test file of the rules that ask the
// project-wide questions.
func TestEachValueNameMatchesValueNames(t *testing.T) {
	files, _ := filepath.Glob("../testdata/rules/*/*.py")
	more, _ := filepath.Glob("../testdata/rules/*/*/*.py")
	compared := 0
	for _, path := range append(files, more...) {
		src, err := os.ReadFile(path)
		if err != nil || CheckSource(src) != nil {
			continue
		}
		// Two builds: each is resolved once.
		each := map[string]bool{}
		BuildModuleNamed(Parse(path, src), Naming{Name: "pkg.mod"}).EachValueName(nil, func(k string) { each[k] = true })
		want := BuildModuleNamed(Parse(path, src), Naming{Name: "pkg.mod"}).ValueNames()
		if !maps.Equal(each, want) {
			t.Errorf("%s: EachValueName %d keys, ValueNames %d", path, len(each), len(want))
		}
		compared += len(want)
	}
	if compared == 0 {
		t.Fatal("no keys compared")
	}
}
