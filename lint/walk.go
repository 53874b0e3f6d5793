package lint

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/internal/gitignore"
)

// ProjectMarkers name the files whose directory is a project's root.
var ProjectMarkers = []string{"pyproject.toml", "setup.cfg", "setup.py", ".git"}

// ProjectRoot returns the nearest directory at or above dir (compared
// lexically: a linked directory is its own place) holding one of
// ProjectMarkers, or "" when there is none.
func ProjectRoot(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if isProjectRoot(dir) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func isProjectRoot(dir string) bool {
	for _, m := range ProjectMarkers {
		if _, err := os.Lstat(filepath.Join(dir, m)); err == nil {
			return true
		}
	}
	return false
}

// gitTop returns the nearest directory at or above dir holding .git, or "".
func gitTop(dir string) string {
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// walkedFile is a Python file found by a walk: Path as it is shown
// (below the walk's root as given), Real its path with links resolved.
type walkedFile struct {
	Path, Real string
}

// walker finds the Python files below a directory: it skips excluded
// entries and, unless the configuration says otherwise, what .gitignore
// files ignore; it follows symbolic links once (each real directory and
// file is visited once, so a link loop ends) and only when their target is
// inside the walk's root.
type walker struct {
	configFor func(dir string) *config.Config
	// stopAtProjects skips directories that are projects of their own
	// (they hold a ProjectMarker): the files of a project, not a tree.
	stopAtProjects bool
	// maxFiles, when positive, ends a walk once it has found that many
	// files (with a warning).
	maxFiles int
	// quietLinks: links leading out of the tree are skipped without a
	// warning (a walk for context, not for what the user named).
	quietLinks bool

	mu       sync.Mutex
	matchers map[string]*gitignore.Matcher // git top -> matcher
}

func newWalker(configFor func(dir string) *config.Config, stopAtProjects bool) *walker {
	return &walker{configFor: configFor, stopAtProjects: stopAtProjects, matchers: map[string]*gitignore.Matcher{}}
}

func (w *walker) matcher(top string) *gitignore.Matcher {
	w.mu.Lock()
	defer w.mu.Unlock()
	m, ok := w.matchers[top]
	if !ok {
		m = gitignore.New(top)
		w.matchers[top] = m
	}
	return m
}

// walkState is one walk's bookkeeping.
type walkState struct {
	root, absRoot, realRoot string
	ignore                  *gitignore.Matcher
	seenDirs, seenFiles     map[string]bool // real paths
	links                   []walkEntry     // links to follow once the plain tree is done
	files                   []walkedFile
	nested                  []string // directories skipped as projects of their own (stopAtProjects)
	warnings                []error
	full                    bool // maxFiles reached
}

type walkEntry struct {
	path, abs string // as shown, and absolute (lexically)
}

// walk returns the Python files below root (a directory, or a link to one)
// and warnings about links it did not follow.
func (w *walker) walk(root string) ([]walkedFile, []error, error) {
	return w.walkNested(root, nil)
}

// walkNested is walk that also records, when nested is not nil, the
// directories it skipped as projects of their own.
func (w *walker) walkNested(root string, nested *[]string) ([]walkedFile, []error, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, nil, err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, nil, err
	}
	st := &walkState{root: root, absRoot: abs, realRoot: real, seenDirs: map[string]bool{real: true}, seenFiles: map[string]bool{}}
	// .gitignore files count from the repository's top, else from the
	// project's root: the same for every walk inside one project.
	top := gitTop(abs)
	if top == "" {
		top = ProjectRoot(abs)
	}
	if top == "" {
		top = abs
	}
	st.ignore = w.matcher(top)
	var errs []error
	errs = append(errs, w.dir(st, walkEntry{root, abs}, real)...)
	// Links are followed after the plain tree, so a file reachable both
	// ways is shown under its own path, and each target once.
	for len(st.links) > 0 && !st.full {
		l := st.links[0]
		st.links = st.links[1:]
		errs = append(errs, w.link(st, l)...)
	}
	if st.full {
		st.warnings = append(st.warnings, &Warning{Path: root, capped: true, Msg: fmt.Sprintf(
			"more than %d Python files below; only the first %d are read for cross-file findings "+
				"(a project marker, %s, at the project's root makes the project smaller)", w.maxFiles, w.maxFiles, strings.Join(ProjectMarkers, ", "))})
	}
	sort.Slice(st.files, func(i, j int) bool { return st.files[i].Path < st.files[j].Path })
	if nested != nil {
		*nested = st.nested
	}
	return st.files, append(st.warnings, errs...), nil
}

func (w *walker) skipped(st *walkState, e walkEntry, isDir bool) bool {
	cfg := w.configFor(filepath.Dir(e.abs))
	if cfg.Excluded(e.path, st.root) {
		return true
	}
	if cfg.GitignoreRespected() && st.ignore.Match(e.abs, isDir) {
		return true
	}
	if isDir && w.stopAtProjects && isProjectRoot(e.abs) {
		st.nested = append(st.nested, e.path)
		return true
	}
	return false
}

// excludedFile reports whether a walk of the file's project would skip the
// file at abs: an exclude pattern matches it or a directory above it below
// the project root, or .gitignore ignores it.
func (w *walker) excludedFile(abs string, roots *rootCache) bool {
	dir := filepath.Dir(abs)
	root := roots.of(dir)
	if root == "" {
		root = dir
	}
	return w.excludedBelow(abs, root)
}

// excludedBelow is excludedFile for a file of the project rooted at root.
func (w *walker) excludedBelow(abs, root string) bool {
	dir := filepath.Dir(abs)
	cfg := w.configFor(dir)
	// A pattern without a slash matches any directory from the one its
	// configuration file is in down to the file, as `check .` run there
	// walks them (and ruff's --force-exclude tests the file's ancestors up
	// to its configuration's root): a project nested below an excluded
	// directory is excluded too.
	anchor := root
	if cfg.Dir != "" && within(cfg.Dir, root) {
		anchor = cfg.Dir
	}
	if cfg.Excluded(abs, anchor) {
		return true
	}
	if !cfg.GitignoreRespected() {
		return false
	}
	top := gitTop(dir)
	if top == "" {
		top = root
	}
	return w.matcher(top).Ignored(abs, false)
}

// Excluded reports whether a check of the project rooted at root skips the
// file path (absolute): what exclude, extend-exclude and the default
// excludes name and, unless respect-gitignore is off, what .gitignore files
// ignore. It is what --force-exclude leaves out of the files named, and
// what the server reports nothing on, so an excluded file gets the same
// (no) findings from `check .`, the pre-commit hook and the editor.
func Excluded(path, root string, configFor func(dir string) *config.Config) bool {
	return newWalker(configFor, false).excludedBelow(path, root)
}

func isPython(name string) bool {
	return strings.HasSuffix(name, ".py") || strings.HasSuffix(name, ".pyi")
}

func (w *walker) dir(st *walkState, d walkEntry, real string) []error {
	entries, err := os.ReadDir(d.path)
	if err != nil {
		return []error{&FileError{Path: d.path, Err: unwrapPathError(err)}}
	}
	var errs []error
	for _, ent := range entries {
		if w.maxFiles > 0 && len(st.files) >= w.maxFiles {
			st.full = true
			return errs
		}
		name := ent.Name()
		e := walkEntry{filepath.Join(d.path, name), filepath.Join(d.abs, name)}
		r := filepath.Join(real, name)
		switch t := ent.Type(); {
		case t&os.ModeSymlink != 0:
			st.links = append(st.links, e)
		case t.IsDir():
			if st.seenDirs[r] || w.skipped(st, e, true) {
				continue
			}
			st.seenDirs[r] = true
			errs = append(errs, w.dir(st, e, r)...)
		case t.IsRegular() && isPython(name):
			if st.seenFiles[r] || w.skipped(st, e, false) {
				continue
			}
			st.seenFiles[r] = true
			st.files = append(st.files, walkedFile{e.path, r})
		}
	}
	return errs
}

// link follows one symbolic link found by the walk.
func (w *walker) link(st *walkState, l walkEntry) []error {
	target, err := filepath.EvalSymlinks(l.abs)
	if err != nil {
		if isPython(l.path) {
			return []error{&FileError{Path: l.path, Err: errors.New("broken symbolic link")}}
		}
		return nil
	}
	info, err := os.Stat(target)
	if err != nil {
		return nil
	}
	if !info.IsDir() && !isPython(l.path) {
		return nil
	}
	if !within(st.realRoot, target) {
		if !w.quietLinks {
			st.warnings = append(st.warnings, &Warning{Path: l.path,
				Msg: fmt.Sprintf("not followed: symbolic link to %s, outside %s", target, st.root)})
		}
		return nil
	}
	switch {
	case info.IsDir():
		if st.seenDirs[target] || w.skipped(st, l, true) {
			return nil
		}
		st.seenDirs[target] = true
		return w.dir(st, l, target)
	case info.Mode().IsRegular():
		if st.seenFiles[target] || w.skipped(st, l, false) {
			return nil
		}
		st.seenFiles[target] = true
		st.files = append(st.files, walkedFile{l.path, target})
	}
	return nil
}

// Within reports whether path is dir or below it (both cleaned, absolute).
func Within(dir, path string) bool { return within(dir, path) }

func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// Collect expands paths into Python files with one configuration:
// directories are walked (see walker), files named explicitly are always
// included. Problems with single entries are returned and the walk goes on.
func Collect(paths []string, cfg *config.Config) ([]string, []error) {
	w := newWalker(func(string) *config.Config { return cfg }, false)
	var files []string
	var errs []error
	seen := map[string]bool{}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			errs = append(errs, &FileError{Path: root, Err: unwrapPathError(err)})
			continue
		}
		if !info.IsDir() {
			if !seen[root] {
				seen[root] = true
				files = append(files, root)
			}
			continue
		}
		found, warns, err := w.walk(root)
		if err != nil {
			errs = append(errs, &FileError{Path: root, Err: unwrapPathError(err)})
			continue
		}
		errs = append(errs, warns...)
		for _, f := range found {
			if !seen[f.Path] {
				seen[f.Path] = true
				files = append(files, f.Path)
			}
		}
	}
	sort.Strings(files)
	return files, errs
}

// WalkFiles returns the Python files below the directory root (or a link to
// one) as Check's walks find them, each directory configured by configFor;
// at most max files when max > 0. Problems with single entries are
// returned and the walk goes on.
func WalkFiles(root string, configFor func(dir string) *config.Config, max int) ([]string, []error) {
	w := newWalker(configFor, false)
	w.maxFiles = max
	found, problems, err := w.walk(root)
	if err != nil {
		return nil, []error{&FileError{Path: root, Err: unwrapPathError(err)}}
	}
	files := make([]string, len(found))
	for i, f := range found {
		files[i] = f.Path
	}
	return files, problems
}

// newContextWalker returns the walk that finds a project's files for
// context: below its root, minus nested projects, at most MaxProjectFiles,
// links out of the tree skipped quietly.
func newContextWalker(configFor func(dir string) *config.Config) *walker {
	w := newWalker(configFor, true)
	w.maxFiles = MaxProjectFiles
	w.quietLinks = true
	return w
}

// ProjectFiles returns the files of the project whose root is root exactly
// as Check reads them for context when it reports on one of them (the files
// below root that a walk keeps, minus nested projects, at most
// MaxProjectFiles), each directory configured by configFor, and the roots
// of the nested projects the walk skipped. The language server indexes a
// project with it so that its answers equal Check's.
func ProjectFiles(root string, configFor func(dir string) *config.Config) (files, nested []string, problems []error) {
	w := newContextWalker(configFor)
	found, problems, err := w.walkNested(root, &nested)
	if err != nil {
		return nil, nil, []error{&FileError{Path: root, Err: unwrapPathError(err)}}
	}
	files = make([]string, len(found))
	for i, f := range found {
		files[i] = f.Path
	}
	sort.Strings(nested)
	return files, nested, problems
}
