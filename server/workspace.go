package server

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"go.lsp.dev/protocol"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// MaxIndexedFiles and MaxIndexedBytes bound the background index so a huge
// monorepo cannot exhaust memory: a module's tree and model take ~30 times
// its source, so 64 MiB of source is ~2 GB at most. Files beyond either
// budget are analysed only when opened.
const (
	MaxIndexedFiles = 20000
	MaxIndexedBytes = 64 << 20
)

// indexBudget counts the files and source bytes the index holds from disk
// (open documents are not counted: the editor chose them).
type indexBudget struct {
	maxFiles int
	maxBytes int64
	bytes    int64
	sizes    map[string]int64 // path -> size of the indexed disk version
}

// admit records path's disk version of size bytes when it fits in the
// budget (replacing its previous version), and reports whether it did.
func (b *indexBudget) admit(path string, size int64) bool {
	old, had := b.sizes[path]
	files := len(b.sizes)
	if !had {
		files++
	}
	if files > b.maxFiles || b.bytes-old+size > b.maxBytes {
		return false
	}
	b.sizes[path] = size
	b.bytes += size - old
	return true
}

// release forgets path's disk version.
func (b *indexBudget) release(path string) {
	b.bytes -= b.sizes[path]
	delete(b.sizes, path)
}

// workspace holds the project index: the current immutable
// analysis.Project snapshot (disk files plus open documents), the layout
// that names modules, and the configuration per directory.
type workspace struct {
	s *Server

	mu        sync.Mutex
	roots     []string
	layout    *analysis.Layout
	layoutGen uint64
	project   *analysis.Project
	indexing  bool
	// updated records, per path, the sequence number of the last change made
	// to its module other than by the index, so an index that read the file
	// earlier does not put back an older version.
	updated map[string]uint64
	seq     uint64
	budget  indexBudget // guarded by mu

	cfgMu     sync.Mutex
	cfgByDir  map[string]*config.Config // directory -> effective configuration
	reported  map[string]bool           // configuration errors already shown
	effective map[*config.Config]*config.Config
}

func newWorkspace(s *Server) *workspace {
	w := &workspace{s: s, updated: map[string]uint64{}}
	w.budget = indexBudget{maxFiles: s.opts.IndexMaxFiles, maxBytes: s.opts.IndexMaxBytes, sizes: map[string]int64{}}
	if w.budget.maxFiles <= 0 {
		w.budget.maxFiles = MaxIndexedFiles
	}
	if w.budget.maxBytes <= 0 {
		w.budget.maxBytes = MaxIndexedBytes
	}
	w.layout = analysis.NewLayout("", nil)
	w.project = analysis.NewProject("", nil)
	w.invalidateConfig()
	return w
}

func (w *workspace) setRoots(roots []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.roots = roots
	root := ""
	if len(roots) > 0 {
		root = roots[0]
		// Modules are named relative to the project's root, as `asyncls
		// check` names them.
		if p := lint.ProjectRoot(root); p != "" {
			root = p
		}
	}
	w.layout = analysis.NewLayout(root, nil)
	w.layoutGen++
	w.project = analysis.NewProject(root, w.project.Modules())
}

func (w *workspace) currentRoots() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string{}, w.roots...)
}

// snapshot returns the current project and layout generation.
func (w *workspace) snapshot() (*analysis.Project, uint64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.project, w.layoutGen
}

// buildModule builds the module of path from f with the current layout.
func (w *workspace) buildModule(f *analysis.File) (*analysis.Module, uint64) {
	w.mu.Lock()
	w.layout.AddPath(f.Path)
	name, isPkg, aliases := w.layout.ModuleName(f.Path)
	gen := w.layoutGen
	w.mu.Unlock()
	m := analysis.BuildModule(f, name, isPkg)
	m.Aliases = aliases
	return m, gen
}

// put replaces path's module in the project when stillCurrent (checked under
// the lock) holds, and returns the resulting snapshot.
func (w *workspace) put(m *analysis.Module, stillCurrent func() bool) *analysis.Project {
	w.mu.Lock()
	defer w.mu.Unlock()
	if stillCurrent() && w.project.Module(m.File.Path) != m {
		w.project = w.project.With(m)
		w.markLocked(m.File.Path)
	}
	return w.project
}

// revert puts the disk version of path back after its document closed
// (or removes it when the file is gone or outside the workspace).
func (w *workspace) revert(path string) {
	inside := w.inside(path)
	var src []byte
	var err error
	if inside {
		src, err = w.read(path)
	}
	w.mu.Lock()
	fits := err == nil && inside && analysis.CheckSource(src) == nil && w.budget.admit(path, int64(len(src)))
	if !fits {
		// Closed, and not (or no longer) part of the index: its module and
		// source are released.
		w.budget.release(path)
		w.project = w.project.Without(path)
		w.markLocked(path)
		w.mu.Unlock()
		return
	}
	w.mu.Unlock()
	m, _ := w.buildModule(analysis.Parse(path, src))
	w.mu.Lock()
	w.project = w.project.With(m)
	w.markLocked(path)
	w.mu.Unlock()
}

// markLocked records a change to path's module (w.mu held).
func (w *workspace) markLocked(path string) {
	w.seq++
	w.updated[path] = w.seq
}

// inside reports whether path, and the file it leads to once symbolic links
// are resolved, are inside a workspace root: a link in the workspace to
// /etc/passwd is not the workspace's to read.
func (w *workspace) inside(path string) bool {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		real = path // a deleted file: its path is all there is
	}
	in := func(p string) bool {
		for _, r := range w.currentRoots() {
			if lint.Within(r, p) {
				return true
			}
			if rr, err := filepath.EvalSymlinks(r); err == nil && lint.Within(rr, p) {
				return true
			}
		}
		return false
	}
	return in(path) && in(real)
}

// read reads a file of the workspace within the configured size limit.
func (w *workspace) read(path string) ([]byte, error) {
	return lint.ReadSource(path, w.configFor(path).MaxBytes())
}

// invalidateConfig forgets cached configurations (pyproject.toml or the
// editor settings changed).
func (w *workspace) invalidateConfig() {
	w.cfgMu.Lock()
	w.cfgByDir = map[string]*config.Config{}
	w.effective = map[*config.Config]*config.Config{}
	w.reported = map[string]bool{}
	w.cfgMu.Unlock()
}

// options returns the rule options for path: the nearest pyproject.toml's
// [tool.asyncls] with the editor settings layered on top. A bad
// configuration is shown to the user once and replaced by the defaults.
func (w *workspace) options(path string) *rules.Options {
	return w.configFor(path).Options(path)
}

func (w *workspace) configFor(path string) *config.Config {
	dir := filepath.Dir(path)
	w.cfgMu.Lock()
	defer w.cfgMu.Unlock()
	if c, ok := w.cfgByDir[dir]; ok {
		return c
	}
	base, err := config.Load(dir)
	if err != nil {
		w.reportOnce(fmt.Sprintf("asyncls: %v; using the default configuration until it is fixed", err))
		base = config.Default()
	}
	eff, ok := w.effective[base]
	if !ok {
		settings := w.s.currentSettings()
		eff, err = settings.Apply(base)
		if err != nil {
			w.reportOnce(fmt.Sprintf("asyncls: editor settings: %v; using pyproject.toml alone", err))
			eff = base
		}
		w.effective[base] = eff
	}
	w.cfgByDir[dir] = eff
	return eff
}

// reportOnce shows a configuration problem once per distinct message
// (called with cfgMu held; the message goes out asynchronously).
func (w *workspace) reportOnce(msg string) {
	if w.reported[msg] {
		return
	}
	w.reported[msg] = true
	w.s.goSafe("show message", func() { w.s.showMessage(protocol.MessageTypeError, "%s", msg) })
}

// index parses the Python files under roots in the background, reporting
// $/progress when the client supports it, then re-analyses open documents
// so cross-file rules see the whole workspace.
func (w *workspace) index(roots []string) {
	if len(roots) == 0 {
		return
	}
	w.mu.Lock()
	if w.indexing {
		w.mu.Unlock()
		return
	}
	w.indexing = true
	w.mu.Unlock()
	defer func() {
		w.mu.Lock()
		w.indexing = false
		w.mu.Unlock()
	}()

	progress := w.s.startProgress("asyncls: indexing the workspace")
	var files []string
	for _, root := range roots {
		// The walk `asyncls check` makes (excludes, .gitignore, links
		// followed once inside the root), from a linked root too.
		found, errs := lint.WalkFiles(root, func(dir string) *config.Config {
			return w.configFor(filepath.Join(dir, "__init__.py"))
		}, MaxIndexedFiles)
		for _, e := range errs {
			w.s.log.debugf("index: %v", e)
		}
		files = append(files, found...)
	}
	sort.Strings(files)
	w.mu.Lock()
	// Every file names packages, including those beyond the budget.
	for _, f := range files {
		w.layout.AddPath(f)
	}
	w.layoutGen++
	startSeq := w.seq
	w.mu.Unlock()
	files = w.withinBudget(files)

	// Open documents are analysed from the editor's buffers: skip them.
	open := w.s.openPaths()
	modules := make([]*analysis.Module, len(files))
	var done int64
	var doneMu sync.Mutex
	jobs := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if w.s.ctx.Err() != nil || open[files[i]] {
					continue
				}
				modules[i] = w.readModule(files[i])
				doneMu.Lock()
				done++
				n := done
				doneMu.Unlock()
				if n%50 == 0 {
					progress.report(fmt.Sprintf("%d/%d files", n, len(files)), uint32(n*100/int64(len(files))))
				}
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()

	open = w.s.openPaths()
	var add []*analysis.Module
	for _, m := range modules {
		if m != nil && !open[m.File.Path] {
			add = append(add, m)
		}
	}
	w.mu.Lock()
	var fresh []*analysis.Module
	for _, m := range add {
		// Sizes are admitted again as read: a file may have grown since.
		if w.updated[m.File.Path] <= startSeq && w.budget.admit(m.File.Path, int64(len(m.File.Src))) {
			fresh = append(fresh, m)
		}
	}
	w.project = w.project.With(fresh...)
	w.mu.Unlock()
	progress.end(fmt.Sprintf("indexed %d files", len(add)))
	w.s.log.infof("indexed %d Python files under %v", len(add), roots)
	w.s.reanalyseAll()
}

// withinBudget returns the first files (in order) that fit in the index's
// budget of files and bytes, as the file system reports their sizes, and
// logs what it leaves out.
func (w *workspace) withinBudget(files []string) []string {
	w.mu.Lock()
	maxFiles, maxBytes, used := w.budget.maxFiles-len(w.budget.sizes), w.budget.maxBytes-w.budget.bytes, int64(0)
	w.mu.Unlock()
	open := w.s.openPaths()
	var out []string
	counted := 0
	for _, f := range files {
		if open[f] {
			continue // analysed from the editor's buffer, outside the budget
		}
		info, err := os.Stat(f)
		if err != nil {
			continue
		}
		if counted >= maxFiles || used+info.Size() > maxBytes {
			w.s.log.warnf("the workspace has %d Python files; indexing %d within the budget of %d files and %d MiB of source (cross-file findings may miss the rest; they are analysed when opened)",
				len(files), counted, w.budget.maxFiles, w.budget.maxBytes>>20)
			return out
		}
		used += info.Size()
		counted++
		out = append(out, f)
	}
	return out
}

// readModule reads and builds one file from disk (nil when unreadable).
func (w *workspace) readModule(path string) (m *analysis.Module) {
	defer func() {
		if r := recover(); r != nil {
			w.s.log.errorf("internal error indexing %s: %v", path, r)
			m = nil
		}
	}()
	src, err := w.read(path)
	if err != nil {
		if _, skipped := err.(*lint.Warning); skipped {
			w.s.log.warnf("index: %v", err) // a file over max-file-size: said, not silently missing
		} else {
			w.s.log.debugf("index: %v", err)
		}
		return nil
	}
	if err := analysis.CheckSource(src); err != nil {
		w.s.log.debugf("index: %s: %v", path, err)
		return nil
	}
	mod, _ := w.buildModule(analysis.Parse(path, src))
	return mod
}

// DidChangeWatchedFiles updates the index from disk and re-analyses the
// open documents that depend on what changed.
func (s *Server) DidChangeWatchedFiles(ctx context.Context, params *protocol.DidChangeWatchedFilesParams) error {
	type change struct {
		path    string
		deleted bool
	}
	var changes []change
	for _, ev := range params.Changes {
		if p, ok := uriPath(ev.URI); ok {
			changes = append(changes, change{p, ev.Type == protocol.FileChangeTypeDeleted})
		}
	}
	s.goSafe("watched files", func() {
		configChanged := false
		affected := map[*document]bool{}
		for _, c := range changes {
			if filepath.Base(c.path) == "pyproject.toml" {
				configChanged = true
				continue
			}
			if ext := filepath.Ext(c.path); ext != ".py" && ext != ".pyi" {
				continue
			}
			if s.isOpen(c.path) {
				continue // the editor's buffer wins over the disk
			}
			w := s.ws
			if c.deleted {
				// Dependents are found while the module is still there.
				project, _ := w.snapshot()
				for _, d := range s.affectedBy(project, c.path, project.Module(c.path), nil) {
					affected[d] = true
				}
				w.mu.Lock()
				w.budget.release(c.path)
				w.project = w.project.Without(c.path)
				w.markLocked(c.path)
				w.mu.Unlock()
				continue
			}
			if !w.inside(c.path) {
				continue
			}
			if m := w.readModule(c.path); m != nil {
				w.mu.Lock()
				if !w.budget.admit(c.path, int64(len(m.File.Src))) {
					w.mu.Unlock()
					s.log.debugf("%s is beyond the index budget: analysed when opened", c.path)
					continue
				}
				before := w.project.Module(c.path)
				w.project = w.project.With(m)
				project := w.project
				w.markLocked(c.path)
				w.mu.Unlock()
				for _, d := range s.affectedBy(project, c.path, before, m) {
					affected[d] = true
				}
			}
		}
		if configChanged {
			s.log.infof("pyproject.toml changed: reloading the configuration")
			s.ws.invalidateConfig()
			s.reanalyseAll()
			return
		}
		for d := range affected {
			s.schedule(d, 0, false)
		}
		if len(affected) > 0 {
			s.refreshPulled()
		}
	})
	return nil
}

// DidChangeWorkspaceFolders indexes added folders.
func (s *Server) DidChangeWorkspaceFolders(ctx context.Context, params *protocol.DidChangeWorkspaceFoldersParams) error {
	roots := s.ws.currentRoots()
	removed := map[string]bool{}
	for _, f := range params.Event.Removed {
		if p, ok := uriPath(f.URI); ok {
			removed[p] = true
		}
	}
	var kept []string
	for _, r := range roots {
		if !removed[r] {
			kept = append(kept, r)
		}
	}
	var added []string
	for _, f := range params.Event.Added {
		if p, ok := uriPath(f.URI); ok {
			added = append(added, p)
		}
	}
	s.ws.mu.Lock()
	s.ws.roots = append(kept, added...)
	s.ws.mu.Unlock()
	if len(added) > 0 {
		s.goSafe("index folders", func() { s.ws.index(added) })
	}
	return nil
}
