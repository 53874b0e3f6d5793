package pyfront

import (
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/loopsim"
)

// Project is what a simulation knows of the simulated file's project
// (Options.Project): its other modules by dotted name, found with the
// project root and module names `asyncls check` uses. The simulation runs
// the body of each project module the program imports, once, when it is
// first imported, so calls into it are simulated like the file's own
// functions. An import of a module the project does not hold (the
// standard library, a library, a module outside the project) stays what
// it is without a Project: modelled by the simulator, or unknown. It must
// be safe for concurrent use.
type Project interface {
	// Module returns the parsed module with the dotted name and whether
	// it is a package's __init__.py; nil when the project has none.
	Module(name string) (f *analysis.File, isPackage bool)
	// Namespace reports whether name is a directory of the project that
	// holds modules but no __init__.py (a namespace package).
	Namespace(name string) bool
	// Naming returns the dotted name of the module at path and whether it
	// is a package's __init__.py ("" when it is not in the project).
	Naming(path string) (name string, isPackage bool)
}

// withProject prepares prog, translated from f, for a run that follows
// imports into opts.Project: a copy knowing its module name, and cfg with
// the loader. Without a Project both come back unchanged.
func withProject(f *analysis.File, prog *loopsim.Program, opts Options, cfg loopsim.Config) (*loopsim.Program, loopsim.Config) {
	if opts.Project == nil {
		return prog, cfg
	}
	cp := *prog
	cp.Module, cp.Package = opts.Project.Naming(f.Path)
	main := absPath(f.Path)
	cfg.Imports = &loader{project: opts.Project, dir: filepath.Dir(main), main: main, progs: map[string]*loopsim.Program{}}
	return &cp, cfg
}

// loader is one simulation's loopsim.ModuleLoader over a Project: each
// module is translated once, the first time it is imported, and its
// positions name its file relative to the simulated file's directory.
type loader struct {
	project   Project
	dir, main string
	mu        sync.Mutex
	progs     map[string]*loopsim.Program // nil: not in the project
}

func (l *loader) Load(name string) *loopsim.Program {
	l.mu.Lock()
	defer l.mu.Unlock()
	if p, ok := l.progs[name]; ok {
		return p
	}
	f, isPackage := l.project.Module(name)
	var prog *loopsim.Program
	if f != nil {
		// Shown as `check` shows paths: relative to the working
		// directory when below it, else to the simulated file's.
		shown := f.Path
		path := absPath(f.Path)
		wd, _ := os.Getwd()
		if path == l.main {
			// The simulated file imported by name: its lines are its own.
			shown = ""
		} else if rel, err := filepath.Rel(wd, path); err == nil && wd != "" && !strings.HasPrefix(rel, "..") {
			shown = filepath.ToSlash(rel)
		} else if rel, err := filepath.Rel(l.dir, path); err == nil {
			shown = filepath.ToSlash(rel)
		}
		cp := *translatedModule(f, shown)
		cp.Module, cp.Package = name, isPackage
		if shown != "" {
			cp.Path = shown
		}
		prog = &cp
	}
	l.progs[name] = prog
	return prog
}

func (l *loader) Namespace(name string) bool { return l.project.Namespace(name) }

// translatedModule returns translateAs(f, shown), remembering the last
// cachedModules: a hover's estimate follows the same imports each time,
// and translating every imported module again was most of its cost
// (15-20 ms of zigpy-znp's tools, which import some 40 modules). A File is
// immutable, so its translation is too.
func translatedModule(f *analysis.File, shown string) *loopsim.Program {
	key := moduleKey{f, shown}
	moduleTranslations.Lock()
	if p, ok := moduleTranslations.byKey[key]; ok {
		moduleTranslations.Unlock()
		return p
	}
	moduleTranslations.Unlock()
	prog := translateAs(f, shown)
	moduleTranslations.Lock()
	defer moduleTranslations.Unlock()
	if moduleTranslations.byKey == nil {
		moduleTranslations.byKey = map[moduleKey]*loopsim.Program{}
	}
	if _, ok := moduleTranslations.byKey[key]; !ok {
		if len(moduleTranslations.order) >= cachedModules {
			delete(moduleTranslations.byKey, moduleTranslations.order[0])
			moduleTranslations.order = moduleTranslations.order[1:]
		}
		moduleTranslations.order = append(moduleTranslations.order, key)
		moduleTranslations.byKey[key] = prog
	}
	return moduleTranslations.byKey[key]
}

// cachedModules bounds translatedModule's cache (each entry keeps a File
// alive; the files of a workspace snapshot are alive anyway).
const cachedModules = 128

type moduleKey struct {
	f     *analysis.File
	shown string
}

var moduleTranslations struct {
	sync.Mutex
	byKey map[moduleKey]*loopsim.Program
	order []moduleKey // oldest first
}

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// SnapshotProject is a Project over a parsed snapshot of the project (the
// language server's workspace index, which names modules as `asyncls
// check` does).
func SnapshotProject(p *analysis.Project) Project {
	if p == nil {
		return nil
	}
	return snapshot{p}
}

type snapshot struct{ p *analysis.Project }

func (s snapshot) Module(name string) (*analysis.File, bool) {
	m := s.p.ModuleNamed(name)
	if m == nil || m.File == nil {
		return nil, false
	}
	return m.File, m.IsPackage
}

func (s snapshot) Namespace(name string) bool {
	if s.p.ModuleNamed(name) != nil {
		return false
	}
	prefix := name + "."
	for _, m := range s.p.Modules() {
		for _, n := range append([]string{m.Name}, m.Aliases...) {
			if strings.HasPrefix(n, prefix) {
				return true
			}
		}
	}
	return false
}

func (s snapshot) Naming(path string) (string, bool) {
	if m := s.p.Module(path); m != nil {
		return m.Name, m.IsPackage
	}
	return "", false
}
