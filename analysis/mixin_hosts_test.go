package analysis

import (
	"sync"
	"testing"
	"time"
)

// TestMixinHostLookup: a pure mixin's `Mixin.NAME` is its one host's def,
// the question is recorded as one about the mixin's module (so partial
// checks and the cache hold the host), and Lookup answers it inside a
// Memo's compute (whose lock is not reentrant: soleSubclass's compute calls
// Canonical, hence Lookup; an index built by Memo deadlocked there).
func TestMixinHostLookup(t *testing.T) {
	l := NewLayout("/p", []string{"/p/pkg/__init__.py", "/p/pkg/mixin.py", "/p/pkg/host.py", "/p/pkg/two.py"})
	mk := func(path, src string) *Module {
		name, pkg, aliases := l.ModuleName(path)
		m := BuildModule(Parse(path, []byte(src)), name, pkg)
		m.Aliases = aliases
		return m
	}
	initMod := mk("/p/pkg/__init__.py", "")
	mixin := mk("/p/pkg/mixin.py", "class M:\n    async def h(self):\n        await self.ctx()\n        return self.missing()\n\n"+
		"class Shared:\n    async def h(self):\n        self.ctx()\n\n"+
		"class Based(dict):\n    async def h(self):\n        self.ctx()\n\n"+
		"class Own:\n    async def h(self):\n        await self.ctx()\n\n"+
		"class OwnHost(Own):\n    async def ctx(self):\n        return 1\n\n"+
		"class SyncOnly:\n    def h(self):\n        return self.ctx()\n")
	host := mk("/p/pkg/host.py", "from pkg.mixin import M, Shared, Based, SyncOnly\n\n"+
		"class H(M):\n    async def ctx(self):\n        return 1\n\n"+
		"class S1(Shared):\n    async def ctx(self):\n        return 1\n\n"+
		"class B(Based):\n    async def ctx(self):\n        return 1\n\n"+
		"class SH(SyncOnly):\n    async def ctx(self):\n        return 1\n")
	two := mk("/p/pkg/two.py", "from pkg.mixin import Shared\n\nclass S2(Shared):\n    def ctx(self):\n        return 2\n")
	p := NewProject("/p", []*Module{initMod, mixin, host, two})
	var mu sync.Mutex
	var asked []CallerQuery
	p.RecordCallerQueries(func(q CallerQuery) {
		mu.Lock()
		asked = append(asked, q)
		mu.Unlock()
	})
	done := make(chan Symbol, 1)
	go func() {
		done <- p.Memo("outer", func() any { return p.Lookup("pkg.mixin.M.ctx") }).(Symbol)
	}()
	var sym Symbol
	select {
	case sym = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Lookup of a mixin's member inside a Memo did not return (deadlock)")
	}
	if sym.Func == nil || sym.Func.FullName() != "pkg.host.H.ctx" {
		t.Fatalf("M.ctx = %+v, want the host's pkg.host.H.ctx", sym)
	}
	if len(asked) == 0 || asked[0].Word != "M" || asked[0].Path != "/p/pkg/mixin.py" {
		t.Errorf("recorded questions = %+v, want the class M of /p/pkg/mixin.py", asked)
	}
	// A name the mixin's code does not read on self, and a subclass's
	// member looked for up its bases, ask nothing of the modules holding
	// the mixin's name (a streamed check would check them again).
	mu.Lock()
	asked = nil
	mu.Unlock()
	if s := p.Lookup("pkg.mixin.M.other"); s.Func != nil {
		t.Errorf("M.other = %s, want nothing", s.Func.FullName())
	}
	if s := p.Lookup("pkg.host.H.missing"); s.Func != nil {
		t.Errorf("H.missing = %s, want nothing", s.Func.FullName())
	}
	// A mixin its own module mixes in (a library's shared helper), and a
	// name only synchronous methods call on self: not asked about.
	if s := p.Lookup("pkg.mixin.Own.ctx"); s.Func != nil {
		t.Errorf("Own.ctx = %s, want nothing (mixed in by its own module)", s.Func.FullName())
	}
	if s := p.Lookup("pkg.mixin.SyncOnly.ctx"); s.Func != nil {
		t.Errorf("SyncOnly.ctx = %s, want nothing (called only in a sync method)", s.Func.FullName())
	}
	if len(asked) != 0 {
		t.Errorf("recorded questions = %+v, want none", asked)
	}
	// Two hosts: which one `self` is cannot be told.
	if s := p.Lookup("pkg.mixin.Shared.ctx"); s.Func != nil {
		t.Errorf("Shared.ctx = %s, want nothing (two hosts)", s.Func.FullName())
	}
	// A library base may define the name.
	if s := p.Lookup("pkg.mixin.Based.ctx"); s.Func != nil {
		t.Errorf("Based.ctx = %s, want nothing (a library base)", s.Func.FullName())
	}
}
