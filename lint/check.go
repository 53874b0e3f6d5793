package lint

import (
	"os"
	"path/filepath"
	"sort"
	"sync"

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

	mu     sync.Mutex
	byDir  map[string]*config.Config
	byFile map[string]*config.Config
	errs   map[string]error
}

// NewConfigs resolves configurations from fixed (when not nil, for every
// file) or from each file's nearest pyproject.toml, then adjusted by adjust
// (command-line settings; nil: none).
func NewConfigs(fixed *config.Config, adjust func(*config.Config) (*config.Config, error)) *Configs {
	if adjust == nil {
		adjust = func(c *config.Config) (*config.Config, error) { return c, nil }
	}
	return &Configs{fixed: fixed, adjust: adjust, byDir: map[string]*config.Config{}, byFile: map[string]*config.Config{}, errs: map[string]error{}}
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
}

// target is a file to report on.
type target struct {
	abs, real, shown string
}

// Check reports on the files req names, each one analysed in the context
// of its whole project, so a file gets the same findings whether it is
// named alone, found in a directory, or read from standard input. A
// project's root is the nearest directory above the file holding a
// ProjectMarker (without one: the directory named, or the file's own); its
// files are those below the root that a walk keeps (excludes, .gitignore),
// minus nested projects.
func Check(req Request) *Result {
	res := &Result{}
	wd, _ := os.Getwd()
	roots := &rootCache{byDir: map[string]string{}}
	walked := map[string]bool{} // directories walked for targets
	targets := map[projectKey][]target{}
	seen := map[string]bool{} // real paths
	add := func(t target, namedDir string) {
		if seen[t.real] {
			return
		}
		seen[t.real] = true
		key := projectKey{root: roots.of(filepath.Dir(t.abs))}
		if key.root == "" {
			// No marker: the directory named is the project, and a file
			// named alone has the files beside it as context (walking up
			// to an unmarked home directory would never end).
			key = projectKey{root: namedDir, shallow: namedDir == ""}
			if key.shallow {
				key.root = filepath.Dir(t.abs)
			}
		}
		targets[key] = append(targets[key], t)
	}
	w := newWalker(req.Configs.configFor, false)
	for _, p := range req.Paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			res.Errors = append(res.Errors, &FileError{Path: p, Err: err})
			continue
		}
		info, err := os.Stat(abs)
		if err != nil {
			res.Errors = append(res.Errors, &FileError{Path: p, Err: unwrapPathError(err)})
			continue
		}
		if !info.IsDir() {
			real, err := filepath.EvalSymlinks(abs)
			if err != nil {
				real = abs
			}
			add(target{abs: abs, real: real, shown: displayPath(wd, abs)}, "")
			continue
		}
		walked[abs] = true
		found, warns, err := w.walk(abs)
		if err != nil {
			res.Errors = append(res.Errors, &FileError{Path: p, Err: unwrapPathError(err)})
			continue
		}
		splitProblems(res, warns)
		for _, f := range found {
			add(target{abs: f.Path, real: f.Real, shown: displayPath(wd, f.Path)}, abs)
		}
	}
	var stdin *target
	if req.Stdin != nil {
		abs, _ := filepath.Abs(req.Stdin.Path)
		real := abs
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			real = r
		}
		stdin = &target{abs: abs, real: real, shown: displayPath(wd, abs)}
		delete(seen, real)
		add(*stdin, "")
	}

	keys := make([]projectKey, 0, len(targets))
	for k := range targets {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].root != keys[j].root {
			return keys[i].root < keys[j].root
		}
		return !keys[i].shallow
	})
	context := newWalker(req.Configs.configFor, true)
	context.maxFiles = MaxProjectFiles
	var units []*unit
	for _, key := range keys {
		root := key.root
		u := &unit{root: root, wd: wd, targets: map[string]bool{}, shown: map[string]string{}, byShown: map[string]string{}}
		u.options = func(path string) *rules.Options {
			return req.Configs.configFor(filepath.Dir(path)).Options(path)
		}
		byReal := map[string]string{} // real path -> path analysed
		var toRead []string
		for _, t := range targets[key] {
			byReal[t.real] = t.abs
			u.targets[t.abs] = true
			u.shown[t.abs] = t.shown
			u.byShown[t.shown] = t.abs
			if stdin == nil || t.abs != stdin.abs {
				toRead = append(toRead, t.abs)
			}
		}
		// The rest of the project is read for context; problems with those
		// files are reported when they are checked themselves.
		var contextFiles []string
		var found []walkedFile
		var warns []error
		var err error
		switch {
		case key.shallow:
			found, warns, err = filesIn(root)
		case walked[root]:
			// The root was named: its files, minus nested projects, are
			// the targets grouped under it already.
		default:
			found, warns, err = context.walk(root)
		}
		for _, w := range warns {
			if _, ok := w.(*Warning); ok && err == nil {
				res.Warnings = append(res.Warnings, w)
			}
		}
		if err == nil {
			for _, f := range found {
				if _, ok := byReal[f.Real]; !ok {
					byReal[f.Real] = f.Path
					contextFiles = append(contextFiles, f.Path)
				}
			}
		}
		limit := func(path string) int64 { return req.Configs.configFor(filepath.Dir(path)).MaxBytes() }
		sources, errs, warns := readAll(toRead, limit)
		for _, e := range append(errs, warns...) {
			splitProblems(res, []error{u.showError(e)})
		}
		ctx, _, _ := readAll(contextFiles, limit)
		sources = append(sources, ctx...)
		if stdin != nil && u.targets[stdin.abs] {
			sources = append(sources, Source{Path: stdin.abs, Src: req.Stdin.Src})
		}
		u.sources = sources
		units = append(units, u)
	}
	out := analyseUnits(units, req.Progress, req.CacheVersion)
	if stdin != nil {
		out.stdin = stdin.shown
	}
	out.Errors = append(append(res.Errors, req.Configs.Errors()...), out.Errors...)
	out.Warnings = append(res.Warnings, out.Warnings...)
	sortErrors(out.Errors)
	sortErrors(out.Warnings)
	return out
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
