package lint

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
	"github.com/asyncls/asyncls/rules"
)

// A batch `check` of a whole project (no cache, models not kept) does not
// hold every module at once: it builds and checks the project in parts and
// drops each part's models once checked, keeping what the other parts'
// questions need of them (value keys, sync member names), and reports
// exactly what a check of the whole project reports.
//
// The parts come from the import graph read from the sources
// (analysis.ScanImports, a superset of the parser's imports), with each
// imported name denoting the module analysis.Project keeps for it, as a
// scoped check resolves them (scoped.go):
//   - the library part: the modules named like a builtin or a library
//     asyncls has facts about, which any module may look names up in, and
//     what they import, directly or not. It is built first and kept to
//     the end (where its own modules are checked);
//   - the rest, split into the components of its import graph (ignoring
//     the library part): every module a module of a component may look
//     names up in is in the library part or in its component, and so is
//     every module that may look names up in it. The components are
//     checked in a few batches, each in a project of the library part and
//     the batch (and what is kept, below), then dropped.
//
// What a module's check asks of modules outside its project, and how the
// answer is made to hold:
//   - "does any module use this name as a value?" (rules.CheckRecorded
//     records the questions and answers): answered from the value keys of
//     the modules dropped so far, and verified at the end against every
//     module's (as the cache does, answersHold); a module whose answers
//     changed is checked again.
//   - ASL106's thread functions: a function is one when a module handing
//     functions to threads reaches it through calls, all of which resolve
//     within that module's closure; such a module is in the component of
//     the function's module, or, for a function of the library part,
//     anywhere: so the modules outside the library part that hand
//     functions to threads are kept with their closures (kept below), for
//     the library part's checks.
//   - whether an async method is overridden by a sync member of a
//     subclass: a subclass is in a module that may look names up in the
//     method's, so for a method of a component every candidate is in the
//     component; the modules with a class overriding a method of the
//     library part (found while their batch is built) are kept with their
//     closures, and a module of an earlier batch that asked about the name
//     is checked again.
//   - the project's subclasses of a library class (soleSubclass): any
//     module may define one, so every module of a batch whose project was
//     asked is checked again with every module (no corpus asks).
//
// The modules checked again are checked at the end in a project of the
// library part, what is kept and their components, with the value keys of
// every other module.

// streamBatches is how many batches the modules outside the library part
// are checked in: each batch's project asks again some project-wide
// questions of the library part (value index, thread functions), so more
// batches cost time for less memory.
var streamBatches = 4

// streamChecks turns streamed checks on for batch runs (see
// analyseUnitStreamed); tests compare it with the plain order.
var streamChecks atomic.Bool

func init() { streamChecks.Store(true) }

// analyseUnitStreamed is analyseUnit for a whole-project batch check that
// does not keep the models (see the comment above). It returns ok false,
// having done nothing, when the unit cannot be streamed (a source without
// a path).
func analyseUnitStreamed(u *unit, parsedOne, checkedOne func()) (diags []rules.Diagnostic, errs []error, files int, ok bool) {
	n := len(u.sources)
	var paths []string
	for _, s := range u.sources {
		if s.Path == "" {
			return nil, nil, 0, false
		}
		paths = append(paths, s.Path)
	}
	layout := analysis.NewLayout(u.root, paths)
	valid := make([]bool, n)
	fileErrs := make([]error, n)
	scanned := make([][]string, n)
	if len(parallel(n, func(i int) {
		s := u.sources[i]
		if err := analysis.CheckSource(s.Src); err != nil {
			fileErrs[i] = &FileError{Path: u.show(s.Path), Err: err}
			return
		}
		scanned[i] = analysis.ScanImports(s.Src, layout.Naming(s.Path))
		valid[i] = true
	})) > 0 {
		return nil, nil, 0, false
	}

	// The import graph, as scoped.go resolves names.
	byName := namedSources(u, layout, valid)
	names := make([]string, 0, len(byName))
	for nm := range byName {
		names = append(names, nm)
	}
	sort.Strings(names)
	imported := func(q string) []int {
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
	edges := make([][]int, n)
	for i := range u.sources {
		if !valid[i] {
			continue
		}
		seen := map[int]bool{i: true}
		for _, q := range scanned[i] {
			for _, j := range imported(q) {
				if !seen[j] {
					seen[j] = true
					edges[i] = append(edges[i], j)
				}
			}
		}
		scanned[i] = nil
	}

	// The library part.
	inLib := make([]bool, n)
	var queue []int
	roots := pylib.Roots()
	for _, nm := range names {
		if !strings.Contains(nm, ".") && (roots[nm] || analysis.IsBuiltin(nm)) {
			queue = append(queue, imported(nm)...)
		}
	}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		if !inLib[i] {
			inLib[i] = true
			queue = append(queue, edges[i]...)
		}
	}

	// The components of the rest, in the order of their first source, in
	// batches of about equal size.
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	restBytes := 0
	for i := range u.sources {
		if !valid[i] || inLib[i] {
			continue
		}
		restBytes += len(u.sources[i].Src)
		for _, j := range edges[i] {
			if !inLib[j] {
				if a, b := find(i), find(j); a != b {
					parent[max(a, b)] = min(a, b)
				}
			}
		}
	}
	members := map[int][]int{}
	var comps []int
	for i := range u.sources {
		if valid[i] && !inLib[i] {
			r := find(i)
			if members[r] == nil {
				comps = append(comps, r)
			}
			members[r] = append(members[r], i)
		}
	}
	component := func(i int) []int { return members[find(i)] }
	var batches [][]int
	batchOf := make([]int, n)
	{
		budget := restBytes/streamBatches + 1
		var cur []int
		size := 0
		for _, r := range comps {
			for _, i := range members[r] {
				cur = append(cur, i)
				size += len(u.sources[i].Src)
			}
			if size >= budget {
				batches = append(batches, cur)
				cur, size = nil, 0
			}
		}
		if len(cur) > 0 {
			batches = append(batches, cur)
		}
	}
	libPhase := len(batches)
	for i := range batchOf {
		batchOf[i] = libPhase
	}
	for b, batch := range batches {
		for _, i := range batch {
			batchOf[i] = b
		}
	}

	modules := make([]*analysis.Module, n)
	indexOf := make(map[string]int, n)
	for i, s := range u.sources {
		indexOf[s.Path] = i
	}
	var graphMissed atomic.Bool
	build := func(which []int) {
		for k, p := range parallel(len(which), func(k int) {
			i := which[k]
			m := BuildModule(layout, u.sources[i].Path, u.sources[i].Src)
			m.IndexValueUses()
			// The graph must hold every import the model resolves.
			for _, q := range m.ImportNames() {
				for _, j := range imported(q) {
					if j != i && !slices.Contains(edges[i], j) {
						graphMissed.Store(true)
					}
				}
			}
			modules[i] = m
			parsedOne()
		}) {
			fileErrs[which[k]] = internalError(u.show(u.sources[which[k]].Path), p)
		}
	}

	// values is the union of the value keys of the modules built so far
	// (analysis.Module.ValueNames, which depend on the module alone):
	// given to a project (AddValueNames), the keys of its own modules
	// change no answer, and once every module is built it answers
	// UsesAsValue as the whole project does.
	values := map[string]bool{}
	kept := make([]bool, n) // outside the library part, kept to the end
	// libOverrides: the names of the library part's async methods that a
	// class of the module overrides with a sync member.
	libOverrides := make([]map[string]bool, n)

	perModule := make([][]rules.Diagnostic, n)
	recorded := make([]rules.Dependencies, n)
	checked := make([]bool, n)
	// askedSubclass: a check in the project of the batch (or of the
	// library part, libPhase) asked for the project's subclasses of a
	// library class, and that project lacked modules.
	askedSubclass := make([]bool, libPhase+1)
	validCount := 0
	for i := range valid {
		if valid[i] {
			validCount++
		}
	}
	partial := func(p *analysis.Project) bool { return len(p.Modules()) < validCount }
	var internal []error

	// inProject reports whether module i was in the project of batch b.
	inProject := func(i, b int) bool {
		return inLib[i] || batchOf[i] == b || kept[i] && batchOf[i] < b
	}
	// asked: per phase, every value question its project was asked, with
	// the answer (whichever code asked it; the checks' own records say
	// which module asked).
	asked := make([]map[string]bool, libPhase+2)
	var askedMu sync.Mutex
	checkIn := func(p *analysis.Project, which []int, phase int) {
		if asked[phase] == nil {
			asked[phase] = map[string]bool{}
		}
		p.RecordValueQueries(func(key string, used bool) {
			askedMu.Lock()
			asked[phase][key] = used
			askedMu.Unlock()
		})
		for k, pn := range parallel(len(which), func(k int) {
			i := which[k]
			m := modules[i]
			perModule[i], recorded[i] = rules.CheckRecorded(m, p, u.options(m.File.Path))
			m.ForgetMemos()
		}) {
			i := which[k]
			internal = append(internal, internalError(u.show(u.sources[i].Path), pn))
			perModule[i] = nil
		}
		for _, i := range which {
			checked[i] = true
		}
	}
	targetsOf := func(which []int) []int {
		var out []int
		for _, i := range which {
			if modules[i] != nil && u.target(u.sources[i].Path) {
				out = append(out, i)
			}
		}
		return out
	}
	newProject := func(which func(i int) bool) *analysis.Project {
		var mods []*analysis.Module
		for i, m := range modules {
			if m != nil && which(i) {
				mods = append(mods, m)
			}
		}
		return analysis.NewProject(u.root, mods)
	}

	// The library part first.
	var lib []int
	for i := range u.sources {
		if inLib[i] {
			lib = append(lib, i)
		}
	}
	build(lib)
	// The library part's async methods by name, for the overrides below.
	libAsync := map[string][]*analysis.Function{}
	for _, i := range lib {
		if m := modules[i]; m != nil {
			for _, f := range m.Functions {
				if f.Class != nil && f.Async {
					libAsync[f.Name] = append(libAsync[f.Name], f)
				}
			}
		}
	}
	// The settings the library part's modules are checked with, by their
	// offload helpers (ASL106's thread functions depend on those).
	helperOpts := map[string]*rules.Options{}
	for _, i := range lib {
		if u.target(u.sources[i].Path) {
			o := u.options(u.sources[i].Path)
			key := ""
			if o != nil {
				key = strings.Join(o.OffloadHelpers, "\x00")
			}
			helperOpts[key] = o
		}
	}
	// reachesLib reports whether a function m hands to threads (with the
	// settings of a module of the library part), or a synchronous function
	// it calls, directly or not, is defined in the library part: such a
	// hand-off may make a function of the library part a thread function.
	reachesLib := func(p *analysis.Project, m *analysis.Module) bool {
		for _, o := range helperOpts {
			queue := rules.HandOffTargets(m, p, o)
			seen := map[*analysis.Function]bool{}
			for len(queue) > 0 {
				f := queue[0]
				queue = queue[1:]
				if f == nil || seen[f] {
					continue
				}
				seen[f] = true
				if fm := f.Module(); fm != nil && inLib[indexOf[fm.File.Path]] {
					return true
				}
				for _, c := range f.Calls {
					if t := p.Target(c); t != nil && !t.Async && !t.Generator {
						queue = append(queue, t)
					}
				}
			}
		}
		return false
	}
	statThreads, statOverrides := 0, 0
	// The collector's pace (see CollectForChecks): the checks at the
	// checks' pace, the building at the run's; the garbage of a batch and
	// its dropped models are collected before the next is built, so that
	// its building starts from the kept models alone.
	pace := int(checkGCPercent.Load())
	buildPace := debug.SetGCPercent(100)
	debug.SetGCPercent(buildPace)
	setPace := func(p int) {
		if pace != 0 {
			debug.SetGCPercent(p)
		}
	}
	collect := func() {
		if pace != 0 {
			analysis.ReleaseParserMemory()
			runtime.GC()
		}
	}
	defer setPace(buildPace)
	collect()
	for b, batch := range batches {
		setPace(buildPace)
		build(batch)
		setPace(pace)
		p := newProject(func(i int) bool { return inProject(i, b) })
		p.AddValueNames(values)
		var asked atomic.Bool
		p.RecordSubclassQueries(func(string) { asked.Store(true) })
		checkIn(p, targetsOf(batch), b)
		askedSubclass[b] = asked.Load() && partial(p)
		// The batch's modules that override a method of the library part
		// with a sync member, or hand functions to threads, are kept (with
		// their closures) for the library part's checks.
		var keep []int
		overriders := map[*analysis.Function]map[*analysis.Module]bool{}
		for _, i := range batch {
			m := modules[i]
			if m == nil {
				continue
			}
			if rules.HandsOffToThreads(m) && reachesLib(p, m) {
				keep = append(keep, i)
				statThreads++
			}
			for _, name := range m.SyncMemberNames() {
				for _, f := range libAsync[name] {
					o, ok := overriders[f]
					if !ok {
						o = map[*analysis.Module]bool{}
						for _, c := range p.SyncOverriders(f) {
							o[c.Module()] = true
						}
						overriders[f] = o
					}
					if o[m] {
						if libOverrides[i] == nil {
							libOverrides[i] = map[string]bool{}
						}
						libOverrides[i][name] = true
					}
				}
			}
			if libOverrides[i] != nil {
				keep = append(keep, i)
				statOverrides++
			}
		}
		for len(keep) > 0 {
			i := keep[len(keep)-1]
			keep = keep[:len(keep)-1]
			if kept[i] || inLib[i] {
				continue
			}
			kept[i] = true
			keep = append(keep, edges[i]...)
		}
		// The rest of the batch is dropped.
		for _, i := range batch {
			m := modules[i]
			if m == nil {
				continue
			}
			for k := range m.ValueNames() {
				values[k] = true
			}
			if !kept[i] {
				if u.target(m.File.Path) {
					if u.lines == nil {
						u.lines = map[string]*analysis.LineIndex{}
					}
					u.lines[m.File.Path] = m.File.Lines
				}
				modules[i] = nil
			}
		}
		collect()
	}
	setPace(pace)

	// The library part's checks, with every module's value keys.
	{
		p := newProject(func(i int) bool { return inLib[i] || kept[i] })
		p.AddValueNames(values)
		var asked atomic.Bool
		p.RecordSubclassQueries(func(string) { asked.Store(true) })
		checkIn(p, targetsOf(lib), libPhase)
		askedSubclass[libPhase] = asked.Load() && partial(p)
		u.project = p
	}
	for _, i := range lib {
		if m := modules[i]; m != nil {
			for k := range m.ValueNames() {
				values[k] = true
			}
		}
	}
	// The checks whose answers may not hold: a value question answered
	// otherwise than every module answers it, by the check that recorded it
	// or, when none did, every check of that project; a question about
	// overriding a method of the library part, by a check whose project
	// lacked a module overriding it; a question about subclasses, by a
	// check whose project lacked modules.
	unrecorded := make([]bool, libPhase+1)
	for b := 0; b <= libPhase; b++ {
		for key, used := range asked[b] {
			if values[key] == used {
				continue
			}
			recordedBy := false
			for i := range u.sources {
				if checked[i] && batchOf[i] == b {
					if _, ok := recorded[i].ValueQueries[key]; ok {
						recordedBy = true
						break
					}
				}
			}
			if !recordedBy {
				unrecorded[b] = true
			}
		}
	}
	var again []int
	for i := range u.sources {
		if !checked[i] || recorded[i].ValueQueries == nil {
			continue // not checked, or its check failed
		}
		b := batchOf[i]
		d := recorded[i]
		fail := askedSubclass[b] || unrecorded[b] || graphMissed.Load()
		for k, used := range d.ValueQueries {
			if values[k] != used {
				fail = true
				break
			}
		}
		for name := range d.OverrideQueries {
			for j := range u.sources {
				if libOverrides[j][name] && !inProject(j, b) {
					fail = true
				}
			}
		}
		if fail {
			again = append(again, i)
		}
	}
	if len(again) > 0 {
		// Checked again with their components (and every module when the
		// graph missed an import or a subclass was asked about), with the
		// value keys of every module outside.
		full := graphMissed.Load()
		for _, i := range again {
			full = full || askedSubclass[batchOf[i]]
		}
		want := make([]bool, n)
		for i := range u.sources {
			want[i] = valid[i] && (full || inLib[i] || kept[i])
		}
		for _, i := range again {
			for _, j := range component(i) {
				want[j] = true
			}
		}
		var toBuild []int
		for i := range u.sources {
			if want[i] && modules[i] == nil && fileErrs[i] == nil {
				toBuild = append(toBuild, i)
			}
		}
		build(toBuild)
		p := newProject(func(i int) bool { return want[i] })
		p.AddValueNames(values)
		var asked atomic.Bool
		p.RecordSubclassQueries(func(string) { asked.Store(true) })
		checkIn(p, again, libPhase+1)
		if asked.Load() && partial(p) {
			// A question about every module's classes: with every module.
			var rest []int
			for i := range u.sources {
				if valid[i] && modules[i] == nil && fileErrs[i] == nil {
					rest = append(rest, i)
				}
			}
			build(rest)
			p = newProject(func(int) bool { return true })
			checkIn(p, again, libPhase+1)
		}
		u.project = p
	}
	if os.Getenv("ASYNCLS_STREAM_STATS") != "" {
		nLib, nKept := 0, 0
		for i := range u.sources {
			if inLib[i] {
				nLib++
			}
			if kept[i] {
				nKept++
			}
		}
		var sizes []int
		for _, b := range batches {
			sizes = append(sizes, len(b))
		}
		fmt.Fprintf(os.Stderr, "stream: %d modules, library %d, batches %v, kept %d, again %d, graph missed %v, subclass %v, threads %d overrides %d\n", n, nLib, sizes, nKept, len(again), graphMissed.Load(), askedSubclass, statThreads, statOverrides)
	}
	for i := range u.sources {
		if checked[i] {
			checkedOne()
			files++
		} else if fileErrs[i] != nil && u.target(u.sources[i].Path) {
			errs = append(errs, fileErrs[i])
		}
	}
	var ordered [][]rules.Diagnostic
	for i := range u.sources {
		if checked[i] {
			ordered = append(ordered, perModule[i])
		}
	}
	errs = append(errs, internal...)
	return u.shownDiagnostics(ordered), errs, files, true
}
