package lint

import (
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/loopsim/pyfront"
)

// SimulationProject returns the project of the Python file at path for the
// simulator to follow the file's imports into (pyfront.Project): its root
// is the one `asyncls check path` finds (the nearest directory holding a
// project marker; without one, the working directory when the file is
// below it, else the file's package or directory), and a module of it is
// a file below that root that a check of the project reads (not excluded,
// not in a nested project; only the files beside it when the project is
// just the file's directory).
//
// Nothing is walked or parsed up front, so a simulation in a large
// repository costs what it imports: a dotted name is looked up as Python
// looks it up, below the first of these directories that provides its
// top-level package or module: the directory the file is imported from
// (its own, or the one above its outermost package), the directories
// above it up to the root, the root and its src/. A module that cannot be
// read, or is not Python text, is not in the project (its import stays
// unknown).
func SimulationProject(path string, configs *Configs) pyfront.Project {
	wd, _ := os.Getwd()
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	ts := collectTargets([]string{abs}, configs, wd, false)
	var key projectKey
	found := false
	for k := range ts.targets {
		key, found = k, true
	}
	if !found {
		return nil
	}
	p := &diskProject{
		root:    key.root,
		within:  key.root,
		shallow: key.shallow,
		marked:  isProjectRoot(key.root),
		configs: configs,
		roots:   ts.roots,
		modules: map[string]diskModule{},
		parsed:  map[string]*analysis.File{},
	}
	if key.pkg != "" {
		p.within = key.pkg
	}
	_, _, mainRoot := importParts(abs)
	add := func(dir string) {
		for _, b := range p.bases {
			if b == dir {
				return
			}
		}
		if dir == p.root || Within(p.root, dir) {
			p.bases = append(p.bases, dir)
		}
	}
	add(mainRoot)
	for dir := filepath.Dir(abs); dir != p.root && Within(p.root, dir); dir = filepath.Dir(dir) {
		add(dir)
	}
	add(p.root)
	add(filepath.Join(p.root, "src"))
	return p
}

// importParts returns the dotted name of the Python file at path by the
// packages (directories holding __init__.py) above it, whether it is a
// package's __init__.py, and the directory it is imported from.
func importParts(path string) (parts []string, isPackage bool, root string) {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	dir := filepath.Dir(path)
	if base == "__init__" {
		isPackage = true
	} else {
		parts = append(parts, base)
	}
	for isFile(filepath.Join(dir, "__init__.py")) {
		parts = append([]string{filepath.Base(dir)}, parts...)
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return parts, isPackage, dir
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// diskProject is a pyfront.Project read from the file system on demand.
type diskProject struct {
	root    string
	within  string // the files of the project are below it (its package, for a package without a marker)
	shallow bool   // only the files in root itself
	marked  bool   // root holds a project marker
	configs *Configs
	roots   *rootCache
	bases   []string // where top-level names are looked up, in order

	mu      sync.Mutex
	modules map[string]diskModule     // dotted name -> what it is
	parsed  map[string]*analysis.File // path -> parsed file (nil: unreadable)
	tops    map[string]string         // top-level name -> the base providing it ("" none)
}

// diskModule is what a dotted name is in the project: a file, a namespace
// package (a directory without __init__.py), or nothing.
type diskModule struct {
	path      string
	isPackage bool
	namespace bool
}

// inProject reports whether a check of the project reads the file or
// directory at p.
func (p *diskProject) inProject(path string, dir bool) bool {
	if path != p.within && !Within(p.within, path) {
		return false
	}
	parent := path
	if !dir {
		parent = filepath.Dir(path)
	}
	if p.shallow && parent != p.root {
		return false
	}
	// Not in a nested project.
	if r := p.roots.of(parent); r != p.root && (r != "" || p.marked) {
		return false
	}
	if !dir && Excluded(path, p.root, p.configs.configFor) {
		return false
	}
	return true
}

// lookup finds the dotted name below base.
func (p *diskProject) lookupIn(base string, parts []string) diskModule {
	dir := filepath.Join(append([]string{base}, parts...)...)
	if f := filepath.Join(dir, "__init__.py"); isFile(f) && p.inProject(f, false) {
		return diskModule{path: f, isPackage: true}
	}
	if f := dir + ".py"; isFile(f) && p.inProject(f, false) {
		return diskModule{path: f}
	}
	if len(parts) > 0 && isDir(dir) && p.inProject(dir, true) {
		return diskModule{namespace: true}
	}
	return diskModule{}
}

// find returns what name is in the project.
func (p *diskProject) find(name string) diskModule {
	if m, ok := p.modules[name]; ok {
		return m
	}
	parts := strings.Split(name, ".")
	if p.tops == nil {
		p.tops = map[string]string{}
	}
	base, ok := p.tops[parts[0]]
	if !ok {
		// A module or regular package in any base wins over a namespace
		// portion, as in Python.
		base = ""
		for _, b := range p.bases {
			if m := p.lookupIn(b, parts[:1]); m.path != "" {
				base = b
				break
			} else if m.namespace && base == "" {
				base = b
			}
		}
		p.tops[parts[0]] = base
	}
	var m diskModule
	if base != "" {
		m = p.lookupIn(base, parts)
	}
	p.modules[name] = m
	return m
}

func (p *diskProject) Module(name string) (*analysis.File, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	m := p.find(name)
	if m.path == "" {
		return nil, false
	}
	f, done := p.parsed[m.path]
	if !done {
		f = p.parse(m.path)
		p.parsed[m.path] = f
	}
	return f, m.isPackage && f != nil
}

func (p *diskProject) parse(path string) *analysis.File {
	src, err := ReadSource(path, p.configs.configFor(filepath.Dir(path)).MaxBytes())
	if err != nil {
		return nil
	}
	src = analysis.DecodeSource(src)
	if analysis.CheckSource(src) != nil {
		return nil
	}
	return analysis.Parse(path, src)
}

func (p *diskProject) Namespace(name string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.find(name).namespace
}

func (p *diskProject) Naming(path string) (string, bool) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	parts, isPackage, _ := importParts(path)
	return strings.Join(parts, "."), isPackage
}
