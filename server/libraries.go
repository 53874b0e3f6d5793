package server

import (
	"path/filepath"
	"sync"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/sitepkgs"
)

// projectLibraries is a project's analysis.LibrarySource in the server: the
// environment `asyncls check` reads for the same root (sitepkgs.Find with
// the root's configuration), found when a library module is first asked
// for and again whenever that configuration changes (an edit of
// pyproject.toml, of the editor settings). The environment is not watched:
// a library module once read is kept for the session's environment
// (sitepkgs parses each file once per path and stamp); a package installed
// or upgraded later is seen after the configuration changes, the project
// is re-indexed (a project marker appears or goes) or the server restarts.
type projectLibraries struct {
	w    *workspace
	root string

	mu    sync.Mutex
	found bool
	gen   uint64         // workspace.cfgGen when env was found
	cfg   *config.Config // the configuration env was found with
	env   *sitepkgs.Env
	err   string // the last problem reported
}

func (l *projectLibraries) current() *sitepkgs.Env {
	gen := l.w.cfgGen.Load()
	l.mu.Lock()
	if l.found && gen == l.gen {
		env := l.env
		l.mu.Unlock()
		return env
	}
	l.mu.Unlock()
	cfg := l.w.configFor(filepath.Join(l.root, "__init__.py"))
	l.mu.Lock()
	defer l.mu.Unlock()
	l.found, l.gen = true, gen
	if cfg != l.cfg || l.cfg == nil {
		env, err := sitepkgs.Find(l.root, cfg)
		l.cfg, l.env = cfg, env
		if err != nil && err.Error() != l.err {
			l.err = err.Error()
			l.w.s.log.errorf("asyncls: %v; the installed libraries are not read", err)
		}
	}
	return l.env
}

// LibraryModule implements analysis.LibrarySource.
func (l *projectLibraries) LibraryModule(name string) *analysis.Module {
	return l.current().LibraryModule(name)
}
