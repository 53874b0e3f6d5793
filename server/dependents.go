package server

import (
	"fmt"
	"strings"
	"sync"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/rules"
)

// What an edit of one module re-analyses. A module's findings depend on
// the modules it may look names up in (analysis.Project.ImportClosure),
// on what every module contributes to the project-wide questions
// (analysis.Module.ProjectWideFacts: names used as values, classes and
// their members, call sites, patched names), and on the answers to
// questions about modules it does not import, answered from what those
// modules look names up in: the type a parameter takes from its callers
// (the callers resolve what they pass through their own imports), whether
// a subclass anywhere overrides a method (whether it is a subclass is
// looked up through its module's imports), which class of the project is
// the running instance of a library class, which functions run in other
// threads. These are the questions `check`'s cache records to decide
// what to check again (lint/cache.go): the server asks the same ones, so
// the two cannot drift. A change of module X may change such an answer
// only when a module the answer reads is among the modules that may look
// names up in X (analysis.Project.ImportedBy), or when X's project-wide
// facts changed.

// askedQuestions holds the questions about the whole project that the
// workspace's project snapshots answered and whose asker they do not tell
// (each answer is memoised per snapshot and recorded once): those about a
// function's callers (analysis.CallerQuery), and whether any about the
// project's subclasses of a library class were asked. They are kept for
// the life of the server (a few per function with a parameter typed from
// its callers): one asked once may be asked again after any edit.
type askedQuestions struct {
	mu       sync.Mutex
	callers  map[callerQuestion]bool
	subclass bool
}

// callerQuestion is an analysis.CallerQuery without its answers.
type callerQuestion struct{ word, path string }

// record makes p record its questions here, and returns it.
func (q *askedQuestions) record(p *analysis.Project) *analysis.Project {
	p.RecordCallerQueries(q.addCaller)
	p.RecordSubclassQueries(func(string) {
		q.mu.Lock()
		q.subclass = true
		q.mu.Unlock()
	})
	return p
}

// addCaller records a question about a function's callers. The word is
// copied when first kept: it is the function's name as the module's text
// holds it (analysis.File.Text), and the key, kept for the life of the
// server, would keep that version of the module's whole source.
func (q *askedQuestions) addCaller(c analysis.CallerQuery) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.callers == nil {
		q.callers = map[callerQuestion]bool{}
	}
	key := callerQuestion{c.Word, c.Path}
	if !q.callers[key] {
		q.callers[callerQuestion{strings.Clone(c.Word), strings.Clone(c.Path)}] = true
	}
}

// snapshot returns the caller questions and whether subclass ones were asked.
func (q *askedQuestions) snapshot() ([]analysis.CallerQuery, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := make([]analysis.CallerQuery, 0, len(q.callers))
	for c := range q.callers {
		out = append(out, analysis.CallerQuery{Word: c.word, Path: c.path})
	}
	return out, q.subclass
}

// dependentsOf is affectedBy for the documents that were analysed with
// before, and adds those whose latest analysis saw another module of path:
// one analysed for another reason between two cascades of path (a
// dependent of an earlier cascade, the index being read) took the
// project with an edit whose own cascade never ran, superseded by the
// next edit's. Compared with before alone, an edit that restores before
// finds no change and such a document kept what the superseded edit made
// it say (TestEditOfPrivateMethodElsewhere failed so, under load).
func (s *Server) dependentsOf(project *analysis.Project, path string, before, after *analysis.Module) []*document {
	deps := s.affectedBy(project, path, before, after)
	bySeen := map[*analysis.Module][]*document{}
	for _, o := range s.openDocs() {
		seen := o.seenProject.Load()
		if o.path == path || seen == nil {
			continue
		}
		if m := seen.Module(path); m != before && m != after {
			bySeen[m] = append(bySeen[m], o)
		}
	}
	if len(bySeen) == 0 {
		return deps
	}
	in := map[*document]bool{}
	for _, o := range deps {
		in[o] = true
	}
	for seen, docs := range bySeen {
		// affectedBy(project, path, seen, after) is every other open
		// document of project when what seen contributes to project-wide
		// facts differs from after's, and else the documents that may look
		// names up in path or whose answers read it, which do not depend
		// on the module compared and are in deps already: only the first
		// case adds documents, and it needs no import reach or answers.
		if s.projectWideFacts(seen) == s.projectWideFacts(after) {
			continue
		}
		for _, o := range docs {
			if !in[o] && project.Module(o.path) != nil {
				in[o] = true
				deps = append(deps, o)
			}
		}
	}
	return deps
}

// affectedBy returns the open documents of project, other than path's,
// whose findings may change when the module at path changed from before
// to after (nil: absent): all of them when what it contributes to
// project-wide facts changed; else those that may look names up in it,
// and those whose answers to the questions above read a module that may:
// when a module handing functions to threads may look names up in it
// (ASL106's thread functions), the documents whose checks used them.
func (s *Server) affectedBy(project *analysis.Project, path string, before, after *analysis.Module) []*document {
	var others []*document
	for _, d := range s.openDocs() {
		if d.path != path && project.Module(d.path) != nil {
			others = append(others, d)
		}
	}
	if len(others) == 0 {
		return nil
	}
	if s.projectWideFacts(before) != s.projectWideFacts(after) {
		return others
	}
	target := project.Module(path)
	if target == nil {
		return nil
	}
	reach := project.ImportedBy(target)
	var out, rest []*document
	for _, d := range others {
		if reach[project.Module(d.path)] {
			out = append(out, d)
		} else {
			rest = append(rest, d)
		}
	}
	if len(rest) > 0 {
		out = append(out, s.answersReading(project, reach, rest)...)
	}
	return out
}

// answersReading returns the documents of docs whose answers to the
// project-wide questions may read a module of reach.
func (s *Server) answersReading(project *analysis.Project, reach map[*analysis.Module]bool, docs []*document) []*document {
	affected := map[*document]bool{}
	// mark marks the documents that may look names up in one of mods.
	mark := func(mods []*analysis.Module) {
		if len(mods) == 0 {
			return
		}
		users := project.ImportedBy(mods...)
		for _, d := range docs {
			if users[project.Module(d.path)] {
				affected[d] = true
			}
		}
	}
	callers, subclass := s.ws.questions.snapshot()
	// A question about a function's callers reads the function's module
	// and the modules calling a callee of its name (CalledWords); it
	// concerns the documents that may look names up in the function's
	// module (what the cache takes: the questions about its import
	// closure's functions).
	if len(callers) > 0 {
		byWord := map[string][]string{}
		byPath := map[string]bool{}
		for _, q := range callers {
			byWord[q.Word] = append(byWord[q.Word], q.Path)
			byPath[q.Path] = true
		}
		read := map[string]bool{} // the functions' modules whose answers read reach
		for m := range reach {
			if byPath[m.File.Path] {
				read[m.File.Path] = true
			}
			for _, w := range m.CalledWords() {
				for _, path := range byWord[w] {
					read[path] = true
				}
			}
			// An attribute's stores (analysis.Module.StoredAttrWords) are
			// asked the same way, by the attribute's name.
			for _, w := range m.StoredAttrWords() {
				for _, path := range byWord[w] {
					read[path] = true
				}
			}
		}
		var fms []*analysis.Module
		for path := range read {
			if fm := project.Module(path); fm != nil {
				fms = append(fms, fm)
			}
		}
		mark(fms)
	}
	// Which class of the project is the running instance of a library
	// class (soleSubclass) reads every class with a base; the documents
	// that may ask may look names up in a module whose text names such an
	// attribute (`ctx.bot`).
	if subclass && readsAny(reach, hasBase) {
		var running []*analysis.Module
		for _, m := range project.Modules() {
			if m.HoldsRunningInstanceAttr() {
				running = append(running, m)
			}
		}
		mark(running)
	}
	// The project's thread functions read the modules handing functions to
	// threads, and what they look names up in; the checks that used them
	// say so (rules.Dependencies.ThreadFunctions), as the override
	// questions they asked (the keys, then those whose answers read reach).
	threads := readsAny(reach, rules.HandsOffToThreads)
	asked := map[*document]map[string]bool{}
	keys := map[string]bool{}
	for _, d := range docs {
		if affected[d] {
			continue
		}
		sn := d.snap.Load()
		sn.mu.Lock()
		res := sn.result
		sn.mu.Unlock()
		if res == nil {
			// Not analysed yet, or its analysis is running with a project
			// that may be older than this change: what it asks is unknown.
			affected[d] = true
			continue
		}
		if threads && res.deps.ThreadFunctions {
			affected[d] = true
			continue
		}
		if len(res.deps.OverrideQueries) > 0 {
			asked[d] = res.deps.OverrideQueries
			for k := range res.deps.OverrideQueries {
				keys[k] = true
			}
		}
	}
	if len(keys) > 0 {
		readKeys := map[string]bool{}
		for m := range reach {
			defs := m.OverrideDefinitions()
			for k := range keys {
				if !readKeys[k] && defs.Answers(k) {
					readKeys[k] = true
				}
			}
		}
		for d, ks := range asked {
			for k := range ks {
				if readKeys[k] {
					affected[d] = true
					break
				}
			}
		}
	}
	var out []*document
	for _, d := range docs {
		if affected[d] {
			out = append(out, d)
		}
	}
	return out
}

// readsAny reports whether reads holds for a module of reach.
func readsAny(reach map[*analysis.Module]bool, reads func(*analysis.Module) bool) bool {
	for m := range reach {
		if reads(m) {
			return true
		}
	}
	return false
}

// hasBase reports whether a class of m names a base.
func hasBase(m *analysis.Module) bool {
	for _, c := range m.Classes {
		if len(c.Bases) > 0 {
			return true
		}
	}
	return false
}

// projectWideFacts is what m contributes to the questions every module's
// rules may ask of the whole project ("" for no module). The last few
// are kept (factsMemo): an edit's "after" is the next edit's "before".
func (s *Server) projectWideFacts(m *analysis.Module) string {
	if m == nil {
		return ""
	}
	if f, ok := s.facts.get(m); ok {
		return f
	}
	f := fmt.Sprintf("%s\nthreads:%v", m.ProjectWideFacts(), rules.HandsOffToThreads(m))
	s.facts.put(m, f)
	return f
}

// factsMemo keeps the project-wide facts of the modules compared last (a
// few, so it keeps no old version of a module alive for long).
type factsMemo struct {
	mu      sync.Mutex
	entries [8]struct {
		m     *analysis.Module
		facts string
	}
	next int
}

func (f *factsMemo) get(m *analysis.Module) (string, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, e := range f.entries {
		if e.m == m {
			return e.facts, true
		}
	}
	return "", false
}

func (f *factsMemo) put(m *analysis.Module, facts string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.entries[f.next].m, f.entries[f.next].facts = m, facts
	f.next = (f.next + 1) % len(f.entries)
}
