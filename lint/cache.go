package lint

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
	"github.com/asyncls/asyncls/rules"
	"github.com/asyncls/asyncls/sitepkgs"
)

// The persistent cache of `asyncls check` (like ruff's): per file, its
// findings and the summary the cross-file rules need of it, so a run over
// unchanged files parses nothing, and an edit re-checks the edited modules
// and the modules whose findings may depend on them.
//
// A module's findings depend on (and its entry records):
//   - its content, path, module name, the configuration (Options) and the
//     build of asyncls (the cache file is per build and project: OpenCache);
//   - the modules it may look names up in (their paths and contents:
//     deps): those it imports, directly or not, and the project's modules
//     named like a builtin or a library asyncls has facts about (analysis
//     may name those without an import: `aiohttp.ClientResponse`), and,
//     for a module importing a name from itself, the modules that import
//     may mean (analysis.Project.OwnNameModules: every module named
//     *.NAME), with what they import;
//   - the modules whose classes define, other than as an async def, a
//     method its rules asked about being overridden by a sync member
//     (rules.Dependencies.OverrideQueries: the subclasses that may do so
//     can be anywhere), with what they import (overrides); for a plain
//     method asked about being overridden by anything that may give an
//     awaitable (a key analysis.AnyMemberKey made, ASL110), the modules
//     whose classes define its name in any way;
//   - the answers to the project-wide question "is this name used as a
//     value?" its rules asked (rules.CheckRecorded), re-asked of the
//     summaries of every module;
//   - when its rules used ASL106's project-wide set of functions that run
//     in other threads: the modules that hand functions to threads and what
//     they import (threads);
//   - when its project was asked the type a parameter of a function of a
//     module in its import closure takes from the function's callers
//     (analysis.CallerQuery): the modules that import that module, with
//     what they import (callers), and the answers to "is the function used
//     as a value?" (with the value questions above);
//   - when it asked which class is the project's one subclass of a library
//     class of pylib.RunningInstances (`ctx.bot`: analysis.Project's
//     soleSubclass) and it or a module it may look names up in holds one of
//     pylib.RunningInstanceAttrs (or used the thread functions, and a
//     hand-off module does): every module of the project (subclasses).
//     The subclass may be defined anywhere, under any name, so any edit
//     checks such a module again (coarse, but only discord.py-style
//     projects ask).
//
// An entry whose content hash, name or any of these differ is not used; an
// unreadable or corrupt cache file is ignored (and replaced).

// CacheDirName is the cache directory created at the project root.
const CacheDirName = ".asyncls_cache"

// cacheFormat changes whenever the layout of the cache file (cachefile.go)
// or of cacheEntry changes.
const cacheFormat = 13

// cacheFile is what a cache file holds (cachefile.go).
type cacheFile struct {
	Entries map[string]*cacheEntry // by path
	// EnvKey identifies the environment whose libraries the entries were
	// checked with (sitepkgs.Env.Key), and Libraries what was read of it:
	// each library module name looked up, with the stamp (path,
	// modification time, size) of the file read for it ("" when none was
	// found). Entries are used only while every one still reads the same.
	EnvKey    [32]byte
	Libraries map[string]string
}

type cacheEntry struct {
	Content [32]byte // sha256 of the source
	Options [32]byte // sha256 of the rules.Options it was checked with
	Name    string   // module name and aliases it was analysed under
	Aliases []string
	Local   []string // analysis.Naming.LocalKey: the copies its absolute imports mean
	Summary moduleSummary

	Checked  bool // Findings, Deps, UsesThreads, Threads, Queries and Overrides are valid
	Findings []rules.Diagnostic
	Deps     [32]byte
	// UsesThreads: the findings depend on the project's thread functions,
	// and Threads is the digest of the modules those depend on.
	UsesThreads bool
	Threads     [32]byte
	Queries     map[string]bool
	// Overrides: the methods asked about being overridden by a sync
	// member, and the digest of the modules defining such members.
	Overrides    []string
	OverrideDeps [32]byte
	// Subclasses: the findings depend on which classes of the project
	// subclass a pylib.RunningInstances class, and SubclassDeps is the
	// digest of every module of the project.
	Subclasses   bool
	SubclassDeps [32]byte
	// Callers: the paths of the modules defining functions whose callers
	// the findings may have asked for a parameter's type
	// (analysis.CallerQuery), and CallerDeps the digest of those modules'
	// importers, with what they import (cacheGraph.callerDigest).
	Callers    []string
	CallerDeps [32]byte
}

// moduleSummary is what the cache keeps of a module for the cross-file
// questions about it, when the module itself is not kept.
type moduleSummary struct {
	Imports    []string                     // module names it imports from, and qualified names it imports
	ValueNames []string                     // analysis.Module.ValueNames: value keys
	Threads    bool                         // rules.HandsOffToThreads
	Overrides  analysis.OverrideDefinitions // analysis.Module.OverrideDefinitions
	Running    bool                         // its text holds a pylib.RunningInstanceAttrs name
	OwnNames   []string                     // analysis.Module.OwnNameImports
	Fixtures   bool                         // analysis.MayRequestFixtures of its text
}

func summarise(m *analysis.Module) moduleSummary {
	s := moduleSummary{Threads: rules.HandsOffToThreads(m), Overrides: m.OverrideDefinitions(), OwnNames: m.OwnNameImports(),
		Fixtures: analysis.MayRequestFixtures(m.File.Src)}
	for _, name := range pylib.RunningInstanceAttrs() {
		if bytes.Contains(m.File.Src, []byte(name)) {
			s.Running = true
			break
		}
	}
	seen := map[string]bool{}
	for _, imp := range m.Imports {
		for _, n := range []string{imp.Module, imp.Qualified} {
			if n != "" && !seen[n] {
				seen[n] = true
				s.Imports = append(s.Imports, n)
			}
		}
	}
	// Every key (as Module.ValueNames, without the set it keeps).
	m.EachValueName(nil, func(n string) { s.ValueNames = append(s.ValueNames, n) })
	sort.Strings(s.Imports)
	sort.Strings(s.ValueNames)
	s.ValueNames = slices.Compact(s.ValueNames)
	return s
}

// Cache is an open cache directory.
type Cache struct {
	dir   string
	build string // buildTag of this build
	file  string // the cache file of this build and project
	old   *cacheFile
	libs  *sitepkgs.Env // the project's environment (useLibraries)
}

// useLibraries says which environment the run reads libraries from: the
// old entries are dropped when they were checked with another one, or when
// a library module they read has changed, appeared or gone (a findings'
// dependence on the environment is recorded for the whole cache file, not
// per entry: an environment changes seldom, and then every module is
// checked again).
func (c *Cache) useLibraries(env *sitepkgs.Env) {
	c.libs = env
	if c.old != nil && (c.old.EnvKey != env.Key() || !env.Unchanged(c.old.Libraries)) {
		c.old = nil
	}
}

// libraryRecord is what the cache file records of the environment: what
// the old file recorded (still valid: useLibraries) and what this run read.
func (c *Cache) libraryRecord() cacheRecord {
	stamps := map[string]string{}
	if c.old != nil {
		maps.Copy(stamps, c.old.Libraries)
	}
	maps.Copy(stamps, c.libs.Stamps())
	return cacheRecord{Env: true, EnvKey: c.libs.Key(), Libraries: stamps}
}

// CacheDir returns where the cache of a project rooted at root lives:
// $ASYNCLS_CACHE_DIR when set, else root/.asyncls_cache.
func CacheDir(root string) string {
	if d := os.Getenv("ASYNCLS_CACHE_DIR"); d != "" {
		return d
	}
	return filepath.Join(root, CacheDirName)
}

// OpenCache opens (without creating) the cache in dir for this version of
// asyncls and the project at root; a missing or unreadable cache is empty.
// Each entry also records the configuration its file was checked with.
func OpenCache(dir, version, root string) *Cache {
	rootKey := sha256.Sum256([]byte(root))
	c := &Cache{dir: dir, build: buildTag(version),
		file: filepath.Join(dir, "check-"+buildTag(version)+"-"+hex.EncodeToString(rootKey[:12])+".gob")}
	c.old = readCacheFile(c.file)
	return c
}

// buildTag names the build of asyncls (its version and the cache format)
// in the names of the cache files it writes, so files of other builds,
// which it can never use, are known without reading them.
func buildTag(version string) string {
	key := sha256.Sum256([]byte(fmt.Sprintf("asyncls %s\x00format %d", version, cacheFormat)))
	return hex.EncodeToString(key[:6])
}

// The cache directory is pruned after each write, bounded and safe under
// concurrent runs (of this build or others: a file removed under a run
// reading it is an empty cache to that run, never a wrong one):
//   - a temporary file left by a run that died while writing, once it is
//     older than staleTemp (a run writing now is younger);
//   - the files of other builds (other versions, and the names before build
//     tags) once unused for otherBuildsUnused, and beyond the
//     otherBuildsKept most recently used in any case (two builds used in
//     turn, an editor's and the pre-commit hook's, keep their caches);
//   - the files of this build for other projects (a shared
//     $ASYNCLS_CACHE_DIR) once unused for otherProjectsUnused: their
//     projects may be gone.
//
// Nothing else in the directory is touched.
const (
	staleTemp           = time.Hour
	otherBuildsUnused   = 24 * time.Hour
	otherBuildsKept     = 8
	otherProjectsUnused = 30 * 24 * time.Hour
)

// prune removes what this build can no longer use from the cache
// directory (see above); problems are ignored: pruning is housekeeping.
func (c *Cache) prune(now time.Time) {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	type file struct {
		path string
		used time.Time
	}
	var otherBuilds []file
	remove := func(path string) { _ = os.Remove(path) }
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		path := filepath.Join(c.dir, name)
		age := now.Sub(info.ModTime())
		switch {
		case strings.HasPrefix(name, ".check-") && strings.HasSuffix(name, ".tmp"):
			if age > staleTemp {
				remove(path)
			}
		case !strings.HasPrefix(name, "check-") || !strings.HasSuffix(name, ".gob") || path == c.file:
		case strings.HasPrefix(name, "check-"+c.build+"-"):
			if age > otherProjectsUnused {
				remove(path)
			}
		case age > otherBuildsUnused:
			remove(path)
		default:
			otherBuilds = append(otherBuilds, file{path, info.ModTime()})
		}
	}
	sort.Slice(otherBuilds, func(i, j int) bool { return otherBuilds[i].used.After(otherBuilds[j].used) })
	for i := otherBuildsKept; i < len(otherBuilds); i++ {
		remove(otherBuilds[i].path)
	}
}

// Clean removes the cache directory dir; it refuses a directory that does
// not look like an asyncls cache (no .gitignore written by asyncls).
func Clean(dir string) error {
	data, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if errors.Is(err, os.ErrNotExist) {
		if _, statErr := os.Stat(dir); errors.Is(statErr, os.ErrNotExist) {
			return nil
		}
	}
	if err != nil || !strings.Contains(string(data), "Created by asyncls") {
		return fmt.Errorf("%s does not look like an asyncls cache (no .gitignore written by asyncls); not removing it", dir)
	}
	return os.RemoveAll(dir)
}

// cacheSource is a source of a cached run.
type cacheSource struct {
	path    string
	src     []byte
	content [32]byte
	options [32]byte
	target  bool
	name    string
	aliases []string
	local   []string
	entry   *cacheEntry // valid for content and name, or nil
	module  *analysis.Module
	summary moduleSummary
	err     error

	// A streamed run's (analyseUnitCachedStreamed): summary is the
	// module's (without its ValueNames once written); checked: its last
	// check did not fail, with these dependencies, in a project that asked
	// (or not) about subclasses.
	summarised      bool
	checked         bool
	threadFunctions bool
	overrides       []string
	askedSubclass   bool
	callerQueries   []analysis.CallerQuery // its phase's project's
}

// streamCachedShare: a cached run checks the project streamed
// (analyseUnitCachedStreamed) when more than 1/streamCachedShare of its
// modules have no valid entry, or would be parsed to check the targets
// whose entries are not valid: it parses them anyway.
const streamCachedShare = 2

// analyseUnitCached is analyseUnit with the cache: targets whose entries
// are still valid are neither parsed nor checked (their sources are kept
// for reporting). A run that parses most of the project anyway (the first
// run; an edit most modules depend on) checks the targets to check the way
// a run without the cache does (stream.go), writing the entries as it
// goes (analyseUnitCachedStreamed); otherwise the targets to check are
// checked in a project of what they may look names up in.
func analyseUnitCached(u *unit, cache *Cache, stats *CacheStats) (diags []rules.Diagnostic, errs []error, files int, werr error) {
	// The files of a configuration without per-file ignores share their
	// options (optionsPerConfig): digested once.
	var optionsMu sync.Mutex
	optionsDigests := map[*rules.Options][32]byte{}
	optionsDigest := func(opts *rules.Options) [32]byte {
		optionsMu.Lock()
		d, ok := optionsDigests[opts]
		optionsMu.Unlock()
		if ok {
			return d
		}
		data, _ := json.Marshal(opts)
		if opts.Simulator != nil {
			// Not in the JSON: the simulator's settings (latencies...).
			data = append(data, opts.Simulator.Fingerprint()...)
		}
		d = sha256.Sum256(data)
		optionsMu.Lock()
		optionsDigests[opts] = d
		optionsMu.Unlock()
		return d
	}
	var declarations analysis.DeclarationIndex
	fs := make([]*cacheSource, len(u.sources))
	parallel(len(u.sources), func(i int) {
		s := u.sources[i]
		if s.Path == "" && s.Src == nil {
			return
		}
		if err := analysis.CheckSource(s.Src); err != nil {
			if u.target(s.Path) {
				fs[i] = &cacheSource{path: s.Path, err: &FileError{Path: u.show(s.Path), Err: err}, target: true}
			}
			return
		}
		f := &cacheSource{path: s.Path, src: s.Src, content: sha256.Sum256(s.Src), target: u.target(s.Path)}
		if f.target {
			f.options = optionsDigest(u.options(s.Path))
			// The findings also depend on the dependency declarations
			// that hold for the file's directory (analysis.DeclaresOlder).
			decl := declarations.Digest(filepath.Dir(s.Path))
			f.options = sha256.Sum256(append(f.options[:], decl[:]...))
		}
		fs[i] = f
	})
	var present []*cacheSource
	for _, f := range fs {
		if f != nil && f.src != nil {
			present = append(present, f)
		}
	}
	// A streamed check needs every source's path (analyseUnitStreamed).
	streamable := true
	for _, s := range u.sources {
		streamable = streamable && s.Path != ""
	}
	// In path order, whatever order the run named the files in: the
	// digests below must not depend on it (`check a.py` reads the project
	// with a.py first).
	sort.Slice(present, func(i, j int) bool { return present[i].path < present[j].path })
	// The layout the checks name modules by (whichever way they go).
	layout := u.layout()
	var old map[string]*cacheEntry
	if cache.old != nil {
		old = cache.old.Entries
	}
	var fresh []*cacheSource
	for _, f := range present {
		naming := layout.Naming(f.path)
		f.name, f.aliases, f.local = naming.Name, naming.Aliases, naming.LocalKey()
		if e := old[f.path]; e != nil && e.Content == f.content && e.Name == f.name && equalStrings(e.Aliases, f.aliases) && equalStrings(e.Local, f.local) && (!f.target || e.Options == f.options) {
			f.entry = e
			f.summary = e.Summary
		} else {
			fresh = append(fresh, f)
		}
	}
	for _, f := range fs {
		if f != nil && f.src == nil && f.err != nil {
			errs = append(errs, f.err)
		}
	}
	if streamable && len(fresh)*streamCachedShare > len(present) {
		if diags, serrs, files, werr, ok := analyseUnitCachedStreamed(u, cache, stats, present, nil); ok {
			return diags, append(errs, serrs...), files, werr
		}
	}
	var internal []error
	build := func(f *cacheSource) {
		f.module = BuildModule(layout, f.path, f.src)
		f.summary = summarise(f.module)
	}
	// Modules whose entries do not match are parsed now: their summaries
	// are needed to judge the others.
	for i, p := range parallel(len(fresh), func(i int) { build(fresh[i]) }) {
		internal = append(internal, internalError(u.show(fresh[i].path), p))
		fresh[i].err = internal[len(internal)-1]
	}

	g := newCacheGraph(present)
	valueCounts := map[string]int{}
	for _, f := range present {
		for _, n := range f.summary.ValueNames {
			valueCounts[n]++
		}
	}

	// The modules to check: those without a valid entry, and those whose
	// entry's dependencies changed.
	var recheck []int
	for i, f := range present {
		if !f.target {
			continue
		}
		e := f.entry
		if e == nil || !e.Checked || e.Deps != g.deps[i] || (e.UsesThreads && e.Threads != g.threads) || !answersHold(e.Queries, valueCounts) ||
			(len(e.Overrides) > 0 && e.OverrideDeps != g.overrideDigest(e.Overrides)) ||
			(e.Subclasses && e.SubclassDeps != g.allDigest()) ||
			(len(e.Callers) > 0 && e.CallerDeps != g.callerDigest(e.Callers)) {
			recheck = append(recheck, i)
		}
	}
	for _, f := range present {
		if f.target {
			files++
		}
	}
	if streamable && len(recheck) > 0 && len(g.closure(recheck))*streamCachedShare > len(present) {
		// Checking them needs most of the project's modules (what they may
		// look names up in): streamed too, the valid entries kept, the
		// modules built so far dropped (they are built again).
		for _, f := range fresh {
			f.module = nil
		}
		rechecked := make([]bool, len(present))
		for _, i := range recheck {
			rechecked[i] = true
		}
		if diags, serrs, files, werr, ok := analyseUnitCachedStreamed(u, cache, stats, present, rechecked); ok {
			return diags, append(errs, serrs...), files, werr
		}
		// Not streamed (it did nothing): checked below in memory, the
		// dropped modules built again as they are needed.
	}
	stats.Files += files
	stats.Checked += len(recheck)
	entries := make(map[string]*cacheEntry, len(present)) // this run's files, checked now or still valid
	if len(recheck) > 0 {
		inProject := map[int]bool{}
		parsed := len(fresh)
		var callerQueries []analysis.CallerQuery // checkIn's project's
		// checkIn checks the modules of which (indexes into recheck) in a
		// project of the modules they may look names up in (with starts
		// and what those import).
		checkIn := func(starts []int, which []int) ([][]rules.Diagnostic, []rules.Dependencies, bool) {
			need := g.closure(starts)
			inProject = map[int]bool{}
			var toBuild []*cacheSource
			for _, i := range need {
				inProject[i] = true
				if present[i].module == nil && present[i].err == nil {
					toBuild = append(toBuild, present[i])
				}
			}
			for i, p := range parallel(len(toBuild), func(i int) { build(toBuild[i]) }) {
				internal = append(internal, internalError(u.show(toBuild[i].path), p))
				toBuild[i].err = internal[len(internal)-1]
			}
			parsed += len(toBuild)
			var mods []*analysis.Module
			var outside []map[string]bool
			for i, f := range present {
				if inProject[i] && f.module != nil {
					mods = append(mods, f.module)
				} else {
					set := make(map[string]bool, len(f.summary.ValueNames))
					for _, n := range f.summary.ValueNames {
						set[n] = true
					}
					outside = append(outside, set)
				}
			}
			u.project = u.newProject(mods)
			u.project.AddValueNames(outside...)
			// Whether a check asked about the project's subclasses of a
			// library class (which module asked is told by mayAskSubclass).
			var askedSubclass atomic.Bool
			u.project.RecordSubclassQueries(func(string) { askedSubclass.Store(true) })
			var callersMu sync.Mutex
			callerQueries = nil
			u.project.RecordCallerQueries(func(q analysis.CallerQuery) {
				callersMu.Lock()
				callerQueries = append(callerQueries, q)
				callersMu.Unlock()
			})
			defer collectForChecks()()
			found := make([][]rules.Diagnostic, len(which))
			recorded := make([]rules.Dependencies, len(which))
			for k, p := range parallel(len(which), func(k int) {
				f := present[recheck[which[k]]]
				if f.module == nil {
					return
				}
				found[k], recorded[k] = rules.CheckRecorded(f.module, u.project, u.options(f.path))
			}) {
				f := present[recheck[which[k]]]
				internal = append(internal, internalError(u.show(f.path), p))
				f.err = internal[len(internal)-1]
			}
			return found, recorded, askedSubclass.Load()
		}
		// Checked in the project of what they may look names up in, the
		// modules say what else they asked about (the project's thread
		// functions, methods overridden elsewhere); those whose project lacked
		// some of the modules the answers depend on are checked again with
		// them, until none does (most runs: once).
		found := make([][]rules.Diagnostic, len(recheck))
		recorded := make([]rules.Dependencies, len(recheck))
		subclasses := make([]bool, len(recheck))
		asks := make([][]analysis.CallerQuery, len(recheck)) // the caller questions of each one's project
		starts := append([]int(nil), recheck...)
		which := make([]int, len(recheck))
		for k := range which {
			which[k] = k
		}
		for len(which) > 0 {
			foundNow, recordedNow, asked := checkIn(starts, which)
			var again []int
			added := map[int]bool{}
			for j, k := range which {
				found[k], recorded[k] = foundNow[j], recordedNow[j]
				var needs []int
				if recorded[k].ThreadFunctions {
					needs = append(needs, g.threadModules...)
				}
				subclasses[k] = g.subclasses(recheck[k], asked, recorded[k].ThreadFunctions)
				if subclasses[k] {
					needs = append(needs, g.everyModule...)
				}
				for name := range recorded[k].OverrideQueries {
					needs = append(needs, g.definers(name)...)
				}
				asks[k] = callerQueries
				for _, path := range g.callerPaths(recheck[k], callerQueries) {
					needs = append(needs, g.callerModules(path)...)
				}
				missing := false
				for _, i := range needs {
					// The project is closed under imports: what i imports is
					// in it when i is.
					if !inProject[i] {
						missing = true
						if !added[i] {
							added[i] = true
							starts = append(starts, i)
						}
					}
				}
				if missing {
					again = append(again, k)
				}
			}
			which = again
		}
		stats.Parsed += parsed
		for k, i := range recheck {
			f := present[i]
			if f.err != nil || f.module == nil {
				continue
			}
			e := f.checkedEntry(found[k], recorded[k])
			var keys map[string]bool
			e.Callers, keys = g.callers(i, asks[k])
			addQueries(e, keys)
			g.final(i, e, subclasses[k]).apply(e)
			entries[f.path] = e
		}
	} else {
		stats.Parsed += len(fresh)
		u.project = u.newProject(nil)
	}
	u.cached = map[string][]byte{}
	for _, f := range present {
		if !f.target {
			// Context modules keep their entries (with the findings of an
			// earlier run that checked them, judged when a run checks them
			// again: `check a.py` between two `check .`), or get a summary.
			if e := entries[f.path]; e == nil && f.entry != nil {
				entries[f.path] = f.entry
			} else if e == nil {
				entries[f.path] = f.contextEntry()
			}
			continue
		}
		if e := entries[f.path]; e == nil && f.entry != nil && f.err == nil {
			entries[f.path] = f.entry
		}
		if e := entries[f.path]; e != nil && e.Checked {
			for _, d := range e.Findings {
				diags = append(diags, u.shownDiagnostic(d))
			}
		}
		if u.project.Module(f.path) == nil {
			u.cached[f.path] = f.src
		}
	}
	// Entries of files this run did not include stay while the files exist
	// (`check a.py` between two `check .`).
	keepAbsent(old, present, func(path string, e *cacheEntry) { entries[path] = e })
	errs = append(errs, internal...)
	if len(fresh) == 0 && len(recheck) == 0 && cache.old != nil && len(entries) == len(old) {
		return diags, errs, files, nil // every entry was reused: nothing to write
	}
	return diags, errs, files, cache.write(entries)
}

// keepAbsent calls keep with each entry of old whose file this run did not
// include and still exists (`check a.py` between two `check .`).
func keepAbsent(old map[string]*cacheEntry, present []*cacheSource, keep func(path string, e *cacheEntry)) {
	inRun := make(map[string]bool, len(present))
	for _, f := range present {
		inRun[f.path] = true
	}
	for path, e := range old {
		if !inRun[path] {
			if _, err := os.Stat(path); err == nil {
				keep(path, e)
			}
		}
	}
}

// contextEntry is the entry of a module read for context (not checked):
// its summary.
func (f *cacheSource) contextEntry() *cacheEntry {
	return &cacheEntry{Content: f.content, Name: f.name, Aliases: f.aliases, Local: f.local, Summary: f.summary}
}

// checkedEntry is the entry of a target checked with these findings and
// recorded dependencies, without the digests of what they depend on
// (cacheGraph.final).
func (f *cacheSource) checkedEntry(found []rules.Diagnostic, d rules.Dependencies) *cacheEntry {
	e := &cacheEntry{Content: f.content, Options: f.options, Name: f.name, Aliases: f.aliases, Local: f.local, Summary: f.summary,
		Findings: found, UsesThreads: d.ThreadFunctions, Queries: d.ValueQueries}
	for name := range d.OverrideQueries {
		e.Overrides = append(e.Overrides, name)
	}
	sort.Strings(e.Overrides)
	return e
}

// analyseUnitCachedStreamed is analyseUnitCached for a run that parses most
// of the project anyway (the first run, another configuration or build, an
// edit most modules depend on): it checks the targets rechecked says (nil:
// every target) as a run without the cache does (analyseUnitStreamed,
// which builds and drops the project part by part), writing each module's
// entry once its part is checked and, once every module is summarised, the
// digests that make them valid; the other targets are answered from their
// (valid) entries. It holds the modules' summaries without their value
// keys, not the entries. ok is false, with nothing done, when the unit
// cannot be streamed.
func analyseUnitCachedStreamed(u *unit, cache *Cache, stats *CacheStats, present []*cacheSource, rechecked []bool) (diags []rules.Diagnostic, errs []error, files int, werr error, ok bool) {
	check := func(k int) bool { return present[k].target && (rechecked == nil || rechecked[k]) }
	w, werr := cache.create()
	bySource := make([]*cacheSource, len(u.sources))
	checking := map[string]bool{}
	{
		byPath := make(map[string]*cacheSource, len(present))
		for k, f := range present {
			byPath[f.path] = f
			if check(k) {
				checking[f.path] = true
			}
		}
		for i, s := range u.sources {
			bySource[i] = byPath[s.Path]
		}
	}
	parsed := 0
	hooks := &streamHooks{done: func(which, okChecks []int, modules []*analysis.Module, found [][]rules.Diagnostic, recorded []rules.Dependencies, asked bool, callers []analysis.CallerQuery) {
		parallel(len(which), func(k int) {
			if f, m := bySource[which[k]], modules[which[k]]; f != nil && m != nil {
				f.summary = summarise(m)
			}
		})
		checkedNow := make(map[int]bool, len(okChecks))
		for _, i := range okChecks {
			checkedNow[i] = true
		}
		for _, i := range which {
			f := bySource[i]
			if f == nil || modules[i] == nil {
				continue
			}
			if !f.summarised {
				f.summarised = true
				parsed++
			}
			switch {
			case !checking[f.path]:
				// A valid entry (a target's, or a context module's with
				// what an earlier run found) is kept.
				e := f.entry
				if e == nil {
					e = f.contextEntry()
				}
				if w != nil {
					w.entry(f.path, e)
				}
			case checkedNow[i]:
				f.checked = true
				f.threadFunctions = recorded[i].ThreadFunctions
				f.askedSubclass = asked
				f.callerQueries = callers
				e := f.checkedEntry(found[i], recorded[i])
				f.overrides = e.Overrides
				if w != nil {
					w.entry(f.path, e)
				}
			default:
				f.checked = false
			}
			// What the digests need is kept, not the value keys.
			f.summary.ValueNames = nil
		}
	}}
	// The streamed check's targets are those checked now.
	targets := u.targets
	if rechecked != nil {
		u.targets = checking
	}
	diags, errs, files, ok = analyseUnitStreamed(u, func() {}, func() {}, hooks)
	u.targets = targets
	if !ok {
		if w != nil {
			w.abort()
		}
		return nil, nil, 0, nil, false
	}
	// The targets answered from their entries.
	u.cached = map[string][]byte{}
	for k, f := range present {
		if f.target && !check(k) {
			for _, d := range f.entry.Findings {
				diags = append(diags, u.shownDiagnostic(d))
			}
			u.cached[f.path] = f.src
			files++
		}
	}
	stats.Files += files
	stats.Parsed += parsed
	// The models the report needs are still held: what follows runs at
	// the checks' pace (CollectForChecks), so that its garbage does not
	// pile on them.
	if pace := int(checkGCPercent.Load()); pace != 0 {
		defer debug.SetGCPercent(debug.SetGCPercent(pace))
	}
	g := newCacheGraph(present)
	for k, f := range present {
		if check(k) && f.checked {
			stats.Checked++
			if w != nil {
				e := &cacheEntry{UsesThreads: f.threadFunctions, Overrides: f.overrides}
				var keys map[string]bool
				e.Callers, keys = g.callers(k, f.callerQueries)
				fin := g.final(k, e, g.subclasses(k, f.askedSubclass, f.threadFunctions))
				fin.CallerKeys = keys
				w.final(f.path, fin)
			}
		}
	}
	if w == nil {
		return diags, errs, files, werr, true
	}
	var old map[string]*cacheEntry
	if cache.old != nil {
		old = cache.old.Entries
	}
	keepAbsent(old, present, w.entry)
	return diags, errs, files, w.commit(), true
}

// cacheGraph is what each module's findings may depend on beyond the
// module itself, read from every module's summary (see the comment at the
// top): the import graph and the digests of the modules the cache entries
// depend on.
type cacheGraph struct {
	present []*cacheSource
	direct  [][]int // importGraph
	ambient int
	// threadModules hand functions to threads; overrides: the modules
	// whose definitions each override question reads (the summaries'
	// analysis.OverrideDefinitions).
	threadModules []int
	overrides     *analysis.OverrideIndex
	// mayAskSubclass: the modules that hold a pylib.RunningInstanceAttrs
	// name or may look names up in one that does; threadsMayAskSubclass:
	// a hand-off module may (ASL106's thread functions are found by
	// resolving its calls, which may ask too).
	mayAskSubclass        []bool
	threadsMayAskSubclass bool
	everyModule           []int
	threads               [32]byte   // the digest of the hand-off modules and what they import
	deps                  [][32]byte // importDigests
	nameDigests           map[string][32]byte
	subclassDigest        *[32]byte
	// importers and byPath, built on first use (callerModules): the
	// modules importing each, and each module's index by path.
	importers    [][]int
	byPath       map[string]int
	importerDeps [][32]byte       // callerDigest's: importDigests over importers
	callerMods   map[string][]int // callerModules', by path
	// mark, stamp and queue: callerPaths' walk of a closure.
	mark  []int
	stamp int
	queue []int
}

func newCacheGraph(present []*cacheSource) *cacheGraph {
	g := &cacheGraph{present: present, nameDigests: map[string][32]byte{}}
	moduleNames := make([][]string, len(present))
	imports := make([][]string, len(present))
	ownNames := make([][]string, len(present))
	for i, f := range present {
		moduleNames[i] = append([]string{f.name}, f.aliases...)
		imports[i] = f.summary.Imports
		ownNames[i] = f.summary.OwnNames
	}
	g.direct, g.ambient = importGraph(moduleNames, imports, ownNames)
	paths := make([]string, len(present))
	for i, f := range present {
		paths[i] = f.path
	}
	if conftests := conftestLinks(paths, func(i int) bool { return present[i].summary.Fixtures }); conftests != nil {
		for i := range present {
			for _, j := range conftests(i) {
				if !slices.Contains(g.direct[i], j) {
					g.direct[i] = append(g.direct[i], j)
				}
			}
		}
	}
	defs := make([]analysis.OverrideDefinitions, len(present))
	for i, f := range present {
		if f.summary.Threads {
			g.threadModules = append(g.threadModules, i)
		}
		defs[i] = f.summary.Overrides
	}
	g.overrides = analysis.NewOverrideIndex(defs)
	g.threads = g.digest(g.closure(g.threadModules))
	g.mayAskSubclass = make([]bool, len(present)+1)
	{
		importers := make([][]int, len(present)+1)
		for i, js := range g.direct {
			for _, j := range js {
				importers[j] = append(importers[j], i)
			}
		}
		var running []int
		for i, f := range present {
			if f.summary.Running {
				running = append(running, i)
			}
		}
		for _, i := range g.reach(importers, running) {
			g.mayAskSubclass[i] = true
		}
	}
	for _, i := range g.threadModules {
		g.threadsMayAskSubclass = g.threadsMayAskSubclass || g.mayAskSubclass[i]
	}
	g.everyModule = make([]int, len(present))
	for i := range g.everyModule {
		g.everyModule[i] = i
	}
	g.deps = importDigests(len(present)+1, g.direct, func(i int) [32]byte {
		if i == g.ambient {
			return [32]byte{}
		}
		return g.digest([]int{i})
	})
	return g
}

// reach is starts and every module graph leads to from them (not the
// ambient module), sorted.
func (g *cacheGraph) reach(graph [][]int, starts []int) []int {
	seen := map[int]bool{}
	queue := append([]int(nil), starts...)
	for _, s := range starts {
		seen[s] = true
	}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		for _, j := range graph[i] {
			if !seen[j] {
				seen[j] = true
				queue = append(queue, j)
			}
		}
	}
	out := make([]int, 0, len(seen))
	for i := range seen {
		if i != g.ambient {
			out = append(out, i)
		}
	}
	sort.Ints(out)
	return out
}

// closure returns the modules that starts may look names up in.
func (g *cacheGraph) closure(starts []int) []int { return g.reach(g.direct, starts) }

func (g *cacheGraph) digest(set []int) [32]byte {
	h := sha256.New()
	for _, i := range set {
		h.Write([]byte(g.present[i].path + "\x00" + g.present[i].name + "\x00"))
		h.Write(g.present[i].content[:])
	}
	var d [32]byte
	copy(d[:], h.Sum(nil))
	return d
}

// allDigest is the digest of every module.
func (g *cacheGraph) allDigest() [32]byte {
	if g.subclassDigest == nil {
		d := g.digest(g.everyModule)
		g.subclassDigest = &d
	}
	return *g.subclassDigest
}

// overrideDigest is the digest of what the answers about overriding the
// methods named depend on: the modules defining such members and what they
// import.
func (g *cacheGraph) overrideDigest(methods []string) [32]byte {
	h := sha256.New()
	for _, name := range methods {
		d, ok := g.nameDigests[name]
		if !ok {
			definers := append([]int(nil), g.definers(name)...)
			sort.Slice(definers, func(a, b int) bool { return g.present[definers[a]].path < g.present[definers[b]].path })
			hn := sha256.New()
			for _, i := range definers {
				hn.Write([]byte(g.present[i].path + "\x00" + g.present[i].name + "\x00"))
				hn.Write(g.present[i].content[:])
				hn.Write(g.deps[i][:])
			}
			copy(d[:], hn.Sum(nil))
			g.nameDigests[name] = d
		}
		h.Write([]byte(name + "\x00"))
		h.Write(d[:])
	}
	var d [32]byte
	copy(d[:], h.Sum(nil))
	return d
}

// definers returns the modules the answer to the override question key
// depends on (analysis.OverrideIndex: for a method name, the modules
// defining it other than as an async def, overriddenBySync; for an
// analysis.AnyMemberKey, those defining the name in any way,
// overriddenByAny), as the server's dependents find them
// (analysis.OverrideDefinitions.Answers).
func (g *cacheGraph) definers(key string) []int { return g.overrides.Definers(key) }

// subclasses reports whether the findings of module i depend on the
// project's subclasses of a library class, its check's project having been
// asked about them (asked) or not, and its rules having used the thread
// functions or not.
func (g *cacheGraph) subclasses(i int, asked, threadFunctions bool) bool {
	return asked && (g.mayAskSubclass[i] || threadFunctions && g.threadsMayAskSubclass)
}

// final returns the digests that make the entry e of module i (with its
// UsesThreads and Overrides) valid: subclasses says whether its findings
// depend on the project's subclasses.
func (g *cacheGraph) final(i int, e *cacheEntry, subclasses bool) *cacheFinal {
	f := &cacheFinal{Deps: g.deps[i], Threads: g.threads}
	if subclasses {
		f.Subclasses = true
		f.SubclassDeps = g.allDigest()
	}
	if len(e.Overrides) > 0 {
		f.OverrideDeps = g.overrideDigest(e.Overrides)
	}
	if len(e.Callers) > 0 {
		f.Callers, f.CallerDeps = e.Callers, g.callerDigest(e.Callers)
	}
	return f
}

// callerPaths returns the paths of the modules in module i's import
// closure (itself included) whose functions' callers the questions asked
// about, sorted: the findings of i may depend on those answers (a check
// records the questions of its whole project, not its own).
func (g *cacheGraph) callerPaths(i int, queries []analysis.CallerQuery) []string {
	if len(queries) == 0 {
		return nil
	}
	// The closure of i, marked with a stamp of this call (no map and no
	// sort: every checked module asks).
	if g.mark == nil {
		g.mark = make([]int, len(g.direct))
	}
	g.stamp++
	g.mark[i] = g.stamp
	queue := append(g.queue[:0], i)
	for len(queue) > 0 {
		v := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		for _, w := range g.direct[v] {
			if g.mark[w] != g.stamp {
				g.mark[w] = g.stamp
				queue = append(queue, w)
			}
		}
	}
	g.queue = queue
	g.indexImporters()
	var out []string
	for _, q := range queries {
		if j, ok := g.byPath[q.Path]; ok && g.mark[j] == g.stamp {
			out = append(out, q.Path)
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// callers returns the caller questions of its project that module i's
// findings may depend on: the paths of the functions' modules (an entry's
// Callers) and the value questions they asked, with the answers (to add
// to its Queries).
func (g *cacheGraph) callers(i int, queries []analysis.CallerQuery) (paths []string, keys map[string]bool) {
	paths = g.callerPaths(i, queries)
	if len(paths) == 0 {
		return nil, nil
	}
	in := map[string]bool{}
	for _, p := range paths {
		in[p] = true
	}
	for _, q := range queries {
		if !in[q.Path] {
			continue
		}
		for k, used := range q.ValueKeys {
			if keys == nil {
				keys = map[string]bool{}
			}
			keys[k] = used
		}
	}
	return paths, keys
}

// addQueries adds keys to e's value questions.
func addQueries(e *cacheEntry, keys map[string]bool) {
	for k, used := range keys {
		if e.Queries == nil {
			e.Queries = map[string]bool{}
		}
		e.Queries[k] = used
	}
}

// callerModules returns the module at path and the modules importing it,
// directly or not: those that may call its functions by a name that
// resolves to them (a module importing a re-export, `from app.api import
// Handler` where app/api.py imports pkg.handler, calls pkg.handler's
// Handler without importing pkg.handler itself). Memoised by path.
func (g *cacheGraph) callerModules(path string) []int {
	g.indexImporters()
	f, ok := g.byPath[path]
	if !ok {
		return nil
	}
	if mods, ok := g.callerMods[path]; ok {
		return mods
	}
	seen := map[int]bool{f: true}
	out := []int{f}
	for k := 0; k < len(out); k++ {
		for _, j := range g.importers[out[k]] {
			if !seen[j] {
				seen[j] = true
				out = append(out, j)
			}
		}
	}
	if g.callerMods == nil {
		g.callerMods = map[string][]int{}
	}
	g.callerMods[path] = out
	return out
}

// indexImporters builds importers and byPath on first use.
func (g *cacheGraph) indexImporters() {
	if g.importers == nil {
		g.importers = make([][]int, len(g.present)+1)
		g.byPath = make(map[string]int, len(g.present))
		for i, f := range g.present {
			g.byPath[f.path] = i
		}
		for i, js := range g.direct {
			if i == g.ambient {
				continue
			}
			for _, j := range js {
				g.importers[j] = append(g.importers[j], i)
			}
		}
	}
}

// callerDigest is the digest of what the answers about the callers of
// the functions of the modules at paths depend on: those modules and the
// modules importing them, with what they import.
func (g *cacheGraph) callerDigest(paths []string) [32]byte {
	if g.importerDeps == nil {
		// One Merkle pass over the importers graph (importDigests, edges
		// reversed) instead of hashing each asked path's importer closure
		// again: that was quadratic in a project where many modules are
		// asked about and import one another.
		g.indexImporters()
		g.importerDeps = importDigests(len(g.importers), g.importers, g.callerSelf)
	}
	h := sha256.New()
	for _, path := range paths {
		var d [32]byte
		if i, ok := g.byPath[path]; ok {
			self := g.callerSelf(i)
			hp := sha256.New()
			hp.Write(self[:])
			hp.Write(g.importerDeps[i][:])
			copy(d[:], hp.Sum(nil))
		}
		h.Write([]byte(path + "\x00"))
		h.Write(d[:])
	}
	var d [32]byte
	copy(d[:], h.Sum(nil))
	return d
}

// callerSelf digests module i for callerDigest: its path, name, content
// and what it imports.
func (g *cacheGraph) callerSelf(i int) [32]byte {
	if i >= len(g.present) {
		return [32]byte{} // the ambient module
	}
	h := sha256.New()
	h.Write([]byte(g.present[i].path + "\x00" + g.present[i].name + "\x00"))
	h.Write(g.present[i].content[:])
	h.Write(g.deps[i][:])
	var d [32]byte
	copy(d[:], h.Sum(nil))
	return d
}

// importDigests returns, for each of n modules with the given import edges,
// a digest of every module it imports directly or not (of their own
// digests, self): a Merkle digest over the strongly connected components
// of the import graph (Tarjan), so it costs O(modules + imports) where
// hashing each module's closure would be quadratic.
func importDigests(n int, edges [][]int, self func(int) [32]byte) [][32]byte {
	index := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	comp := make([]int, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	var comps [][]int // in reverse topological order: a component after those it imports
	next := 0
	var visit func(v int)
	visit = func(v int) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range edges[v] {
			if index[w] < 0 {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			var members []int
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp[w] = len(comps)
				members = append(members, w)
				if w == v {
					break
				}
			}
			sort.Ints(members)
			comps = append(comps, members)
		}
	}
	for v := 0; v < n; v++ {
		if index[v] < 0 {
			visit(v)
		}
	}
	// closed[c]: digest of component c and everything it imports. Digests
	// are hashed in sorted order, so they depend on the graph's content,
	// not on how its nodes are numbered.
	closed := make([][32]byte, len(comps))
	for c, members := range comps {
		var parts [][32]byte
		seen := map[int]bool{c: true}
		for _, v := range members {
			parts = append(parts, self(v))
		}
		sortDigests(parts)
		var succ [][32]byte
		for _, v := range members {
			for _, w := range edges[v] {
				if !seen[comp[w]] {
					seen[comp[w]] = true
					succ = append(succ, closed[comp[w]])
				}
			}
		}
		sortDigests(succ)
		h := sha256.New()
		for _, d := range parts {
			h.Write(d[:])
		}
		h.Write([]byte{0})
		for _, d := range succ {
			h.Write(d[:])
		}
		copy(closed[c][:], h.Sum(nil))
	}
	// A module's digest covers what it imports, not itself (its own content
	// is checked separately): the digests of its direct imports' components
	// and, when it is in a cycle, of its own component.
	out := make([][32]byte, n)
	for v := 0; v < n; v++ {
		var succ [][32]byte
		seen := map[int]bool{}
		for _, w := range edges[v] {
			if !seen[comp[w]] {
				seen[comp[w]] = true
				succ = append(succ, closed[comp[w]])
			}
		}
		sortDigests(succ)
		h := sha256.New()
		for _, d := range succ {
			h.Write(d[:])
		}
		copy(out[v][:], h.Sum(nil))
	}
	return out
}

func sortDigests(ds [][32]byte) {
	sort.Slice(ds, func(i, j int) bool { return bytes.Compare(ds[i][:], ds[j][:]) < 0 })
}

// answersHold reports whether every recorded "does a module record this
// value key?" answer is still what the project's modules (by their summaries) say.
func answersHold(queries map[string]bool, valueCounts map[string]int) bool {
	for name, used := range queries {
		if (valueCounts[name] > 0) != used {
			return false
		}
	}
	return true
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// CacheStats says what a cached run did.
type CacheStats struct {
	Files   int // files analysed
	Parsed  int // of which parsed
	Checked int // of which checked (the others' findings came from the cache)
}

// importGraph is what each module may look names up in, as the cache
// judges it (and analysis.Project looks names up): direct[i] lists the
// modules module i's imports (summaries' Imports) may denote, by name or
// alias, a package's name reaching every module below it (`import pkg`
// gives access to pkg.sub); names[i] are module i's name and aliases.
// One more node, ambient (after the modules), stands for the project's
// modules named like a builtin or a library asyncls has facts about,
// which analysis may look up without an import (as in scoped.go): it
// links to them, and every module links to it. A module that imports from
// itself a name no module is named by (ownNames[i],
// analysis.Module.OwnNameImports, analysis.OwnNameShadows) links to the
// modules that import may mean (analysis.OwnNameSuffixes of their names
// hold its name), as analysis.Project.OwnNameModules finds them.
func importGraph(names [][]string, imports [][]string, ownNames [][]string) (direct [][]int, ambient int) {
	byName := map[string][]int{}
	for i, ns := range names {
		for _, n := range ns {
			if n != "" {
				byName[n] = append(byName[n], i)
			}
		}
	}
	sorted := make([]string, 0, len(byName))
	for n := range byName {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	// each calls fn with every module q may denote: those named by a
	// prefix of q (up to each dot, and q), and every module named q.*
	// below it.
	each := func(q string, fn func(int)) {
		for k := 0; ; {
			j := strings.IndexByte(q[k:], '.')
			if j < 0 {
				for _, m := range byName[q] {
					fn(m)
				}
				break
			}
			for _, m := range byName[q[:k+j]] {
				fn(m)
			}
			k += j + 1
		}
		prefix := q + "."
		for j := sort.SearchStrings(sorted, prefix); j < len(sorted) && strings.HasPrefix(sorted[j], prefix); j++ {
			for _, m := range byName[sorted[j]] {
				fn(m)
			}
		}
	}
	ambient = len(names)
	direct = make([][]int, len(names)+1)
	roots := pylib.Roots()
	for _, nm := range sorted {
		if !strings.Contains(nm, ".") && (roots[nm] || analysis.IsBuiltin(nm)) {
			each(nm, func(j int) { direct[ambient] = append(direct[ambient], j) })
		}
	}
	// linked[j] == i+1: module i links to j already.
	linked := make([]int, len(names))
	var bySuffix map[string][]int // ownNameIndex, built when a module imports its own name
	for i := range names {
		linked[i] = i + 1
		link := func(j int) {
			if linked[j] != i+1 {
				linked[j] = i + 1
				direct[i] = append(direct[i], j)
			}
		}
		for _, q := range imports[i] {
			each(q, link)
		}
		if ownNames != nil && names[i][0] != "" && analysis.OwnNameShadows(ownNames[i], func(q string) bool { return len(byName[q]) > 0 }) {
			if bySuffix == nil {
				bySuffix = ownNameIndex(names)
			}
			for _, j := range bySuffix[names[i][0]] {
				if j != i {
					link(j)
				}
			}
		}
		if len(direct[ambient]) > 0 {
			direct[i] = append(direct[i], ambient)
		}
	}
	return direct, ambient
}

// ownNameIndex maps each name an import of a module's own name may mean
// another module by (analysis.OwnNameSuffixes of the module's name,
// names[j][0]) to those modules.
func ownNameIndex(names [][]string) map[string][]int {
	idx := map[string][]int{}
	for j, ns := range names {
		if len(ns) > 0 {
			analysis.OwnNameSuffixes(ns[0], func(suffix string) { idx[suffix] = append(idx[suffix], j) })
		}
	}
	return idx
}
