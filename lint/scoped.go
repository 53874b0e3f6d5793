package lint

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
	"github.com/asyncls/asyncls/rules"
)

// A check of a few files of a large project (`asyncls check app/main.py`,
// the pre-commit hook) parses only what their findings can depend on, and
// still reports exactly what a check of the whole project reports for them:
//   - the files and the modules they import, directly or not (names resolve
//     across modules through imports only), the modules an import of a
//     module's own name may mean (`from pkg import X` in pkg/__init__.py:
//     every module named *.pkg, analysis.Project.OwnNameModules), and the
//     conftest.py files whose fixtures their tests may request
//     (analysis.Project.ConftestModules);
//   - the modules that may define a subclass of a class whose async
//     methods the rules asked about (a sync override changes what a call of
//     the method returns: analysis.Project's overriddenBySync, recorded by
//     RecordOverrideQueries). Such a module names its base class, or a name
//     bound to it, so the modules holding one of those names are parsed,
//     with what they import, until no new name appears, and the files are
//     checked again until they ask about no new class;
//   - for "does any module use this name as a value?" (ASYNC124), the
//     modules holding the name, parsed when the question is asked;
//   - for the type an untyped parameter takes from its function's calls in
//     other modules (analysis.Project.RecordCallerQueries), the modules
//     whose text holds the function's name (analysis.CallerWord), with
//     what they import, until no new function is asked about;
//   - for ASL106's project-wide set of functions that run in other threads,
//     every module, for files whose rules ask for it (a thread-unsafe call in
//     a sync function: rules.NeedsThreadFunctions).

// scopedShare is the largest share of a unit's sources that may be targets
// for a scoped check: above it, parsing everything costs about as much and
// asks no questions.
const scopedShare = 2

// analyseUnitScoped is analyseUnit for a unit whose targets are few.
func analyseUnitScoped(u *unit, parsedOne, checkedOne func()) (diags []rules.Diagnostic, errs []error, files int) {
	layout := u.layout()
	n := len(u.sources)
	valid := make([]bool, n)
	fileErrs := make([]error, n)
	parallel(n, func(i int) {
		valid[i], fileErrs[i] = u.checkSource(i)
	})

	// The source each imported name denotes, as analysis.Project looks
	// modules up: of the sources a name may denote (by name or alias), the
	// one NewProject keeps for it. The others (copies of a library, which
	// keep its names) are never found by that name, like modules nothing
	// imports, so they are not parsed for it.
	names, imported, ownName, _ := importedSources(u, layout, valid)

	modules := make([]*analysis.Module, n)
	inProject := make([]bool, n)
	paths := make([]string, n)
	for i, s := range u.sources {
		paths[i] = s.Path
	}
	conftests := conftestLinks(paths, func(i int) bool { return analysis.MayRequestFixtures(u.sources[i].Src) })
	// add parses the sources of which not parsed yet, and what they
	// import, directly or not.
	add := func(which []int) {
		for len(which) > 0 {
			var frontier []int
			for _, i := range which {
				if valid[i] && !inProject[i] {
					inProject[i] = true
					frontier = append(frontier, i)
				}
			}
			for k, p := range parallel(len(frontier), func(k int) {
				i := frontier[k]
				if modules[i] == nil {
					modules[i] = BuildModule(layout, u.sources[i].Path, u.sources[i].Src)
				}
				parsedOne()
			}) {
				fileErrs[frontier[k]] = internalError(u.show(u.sources[frontier[k]].Path), p)
			}
			which = nil
			for _, i := range frontier {
				if modules[i] == nil {
					continue
				}
				for _, q := range modules[i].ImportNames() {
					for _, j := range imported(q) {
						if !inProject[j] {
							which = append(which, j)
						}
					}
				}
				if own := modules[i].OwnNameImports(); len(own) > 0 {
					for _, j := range ownName(i, own) {
						if !inProject[j] {
							which = append(which, j)
						}
					}
				}
				if conftests != nil {
					for _, j := range conftests(i) {
						if !inProject[j] {
							which = append(which, j)
						}
					}
				}
			}
		}
	}
	var targets []int
	for i, s := range u.sources {
		if u.target(s.Path) {
			targets = append(targets, i)
		}
	}
	// Besides imports, names resolve to builtins and to the types library
	// facts give (`aiohttp.ClientResponse`, whatever the file imports):
	// project modules of those names may be looked up by any file.
	starts := append([]int(nil), targets...)
	roots := pylib.Roots()
	for _, nm := range names {
		if top, _, _ := strings.Cut(nm, "."); top == nm && (roots[nm] || analysis.IsBuiltin(nm)) {
			starts = append(starts, imported(nm)...)
		}
	}
	add(starts)
	for _, i := range targets {
		if modules[i] != nil && rules.NeedsThreadFunctions(modules[i]) {
			// ASL106's project-wide fact reads every module.
			var rest []int
			for j := range u.sources {
				rest = append(rest, j)
			}
			add(rest)
			break
		}
	}

	// Checked in the project of what they import, the files ask which
	// classes' async methods may be overridden by sync ones; the modules
	// that may subclass those are added and the files checked again, until
	// no new class is asked about.
	var mods, checked []*analysis.Module
	var perModule [][]rules.Diagnostic
	var recorded []rules.Dependencies
	wanted := map[string]bool{}
	wantedCallers := map[string]bool{} // analysis.CallerWord of the functions asked about
	patchedWanted := map[string]bool{}
	relevant := make([]bool, n)
	index := &identifierIndex{}
	for {
		mods, checked, errs = u.sortModules(modules, fileErrs)
		u.project = u.newProject(mods)
		if !complete(inProject, valid) {
			u.project.AddValueNamesFrom(outsideValueNames(u, layout, valid, inProject, index))
		}
		var askedMu sync.Mutex
		asked := map[string]bool{}
		u.project.RecordOverrideQueries(func(c *analysis.Class) {
			askedMu.Lock()
			asked[c.Name] = true
			askedMu.Unlock()
		})
		// A library class the running instance of which is the project's
		// subclass (`ctx.bot`): the modules that may subclass it.
		u.project.RecordSubclassQueries(func(name string) {
			askedMu.Lock()
			asked[name] = true
			askedMu.Unlock()
		})
		// The functions whose callers typed a parameter (analysis's
		// RecordCallerQueries): the modules whose text holds the word.
		callers := map[string]bool{}
		u.project.RecordCallerQueries(func(q analysis.CallerQuery) {
			askedMu.Lock()
			callers[q.Word] = true
			askedMu.Unlock()
		})
		// A name a module anywhere may rebind or patch (ASL110): the
		// modules that do, with what they import.
		patchAsked := map[string]bool{}
		u.project.RecordPatchQueries(func(name string) {
			askedMu.Lock()
			patchAsked[name] = true
			askedMu.Unlock()
		})
		perModule = make([][]rules.Diagnostic, len(checked))
		recorded = make([]rules.Dependencies, len(checked))
		for i, p := range parallel(len(checked), func(i int) {
			perModule[i], recorded[i] = rules.CheckRecorded(checked[i], u.project, u.options(checked[i].File.Path))
		}) {
			errs = append(errs, internalError(u.show(checked[i].File.Path), p))
		}
		grown := false
		for nm := range asked {
			if !wanted[nm] {
				wanted[nm] = true
				grown = true
			}
		}
		var holders []int
		for word := range callers {
			if !wantedCallers[word] {
				wantedCallers[word] = true
				for _, i := range index.holding(u, valid, word) {
					if !inProject[i] {
						holders = append(holders, i)
					}
				}
			}
		}
		sort.Ints(holders)
		add(holders)
		patchers := !complete(inProject, valid) && addPatchingModules(u, layout, modules, inProject, valid, patchAsked, patchedWanted, index, add)
		addedSubclasses := grown && !complete(inProject, valid) &&
			addSubclassModules(u, layout, modules, inProject, valid, relevant, wanted, index, add)
		if len(holders) == 0 && !addedSubclasses && !patchers {
			break
		}
	}
	// A file whose rules used the thread functions though
	// NeedsThreadFunctions said no is checked again with every module.
	var again []int
	whole := complete(inProject, valid)
	for i := range checked {
		if recorded[i].ThreadFunctions && !whole {
			again = append(again, i)
		} else {
			checkedOne()
		}
	}
	if len(again) > 0 {
		var rest []int
		for i := range u.sources {
			rest = append(rest, i)
		}
		add(rest)
		var all []*analysis.Module
		for _, m := range modules {
			if m != nil {
				all = append(all, m)
			}
		}
		u.project = u.newProject(all)
		for k, p := range parallel(len(again), func(k int) {
			i := again[k]
			perModule[i] = rules.Check(checked[i], u.project, u.options(checked[i].File.Path))
			checkedOne()
		}) {
			errs = append(errs, internalError(u.show(checked[again[k]].File.Path), p))
		}
	}
	return u.shownDiagnostics(perModule), errs, len(checked)
}

// namedSources maps each module name (and alias) of u's valid sources to
// the source analysis.Project's byName keeps for it when every valid source
// is in the project, added in u.sources' order (analysis.TakesName), and
// gives each valid source's module name.
func namedSources(u *unit, layout *analysis.Layout, valid []bool) (map[string]int, []string) {
	byName := map[string]int{}
	moduleName := make([]string, len(u.sources))
	for i, s := range u.sources {
		if !valid[i] {
			continue
		}
		name, _, aliases := layout.ModuleName(s.Path)
		moduleName[i] = name
		for _, n := range append([]string{name}, aliases...) {
			if n == "" {
				continue
			}
			if j, ok := byName[n]; !ok || analysis.TakesName(n, name, s.Path, moduleName[j], u.sources[j].Path) {
				byName[n] = i
			}
		}
	}
	return byName, moduleName
}

// complete reports whether every valid source is in the project.
func complete(inProject, valid []bool) bool {
	for i := range valid {
		if valid[i] && !inProject[i] {
			return false
		}
	}
	return true
}

// addSubclassModules adds (with add) the modules that may define a
// subclass of a class named in wanted: those with a class whose bases name
// such a class, or a name bound to one, until no new name appears (see the
// comment at the top of this file); it grows wanted and relevant (the
// modules found) and reports whether it added modules. A module whose text
// holds a name but that binds nothing to a class is parsed alone and left
// out.
func addSubclassModules(u *unit, layout *analysis.Layout, modules []*analysis.Module, inProject, valid, relevant []bool, wanted map[string]bool, index *identifierIndex, add func([]int)) bool {
	alone := map[int]*analysis.Module{} // modules parsed to be looked at, not (yet) in the project
	added := false
	for grown := len(wanted) > 0; grown; {
		grown = false
		var hits []int
		hit := map[int]bool{}
		for nm := range wanted {
			for _, i := range index.holding(u, valid, nm) {
				if !relevant[i] && !hit[i] {
					hit[i] = true
					hits = append(hits, i)
				}
			}
		}
		sort.Ints(hits)
		var toParse []int
		for _, i := range hits {
			if modules[i] == nil && alone[i] == nil {
				toParse = append(toParse, i)
			}
		}
		parsed := make([]*analysis.Module, len(toParse))
		parallel(len(toParse), func(k int) {
			parsed[k] = BuildModule(layout, u.sources[toParse[k]].Path, u.sources[toParse[k]].Src)
		})
		for k, i := range toParse {
			alone[i] = parsed[k]
		}
		var found []int
		for _, i := range hits {
			m := modules[i]
			if m == nil {
				m = alone[i]
			}
			if m == nil {
				continue
			}
			names := boundToClasses(m, wanted)
			if len(names) == 0 {
				continue
			}
			relevant[i] = true
			if !inProject[i] {
				modules[i] = m // add parses it no more
				found = append(found, i)
			}
			for _, nm := range names {
				if !wanted[nm] {
					wanted[nm] = true
					grown = true
				}
			}
		}
		added = added || len(found) > 0
		add(found)
	}
	return added
}

// addPatchingModules adds, with what they import, the modules outside the
// project that rebind or patch a name of asked not looked for before
// (analysis.Module.PatchedNames); it reports whether it added any.
func addPatchingModules(u *unit, layout *analysis.Layout, modules []*analysis.Module, inProject, valid []bool, asked, done map[string]bool, index *identifierIndex, add func([]int)) bool {
	var names []string
	for nm := range asked {
		if !done[nm] {
			done[nm] = true
			names = append(names, nm)
		}
	}
	sort.Strings(names)
	var found []int
	for _, nm := range names {
		for _, i := range index.holding(u, valid, nm) {
			if inProject[i] || slices.Contains(found, i) {
				continue
			}
			m := modules[i]
			if m == nil {
				m = BuildModule(layout, u.sources[i].Path, u.sources[i].Src)
			}
			if m != nil && slices.Contains(m.PatchedNames(), nm) {
				modules[i] = m
				found = append(found, i)
			}
		}
	}
	add(found)
	return len(found) > 0
}

// boundToClasses returns the names of m's classes that may derive from a
// class named in wanted (a base expression names one) and the module-level
// names that may be bound to one (`from .impl import Base as Thing`,
// `Thing = Base`).
func boundToClasses(m *analysis.Module, wanted map[string]bool) []string {
	var out []string
	for _, c := range m.Classes {
		for _, b := range c.Bases {
			if holdsIdentifier([]byte(m.File.Text(b)), wanted) {
				out = append(out, c.Name)
				break
			}
		}
	}
	for name, b := range m.Scope.Bindings.All() {
		switch b.Kind {
		case analysis.BindImport:
			q := b.Qualified
			if k := strings.LastIndexByte(q, '.'); k >= 0 {
				q = q[k+1:]
			}
			if wanted[q] {
				out = append(out, name)
			}
		case analysis.BindAssign:
			for _, v := range b.Values {
				if v != nil && valueMayName(m.File, v, wanted) {
					out = append(out, name)
					break
				}
			}
		}
	}
	return out
}

// valueMayName reports whether the assigned value v may bind its name to a
// class named in wanted: it names one in code, or in a string that the
// analysis may read as a type annotation (`Thing = Optional["Base"]`:
// analysis's annotationText reads a dotted name, `X | None`, `Optional[X]`).
// A string that cannot be one (prose: a docstring assigned to a name) or
// that is an element of a list, tuple, set or dict display (the names of
// `__all__`, which the analysis never resolves to a class) does not count.
func valueMayName(f *analysis.File, v *analysis.Node, wanted map[string]bool) bool {
	found := false
	v.Walk(func(n *analysis.Node) bool {
		if found {
			return false
		}
		switch n.Type() {
		case "comment":
			return false
		case "identifier":
			found = wanted[f.Text(n)]
		case "string":
			if p := n.Parent(); n != v && p != nil {
				switch p.Type() {
				case "list", "tuple", "set", "pair", "expression_list":
					// Only interpolations (code) may name a class.
					n.Walk(func(c *analysis.Node) bool {
						if c.Type() == "string_content" {
							return false
						}
						found = found || c.Type() == "identifier" && wanted[f.Text(c)]
						return !found
					})
					return false
				}
			}
		case "string_content":
			text := f.Text(n)
			found = mayBeAnnotation(text) && holdsIdentifier([]byte(text), wanted)
		}
		return !found
	})
	return found
}

// mayBeAnnotation reports whether the text of a string may be a type
// annotation the analysis reads: identifiers, dots, brackets, commas, `|`,
// quotes and blanks only.
func mayBeAnnotation(text string) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !(c == '_' || c >= 0x80 || c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9' || strings.IndexByte(".[]|, \t\n\r\"'", c) >= 0) {
			return false
		}
	}
	return true
}

// outsideValueNames answers "does a module outside the project record the
// value key?" (or, for an analysis.TaskEntryIndexKey, reference the method
// other than as a task's entry point): the modules whose text holds the
// key's identifier are parsed (once) and asked.
func outsideValueNames(u *unit, layout *analysis.Layout, valid, inProject []bool, index *identifierIndex) func(string) bool {
	var mu sync.Mutex
	answers := map[string]bool{}
	sets := map[int]map[string]bool{}
	return func(key string) bool {
		mu.Lock()
		defer mu.Unlock()
		if used, ok := answers[key]; ok {
			return used
		}
		used := false
		for _, i := range index.holding(u, valid, analysis.ValueKeyWord(analysis.IndexedIdentifier(key))) {
			if inProject[i] {
				continue
			}
			set, ok := sets[i]
			if !ok {
				set = valueNamesOf(layout, u.sources[i])
				sets[i] = set
			}
			if set[key] {
				used = true
				break
			}
		}
		answers[key] = used
		return used
	}
}

// valueNamesOf parses s for its value keys (none when it cannot
// be analysed: a full check would skip it too).
func valueNamesOf(layout *analysis.Layout, s Source) (set map[string]bool) {
	defer func() {
		if recover() != nil {
			set = nil
		}
	}()
	return BuildModule(layout, s.Path, s.Src).ValueNames()
}

// identifierIndex maps each identifier-like word to the sources holding
// it (in code, a string or a comment), built on first use: the text search
// that finds which unparsed modules a name may concern.
type identifierIndex struct {
	once  sync.Once
	files map[string][]int
}

func (x *identifierIndex) holding(u *unit, valid []bool, name string) []int {
	x.once.Do(func() {
		x.files = map[string][]int{}
		for i, s := range u.sources {
			if !valid[i] {
				continue
			}
			seen := map[string]bool{}
			eachIdentifier(s.Src, func(id []byte) bool {
				if !seen[string(id)] {
					w := string(id)
					seen[w] = true
					x.files[w] = append(x.files[w], i)
				}
				return true
			})
		}
	})
	return x.files[name]
}

// holdsIdentifier reports whether src holds, as a whole identifier (in
// code, a string or a comment), one of names.
func holdsIdentifier(src []byte, names map[string]bool) bool {
	found := false
	eachIdentifier(src, func(id []byte) bool {
		found = names[string(id)]
		return !found
	})
	return found
}

// eachIdentifier calls fn with each identifier-like word of src (bytes
// beyond ASCII count as letters) until fn returns false.
func eachIdentifier(src []byte, fn func(id []byte) bool) {
	isStart := func(c byte) bool { return c == '_' || c >= 0x80 || c|0x20 >= 'a' && c|0x20 <= 'z' }
	isPart := func(c byte) bool { return isStart(c) || c >= '0' && c <= '9' }
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case isStart(c):
			j := i + 1
			for j < len(src) && isPart(src[j]) {
				j++
			}
			if !fn(src[i:j]) {
				return
			}
			i = j
		case c >= '0' && c <= '9':
			// A number's digits and suffix letters are not an identifier.
			for i < len(src) && isPart(src[i]) {
				i++
			}
		default:
			i++
		}
	}
}

// importedSources returns the module names of the valid sources, sorted,
// what an imported name q denotes among them: the source of q and of
// each package on its way (`a.b.c` imports `a` and `a.b` too), and every
// source below q (a package's submodules, which `import a` may reach), as
// the scoped and the streamed analyses read the import graph; and what
// source i's imports from itself (own, analysis.Module.OwnNameImports) may
// mean (analysis.Project's OwnNameModules): when one names no source
// (analysis.OwnNameShadows), the valid sources whose module names end with
// i's (analysis.OwnNameSuffixes), other than i; and each valid source's
// module name.
func importedSources(u *unit, layout *analysis.Layout, valid []bool) (names []string, imported func(q string) []int, ownName func(i int, own []string) []int, moduleName []string) {
	byName, moduleName := namedSources(u, layout, valid)
	names = make([]string, 0, len(byName))
	for nm := range byName {
		names = append(names, nm)
	}
	sort.Strings(names)
	imported = func(q string) []int {
		var out []int
		for k := 0; k <= len(q); k++ {
			if k == len(q) || q[k] == '.' {
				if i, ok := byName[q[:k]]; ok {
					out = append(out, i)
				}
			}
		}
		prefix := q + "."
		for j := sort.SearchStrings(names, prefix); j < len(names) && strings.HasPrefix(names[j], prefix); j++ {
			out = append(out, byName[names[j]])
		}
		return out
	}
	var once sync.Once
	var bySuffix map[string][]int
	ownName = func(i int, own []string) []int {
		if len(own) == 0 || !analysis.OwnNameShadows(own, func(q string) bool { _, ok := byName[q]; return ok }) {
			return nil
		}
		once.Do(func() {
			bySuffix = map[string][]int{}
			for j, nm := range moduleName {
				analysis.OwnNameSuffixes(nm, func(suffix string) { bySuffix[suffix] = append(bySuffix[suffix], j) })
			}
		})
		var out []int
		if moduleName[i] != "" {
			for _, j := range bySuffix[moduleName[i]] {
				if j != i {
					out = append(out, j)
				}
			}
		}
		return out
	}
	return names, imported, ownName, moduleName
}
