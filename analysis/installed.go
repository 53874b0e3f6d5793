package analysis

import (
	"strings"

	"github.com/asyncls/asyncls/pylib"
)

// Facts from the installed libraries (docs/architecture.md "Facts from the
// installed libraries"). A project's environment holds the sources of the
// libraries it imports; where pylib has no record of a name, what the
// library's own source says (`async def get_me`, `-> Client`) answers the
// one question the rules cannot answer without it: does calling this name
// make a coroutine? Library modules never join a project (Modules, the
// project-wide indexes): they are reached only by name, through
// InstalledLookup, and what comes out of them is a name or a yes/no, never
// a *Function or *Class of theirs that a rule could walk into (no finding,
// no call chain, no evidence of use comes from library code).

// LibrarySource gives the modules of the installed libraries by dotted
// name, parsed when first asked (nil when the environment has none). It
// must be safe for concurrent use. The modules it returns have Library set.
type LibrarySource interface {
	LibraryModule(name string) *Module
}

// SetLibraries makes the project read names it does not define from the
// installed libraries of src (nil: none). Call it before the first question;
// snapshots made by With and Without keep it.
func (p *Project) SetLibraries(src LibrarySource) { p.libs = src }

// Libraries returns what SetLibraries set.
func (p *Project) Libraries() LibrarySource { return p.libs }

// moduleIn is the project's module named name, or, with libs and when the
// project has none, the installed library's.
func (p *Project) moduleIn(name string, libs bool) *Module {
	if m := p.byName[name]; m != nil || !libs || p.libs == nil || name == "" {
		return m
	}
	return p.libs.LibraryModule(name)
}

// InstalledLookup resolves a qualified name as Lookup does, following it
// into the installed libraries where it leaves the project (re-exports in
// a package's __init__, base classes in other modules of the library). The
// symbol it returns may belong to a library module (Module.Library): only
// this file reads it.
func (p *Project) installedLookup(qualified string) Symbol {
	if p == nil || p.libs == nil || qualified == "" {
		return Symbol{}
	}
	if v, ok := p.installed.Load(qualified); ok {
		return v.(Symbol)
	}
	s := p.lookupIn(qualified, 0, newLookupState(), true)
	p.installed.Store(qualified, s)
	return s
}

// installedFunction is the function of an installed library that the
// qualified name (or, asked afresh, its canonical form) denotes, when pylib
// has no record of either (a record keeps precedence: it carries what
// source cannot). depth > 0: asked inside another resolution, which the
// lookup may lead back to: looked up with the depth carried on (so that a
// cycle ends at the depth limits) and not memoised, as refOf does.
func (p *Project) installedFunction(name string, depth int) *Function {
	if p == nil || p.libs == nil || name == "" {
		return nil
	}
	var names []string
	if depth == 0 {
		// Through the project's modules (a subclass of a library class, a
		// re-export): asked once per snapshot, memoised.
		if p.inProject(name) || p.libraryName(name) {
			names = append(names, name)
		}
		if c := p.Canonical(name); c != name && p.libraryName(c) {
			names = append(names, c)
		}
	} else if p.libraryName(name) {
		// Inside another resolution, only a name of a library module:
		// what the project defines was looked up already.
		names = append(names, name)
	}
	for _, n := range names {
		if _, ok := pylib.Lookup(n); ok {
			return nil
		}
	}
	for _, n := range names {
		var s Symbol
		if depth == 0 {
			s = p.installedLookup(n)
		} else {
			s = p.lookupIn(n, depth+1, newLookupState(), true)
		}
		if s.Func != nil && s.Func.module != nil && s.Func.module.Library {
			return s.Func
		}
	}
	return nil
}

// libraryName reports whether name starts with a module of the installed
// libraries (its first components: a namespace package's first ones have
// no module of their own) that the project does not define: a cheap,
// memoised test before a lookup.
func (p *Project) libraryName(name string) bool {
	parts := strings.Split(name, ".")
	if len(parts) < 2 || p.byName[parts[0]] != nil {
		return false
	}
	for i := 1; i < len(parts) && i <= 4; i++ {
		if p.libs.LibraryModule(strings.Join(parts[:i], ".")) != nil {
			return true
		}
	}
	return false
}

// InstalledCoroutine reports whether name is a coroutine function of an
// installed library: an `async def` (not an async generator), or, in a
// stub, a `def` annotated to return a Coroutine.
func (p *Project) InstalledCoroutine(name string) bool {
	f := p.installedFunction(name, 0)
	if f == nil || f.Name == "__init__" {
		return false
	}
	if f.IsCoroutineFunction() {
		return true
	}
	if f.Async || f.Generator || f.Lambda {
		return false
	}
	rt := f.Node.ChildByField("return_type")
	if rt == nil {
		return false
	}
	// A coroutine proper (it runs once), not any awaitable.
	r := f.module.annotationType(rt, 1)
	return pylib.AwaitableAnnotations[r.Name] && strings.HasSuffix(r.Name, ".Coroutine")
}

// installedResult is the type (a qualified name) of what calling name
// gives, awaited when awaited, by the return annotation of an installed
// library's function; "" when it is not one or says nothing usable.
func (p *Project) installedResult(name string, awaited bool, depth int) string {
	f := p.installedFunction(name, depth+1)
	if f == nil || f.Lambda || f.Generator || f.Async != awaited || f.Name == "__init__" {
		return ""
	}
	r := f.returnType(maxResolveDepth + 1) // annotated only
	switch {
	case r.Class != nil:
		return r.Class.FullName()
	case r.Func == nil && r.Via == "" && r.Name != "" && r.Instance:
		return r.Name
	}
	return ""
}
