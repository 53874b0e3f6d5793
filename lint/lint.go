// Package lint runs asyncls over files on disk: it finds Python files,
// parses them in parallel, builds the project index, and runs the rules.
// It is what `asyncls check` and the benchmarks drive; the language server
// uses the same analysis and rules packages on its document snapshots.
package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/rules"
	"github.com/asyncls/asyncls/sitepkgs"
)

// Source is one file's content.
type Source struct {
	Path string
	Src  []byte
}

// FileError is a file that could not be read or decoded; the run goes on.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Result is the outcome of a run.
type Result struct {
	// Projects are the analysed projects: one per project root for Check
	// (with Request.KeepModules; without, none), exactly one for Run and
	// Analyse.
	Projects    []*analysis.Project
	Diagnostics []rules.Diagnostic // of the files reported on, sorted by path, then position
	Errors      []error            // files that could not be read or decoded, bad configurations
	Warnings    []error            // files skipped on purpose (*Warning)
	Files       int                // files reported on
	units       []*unit
	stdin       string // the path standard input is shown under, or ""
	// Cache says what the cache spared (a run with Request.CacheVersion).
	Cache CacheStats
	// linesMu guards the line indexes Lines builds (units' lines).
	linesMu sync.Mutex
}

// Lines returns the line index of a file reported on, by the path it is
// shown under (nil if unknown): from its module, or from its source when
// the cache answered for it.
func (r *Result) Lines(path string) *analysis.LineIndex {
	if m := r.Module(path); m != nil {
		return m.File.Lines
	}
	r.linesMu.Lock()
	defer r.linesMu.Unlock()
	for _, u := range r.units {
		a := u.analysed(path)
		if lines, ok := u.lines[a]; ok {
			return lines
		}
		if src, ok := u.cached[a]; ok {
			// Built once per file, not per finding reported.
			lines := analysis.NewLineIndex(src)
			if u.lines == nil {
				u.lines = map[string]*analysis.LineIndex{}
			}
			u.lines[a] = lines
			return lines
		}
	}
	return nil
}

// StdinPath returns the path standard input is reported under ("" without one).
func (r *Result) StdinPath() string { return r.stdin }

// Module returns the module shown under path (nil for Check without
// Request.KeepModules).
func (r *Result) Module(path string) *analysis.Module {
	for _, u := range r.units {
		if u.project == nil {
			continue
		}
		if m := u.project.Module(u.analysed(path)); m != nil {
			return m
		}
	}
	return nil
}

// unit is one project's analysis: every source is modelled (the context
// that cross-file rules see), the targets alone are checked.
type unit struct {
	root    string
	sources []Source
	targets map[string]bool // nil: every source
	options func(path string) *rules.Options
	// shown maps the (absolute) paths analysed to the paths shown to the
	// user; nil when they are the same.
	shown   map[string]string
	wd      string // the working directory paths are shown relative to
	byShown map[string]string
	project *analysis.Project
	// cached holds the sources of targets the cache answered for (not in
	// project), for reporting.
	cached map[string][]byte
	// lines holds the line index of each checked target once the project
	// is released (release), for reporting; a streamed check keeps those
	// of the modules it drops that its findings name (an index holds its
	// module's source).
	lines map[string]*analysis.LineIndex
	// reread, when not nil, reads the source at a path again from disk
	// as read did (the sources came from files): a streamed check
	// (stream.go) then holds only the sources of the modules it models.
	// inMemory is the path of a source given in memory (standard input's),
	// which reread does not read.
	reread   func(path string) ([]byte, error)
	inMemory string
	// read, when not nil, reads sources (at most pending files) and
	// returns the problems reading the targets: deferred until the unit is
	// analysed, so a run over several projects holds one project's sources
	// at a time.
	read    func() ([]Source, []error)
	pending int
	// libs is the project's Python environment, whose installed libraries
	// the analysis reads for names pylib has no record of (nil: none).
	libs *sitepkgs.Env
}

// newProject makes the unit's project of mods, reading the unit's
// environment's libraries.
func (u *unit) newProject(mods []*analysis.Module) *analysis.Project {
	p := analysis.NewProject(u.root, mods)
	if u.libs != nil {
		p.SetLibraries(u.libs)
	}
	return p
}

// findLibraries finds the environment of the unit's project under cfg (the
// configuration of its root); a problem goes to errs.
func (u *unit) findLibraries(cfg *config.Config) error {
	env, err := sitepkgs.Find(u.root, cfg)
	u.libs = env
	return err
}

// load reads the unit's sources if they are not read yet; problems with
// its targets go to res.
func (u *unit) load(res *Result) {
	if u.read != nil {
		sources, problems := u.read()
		u.sources = append(u.sources, sources...)
		u.read = nil
		splitProblems(res, problems)
	}
}

// release drops the unit's project and sources once it is analysed,
// keeping the line indexes of its checked targets for the report: a run
// over several projects then holds one project's models at a time.
func (u *unit) release() {
	if u.project != nil {
		if u.lines == nil {
			// (a streamed check has noted those of the modules it dropped)
			u.lines = map[string]*analysis.LineIndex{}
		}
		for _, m := range u.project.Modules() {
			if u.target(m.File.Path) {
				u.lines[m.File.Path] = m.File.Lines
			}
		}
	}
	u.project = nil
	u.sources = nil
}

// layout is the analysis layout of the unit's sources with a path (standard
// input without --stdin-filename has none). The whole-project analysis
// (analyseUnit), the scoped one (analyseUnitScoped) and the streamed one
// (analyseUnitStreamed) share it, and checkSource, so that they name and
// accept the same modules.
func (u *unit) layout() *analysis.Layout {
	var paths []string
	for _, s := range u.sources {
		if s.Path != "" {
			paths = append(paths, s.Path)
		}
	}
	return analysis.NewLayout(u.root, paths)
}

// checkSource reports whether source i is there to analyse (a path or a
// text) and passes analysis.CheckSource (valid UTF-8...); err is the
// FileError, with the path as shown, of one that does not (nil for a
// missing source).
func (u *unit) checkSource(i int) (ok bool, err error) {
	s := u.sources[i]
	if s.Path == "" && s.Src == nil {
		return false, nil
	}
	if err := analysis.CheckSource(s.Src); err != nil {
		return false, &FileError{Path: u.show(s.Path), Err: err}
	}
	return true, nil
}

func (u *unit) target(path string) bool { return u.targets == nil || u.targets[path] }

// sortModules splits the unit's built modules (nil where a file failed, with
// its error in fileErrs) into the project's modules, those to check (the
// targets') and the errors of the targets that failed.
func (u *unit) sortModules(modules []*analysis.Module, fileErrs []error) (mods, checked []*analysis.Module, errs []error) {
	for i, m := range modules {
		target := u.target(u.sources[i].Path)
		if m != nil {
			mods = append(mods, m)
			if target {
				checked = append(checked, m)
			}
		} else if fileErrs[i] != nil && target {
			errs = append(errs, fileErrs[i])
		}
	}
	return mods, checked, errs
}

func (u *unit) show(path string) string {
	if s, ok := u.shown[path]; ok {
		return s
	}
	if u.shown != nil {
		return displayPath(u.wd, path)
	}
	return path
}

func (u *unit) analysed(shown string) string {
	if a, ok := u.byShown[shown]; ok {
		return a
	}
	return shown
}

// Stage names a phase of a run, for progress reports.
type Stage string

const (
	Parsing  Stage = "parsing"
	Checking Stage = "checking"
)

// Progress is told how many files of a stage are done; it is called from
// several goroutines.
type Progress func(stage Stage, done, total int)

// Run reads and analyses files (with extra in-memory sources, e.g. stdin)
// as one project with one configuration, using every core.
func Run(files []string, extra []Source, cfg *config.Config) *Result {
	return RunProgress(files, extra, cfg, nil)
}

// RunProgress is Run that reports its progress (progress may be nil).
func RunProgress(files []string, extra []Source, cfg *config.Config, progress Progress) *Result {
	sources, errs, warns := readAll(files, func(string) int64 { return cfg.MaxBytes() })
	res := analyse(append(sources, extra...), cfg, progress)
	res.Errors = append(errs, res.Errors...)
	res.Warnings = append(warns, res.Warnings...)
	sortErrors(res.Errors)
	return res
}

// readAll reads files in parallel; unreadable files become errors and
// skipped ones warnings.
func readAll(files []string, limit func(path string) int64) ([]Source, []error, []error) {
	sources := make([]Source, len(files))
	problems := make([]error, len(files))
	parallel(len(files), func(i int) {
		data, err := ReadSource(files[i], limit(files[i]))
		if err != nil {
			problems[i] = err
			return
		}
		// A file in a PEP 263 declared encoding is analysed as UTF-8 text.
		sources[i] = Source{Path: files[i], Src: analysis.DecodeSource(data)}
	})
	var out []Source
	var errs, warns []error
	for i, s := range sources {
		var w *Warning
		switch {
		case problems[i] == nil:
			out = append(out, s)
		case errors.As(problems[i], &w):
			warns = append(warns, problems[i])
		default:
			errs = append(errs, problems[i])
		}
	}
	return out, errs, warns
}

func sortErrors(errs []error) {
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
}

// Analyse parses sources into one project and checks every module with cfg.
func Analyse(sources []Source, cfg *config.Config) *Result {
	return analyse(sources, cfg, nil)
}

func analyse(sources []Source, cfg *config.Config, progress Progress) *Result {
	root := cfg.Dir
	if root == "" {
		root, _ = os.Getwd()
	}
	u := &unit{root: root, sources: sources, options: cfg.Options}
	envErr := u.findLibraries(cfg)
	res := analyseUnits([]*unit{u}, progress, "", true)
	if envErr != nil {
		res.Errors = append(res.Errors, envErr)
	}
	return res
}

// analyseUnits analyses each unit and merges what is reported.
// With cacheVersion, each unit is analysed with the cache at its root (see
// cache.go), for that version of asyncls. Without keep, each unit's
// project is released once it is analysed (Result.Module then answers nil).
func analyseUnits(units []*unit, progress Progress, cacheVersion string, keep bool) *Result {
	res := &Result{units: units}
	var parsed, checked atomic.Int64
	totalSources, totalTargets := 0, 0
	for _, u := range units {
		if u.read != nil {
			// Not read yet: the files it will read, and its targets.
			totalSources += u.pending
			totalTargets += len(u.targets)
			continue
		}
		totalSources += len(u.sources)
		for _, s := range u.sources {
			if u.target(s.Path) {
				totalTargets++
			}
		}
	}
	count := func(stage Stage, n *atomic.Int64, total int) func() {
		if progress == nil {
			return func() {}
		}
		return func() { progress(stage, int(n.Add(1)), total) }
	}
	for _, u := range units {
		var opened chan *Cache
		if cacheVersion != "" {
			// Decode the cache file while the sources are read: on a
			// re-run with nothing changed these two are most of the time.
			opened = make(chan *Cache, 1)
			go func(root string) { opened <- OpenCache(CacheDir(root), cacheVersion, root) }(u.root)
		}
		u.load(res)
		if cacheVersion != "" {
			cache := <-opened
			cache.useLibraries(u.libs)
			diags, errs, files, werr := analyseUnitCached(u, cache, &res.Cache)
			if werr != nil {
				res.Warnings = append(res.Warnings, fmt.Errorf("could not write the cache: %w", werr))
			}
			res.Diagnostics = append(res.Diagnostics, diags...)
			res.Errors = append(res.Errors, errs...)
			res.Files += files
		} else {
			diags, errs, files := analyseUnit(u, count(Parsing, &parsed, totalSources), count(Checking, &checked, totalTargets), !keep)
			res.Diagnostics = append(res.Diagnostics, diags...)
			res.Errors = append(res.Errors, errs...)
			res.Files += files
		}
		if keep {
			res.Projects = append(res.Projects, u.project)
		} else {
			u.release()
		}
	}
	sort.SliceStable(res.Diagnostics, func(i, j int) bool {
		return res.Diagnostics[i].Path < res.Diagnostics[j].Path
	})
	return res
}

// analyseUnit builds u's project from all its sources and checks its targets.
// parsedOne and checkedOne are called after each file is parsed or checked.
// With stream (the models are not kept), the project is built and checked
// in parts (stream.go) and u.project holds only part of it afterwards.
func analyseUnit(u *unit, parsedOne, checkedOne func(), stream bool) (diags []rules.Diagnostic, errs []error, files int) {
	if u.targets != nil && len(u.targets)*scopedShare <= len(u.sources) {
		return analyseUnitScoped(u, parsedOne, checkedOne)
	}
	if stream && streamChecks.Load() {
		if diags, errs, files, ok := analyseUnitStreamed(u, parsedOne, checkedOne, nil); ok {
			return diags, errs, files
		}
	}
	layout := u.layout()
	modules := make([]*analysis.Module, len(u.sources))
	fileErrs := make([]error, len(u.sources))
	for i, p := range parallel(len(u.sources), func(i int) {
		ok, err := u.checkSource(i)
		if !ok {
			fileErrs[i] = err
			return
		}
		s := u.sources[i]
		modules[i] = BuildModule(layout, s.Path, s.Src)
		// The checks ask every module's index (UsesAsValue) anyway.
		modules[i].IndexValueUses()
		parsedOne()
	}) {
		fileErrs[i] = internalError(u.show(u.sources[i].Path), p)
	}
	mods, checked, errs := u.sortModules(modules, fileErrs)
	u.project = u.newProject(mods)
	defer collectForChecks()()
	perModule := make([][]rules.Diagnostic, len(checked))
	for i, p := range parallel(len(checked), func(i int) {
		perModule[i] = rules.Check(checked[i], u.project, u.options(checked[i].File.Path))
		// Each module is checked once: what its check memoised goes with it.
		checked[i].ForgetMemos()
		checkedOne()
	}) {
		errs = append(errs, internalError(u.show(checked[i].File.Path), p))
	}
	return u.shownDiagnostics(perModule), errs, len(checked)
}

// shownDiagnostics returns the findings of each module with their paths
// (and those of their related locations) as shown to the user.
func (u *unit) shownDiagnostics(perModule [][]rules.Diagnostic) []rules.Diagnostic {
	var diags []rules.Diagnostic
	for _, ds := range perModule {
		for _, d := range ds {
			diags = append(diags, u.shownDiagnostic(d))
		}
	}
	return diags
}

// shownDiagnostic is d with its path and its related locations' paths as
// shown to the user; Related is copied, not shared with d's owner (a
// cache entry or a module's findings). Fresh findings (shownDiagnostics)
// and cached ones (the cache's replay) are shown the same way through it.
func (u *unit) shownDiagnostic(d rules.Diagnostic) rules.Diagnostic {
	d.Path = u.show(d.Path)
	if len(d.Related) > 0 {
		d.Related = append([]rules.Related(nil), d.Related...)
		for j := range d.Related {
			d.Related[j].Path = u.show(d.Related[j].Path)
		}
	}
	return d
}

// checkGCPercent is the collector's pace while a whole project is checked
// (0: unchanged); see CollectForChecks.
var checkGCPercent atomic.Int32

// CollectForChecks makes a run collect once every module of a project is
// built, then check it with the collector at percent (GOGC) and go back to
// the previous pace for what follows. A batch `check` builds every module
// before it checks the first, so its live heap (the project's models)
// hardly grows during the checks, while the checks' garbage (~200 MB on
// the 1M-line corpus/big) piled on top of it and of the building's last
// garbage made the peak: collecting at the boundary and at a low pace for
// the checks (`check` uses 25) bounds the peak to (1 + percent/100) times
// the models, not up to 3 times, for a few collections more
// (docs/performance.md, "Memory"). The language server does not call it.
func CollectForChecks(percent int) { checkGCPercent.Store(int32(percent)) }

// collectForChecks starts the checks' pace (see CollectForChecks) and
// returns what ends it.
func collectForChecks() (restore func()) {
	p := int(checkGCPercent.Load())
	if p == 0 {
		return func() {}
	}
	// What parsing left free in the C heap goes back to the system: the
	// checks parse nothing.
	analysis.ReleaseParserMemory()
	// The building's garbage goes before the checks add theirs, unless a
	// collection has just freed it (the heap is within a quarter of what
	// the last one found live): a second one would mark the models again
	// for nothing.
	heap := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(heap)
	if live, now := heap[0].Value.Uint64(), heap[1].Value.Uint64(); now > live+live/4 {
		runtime.GC()
	}
	prev := debug.SetGCPercent(p)
	return func() { debug.SetGCPercent(prev) }
}

// BuildModule parses src and builds its semantic model, naming it by layout.
func BuildModule(layout *analysis.Layout, path string, src []byte) *analysis.Module {
	f := analysis.Parse(path, src)
	return analysis.BuildModuleNamed(f, layout.Naming(path))
}

// parallel runs fn(0..n-1) on all cores. A panic in one item does not stop
// the others; it is returned, by index, so the caller can name the file.
func parallel(n int, fn func(i int)) map[int]any {
	workers := runtime.GOMAXPROCS(0)
	if workers > n {
		workers = n
	}
	var wg sync.WaitGroup
	next := make(chan int, n)
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	var mu sync.Mutex
	panics := map[int]any{}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				func() {
					defer func() {
						if r := recover(); r != nil {
							mu.Lock()
							panics[i] = fmt.Sprintf("%v\n%s", r, debug.Stack())
							mu.Unlock()
						}
					}()
					fn(i)
				}()
			}
		}()
	}
	wg.Wait()
	return panics
}

func internalError(path string, p any) error {
	return &FileError{Path: path, Err: fmt.Errorf("internal error, please report it: %v", p)}
}
