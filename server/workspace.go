package server

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

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

// workspace holds the index of the projects of the workspace: for each
// project (its root found as `asyncls check` finds it, lint.ProjectRoot),
// the layout that names its modules and its current immutable
// analysis.Project snapshot (disk files plus open documents); and the
// configuration per directory.
type workspace struct {
	s *Server

	mu      sync.Mutex
	folders []string // the workspace folders
	// readable is the folders and the project roots above them: a project
	// is read whole, as `asyncls check` reads it, even where it extends
	// above the folder opened.
	readable []string
	// adopted holds the roots of projects read because a document outside
	// every workspace folder is open in them (adoptProjectOf).
	adopted   map[string]bool
	projects  map[string]*projectIndex // project root -> its index
	layoutGen uint64                   // bumped when any layout changes: modules are renamed
	indexing  bool
	// pendingIndex is the folders to index once the index running is done.
	pendingIndex []string
	// updated records, per path, the sequence number of the last change made
	// to its module other than by the index, so an index that read the file
	// earlier does not put back an older version.
	updated map[string]uint64
	seq     uint64
	// projectGen counts the changes of the projects' snapshots.
	projectGen uint64
	budget     indexBudget // guarded by mu

	rootMu    sync.Mutex
	rootByDir map[string]string // directory -> root of the project of its files

	cfgMu sync.Mutex
	// cfgGen counts the invalidations of the configurations: a project's
	// libraries (projectLibraries) look their environment up again when it
	// moves.
	cfgGen       atomic.Uint64
	cfgByDir     map[string]*config.Config  // directory -> effective configuration
	reported     map[string]map[string]bool // configuration file -> problems already shown
	saidExcluded sync.Map                   // paths whose exclusion the log named
	exclusions   exclusionCache
	effective    map[effectiveKey]*config.Config // a file's configuration with a folder's settings over it

	configEvents configEvents

	// questions: the project-wide questions the projects' snapshots were
	// asked (affectedBy).
	questions askedQuestions
}

// projectIndex is one project of the workspace.
type projectIndex struct {
	layout  *analysis.Layout
	project *analysis.Project
}

func newWorkspace(s *Server) *workspace {
	w := &workspace{s: s, updated: map[string]uint64{}, projects: map[string]*projectIndex{}, rootByDir: map[string]string{}, adopted: map[string]bool{}}
	w.budget = indexBudget{maxFiles: s.opts.IndexMaxFiles, maxBytes: s.opts.IndexMaxBytes, sizes: map[string]int64{}}
	if w.budget.maxFiles <= 0 {
		w.budget.maxFiles = MaxIndexedFiles
	}
	if w.budget.maxBytes <= 0 {
		w.budget.maxBytes = MaxIndexedBytes
	}
	w.invalidateConfig()
	return w
}

// setFolders records the workspace folders, and the project roots above
// them (where the server may read too, as it may in adopted projects).
func (w *workspace) setFolders(folders []string) {
	readable := append([]string{}, folders...)
	for _, f := range folders {
		if r := lint.ProjectRoot(f); r != "" && r != f {
			readable = append(readable, r)
		}
	}
	w.mu.Lock()
	for root := range w.adopted {
		readable = append(readable, root)
	}
	w.folders = folders
	w.readable = readable
	w.mu.Unlock()
	w.forgetRoots()
}

// adoptProjectOf reads the project of a document opened outside every
// project the folders' index reads, as gopls makes a view for the module of
// such a file (outside the folders, or in a project of its own beside a
// folder in the repository holding it, which the folder's index skips):
// the project whose root `asyncls check FILE` finds (the nearest directory
// holding a project marker) is indexed as a folder's is, so the document
// gets the findings check reports for it. A document under no marker is
// analysed alone: its directory (a downloads folder, /tmp) is not read.
// The project is forgotten when its last open document closes
// (releaseUnusedProjects).
//
// view is the workspace folders, and the directories readable for them,
// when the document was opened: the
// search for the root runs in the background, and a folder removed in the
// meantime must not decide differently than the order of the client's
// messages says (a document opened inside a folder stays the folder's; when
// the folder goes, its files leave the index, as DidChangeWorkspaceFolders
// says, whenever this step runs).
func (w *workspace) adoptProjectOf(path string, view folderView) {
	if !filepath.IsAbs(path) {
		return
	}
	root := lint.ProjectRoot(filepath.Dir(path))
	if root == "" || withinAny(view.readable, path) && w.foldersIndex(root, view.folders) {
		return
	}
	w.mu.Lock()
	if w.adopted[root] {
		w.mu.Unlock()
		return
	}
	w.adopted[root] = true
	w.readable = append(w.readable, root)
	w.mu.Unlock()
	w.s.log.infof("%s is outside the workspace folders: reading its project %s while a document of it is open", path, root)
	w.index([]string{root})
}

// foldersIndex reports whether index reads the project rooted at root for
// the given workspace folders: a folder's own project (its root may be above
// it), or one nested in a folder.
func (w *workspace) foldersIndex(root string, folders []string) bool {
	for _, f := range folders {
		if lint.Within(f, root) || w.rootOf(filepath.Join(f, "__init__.py")) == root {
			return true
		}
	}
	return false
}

// releaseUnusedProjects forgets the adopted projects in which no document
// is open any more: their files leave the index and may not be read.
func (w *workspace) releaseUnusedProjects() {
	open := w.s.openPaths()
	w.mu.Lock()
	var released []string
	for root := range w.adopted {
		used := false
		for p := range open {
			if lint.Within(root, p) {
				used = true
				break
			}
		}
		if !used {
			delete(w.adopted, root)
			released = append(released, root)
		}
	}
	folders := append([]string{}, w.folders...)
	w.mu.Unlock()
	if len(released) == 0 {
		return
	}
	sort.Strings(released)
	w.s.log.infof("no document of %s is open: forgetting its project", strings.Join(released, ", "))
	w.setFolders(folders)
	w.forgetOutside(released...)
	// A document of a released project opened again meanwhile adopted it
	// anew, and its index may have run before forgetOutside dropped files
	// of it (a file dropped after an index started is not put back by that
	// index): read such a project once more.
	w.mu.Lock()
	var again []string
	for _, root := range released {
		if w.adopted[root] {
			again = append(again, root)
		}
	}
	w.mu.Unlock()
	w.s.log.infof("released the project(s) %s (opened again: %v)", strings.Join(released, ", "), again)
	w.index(again)
}

func (w *workspace) currentRoots() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string{}, w.folders...)
}

// forgetRoots forgets the project roots found so far (a project marker
// appeared or disappeared, or the folders changed).
func (w *workspace) forgetRoots() {
	w.rootMu.Lock()
	w.rootByDir = map[string]string{}
	w.rootMu.Unlock()
	w.exclusions.invalidate() // excludes count from a project's root
}

// rootOf returns the root of the project path belongs to, as `asyncls
// check` finds it: the nearest directory above holding a project marker
// (lint.ProjectRoot), else the innermost workspace folder holding the file
// (check's "directory named"), else the file's own directory. A document
// that is not a file (untitled) is a project of its own, "".
func (w *workspace) rootOf(path string) string {
	if !filepath.IsAbs(path) {
		return ""
	}
	dir := filepath.Dir(path)
	w.rootMu.Lock()
	r, ok := w.rootByDir[dir]
	w.rootMu.Unlock()
	if ok {
		return r
	}
	r = lint.ProjectRoot(dir)
	if r == "" {
		r = dir
		best := ""
		for _, f := range w.currentRoots() {
			if lint.Within(f, dir) && len(f) > len(best) {
				best = f
			}
		}
		if best != "" {
			r = best
		}
	}
	w.rootMu.Lock()
	w.rootByDir[dir] = r
	w.rootMu.Unlock()
	return r
}

// projectLocked returns the index of the project rooted at root, creating
// it (w.mu held).
func (w *workspace) projectLocked(root string) *projectIndex {
	p := w.projects[root]
	if p == nil {
		project := analysis.NewProject(root, nil)
		project.SetLibraries(&projectLibraries{w: w, root: root})
		p = &projectIndex{layout: analysis.NewLayout(root, nil), project: w.questions.record(project)}
		w.projects[root] = p
	}
	return p
}

// snapshot returns the current project of path and the layout generation.
func (w *workspace) snapshot(path string) (*analysis.Project, uint64) {
	root := w.rootOf(path)
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.projectLocked(root).project, w.layoutGen
}

// hintSnapshot returns the project of path, for the simulator behind a
// hover to follow imports into, and a number that changes whenever a
// module of a project of the workspace does (hover estimates are kept per
// number: an edit of an imported module makes them again).
func (w *workspace) hintSnapshot(path string) (*analysis.Project, uint64) {
	root := w.rootOf(path)
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.projectLocked(root).project, w.projectGen
}

// generation returns the layout generation: modules built in an older one
// may be misnamed.
func (w *workspace) generation() uint64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.layoutGen
}

// buildModule builds the module of path from f with its project's layout.
func (w *workspace) buildModule(f *analysis.File) (*analysis.Module, uint64) {
	root := w.rootOf(f.Path)
	w.mu.Lock()
	p := w.projectLocked(root)
	p.layout.AddPath(f.Path)
	naming := p.layout.Naming(f.Path)
	gen := w.layoutGen
	w.mu.Unlock()
	return analysis.BuildModuleNamed(f, naming), gen
}

// renames reports whether path appearing or disappearing renames other
// modules of its project (analysis.Layout.Renames).
func (w *workspace) renames(path string) bool {
	root := w.rootOf(path)
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.projectLocked(root).layout.Renames(path)
}

// put replaces path's module in its project when stillCurrent (checked
// under the lock) holds, and returns the resulting snapshot of the project,
// also storing it in seen (when not nil) under the lock: a cascade that
// starts after another module's put then sees every analysis that took a
// project without it (Server.dependentsOf).
func (w *workspace) put(m *analysis.Module, stillCurrent func() bool, seen *atomic.Pointer[analysis.Project]) *analysis.Project {
	root := w.rootOf(m.File.Path)
	w.mu.Lock()
	defer w.mu.Unlock()
	p := w.projectLocked(root)
	if stillCurrent() && p.project.Module(m.File.Path) != m {
		p.project = w.questions.record(p.project.With(m))
		w.projectGen++
		w.markLocked(m.File.Path)
	}
	if seen != nil {
		seen.Store(p.project)
	}
	return p.project
}

// set puts m into its project unconditionally.
func (w *workspace) set(m *analysis.Module) {
	root := w.rootOf(m.File.Path)
	w.mu.Lock()
	p := w.projectLocked(root)
	p.project = w.questions.record(p.project.With(m))
	w.projectGen++
	w.markLocked(m.File.Path)
	w.mu.Unlock()
}

// renewSnapshots gives every project a new snapshot of the same modules,
// which reads again what a snapshot reads from disk once besides them (the
// dependency declarations).
func (w *workspace) renewSnapshots() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, p := range w.projects {
		p.project = w.questions.record(p.project.With())
	}
	w.projectGen++
}

// drop removes path's module from its project and the index budget.
// (Every project is searched: the roots may have changed since it was put.)
func (w *workspace) drop(path string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.budget.release(path)
	for _, p := range w.projects {
		if p.project.Module(path) != nil {
			p.project = w.questions.record(p.project.Without(path))
			w.projectGen++
		}
	}
	w.markLocked(path)
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
	w.mu.Unlock()
	if !fits {
		// Closed, and not (or no longer) part of the index: its module and
		// source are released.
		w.drop(path)
		return
	}
	m, _ := w.buildModule(analysis.Parse(path, src))
	w.set(m)
}

// markLocked records a change to path's module (w.mu held).
func (w *workspace) markLocked(path string) {
	w.seq++
	w.updated[path] = w.seq
}

// inside reports whether path, and the file it leads to once symbolic links
// are resolved, are inside a workspace folder or the project holding one: a
// link in the workspace to /etc/passwd is not the workspace's to read.
func (w *workspace) inside(path string) bool {
	return withinAny(w.view().readable, path)
}

// read reads a file of the workspace within the configured size limit.
func (w *workspace) read(path string) ([]byte, error) {
	src, err := lint.ReadSource(path, w.configFor(path).MaxBytes())
	// A file in a PEP 263 declared encoding is analysed as UTF-8 text.
	return analysis.DecodeSource(src), err
}

// invalidateConfig forgets every cached configuration (the editor
// settings changed, or the projects did).
func (w *workspace) invalidateConfig() {
	w.cfgMu.Lock()
	w.cfgByDir = map[string]*config.Config{}
	w.effective = map[effectiveKey]*config.Config{}
	w.reported = map[string]map[string]bool{}
	w.cfgGen.Add(1)
	w.cfgMu.Unlock()
	w.exclusions.invalidate()
}

// invalidateConfigOf forgets the configuration read from the pyproject.toml
// at file (changed on disk), and its problems already shown, so the next
// analysis of a file below it reads and reports it again; and which files
// are excluded (file may be a .gitignore).
func (w *workspace) invalidateConfigOf(file string) {
	dir := configScope(file)
	w.cfgMu.Lock()
	w.cfgGen.Add(1)
	for d := range w.cfgByDir {
		if lint.Within(dir, d) {
			delete(w.cfgByDir, d)
		}
	}
	for key := range w.effective {
		if key.base.Path == file || key.base.Path == "" {
			delete(w.effective, key)
		}
	}
	delete(w.reported, file)
	w.cfgMu.Unlock()
	// After the configurations: an exclusion computed in between would
	// otherwise read the old exclude settings and be kept as new.
	w.exclusions.invalidate()
}

// effectiveKey identifies a configuration with editor settings over it.
type effectiveKey struct {
	base     *config.Config
	settings string // settingsKey
}

// settingsKey is a comparable form of the settings that layer over a file's
// configuration.
func settingsKey(s Settings) string {
	data, _ := json.Marshal(struct {
		Select, ExtendSelect, Ignore []string
		Latency                      map[string]string
	}{s.Select, s.ExtendSelect, s.Ignore, s.Latency})
	return string(data)
}

// options returns the rule options for path: the nearest pyproject.toml's
// [tool.asyncls] with the editor settings layered on top. A bad
// configuration is shown to the user once and replaced by the defaults.
func (w *workspace) options(path string) *rules.Options {
	return w.configFor(path).Options(path)
}

// exclusionCache remembers lint.Excluded's answer per path while the
// client watches what it depends on (.gitignore files, configuration and
// project markers: watchedGlobs), so an analysis reads no file for it; a
// change of those clears it (invalidate). Without watching, nothing is
// kept: every analysis asks the disk.
type exclusionCache struct {
	mu     sync.Mutex
	on     bool
	gen    uint64 // bumped by invalidate: an answer read before is not kept
	byPath map[string]bool
}

// enable starts keeping answers (the client watches the files they depend on).
func (c *exclusionCache) enable() {
	c.mu.Lock()
	c.on = true
	c.mu.Unlock()
}

// invalidate forgets every answer.
func (c *exclusionCache) invalidate() {
	c.mu.Lock()
	c.gen++
	c.byPath = nil
	c.mu.Unlock()
}

// get returns the answer for path, computing it with compute unless kept.
// The first answer kept since the last invalidate stays: a computation
// that missed it and finished later (two analyses of a document at once,
// the later one reading an ignore file changed meanwhile but not yet told)
// returns the kept answer instead of replacing it, so that every analysis
// until the next invalidate gets the same one. Replacing it made a change
// of .gitignore count before it was told, seen under load
// (TestGitignoreChangeWatched; TestExclusionCacheKeepsFirstAnswer).
func (c *exclusionCache) get(path string, compute func() bool) bool {
	c.mu.Lock()
	on, gen := c.on, c.gen
	v, ok := c.byPath[path]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = compute()
	if on {
		c.mu.Lock()
		if c.gen == gen {
			if kept, ok := c.byPath[path]; ok {
				v = kept
			} else {
				if c.byPath == nil {
					c.byPath = map[string]bool{}
				}
				c.byPath[path] = v
			}
		}
		c.mu.Unlock()
	}
	return v
}

// excluded reports whether `asyncls check .` of path's project skips the
// file (lint.Excluded), saying so in the log the first time.
func (w *workspace) excluded(path string) bool {
	if !filepath.IsAbs(path) {
		return false
	}
	configFor := func(dir string) *config.Config { return w.configFor(filepath.Join(dir, "__init__.py")) }
	if !w.exclusions.get(path, func() bool { return lint.Excluded(path, w.rootOf(path), configFor) }) {
		return false
	}
	if _, said := w.saidExcluded.LoadOrStore(path, true); !said {
		w.s.log.infof("%s is excluded (exclude, extend-exclude, the default excludes or .gitignore): no findings, as `asyncls check .` reports none", path)
	}
	return true
}

// configFor resolves the configuration of path as `asyncls check` does (the
// nearest pyproject.toml with a [tool.asyncls] table, config.Load) with the
// editor settings over it. Problems are shown once per change of the file
// that has them, as ruff's server does (window/showMessage and the log):
// an invalid file is replaced by the defaults for the files it configures,
// settings that have no effect (another linter's codes) are warned about.
func (w *workspace) configFor(path string) *config.Config {
	dir := filepath.Dir(path)
	w.cfgMu.Lock()
	defer w.cfgMu.Unlock()
	if c, ok := w.cfgByDir[dir]; ok {
		return c
	}
	base, err := config.Load(dir)
	if err != nil {
		file := config.Find(dir)
		w.reportOnce(file, protocol.MessageTypeError, fmt.Sprintf("asyncls: %v; the files below %s are analysed with the default configuration until it is fixed", err, filepath.Dir(file)))
		base = config.Default()
	} else {
		for _, msg := range base.Warnings() {
			w.reportOnce(base.Path, protocol.MessageTypeWarning, fmt.Sprintf("asyncls: %s: [tool.asyncls] %s", base.Path, msg))
		}
	}
	// The editor settings of the file's folder (a multi-root workspace may
	// configure each folder apart) layer over the file.
	settings := w.s.settingsFor(path)
	key := effectiveKey{base, settingsKey(settings)}
	eff, ok := w.effective[key]
	if !ok {
		eff, err = settings.Apply(base)
		if err != nil {
			w.reportOnce("", protocol.MessageTypeError, fmt.Sprintf("asyncls: editor settings: %v; using pyproject.toml alone", err))
			eff = base
		}
		for _, msg := range settings.Warnings() {
			w.reportOnce("", protocol.MessageTypeWarning, "asyncls: editor settings: "+msg)
		}
		w.effective[key] = eff
	}
	w.cfgByDir[dir] = eff
	return eff
}

// reportOnce shows a configuration problem of file ("" for the editor
// settings) once until that file changes (called with cfgMu held; the
// message goes out asynchronously).
func (w *workspace) reportOnce(file string, kind protocol.MessageType, msg string) {
	if w.reported[file] == nil {
		w.reported[file] = map[string]bool{}
	}
	if w.reported[file][msg] {
		return
	}
	w.reported[file][msg] = true
	w.s.goSafe("show message", func() { w.s.showMessage(kind, "%s", msg) })
}

// index parses the Python files of the projects of folders in the
// background, reporting $/progress when the client supports it, then
// re-analyses open documents so cross-file rules see the whole workspace.
// Each project is read as `asyncls check` reads it (lint.ProjectFiles from
// its root, which may be above the folder), the folders' own files first
// within the index's budget.
func (w *workspace) index(folders []string) {
	if len(folders) == 0 {
		return
	}
	w.mu.Lock()
	if w.indexing {
		// The index running indexes these too once it is done.
		w.pendingIndex = append(w.pendingIndex, folders...)
		w.mu.Unlock()
		return
	}
	w.indexing = true
	w.mu.Unlock()
	defer func() {
		w.mu.Lock()
		w.indexing = false
		pending := w.pendingIndex
		w.pendingIndex = nil
		w.mu.Unlock()
		if len(pending) > 0 && w.s.ctx.Err() == nil {
			w.index(pending)
		}
	}()

	progress := w.s.startProgress("asyncls: indexing the workspace")
	configFor := func(dir string) *config.Config {
		return w.configFor(filepath.Join(dir, "__init__.py"))
	}
	inFolders := func(path string) bool {
		for _, f := range folders {
			if lint.Within(f, path) {
				return true
			}
		}
		return false
	}
	// The projects: each folder's own (its root may be above it), and
	// those nested in it, found by the walks of the projects holding them.
	var files []string
	seen := map[string]bool{}
	queue := []string{}
	queued := map[string]bool{}
	for _, folder := range folders {
		if root := w.rootOf(filepath.Join(folder, "__init__.py")); !queued[root] {
			queued[root] = true
			queue = append(queue, root)
		}
	}
	for len(queue) > 0 {
		root := queue[0]
		queue = queue[1:]
		found, nested, errs := lint.ProjectFiles(root, configFor)
		for _, e := range errs {
			w.s.log.debugf("index: %v", e)
		}
		for _, f := range found {
			if !seen[f] && w.rootOf(f) == root {
				seen[f] = true
				files = append(files, f)
			}
		}
		for _, n := range nested {
			// Nested projects outside the folders (beside a folder in the
			// repository holding it) are not the workspace's.
			if !queued[n] && inFolders(n) {
				queued[n] = true
				queue = append(queue, n)
			}
		}
	}
	sort.Slice(files, func(i, j int) bool {
		if a, b := inFolders(files[i]), inFolders(files[j]); a != b {
			return a
		}
		return files[i] < files[j]
	})
	rootOf := make(map[string]string, len(files))
	for _, f := range files {
		rootOf[f] = w.rootOf(f)
	}
	w.mu.Lock()
	// Every file names packages, including those beyond the budget.
	for _, f := range files {
		w.projectLocked(rootOf[f]).layout.AddPath(f)
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
	// A project released while it was read (its last document closed, a
	// folder removed) is not put back.
	readable := func(path string) bool {
		for _, r := range w.readable {
			if lint.Within(r, path) {
				return true
			}
		}
		return false
	}
	fresh := map[string][]*analysis.Module{}
	for _, m := range add {
		// Sizes are admitted again as read: a file may have grown since.
		if w.updated[m.File.Path] <= startSeq && readable(m.File.Path) && w.budget.admit(m.File.Path, int64(len(m.File.Src))) {
			root := rootOf[m.File.Path]
			fresh[root] = append(fresh[root], m)
		}
	}
	for root, mods := range fresh {
		p := w.projectLocked(root)
		p.project = w.questions.record(p.project.With(mods...))
		w.projectGen++
	}
	w.mu.Unlock()
	progress.end(fmt.Sprintf("indexed %d files", len(add)))
	w.s.log.infof("indexed %d Python files of %d project(s) under %v", len(add), len(fresh), folders)
	w.s.reanalyseAll()
}

// reindex forgets the projects and indexes the folders again: a project
// marker appeared or disappeared, so files may belong to other projects.
func (w *workspace) reindex() {
	w.forgetRoots()
	w.mu.Lock()
	w.projects = map[string]*projectIndex{}
	w.budget.sizes = map[string]int64{}
	w.budget.bytes = 0
	w.layoutGen++
	folders := append([]string{}, w.folders...)
	w.adopted = map[string]bool{} // the open documents' projects may have other roots now
	w.mu.Unlock()
	w.setFolders(folders)
	w.invalidateConfig()
	w.index(folders)
	view := w.view()
	for path := range w.s.openPaths() {
		w.adoptProjectOf(path, view)
	}
}

// folderView is the workspace folders and the directories the server may
// read for them (the folders, the project roots above them, the adopted
// projects' roots) at one moment.
type folderView struct{ folders, readable []string }

// view returns the folders and readable directories now.
func (w *workspace) view() folderView {
	w.mu.Lock()
	defer w.mu.Unlock()
	return folderView{append([]string{}, w.folders...), append([]string{}, w.readable...)}
}

// withinAny reports whether path (and the file it links to) lies in one of
// dirs (or a directory one of them links to), as inside asks of the
// readable roots.
func withinAny(dirs []string, path string) bool {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		real = path
	}
	in := func(p string) bool {
		for _, r := range dirs {
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

// refreshProjects brings the index of the projects rooted at roots up to
// date with their files as a walk finds them now (a changed configuration
// may exclude or include other files): files no longer found leave it,
// unless open; files found anew are read, within the budget. It returns
// whether anything changed.
func (w *workspace) refreshProjects(roots []string) bool {
	configFor := func(dir string) *config.Config {
		return w.configFor(filepath.Join(dir, "__init__.py"))
	}
	open := w.s.openPaths()
	changed := false
	for _, root := range roots {
		found, _, _ := lint.ProjectFiles(root, configFor)
		want := map[string]bool{}
		for _, f := range found {
			if w.rootOf(f) == root {
				want[f] = true
			}
		}
		w.mu.Lock()
		p := w.projectLocked(root)
		var gone []string
		for _, m := range p.project.Modules() {
			if path := m.File.Path; !want[path] && !open[path] {
				gone = append(gone, path)
			}
			delete(want, m.File.Path)
		}
		w.mu.Unlock()
		for _, path := range gone {
			w.drop(path)
			changed = true
		}
		var added []string
		for f := range want {
			if !open[f] {
				added = append(added, f)
			}
		}
		sort.Strings(added)
		for _, f := range w.withinBudget(added) {
			m := w.readModule(f)
			if m == nil {
				continue
			}
			w.mu.Lock()
			fits := w.budget.admit(f, int64(len(m.File.Src)))
			w.mu.Unlock()
			if fits {
				w.set(m)
				changed = true
			}
		}
	}
	return changed
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

// isProjectMarker reports whether a file of that name makes its directory a
// project root (lint.ProjectMarkers).
func isProjectMarker(path string) bool {
	base := filepath.Base(path)
	for _, m := range lint.ProjectMarkers {
		if base == m {
			return true
		}
	}
	return false
}

// isIgnoreFile reports whether path is a file of git's ignore rules that a
// walk reads (internal/gitignore): a .gitignore, or a repository's
// .git/info/exclude.
func isIgnoreFile(path string) bool {
	return filepath.Base(path) == ".gitignore" ||
		filepath.Base(path) == "exclude" && filepath.Base(filepath.Dir(path)) == "info" && filepath.Base(filepath.Dir(filepath.Dir(path))) == ".git"
}

// configScope returns the directory below which the configuration or
// ignore file at path applies: its own, or for .git/info/exclude the
// repository's.
func configScope(path string) string {
	if isIgnoreFile(path) && filepath.Base(path) == "exclude" {
		return filepath.Dir(filepath.Dir(filepath.Dir(path)))
	}
	return filepath.Dir(path)
}

// DidChangeWatchedFiles updates the index from disk and re-analyses the
// open documents that depend on what changed. Changes of pyproject.toml
// (and project markers appearing or disappearing) are collected and applied
// together once a burst of them is over (configChanged).
func (s *Server) DidChangeWatchedFiles(ctx context.Context, params *protocol.DidChangeWatchedFilesParams) error {
	type change struct {
		path    string
		deleted bool
	}
	var changes []change
	var declarations []string
	for _, ev := range params.Changes {
		p, ok := uriPath(ev.URI)
		if !ok {
			continue
		}
		if analysis.IsDeclarationFile(p) {
			declarations = append(declarations, p)
		}
		if isProjectMarker(p) && ev.Type != protocol.FileChangeTypeChanged {
			// Files may now belong to another project.
			s.configChanged("", true)
		}
		if filepath.Base(p) == "pyproject.toml" || isIgnoreFile(p) {
			s.configChanged(p, false)
			continue
		}
		if ev.Type != protocol.FileChangeTypeChanged && filepath.Ext(p) == ".py" && s.ws.renames(p) {
			// Other modules' names change (a new package, another copy of
			// one): index the projects again.
			s.configChanged("", true)
		}
		changes = append(changes, change{p, ev.Type == protocol.FileChangeTypeDeleted})
	}
	if len(declarations) > 0 {
		s.goSafe("dependency declarations changed", func() { s.declarationsChanged(declarations) })
	}
	if len(changes) == 0 {
		return nil
	}
	s.goSafe("watched files", func() {
		affected := map[*document]bool{}
		for _, c := range changes {
			if ext := filepath.Ext(c.path); ext != ".py" && ext != ".pyi" {
				continue
			}
			if s.isOpen(c.path) {
				continue // the editor's buffer wins over the disk
			}
			w := s.ws
			if c.deleted {
				// Dependents are found while the module is still there.
				project, _ := w.snapshot(c.path)
				for _, d := range s.affectedBy(project, c.path, project.Module(c.path), nil) {
					affected[d] = true
				}
				w.drop(c.path)
				continue
			}
			if !w.inside(c.path) {
				continue
			}
			if m := w.readModule(c.path); m != nil {
				w.mu.Lock()
				fits := w.budget.admit(c.path, int64(len(m.File.Src)))
				w.mu.Unlock()
				if !fits {
					s.log.debugf("%s is beyond the index budget: analysed when opened", c.path)
					continue
				}
				project, _ := w.snapshot(c.path)
				before := project.Module(c.path)
				w.set(m)
				project, _ = w.snapshot(c.path)
				for _, d := range s.dependentsOf(project, c.path, before, m) {
					affected[d] = true
				}
			}
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

// declarationsChanged re-analyses the open documents below the directories
// of changed dependency declarations (a requirements.txt pinning discord.py
// 1.x turns its coroutines into plain methods: analysis.DeclaresOlder). The
// projects' snapshots are renewed first: a snapshot reads a directory's
// declarations once and keeps them.
func (s *Server) declarationsChanged(files []string) {
	s.ws.renewSnapshots()
	for _, d := range s.openDocs() {
		for _, f := range files {
			if lint.Within(filepath.Dir(f), d.path) {
				s.schedule(d, 0, false)
				break
			}
		}
	}
	s.refreshPulled()
}

// configEventDelay is how long the server waits after a pyproject.toml
// change for more before applying them: saving with a formatter, switching
// branches or a script touching every project sends bursts.
const configEventDelay = 100 * time.Millisecond

// configEvents collects configuration changes until a burst is over.
type configEvents struct {
	mu      sync.Mutex
	changed map[string]bool // pyproject.toml files changed
	reroot  bool            // a project marker appeared or disappeared
	timer   *time.Timer
}

// configChanged records that the pyproject.toml at file changed (or, with
// reroot, that the projects may have), and applies what was recorded once
// no further change came for configEventDelay.
func (s *Server) configChanged(file string, reroot bool) {
	e := &s.ws.configEvents
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.changed == nil {
		e.changed = map[string]bool{}
	}
	if file != "" {
		e.changed[file] = true
	}
	e.reroot = e.reroot || reroot
	delay := s.opts.ConfigEventDelay
	if delay <= 0 {
		delay = configEventDelay
	}
	if e.timer != nil {
		e.timer.Reset(delay)
		return
	}
	e.timer = time.AfterFunc(delay, func() { s.goSafe("configuration changed", s.applyConfigChanges) })
}

// applyConfigChanges applies the configuration changes recorded: a change
// of projects indexes the workspace again; otherwise only the open
// documents configured by a changed file are re-analysed.
func (s *Server) applyConfigChanges() {
	e := &s.ws.configEvents
	e.mu.Lock()
	changed, reroot := e.changed, e.reroot
	e.changed, e.reroot = nil, false
	if e.timer != nil {
		e.timer.Stop()
		e.timer = nil
	}
	e.mu.Unlock()
	if len(changed) == 0 && !reroot {
		return
	}
	files := make([]string, 0, len(changed))
	for f := range changed {
		files = append(files, f)
	}
	sort.Strings(files)
	if reroot {
		s.log.infof("project markers changed: indexing the workspace again")
		s.ws.reindex()
		s.configReloaded(files, nil)
		return
	}
	s.log.infof("%s changed: reloading the configuration and exclusions below it", strings.Join(files, ", "))
	for _, f := range files {
		s.ws.invalidateConfigOf(f)
	}
	// The projects whose walk a changed file configures (below it, or
	// holding it) may now have other files.
	var refresh []string
	s.ws.mu.Lock()
	for root := range s.ws.projects {
		for _, f := range files {
			if root != "" && (lint.Within(configScope(f), root) || lint.Within(root, f)) {
				refresh = append(refresh, root)
				break
			}
		}
	}
	s.ws.mu.Unlock()
	sort.Strings(refresh)
	filesChanged := s.ws.refreshProjects(refresh)
	var reanalysed []uri.URI
	for _, d := range s.openDocs() {
		affected := filesChanged && contains(refresh, s.ws.rootOf(d.path))
		for _, f := range files {
			if lint.Within(configScope(f), d.path) {
				affected = true
			}
		}
		if affected {
			s.schedule(d, 0, false)
			reanalysed = append(reanalysed, d.uri)
		}
	}
	if len(reanalysed) > 0 {
		s.refreshPulled()
	}
	s.configReloaded(files, reanalysed)
}

// configReloaded tells the test hook which configuration files were
// reloaded and which documents re-analysed for them.
func (s *Server) configReloaded(files []string, reanalysed []uri.URI) {
	if s.hooks.ConfigReloaded != nil {
		s.hooks.ConfigReloaded(files, reanalysed)
	}
}

// DidChangeWorkspaceFolders forgets removed folders (their files, unless
// open or in a project still in the workspace) and indexes added ones.
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
	s.ws.setFolders(append(kept, added...))
	s.goSafe("workspace folders", func() {
		if s.caps.configuration {
			s.pullConfiguration() // the settings of the folders now
		}
		if len(removed) > 0 {
			s.ws.forgetOutside()
		}
		if len(added) > 0 {
			s.ws.index(added)
		} else if len(removed) > 0 {
			s.reanalyseAll()
		}
	})
	return nil
}

// forgetOutside drops the indexed files no longer inside the workspace
// (a folder was removed) and those of the released adopted projects (which
// may lie inside the repository holding a folder), except open documents.
func (w *workspace) forgetOutside(released ...string) {
	open := w.s.openPaths()
	w.mu.Lock()
	var paths []string
	for path := range w.budget.sizes {
		paths = append(paths, path)
	}
	w.mu.Unlock()
	for _, path := range paths {
		if !open[path] && (!w.inside(path) || slices.Contains(released, w.rootOf(path))) {
			w.drop(path)
		}
	}
}
