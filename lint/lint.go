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
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/rules"
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

// Collect expands paths into Python files: directories are walked (skipping
// excluded ones), files named explicitly are always included.
func Collect(paths []string, cfg *config.Config) ([]string, []error) {
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
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &FileError{Path: p, Err: unwrapPathError(err)})
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if p != root && cfg.Excluded(p, root) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && (strings.HasSuffix(p, ".py") || strings.HasSuffix(p, ".pyi")) && d.Type().IsRegular() && !seen[p] {
				seen[p] = true
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, &FileError{Path: root, Err: err})
		}
	}
	sort.Strings(files)
	return files, errs
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Result is the outcome of a run.
type Result struct {
	Project     *analysis.Project
	Diagnostics []rules.Diagnostic // sorted by path, then position
	Errors      []error            // files that could not be read or decoded
	Files       int                // files analysed
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
// using every core.
func Run(files []string, extra []Source, cfg *config.Config) *Result {
	return RunProgress(files, extra, cfg, nil)
}

// RunProgress is Run that reports its progress (progress may be nil).
func RunProgress(files []string, extra []Source, cfg *config.Config, progress Progress) *Result {
	var sources []Source
	var errs []error
	var mu sync.Mutex
	sources = make([]Source, len(files))
	parallel(len(files), func(i int) {
		data, err := os.ReadFile(files[i])
		if err != nil {
			mu.Lock()
			errs = append(errs, &FileError{Path: files[i], Err: unwrapPathError(err)})
			mu.Unlock()
			return
		}
		sources[i] = Source{Path: files[i], Src: data}
	})
	sources = append(sources, extra...)
	res := analyse(sources, cfg, progress)
	res.Errors = append(errs, res.Errors...)
	sort.Slice(res.Errors, func(i, j int) bool { return res.Errors[i].Error() < res.Errors[j].Error() })
	return res
}

// Analyse parses sources into a project and checks every module.
func Analyse(sources []Source, cfg *config.Config) *Result {
	return analyse(sources, cfg, nil)
}

func analyse(sources []Source, cfg *config.Config, progress Progress) *Result {
	var parsed, checked atomic.Int64
	root := cfg.Dir
	if root == "" {
		root, _ = os.Getwd()
	}
	var paths []string
	for _, s := range sources {
		if s.Path != "" {
			paths = append(paths, s.Path)
		}
	}
	layout := analysis.NewLayout(root, paths)
	modules := make([]*analysis.Module, len(sources))
	fileErrs := make([]error, len(sources))
	for i, p := range parallel(len(sources), func(i int) {
		s := sources[i]
		if s.Path == "" && s.Src == nil {
			return
		}
		if err := analysis.CheckSource(s.Src); err != nil {
			fileErrs[i] = &FileError{Path: s.Path, Err: err}
			return
		}
		modules[i] = BuildModule(layout, s.Path, s.Src)
		if progress != nil {
			progress(Parsing, int(parsed.Add(1)), len(sources))
		}
	}) {
		fileErrs[i] = internalError(sources[i].Path, p)
	}
	var mods []*analysis.Module
	res := &Result{}
	for i, m := range modules {
		if m != nil {
			mods = append(mods, m)
		} else if fileErrs[i] != nil {
			res.Errors = append(res.Errors, fileErrs[i])
		}
	}
	res.Project = analysis.NewProject(root, mods)
	res.Files = len(mods)
	perModule := make([][]rules.Diagnostic, len(mods))
	for i, p := range parallel(len(mods), func(i int) {
		perModule[i] = rules.Check(mods[i], res.Project, cfg.Options(mods[i].File.Path))
		if progress != nil {
			progress(Checking, int(checked.Add(1)), len(mods))
		}
	}) {
		res.Errors = append(res.Errors, internalError(mods[i].File.Path, p))
	}
	for _, d := range perModule {
		res.Diagnostics = append(res.Diagnostics, d...)
	}
	sort.SliceStable(res.Diagnostics, func(i, j int) bool {
		return res.Diagnostics[i].Path < res.Diagnostics[j].Path
	})
	return res
}

// BuildModule parses src and builds its semantic model, naming it by layout.
func BuildModule(layout *analysis.Layout, path string, src []byte) *analysis.Module {
	f := analysis.Parse(path, src)
	name, isPkg, aliases := layout.ModuleName(path)
	m := analysis.BuildModule(f, name, isPkg)
	m.Aliases = aliases
	return m
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
