package analysis

import (
	"maps"
	slashpath "path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/asyncls/asyncls/pylib"
)

// Layout names modules from file paths: a file's module name is its path
// below the first ancestor directory that is not a package (has no
// __init__.py among the project's files), its import root. That handles
// flat projects, packages and src/ layouts alike without touching the file
// system.
//
// Several import roots of one project may provide the same top-level name
// (two vendored copies of a package, `a/pkg` beside `b/pkg`): Python finds
// each copy's modules from that copy, so the layout names all but one copy
// apart. The copy whose root comes first by path keeps the plain names; the
// others' names start with their root's path (`b.pkg.util`). Relative
// imports follow the importing module's own name, and absolute ones mean the
// copy of the nearest root providing the name (Naming.Local), so that
// nothing of one copy resolves into another.
// Copies of a library pylib has facts about keep its name (the facts are
// about that name).
type Layout struct {
	Root     string
	packages map[string]bool // directories holding an __init__.py
	paths    map[string]bool

	mu       sync.Mutex
	copiesOf map[string]map[string]string // copies(); nil when stale
}

// NewLayout records which directories of paths are packages.
func NewLayout(root string, paths []string) *Layout {
	l := &Layout{Root: filepath.Clean(root), packages: map[string]bool{}, paths: map[string]bool{}}
	for _, p := range paths {
		l.AddPath(p)
	}
	return l
}

// AddPath records one more file (the server learns files one by one).
func (l *Layout) AddPath(p string) {
	p = filepath.Clean(p)
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.paths[p] {
		return
	}
	l.paths[p] = true
	l.copiesOf = nil
	if filepath.Base(p) == "__init__.py" {
		l.packages[filepath.Dir(p)] = true
	}
}

// Naming is how the layout names the module at a path.
type Naming struct {
	Name      string   // dotted module name
	IsPackage bool     // a package's __init__.py
	Aliases   []string // other names it may be imported by
	// Local maps the top-level names that several import roots provide to
	// the prefix of the copy the module's absolute imports of them mean
	// (its root's path, "b."), when not the first copy.
	Local map[string]string
}

// ModuleName returns the dotted name of the module at path, whether it is a
// package's __init__.py, and other names it may be imported by.
func (l *Layout) ModuleName(path string) (name string, isPackage bool, aliases []string) {
	n := l.Naming(path)
	return n.Name, n.IsPackage, n.Aliases
}

// importRoot returns the plain dotted name of the module at path and the
// directory it is imported from.
func (l *Layout) importRoot(path string) (parts []string, isPackage bool, root string) {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	dir := filepath.Dir(path)
	if base == "__init__" {
		isPackage = true
	} else {
		parts = append(parts, base)
	}
	for l.packages[dir] {
		parts = append(parts, filepath.Base(dir))
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	reverse(parts)
	return parts, isPackage, dir
}

// relative returns path relative to the root, "" and false when outside it.
// Relative paths are compared as absolute ones (the root usually is).
func (l *Layout) relative(path string) (string, bool) {
	if filepath.IsAbs(l.Root) && !filepath.IsAbs(path) {
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
	}
	rel, err := filepath.Rel(l.Root, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	if rel == "." {
		rel = ""
	}
	return filepath.ToSlash(rel), true
}

// copies returns, for each import root (a path relative to the project
// root), the top-level names it provides that another root provides too,
// each with the prefix naming that root's copy ("" for the first copy by
// path, which keeps the plain names).
func (l *Layout) copies() map[string]map[string]string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.copiesOf != nil {
		return l.copiesOf
	}
	providers := map[string]map[string]bool{} // top-level name -> roots
	for p := range l.paths {
		parts, _, root := l.importRoot(p)
		if len(parts) == 0 {
			continue
		}
		rel, ok := l.relative(root)
		if !ok {
			continue
		}
		if providers[parts[0]] == nil {
			providers[parts[0]] = map[string]bool{}
		}
		providers[parts[0]][rel] = true
	}
	l.copiesOf = map[string]map[string]string{}
	libraries := libraryRoots()
	for top, roots := range providers {
		// A library asyncls has facts about keeps its name in every copy:
		// renamed, a copy's own names would lose those facts.
		if len(roots) < 2 || libraries[top] {
			continue
		}
		for i, root := range slices.Sorted(maps.Keys(roots)) {
			if l.copiesOf[root] == nil {
				l.copiesOf[root] = map[string]string{}
			}
			if i > 0 {
				l.copiesOf[root][top] = strings.ReplaceAll(root, "/", ".") + "."
			} else {
				l.copiesOf[root][top] = ""
			}
		}
	}
	return l.copiesOf
}

// Renames reports whether the file at path, appearing or disappearing,
// changes the names of other modules (or what their imports mean): a
// package's __init__.py, or the only module of its import root with a
// top-level name that another root provides too.
func (l *Layout) Renames(path string) bool {
	path = filepath.Clean(path)
	if filepath.Base(path) == "__init__.py" {
		return true
	}
	parts, _, root := l.importRoot(path)
	rel, ok := l.relative(root)
	if len(parts) == 0 || !ok || libraryRoots()[parts[0]] {
		return false
	}
	// Whether its root provides the name without it, and another root does.
	own, other := false, false
	l.mu.Lock()
	defer l.mu.Unlock()
	for p := range l.paths {
		if p == path {
			continue
		}
		if otherParts, _, otherRoot := l.importRoot(p); len(otherParts) > 0 && otherParts[0] == parts[0] {
			if otherRel, ok := l.relative(otherRoot); ok {
				own = own || otherRel == rel
				other = other || otherRel != rel
			}
		}
	}
	return other && !own
}

// libraryRoots: the top-level names of the libraries pylib has facts about.
var libraryRoots = sync.OnceValue(pylib.Roots)

// Naming returns how the module at path is named.
func (l *Layout) Naming(path string) Naming {
	path = filepath.Clean(path)
	parts, isPackage, root := l.importRoot(path)
	n := Naming{Name: strings.Join(parts, "."), IsPackage: isPackage}
	plain := n.Name
	// The copies of top-level names several roots provide that the
	// module's imports mean: those of the nearest root providing each, from
	// its own import root up to the project root (and each one's src/), as
	// Python run from there would find them. The module itself, when in a
	// later copy, is named by its root's path.
	if rootRel, ok := l.relative(root); ok {
		copies := l.copies()
		for dir := rootRel; ; dir = parentDir(dir) {
			for _, r := range []string{dir, slashpath.Join(dir, "src")} {
				for top, prefix := range copies[r] {
					if _, decided := n.Local[top]; !decided {
						if n.Local == nil {
							n.Local = map[string]string{}
						}
						n.Local[top] = prefix
					}
				}
			}
			if dir == "" {
				break
			}
		}
		if len(parts) > 0 {
			if prefix := copies[rootRel][parts[0]]; prefix != "" {
				n.Name = prefix + plain
			}
		}
		// The first copies' names need no rewriting.
		for top, prefix := range n.Local {
			if prefix == "" {
				delete(n.Local, top)
			}
		}
	}
	// The path relative to the root also names the module when directories
	// are namespace packages (no __init__.py).
	if rel, ok := l.relative(path); ok && rel != "" {
		rel = strings.TrimSuffix(rel, filepath.Ext(rel))
		relParts := strings.Split(rel, "/")
		if relParts[len(relParts)-1] == "__init__" {
			relParts = relParts[:len(relParts)-1]
		}
		// A later copy's plain name belongs to the first copy.
		seen := map[string]bool{n.Name: true, plain: true, "": true}
		// Every dotted suffix of two or more parts: the project may be
		// checked from a directory above the one it is imported from
		// (`asyncls check services/api` with `from app.db import x`).
		// Exact module names always win over these aliases.
		for i := 0; i < len(relParts); i++ {
			if len(relParts)-i < 2 && i > 0 {
				break
			}
			alias := strings.Join(relParts[i:], ".")
			if !seen[alias] {
				seen[alias] = true
				n.Aliases = append(n.Aliases, alias)
			}
		}
	}
	return n
}

// LocalKey lists Local as sorted "name=prefix" strings.
func (n Naming) LocalKey() []string {
	var out []string
	for top, prefix := range n.Local {
		out = append(out, top+"="+prefix)
	}
	sort.Strings(out)
	return out
}

// parentDir returns the parent of a slash-separated relative directory ("" for the root).
func parentDir(dir string) string {
	if i := strings.LastIndexByte(dir, '/'); i >= 0 {
		return dir[:i]
	}
	return ""
}

func reverse(s []string) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// Project is an immutable snapshot of every module of a workspace. Changing
// one file makes a new snapshot (With) that shares every other module's
// model; only the changed file is re-parsed, and cross-module facts are
// recomputed lazily over the per-function call summaries.
type Project struct {
	Root string
	// stubOverrides stands for the classes of modules a streamed check
	// dropped that define a sync stub's name otherwise than as a coroutine
	// function (AddStubOverrides).
	stubOverrides map[*Function][]StubOverride
	byPath        map[string]*Module
	byName        map[string]*Module
	factsMu       sync.Mutex
	facts         map[string]*reachability
	// wrappers memoises Wrapper per kind.
	wrappersMu sync.Mutex
	wrappers   map[string]wrapperMemo
	// syncOverrides: method name -> classes defining it other than as an async def.
	syncOverridesOnce sync.Once
	syncOverrides     map[string][]*Class
	memoMu            sync.Mutex
	memo              map[string]any
	lookups           sync.Map // qualified name -> Symbol
	vias              sync.Map // Ref.Via path -> Ref
	canonical         sync.Map // qualified name -> Canonical
	declared          sync.Map // directory -> *declaredOnce (declaredSpecs)
	declarationIndex  DeclarationIndex
	// libs gives the modules of the installed libraries (SetLibraries);
	// installed memoises InstalledLookup.
	libs      LibrarySource
	installed sync.Map

	indexMu        sync.Mutex
	externalValues []map[string]bool                    // value keys of modules outside the project (AddValueNames)
	outsideValues  func(string) bool                    // the answer of modules outside the project (AddValueNamesFrom)
	values         atomic.Pointer[valueIndex]           // UsesAsValue, once asked
	sorted         atomic.Pointer[[]*Module]            // Modules(), once asked
	importers      atomic.Pointer[importers]            // ImportedBy's index, once asked
	ownNames       atomic.Pointer[map[string][]*Module] // OwnNameModules' index, once asked

	namesOnce sync.Once
	names     []string // sortedNames

	// propReads memoises PropertyReads per function.
	propMu        sync.Mutex
	propReads     map[*Function]*[]*Call
	propNamesOnce sync.Once
	propNames     map[string]bool

	recordValues    func(string, bool) // RecordValueQueries
	recordOverrides func(*Class)       // RecordOverrideQueries
	recordSubclass  func(string)       // RecordSubclassQueries
	recordPatched   func(string)       // RecordPatchQueries
	outsidePatched  func(string) bool  // AddPatchedNamesFrom
	recordCallers   func(CallerQuery)  // RecordCallerQueries

	// callerAnswers memoises callerParamType; callerIndex lists the
	// modules by the last names of the callees they call (callerModules).
	callerAnswers sync.Map
	callerIndex   moduleWordIndex

	// attrStoreAnswers memoises attrStoreType; attrStoreIndex lists the
	// modules by the attribute names they store on objects
	// (attrStoreModules).
	attrStoreAnswers sync.Map
	attrStoreIndex   moduleWordIndex

	// directSubs is directSubclasses' index, built once (not by Memo:
	// Lookup asks it, and a Memo's compute may call Lookup).
	directSubsOnce sync.Once
	directSubs     map[string][]*Class
	// selfReads is readsOnSelf's index: the names a class's source reads
	// on self, by class.
	selfReads sync.Map
}

// moduleWordIndex lists a project's modules by the words each gives
// (Module.CalledWords, Module.StoredAttrWords), built on first use.
type moduleWordIndex struct {
	once   sync.Once
	byWord map[string][]*Module
}

// modules returns the modules of p among whose words (words) is word.
func (ix *moduleWordIndex) modules(p *Project, words func(*Module) []string, word string) []*Module {
	ix.once.Do(func() {
		ix.byWord = map[string][]*Module{}
		for _, m := range p.Modules() {
			for _, w := range words(m) {
				ix.byWord[w] = append(ix.byWord[w], m)
			}
		}
	})
	return ix.byWord[word]
}

// RecordPatchQueries makes the project call record with each name it is
// asked about being rebound or patched by some module (ASL110's
// patchedIndex), so that a check of part of a project holds the modules
// that do. record must be safe for concurrent use. Call it before the
// first question.
func (p *Project) RecordPatchQueries(record func(name string)) { p.recordPatched = record }

// AddPatchedNamesFrom answers, for the modules that are not in the
// project, whether one of them rebinds or patches a name
// (Module.PatchedNames, which depends on its module alone): has(name)
// reports whether one does (a streamed check asks it of the modules of
// its other parts). has must be safe for concurrent use. Call it before
// the first question.
func (p *Project) AddPatchedNamesFrom(has func(name string) bool) { p.outsidePatched = has }

// RecordOverrideQueries makes the project call record with each class
// whose methods it is asked about being overridden by a subclass with a
// sync one (a question about every module of the project: a check of part
// of a project must hold the modules that may define such subclasses).
// record must be safe for concurrent use. Call it before the first question.
func (p *Project) RecordOverrideQueries(record func(*Class)) { p.recordOverrides = record }

// RecordSubclassQueries makes the project call record with the name of
// each library class (its last component, as a subclass's base names it)
// whose subclasses in the project it is asked about (soleSubclass), so that
// a check of part of a project holds the modules that may define one.
// Call it before the first question.
func (p *Project) RecordSubclassQueries(record func(name string)) { p.recordSubclass = record }

// Memo returns compute()'s result, computed once per snapshot under key:
// project-wide facts (which functions run in threads, ...) that every
// module's check would otherwise recompute. compute must not call Memo.
func (p *Project) Memo(key string, compute func() any) any {
	p.memoMu.Lock()
	defer p.memoMu.Unlock()
	if v, ok := p.memo[key]; ok {
		return v
	}
	if p.memo == nil {
		p.memo = map[string]any{}
	}
	v := compute()
	p.memo[key] = v
	return v
}

// NewProject makes a snapshot of modules.
func NewProject(root string, modules []*Module) *Project {
	p := &Project{Root: root, byPath: map[string]*Module{}, byName: map[string]*Module{}}
	for _, m := range modules {
		p.add(m)
	}
	return p
}

func (p *Project) add(m *Module) {
	if old, ok := p.byPath[m.File.Path]; ok {
		// The names the new version claims as strongly (the same path wins
		// as before) it takes again below: only the others go back to a
		// rival. A name the old version's primary name was and the new
		// one's alias is goes back too: another module's primary name, or
		// a later alias, wins over it now.
		kept := append([]string{m.Name}, m.Aliases...)
		if old.Name != m.Name {
			kept = slices.DeleteFunc(kept, func(n string) bool { return n == old.Name })
		}
		p.removeNames(old, kept...)
	}
	p.byPath[m.File.Path] = m
	for _, n := range append([]string{m.Name}, m.Aliases...) {
		if n == "" {
			continue
		}
		if prev, ok := p.byName[n]; !ok || TakesName(n, m.Name, m.File.Path, prev.Name, prev.File.Path) {
			p.byName[n] = m
		}
	}
}

// TakesName reports whether a module named name at path, added to a
// project, takes the import name n from the module (prevName at prevPath)
// that holds it: a module's primary name wins over another module's alias,
// of two modules named alike (copies of a library, which keep their names)
// the first by path, and of two aliases the last by path, whatever order
// they come in (a check adds modules in path order, the server in the order
// it indexes and edits them: the holder of a name must not depend on it).
// `check FILE` (lint) picks what to parse by the same rule.
func TakesName(n, name, path, prevName, prevPath string) bool {
	if name == n {
		return prevName != n || path < prevPath
	}
	return prevName != n && path > prevPath
}

// removeNames takes m's import names from it. A name m held goes back to
// the other module that claims it, as NewProject would have chosen: a
// module whose name an older version of another held (a package before its
// __init__.py was seen, a copy of a library) is otherwise unreachable by its
// own name once that version is replaced, and lookups through it fail.
// Names of kept are only deleted.
func (p *Project) removeNames(m *Module, kept ...string) {
	var freed []string
	for _, n := range append([]string{m.Name}, m.Aliases...) {
		if n != "" && p.byName[n] == m {
			delete(p.byName, n)
			if !slices.Contains(kept, n) {
				freed = append(freed, n)
			}
		}
	}
	if len(freed) > 0 {
		p.reclaimNames(m, freed)
	}
}

// claimsName reports whether n is m's import name or one of its aliases.
func (m *Module) claimsName(n string) bool { return m.Name == n || slices.Contains(m.Aliases, n) }

// reclaimNames gives each of names, just freed by gone, to the module of
// the project (other than gone) that claims it, by TakesName in path order,
// as NewProject does with modules sorted by path.
func (p *Project) reclaimNames(gone *Module, names []string) {
	var claimants []*Module
	for _, o := range p.byPath {
		if o == gone {
			continue
		}
		if slices.ContainsFunc(names, o.claimsName) {
			claimants = append(claimants, o)
		}
	}
	if len(claimants) == 0 {
		return
	}
	sort.Slice(claimants, func(i, j int) bool { return claimants[i].File.Path < claimants[j].File.Path })
	for _, n := range names {
		for _, o := range claimants {
			if !o.claimsName(n) {
				continue
			}
			if prev, ok := p.byName[n]; !ok || TakesName(n, o.Name, o.File.Path, prev.Name, prev.File.Path) {
				p.byName[n] = o
			}
		}
	}
}

// With returns a new snapshot with modules added or replaced.
func (p *Project) With(modules ...*Module) *Project {
	q := p.clone()
	changed := make(map[string]*Module, len(modules))
	for _, m := range modules {
		q.add(m)
		changed[m.File.Path] = m
	}
	q.deriveIndexes(p, changed)
	return q
}

// Without returns a new snapshot without the module at path.
func (p *Project) Without(path string) *Project {
	q := p.clone()
	if m, ok := q.byPath[path]; ok {
		q.removeNames(m)
		delete(q.byPath, path)
		q.deriveIndexes(p, map[string]*Module{path: nil})
	} else {
		q.deriveIndexes(p, nil)
	}
	return q
}

// deriveIndexes gives p, made from prev by changed (path -> new module, nil
// when removed), the indexes prev has already built, updated incrementally.
func (p *Project) deriveIndexes(prev *Project, changed map[string]*Module) {
	if x := prev.values.Load(); x != nil {
		if y := x.derive(changed); y != nil {
			p.values.Store(y)
		}
	}
	if s := prev.sorted.Load(); s != nil {
		sorted := deriveSorted(*s, changed)
		p.sorted.Store(&sorted)
	}
	if x := prev.importers.Load(); x != nil {
		if y := deriveImporters(p, prev, x, changed); y != nil {
			p.importers.Store(y)
		}
	}
}

func (p *Project) clone() *Project {
	// maps.Clone copies the tables wholesale, several times faster than
	// re-inserting each of a large workspace's modules on every edit.
	p.indexMu.Lock()
	external, outside := p.externalValues, p.outsideValues
	p.indexMu.Unlock()
	return &Project{Root: p.Root, byPath: maps.Clone(p.byPath), byName: maps.Clone(p.byName), externalValues: external, outsideValues: outside, libs: p.libs}
}

// Module returns the module at path.
func (p *Project) Module(path string) *Module { return p.byPath[path] }

// ModuleNamed returns the module with the dotted name.
func (p *Project) ModuleNamed(name string) *Module { return p.byName[name] }

// Modules returns all modules sorted by path. The slice is shared: callers
// must not modify it. A snapshot made by With or Without derives it from its
// predecessor's (a copy and one insertion), so rules asking for it on each
// keystroke of a large workspace do not sort every module again.
func (p *Project) Modules() []*Module {
	if s := p.sorted.Load(); s != nil {
		return *s
	}
	out := make([]*Module, 0, len(p.byPath))
	for _, m := range p.byPath {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File.Path < out[j].File.Path })
	p.sorted.Store(&out)
	return out
}

// deriveSorted returns prev (sorted by path) with changed applied (path ->
// new module, nil when removed).
func deriveSorted(prev []*Module, changed map[string]*Module) []*Module {
	out := append(make([]*Module, 0, len(prev)+len(changed)), prev...)
	for path, m := range changed {
		i := sort.Search(len(out), func(i int) bool { return out[i].File.Path >= path })
		found := i < len(out) && out[i].File.Path == path
		switch {
		case found && m != nil:
			out[i] = m
		case found:
			out = append(out[:i], out[i+1:]...)
		case m != nil:
			out = append(out, nil)
			copy(out[i+1:], out[i:])
			out[i] = m
		}
	}
	return out
}

// Dependents returns the modules that import the module at path.
func (p *Project) Dependents(path string) []*Module {
	target := p.byPath[path]
	if target == nil {
		return nil
	}
	var names, prefixes []string
	for _, n := range append([]string{target.Name}, target.Aliases...) {
		if n != "" {
			names = append(names, n)
			prefixes = append(prefixes, n+".")
		}
	}
	var out []*Module
	for _, m := range p.Modules() {
		if m == target {
			continue
		}
	imports:
		for _, imp := range m.Imports {
			for i, n := range names {
				if imp.Module == n || imp.Qualified == n || strings.HasPrefix(imp.Qualified, prefixes[i]) {
					out = append(out, m)
					break imports
				}
			}
		}
	}
	return out
}

// Symbol is a name of the project resolved to its definition.
type Symbol struct {
	Module *Module
	Func   *Function
	Class  *Class
}

// Lookup resolves a qualified name ("pkg.mod.C.m") to a function or class of
// the project, following re-exports (from .mod import f in __init__.py).
func (p *Project) Lookup(qualified string) Symbol {
	if p == nil || qualified == "" {
		return Symbol{}
	}
	// Lookups repeat across the modules of a check (every call of the same
	// name): remember them for this snapshot.
	if v, ok := p.lookups.Load(qualified); ok {
		return v.(Symbol)
	}
	s := p.lookup(qualified, 0, newLookupState())
	p.lookups.Store(qualified, s)
	return s
}

// lookup resolves qualified; st records what this lookup already followed
// (lookupState), so packages that star-import each other
// (asyncio/__init__.py has twenty) and class hierarchies that share bases
// are expanded once, not exponentially often.
func (p *Project) lookup(qualified string, depth int, st *lookupState) Symbol {
	return p.lookupIn(qualified, depth, st, false)
}

// lookupState is what one lookup has followed: the modules whose star
// imports it expanded, and the members of base classes in other modules
// it looked for and did not find, with the least depth they were asked at.
// Without the latter, a class whose bases (in other modules) share bases
// of their own is searched once per path through the hierarchy: five
// bases a level, seven levels deep, is 78,125 searches for a name no class
// defines, seconds of CPU per name (review24); with it, each member of
// each class once.
type lookupState struct {
	starred map[*Module]bool
	missing map[string]int
	// viaBase is set while lookupIn follows a class's base to another
	// module (`Sub.x` looked for as `Base.x`), until the class it names is
	// reached: mixinHostMethod answers only direct lookups.
	viaBase bool
}

func newLookupState() *lookupState {
	return &lookupState{starred: map[*Module]bool{}, missing: map[string]int{}}
}

// lookupIn is lookup; with libs, a module name the project does not define
// is looked up in the installed libraries (InstalledLookup).
func (p *Project) lookupIn(qualified string, depth int, st *lookupState, libs bool) Symbol {
	if p == nil || qualified == "" || depth > 8 {
		return Symbol{}
	}
	parts := strings.Split(qualified, ".")
	for i := len(parts) - 1; i >= 1; i-- {
		m := p.moduleIn(strings.Join(parts[:i], "."), libs)
		if m == nil {
			continue
		}
		rest := parts[i:]
		b := m.Scope.Bindings.Get(rest[0])
		if b == nil {
			// A re-export through `from .core import *` (in a package's
			// __init__.py, typically).
			if s := p.lookupStarred(m, rest, depth, st, libs); s.Func != nil || s.Class != nil {
				return s
			}
			// `pkg.storage.balance` where pkg/__init__.py rebinds the name of
			// its submodule (`storage = Storage()`): the attribute of the
			// package is what an import of pkg.storage yields.
			continue
		}
		switch b.Kind {
		case BindDef:
			if len(rest) == 1 {
				return Symbol{Module: m, Func: b.Func}
			}
		case BindClass:
			cls := b.Class
			viaBase := st.viaBase
			st.viaBase = false
			if len(rest) == 1 {
				return Symbol{Module: m, Class: cls}
			}
			if len(rest) == 2 {
				if f := cls.lookupMethod(rest[1], 0); f != nil {
					return Symbol{Module: f.module, Func: f}
				}
				// The method may come from a base class in another module;
				// a library base before it in the MRO may define it.
				for _, base := range cls.Bases {
					r := m.Resolve(base)
					if r.Class == nil && r.Name != "" {
						// A member already looked for and not found, at
						// this depth or with more depth left, is not found
						// again.
						member := r.Name + "." + rest[1]
						if d, ok := st.missing[member]; !ok || depth+1 < d {
							st.viaBase = true
							s := p.lookupIn(member, depth+1, st, libs)
							st.viaBase = false
							if s.Func != nil {
								return s
							}
							if d, ok := st.missing[member]; !ok || depth+1 < d {
								st.missing[member] = depth + 1
							}
						}
						if p.lookupIn(r.Name, depth+1, st, libs).Class == nil && !pylib.LacksAttr(r.Name, rest[1]) {
							break
						}
					}
				}
				// Forwarded by __getattr__ as a coroutine function.
				if !cls.definesAttr(rest[1], 0) && cls.libraryBaseFor(rest[1], 0) == "" {
					if f := cls.getattrCoroutine(); f != nil {
						return Symbol{Module: f.module, Func: f}
					}
					// A mixin's member its one host class defines
					// (mixin_hosts.go).
					if f := p.mixinHostMethod(cls, rest[1], viaBase); f != nil {
						return Symbol{Module: f.module, Func: f}
					}
				}
			}
			// `pkg.ent.Ent.coordinator.api.fetch`: an attribute of an
			// instance of the class, then what its type holds.
			if len(rest) > 2 {
				if next := p.instanceAttrName(cls, rest[1], depth); next != "" {
					return p.lookupIn(next+"."+strings.Join(rest[2:], "."), depth+1, st, libs)
				}
			}
		case BindImport:
			target := b.Qualified
			if len(rest) > 1 {
				target += "." + strings.Join(rest[1:], ".")
			}
			if target != qualified {
				return p.lookupIn(target, depth+1, st, libs)
			}
			// The module imports the name from itself (`from pkg import X`
			// in pkg/__init__.py, X bound only by that import, no module
			// pkg.X of the project): at run time that fails unless the
			// name means another module, one a
			// sys.path entry provides (a package that puts its own
			// directory on sys.path and imports its inner package of the
			// same name, as Home Assistant integrations do with
			// site.addsitedir).
			if p.byName[b.Qualified] == nil {
				if other := p.shadowedBy(m); other != nil {
					return p.lookupIn(other.Name+"."+strings.Join(rest, "."), depth+1, st, libs)
				}
			}
		case BindAssign:
			// A module-level instance: `repo = Repo()` in another module.
			r := m.resolveBinding(b, 0)
			if !r.Known() && len(b.Values) == 1 && b.Values[0] != nil {
				// A type alias: `MaybeApi = Optional[Api]`.
				r = m.annotationType(b.Values[0], 0)
			}
			// An instance (`repo = Repo()`) or an alias of the class (`ApiAlias = Api`).
			if r.Class != nil && len(rest) == 2 {
				if f := r.Class.lookupMethod(rest[1], 0); f != nil {
					return Symbol{Module: f.module, Func: f}
				}
			}
			if target := continuedName(r, rest); target != "" && target != qualified {
				return p.lookupIn(target, depth+1, st, libs)
			}
		}
		return Symbol{}
	}
	return Symbol{}
}

// shadowedBy returns the one other module of the project whose name ends
// with m's name ("pkg.inner" for "inner"), the module an absolute import of
// m's name means once a directory holding it is put on sys.path; nil when
// there is none or more than one. Asked only of a module that imports a
// name from itself (Module.OwnNameImports) that names no module of the
// project: its dependencies hold every such module (OwnNameModules).
func (p *Project) shadowedBy(m *Module) *Module {
	var found *Module
	for _, o := range p.ownNameIndex()[m.Name] {
		if o == m {
			continue
		}
		if found != nil {
			return nil
		}
		found = o
	}
	return found
}

// OwnNameModules returns the modules an import of m's own name in m may
// mean (shadowedBy's candidates: the modules named *.NAME for m's NAME),
// none unless m imports from itself a name that no module of the project
// is named by (OwnNameShadows). They are among the modules m may look
// names up in, as those it imports are (ImportClosure, ImportedBy; lint's
// import graphs take them alike).
func (p *Project) OwnNameModules(m *Module) []*Module {
	if m == nil || !OwnNameShadows(m.OwnNameImports(), func(q string) bool { return p.byName[q] != nil }) {
		return nil
	}
	var out []*Module
	for _, o := range p.ownNameIndex()[m.Name] {
		if o != m {
			out = append(out, o)
		}
	}
	return out
}

// OwnNameShadows reports whether one of a module's own-name imports
// (Module.OwnNameImports) may mean a module of another directory: one
// that no module of the project is named by (isModule). `from . import
// sub` in a package with a submodule sub imports that submodule.
func OwnNameShadows(ownImports []string, isModule func(q string) bool) bool {
	for _, q := range ownImports {
		if !isModule(q) {
			return true
		}
	}
	return false
}

// ownNameIndex maps each name an import of a module's own name may mean
// another module by (OwnNameSuffixes) to those modules, sorted by path;
// built once per snapshot (not with Memo: Lookup, which a Memo's compute
// may call, asks it).
func (p *Project) ownNameIndex() map[string][]*Module {
	if x := p.ownNames.Load(); x != nil {
		return *x
	}
	idx := map[string][]*Module{}
	for _, o := range p.Modules() {
		OwnNameSuffixes(o.Name, func(suffix string) { idx[suffix] = append(idx[suffix], o) })
	}
	p.ownNames.Store(&idx)
	return idx
}

// OwnNameSuffixes calls fn with each module name whose import in the
// module of that name may mean the module named name, once a directory
// holding it is put on sys.path: each of its proper dotted suffixes ("b.c"
// and "c" of "a.b.c"). The one rule of shadowedBy's candidates, which
// lint's import graphs read too.
func OwnNameSuffixes(name string, fn func(suffix string)) {
	for i := 0; i < len(name); i++ {
		if name[i] == '.' && i+1 < len(name) {
			fn(name[i+1:])
		}
	}
}

// OwnNameImports returns the qualified names (NAME.X, under m's name or
// an alias) of the module-level names X that m binds by an import of that
// name from itself (`from pkg import X` or `from . import X` in
// pkg/__init__.py, `import pkg.X as X`), sorted, each once: Lookup takes
// such a name, unless a module of the project has that qualified name, to
// mean one of the module a sys.path entry provides (shadowedBy), whose
// candidates OwnNameModules returns.
func (m *Module) OwnNameImports() []string {
	var out []string
	for _, imp := range m.Imports {
		if imp.Scope != m.Scope || imp.BoundName == "" {
			continue
		}
		for _, n := range append([]string{m.Name}, m.Aliases...) {
			if n != "" && imp.Qualified == n+"."+imp.BoundName {
				out = append(out, imp.Qualified)
				break
			}
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// lookupStarred looks rest up in the modules m imports with `from x import *`
// at module level. Private names are not star-exported.
func (p *Project) lookupStarred(m *Module, rest []string, depth int, st *lookupState, libs bool) Symbol {
	if strings.HasPrefix(rest[0], "_") || st.starred[m] {
		return Symbol{}
	}
	st.starred[m] = true
	for _, imp := range m.Imports {
		if imp.Name != "*" || imp.Scope != m.Scope || imp.Module == "" || imp.Module == m.Name {
			continue
		}
		if s := p.lookupIn(imp.Module+"."+strings.Join(rest, "."), depth+1, st, libs); s.Func != nil || s.Class != nil {
			return s
		}
	}
	return Symbol{}
}

// Canonical follows a qualified name through the project's modules to what
// it denotes outside them: `app.http.session.get`, where app/http.py says
// `session = requests.Session()`, is `requests.Session.get`. Names that do
// not go through a module of the project are returned unchanged.
func (p *Project) Canonical(qualified string) string {
	if p == nil {
		return qualified
	}
	if v, ok := p.canonical.Load(qualified); ok {
		return v.(string)
	}
	out := p.canonicalOf(qualified, 0)
	p.canonical.Store(qualified, out)
	return out
}

// canonicalOf is Canonical, unmemoised; depth counts the resolutions this
// one is nested in (an attribute's value may lead back here through
// ResolveVia), so that a cycle ends.
func (p *Project) canonicalOf(qualified string, depth int) string {
	if depth > 8 {
		return qualified
	}
	for step := 0; p != nil && step < 8; step++ {
		next := p.canonicalStep(qualified, depth)
		if next == qualified {
			break
		}
		qualified = next
	}
	return qualified
}

func (p *Project) canonicalStep(qualified string, depth int) string {
	parts := strings.Split(qualified, ".")
	for i := len(parts) - 1; i >= 1; i-- {
		m := p.byName[strings.Join(parts[:i], ".")]
		if m == nil {
			continue
		}
		rest := parts[i:]
		b := m.Scope.Bindings.Get(rest[0])
		if b == nil {
			return qualified
		}
		var base string
		switch b.Kind {
		case BindClass:
			// `pkg.bot.Bot.remove_cog` where Bot subclasses discord's
			// commands.Bot and does not define remove_cog: the library's.
			if len(rest) < 2 {
				return qualified
			}
			// `pkg.E.coordinator.async_refresh` where E's library base
			// types coordinator: a method of that type.
			if len(rest) > 2 {
				base = p.inheritedType(b.Class, rest[1])
			}
			if base == "" {
				base = p.inheritedName(b.Class, rest[1])
			}
			// `pkg.ent.Ent.coordinator.session.get`: the type of the
			// attribute of an instance, as the project resolves it.
			if base == "" && len(rest) > 2 {
				base = p.instanceAttrName(b.Class, rest[1], depth)
			}
			if base == "" {
				return qualified
			}
			rest = rest[1:]
		case BindImport:
			base = b.Qualified
		case BindDef:
			// `pkg.tasks.add.delay` where `@app.task def add`: an attribute
			// of the object the library's decorator made of the function.
			if len(rest) < 2 {
				return qualified
			}
			if base = b.Func.decoratedType(0); base == "" {
				return qualified
			}
		case BindAssign:
			r := m.resolveBinding(b, 0)
			if r.Func != nil || r.Name == "" {
				return qualified
			}
			// `pkg.MyEntry.runtime_data.client` where `MyEntry =
			// ConfigEntry[Data]`: the type argument's type.
			if r.Args != nil && len(rest) > 1 {
				if _, ok := pylib.GenericAttr(r.Name, rest[1]); ok {
					if target := continuedName(r, rest); target != "" {
						return target
					}
				}
			}
			if r.Instance && r.Class == nil && len(rest) > 2 {
				// `pkg.server.mcp._tool_manager.list_tools` where mcp is a
				// library instance: the attributes between take the types the
				// library records for them, as member gives them in mcp's
				// own module.
				return libraryAttrPath(r.Name, rest[1:])
			}
			if t := calledInstanceMember(r, rest); t != "" {
				return t
			}
			if target := continuedName(r, rest); target != "" {
				return target
			}
			base = r.Name
		default:
			return qualified
		}
		if len(rest) > 1 {
			base += "." + strings.Join(rest[1:], ".")
		}
		return base
	}
	return qualified
}

// calledInstanceMember is the member path rest names on what calling the
// module-level library instance r gives, when the member is the call
// result's and not the instance's own: `pkg.db.Session.execute`, which a
// module importing `Session = async_sessionmaker(...)` writes for `s =
// Session(); s.execute()` (callResult takes a CapWords name for a class),
// is AsyncSession.execute, since an async_sessionmaker has no execute.
// "" otherwise.
func calledInstanceMember(r Ref, rest []string) string {
	if !r.Instance || r.Class != nil || r.Func != nil || r.Name == "" || len(rest) < 2 {
		return ""
	}
	if _, ok := pylib.Lookup(r.Name + "." + rest[1]); ok {
		return ""
	}
	if _, ok := pylib.AttrType(r.Name, rest[1]); ok {
		return ""
	}
	made, ok := pylib.ReturnType(r.Name + ".__call__")
	if !ok || made == "" {
		return ""
	}
	if _, ok := pylib.Lookup(made + "." + rest[1]); !ok {
		return ""
	}
	return made + "." + strings.Join(rest[1:], ".")
}

// libraryAttrPath is the qualified name of attrs followed from an instance
// of the library type typ: each attribute but the last is replaced by its
// recorded type while the library records one (pylib.AttrType).
func libraryAttrPath(typ string, attrs []string) string {
	for i, a := range attrs[:len(attrs)-1] {
		t, ok := pylib.AttrType(typ, a)
		if !ok {
			return typ + "." + strings.Join(attrs[i:], ".")
		}
		typ = t
	}
	return typ + "." + attrs[len(attrs)-1]
}

// inheritedName returns the qualified name of attr on cls when cls does not
// define it and the first base that leads to it lies in another module of
// the project or in a library (a base's qualified name plus attr), or "".
// The same module's bases are searched here, as member does for them.
func (p *Project) inheritedName(cls *Class, attr string) string {
	return p.inheritedVia(cls, attr, 0, func(_ *Class, _ *Node, base string) (string, bool) {
		return base + "." + attr, !pylib.LacksAttr(base, attr)
	})
}

// inheritedType returns the qualified type of attribute attr of instances
// of cls when no class of cls's own module defines it and the first base
// that leads to it is a library class that types it
// (Module.libraryBaseAttr), or "".
func (p *Project) inheritedType(cls *Class, attr string) string {
	if cls.definesAttr(attr, 0) {
		return ""
	}
	return p.inheritedVia(cls, attr, 0, func(owner *Class, base *Node, name string) (string, bool) {
		if t := owner.module.libraryBaseAttr(base, name, attr, 0); t.Known() {
			if t.Class != nil {
				return t.Class.FullName(), true
			}
			return t.Name, true
		}
		return "", !pylib.LacksAttr(name, attr)
	})
}

// inheritedVia is the walk inheritedName and inheritedType share: cls's
// bases in order, where a project class (of this module or another) that
// defines attr ends the search with "", one that does not is searched in
// turn, and a library base (named base, in owner's base list) is answered
// by library: stop makes its answer final ("" included); otherwise the next
// base is tried.
func (p *Project) inheritedVia(cls *Class, attr string, depth int, library func(owner *Class, base *Node, name string) (answer string, stop bool)) string {
	if depth > 8 {
		return ""
	}
	if _, ok := cls.Methods[attr]; ok {
		return ""
	}
	if _, ok := cls.Attrs[attr]; ok {
		return ""
	}
	if cls.Scope.Bindings.Get(attr) != nil {
		return ""
	}
	for _, base := range cls.Bases {
		if base.Type() == "keyword_argument" {
			continue
		}
		r, parent := p.baseClass(cls, base)
		if parent == nil && r.Class == nil && r.Func == nil && r.Name != "" && !r.Instance {
			if p.inProject(r.Name) {
				continue
			}
			if answer, stop := library(cls, base, r.Name); stop {
				return answer
			}
			continue
		}
		if parent == nil || parent == cls {
			continue
		}
		if parent.definesAttr(attr, 0) {
			return ""
		}
		if answer := p.inheritedVia(parent, attr, depth+1, library); answer != "" {
			return answer
		}
	}
	return ""
}

// continuedName is the qualified name of the path rest (a module's name
// and the attributes read on it) once its first name is known to hold r:
// r's type (a class of the project or a library's) followed by the other
// attributes, or, when r's generic type types the first of them by a type
// argument (`MyEntry.runtime_data` where `MyEntry = ConfigEntry[MyData]`),
// that argument's type followed by the rest. "" when r names nothing to
// continue from.
func continuedName(r Ref, rest []string) string {
	if len(rest) < 2 || r.Func != nil {
		return ""
	}
	if r.Args != nil {
		if i, ok := pylib.GenericAttr(r.Name, rest[1]); ok {
			t := r.Args.Arg(i, 0)
			name := t.Name
			if t.Class != nil {
				name = t.Class.FullName()
			}
			if name == "" || t.Func != nil {
				return ""
			}
			if len(rest) == 2 {
				return name
			}
			return name + "." + strings.Join(rest[2:], ".")
		}
	}
	name := r.Name
	if r.Class != nil {
		name = r.Class.FullName()
	}
	if name == "" {
		return ""
	}
	return name + "." + strings.Join(rest[1:], ".")
}

// instanceAttr is attribute attr of an instance of the project class cls
// with the whole project in view: what cls's own module resolves (member),
// else what the first base of another module that has it says. Unknown
// attributes are the class's name plus attr, as member gives them.
func (p *Project) instanceAttr(cls *Class, attr string, depth int) Ref {
	r := member(Ref{Name: cls.FullName(), Class: cls, Instance: true}, attr, 0)
	if r.Via != "" && !r.Known() {
		return p.resolveVia(r.Via, depth+1)
	}
	if !r.Instance && r.Func == nil && r.Class == nil {
		if _, ok := cls.Attrs[attr]; ok {
			if got := p.attrValueProjectWide(cls, attr, depth); got.Instance {
				return got
			}
		}
	}
	if r.Func != nil || r.Class != nil || r.Instance || r.Name != cls.FullName()+"."+attr || depth > 8 {
		return r
	}
	if _, ok := cls.Methods[attr]; ok {
		return r
	}
	if _, ok := cls.Attrs[attr]; ok {
		return r
	}
	// A property of a base (of any module) that returns an attribute of
	// self (`return self._context`) reads it on this instance: the subclass
	// may be the one that sets it.
	if meth := p.projectMethod(cls, attr, 0); meth != nil && meth.Class != cls && meth.isProperty() {
		if a := meth.selfAttrReturned(); a != "" && a != attr {
			if got := p.instanceAttr(cls, a, depth+1); got.Instance {
				return got
			}
		}
	}
	// The bases in order, as the MRO meets them: a base of the project that
	// has attr gives it; a library base that may define attr ends the
	// search there (its name, as the module's own answer would be).
	for _, base := range cls.Bases {
		if base.Type() == "keyword_argument" {
			continue
		}
		b, parent := p.baseClass(cls, base)
		if parent == nil {
			if b.Func == nil && b.Name != "" && !b.Instance && !pylib.LacksAttr(b.Name, attr) {
				return Ref{Name: b.Name + "." + attr}
			}
			continue
		}
		if parent == cls {
			continue
		}
		if got := p.instanceAttr(parent, attr, depth+1); got.Func != nil || got.Class != nil || got.Instance ||
			got.Name != parent.FullName()+"."+attr {
			return got
		}
	}
	return r
}

// attrValueProjectWide types attribute attr of instances of cls from the
// calls cls's methods assign it, when cls's own module cannot follow their
// callees (`self._context = await self.browser.new_context()` where browser
// is a property of a base in another module): each callee's name, followed
// through the project (Canonical) and the attribute types the library
// records, is looked up for what the call returns, or awaits to. The values
// other than None must all be such calls and agree.
func (p *Project) attrValueProjectWide(cls *Class, attr string, depth int) Ref {
	if depth > 8 {
		return Ref{}
	}
	var out Ref
	for _, v := range cls.Attrs[attr] {
		v = Unparen(v)
		if v == nil {
			return Ref{}
		}
		if v.Type() == "none" {
			continue
		}
		awaited := v.Type() == "await"
		if awaited {
			named := v.NamedChildren()
			if len(named) != 1 {
				return Ref{}
			}
			v = Unparen(named[0])
		}
		if v == nil || v.Type() != "call" {
			return Ref{}
		}
		callee := cls.module.Resolve(v.ChildByField("function"))
		if callee.Name == "" || callee.Func != nil || callee.Class != nil || callee.Instance {
			return Ref{}
		}
		name := libraryTypedPath(p.canonicalOf(callee.Name, depth+1))
		var t string
		if awaited {
			t = pylib.AwaitResult(name)
		} else if p.LibraryCoroutine(name, v) {
			return Ref{}
		} else {
			t, _ = pylib.ReturnType(name)
		}
		if t == "" || out.Name != "" && out.Name != t {
			return Ref{}
		}
		out = Ref{Name: t, Instance: true}
	}
	return out
}

// libraryTypedPath is name with the attributes read on a library instance
// replaced by the types the library records for them
// (`playwright.async_api.Playwright.chromium.launch` is
// `playwright.async_api.BrowserType.launch`), name itself when no prefix
// of it is such an instance's attribute.
func libraryTypedPath(name string) string {
	parts := strings.Split(name, ".")
	for i := 1; i < len(parts)-1; i++ {
		typ := strings.Join(parts[:i], ".")
		if _, ok := pylib.AttrType(typ, parts[i]); ok {
			return libraryAttrPath(typ, parts[i:])
		}
	}
	return name
}

// projectBases are the classes of the project that cls's base expressions
// name, in order (a base of this module or, by its qualified name, of
// another; not cls itself).
func (p *Project) projectBases(cls *Class) []*Class {
	var out []*Class
	for _, base := range cls.Bases {
		if base.Type() == "keyword_argument" {
			continue
		}
		if _, parent := p.baseClass(cls, base); parent != nil && parent != cls {
			out = append(out, parent)
		}
	}
	return out
}

// baseClass resolves the base expression base of cls in cls's module, and
// gives the project class it names, of that module or another (nil for a
// library's class, an instance or a function).
func (p *Project) baseClass(cls *Class, base *Node) (Ref, *Class) {
	r := cls.module.Resolve(base)
	parent := r.Class
	if parent == nil && r.Func == nil && r.Name != "" && !r.Instance {
		parent = p.Lookup(r.Name).Class
	}
	return r, parent
}

// projectMethod is the method name of cls or of its first base (of any
// module of the project) in order that defines it; nil when none does.
func (p *Project) projectMethod(cls *Class, name string, depth int) *Function {
	if cls == nil || depth > 8 {
		return nil
	}
	if f, ok := cls.Methods[name]; ok {
		return f
	}
	if name == "__init__" && cls.GeneratedInit() {
		// A dataclass's own `__init__`, which `@dataclass` writes, runs
		// and calls no base's (dataclass_init.go).
		return nil
	}
	for _, base := range cls.Bases {
		if base.Type() == "keyword_argument" {
			continue
		}
		r, parent := p.baseClass(cls, base)
		if parent == nil || parent == cls {
			if name == "__init__" && libraryInitFirst(r) {
				return nil
			}
			continue
		}
		if f := p.projectMethod(parent, name, depth+1); f != nil {
			return f
		}
	}
	return nil
}

// ProjectMethod is the method name of cls or of its first project base
// (of any module) in order that defines it; nil when none does.
func (p *Project) ProjectMethod(cls *Class, name string) *Function {
	return p.projectMethod(cls, name, 0)
}

// AttrOwner returns the class whose methods assign `self.attr` for
// instances of cls: cls itself, or the first base (of any module of the
// project) in order that does; nil when none does.
func (p *Project) AttrOwner(cls *Class, attr string) *Class {
	return p.attrOwner(cls, attr, 0)
}

func (p *Project) attrOwner(cls *Class, attr string, depth int) *Class {
	if cls == nil || depth > 8 {
		return nil
	}
	if _, ok := cls.Attrs[attr]; ok {
		return cls
	}
	for _, parent := range p.projectBases(cls) {
		if owner := p.attrOwner(parent, attr, depth+1); owner != nil {
			return owner
		}
	}
	return nil
}

// TakenItem is what expression n of module m takes out of a container by
// the container's annotation: `d.get(k)`, `d.pop(k)` on a
// `dict[str, T]`, `q.get_nowait()` or `await q.get()` on an
// `asyncio.Queue[T]` give a T. The module's own answer (Module.Resolve)
// first; else the container is an attribute of an instance of a class of
// another module (`hooks.queue.get_nowait()`), whose annotation says.
func (p *Project) TakenItem(m *Module, n *Node) Ref {
	if r := m.Resolve(n); r.Known() || p == nil {
		return r
	}
	n = Unparen(n)
	awaited := n != nil && n.Type() == "await"
	if awaited {
		named := n.NamedChildren()
		if len(named) != 1 {
			return Ref{}
		}
		n = Unparen(named[0])
	}
	if n == nil || n.Type() != "call" {
		return Ref{}
	}
	fn := n.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" {
		return Ref{}
	}
	container := Unparen(fn.ChildByField("object"))
	if container == nil || container.Type() != "attribute" {
		return Ref{}
	}
	holder := m.Resolve(container.ChildByField("object"))
	if !holder.Instance || holder.Class != nil || holder.Name == "" {
		return Ref{}
	}
	cls := p.Lookup(holder.Name).Class
	if cls == nil {
		return Ref{}
	}
	ann := cls.attrAnnotation(m.File.Text(container.ChildByField("attribute")))
	base, params := genericParts(Unparen(ann))
	if base == nil || len(params) == 0 {
		return Ref{}
	}
	method, kind := m.File.Text(fn.ChildByField("attribute")), cls.module.Resolve(base).Name
	var param *Node
	switch {
	case pylib.AsyncQueueTypes[kind] && (awaited && method == "get" || !awaited && pylib.QueueItemNowMethods[method]):
		param = params[0]
	case !awaited && pylib.Method(method, pylib.ReturnsElement):
		param = elementParam(kind, params)
	}
	if param == nil {
		return Ref{}
	}
	return cls.module.annotationType(param, 0)
}

// instanceAttrName is the qualified name the rest of a dotted path
// continues from after attribute attr of an instance of cls: the type of
// the attribute (`pkg.api.Api`, `requests.Session`), a class it holds, or
// the library's name of an inherited attribute; "" when unknown or a
// function.
func (p *Project) instanceAttrName(cls *Class, attr string, depth int) string {
	r := p.instanceAttr(cls, attr, depth)
	switch {
	case r.Func != nil:
		return ""
	case r.Class != nil:
		return r.Class.FullName()
	case r.Name == cls.FullName()+"."+attr:
		return ""
	}
	return r.Name
}

// inProject reports whether a prefix of qualified names a module of the
// project.
func (p *Project) inProject(qualified string) bool {
	for name := qualified; name != ""; {
		if p.byName[name] != nil {
			return true
		}
		i := strings.LastIndexByte(name, '.')
		if i < 0 {
			break
		}
		name = name[:i]
	}
	return false
}

// ResolveVia resolves a path through other modules of the project
// (Ref.Via): "pkg.mod.make_api().fetch" is the method fetch of the class
// make_api returns; a library type at the end gives its qualified name
// ("pkg.http.make_session().get" -> requests.Session.get).
func (p *Project) ResolveVia(via string) Ref {
	if p == nil || via == "" {
		return Ref{}
	}
	if v, ok := p.vias.Load(via); ok {
		return v.(Ref)
	}
	r := p.resolveVia(via, 0)
	p.vias.Store(via, r)
	return r
}

func (p *Project) resolveVia(via string, depth int) Ref {
	if depth > 6 {
		return Ref{}
	}
	if strings.HasPrefix(via, unionOpen) {
		return p.unionOf(via, depth)
	}
	if strings.HasPrefix(via, soleSubclassVia) {
		return p.soleSubclassVia(via, depth)
	}
	if strings.HasPrefix(via, callerParamVia) {
		return p.callerParam(via, depth)
	}
	if strings.HasPrefix(via, attrStoreVia) {
		return p.attrStore(via, depth)
	}
	if strings.HasPrefix(via, conftestFixtureVia) {
		return p.conftestFixture(via, depth)
	}
	if strings.HasPrefix(via, injectedValueVia) {
		return p.injectedVia(via, depth)
	}
	if strings.HasPrefix(via, decoratedCallVia) {
		return p.decoratedCall(via, depth)
	}
	if lt := strings.IndexByte(via, '<'); lt >= 0 {
		return p.genericVia(via, lt, depth)
	}
	i := strings.Index(via, "()")
	if k := itemStart(via); k >= 0 && (i < 0 || k < i) {
		return p.continueVia(p.valueOf(via[:k], depth), via[k:], depth)
	}
	if i < 0 {
		return p.refOf(via, depth)
	}
	var r Ref
	rest := via[i:]
	if e, n := enteredMarker(rest); n > 0 {
		r, rest = p.enteredCall(p.refOf(via[:i], depth), e, depth), rest[n:]
	} else if strings.HasPrefix(rest, awaitedCallVia) {
		r, rest = p.awaitedVia(p.refOf(via[:i], depth), rest[len(awaitedCallVia):], depth)
	} else {
		r, rest = p.calledVia(p.refOf(via[:i], depth), rest[2:], depth)
	}
	return p.continueVia(r, rest, depth)
}

// unionOf resolves a Via path that starts with a union of paths
// (`{a|b}.rest`, unionVia): each path is resolved, the value is what they
// all give when they agree (the same type, both instances or both not),
// unknown otherwise; then the rest of the path from it.
func (p *Project) unionOf(via string, depth int) Ref {
	parts, rest, ok := splitUnion(via)
	if !ok || len(parts) == 0 {
		return Ref{}
	}
	var out Ref
	for i, part := range parts {
		r := p.resolveVia(part, depth+1)
		if !r.Known() {
			return Ref{}
		}
		if i > 0 && (r.Name != out.Name || r.Instance != out.Instance || r.Class != out.Class || r.Func != out.Func) {
			return Ref{}
		}
		out = r
	}
	return p.continueVia(out, rest, depth)
}

// soleSubclassVia resolves a Via path that starts with a bracketed library
// class of pylib.RunningInstances (`^discord.ext.commands.Bot^.db`): from
// an instance of the project's one subclass of it, else from an instance
// of the library class.
func (p *Project) soleSubclassVia(via string, depth int) Ref {
	end := strings.Index(via[len(soleSubclassVia):], soleSubclassVia)
	if end < 0 {
		return Ref{}
	}
	lib := via[len(soleSubclassVia) : len(soleSubclassVia)+end]
	rest := via[len(soleSubclassVia)+end+len(soleSubclassVia):]
	if cls := p.soleSubclass(lib); cls != nil {
		return p.continueVia(Ref{Name: cls.FullName(), Class: cls, Instance: true}, rest, depth)
	}
	// No one subclass: an instance of the library class.
	return p.continueVia(Ref{Name: lib, Instance: true}, rest, depth)
}

// soleSubclass is the project's one class deriving from the library class
// lib that no other such class of the project derives from (the most
// derived of a chain of subclasses), or nil when there is none or several.
func (p *Project) soleSubclass(lib string) *Class {
	if p.recordSubclass != nil {
		for _, name := range pylib.DerivedClasses(lib) {
			p.recordSubclass(name[strings.LastIndexByte(name, '.')+1:])
		}
	}
	v := p.Memo("soleSubclass\x00"+lib, func() any {
		var found []*Class
		for _, m := range p.Modules() {
			for _, c := range m.Classes {
				if base := c.libraryBase(0); base != "" && pylib.DerivesFrom(p.Canonical(base), lib) {
					found = append(found, c)
				}
			}
		}
		// Project classes deriving from those through another module.
		for _, m := range p.Modules() {
			for _, c := range m.Classes {
				if slices.Contains(found, c) {
					continue
				}
				for _, f := range found {
					if p.derivesFrom(c, f, 0) {
						found = append(found, c)
						break
					}
				}
			}
		}
		var leaves []*Class
		for _, c := range found {
			base := false
			for _, d := range found {
				if d != c && p.derivesFrom(d, c, 0) {
					base = true
					break
				}
			}
			if !base {
				leaves = append(leaves, c)
			}
		}
		if len(leaves) != 1 {
			return (*Class)(nil)
		}
		return leaves[0]
	})
	return v.(*Class)
}

// continueVia follows the rest of a Via path (`.attr`, `()`, `()@`,
// unpacking steps) from r.
func (p *Project) continueVia(r Ref, rest string, depth int) Ref {
	for rest != "" && (r.Known() || r.Via != "") {
		if async, n := enteredMarker(rest); n > 0 {
			r = p.enteredCall(r, async, depth)
			rest = rest[n:]
			continue
		}
		if strings.HasPrefix(rest, awaitedCallVia) {
			r, rest = p.awaitedVia(r, rest[len(awaitedCallVia):], depth)
			continue
		}
		if strings.HasPrefix(rest, "()") {
			r, rest = p.calledVia(r, rest[2:], depth)
			continue
		}
		if strings.HasPrefix(rest, itemVia) {
			r, rest = p.itemOf(r, "", depth), rest[len(itemVia):]
			continue
		}
		if strings.HasPrefix(rest, sliceVia) {
			r, rest = p.sliceOf(r, depth), rest[len(sliceVia):]
			continue
		}
		if strings.HasPrefix(rest, keyedItemVia) {
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return Ref{}
			}
			r, rest = p.itemOf(r, rest[len(keyedItemVia):end], depth), rest[end+1:]
			continue
		}
		rest = rest[1:] // "."
		j := strings.IndexAny(rest, ".([")
		if j < 0 {
			j = len(rest)
		}
		r = p.attribute(r, rest[:j], depth)
		rest = rest[j:]
	}
	if rest != "" {
		return Ref{}
	}
	return r
}

// refOf is what a qualified name denotes in the project, or the name
// itself (followed through the project's re-exports) when it is outside.
// depth > 0: asked inside another resolution, which it may lead back to
// (an attribute whose value is what a function returns, which reads that
// attribute): looked up afresh with the depth carried on, so a cycle ends
// at the depth limits, and not memoised.
func (p *Project) refOf(name string, depth int) Ref {
	var s Symbol
	if depth == 0 {
		s = p.Lookup(name)
	} else {
		s = p.lookup(name, depth, newLookupState())
	}
	switch {
	case s.Func != nil:
		return Ref{Name: s.Func.FullName(), Func: s.Func}
	case s.Class != nil:
		return Ref{Name: s.Class.FullName(), Class: s.Class}
	}
	if t := p.importedGlobalInstance(name); t != "" {
		// `from .db import Session` where db.py binds `Session =
		// async_sessionmaker(engine)`: an instance, as in db.py itself
		// (calling it gives a session, not a new sessionmaker).
		return Ref{Name: t, Instance: true}
	}
	if depth == 0 {
		return Ref{Name: p.Canonical(name)}
	}
	return Ref{Name: p.canonicalOf(name, depth)}
}

// importedGlobalInstance is GlobalInstanceType of the module-level name
// qualified, followed through the imports that re-export it (`from .db
// import Session` in pkg/__init__.py); "" when it is not such an instance.
func (p *Project) importedGlobalInstance(qualified string) string {
	for step := 0; step < 8; step++ {
		dot := strings.LastIndexByte(qualified, '.')
		if dot <= 0 {
			return ""
		}
		m := p.byName[qualified[:dot]]
		if m == nil || m.Scope == nil {
			return ""
		}
		b := m.Scope.Bindings.Get(qualified[dot+1:])
		if b == nil {
			return ""
		}
		if b.Kind != BindImport {
			return p.GlobalInstanceType(qualified)
		}
		qualified = b.Qualified
	}
	return ""
}

// called is what calling r returns.
func (p *Project) called(r Ref, depth int) Ref {
	if r.Via != "" && !r.Known() {
		r = p.resolveVia(r.Via, depth+1)
	}
	if r.Class == nil && r.Func == nil && r.Name != "" {
		if q := p.refOf(r.Name, depth); q.Func != nil || q.Class != nil {
			q.Instance = r.Instance
			r = q
		}
	}
	if r.Class == nil && r.Func == nil && r.Name != "" && !r.Instance && p.libs != nil {
		// A function of an installed library pylib has no record of: its
		// return annotation.
		if t := p.installedResult(r.Name, false, depth); t != "" {
			return Ref{Name: t, Instance: true}
		}
	}
	out := callResult(r, 0)
	if out.Via != "" && !out.Known() {
		return p.resolveVia(out.Via, depth+1)
	}
	return out
}

// genericVia resolves a path through an instance of a generic class of
// another module written with its type arguments (`pkg.holder.Holder
// <app.Client>.get().fetch`, what a module that imports Holder makes of
// `h.get().fetch` with `h: Holder[Client]`): the class's own method
// returning a type parameter, its property or attribute annotated with
// one, gives the argument's type; anything else goes on as for the class
// without arguments.
func (p *Project) genericVia(via string, lt, depth int) Ref {
	gt := strings.IndexByte(via[lt:], '>')
	if gt < 0 {
		return Ref{}
	}
	gt += lt
	args, rest := strings.Split(via[lt+1:gt], ","), via[gt+1:]
	plain := via[:lt] + rest
	cls := p.refOf(via[:lt], depth).Class
	if cls == nil || len(cls.typeParams()) != len(args) || !strings.HasPrefix(rest, ".") {
		return p.resolveVia(plain, depth+1)
	}
	attr := rest[1:]
	if j := strings.IndexAny(attr, ".(["); j >= 0 {
		attr = attr[:j]
	}
	after := rest[1+len(attr):]
	var t *Node
	if meth := cls.Methods[attr]; meth != nil {
		switch {
		case meth.isProperty():
			t = meth.Node.ChildByField("return_type")
		case strings.HasPrefix(after, "()") && meth.returnsWhenCalled(false):
			t = meth.Node.ChildByField("return_type")
			after = after[2:]
		}
	} else {
		t = cls.attrAnnotation(attr)
	}
	i := cls.typeParamIndex(t)
	if i < 0 || args[i] == "" {
		return p.resolveVia(plain, depth+1)
	}
	r := p.refOf(args[i], depth+1)
	if r.Class == nil && r.Func == nil {
		r = Ref{Name: args[i]}
	}
	r.Instance = true
	return p.continueVia(r, after, depth)
}

// calledVia is what calling r returns, or, when rest starts with the
// steps of an unpacking (`[1,2]`), the element they select of the tuple
// the call returns; rest is returned without those steps.
func (p *Project) calledVia(r Ref, rest string, depth int) (Ref, string) {
	steps, after, ok := parseViaSteps(rest)
	if !ok {
		return p.called(r, depth), rest
	}
	return p.returnedElement(r, steps, false, depth), after
}

// awaitedVia is what awaiting a call of r gives (awaitedCall), or, when
// rest starts with the steps of an unpacking (`[1,2]`), the element they
// select of the tuple the coroutine function of the project returns
// (`conn, acl = await self._get_user_context()` with the method in another
// module); rest is returned without those steps.
func (p *Project) awaitedVia(r Ref, rest string, depth int) (Ref, string) {
	steps, after, ok := parseViaSteps(rest)
	if !ok {
		return p.awaitedCall(r, depth), rest
	}
	return p.returnedElement(r, steps, true, depth), after
}

// returnedElement is the element steps select of the tuple the project
// function r returns when called (awaited: when its call is awaited, for
// a coroutine function), or the zero Ref.
func (p *Project) returnedElement(r Ref, steps []unpackStep, awaited bool, depth int) Ref {
	if r.Via != "" && !r.Known() {
		r = p.resolveVia(r.Via, depth+1)
	}
	if r.Class == nil && r.Func == nil && r.Name != "" {
		if q := p.refOf(r.Name, depth); q.Func != nil || q.Class != nil {
			q.Instance = r.Instance
			r = q
		}
	}
	f := r.Func
	if f == nil || r.Instance || !f.returnsWhenCalled(awaited) {
		return Ref{}
	}
	out := f.returnElement(steps, 0)
	if out.Via != "" && !out.Known() {
		return p.resolveVia(out.Via, depth+1)
	}
	return out
}

// enteredMarker reports whether rest starts with an entered-call step of
// a Via path (asyncEnteredCallVia, enteredCallVia), whether it is async,
// and its length (0 when it is not one).
func enteredMarker(rest string) (async bool, n int) {
	switch {
	case strings.HasPrefix(rest, asyncEnteredCallVia):
		return true, len(asyncEnteredCallVia)
	case strings.HasPrefix(rest, enteredCallVia):
		return false, len(enteredCallVia)
	}
	return false, 0
}

// enteredCall is what `with` (`async with`, when async) binds entering a
// call of r: what a generator context manager of the project yields; for
// `async with`, the awaited result the library records for the callee
// (as Module.asyncEntered); otherwise what the call returns, as the
// statement binds a class's instance.
func (p *Project) enteredCall(r Ref, async bool, depth int) Ref {
	if r.Via != "" && !r.Known() {
		r = p.resolveVia(r.Via, depth+1)
	}
	if r.Class == nil && r.Func == nil && r.Name != "" {
		if q := p.refOf(r.Name, depth); q.Func != nil || q.Class != nil {
			q.Instance = r.Instance
			r = q
		}
	}
	if r.Func != nil && !r.Instance {
		if out, ok := r.Func.contextManagerYield(async, depth+1); ok {
			if out.Via != "" && !out.Known() {
				return p.resolveVia(out.Via, depth+1)
			}
			return out
		}
	}
	if async && r.Func == nil && r.Class == nil && !r.Instance && r.Name != "" {
		if t := pylib.AwaitResult(libraryTypedPath(r.Name)); t != "" {
			return Ref{Name: t, Instance: true}
		}
	}
	return p.called(r, depth)
}

// awaitedCall is what awaiting a call of r gives: what a coroutine
// function of the project returns, or the awaited result the library
// records for the callee (read through the types the library records for
// its attributes).
func (p *Project) awaitedCall(r Ref, depth int) Ref {
	if r.Via != "" && !r.Known() {
		r = p.resolveVia(r.Via, depth+1)
	}
	if r.Class == nil && r.Func == nil && r.Name != "" {
		if q := p.refOf(r.Name, depth); q.Func != nil || q.Class != nil {
			q.Instance = r.Instance
			r = q
		}
	}
	switch {
	case r.Func != nil:
		if r.Instance {
			return Ref{}
		}
		if !r.Func.IsCoroutine() {
			// A plain function annotated to return an awaitable of a type
			// (`def ensure_started(self) -> "Awaitable[User]"`).
			return r.Func.annotatedAwaitable(depth)
		}
		out := r.Func.returnType(depth)
		if out.Via != "" && !out.Known() {
			return p.resolveVia(out.Via, depth+1)
		}
		return out
	case r.Class != nil || r.Instance || r.Name == "":
		return Ref{}
	}
	if t := pylib.AwaitResult(libraryTypedPath(r.Name)); t != "" {
		return Ref{Name: t, Instance: true}
	}
	if t := p.installedResult(r.Name, true, depth); t != "" {
		return Ref{Name: t, Instance: true}
	}
	return Ref{}
}

// valueOf is what a qualified name denotes, as refOf gives it, or, for
// `pkg.mod.Class.attr` (how a module writes an attribute of an instance of
// another module's class), the type of that instance attribute as the
// project resolves it.
func (p *Project) valueOf(name string, depth int) Ref {
	r := p.refOf(name, depth)
	if r.Class != nil || r.Func != nil {
		return r
	}
	if dot := strings.LastIndexByte(name, '.'); dot > 0 {
		if owner := p.refOf(name[:dot], depth); owner.Class != nil && !owner.Instance {
			if attr := p.instanceAttr(owner.Class, name[dot+1:], depth); attr.Known() || attr.Via != "" {
				return attr
			}
		}
	}
	return r
}

// sliceOf is what slicing r gives when r is a library object whose type
// pylib.SliceTypes records (a Django QuerySet's slice is a QuerySet);
// unknown otherwise.
func (p *Project) sliceOf(r Ref, depth int) Ref {
	if r.Via != "" && !r.Known() {
		r = p.resolveVia(r.Via, depth+1)
	}
	if r.Instance && r.Class == nil && r.Func == nil && r.Name != "" {
		if t := pylib.SliceTypes[r.Name]; t != "" {
			return Ref{Name: t, Instance: true}
		}
	}
	return Ref{}
}

// itemOf is what subscripting r gives when r is a library object whose
// items are its attributes (itemVia); unknown otherwise.
func (p *Project) itemOf(r Ref, key string, depth int) Ref {
	if r.Via != "" && !r.Known() {
		r = p.resolveVia(r.Via, depth+1)
	}
	if key != "" && r.Instance && r.Class == nil && r.Func == nil && r.Name != "" {
		if t := pylib.ItemTypes[r.Name+"["+key+"]"]; t != "" {
			return Ref{Name: t, Instance: true}
		}
	}
	if r.Class != nil || r.Func != nil || r.Name == "" || !pylib.ItemsAreAttributes(r.Name) {
		return Ref{}
	}
	return member(r, "item", 0)
}

// attribute is r.attr.
func (p *Project) attribute(r Ref, attr string, depth int) Ref {
	if r.Via != "" && !r.Known() {
		r = p.resolveVia(r.Via, depth+1)
	}
	if r.Class == nil && r.Func == nil && r.Name != "" {
		if q := p.refOf(r.Name, depth); q.Class != nil {
			q.Instance = r.Instance
			r = q
		} else if !r.Instance {
			return p.refOf(r.Name+"."+attr, depth)
		}
	}
	var out Ref
	if r.Class != nil && r.Instance {
		out = p.instanceAttr(r.Class, attr, depth)
	} else {
		out = member(r, attr, 0)
	}
	if out.Via != "" && !out.Known() {
		return p.resolveVia(out.Via, depth+1)
	}
	if out.Func == nil && out.Class == nil && out.Name != "" && r.Class != nil {
		// A method a project class inherits from a base in another module.
		if q := p.refOf(out.Name, depth); q.Func != nil {
			return q
		}
	}
	return out
}

// Callee is what the call's callee denotes with the whole project in view:
// the module's own resolution, or the resolution of its Via path.
func (p *Project) Callee(c *Call) Ref {
	if c.Callee != "" || c.Via == "" || p == nil {
		return Ref{Name: c.Callee, Func: c.Target, Instance: c.CalleeInstance}
	}
	return p.ResolveVia(c.Via)
}

// Target resolves the project function a call runs: a function or method
// of any module, or a class's __init__.
func (p *Project) Target(c *Call) *Function {
	if c.Target != nil {
		return c.Target
	}
	if p != nil && c.Callee == "" && c.Via != "" {
		r := p.ResolveVia(c.Via)
		switch {
		case r.Func != nil && !r.Instance:
			return r.Func
		case r.Class != nil && r.Instance:
			return p.projectMethod(r.Class, "__call__", 0)
		case r.Class != nil:
			return p.projectMethod(r.Class, "__init__", 0)
		}
		return nil
	}
	if p == nil || c.Callee == "" {
		return nil
	}
	s := p.Lookup(c.Callee)
	if s.Func != nil && !c.CalleeInstance {
		return s.Func
	}
	if s.Class != nil {
		if c.CalleeInstance {
			return p.projectMethod(s.Class, "__call__", 0)
		}
		return p.projectMethod(s.Class, "__init__", 0)
	}
	return nil
}

// IsCoroutineFunction reports whether the call's callee is a coroutine
// function: of the project, of a common async library, or a synchronous
// function of the project that only returns what such a call makes (a
// coroutine factory: `def fetch(self): return self._fetch()`).
//
// The answer may depend on modules the caller's module does not import: a
// subclass anywhere in the project that overrides an async method with a
// sync one (overriddenBySync). asked (may be nil) is called with each such
// method the answer depended on, including those of memoised answers it
// reused, so that a check can record what its findings depend on.
func (p *Project) IsCoroutineFunction(c *Call, asked func(method *Function)) bool {
	if p.isCoroutineFunctionCall(c, asked) {
		return true
	}
	f := p.Target(c)
	if f == nil || f.Async || f.Name == "__init__" {
		return false
	}
	var methods []*Function
	direct := func(_ *Module, c *Call, note func(*Function)) bool {
		return p.isCoroutineFunctionCall(c, note)
	}
	// In async code a function that returns a coroutine on some path is
	// taken as a coroutine factory; in synchronous code only one that
	// returns one on every path: a function that returns one only while a
	// loop runs and otherwise runs it to completion itself
	// (`if loop.is_running(): return self._close()`, falling through to
	// `loop.run_until_complete(...)`) does its work when called from sync code.
	// A coroutine kept in an attribute and returned from it (`if not
	// hasattr(self, "_room"): self._room = Room.objects.aget(...)`, `return
	// self._room`) is one too: memoisedCoroutine.
	var ok bool
	if c.InCoroutine() {
		ok = p.wrapperOn("coroutine", false, f, direct, &methods, true, true)
	} else {
		ok = p.wrapperOn("coroutine on every path", true, f, direct, &methods, true, false)
	}
	if asked != nil {
		for _, m := range methods {
			asked(m)
		}
	}
	return ok
}

// ShadowingDefinition returns the project's own function a call targets
// under a name a library also has, or nil: a project package `agents` (or a
// module `litellm.py`) shadows the library of that name on sys.path, so the
// call is what the project's definition says, not what the library's record
// says (as isCoroutineFunctionRef prefers a project function to a record).
// The async frameworks' names (asyncio, trio, anyio) are not shadowed: a
// project holding a copy of one defines that same event loop, whose records
// say what its code does not show (run_until_complete refuses a running
// loop).
func (p *Project) ShadowingDefinition(c *Call) *Function {
	f := p.Target(c)
	if f == nil || c.Callee != "" && pylib.Within(c.Callee, pylib.AsyncLibrary) {
		return nil
	}
	return f
}

func (p *Project) isCoroutineFunctionCall(c *Call, asked func(*Function)) bool {
	name, instance := c.Callee, c.CalleeInstance
	if name == "" && c.Via != "" {
		// Resolved with the whole project in view (an attribute of an
		// instance of another module's class, `user.client(...)`): an
		// instance there is called as one here.
		r := p.ResolveVia(c.Via)
		name, instance = r.Name, r.Instance && r.Func == nil
	}
	f := p.Target(c)
	if name != "" && p.ShadowingDefinition(c) == nil {
		// Calling a library instance runs its class's __call__
		// (`sync_to_async(f)(...)`).
		if instance {
			name += ".__call__"
		}
		api, ok := pylib.Lookup(name)
		if !ok || !api.Has(pylib.Coroutine) {
			api, ok = pylib.Lookup(p.Canonical(name))
		}
		if ok && api.Has(pylib.Coroutine) {
			return p.libraryCoroutine(api, c.Node) && (!p.asyncOnly(api, name, c.Node) || c.InCoroutine())
		}
		if !instance && f == nil && p.Lookup(name) == (Symbol{}) {
			// An attribute of an instance of another module's class, called
			// (`user.client(request)` where the class stores a
			// TelegramClient in `self.client`): when it holds an instance
			// (not a class: `database_sync_to_async = DatabaseSyncToAsync`
			// called constructs), calling it runs its class's __call__.
			v := p.valueOf(name, 0)
			if v.Via != "" && !v.Known() {
				v = p.ResolveVia(v.Via)
			}
			if v.Instance && v.Func == nil && v.Name != "" {
				call := v.Name + ".__call__"
				api, ok := pylib.Lookup(call)
				if !ok || !api.Has(pylib.Coroutine) {
					call = p.Canonical(call)
					api, ok = pylib.Lookup(call)
				}
				if ok && api.Has(pylib.Coroutine) {
					return p.libraryCoroutine(api, c.Node) && (!p.asyncOnly(api, call, c.Node) || c.InCoroutine())
				}
			}
		}
	}
	if f == nil && name != "" && p.libs != nil && p.InstalledCoroutine(name) {
		// An async def of an installed library pylib has no record of
		// (unless a sync shim the module imports covers it).
		return !p.asyncOnly(pylib.API{}, name, c.Node) || c.InCoroutine()
	}
	// A parameter a test in the enclosing code says is a coroutine
	// function (`if iscoroutinefunction(get_response):`).
	if f == nil && c.Func != nil && c.Func.module.TestedCoroutineFunction(c) {
		return true
	}
	if f == nil {
		// An item of a table of callables, every one a coroutine function.
		choices := c.Choices()
		for _, r := range choices {
			if !p.isCoroutineFunctionRef(r, c.Node, c.InCoroutine(), asked) {
				return false
			}
		}
		return len(choices) > 0
	}
	// Calling a class runs __init__, which never returns a coroutine.
	if f.Name == "__init__" {
		return false
	}
	if f.isCoroutineFunctionIn(p) {
		return !p.overriddenBySync(f, asked)
	}
	// The stub test first: dispatchedCall finds the call's module by a
	// walk of the project's modules, which every call of a plain function
	// paid (+22 % user time of `check` on /work/corpus/src).
	if !f.DispatchStub() {
		return false
	}
	ok, recv := p.dispatchedCall(c)
	return ok && p.dispatchesToCoroutines(f, recv, asked)
}

// isCoroutineFunctionRef reports whether the value r (resolved in its
// module) is a coroutine function: a library's, or an async def of the
// project that no subclass overrides with a sync one.
func (p *Project) isCoroutineFunctionRef(r Ref, at *Node, inAsync bool, asked func(*Function)) bool {
	if !r.Known() && r.Via != "" {
		r = p.ResolveVia(r.Via)
	}
	if r.Instance || r.Class != nil {
		return false
	}
	f := r.Func
	if f == nil && r.Name != "" {
		api, ok := pylib.Lookup(r.Name)
		if !ok || !api.Has(pylib.Coroutine) {
			api, ok = pylib.Lookup(p.Canonical(r.Name))
		}
		if ok && api.Has(pylib.Coroutine) {
			return p.libraryCoroutine(api, at) && (!p.asyncOnly(api, r.Name, at) || inAsync)
		}
		f = p.Lookup(r.Name).Func
		if f == nil && p.libs != nil {
			return p.InstalledCoroutine(r.Name) && (!p.asyncOnly(pylib.API{}, r.Name, at) || inAsync)
		}
	}
	return f != nil && f.Name != "__init__" && f.isCoroutineFunctionIn(p) && !p.overriddenBySync(f, asked)
}

// asyncOnly reports whether the coroutine API name, called at n, makes a
// coroutine only in async code: an InAsyncOnly API (unless the code at n is
// written for the release that made it a coroutine function everywhere:
// WrittenForSince), or one that a sync shim
// n's module imports covers (pylib.SyncShims: a script's `import
// telethon.sync` makes TelegramClient's methods run to completion when no
// loop is running).
func (p *Project) asyncOnly(api pylib.API, name string, n *Node) bool {
	if api.Has(pylib.InAsyncOnly) {
		// A library whose sync form ended at a release (python-telegram-bot
		// 20.0: CoroutineSince on its InAsyncOnly records): code written
		// for that release or a later one calls a coroutine function in
		// sync code too.
		return !p.WrittenForSince(n, api.CoroutineSince)
	}
	if len(pylib.SyncShims) == 0 {
		return false
	}
	m := p.moduleOfNode(n)
	if m == nil {
		return false
	}
	imports := m.ImportNames()
	return pylib.ShimmedBy(name, imports) || pylib.ShimmedBy(p.Canonical(name), imports)
}

// overriddenBySync reports whether a subclass in the project overrides the
// method f with something that is not a coroutine function (`def
// _close(self)`, `_close = AsyncCommand()`, or an async generator, below an
// abstract `async def _close`; socketio's pub/sub managers' `_listen`): a
// call through self may then not return a coroutine.
func (p *Project) overriddenBySync(f *Function, asked func(*Function)) bool {
	if f.Class == nil {
		return false
	}
	overrides := p.syncOverrideIndex()
	if p.recordOverrides != nil {
		p.recordOverrides(f.Class)
	}
	if asked != nil {
		asked(f)
	}
	for _, c := range overrides[f.Name] {
		if c != f.Class && p.derivesFrom(c, f.Class, 0) {
			return true
		}
	}
	return false
}

// syncOverrideIndex maps a member name to the classes of the project that
// define it other than as a coroutine function, built once per snapshot.
func (p *Project) syncOverrideIndex() map[string][]*Class {
	p.syncOverridesOnce.Do(func() {
		out := map[string][]*Class{}
		for _, m := range p.Modules() {
			for _, c := range m.Classes {
				for _, name := range c.syncMemberNames() {
					out[name] = append(out[name], c)
				}
			}
		}
		p.syncOverrides = out
	})
	return p.syncOverrides
}

// ClassesDefiningSync returns the classes of the project whose bodies bind
// name other than as a coroutine function (a plain method, a generator, a
// class attribute), from the index built once per snapshot: a question
// about a module's import closure asks this first, as most names no class
// defines.
func (p *Project) ClassesDefiningSync(name string) []*Class {
	return p.syncOverrideIndex()[name]
}

// SyncOverriders returns the classes of the project that derive from f's
// class and define f's name other than as a coroutine function: what
// makes overriddenBySync true. A check that does not hold every module at
// once relies on each being in a module that may look names up in f's
// (TestValueKeysWithinClosure in lint).
func (p *Project) SyncOverriders(f *Function) []*Class {
	if f.Class == nil {
		return nil
	}
	var out []*Class
	for _, c := range p.syncOverrideIndex()[f.Name] {
		if c != f.Class && p.derivesFrom(c, f.Class, 0) {
			out = append(out, c)
		}
	}
	return out
}

// ReturnsOnly reports whether the synchronous function f returns, at each
// of its return statements (at least one), a call of its own body that
// pred accepts, or an attribute of self that holds only such calls
// (memoisedAttribute); with everyPath, also that its body cannot end
// without a return. Unlike Wrapper it follows no other function: pred
// judges the calls where they are written.
// p may be nil (a module checked alone).
func (p *Project) ReturnsOnly(f *Function, everyPath bool, pred func(*Call) bool) bool {
	if f == nil || f.Async || f.Generator || f.Lambda {
		return false
	}
	returns := f.returnStatements()
	if len(returns) == 0 || everyPath && f.mayFallOff() {
		return false
	}
	accepted := func(value *Node) bool {
		for _, c := range f.Calls {
			if c.Node == value {
				return pred(c)
			}
		}
		return false
	}
	return p.eachReturnWraps(f, returns, true, false, accepted)
}

// eachReturnWraps reports whether each of the return statements returns
// one call that wraps accepts or, with selfMemo, an attribute of self that
// holds only such calls of f (memoisedAttribute); with bareReturns, a
// `return` of nothing (or of None) is passed over, as long as one return
// does return such a call (`if self.is_bot: return` before `return
// self.client(request)`). It stops at the first that does not.
func (p *Project) eachReturnWraps(f *Function, returns []*Node, selfMemo, bareReturns bool, wraps func(*Node) bool) bool {
	wrapped := false
	for _, ret := range returns {
		named := ret.NamedChildren()
		if bareReturns && (len(named) == 0 || len(named) == 1 && Unparen(named[0]).Type() == "none") {
			continue
		}
		if len(named) != 1 {
			return false
		}
		wrapped = true
		value := Unparen(named[0])
		if value.Type() == "call" && wraps(value) {
			continue
		}
		if selfMemo && value.Type() == "attribute" && p.memoisedAttribute(f, value, wraps) {
			continue
		}
		return false
	}
	return wrapped
}

// memoisedAttribute reports a return value `self.name` of the method f
// where every value the class ever stores in self.name is a call of f's own
// body that wraps accepts (`if not hasattr(self, "_room"): self._room =
// Room.objects.aget(...)` then `return self._room`): the attribute holds
// only what those calls made, so reading it gives that (or raises
// AttributeError). An attribute also stored elsewhere in the class (`self._room
// = await ...` in another method), stored from anything but such a call
// (None, an unpacking, a `with` target), or bound in the class body or in
// a base class of the project is not one.
func (p *Project) memoisedAttribute(f *Function, value *Node, wraps func(*Node) bool) bool {
	cls := f.Class
	if cls == nil || len(f.Params) == 0 || f.decoratedWith("staticmethod") || f.decoratedWith("classmethod") {
		return false
	}
	obj := value.ChildByField("object")
	if obj == nil || obj.Type() != "identifier" || f.module.File.Text(obj) != f.Params[0] {
		return false
	}
	name := f.module.File.Text(value.ChildByField("attribute"))
	stored := cls.Attrs[name]
	if len(stored) == 0 || cls.Scope != nil && cls.Scope.Bindings.Get(name) != nil {
		return false
	}
	for _, v := range stored {
		v = Unparen(v)
		if v == nil || v.Type() != "call" || !wraps(v) {
			return false
		}
	}
	for _, parent := range p.projectBases(cls) {
		if p.classBindsAttr(parent, name, 0) {
			return false
		}
	}
	return true
}

// classBindsAttr reports whether the project class c or one of its
// project bases stores or defines name (self.name in a method, or a
// binding of its body).
func (p *Project) classBindsAttr(c *Class, name string, depth int) bool {
	if depth > 8 {
		return true
	}
	if len(c.Attrs[name]) > 0 || c.Scope != nil && c.Scope.Bindings.Get(name) != nil {
		return true
	}
	for _, parent := range p.projectBases(c) {
		if p.classBindsAttr(parent, name, depth+1) {
			return true
		}
	}
	return false
}

// derivesFrom reports whether class c has base among its ancestors.
func (p *Project) derivesFrom(c, base *Class, depth int) bool {
	if depth > 8 {
		return false
	}
	for _, parent := range p.projectBases(c) {
		if parent == base || p.derivesFrom(parent, base, depth+1) {
			return true
		}
	}
	return false
}

// LibraryBaseWhere returns the base expression in project class c's own
// base list through which c derives from a library class that matches
// (given its canonical qualified name), following bases that are project
// classes of this or another module; nil when none does. It answers "is
// this a subclass of asyncio.Protocol (or of a project class that is)?"
// without the library's classes in view.
func (p *Project) LibraryBaseWhere(c *Class, matches func(library string) bool) *Node {
	for _, b := range c.Bases {
		if b.Type() != "keyword_argument" && p.derivesFromLibrary(c, b, matches, 0) {
			return b
		}
	}
	return nil
}

func (p *Project) derivesFromLibrary(c *Class, b *Node, matches func(string) bool, depth int) bool {
	if depth > 8 {
		return false
	}
	r, parent := p.baseClass(c, b)
	if parent == nil && r.Class == nil && r.Func == nil && r.Name != "" && !r.Instance {
		return !p.inProject(r.Name) && matches(p.Canonical(r.Name))
	}
	if parent == nil || parent == c {
		return false
	}
	for _, pb := range parent.Bases {
		if pb.Type() != "keyword_argument" && p.derivesFromLibrary(parent, pb, matches, depth+1) {
			return true
		}
	}
	return false
}

// Wrapper reports whether the synchronous function f only hands on what a
// call of interest makes: every return statement returns such a call's
// value, directly or through other wrappers of the project (`def
// spawn(coro): return asyncio.create_task(coro)`, `def fetch(self): return
// self._fetch()`). kind names the fact for memoisation; direct must be a
// pure function of its arguments and must not call Wrapper.
func (p *Project) Wrapper(kind string, f *Function, direct func(*Module, *Call) bool) bool {
	return p.wrapperNoting(kind, f, func(m *Module, c *Call, _ func(*Function)) bool { return direct(m, c) }, nil)
}

// wrapperMemo is one kind's memoised Wrapper answers, with the methods
// each answer asked overriddenBySync about (directly or through the
// wrappers it called), replayed when the answer is reused.
type wrapperMemo map[*Function]wrapperAnswer

type wrapperAnswer struct {
	ok    bool
	asked []*Function
}

// wrapperNoting is Wrapper for a direct predicate that reports the methods
// it asked overriddenBySync about to note; they are appended to asked.
func (p *Project) wrapperNoting(kind string, f *Function, direct func(*Module, *Call, func(*Function)) bool, asked *[]*Function) bool {
	return p.wrapperOn(kind, false, f, direct, asked, false, false)
}

// wrapperOn is wrapperNoting; with everyPath, a function whose body can end
// without a return (giving None) is no wrapper; with bareReturns, its
// explicit `return`s of nothing are passed over (eachReturnWraps); with selfMemo, a return of
// an attribute of self that holds only what the function itself stored
// there from calls of interest counts as such a call (memoisedAttribute).
// kind must differ between the modes (it keys the memo).
func (p *Project) wrapperOn(kind string, everyPath bool, f *Function, direct func(*Module, *Call, func(*Function)) bool, asked *[]*Function, selfMemo, bareReturns bool) bool {
	if p == nil || f == nil {
		return false
	}
	p.wrappersMu.Lock()
	defer p.wrappersMu.Unlock()
	if p.wrappers == nil {
		p.wrappers = map[string]wrapperMemo{}
	}
	memo := p.wrappers[kind]
	if memo == nil {
		memo = wrapperMemo{}
		p.wrappers[kind] = memo
	}
	ok, methods := p.wrapper(memo, f, direct, 0, everyPath, selfMemo, bareReturns)
	if asked != nil {
		*asked = append(*asked, methods...)
	}
	return ok
}

func (p *Project) wrapper(memo wrapperMemo, f *Function, direct func(*Module, *Call, func(*Function)) bool, depth int, everyPath, selfMemo, bareReturns bool) (bool, []*Function) {
	if v, ok := memo[f]; ok {
		return v.ok, v.asked
	}
	if f.Async || f.Generator || f.Lambda || depth > 6 {
		return false, nil
	}
	memo[f] = wrapperAnswer{} // a cycle is not a wrapper
	var asked []*Function
	seen := map[*Function]bool{}
	note := func(m *Function) {
		if !seen[m] {
			seen[m] = true
			asked = append(asked, m)
		}
	}
	returns := f.returnStatements()
	ok := len(returns) > 0 && (!everyPath || !f.mayFallOff())
	// wraps reports whether value is a call of f's own body that makes
	// what is asked for, directly or through another wrapper.
	wraps := func(value *Node) bool {
		for _, c := range f.Calls {
			if c.Node != value {
				continue
			}
			if direct(f.module, c, note) {
				return true
			}
			if t := p.Target(c); t != nil && t != f {
				sub, subAsked := p.wrapper(memo, t, direct, depth+1, everyPath, selfMemo, bareReturns)
				for _, m := range subAsked {
					note(m)
				}
				return sub
			}
			return false
		}
		return false
	}
	if !p.eachReturnWraps(f, returns, selfMemo, bareReturns, wraps) {
		ok = false
	}
	memo[f] = wrapperAnswer{ok: ok, asked: asked}
	return ok, asked
}
