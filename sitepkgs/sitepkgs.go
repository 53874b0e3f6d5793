// Package sitepkgs finds a project's Python environment and reads the
// modules of its installed libraries, lazily, for analysis.LibrarySource
// (docs/architecture.md "Facts from the installed libraries"). It never runs
// Python: the environment is found as the user's tools find it
// ($VIRTUAL_ENV, .venv/ or venv/ at the project root, or
// python-environment in [tool.asyncls]) and its site-packages directories
// are read as files.
package sitepkgs

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
)

// Bounds on what one environment reads: library code is context, never the
// subject, so a huge generated module or a package of thousands of modules
// costs a bounded amount.
const (
	// MaxFileSize: a larger library file is not read (its names stay unknown).
	MaxFileSize = 2 << 20
	// MaxModules: at most this many library modules are parsed per
	// environment (per check, per server session).
	MaxModules = 3000
)

// Env is one environment's site-packages directories and the library
// modules read from them so far. Safe for concurrent use.
type Env struct {
	Path string   // the environment's directory (or the site-packages one named)
	Dirs []string // its site-packages directories, searched in order

	mu     sync.Mutex
	mods   map[string]*entry // by module name
	stamps map[string]string // by module name: Stamp of the file read, "" when none
	parsed atomic.Int64
}

// Find returns the environment of the project at root under cfg (the
// configuration for the root; may be nil), or nil when there is none or
// reading libraries is off. An error is returned only for an environment
// the configuration names that is not one.
func Find(root string, cfg *config.Config) (*Env, error) {
	if !cfg.LibrariesRead() {
		return nil, nil
	}
	named, err := cfg.EnvironmentPath()
	if err != nil {
		return nil, err
	}
	if named != "" {
		dirs := siteDirs(named)
		if len(dirs) == 0 {
			return nil, &config.Error{Path: cfg.Path, Msg: fmt.Sprintf("python-environment: %s holds no lib/python3*/site-packages (nor Lib/site-packages) and is no site-packages directory", named)}
		}
		return &Env{Path: named, Dirs: dirs}, nil
	}
	candidates := []string{}
	if v := os.Getenv("VIRTUAL_ENV"); v != "" {
		candidates = append(candidates, v)
	}
	if root != "" {
		candidates = append(candidates, filepath.Join(root, ".venv"), filepath.Join(root, "venv"))
	}
	for _, c := range candidates {
		if dirs := siteDirs(c); len(dirs) > 0 {
			abs, err := filepath.Abs(c)
			if err != nil {
				abs = c
			}
			return &Env{Path: abs, Dirs: dirs}, nil
		}
	}
	return nil, nil
}

// siteDirs lists the site-packages directories of the environment at dir
// (POSIX lib/python3*/site-packages and lib64/..., Windows
// Lib/site-packages), or dir itself when it is one.
func siteDirs(dir string) []string {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil
	}
	if b := filepath.Base(dir); b == "site-packages" || b == "dist-packages" {
		return []string{dir}
	}
	var out []string
	for _, pattern := range []string{"lib/python3*/site-packages", "lib64/python3*/site-packages", "Lib/site-packages"} {
		matches, _ := filepath.Glob(filepath.Join(dir, filepath.FromSlash(pattern)))
		// python3.10 after python3.9: the newest interpreter's first.
		sort.Slice(matches, func(i, j int) bool { return versionKey(matches[i]) > versionKey(matches[j]) })
		for _, m := range matches {
			if info, err := os.Stat(m); err == nil && info.IsDir() && !contains(out, m) {
				out = append(out, m)
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// versionKey orders .../python3.N/... by N.
func versionKey(path string) string {
	i := strings.Index(path, "python3.")
	if i < 0 {
		return path
	}
	j := i + len("python3.")
	k := j
	for k < len(path) && path[k] >= '0' && path[k] <= '9' {
		k++
	}
	return fmt.Sprintf("%s%04s", path[:j], path[j:k])
}

// LibraryModule returns the library module named name (analysis.
// LibrarySource), parsed on first request, nil when no site-packages
// directory has it as a source (.pyi stubs preferred to .py, a stub-only
// NAME-stubs package to the package) or it cannot be read.
func (e *Env) LibraryModule(name string) *analysis.Module {
	if e == nil || !validName(name) {
		return nil
	}
	e.mu.Lock()
	if e.mods == nil {
		e.mods, e.stamps = map[string]*entry{}, map[string]string{}
	}
	x := e.mods[name]
	if x == nil {
		x = &entry{}
		e.mods[name] = x
	}
	e.mu.Unlock()
	// Each module is read once; different modules are read in parallel.
	x.once.Do(func() {
		path, isPackage, info := e.locate(name)
		stamp := ""
		if path != "" {
			stamp = stampOf(path, info)
			if e.parsed.Add(1) <= MaxModules {
				x.mod = load(path, name, isPackage, info)
			}
		}
		e.mu.Lock()
		e.stamps[name] = stamp
		e.mu.Unlock()
	})
	return x.mod
}

// entry is a library module being read or read (nil mod: none).
type entry struct {
	once sync.Once
	mod  *analysis.Module
}

// validName: dotted identifiers only (no path tricks through a name).
func validName(name string) bool {
	if name == "" {
		return false
	}
	for _, part := range strings.Split(name, ".") {
		if part == "" {
			return false
		}
		for i, r := range part {
			if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
				return false
			}
		}
	}
	return true
}

// locate finds the source of the module name: the first site-packages
// directory holding it, a package's __init__ before a module of the same
// name (as Python finds a regular package first), a .pyi before a .py.
func (e *Env) locate(name string) (path string, isPackage bool, info os.FileInfo) {
	parts := strings.Split(name, ".")
	for _, dir := range e.Dirs {
		for _, top := range []string{parts[0] + "-stubs", parts[0]} {
			base := filepath.Join(append([]string{dir, top}, parts[1:]...)...)
			for _, c := range []struct {
				path string
				pkg  bool
			}{
				{filepath.Join(base, "__init__.pyi"), true},
				{filepath.Join(base, "__init__.py"), true},
				{base + ".pyi", false},
				{base + ".py", false},
			} {
				if fi, err := os.Stat(c.path); err == nil && fi.Mode().IsRegular() {
					return c.path, c.pkg, fi
				}
			}
		}
	}
	return "", false, nil
}

func stampOf(path string, info os.FileInfo) string {
	return fmt.Sprintf("%s\x00%d\x00%d", path, info.ModTime().UnixNano(), info.Size())
}

// parsedFile is a library module parsed once per process, kept while its
// file's stamp stays the same (a server re-reads a library only when it
// changed; two projects on one environment share it).
type parsedFile struct {
	stamp string
	mod   *analysis.Module
}

var (
	parsedMu sync.Mutex
	parsed   = map[string]parsedFile{} // by path and module name
)

// load reads and models the library file at path as the module name.
// Unreadable, too large, or undecodable files give nil; a panic of the
// parser (a bug) gives nil too: library code is never worth a crash.
func load(path, name string, isPackage bool, info os.FileInfo) (m *analysis.Module) {
	key := path + "\x00" + name
	stamp := stampOf(path, info)
	parsedMu.Lock()
	if p, ok := parsed[key]; ok && p.stamp == stamp {
		parsedMu.Unlock()
		return p.mod
	}
	parsedMu.Unlock()
	defer func() {
		if recover() != nil {
			m = nil
		}
	}()
	if info.Size() > MaxFileSize {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil || len(src) > MaxFileSize {
		return nil
	}
	src = analysis.DecodeSource(src)
	if analysis.CheckSource(src) != nil {
		return nil
	}
	m = analysis.BuildModuleNamed(analysis.Parse(path, src), analysis.Naming{Name: name, IsPackage: isPackage})
	m.Library = true
	parsedMu.Lock()
	parsed[key] = parsedFile{stamp: stamp, mod: m}
	parsedMu.Unlock()
	return m
}

// Stamps returns, for each module name looked up so far, the stamp (path,
// modification time, size) of the file read for it, "" when none was found:
// what a check's findings may depend on of the environment.
func (e *Env) Stamps() map[string]string {
	if e == nil {
		return nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make(map[string]string, len(e.stamps))
	for k, v := range e.stamps {
		out[k] = v
	}
	return out
}

// Unchanged reports whether every module name of stamps would be read from
// the same file, unchanged, today (only stat calls; nothing is parsed).
func (e *Env) Unchanged(stamps map[string]string) bool {
	for name, want := range stamps {
		got := ""
		if e != nil {
			if path, _, info := e.locate(name); path != "" {
				got = stampOf(path, info)
			}
		}
		if got != want {
			return false
		}
	}
	return true
}

// Key identifies the environment itself (its directories), for a cache.
func (e *Env) Key() [32]byte {
	if e == nil {
		return [32]byte{}
	}
	return sha256.Sum256([]byte(strings.Join(e.Dirs, "\x00")))
}
