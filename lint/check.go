package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/rules"
)

// Configs resolves each file's configuration as ruff does: the one named on
// the command line for every file, or else the nearest pyproject.toml with a
// [tool.asyncls] table above the file; command-line overrides apply on top.
// Results are cached per directory; it is safe for concurrent use.
type Configs struct {
	fixed  *config.Config
	adjust func(*config.Config) (*config.Config, error)

	mu       sync.Mutex
	byDir    map[string]*config.Config
	byFile   map[string]*config.Config
	errs     map[string]error
	warnings []error // settings accepted without effect
	warned   map[string]bool
}

// NewConfigs resolves configurations from fixed (when not nil, for every
// file) or from each file's nearest pyproject.toml, then adjusted by adjust
// (command-line settings; nil: none).
func NewConfigs(fixed *config.Config, adjust func(*config.Config) (*config.Config, error)) *Configs {
	if adjust == nil {
		adjust = func(c *config.Config) (*config.Config, error) { return c, nil }
	}
	return &Configs{fixed: fixed, adjust: adjust, byDir: map[string]*config.Config{}, byFile: map[string]*config.Config{}, errs: map[string]error{}, warned: map[string]bool{}}
}

// ForDir returns the configuration of the files in dir.
func (c *Configs) ForDir(dir string) (*config.Config, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if cfg, ok := c.byDir[abs]; ok {
		return cfg, c.errs[abs]
	}
	file := ""
	if c.fixed == nil {
		file = config.Find(abs)
	}
	cfg, ok := c.byFile[file]
	if !ok {
		base := c.fixed
		if file != "" {
			base, err = config.LoadFile(file)
		} else if base == nil {
			base = config.Default()
		}
		if err == nil {
			cfg, err = c.adjust(base)
		}
		if err != nil {
			c.errs[file] = err
			cfg = nil
		} else {
			// The messages name the setting; the same one met through
			// several files is said once.
			for _, w := range cfg.Warnings() {
				if !c.warned[w] {
					c.warned[w] = true
					c.warnings = append(c.warnings, &Warning{Msg: w})
				}
			}
		}
		c.byFile[file] = cfg
	}
	c.byDir[abs] = cfg
	c.errs[abs] = c.errs[file]
	return cfg, c.errs[file]
}

// configFor is ForDir for walks: a bad configuration is recorded (Errors
// reports it) and its directory is treated with the defaults.
func (c *Configs) configFor(dir string) *config.Config {
	cfg, err := c.ForDir(dir)
	if err != nil || cfg == nil {
		return config.Default()
	}
	return cfg
}

// Errors returns the configuration errors met so far, one per file.
func (c *Configs) Errors() []error {
	c.mu.Lock()
	defer c.mu.Unlock()
	seen := map[string]bool{}
	var out []error
	for _, err := range c.errs {
		if err != nil && !seen[err.Error()] {
			seen[err.Error()] = true
			out = append(out, err)
		}
	}
	sortErrors(out)
	return out
}

// Warnings returns what the configurations met so far accept without
// effect (another linter's codes), each once.
func (c *Configs) Warnings() []error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]error(nil), c.warnings...)
}

// Request is what `asyncls check` asks for.
type Request struct {
	// Paths are files and directories to report on.
	Paths []string
	// Stdin, when not nil, is reported on under Stdin.Path (and replaces the
	// file of that name, if any, in its project).
	Stdin   *Source
	Configs *Configs
	// Progress, when not nil, is told how parsing and checking advance.
	Progress Progress
	// CacheVersion, when not "", makes the run use (and update) the cache
	// of each project (cache.go) for this version of asyncls.
	CacheVersion string
	// KeepModules keeps every project's modules and sources in the result
	// (Result.Module, Sources, Reanalyse: what --fix and --add-noqa need);
	// without it each project is released once checked, so a run over
	// several projects holds one project's models at a time.
	KeepModules bool
	// ForceExclude applies exclude, extend-exclude and .gitignore to files
	// named explicitly too (as ruff's --force-exclude): what the pre-commit
	// hook, which names every changed file, needs to agree with `check .`.
	ForceExclude bool
}

// target is a file to report on.
type target struct {
	abs, real, shown string
}

// Check reports on the files req names, each one analysed in the context
// of its whole project, so a file gets the same findings whether it is
// named alone, found in a directory, or read from standard input. A
// project's root is the nearest directory above the file holding a
// ProjectMarker (without one: the working directory when the file is below
// it, else the directory named, or the file's package or own); its
// files are those below the root that a walk keeps (excludes, .gitignore),
// minus nested projects.
func Check(req Request) *Result {
	wd, _ := os.Getwd()
	ts := collectTargets(req.Paths, req.Configs, wd, req.ForceExclude)
	res := &Result{Errors: ts.errors, Warnings: ts.warnings}
	var stdin *target
	if req.Stdin != nil {
		abs, _ := filepath.Abs(req.Stdin.Path)
		real := abs
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			real = r
		}
		stdin = &target{abs: abs, real: real, shown: displayPath(wd, abs)}
		ts.add(*stdin, "")
	}

	keys := make([]projectKey, 0, len(ts.targets))
	for k := range ts.targets {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].root != keys[j].root {
			return keys[i].root < keys[j].root
		}
		if keys[i].shallow != keys[j].shallow {
			return !keys[i].shallow
		}
		return keys[i].pkg < keys[j].pkg
	})
	context := newContextWalker(req.Configs.configFor)
	var units []*unit
	for _, key := range keys {
		units = append(units, ts.unit(key, req, context, stdin, res))
	}
	out := analyseUnits(units, req.Progress, req.CacheVersion, req.KeepModules)
	if stdin != nil {
		out.stdin = stdin.shown
	}
	out.Errors = append(append(res.Errors, req.Configs.Errors()...), out.Errors...)
	out.Warnings = append(append(res.Warnings, req.Configs.Warnings()...), out.Warnings...)
	sortErrors(out.Errors)
	sortErrors(out.Warnings)
	return out
}

// unit prepares the analysis of one project: its targets, and the rest of
// its files read for context (problems with those are reported when they
// are checked themselves), read when the unit is analysed. Problems
// finding the files go to res; problems reading the targets are reported
// by the analysis.
func (ts *targetSet) unit(key projectKey, req Request, context *walker, stdin *target, res *Result) *unit {
	root := key.root
	u := &unit{root: root, wd: ts.wd, targets: map[string]bool{}, shown: map[string]string{}, byShown: map[string]string{}}
	u.options = optionsPerConfig(req.Configs.configFor)
	if err := u.findLibraries(req.Configs.configFor(root)); err != nil {
		res.Errors = append(res.Errors, err)
	}
	byReal := map[string]string{} // real path -> path analysed
	var toRead []string
	for _, t := range ts.targets[key] {
		byReal[t.real] = t.abs
		u.targets[t.abs] = true
		u.shown[t.abs] = t.shown
		u.byShown[t.shown] = t.abs
		if stdin == nil || t.abs != stdin.abs {
			toRead = append(toRead, t.abs)
		}
	}
	found, warns, err := ts.contextFiles(key, context)
	capped := false
	for _, w := range warns {
		// Only the walk's limit is said; an unreadable corner of the
		// project is not the named files' problem.
		if w, ok := w.(*Warning); ok && err == nil {
			res.Warnings = append(res.Warnings, w)
			capped = capped || w.capped
		}
	}
	// One warning says what happened: the limit's, when the walk reached it.
	if !capped && !key.shallow && key.pkg == "" && !ts.walked[root] && ts.roots.of(root) == "" && len(found) > largeUnmarkedProject {
		res.Warnings = append(res.Warnings, unmarkedProjectWarning(root, ts.targets[key][0].shown, len(found)))
	}
	var contextFiles []string
	for _, f := range found {
		if _, ok := byReal[f.Real]; !ok {
			byReal[f.Real] = f.Path
			contextFiles = append(contextFiles, f.Path)
		}
	}
	limit := func(path string) int64 { return req.Configs.configFor(filepath.Dir(path)).MaxBytes() }
	withStdin := stdin != nil && u.targets[stdin.abs]
	u.pending = len(toRead) + len(contextFiles)
	if withStdin {
		u.pending++
	}
	if withStdin {
		u.inMemory = stdin.abs
	}
	u.reread = func(path string) ([]byte, error) {
		if path == u.inMemory {
			return nil, fmt.Errorf("not read from a file")
		}
		data, err := ReadSource(path, limit(path))
		if err != nil {
			return nil, err
		}
		return analysis.DecodeSource(data), nil
	}
	u.read = func() ([]Source, []error) {
		sources, errs, skipped := readAll(toRead, limit)
		var problems []error
		for _, e := range append(errs, skipped...) {
			problems = append(problems, u.showError(e))
		}
		others, _, _ := readAll(contextFiles, limit)
		sources = append(sources, others...)
		if withStdin {
			sources = append(sources, Source{Path: stdin.abs, Src: req.Stdin.Src})
		}
		return sources, problems
	}
	return u
}

// contextFiles finds the files of the project key read for context
// besides its targets.
func (ts *targetSet) contextFiles(key projectKey, context *walker) (found []walkedFile, warns []error, err error) {
	switch {
	case key.shallow:
		return filesIn(key.root)
	case key.pkg != "":
		return context.walk(key.pkg)
	case ts.walked[key.root]:
		// The root was named: its files, minus nested projects, are the
		// targets grouped under it already.
		return nil, nil, nil
	default:
		return context.walk(key.root)
	}
}

// largeUnmarkedProject is the number of Python files above which a project
// without a marker, read for context, is most likely not one project but a
// directory of many (a workspace, a corpus): it is read and its modules the
// named files may depend on are parsed, which can take seconds, so the user
// is told how to name the project.
const largeUnmarkedProject = 1000

// unmarkedProjectWarning says that the working directory root, holding no
// project marker, is taken as the project of the file shown (one of the
// files named), with its n Python files, and how to make the project
// smaller.
func unmarkedProjectWarning(root, shown string, n int) *Warning {
	return &Warning{Msg: fmt.Sprintf("no project marker (%s) at or above %s: the working directory %s is its project, "+
		"and its %d Python files are read for cross-file findings; add a marker at the project's root, or run asyncls from there",
		strings.Join(ProjectMarkers, ", "), shown, root, n)}
}

// targetSet is the files a run reports on, grouped by project.
type targetSet struct {
	wd string
	// unmarkedRoot is the project of the files below it that have no
	// project marker above them: the working directory, unless it is the
	// file system's root or the home directory (too large to be one).
	unmarkedRoot string
	roots        *rootCache
	walked       map[string]bool // directories walked for targets
	targets      map[projectKey][]target
	seen         map[string]bool // real paths
	errors       []error
	warnings     []error
}

// add records t, found by walking namedDir ("" for a file named alone).
func (ts *targetSet) add(t target, namedDir string) {
	if ts.seen[t.real] {
		return
	}
	ts.seen[t.real] = true
	key := projectKey{root: ts.roots.of(filepath.Dir(t.abs))}
	if key.root == "" && ts.unmarkedRoot != "" && within(ts.unmarkedRoot, t.abs) {
		// No marker: the working directory is the project (as ruff takes
		// it for its project root, and the server its workspace folder),
		// so `check FILE` and `check DIR` report what `check .` run there
		// reports, cross-file findings included.
		key = projectKey{root: ts.unmarkedRoot}
	} else if key.root == "" {
		// No marker, outside the working directory: the directory named
		// is the project, and a file
		// named alone has the files beside it as context (walking up
		// to an unmarked home directory would never end), or, inside a
		// package (an installed one has no marker), that whole package
		// below the directory Python imports it from.
		key = projectKey{root: namedDir, shallow: namedDir == ""}
		if key.shallow {
			key.root = filepath.Dir(t.abs)
			if top := topPackage(key.root); top != "" {
				key = projectKey{root: filepath.Dir(top), pkg: top}
			}
		}
	}
	ts.targets[key] = append(ts.targets[key], t)
}

// collectTargets expands paths: files named are always included,
// directories are walked.
func collectTargets(paths []string, configs *Configs, wd string, forceExclude bool) *targetSet {
	ts := &targetSet{wd: wd, unmarkedRoot: unmarkedRoot(wd), roots: &rootCache{byDir: map[string]string{}}, walked: map[string]bool{},
		targets: map[projectKey][]target{}, seen: map[string]bool{}}
	w := newWalker(configs.configFor, false)
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			ts.errors = append(ts.errors, &FileError{Path: p, Err: err})
			continue
		}
		info, err := os.Stat(abs)
		if err != nil {
			ts.errors = append(ts.errors, &FileError{Path: p, Err: unwrapPathError(err)})
			continue
		}
		if !info.IsDir() {
			if forceExclude && w.excludedFile(abs, ts.roots) {
				continue
			}
			real, err := filepath.EvalSymlinks(abs)
			if err != nil {
				real = abs
			}
			ts.add(target{abs: abs, real: real, shown: displayPath(wd, abs)}, "")
			continue
		}
		ts.walked[abs] = true
		found, problems, err := w.walk(abs)
		if err != nil {
			ts.errors = append(ts.errors, &FileError{Path: p, Err: unwrapPathError(err)})
			continue
		}
		for _, p := range problems {
			// The walk names files by absolute path: show them as the
			// findings are, relative to the working directory below it.
			switch e := p.(type) {
			case *Warning:
				ts.warnings = append(ts.warnings, &Warning{Path: displayPath(wd, e.Path), Msg: e.Msg, capped: e.capped})
			case *FileError:
				ts.errors = append(ts.errors, &FileError{Path: displayPath(wd, e.Path), Err: e.Err})
			default:
				ts.errors = append(ts.errors, p)
			}
		}
		for _, f := range found {
			ts.add(target{abs: f.Path, real: f.Real, shown: displayPath(wd, f.Path)}, abs)
		}
	}
	return ts
}

// unmarkedRoot returns wd, the project of the files below it without a
// project marker, or "" when wd is the file system's root or the home
// directory: a walk of those would read far more than a project.
func unmarkedRoot(wd string) string {
	if wd == "" || filepath.Dir(wd) == wd {
		return ""
	}
	if home, err := os.UserHomeDir(); err == nil && filepath.Clean(home) == wd {
		return ""
	}
	return wd
}

// Files returns the files Check reports on for paths (as shown, sorted),
// with the errors and warnings met finding them.
func Files(paths []string, configs *Configs, forceExclude bool) (files []string, errs, warnings []error) {
	wd, _ := os.Getwd()
	ts := collectTargets(paths, configs, wd, forceExclude)
	for _, group := range ts.targets {
		for _, t := range group {
			files = append(files, t.shown)
		}
	}
	sort.Strings(files)
	return files, append(ts.errors, configs.Errors()...), ts.warnings
}

// rootCache is ProjectRoot remembered per directory for one run.
type rootCache struct {
	byDir map[string]string
}

func (c *rootCache) of(dir string) string {
	if r, ok := c.byDir[dir]; ok {
		return r
	}
	var r string
	if isProjectRoot(dir) {
		r = dir
	} else if parent := filepath.Dir(dir); parent != dir {
		r = c.of(parent)
	}
	c.byDir[dir] = r
	return r
}

// MaxProjectFiles bounds the files read as one project's context, so a
// project root high above the files named (a home directory under git)
// cannot make a run read everything below it.
const MaxProjectFiles = 20000

// projectKey identifies a project: its root, and whether it is only the
// files directly in that directory (no marker found above a file named alone).
type projectKey struct {
	root    string
	shallow bool
	// pkg, for a file named alone with no marker above it, is the
	// outermost package holding it: only its files are read, with root
	// (the directory that package is imported from) as the project's root.
	pkg string
}

// topPackage returns the outermost directory at or above dir in an unbroken
// chain of package directories (each holding __init__.py), or "" when dir
// is no package.
func topPackage(dir string) string {
	top := ""
	for {
		if _, err := os.Lstat(filepath.Join(dir, "__init__.py")); err != nil {
			return top
		}
		top = dir
		parent := filepath.Dir(dir)
		if parent == dir {
			return top
		}
		dir = parent
	}
}

// filesIn returns the Python files directly in dir.
func filesIn(dir string) ([]walkedFile, []error, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	var out []walkedFile
	for _, e := range entries {
		if isPython(e.Name()) && e.Type().IsRegular() {
			p := filepath.Join(dir, e.Name())
			out = append(out, walkedFile{p, p})
		}
	}
	return out, nil, nil
}

// showError names the file of a read problem as it is shown.
func (u *unit) showError(err error) error {
	switch e := err.(type) {
	case *FileError:
		return &FileError{Path: u.show(e.Path), Err: e.Err}
	case *Warning:
		return &Warning{Path: u.show(e.Path), Msg: e.Msg}
	}
	return err
}

func splitProblems(res *Result, problems []error) {
	for _, p := range problems {
		if _, ok := p.(*Warning); ok {
			res.Warnings = append(res.Warnings, p)
		} else {
			res.Errors = append(res.Errors, p)
		}
	}
}

// displayPath shows an absolute path relative to the working directory wd
// when it is below it, as ruff does.
func displayPath(wd, abs string) string {
	if wd != "" && within(wd, abs) {
		if rel, err := filepath.Rel(wd, abs); err == nil {
			return rel
		}
	}
	return abs
}

// optionsPerConfig returns the rules' options of a file. A configuration
// without per-file ignores gives every file the same options: they are
// built once and shared (read-only), not again for every checked module.
func optionsPerConfig(configFor func(dir string) *config.Config) func(path string) *rules.Options {
	var mu sync.Mutex
	shared := map[*config.Config]*rules.Options{}
	return func(path string) *rules.Options {
		c := configFor(filepath.Dir(path))
		if len(c.PerFileIgnores) > 0 {
			return c.Options(path)
		}
		mu.Lock()
		defer mu.Unlock()
		o := shared[c]
		if o == nil {
			o = c.Options(path)
			shared[c] = o
		}
		return o
	}
}
