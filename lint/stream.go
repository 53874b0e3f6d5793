package lint

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"maps"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
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
// scoped check resolves them (scoped.go), and a module that may import a
// name from itself linked to the modules that import may mean
// (mayImportOwnName, analysis.Project.OwnNameModules):
//   - the library part: the modules named like a builtin or a library
//     asyncls has facts about, which any module may look names up in, and
//     what they import, directly or not. It is built first and kept to
//     the end (where its own modules are checked);
//   - the rest, split into the components of its import graph (ignoring
//     the library part): every module a module of a component may look
//     names up in is in the library part or in its component, and so is
//     every module that may look names up in it. The components are
//     checked in a few batches, each in a project of the library part and
//     the batch (and what is kept, below), then dropped; the batch holding
//     the largest component last (a check that fails is done again with
//     its component, and the last batch's checks see everything the
//     others kept).
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
//     is checked again; so are those with a class that defines a protocol
//     method and derives from a class of the library part binding one
//     (analysis.Project.ProtocolOverrides: ASL111 asks whether a subclass
//     adds `__iter__` to a class that has `__aiter__` alone).
//   - whether a call of a sync stub of the library part dispatches to
//     coroutine overrides (analysis.Project.dispatchesToCoroutines): a
//     stub whose name no module may define as a coroutine function
//     (coroutineDefNames, read from every source first) dispatches to none
//     anywhere and is not asked about; a module whose classes override one
//     otherwise than with a coroutine function, each deriving from the
//     stub's class through its own classes and the library part's, is
//     summarised (analysis.StubOverride) for every later project instead of
//     being kept; a module with a coroutine override, or one not so
//     summarised, is kept with its closure, as above.
//   - the type a parameter takes from its function's calls in other
//     modules (analysis.CallerQuery): a module calling the function by a
//     name that resolves to it imports the function's module, so it is in
//     the function's component, or, for a function of the library part,
//     anywhere: a module whose check's project lacked an importer that
//     holds the function's name, the function's module being in its
//     import closure, is checked again with it.
//   - whether a module rebinds or patches a name (ASL110's
//     "may `write` hold a coroutine function here?"; the names depend on
//     the module alone, analysis.Module.PatchedNames): every project
//     answers for the modules it does not hold (outsidePatched): a module
//     dropped noted its names; one of a later batch whose text may patch
//     the name (mayPatchNames) is built alone to read them. So the
//     answer is the whole project's in every project.
//   - the project's subclasses of a library class (soleSubclass): any
//     module may define one, so every module of a batch whose project was
//     asked is checked again with every module (no corpus asks).
//
// The modules checked again are checked at the end in a project of the
// library part, what is kept and their components, with the value keys of
// every other module.

// streamBatches is how many batches of about equal size (in bytes of
// source) the modules outside the library part are checked in: each
// batch's project asks again some project-wide questions of the library
// part (value index, thread functions) and its end collects the heap, so
// more batches cost time for less memory.
var streamBatches = 8

// streamChecks turns streamed checks on for batch runs (see
// analyseUnitStreamed); tests compare it with the plain order.
var streamChecks atomic.Bool

func init() { streamChecks.Store(true) }

// outsidePatchedOn makes a streamed check's projects answer for the
// modules outside them whether one patches a name (outsidePatched); tests
// compare it with finding the patchers at the end.
var outsidePatchedOn atomic.Bool

func init() { outsidePatchedOn.Store(true) }

// batchOrderOn orders a streamed check's batches by their largest
// component; tests compare it with the order of the components.
var batchOrderOn atomic.Bool

func init() { batchOrderOn.Store(true) }

// streamAgain is how many modules the last streamed check checked again
// (for tests).
var streamAgain atomic.Int64

// streamHooks are told what a streamed check finds: how the cache
// (cache.go) summarises each module while its model is alive and writes
// each entry once its phase is done, holding neither the models nor the
// entries.
type streamHooks struct {
	// done is called, from the run's goroutine, once the modules of which
	// (sources; modules holds their models) are checked in a phase's
	// project: ok lists the targets among them checked without failing,
	// with their findings and recorded dependencies (found and recorded,
	// by source), and asked says whether a check in that project asked for
	// the project's subclasses of a library class. Every module built is
	// in the which of one phase; a module checked again in a later phase is
	// in its which too: the last report holds.
	// callers holds the questions about functions' callers that project
	// answered (analysis.Project.RecordCallerQueries).
	done func(which, ok []int, modules []*analysis.Module, found [][]rules.Diagnostic, recorded []rules.Dependencies, asked bool, callers []analysis.CallerQuery)
}

// analyseUnitStreamed is analyseUnit for a whole-project batch check that
// does not keep the models (see the comment above). It returns ok false,
// having done nothing, when the unit cannot be streamed (a source without
// a path). hooks may be nil.
func analyseUnitStreamed(u *unit, parsedOne, checkedOne func(), hooks *streamHooks) (diags []rules.Diagnostic, errs []error, files int, ok bool) {
	n := len(u.sources)
	for _, s := range u.sources {
		if s.Path == "" {
			return nil, nil, 0, false
		}
	}
	layout := u.layout()
	valid := make([]bool, n)
	fileErrs := make([]error, n)
	scanned := make([][]string, n)
	defined := make([][]string, n)       // defNames
	coroutineDefs := make([][]string, n) // coroutineDefNames
	fixtures := make([]bool, n)          // analysis.MayRequestFixtures
	patchWords := make([][]string, n)    // mayPatchNames
	if len(parallel(n, func(i int) {
		var checked bool
		if checked, fileErrs[i] = u.checkSource(i); !checked {
			return
		}
		s := u.sources[i]
		scanned[i] = analysis.ScanImports(s.Src, layout.Naming(s.Path))
		defined[i] = defNames(s.Src)
		coroutineDefs[i] = coroutineDefNames(s.Src)
		fixtures[i] = analysis.MayRequestFixtures(s.Src)
		patchWords[i] = mayPatchNames(s.Src)
		valid[i] = true
	})) > 0 {
		return nil, nil, 0, false
	}

	// The words value questions about functions are asked under (a
	// function's name: Function.ValueKeys), for the keys kept of dropped
	// modules.
	var names0 []string
	for i := range defined {
		names0 = append(names0, defined[i]...)
		defined[i] = nil
	}
	words := analysis.NewWordSet(names0)
	names0 = nil
	// The names any module may define as a coroutine function: a sync stub
	// of the library part whose name is not one of them dispatches to no
	// coroutine in any project (analysis.Project.dispatchesToCoroutines
	// needs an override defined as one), so no module is kept for its
	// overrides. On src/ the stubs of asyncio's Protocol and
	// AbstractEventLoop kept the closures of sync `connection_made`-like
	// overrides: 447 modules, +10 % CPU.
	coroutineNames := map[string]bool{}
	for i := range coroutineDefs {
		for _, name := range coroutineDefs[i] {
			coroutineNames[name] = true
		}
		coroutineDefs[i] = nil
	}

	// The import graph, as scoped.go resolves names.
	names, imported, ownName, moduleNames := importedSources(u, layout, valid)
	paths := make([]string, n)
	for i, s := range u.sources {
		if valid[i] {
			paths[i] = s.Path
		}
	}
	conftests := conftestLinks(paths, func(i int) bool { return fixtures[i] })
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
		if own := mayImportOwnName(moduleNames[i], scanned[i]); len(own) > 0 {
			for _, j := range ownName(i, own) {
				if !seen[j] {
					seen[j] = true
					edges[i] = append(edges[i], j)
				}
			}
		}
		if conftests != nil {
			for _, j := range conftests(i) {
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

	// The modules outside the library part whose text may rebind or patch
	// each name (mayPatchNames), for outsidePatched.
	patchHolders := map[string][]int{}
	for i := range patchWords {
		if valid[i] && !inLib[i] {
			for _, w := range patchWords[i] {
				patchHolders[w] = append(patchHolders[w], i)
			}
		}
		patchWords[i] = nil
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
		// As many batches as the components, in their order, fill budgets
		// of restBytes/streamBatches (the last one may fill less), balanced:
		// the components, largest first, each go to the batch with the
		// fewest bytes so far. In order, the batches of big/ were 3.0 to
		// 5.0 MB (a batch's models and garbage grow with its bytes, and
		// the largest made the run's peak); balanced, 4.0.
		budget := restBytes/streamBatches + 1
		sizes := make([]int, len(comps))
		nb, size := 0, 0
		for k, r := range comps {
			for _, i := range members[r] {
				sizes[k] += len(u.sources[i].Src)
			}
			if size += sizes[k]; size >= budget {
				nb, size = nb+1, 0
			}
		}
		if size > 0 {
			nb++
		}
		order := make([]int, len(comps))
		for k := range order {
			order[k] = k
		}
		slices.SortStableFunc(order, func(a, b int) int { return sizes[b] - sizes[a] })
		batches = make([][]int, nb)
		filled := make([]int, nb)
		for _, k := range order {
			b := 0
			for c := range filled {
				if filled[c] < filled[b] {
					b = c
				}
			}
			batches[b] = append(batches[b], members[comps[k]]...)
			filled[b] += sizes[k]
		}
		for _, b := range batches {
			slices.Sort(b)
		}
		// The batch holding the largest component is checked last: the
		// last batch's project holds every module kept by the others and
		// the value keys of all of them, so its checks hardly ever fail,
		// and a check that fails is done again with its component.
		largest := make([]int, len(batches))
		for k, r := range comps {
			b := batchOf0(batches, members[r][0])
			largest[b] = max(largest[b], sizes[k])
		}
		order = make([]int, len(batches))
		for b := range order {
			order[b] = b
		}
		if batchOrderOn.Load() {
			slices.SortStableFunc(order, func(a, b int) int { return largest[a] - largest[b] })
		}
		sorted := make([][]int, len(batches))
		for k, b := range order {
			sorted[k] = batches[b]
		}
		batches = sorted
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

	// The sources outside the library part are dropped once scanned and
	// read again when their batch is built (or a question below needs
	// one): a check that reports to no cache (which holds the sources)
	// then holds the sources of the library part, of the modules kept and
	// of one batch, not every source of the project (big/: 28 of 36 MB
	// at the end, ~21 MB at its peak). A source read again must be the
	// one scanned (its hash is kept): one changed since is an error.
	dropped := make([]bool, n)
	sums := make([]uint64, n)
	seed := maphash.MakeSeed()
	if hooks == nil && u.reread != nil {
		for i := range u.sources {
			if valid[i] && !inLib[i] && u.sources[i].Path != u.inMemory {
				sums[i] = maphash.Bytes(seed, u.sources[i].Src)
				u.sources[i].Src = nil
				dropped[i] = true
			}
		}
	}
	source := func(i int) ([]byte, error) {
		s := u.sources[i]
		if !dropped[i] {
			return s.Src, nil
		}
		src, err := u.reread(s.Path)
		if fe, ok := err.(*FileError); ok {
			err = fe.Err
		}
		if err != nil {
			return nil, &FileError{Path: u.show(s.Path), Err: fmt.Errorf("could not be read again: %w", err)}
		}
		if maphash.Bytes(seed, src) != sums[i] {
			return nil, &FileError{Path: u.show(s.Path), Err: fmt.Errorf("changed while it was being checked")}
		}
		return src, nil
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
			src, err := source(i)
			if err != nil {
				fileErrs[i] = err
				return
			}
			m := BuildModule(layout, u.sources[i].Path, src)
			m.IndexValueUses()
			// The graph must hold every import the model resolves.
			for _, q := range m.ImportNames() {
				for _, j := range imported(q) {
					if j != i && !slices.Contains(edges[i], j) {
						graphMissed.Store(true)
					}
				}
			}
			if own := m.OwnNameImports(); len(own) > 0 {
				for _, j := range ownName(i, own) {
					if !slices.Contains(edges[i], j) {
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

	// values holds the value keys of the modules outside the library part
	// built so far (analysis.Module.ValueNames, which depend on the module
	// alone): answering for the modules outside a project
	// (AddValueNamesFrom), the keys of its own modules change no answer.
	// Every project holds the library part, so an answer "used" is always
	// right, and an answer "not used" is once no module of values records
	// the key.
	values := newKeySet()
	kept := make([]bool, n)     // outside the library part, kept to the end
	keepRoot := make([]bool, n) // kept with what it imports
	// libOverrides: the names of the library part's async methods that a
	// class of the module overrides with a sync member, and the keys
	// (analysis.AnyMemberKey) of the library part's plain methods that a
	// class of the module defines in any way, and of its plain functions
	// and methods whose name the module rebinds on an object or patches.
	libOverrides := make([]map[string]bool, n)
	// patchNames: the names the module rebinds or patches
	// (analysis.Module.PatchedNames), for ASL110's questions about
	// functions outside the library part.
	patchNames := make([][]string, n)
	patchKnown := make([]bool, n) // patchNames[i] holds the module's names
	// outsidePatched answers ASL110's "does a module rebind or patch this
	// name?" (analysis.Project.AddPatchedNamesFrom) for the modules outside
	// the library part that are not built (every module built is in the
	// phase's project, which answers for its own): from the names noted
	// when a dropped module was checked, or, for a module whose text may
	// patch the name (patchHolders) and whose batch is still to come, by
	// building it alone (Module.PatchedNames depends on its module alone).
	// So every project answers the question as the whole project does, and
	// a module patching a name in a later batch asks no check again
	// (src/: slixmpp's xmlstream.py rebuilt its 430-module component for
	// `transport.write = ...` in two aiosmtpd tests). patchFailed: a
	// source could not be built alone; the patchers are then found at the
	// end, as before.
	var patchMu sync.Mutex
	patchAnswers := map[string]bool{} // this phase's answers
	var patchFailed atomic.Bool
	outsidePatched := func(name string) bool {
		patchMu.Lock()
		defer patchMu.Unlock()
		if v, ok := patchAnswers[name]; ok {
			return v
		}
		used := false
		for _, j := range patchHolders[name] {
			if modules[j] != nil || fileErrs[j] != nil {
				continue // in the project, or in no project
			}
			if !patchKnown[j] {
				names, err := patchedNamesAlone(layout, u.sources[j].Path, source, j)
				if err != nil {
					patchFailed.Store(true)
					continue
				}
				patchNames[j], patchKnown[j] = names, true
			}
			if slices.Contains(patchNames[j], name) {
				used = true
				break
			}
		}
		patchAnswers[strings.Clone(name)] = used
		return used
	}

	perModule := make([][]rules.Diagnostic, n)
	recorded := make([]rules.Dependencies, n)
	checked := make([]bool, n)
	// askedSubclass: a check in the project of the batch (or of the
	// library part, libPhase) asked for the project's subclasses of a
	// library class, and that project lacked modules.
	askedSubclass := make([]bool, libPhase+2)
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
	// callerQueries: per phase, the questions about functions' callers its
	// project answered (analysis.Project.RecordCallerQueries).
	callerQueries := make([][]analysis.CallerQuery, libPhase+2)
	// checkIn checks the targets among which in p (a phase's project) and
	// calls after with each of which (checked or not) before its memos
	// go.
	checkIn := func(p *analysis.Project, which []int, phase int, after func(p *analysis.Project, i int)) {
		if asked[phase] == nil {
			asked[phase] = map[string]bool{}
		}
		p.RecordValueQueries(func(key string, used bool) {
			askedMu.Lock()
			asked[phase][strings.Clone(key)] = used // (see ownKeys)
			askedMu.Unlock()
		})
		var subclass atomic.Bool
		p.RecordSubclassQueries(func(string) { subclass.Store(true) })
		p.RecordCallerQueries(func(q analysis.CallerQuery) {
			askedMu.Lock()
			q.Word, q.ValueKeys = strings.Clone(q.Word), ownKeys(q.ValueKeys)
			callerQueries[phase] = append(callerQueries[phase], q)
			askedMu.Unlock()
		})
		failed := map[int]bool{}
		for k, pn := range parallel(len(which), func(k int) {
			i := which[k]
			m := modules[i]
			if m == nil {
				return
			}
			if u.target(m.File.Path) {
				checked[i] = true
				perModule[i], recorded[i] = rules.CheckRecorded(m, p, u.options(m.File.Path))
				recorded[i].ValueQueries = ownKeys(recorded[i].ValueQueries)
				recorded[i].OverrideQueries = ownKeys(recorded[i].OverrideQueries)
			}
			if after != nil {
				after(p, i)
			}
			m.ForgetMemos()
		}) {
			i := which[k]
			internal = append(internal, internalError(u.show(u.sources[i].Path), pn))
			perModule[i], recorded[i] = nil, rules.Dependencies{}
			failed[i] = true
		}
		askedSubclass[phase] = subclass.Load() && partial(p)
		if hooks != nil {
			var ok []int
			for _, i := range which {
				if modules[i] != nil && u.target(u.sources[i].Path) && !failed[i] {
					ok = append(ok, i)
				}
			}
			hooks.done(which, ok, modules, perModule, recorded, subclass.Load(), callerQueries[phase])
		}
	}
	newProject := func(which func(i int) bool) *analysis.Project {
		var mods []*analysis.Module
		for i, m := range modules {
			if m != nil && which(i) {
				mods = append(mods, m)
			}
		}
		p := u.newProject(mods)
		p.AddValueNamesFrom(values.has)
		if outsidePatchedOn.Load() {
			patchMu.Lock()
			clear(patchAnswers) // (the modules built change between projects)
			patchMu.Unlock()
			p.AddPatchedNamesFrom(outsidePatched)
		}
		return p
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
	libPlain := map[string][]*analysis.Function{} // ASL110's plain functions and methods (analysis.Project.NotAwaitableCall)
	libStubs := map[string][]*analysis.Function{} // sync stubs dispatched to overrides (analysis.OverrideQueryKeys)
	libPlainClasses := map[*analysis.Class]bool{} // the classes of both
	for _, i := range lib {
		if m := modules[i]; m != nil {
			for _, f := range m.Functions {
				if f.Class != nil && f.Async {
					libAsync[f.Name] = append(libAsync[f.Name], f)
				}
				// A sync stub asks, as a plain method does, how every
				// subclass defines its name (analysis.OverrideQueryKeys).
				var to map[string][]*analysis.Function
				switch {
				case f.MakesPlainValue():
					to = libPlain
				case f.DispatchStub() && coroutineNames[f.Name]:
					to = libStubs
				default:
					continue
				}
				to[f.Name] = append(to[f.Name], f)
				if f.Class != nil {
					libPlainClasses[f.Class] = true
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
	// afterBatch notes, for a module of a batch, its value keys, and
	// whether it is kept (with what it imports) for the library part's
	// checks: it overrides a method of the library part with a sync
	// member, or hands to threads functions that reach the library part.
	// stubSummaries: for a module of a batch, its classes that override
	// a sync stub of the library part otherwise than with a coroutine
	// function, summarised (analysis.StubOverride) in place of keeping the
	// module with what it imports; stubOverrides gathers those of the
	// modules dropped so far, for every later project; summarised marks
	// those modules.
	stubSummaries := make([]map[*analysis.Function][]analysis.StubOverride, n)
	stubOverrides := map[*analysis.Function][]analysis.StubOverride{}
	summarised := make([]bool, n)
	inLibClass := func(c *analysis.Class) bool {
		m := c.Module()
		if m == nil {
			return false
		}
		j, ok := indexOf[m.File.Path]
		return ok && inLib[j]
	}
	var overriders sync.Map    // *analysis.Function -> map[*analysis.Module]bool: SyncOverriders' modules, per batch project
	var anyOverriders sync.Map // the same for AnyOverriders
	var stubClasses sync.Map   // *analysis.Function -> []*analysis.Class: AnyOverriders of a stub, per batch project
	afterBatch := func(p *analysis.Project, i int) {
		m := modules[i]
		m.EachValueName(words, values.add)
		if rules.HandsOffToThreads(m) && reachesLib(p, m) {
			keepRoot[i] = true
		}
		for _, name := range m.SyncMemberNames() {
			for _, f := range libAsync[name] {
				o, ok := overriders.Load(f)
				if !ok {
					set := map[*analysis.Module]bool{}
					for _, c := range p.SyncOverriders(f) {
						set[c.Module()] = true
					}
					o, _ = overriders.LoadOrStore(f, set)
				}
				if o.(map[*analysis.Module]bool)[m] {
					if libOverrides[i] == nil {
						libOverrides[i] = map[string]bool{}
					}
					libOverrides[i][strings.Clone(name)] = true
					keepRoot[i] = true
				}
			}
		}
		// A class of m with two or more bases deriving from a class of a
		// plain method of the library part may take that method's name
		// from an earlier base (overriddenByAny's MRO question).
		for _, c := range m.Classes {
			if len(libPlainClasses) > 0 && len(c.Bases) >= 2 && p.DerivesFromAny(c, libPlainClasses) {
				if libOverrides[i] == nil {
					libOverrides[i] = map[string]bool{}
				}
				libOverrides[i][analysis.MixinKey] = true
				keepRoot[i] = true
				break
			}
		}
		// A class of m deriving from a class of the library part that
		// binds a protocol method, defining one: ASL108's and ASL111's
		// ProtocolBoundElsewhere asks, of a value of the library part's
		// class, whether a subclass adds the protocol's other method.
		for _, name := range p.ProtocolOverrides(m, inLibClass) {
			if libOverrides[i] == nil {
				libOverrides[i] = map[string]bool{}
			}
			libOverrides[i][analysis.AnyMemberKey(name)] = true
			keepRoot[i] = true
		}
		// Copied into a slice of its own: the module's memoised slice is
		// read by the other checks of the phase (the project's
		// patchedIndex) while this one runs.
		if names := m.PatchedNames(); len(names) > 0 {
			patchNames[i] = make([]string, len(names))
			for k, nm := range names {
				patchNames[i][k] = strings.Clone(nm)
			}
		}
		patchKnown[i] = true
		// isPatched: m rebinds or patches the name (libPlain's case, below).
		var patched map[string]bool
		isPatched := func(name string) bool {
			if patched == nil {
				patched = map[string]bool{}
				for _, n := range m.PatchedNames() {
					patched[n] = true
				}
			}
			return patched[name]
		}
		for _, name := range m.MemberNames() {
			for _, f := range libStubs[name] {
				if isPatched(name) {
					continue
				}
				o, ok := stubClasses.Load(f)
				if !ok {
					o, _ = stubClasses.LoadOrStore(f, p.AnyOverriders(f))
				}
				for _, c := range o.([]*analysis.Class) {
					if c.Module() != m {
						continue
					}
					if libOverrides[i] == nil {
						libOverrides[i] = map[string]bool{}
					}
					libOverrides[i][analysis.AnyMemberKey(name)] = true
					if s, ok := p.StubOverrideOf(c, f, inLibClass); ok {
						if stubSummaries[i] == nil {
							stubSummaries[i] = map[*analysis.Function][]analysis.StubOverride{}
						}
						stubSummaries[i][f] = append(stubSummaries[i][f], s)
					} else {
						keepRoot[i] = true
					}
				}
			}
			for _, f := range libPlain[name] {
				if isPatched(name) {
					// m rebinds or patches the name: the library part's
					// plain function or method of that name may be
					// replaced. m is not kept for that (every module that
					// sets `obj.NAME` would be: 2,020 of big/'s 4,146
					// modules, +65 MiB); a check that asked about the name
					// without m is checked again with it (patchers, below).
					continue
				}
				o, ok := anyOverriders.Load(f)
				if !ok {
					set := map[*analysis.Module]bool{}
					for _, c := range p.AnyOverriders(f) {
						set[c.Module()] = true
					}
					o, _ = anyOverriders.LoadOrStore(f, set)
				}
				if o.(map[*analysis.Module]bool)[m] {
					if libOverrides[i] == nil {
						libOverrides[i] = map[string]bool{}
					}
					libOverrides[i][analysis.AnyMemberKey(name)] = true
					keepRoot[i] = true
				}
			}
		}
	}
	// The collector's pace (see CollectForChecks): the garbage of a batch
	// and its dropped models are collected before the next is built, so
	// that its building starts from the kept models alone.
	pace := int(checkGCPercent.Load())
	collect := func() {
		if pace != 0 {
			analysis.ReleaseParserMemory()
			runtime.GC()
		}
	}
	collect()
	for b, batch := range batches {
		build(batch)
		overriders.Clear()
		anyOverriders.Clear()
		stubClasses.Clear()
		p := newProject(func(i int) bool { return inProject(i, b) })
		p.AddStubOverrides(maps.Clone(stubOverrides))
		checkIn(p, batch, b, afterBatch)
		var keep []int
		for _, i := range batch {
			if keepRoot[i] {
				keep = append(keep, i)
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
		for _, i := range batch {
			if !kept[i] && stubSummaries[i] != nil {
				for f, sums := range stubSummaries[i] {
					stubOverrides[f] = append(stubOverrides[f], sums...)
				}
				summarised[i] = true
			}
			stubSummaries[i] = nil
		}
		// The rest of the batch is dropped, with the line index (which
		// holds the source) of every module its findings do not name.
		named := map[string]bool{}
		for _, i := range batch {
			for _, d := range perModule[i] {
				named[d.Path] = true
				for _, r := range d.Related {
					named[r.Path] = true
				}
			}
		}
		for _, i := range batch {
			if m := modules[i]; m != nil && !kept[i] {
				if u.target(m.File.Path) && named[m.File.Path] {
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

	// The library part's checks, with every other module's value keys, at
	// the checks' pace: the library part may be most of the project.
	if pace != 0 {
		defer debug.SetGCPercent(debug.SetGCPercent(pace))
	}
	u.project = newProject(func(i int) bool { return inLib[i] || kept[i] })
	u.project.AddStubOverrides(stubOverrides)
	checkIn(u.project, lib, libPhase, nil)

	// The checks whose answers may not hold: a value question answered
	// otherwise than every module answers it, by the check that recorded it
	// or, when none did, every check of that project; a question about
	// overriding a method of the library part, by a check whose project
	// lacked a module overriding it; a question about subclasses, by a
	// check whose project lacked modules.
	unrecorded := make([]bool, libPhase+1)
	// unknownWord: a question values cannot answer (a key found by
	// resolving uses, under a word no def names); by construction none.
	unknownWord := false
	for b := 0; b <= libPhase; b++ {
		for key, used := range asked[b] {
			if !used && analysis.IndexedIdentifier(key) == key && !words.Has(key) {
				unknownWord = true
			}
			if used || !values.has(key) {
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
	// A question about the callers of a function: the modules that may
	// call it import its module (analysis.CallerQuery), in its component
	// or, for a module of the library part, anywhere; the importers a
	// phase's project lacked, by the function's module.
	var importers [][]int
	callersMissing := func(phase int, in func(i int) bool) map[int][]int {
		if len(callerQueries[phase]) == 0 {
			return nil
		}
		if importers == nil {
			importers = make([][]int, n)
			for i := range edges {
				for _, j := range edges[i] {
					importers[j] = append(importers[j], i)
				}
			}
		}
		// The words asked of each importer outside the phase, so that a
		// dropped source is read again once, not once per question (big/:
		// websockets/exceptions.py was read 25 times).
		words := map[int]map[string]bool{}
		for _, q := range callerQueries[phase] {
			if f, ok := indexOf[q.Path]; ok {
				for _, j := range importers[f] {
					if valid[j] && !in(j) {
						if words[j] == nil {
							words[j] = map[string]bool{}
						}
						words[j][q.Word] = false
					}
				}
			}
		}
		for j, ws := range words {
			// A source that cannot be read again may hold any word: its
			// build then says why.
			src, err := source(j)
			for w := range ws {
				ws[w] = err != nil || holdsIdentifier(src, map[string]bool{w: true})
			}
		}
		var out map[int][]int
		for _, q := range callerQueries[phase] {
			f, ok := indexOf[q.Path]
			if !ok {
				continue
			}
			for _, j := range importers[f] {
				if valid[j] && !in(j) && !slices.Contains(out[f], j) && words[j][q.Word] {
					if out == nil {
						out = map[int][]int{}
					}
					out[f] = append(out[f], j)
				}
			}
		}
		return out
	}
	missingCallers := make([]map[int][]int, libPhase+1)
	for b := 0; b <= libPhase; b++ {
		missingCallers[b] = callersMissing(b, func(i int) bool { return inProject(i, b) })
	}
	// neededCallers returns the importers module i's check lacked: those
	// of the functions' modules in its import closure (a phase records
	// its project's questions, not which check asked).
	mark := make([]int, n)
	stamp := 0
	neededCallers := func(i int) []int {
		missing := missingCallers[batchOf[i]]
		if len(missing) == 0 {
			return nil
		}
		stamp++
		mark[i] = stamp
		var out []int
		for queue := []int{i}; len(queue) > 0; {
			v := queue[len(queue)-1]
			queue = queue[:len(queue)-1]
			out = append(out, missing[v]...)
			for _, w := range edges[v] {
				if mark[w] != stamp {
					mark[w] = stamp
					queue = append(queue, w)
				}
			}
		}
		return out
	}
	needed := map[int][]int{}
	patchers := map[string][]int{}
	for j, names := range patchNames {
		for _, nm := range names {
			patchers[nm] = append(patchers[nm], j)
		}
	}
	var again []int
	for i := range u.sources {
		if !checked[i] || recorded[i].ValueQueries == nil {
			continue // not checked, or its check failed
		}
		b := batchOf[i]
		d := recorded[i]
		if callers := neededCallers(i); len(callers) > 0 {
			needed[i] = callers
		}
		fail := askedSubclass[b] || unrecorded[b] || graphMissed.Load() || unknownWord || len(needed[i]) > 0
		for k, used := range d.ValueQueries {
			if !used && values.has(k) {
				fail = true
				break
			}
		}
		for name := range d.OverrideQueries {
			for j := range u.sources {
				// A summarised module stands in every later project.
				if libOverrides[j][name] && !inProject(j, b) && !(summarised[j] && batchOf[j] < b) {
					fail = true
				}
			}
			// A module of another batch that patches the name: the
			// check is done again with it (and its component), unless
			// outsidePatched answered for it.
			if nm, ok := analysis.AnyMemberName(name); ok && (!outsidePatchedOn.Load() || patchFailed.Load()) {
				for _, j := range patchers[nm] {
					if !inProject(j, b) {
						fail = true
						needed[i] = append(needed[i], j)
					}
				}
			}
		}
		if fail {
			again = append(again, i)
		}
	}
	rebuilt := 0 // modules built again for the checks again (ASYNCLS_STREAM_STATS)
	if len(again) > 0 {
		// Checked again with their components (and every module when the
		// graph missed an import or a subclass was asked about), with the
		// value keys of every module outside.
		full := graphMissed.Load() || unknownWord
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
			for _, j := range needed[i] {
				want[j] = true
				for _, k := range component(j) {
					want[k] = true
				}
			}
		}
		var toBuild []int
		for i := range u.sources {
			if want[i] && modules[i] == nil && fileErrs[i] == nil {
				toBuild = append(toBuild, i)
			}
		}
		rebuilt += len(toBuild)
		build(toBuild)
		p := newProject(func(i int) bool { return want[i] })
		p.AddStubOverrides(stubOverrides)
		checkIn(p, again, libPhase+1, nil)
		if askedSubclass[libPhase+1] || len(callersMissing(libPhase+1, func(i int) bool { return want[i] })) > 0 {
			// A question about every module's classes: with every module.
			var rest []int
			for i := range u.sources {
				if valid[i] && modules[i] == nil && fileErrs[i] == nil {
					rest = append(rest, i)
				}
			}
			rebuilt += len(rest)
			build(rest)
			p = newProject(func(int) bool { return true })
			checkIn(p, again, libPhase+1, nil)
		}
		u.project = p
	}
	streamAgain.Store(int64(len(again)))
	if os.Getenv("ASYNCLS_STREAM_STATS") != "" {
		nLib, nKept, statThreads, statOverrides := 0, 0, 0, 0
		for i := range u.sources {
			if keepRoot[i] && libOverrides[i] == nil {
				statThreads++
			}
			if libOverrides[i] != nil {
				statOverrides++
			}
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
		fmt.Fprintf(os.Stderr, "stream: %d bytes outside the library part, %d modules, library %d, batches %v, kept %d, again %d (rebuilt %d), graph missed %v, unknown word %v, subclass %v, threads %d overrides %d\n", restBytes, n, nLib, sizes, nKept, len(again), rebuilt, graphMissed.Load(), unknownWord, askedSubclass, statThreads, statOverrides)
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

// mayImportOwnName returns the names of scanned (a module's import
// statements' names, analysis.ScanImports) that may be imports of a name
// from the module itself, named name (analysis.Module.OwnNameImports:
// `from name import X` gives name.X): those one level below its own. An
// import under an alias of the module's name is not seen here; the build
// finds it (graphMissed).
func mayImportOwnName(name string, scanned []string) []string {
	if name == "" {
		return nil
	}
	var out []string
	for _, q := range scanned {
		if rest, ok := strings.CutPrefix(q, name+"."); ok && rest != "" && !strings.Contains(rest, ".") {
			out = append(out, q)
		}
	}
	return out
}

// ownKeys returns a copy of set whose keys share no memory with a module:
// what the analysis names by a module's text shares the module's source
// (analysis.File.Text), so a key kept to the end of a streamed check from
// a module it drops would keep that module's whole source. What the
// streamed check keeps of each module (value keys, questions and answers,
// patched and overriding names) is copied when kept: on big/, 9 MB of
// sources were held by them at the end.
func ownKeys(set map[string]bool) map[string]bool {
	if set == nil {
		return nil
	}
	out := make(map[string]bool, len(set))
	for k, v := range set {
		out[strings.Clone(k)] = v
	}
	return out
}

// keySet is a set of strings that goroutines may add to and ask at once.
type keySet struct {
	seed   maphash.Seed
	shards [64]struct {
		mu   sync.Mutex
		keys map[string]struct{}
	}
}

func newKeySet() *keySet {
	s := &keySet{seed: maphash.MakeSeed()}
	for i := range s.shards {
		s.shards[i].keys = map[string]struct{}{}
	}
	return s
}

func (s *keySet) shard(key string) *struct {
	mu   sync.Mutex
	keys map[string]struct{}
} {
	return &s.shards[maphash.String(s.seed, key)%uint64(len(s.shards))]
}

func (s *keySet) add(key string) {
	sh := s.shard(key)
	sh.mu.Lock()
	if _, ok := sh.keys[key]; !ok {
		sh.keys[strings.Clone(key)] = struct{}{} // (see ownKeys)
	}
	sh.mu.Unlock()
}

func (s *keySet) has(key string) bool {
	sh := s.shard(key)
	sh.mu.Lock()
	_, ok := sh.keys[key]
	sh.mu.Unlock()
	return ok
}

// defNames returns the identifiers that follow the word `def` or `class`
// in src (in code, strings or comments alike): a superset of the names of
// the functions and classes a module defines (a class's uses as a value
// are asked about for the callers of its `__init__`:
// analysis.FuncValueKeys).
func defNames(src []byte) []string {
	return append(keywordNames(src, "def"), keywordNames(src, "class")...)
}

// coroutineDefNames returns, without parsing, a superset of the names
// src's functions may define as coroutine functions (analysis.Function's
// kinds): the name after each `async def`; and every name after `def`
// when the text names `coroutine` anywhere (a generator-based coroutine's
// decorator is a name the module resolves to asyncio's or types'
// `coroutine`, and the text may reach it otherwise than as
// `@asyncio.coroutine` right above its def: `@(asyncio.coroutine)`,
// `@getattr(asyncio, "coroutine")`, `gen_coro = asyncio.coroutine` then
// `@gen_coro`, a comment between the decorator and the def) or an
// async-callable factory (pylib.AsyncCallableFactories: `@sync_to_async`,
// `@database_sync_to_async`). Names resolve within the module, so a
// module whose text names neither defines no coroutine function but its
// `async def`s.
func coroutineDefNames(src []byte) []string {
	if hasWord(src, "coroutine") || bytes.Contains(src, []byte("sync_to_async")) || bytes.Contains(src, []byte("SyncToAsync")) {
		return keywordNames(src, "def")
	}
	var out []string
	for i := 0; ; {
		k := bytes.Index(src[i:], []byte("async"))
		if k < 0 {
			return out
		}
		at := i + k
		i = at + len("async")
		if at > 0 && isNamePart(src[at-1]) {
			continue
		}
		// `async def` (blanks, form feeds and line continuations between);
		// scanned by hand: a regular expression over every source was a
		// tenth of a streamed check's CPU on src/.
		j := i
		for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\f' || src[j] == '\\' || src[j] == '\r' || src[j] == '\n') {
			j++
		}
		if j == i || !bytes.HasPrefix(src[j:], []byte("def")) || j+3 < len(src) && isNamePart(src[j+3]) {
			continue
		}
		if name := nameAfter(src, j+3); name != "" {
			out = append(out, name)
		}
		i = j + 3
	}
}

// hasWord reports whether src holds word as a whole name (not `coroutines`
// or `iscoroutine` for `coroutine`), in code, a string or a comment.
func hasWord(src []byte, word string) bool {
	for i := 0; ; {
		k := bytes.Index(src[i:], []byte(word))
		if k < 0 {
			return false
		}
		at := i + k
		i = at + len(word)
		if (at == 0 || !isNamePart(src[at-1])) && (i >= len(src) || !isNamePart(src[i])) {
			return true
		}
	}
}

// nameAfter returns the name src writes after position i (past blanks,
// form feeds, which Python counts as blanks, and line continuations), as
// keywordNames reads one.
func nameAfter(src []byte, i int) string {
	if i >= len(src) || src[i] != ' ' && src[i] != '\t' && src[i] != '\f' && src[i] != '\\' {
		return ""
	}
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f' || src[i] == '\\' || src[i] == '\n' || src[i] == '\r') {
		i++
	}
	start := i
	for i < len(src) && isNamePart(src[i]) {
		i++
	}
	return string(src[start:i])
}

func isNamePart(c byte) bool {
	return c == '_' || c >= 0x80 || c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9'
}

// keywordNames returns the names src's text writes after the keyword kw
// (as in `def NAME` or `class NAME`), found without parsing.
func keywordNames(src []byte, kw string) []string {
	var out []string
	for i := 0; ; {
		k := bytes.Index(src[i:], []byte(kw))
		if k < 0 {
			return out
		}
		at := i + k
		i = at + len(kw)
		if at > 0 && isNamePart(src[at-1]) {
			continue
		}
		if name := nameAfter(src, i); name != "" {
			out = append(out, name)
			i += len(name)
		}
	}
}

// patchedNamesAlone returns Module.PatchedNames of source j (read with
// source), built alone: what it names depends on the module alone.
func patchedNamesAlone(layout *analysis.Layout, path string, source func(int) ([]byte, error), j int) (names []string, err error) {
	src, err := source(j)
	if err != nil {
		return nil, err
	}
	defer func() {
		if p := recover(); p != nil {
			names, err = nil, fmt.Errorf("building %s alone: %v", path, p)
		}
	}()
	for _, nm := range BuildModule(layout, path, src).PatchedNames() {
		names = append(names, strings.Clone(nm))
	}
	return names, nil
}

// mayPatchNames returns, without parsing, a superset of the names src's
// module may rebind or patch (analysis.Module.PatchedNames, which reads
// them verbatim from the text: an attribute assigned, a plain string's
// last dotted part, a keyword of `patch.multiple`): each identifier-like
// word of the text (in code, strings or comments) right after a quote, or
// followed, past blanks, form feeds and line continuations, by what can
// follow an assignment's target or a keyword's name (`=` but not `==`, an
// augmented assignment's operator, `,` `)` `]` `:` `;` `#`) or by a
// quote. `f.write(data)` is not one; `t.write = w`, `"pkg.C.write"` and
// `write=w` are.
func mayPatchNames(src []byte) []string {
	var out []string
	var seen map[string]bool
	for i := 0; i < len(src); {
		c := src[i]
		if c >= '0' && c <= '9' {
			for i < len(src) && isNamePart(src[i]) {
				i++
			}
			continue
		}
		if !isNamePart(c) {
			i++
			continue
		}
		start := i
		for i < len(src) && isNamePart(src[i]) {
			i++
		}
		may := start > 0 && (src[start-1] == '"' || src[start-1] == '\'')
		if !may {
			j := i
			for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\f' || src[j] == '\r' || src[j] == '\n' || src[j] == '\\') {
				j++
			}
			if j < len(src) {
				switch src[j] {
				case '=':
					may = j+1 >= len(src) || src[j+1] != '='
				case '+', '-', '*', '/', '%', '&', '|', '^', '<', '>', '@', ',', ')', ']', ':', ';', '#', '"', '\'':
					may = true
				}
			}
		}
		if may {
			w := src[start:i]
			if !seen[string(w)] {
				if seen == nil {
					seen = map[string]bool{}
				}
				seen[string(w)] = true
				out = append(out, string(w))
			}
		}
	}
	return out
}

// batchOf0 returns the batch of batches (each sorted) holding i.
func batchOf0(batches [][]int, i int) int {
	for b, batch := range batches {
		if _, ok := slices.BinarySearch(batch, i); ok {
			return b
		}
	}
	return -1
}
