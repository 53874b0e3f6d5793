package analysis

import (
	"bytes"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/asyncls/asyncls/pylib"
)

// What one module's findings may depend on beyond itself, so that a change
// re-checks only the modules it can affect (the language server's
// dependents, the cache of `check`, checking named files alone):
//   - the modules it may look names up in: ImportClosure;
//   - project-wide facts that every module contributes to, whatever
//     imports what: ProjectWideFacts.

// ImportedModules returns the modules of the project that the import of
// the qualified name q may denote, as Lookup finds them: the module of each
// prefix of q, and every module below q (`import pkg` gives access to
// `pkg.sub`).
func (p *Project) ImportedModules(q string) []*Module {
	var out []*Module
	for i := 0; i <= len(q); i++ {
		if i == len(q) || q[i] == '.' {
			if m := p.byName[q[:i]]; m != nil {
				out = append(out, m)
			}
		}
	}
	names := p.sortedNames()
	prefix := q + "."
	for j := sort.SearchStrings(names, prefix); j < len(names) && strings.HasPrefix(names[j], prefix); j++ {
		out = append(out, p.byName[names[j]])
	}
	return out
}

// sortedNames returns the module names of the project (names and aliases),
// sorted; computed once per snapshot.
func (p *Project) sortedNames() []string {
	p.namesOnce.Do(func() {
		p.names = make([]string, 0, len(p.byName))
		for n := range p.byName {
			p.names = append(p.names, n)
		}
		sort.Strings(p.names)
	})
	return p.names
}

// ImportNames returns the qualified names m imports (modules imported
// from, and the names imported), each once, sorted; computed once per
// module and shared: callers must not modify it.
func (m *Module) ImportNames() []string {
	return m.Memo("analysis.importNames", func() any { return m.importNames() }).([]string)
}

func (m *Module) importNames() []string {
	seen := map[string]bool{}
	var out []string
	for _, imp := range m.Imports {
		for _, n := range []string{imp.Module, imp.Qualified} {
			if n != "" && !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	sort.Strings(out)
	return out
}

// ImportClosure returns the modules that the modules from may look names
// up in: themselves and the modules they import, directly or not (with the
// modules an import of a module's own name may mean, OwnNameModules, and
// the conftest.py files whose fixtures their tests may request,
// ConftestModules). Names resolve across modules through those only, so
// a module outside the closure can change their findings only through
// ProjectWideFacts.
func (p *Project) ImportClosure(from ...*Module) map[*Module]bool {
	seen, queue := startWalk(from)
	for len(queue) > 0 {
		m := queue[0]
		queue = queue[1:]
		for _, q := range m.ImportNames() {
			for _, dep := range p.ImportedModules(q) {
				if !seen[dep] {
					seen[dep] = true
					queue = append(queue, dep)
				}
			}
		}
		for _, dep := range append(p.OwnNameModules(m), p.ConftestModules(m)...) {
			if !seen[dep] {
				seen[dep] = true
				queue = append(queue, dep)
			}
		}
	}
	return seen
}

// startWalk returns the set and queue a walk over modules starts with:
// from, without nils and repeats.
func startWalk(from []*Module) (map[*Module]bool, []*Module) {
	seen := make(map[*Module]bool, len(from))
	queue := make([]*Module, 0, len(from))
	for _, m := range from {
		if m != nil && !seen[m] {
			seen[m] = true
			queue = append(queue, m)
		}
	}
	return seen, queue
}

// ImportedBy returns the modules whose ImportClosure holds one of from
// (themselves included): those that may look names up in them, the
// reverse of ImportClosure. A module named like a builtin or a library
// asyncls has facts about may be looked up by any module without an
// import (a library type's name resolves to the project's module of that
// name, as lint's import graph and scoped check take it), so every module
// of the project is returned when such a module is reached. The direct
// importers are indexed once asked; a snapshot made by With derives the
// index from its predecessor's (deriveImporters).
func (p *Project) ImportedBy(from ...*Module) map[*Module]bool {
	idx := p.importerIndex()
	seen, queue := startWalk(from)
	for len(queue) > 0 {
		m := queue[0]
		queue = queue[1:]
		if idx.ambient[m.File.Path] {
			all := make(map[*Module]bool, len(p.byPath))
			for _, x := range p.byPath {
				all[x] = true
			}
			return all
		}
		for _, path := range idx.importers[m.File.Path] {
			if dep := p.byPath[path]; dep != nil && !seen[dep] {
				seen[dep] = true
				queue = append(queue, dep)
			}
		}
	}
	return seen
}

// importers is ImportedBy's index of a snapshot: by module path, the paths
// of the modules importing it directly (ImportedModules of their
// ImportNames), and the paths of the modules any module may look up
// (ambient).
type importers struct {
	importers map[string][]string
	ambient   map[string]bool
}

func (p *Project) importerIndex() *importers {
	if x := p.importers.Load(); x != nil {
		return x
	}
	idx := &importers{importers: map[string][]string{}, ambient: map[string]bool{}}
	roots := libraryRoots()
	for _, m := range p.Modules() {
		for _, n := range append([]string{m.Name}, m.Aliases...) {
			if top, _, _ := strings.Cut(n, "."); n != "" && (roots[top] || IsBuiltin(top)) {
				idx.ambient[m.File.Path] = true
			}
		}
		for _, dep := range directImports(p, m) {
			idx.importers[dep.File.Path] = append(idx.importers[dep.File.Path], m.File.Path)
		}
	}
	p.importers.Store(idx)
	return idx
}

// deriveImporters returns ImportedBy's index of p, made from prev by
// changed (path -> new module, nil when removed), from prev's index x:
// x itself when each replaces a module of the same path, names and
// imports (an edit that leaves the imports alone), else x with the direct
// imports of those whose imports changed updated; nil (built again when
// asked) when a module appears, goes or is renamed, which changes what
// other modules' imports denote.
func deriveImporters(p, prev *Project, x *importers, changed map[string]*Module) *importers {
	var moved []string
	for path, m := range changed {
		old := prev.byPath[path]
		if m == nil || old == nil || m.Name != old.Name || !slices.Equal(m.Aliases, old.Aliases) {
			return nil
		}
		if !slices.Equal(m.ImportNames(), old.ImportNames()) || !slices.Equal(m.OwnNameImports(), old.OwnNameImports()) || m.mayRequestFixtures() != old.mayRequestFixtures() {
			moved = append(moved, path)
		}
	}
	if len(moved) == 0 {
		return x
	}
	y := &importers{importers: maps.Clone(x.importers), ambient: x.ambient}
	for _, path := range moved {
		for _, dep := range directImports(prev, prev.byPath[path]) {
			y.importers[dep.File.Path] = slices.DeleteFunc(slices.Clone(y.importers[dep.File.Path]), func(s string) bool { return s == path })
		}
		for _, dep := range directImports(p, p.byPath[path]) {
			y.importers[dep.File.Path] = append(slices.Clone(y.importers[dep.File.Path]), path)
		}
	}
	return y
}

// directImports returns the modules of p other than m that m's imports
// may denote, each once, with those an import of its own name may mean
// (OwnNameModules) and its conftest.py files (ConftestModules).
func directImports(p *Project, m *Module) []*Module {
	var out []*Module
	for _, q := range m.ImportNames() {
		for _, dep := range p.ImportedModules(q) {
			if dep != m && !slices.Contains(out, dep) {
				out = append(out, dep)
			}
		}
	}
	for _, dep := range append(p.OwnNameModules(m), p.ConftestModules(m)...) {
		if !slices.Contains(out, dep) {
			out = append(out, dep)
		}
	}
	return out
}

// HoldsRunningInstanceAttr reports whether m's text holds the name of a
// library attribute typed as a class the project may subclass
// (pylib.RunningInstanceAttrs: `bot` of `ctx.bot`): a check of a module
// that neither holds one nor may look names up in one that does asks
// nothing about the project's subclasses of those classes (lint's cache:
// mayAskSubclass). Memoised per module.
func (m *Module) HoldsRunningInstanceAttr() bool {
	return m.Memo("holdsRunningInstanceAttr", func() any {
		for _, name := range pylib.RunningInstanceAttrs() {
			if bytes.Contains(m.File.Src, []byte(name)) {
				return true
			}
		}
		return false
	}).(bool)
}

// ProjectWideFacts describes what m contributes to the project-wide
// questions any module's rules may ask, whatever it imports: the names it
// uses as values (UsesAsValue), its classes' bases, methods defined other
// than as an async def (a subclass overriding an async method with a sync
// one changes what calls through the base return) and names defined in any
// way (overriddenByAny: a subclass overriding a plain method with an async
// one), what its calls pass the functions of the project (CallSiteFacts:
// the types parameters take from their callers), and the names it rebinds
// on objects or patches (PatchedNames: a plain function replaced at run
// time), and the attributes it stores on instances with the types of the
// objects and values (attrStoreFacts: what attrStoreType reads). Two
// versions of a module with equal facts answer those questions alike.
func (m *Module) ProjectWideFacts() string {
	var b strings.Builder
	names := make([]string, 0, len(m.ValueNames()))
	for n := range m.ValueNames() {
		names = append(names, n)
	}
	sort.Strings(names)
	b.WriteString("values:")
	b.WriteString(strings.Join(names, ","))
	for _, c := range m.Classes {
		b.WriteString("\nclass ")
		b.WriteString(c.QualName)
		b.WriteString("(")
		for _, base := range c.Bases {
			b.WriteString(m.File.Text(base))
			b.WriteString(",")
		}
		b.WriteString("):")
		b.WriteString(strings.Join(c.syncMemberNames(), ","))
		b.WriteString(";")
		b.WriteString(strings.Join(c.memberNames(), ","))
	}
	b.WriteString("\ncalls:\n")
	b.WriteString(m.CallSiteFacts())
	b.WriteString("\npatched:")
	b.WriteString(strings.Join(m.PatchedNames(), ","))
	b.WriteString("\nstores:\n")
	b.WriteString(m.attrStoreFacts())
	return b.String()
}

// syncMemberNames returns the names c defines other than as a coroutine
// function (sync methods, async generators and class-level assignments),
// sorted: what overriddenBySync indexes.
func (c *Class) syncMemberNames() []string {
	var out []string
	for name, meth := range c.Methods {
		if !meth.Async || meth.Generator {
			out = append(out, name)
		}
	}
	for name, b := range c.Scope.Bindings.All() {
		if b.Kind == BindAssign {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// IsBuiltin reports whether name is one of Python's builtins, which
// resolve to themselves where the module does not bind them.
func IsBuiltin(name string) bool { return builtins[name] }

// SyncMemberNames returns the names m's classes define other than as a
// coroutine function, each once, sorted: the methods whose async definitions in
// other classes a subclass in m may override with sync ones (see
// Project.IsCoroutineFunction). Caches keep it instead of the module.
func (m *Module) SyncMemberNames() []string {
	return uniqueClassNames(m, nil, (*Class).syncMemberNames)
}
