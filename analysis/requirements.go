package analysis

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/asyncls/asyncls/pylib"
)

// The project's dependency declarations: which versions of a distribution
// its code says it runs with, read for each module from the files of the
// nearest directory that has some, the module's own or above it
// (requirements*.txt and requirements/*.txt, pyproject.toml, setup.cfg,
// setup.py, Pipfile). A library record that holds only from some
// release on (pylib.API.CoroutineSince) is read against them: a Discord bot
// that pins discord.py==1.7.3 calls plain methods where 2.0 has coroutines.

// dependencyFiles are the files of a directory that declare its
// dependencies.
var dependencyFiles = []string{"pyproject.toml", "setup.cfg", "setup.py", "Pipfile"}

// requirementRE matches a requirement with version clauses, as PEP 508
// writes it (`discord.py==1.7.3`, `discord.py[voice]>=1.5,<2`) in a
// requirements file or a quoted string of pyproject.toml, setup.cfg or
// setup.py.
var requirementRE = regexp.MustCompile(`(?i)(?:^|[\s"',\[])([a-z0-9][a-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*((?:(?:===|==|~=|!=|<=|>=|<|>)\s*[0-9][0-9a-z.*+!-]*\s*,?\s*)+)`)

// poetryRE matches a dependency of a Poetry or Pipfile table, `name =
// "spec"` (`discord-py = "^1.7"`, `"discord.py" = "1.7.3"`), or its
// `version = "spec"` form (`discord-py = { version = "^1.7", ... }`).
var poetryRE = regexp.MustCompile(`(?im)^\s*"?([a-z0-9][a-z0-9._-]*)"?\s*=\s*(?:\{[^}\n]*?version\s*=\s*)?"([~^<>=!0-9][^"]*)"`)

// pythonRE matches the Python versions a project declares it runs on
// (pyproject.toml's `requires-python = ">=3.7,<3.10"`, setup.py's
// `python_requires=">=3.7, <3.10"`, setup.cfg's `python_requires = >=3.7`),
// kept under the distribution name "python" as Poetry's `python = "^3.8"`
// dependency is.
var pythonRE = regexp.MustCompile(`(?i)(?:requires-python|python_requires)\s*=\s*["']?\s*([<>=!~^][^"'\n#]*)`)

// clauseRE splits a specifier into its clauses.
var clauseRE = regexp.MustCompile(`(===|==|~=|!=|<=|>=|<|>|\^|~)?\s*([0-9][0-9a-zA-Z.*+!-]*)`)

// normalizeDist is a distribution name as PEP 503 compares them.
func normalizeDist(name string) string {
	return strings.Trim(separatorsRE.ReplaceAllString(strings.ToLower(name), "-"), "-")
}

var separatorsRE = regexp.MustCompile(`[-_.]+`)

// declaredSpecs returns the version specifiers declared for the code of
// directory dir, by normalized distribution name (one per declaration):
// those of the nearest directory, dir or above it, that declares any.
// Memoised per project snapshot and directory, apart from Project.Memo: it
// is asked while a Project.Memo compute runs (a project-wide fact that
// resolves calls), and that mutex is not reentrant; nor is the whole
// project's memo held while files are read.
func (p *Project) declaredSpecs(dir string) map[string][]string {
	v, _ := p.declared.LoadOrStore(dir, &declaredOnce{})
	e := v.(*declaredOnce)
	e.once.Do(func() { e.specs = readDeclaredSpecs(dir, &p.declarationIndex) })
	return e.specs
}

// declaredOnce is one directory's declarations, read once.
type declaredOnce struct {
	once  sync.Once
	specs map[string][]string
}

// readDeclaredSpecs reads the declarations that hold for directory dir.
func readDeclaredSpecs(dir string, index *DeclarationIndex) map[string][]string {
	specs := map[string][]string{}
	if dir == "" {
		return specs
	}
	for _, path := range index.Files(dir) {
		src, err := os.ReadFile(path)
		if err != nil || len(src) > 1<<20 {
			continue
		}
		for _, line := range strings.Split(string(src), "\n") {
			if i := strings.Index(line, "#"); i >= 0 && (strings.HasSuffix(path, ".txt") || i == 0) {
				line = line[:i]
			}
			if m := pythonRE.FindStringSubmatch(line); m != nil {
				specs["python"] = append(specs["python"], strings.TrimSpace(m[1]))
				continue
			}
			for _, m := range requirementRE.FindAllStringSubmatch(line, -1) {
				d := normalizeDist(m[1])
				specs[d] = append(specs[d], m[2])
			}
			if strings.HasSuffix(path, ".toml") || strings.HasSuffix(path, "Pipfile") {
				for _, m := range poetryRE.FindAllStringSubmatch(line, -1) {
					if requirementRE.MatchString(line) {
						continue
					}
					d := normalizeDist(m[1])
					specs[d] = append(specs[d], m[2])
				}
			}
		}
	}
	return specs
}

// DeclarationIndex finds the declaration files of many directories of one
// run, reading each directory once: the directories of a project share
// their ancestors, and walking up from each one again (two globs and five
// stats per level, up to the file system's root when no .git stops it)
// was a quarter of a warm cached re-run's time. Safe for concurrent use.
type DeclarationIndex struct {
	mu      sync.Mutex
	nearest map[string]nearestDeclarations // absolute directory -> where its walk up ends
	digests map[string][32]byte
}

// nearestDeclarations is where the walk up from a directory ends: files,
// the declaration files of the directory up levels above it (none when the
// walk ended at a repository's top or the file system's root without
// finding any). Kept without the depth limit, which Files applies: an
// answer memoised while walking up from a deeper directory holds for every
// directory asked later, whatever the order.
type nearestDeclarations struct {
	files []string
	up    int
}

// maxDeclarationLevels is how many directories, dir and its ancestors,
// Files looks in.
const maxDeclarationLevels = 32

// Files returns the dependency declaration files of the nearest
// directory, dir or above it, that has any: a project checked from a
// subdirectory or through one named file (`check bot/bot.py`, whose root is
// bot/ when no project marker says otherwise) reads the same
// requirements.txt as `check .` at the top, so every entry point agrees.
// A directory more than maxDeclarationLevels-1 levels up is not looked at.
func (x *DeclarationIndex) Files(dir string) []string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if n := x.walk(abs); n.up < maxDeclarationLevels {
		return n.files
	}
	return nil
}

func (x *DeclarationIndex) walk(dir string) nearestDeclarations {
	if n, ok := x.nearest[dir]; ok {
		return n
	}
	files, top := declarationFilesIn(dir)
	n := nearestDeclarations{files: files}
	if len(files) == 0 && !top {
		if parent := filepath.Dir(dir); parent != dir {
			n = x.walk(parent)
			n.up++
		}
	}
	if x.nearest == nil {
		x.nearest = map[string]nearestDeclarations{}
	}
	x.nearest[dir] = n
	return n
}

// declarationFilesIn lists directory dir's own declaration files
// (requirements*.txt, requirements/*.txt, pyproject.toml, setup.cfg,
// setup.py, Pipfile) from one read of the directory, and whether dir is a
// repository's top (has .git): what is above it is not the project's.
func declarationFilesIn(dir string) (files []string, top bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, false
	}
	for _, e := range entries { // sorted by name, as Glob's results were
		name := e.Name()
		if strings.HasPrefix(name, "requirements") && strings.HasSuffix(name, ".txt") {
			files = append(files, filepath.Join(dir, name))
		}
	}
	for _, e := range entries {
		if e.Name() == "requirements" && isDir(dir, e) {
			nested, _ := os.ReadDir(filepath.Join(dir, "requirements"))
			for _, n := range nested {
				if strings.HasSuffix(n.Name(), ".txt") {
					files = append(files, filepath.Join(dir, "requirements", n.Name()))
				}
			}
		}
	}
	for _, name := range dependencyFiles {
		for _, e := range entries {
			if e.Name() == name && isFile(dir, e) {
				files = append(files, filepath.Join(dir, name))
			}
		}
	}
	for _, e := range entries {
		if e.Name() == ".git" && exists(dir, e) {
			top = true
		}
	}
	return files, top
}

// isDir, isFile and exists report what entry e of dir is, following a
// symbolic link as os.Stat (and so the earlier Glob and fileExists) did: a
// link to nothing is neither a file nor a directory, and no .git.
func isDir(dir string, e os.DirEntry) bool {
	if e.Type()&os.ModeSymlink == 0 {
		return e.IsDir()
	}
	info, err := os.Stat(filepath.Join(dir, e.Name()))
	return err == nil && info.IsDir()
}

func isFile(dir string, e os.DirEntry) bool {
	if e.Type()&os.ModeSymlink == 0 {
		return !e.IsDir()
	}
	info, err := os.Stat(filepath.Join(dir, e.Name()))
	return err == nil && !info.IsDir()
}

func exists(dir string, e os.DirEntry) bool {
	if e.Type()&os.ModeSymlink == 0 {
		return true
	}
	_, err := os.Stat(filepath.Join(dir, e.Name()))
	return err == nil
}

// IsDeclarationFile reports whether path is one of the files that declare
// dependencies (requirements*.txt, requirements/*.txt, pyproject.toml,
// setup.cfg, setup.py, Pipfile): a change of one changes what
// DeclaresOlder answers for the code of its directory and below it.
func IsDeclarationFile(path string) bool {
	base := filepath.Base(path)
	if strings.HasSuffix(base, ".txt") {
		if strings.HasPrefix(base, "requirements") {
			return true
		}
		return filepath.Base(filepath.Dir(path)) == "requirements"
	}
	for _, name := range dependencyFiles {
		if base == name {
			return true
		}
	}
	return false
}

// DeclarationsDigest digests the dependency declarations that hold for the
// code of directory dir (the files DeclaresOlder reads there, names and
// contents): what a cached finding in that directory depends on besides its
// sources and options, so that editing requirements.txt is seen.
func DeclarationsDigest(dir string) [32]byte {
	return new(DeclarationIndex).Digest(dir)
}

// Digest is DeclarationsDigest, each set of declaration files read and
// digested once.
func (x *DeclarationIndex) Digest(dir string) [32]byte {
	files := x.Files(dir)
	key := strings.Join(files, "\x00")
	x.mu.Lock()
	d, ok := x.digests[key]
	x.mu.Unlock()
	if ok {
		return d
	}
	h := sha256.New()
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil || len(src) > 1<<20 {
			src = nil // read as DeclaresOlder reads it: not at all
		}
		h.Write([]byte(path))
		h.Write([]byte{0})
		h.Write(src)
		h.Write([]byte{0})
	}
	h.Sum(d[:0])
	x.mu.Lock()
	if x.digests == nil {
		x.digests = map[string][32]byte{}
	}
	x.digests[key] = d
	x.mu.Unlock()
	return d
}

// DeclaresOlder reports whether the dependency declarations that hold for
// the code at n (a node of one of the project's modules; the project's root
// when n is nil or in none) keep the distribution of r below r's release:
// they declare it (under one of its names), and every declaration has a
// clause that excludes r.Version and every later release (`==1.7.3`, `<2`,
// `~=1.7`, Poetry's `^1.7`). Code whose declarations do not name it runs
// the newest release, where the record holds. The declarations are those
// of the nearest directory, the module's own or above it, that has any
// (requirements*.txt, requirements/*.txt, pyproject.toml, setup.cfg,
// setup.py, Pipfile): they depend on where the file is, not on where the
// check started, so `check bot/bot.py`, `check .` and a check of a
// directory of several projects agree.
func (p *Project) DeclaresOlder(n *Node, r *pylib.Release) bool {
	if r == nil {
		return false
	}
	if declared, all := p.declaredAll(n, r, capsBelow); declared {
		return all
	}
	// No declaration: the module's own calls may say it, when it calls an
	// API the release removed (pylib.API.RemovedIn: aioredis 1.x's
	// `create_redis`). Only the module of n is read, so `check FILE` and
	// `check .` agree.
	return p.callsRemovedIn(p.moduleOfNode(n), r)
}

// declaredAll reads the dependency declarations that hold for the code at
// n (as DeclaresOlder describes them) for the distribution of r: whether
// any names it, and whether every one that does satisfies holds (a
// specifier and r's version).
func (p *Project) declaredAll(n *Node, r *pylib.Release, holds func(spec, v string) bool) (declared, all bool) {
	dir := p.Root
	if m := p.moduleOfNode(n); m != nil && m.File != nil && m.File.Path != "" {
		dir = filepath.Dir(m.File.Path)
	}
	if dir == "" {
		return false, false
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	specs := p.declaredSpecs(dir)
	all = true
	for _, d := range r.Dists {
		for _, spec := range specs[normalizeDist(d)] {
			declared = true
			if !holds(spec, r.Version) {
				all = false
			}
		}
	}
	return declared, declared && all
}

// WrittenForSince reports whether the code at n is written for release r of
// its distribution or a later one: the dependency declarations that hold
// there keep the distribution at or above r (`python-telegram-bot>=20`,
// `==20.7`, Poetry's `^21.0`), or, when they do not name it, n's module
// uses an API that exists only from r on (pylib.API.AddedIn:
// python-telegram-bot 20.0's `Application`, the mirror of RemovedIn in
// DeclaresOlder). Only the module of n is read, so `check FILE` and `check
// .` agree.
func (p *Project) WrittenForSince(n *Node, r *pylib.Release) bool {
	if r == nil {
		return false
	}
	if declared, all := p.declaredAll(n, r, floorsAt); declared {
		return all
	}
	return p.usesAddedIn(p.moduleOfNode(n), r)
}

// usesAddedIn reports whether m imports or calls a library API that exists
// only from release r on.
func (p *Project) usesAddedIn(m *Module, r *pylib.Release) bool {
	if m == nil {
		return false
	}
	added := func(name string) bool {
		if name == "" {
			return false
		}
		api, ok := pylib.Lookup(name)
		if !ok || api.AddedIn == nil {
			api, ok = pylib.Lookup(p.Canonical(name))
		}
		return ok && pylib.SameRelease(api.AddedIn, r)
	}
	for _, name := range m.ImportNames() {
		if added(name) {
			return true
		}
	}
	for _, c := range m.Calls {
		if added(p.Callee(c).Name) {
			return true
		}
	}
	for _, f := range m.Functions {
		for _, c := range f.Calls {
			if added(p.Callee(c).Name) {
				return true
			}
		}
	}
	return false
}

// callsRemovedIn reports whether a call of m resolves to a library API
// that exists only before release r.
func (p *Project) callsRemovedIn(m *Module, r *pylib.Release) bool {
	if m == nil {
		return false
	}
	seen := func(c *Call) bool {
		name := p.Callee(c).Name
		if name == "" {
			return false
		}
		api, ok := pylib.Lookup(name)
		if !ok || api.RemovedIn == nil {
			api, ok = pylib.Lookup(p.Canonical(name)) // re-exported (`from .compat import *`)
		}
		return ok && pylib.SameRelease(api.RemovedIn, r)
	}
	for _, c := range m.Calls {
		if seen(c) {
			return true
		}
	}
	for _, f := range m.Functions {
		for _, c := range f.Calls {
			if seen(c) {
				return true
			}
		}
	}
	return false
}

// moduleOfNode returns the module whose tree holds n (a tree is one slab of
// nodes), nil when none does. It scans the modules: it is asked only about
// the rare library records a release limits.
func (p *Project) moduleOfNode(n *Node) *Module {
	if n == nil {
		return nil
	}
	at := uintptr(unsafe.Pointer(n))
	for _, m := range p.byPath {
		if m.File == nil || m.File.Root == nil {
			continue
		}
		start := uintptr(unsafe.Pointer(m.File.Root))
		end := start + uintptr(m.File.Root.descendants()+1)*unsafe.Sizeof(Node{})
		if at >= start && at < end {
			return m
		}
	}
	return nil
}

// libraryCoroutine reports whether a library API whose record says it is a
// coroutine function is one for the code at n (not one made a coroutine
// only by a release the declarations there exclude).
func (p *Project) libraryCoroutine(api pylib.API, n *Node) bool {
	return api.Has(pylib.Coroutine) && !p.DeclaresOlder(n, api.CoroutineSince)
}

// LibraryCoroutine is libraryCoroutine for a qualified name called at n.
func (p *Project) LibraryCoroutine(name string, n *Node) bool {
	api, ok := pylib.Lookup(name)
	return ok && p.libraryCoroutine(api, n)
}

// specClause is one clause of a version specifier: its operator ("" for
// Poetry's bare version), its version as written, and that version's
// numbers (a trailing `.*` dropped).
type specClause struct {
	op, ver string
	parts   []int
}

// specClauses returns spec's clauses that name a version with numbers.
func specClauses(spec string) []specClause {
	var out []specClause
	for _, m := range clauseRE.FindAllStringSubmatch(spec, -1) {
		parts := versionParts(strings.TrimSuffix(strings.TrimSuffix(m[2], "*"), "."))
		if len(parts) > 0 {
			out = append(out, specClause{op: m[1], ver: m[2], parts: parts})
		}
	}
	return out
}

// capsBelow reports whether the specifier admits no version at or above v.
func capsBelow(spec, v string) bool {
	target := versionParts(v)
	for _, c := range specClauses(spec) {
		op, ver, parts := c.op, c.ver, c.parts
		switch op {
		case "", "==", "===":
			if strings.HasSuffix(ver, "*") || op == "" && len(parts) < 3 {
				// `==1.*`, or Poetry's bare "1.7" (== 1.7): every release
				// with that prefix.
				if compareVersions(bumpLast(parts), target) <= 0 {
					return true
				}
			} else if compareVersions(parts, target) < 0 {
				return true
			}
		case "<":
			if compareVersions(parts, target) <= 0 {
				return true
			}
		case "<=":
			if compareVersions(parts, target) < 0 {
				return true
			}
		case "~=":
			// ~=1.7 is >=1.7,==1.*; ~=1.7.3 is >=1.7.3,==1.7.*.
			if len(parts) >= 2 && compareVersions(bumpLast(parts[:len(parts)-1]), target) <= 0 {
				return true
			}
		case "^":
			// Poetry: ^1.7 is >=1.7,<2; ^0.9 is <0.10.
			upper := []int{parts[0] + 1}
			if parts[0] == 0 && len(parts) > 1 {
				upper = []int{0, parts[1] + 1}
			}
			if compareVersions(upper, target) <= 0 {
				return true
			}
		case "~":
			// Poetry: ~1.7 is >=1.7,<1.8; ~1 is <2.
			upper := bumpLast(parts[:min(len(parts), 2)])
			if compareVersions(upper, target) <= 0 {
				return true
			}
		}
	}
	return false
}

// floorsAt reports whether the specifier admits no version below v.
func floorsAt(spec, v string) bool {
	target := versionParts(v)
	for _, c := range specClauses(spec) {
		switch c.op {
		case "", "==", "===", ">=", ">", "~=", "^", "~":
			// Each admits nothing below its own version (`==20.*`: every
			// release that starts with 20; `>20.1`: above 20.1).
			if compareVersions(c.parts, target) >= 0 {
				return true
			}
		}
	}
	return false
}

// versionParts is the numeric release segment of a version ("1.7.3rc1" is
// 1, 7, 3).
func versionParts(v string) []int {
	var parts []int
	for _, s := range strings.Split(v, ".") {
		digits := s
		for i, c := range s {
			if c < '0' || c > '9' {
				digits = s[:i]
				break
			}
		}
		n, err := strconv.Atoi(digits)
		if err != nil {
			break
		}
		parts = append(parts, n)
		if digits != s {
			break
		}
	}
	return parts
}

// bumpLast is the first version after every release that starts with parts
// (1, 7 gives 1, 8).
func bumpLast(parts []int) []int {
	out := append([]int(nil), parts...)
	out[len(out)-1]++
	return out
}

// compareVersions orders two release segments, missing parts read as 0.
func compareVersions(a, b []int) int {
	for i := 0; i < max(len(a), len(b)); i++ {
		x, y := 0, 0
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}
