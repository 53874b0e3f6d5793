package analysis

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func build(t *testing.T, src string) *Module {
	t.Helper()
	f := Parse("pkg/mod.py", []byte(src))
	if len(f.SyntaxErrors) > 0 {
		t.Fatalf("syntax errors: %v", f.SyntaxErrors)
	}
	return BuildModule(f, "pkg.mod", false)
}

// callAt returns the call whose source text starts with prefix.
func callAt(t *testing.T, m *Module, prefix string) *Call {
	t.Helper()
	for _, c := range m.Calls {
		if strings.HasPrefix(m.File.Text(c.Node), prefix) {
			return c
		}
	}
	t.Fatalf("no call starting with %q", prefix)
	return nil
}

func TestResolveCallees(t *testing.T) {
	m := build(t, `
import time as t
import os.path
import urllib.request
from time import sleep as nap
import requests
from . import sibling
from ..up import thing

class Client:
    def __init__(self):
        self.session = requests.Session()

    def helper(self):
        pass

    async def go(self, url):
        self.session.get(url)
        self.helper()

def f(time, session: requests.Session):
    time.sleep(1)
    session.post("u")
    s = requests.Session()
    s.get("u")
    requests.Session().put("u")
    with requests.Session() as w:
        w.delete("u")
    t.sleep(1)
    nap(1)
    os.path.exists("x")
    urllib.request.urlopen("u")
    sibling.run()
    thing()
    open("f")

def g():
    import time
    time.sleep(2)
    sleep = 3
    sleep()
`)
	cases := map[string]string{
		"self.session.get(url)":       "requests.Session.get",
		"self.helper()":               "pkg.mod.Client.helper",
		"time.sleep(1)":               "", // parameter named time shadows the module
		`session.post("u")`:           "requests.Session.post",
		`s.get("u")`:                  "requests.Session.get",
		`requests.Session().put("u")`: "requests.Session.put",
		`w.delete("u")`:               "requests.Session.delete",
		"t.sleep(1)":                  "time.sleep",
		"nap(1)":                      "time.sleep",
		`os.path.exists("x")`:         "os.path.exists",
		`urllib.request.urlopen("u")`: "urllib.request.urlopen",
		"sibling.run()":               "pkg.sibling.run",
		"thing()":                     "up.thing",
		`open("f")`:                   "open",
		"time.sleep(2)":               "time.sleep", // function-local import
		"sleep()":                     "",
	}
	for prefix, want := range cases {
		if got := callAt(t, m, prefix).Callee; got != want {
			t.Errorf("%s: callee %q, want %q", prefix, got, want)
		}
	}
	if c := callAt(t, m, "self.helper()"); c.Target == nil || c.Target.QualName != "Client.helper" {
		t.Errorf("self.helper() target = %v", c.Target)
	}
}

func TestUsage(t *testing.T) {
	m := build(t, `
import asyncio
async def a(): pass
async def main(tg):
    a()
    await a()
    x = a()
    if a(): pass
    not a()
    asyncio.gather(a(), a())
    tg.create_task(a())
    print(a())
    return a()

def lam():
    return lambda: a()

def yielder():
    yield a()
`)
	want := []Usage{UsageDropped, UsageAwaited, UsageStored, UsageCondition, UsageOperand, UsageScheduled, UsageScheduled, UsageScheduled, UsageArgument, UsageReturned, UsageReturned, UsageYielded}
	var got []Usage
	for _, c := range m.Calls {
		if m.File.Text(c.Node) == "a()" {
			got = append(got, c.Usage)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("found %d calls of a(), want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("call %d: usage %s, want %s", i, got[i], want[i])
		}
	}
}

func TestScopesAndFunctions(t *testing.T) {
	m := build(t, `
async def outer():
    def inner():
        return [y for y in range(3)]
    f = lambda: 1
    return inner

async def agen():
    yield 1

class K:
    @staticmethod
    async def s(): pass
    @some.decorator
    async def d(self): pass
`)
	byName := map[string]*Function{}
	for _, f := range m.Functions {
		byName[f.QualName] = f
	}
	for _, name := range []string{"outer", "outer.<locals>.inner", "outer.<locals>.<lambda>", "agen", "K.s", "K.d"} {
		if byName[name] == nil {
			t.Errorf("function %s missing (have %v)", name, keys(byName))
		}
	}
	if !byName["outer"].IsCoroutineFunction() {
		t.Error("outer is a coroutine function")
	}
	if byName["agen"].IsCoroutineFunction() {
		t.Error("an async generator is not a coroutine function")
	}
	if !byName["K.s"].IsCoroutineFunction() {
		t.Error("staticmethod preserves coroutine functions")
	}
	if byName["K.d"].IsCoroutineFunction() {
		t.Error("an unknown decorator may change the return value")
	}
	if byName["outer.<locals>.inner"].Parent != byName["outer"] {
		t.Error("inner's parent should be outer")
	}
}

func keys(m map[string]*Function) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestNoQA(t *testing.T) {
	m := build(t, "x = 1  # noqa\ny = 2  # noqa: ASYNC251, asl101\nz = 3  # NOQA:ASYNC2\n")
	if !m.HasNoQA(0, "ANY1") {
		t.Error("bare noqa suppresses everything")
	}
	if !m.HasNoQA(1, "ASYNC251") || !m.HasNoQA(1, "ASL101") || m.HasNoQA(1, "ASYNC250") {
		t.Error("coded noqa suppresses exactly its codes")
	}
	if !m.HasNoQA(2, "ASYNC251") {
		t.Error("a code prefix in noqa suppresses the family")
	}
	if m.HasNoQA(3, "ASYNC251") {
		t.Error("line without noqa")
	}
}

func TestLayoutModuleNames(t *testing.T) {
	root := "/proj"
	paths := []string{"/proj/src/app/__init__.py", "/proj/src/app/core/__init__.py", "/proj/src/app/core/io.py",
		"/proj/scripts/run.py", "/proj/src/app/main.py", "/proj/ns/pkg/mod.py"}
	l := NewLayout(root, paths)
	cases := []struct {
		path, name string
		pkg        bool
		alias      string
	}{
		{"/proj/src/app/core/io.py", "app.core.io", false, ""},
		{"/proj/src/app/__init__.py", "app", true, ""},
		{"/proj/scripts/run.py", "run", false, "scripts.run"},
		{"/proj/ns/pkg/mod.py", "mod", false, "ns.pkg.mod"},
	}
	for _, c := range cases {
		name, pkg, aliases := l.ModuleName(filepath.FromSlash(c.path))
		if name != c.name || pkg != c.pkg {
			t.Errorf("%s: got %q pkg=%v, want %q pkg=%v", c.path, name, pkg, c.name, c.pkg)
		}
		if c.alias != "" && !contains(aliases, c.alias) {
			t.Errorf("%s: aliases %v lack %q", c.path, aliases, c.alias)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestProjectLookupAndReach(t *testing.T) {
	l := NewLayout("/p", []string{"/p/pkg/__init__.py", "/p/pkg/a.py", "/p/pkg/b.py"})
	mk := func(path, src string) *Module {
		name, pkg, aliases := l.ModuleName(path)
		m := BuildModule(Parse(path, []byte(src)), name, pkg)
		m.Aliases = aliases
		return m
	}
	initMod := mk("/p/pkg/__init__.py", "from .a import helper\n")
	a := mk("/p/pkg/a.py", "import time\ndef helper():\n    return deeper()\ndef deeper():\n    time.sleep(1)\n")
	b := mk("/p/pkg/b.py", "from pkg import helper\nasync def main():\n    helper()\n")
	p := NewProject("/p", []*Module{initMod, a, b})
	sym := p.Lookup("pkg.helper")
	if sym.Func == nil || sym.Func.FullName() != "pkg.a.helper" {
		t.Fatalf("re-export not followed: %+v", sym)
	}
	call := b.Calls[0]
	target := p.Target(call)
	if target == nil {
		t.Fatal("no target for helper()")
	}
	chain := p.Reach("sleeps", target, func(m *Module, c *Call) bool { return c.Callee == "time.sleep" })
	if len(chain) != 2 || chain[1].Call.Callee != "time.sleep" {
		t.Fatalf("chain = %v", chain)
	}
	// A new snapshot without the sleep no longer reaches it; the old one is unchanged.
	a2 := mk("/p/pkg/a.py", "def helper():\n    return 1\n")
	p2 := p.With(a2)
	if p2.Reach("sleeps", p2.Target(call), func(m *Module, c *Call) bool { return c.Callee == "time.sleep" }) != nil {
		t.Error("updated snapshot still reaches time.sleep")
	}
	if p.Reach("sleeps", target, func(m *Module, c *Call) bool { return c.Callee == "time.sleep" }) == nil {
		t.Error("old snapshot changed")
	}
	if deps := p.Dependents("/p/pkg/a.py"); len(deps) == 0 {
		t.Error("pkg/__init__.py imports pkg.a and should be a dependent")
	}
}

// TestConcurrentReads runs resolution from many goroutines on one finished
// module (as the language server does); run under -race.
func TestConcurrentReads(t *testing.T) {
	m := build(t, `
import requests
class C:
    def __init__(self):
        self.s = requests.Session()
    async def go(self):
        x = self.s
        x = x.get("u")
        return x.json()
`)
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 0; i < 50; i++ {
				for _, c := range m.Calls {
					m.CalleeRef(c)
					m.Resolve(c.Node)
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

// TestReassignmentChainsStayLinear guards against exponential resolution of
// names assigned from themselves (s = s.strip(); s = s.lower(); ...).
func TestReassignmentChainsStayLinear(t *testing.T) {
	var b strings.Builder
	b.WriteString("def f(a):\n    x = a\n")
	for i := 0; i < 200; i++ {
		b.WriteString("    x = x.m()\n    x = x.n\n")
	}
	b.WriteString("    return x.done()\n")
	m := build(t, b.String())
	if len(m.Calls) < 200 {
		t.Fatal("calls missing")
	}
}

// TestStarImportsExpandOnce guards against exponential lookups through
// packages whose modules star-import each other (as asyncio/__init__.py
// does): each lookup must expand each module's star imports once.
func TestStarImportsExpandOnce(t *testing.T) {
	const n = 12
	var paths []string
	for i := 0; i < n; i++ {
		paths = append(paths, fmt.Sprintf("/p/pkg/m%d.py", i))
	}
	paths = append(paths, "/p/pkg/__init__.py")
	l := NewLayout("/p", paths)
	var mods []*Module
	for _, path := range paths {
		var src strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&src, "from .m%d import *\n", i)
		}
		if strings.HasSuffix(path, "m7.py") {
			src.WriteString("def found():\n    pass\n")
		}
		name, pkg, aliases := l.ModuleName(path)
		m := BuildModule(Parse(path, []byte(src.String())), name, pkg)
		m.Aliases = aliases
		mods = append(mods, m)
	}
	p := NewProject("/p", mods)
	if s := p.Lookup("pkg.missing"); s.Func != nil || s.Class != nil {
		t.Errorf("pkg.missing resolved to %+v", s)
	}
	if s := p.Lookup("pkg.found"); s.Func == nil || s.Func.FullName() != "pkg.m7.found" {
		t.Errorf("pkg.found = %+v, want pkg.m7.found through the star imports", s)
	}
}

// TestLayoutNamesCopiesApart: when several import roots provide one
// top-level name, the first root by path keeps the plain names, the others
// are named by their root's path, and only their absolute imports of their
// own root's names are read as their own copy's.
func TestLayoutNamesCopiesApart(t *testing.T) {
	paths := []string{
		"/p/a/pkg/__init__.py", "/p/a/pkg/util.py",
		"/p/b/pkg/__init__.py", "/p/b/pkg/util.py", "/p/b/tools/__init__.py", "/p/b/only_here.py",
		"/p/c/pkg/__init__.py", "/p/c/pkg/util.py",
		"/p/a/tools/__init__.py",
		"/p/a/trio/__init__.py", "/p/b/trio/_core.py", "/p/b/trio/__init__.py",
		"/p/b/tests/test_b.py", "/p/d/tests/test_d.py", "/p/d/src/pkg/__init__.py",
	}
	l := NewLayout("/p", paths)
	cases := []struct {
		path, name, local string
	}{
		{"/p/a/pkg/util.py", "pkg.util", ""},
		{"/p/b/pkg/util.py", "b.pkg.util", "pkg=b.,tools=b."},
		{"/p/b/only_here.py", "only_here", "pkg=b.,tools=b."},
		{"/p/c/pkg/__init__.py", "c.pkg", "pkg=c."},
		// A library asyncls has facts about keeps its name in every copy.
		{"/p/b/trio/_core.py", "trio._core", "pkg=b.,tools=b."},
		// Tests beside a copy (not a package themselves) import it, and a
		// copy under src/ is found from the directory holding src/.
		{"/p/b/tests/test_b.py", "test_b", "pkg=b.,tools=b."},
		{"/p/d/tests/test_d.py", "test_d", "pkg=d.src."},
		{"/p/d/src/pkg/__init__.py", "d.src.pkg", "pkg=d.src."},
	}
	for _, c := range cases {
		n := l.Naming(filepath.FromSlash(c.path))
		if n.Name != c.name || strings.Join(n.LocalKey(), ",") != c.local {
			t.Errorf("%s: got %q local %v, want %q local %s", c.path, n.Name, n.LocalKey(), c.name, c.local)
		}
		// A later copy's module leaves its plain name to the first copy's.
		for _, plain := range []string{"pkg.util", "pkg"} {
			if strings.HasSuffix(n.Name, "."+plain) && contains(n.Aliases, plain) {
				t.Errorf("%s: aliases %v hold the first copy's name %s", c.path, n.Aliases, plain)
			}
		}
	}
	// Imports of b's copy: relative and absolute ones of its own names stay
	// in b; a name b does not provide is the plain one.
	src := "from .util import f\nfrom . import util\nimport pkg.util\nfrom tools import t\nimport os.path\nfrom other import o\n"
	m := BuildModuleNamed(Parse("/p/b/pkg/app.py", []byte(src)), l.Naming("/p/b/pkg/app.py"))
	var got []string
	for _, imp := range m.Imports {
		got = append(got, imp.Qualified)
	}
	want := "b.pkg.util.f b.pkg.util b.pkg b.tools.t os other.o"
	if strings.Join(got, " ") != want {
		t.Errorf("imports of b/pkg/app.py resolve to %v, want %s", got, want)
	}
	if b := m.Scope.Bindings.Get("pkg"); b == nil || b.Qualified != "b.pkg" {
		t.Errorf("`import pkg.util` in b's copy binds pkg to %+v, want b.pkg", b)
	}
	// Files that rename others: a package's __init__.py, a module of a name
	// another root provides; not a module of its root's own name, nor a
	// library's copy.
	for path, want := range map[string]bool{
		"/p/e/pkg/__init__.py": true, "/p/e/tools.py": true, "/p/b/pkg/new.py": false,
		"/p/e/fresh.py": false, "/p/e/trio.py": false,
	} {
		if got := l.Renames(path); got != want {
			t.Errorf("Renames(%s) = %v, want %v", path, got, want)
		}
	}
	// Another layout order names the same copies the same way.
	for i, j := 0, len(paths)-1; i < j; i, j = i+1, j-1 {
		paths[i], paths[j] = paths[j], paths[i]
	}
	if n := NewLayout("/p", paths).Naming("/p/b/pkg/util.py"); n.Name != "b.pkg.util" {
		t.Errorf("reversed paths name b/pkg/util.py %q", n.Name)
	}
}

// TestImportUnlessFailed: a name bound by an import in a try body and by an
// assignment in its `except ImportError:` handler, and nothing else, means
// what the try imports; resolution still gives it no value.
func TestImportUnlessFailed(t *testing.T) {
	m := build(t, `
try:
    from pytest_asyncio import fixture as async_fixture
except ImportError:
    import pytest
    async_fixture = pytest.fixture

try:
    from pytest_asyncio import fixture as other_handler
except RuntimeError:
    other_handler = None

try:
    from pytest_asyncio import fixture as rebound
except ImportError:
    rebound = None
rebound = object()

async_fixture
other_handler
rebound
`)
	want := map[string]string{"async_fixture": "pytest_asyncio.fixture", "other_handler": "", "rebound": ""}
	seen := 0
	m.File.Root.Walk(func(n *Node) bool {
		if n.Type() != "expression_statement" {
			return true
		}
		id := n.NamedChildren()[0]
		name, ok := want[m.File.Text(id)]
		if !ok || id.Type() != "identifier" {
			return true
		}
		seen++
		if got := m.ImportUnlessFailed(id); got != name {
			t.Errorf("ImportUnlessFailed(%s) = %q, want %q", m.File.Text(id), got, name)
		}
		if r := m.Resolve(id); r.Name != "" {
			t.Errorf("Resolve(%s) = %q, want nothing (the bindings disagree)", m.File.Text(id), r.Name)
		}
		return true
	})
	if seen != 3 {
		t.Fatalf("saw %d names, want 3", seen)
	}
}
