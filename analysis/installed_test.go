package analysis

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
)

// countingLibraries is a LibrarySource of in-memory library modules that
// counts the questions asked of it.
type countingLibraries struct {
	mods  map[string]*Module
	asked atomic.Int64
}

func (l *countingLibraries) LibraryModule(name string) *Module {
	l.asked.Add(1)
	return l.mods[name]
}

// A library class whose bases, in other modules, share bases of their own
// (five a level, six levels deep): a name none of them defines is searched
// for once per class, not once per path through the hierarchy (5^6 =
// 15,625 paths; seconds of CPU per name at seven levels, review24).
func TestInstalledLookupSharedBasesBounded(t *testing.T) {
	const levels, width = 6, 5
	libs := &countingLibraries{mods: map[string]*Module{}}
	for i := 0; i <= levels; i++ {
		var src strings.Builder
		var bases []string
		if i < levels {
			for j := 0; j < width; j++ {
				bases = append(bases, fmt.Sprintf("C%d_%d", i+1, j))
			}
			fmt.Fprintf(&src, "from deep.m%d import %s\n", i+1, strings.Join(bases, ", "))
		}
		for j := 0; j < width; j++ {
			fmt.Fprintf(&src, "class C%d_%d(%s):\n    async def leaf%d(self): pass\n", i, j, strings.Join(bases, ", "), i)
		}
		name := fmt.Sprintf("deep.m%d", i)
		m := BuildModuleNamed(Parse(name+".py", []byte(src.String())), Naming{Name: name})
		m.Library = true
		libs.mods[name] = m
	}
	p := NewProject(t.TempDir(), nil)
	p.SetLibraries(libs)
	if !p.InstalledCoroutine("deep.m0.C0_0.leaf6") {
		t.Fatal("deep.m0.C0_0.leaf6, an async def of a base six levels up, is not a coroutine function")
	}
	libs.asked.Store(0)
	if p.InstalledCoroutine("deep.m0.C0_0.missing") {
		t.Fatal("deep.m0.C0_0.missing is no function")
	}
	// Each of the 31 classes' member is looked for a few times (module
	// prefixes of its name, the class itself); one per path would be
	// tens of thousands.
	if n := libs.asked.Load(); n > 2000 {
		t.Fatalf("looking up a missing member asked the libraries %d times, want at most 2000", n)
	}
}
