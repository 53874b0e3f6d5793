package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/asyncls/asyncls/config"
)

// installedCase copies the rule test case whose .venv holds a fake library
// (testdata/rules/ASL102/installed_library_coroutines) into a project of
// its own (a pyproject.toml marks the root) and returns its directory.
func installedCase(t *testing.T, pyproject string) string {
	t.Helper()
	t.Setenv("VIRTUAL_ENV", "")
	src := filepath.Join("..", "testdata", "rules", "ASL102", "installed_library_coroutines")
	dir := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	writeText(t, filepath.Join(dir, "pyproject.toml"), pyproject)
	return dir
}

// asl102Lines runs a check of paths (configured from the files' own
// pyproject.toml) and returns the 1-based lines of its ASL102 findings,
// and its errors.
func asl102Lines(t *testing.T, cacheVersion string, paths ...string) ([]int, []error) {
	t.Helper()
	res := Check(Request{Paths: paths, Configs: NewConfigs(nil, nil), CacheVersion: cacheVersion})
	var lines []int
	for _, d := range res.Diagnostics {
		if d.Code == "ASL102" {
			lines = append(lines, d.Start.Line+1)
		}
	}
	slices.Sort(lines)
	return lines, res.Errors
}

const installedFires = "[10 15 19 25 27 34]"

func fmtInts(lines []int) string { return fmt.Sprint(lines) }

// The project's .venv is read for the library's coroutine functions:
// `check .` and `check main.py` agree, and without the environment (or
// with installed-libraries = false) the library's calls are not known.
func TestInstalledLibrariesOneAnswer(t *testing.T) {
	dir := installedCase(t, "[project]\nname = \"x\"\n")
	whole, errs := asl102Lines(t, "", dir)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if got := fmtInts(whole); got != installedFires {
		t.Fatalf("check . found ASL102 at %s, want %s", got, installedFires)
	}
	file, _ := asl102Lines(t, "", filepath.Join(dir, "main.py"))
	if !reflect.DeepEqual(whole, file) {
		t.Fatalf("check main.py found %v, check . %v", file, whole)
	}
	// Off by configuration.
	writeText(t, filepath.Join(dir, "pyproject.toml"), "[tool.asyncls]\ninstalled-libraries = false\n")
	off, _ := asl102Lines(t, "", dir)
	if got := fmtInts(off); got != "[10]" {
		// Line 10 is reported without the library too: the call is
		// awaited elsewhere in the module and its result's attribute read.
		t.Fatalf("installed-libraries = false: ASL102 at %s, want [10]", got)
	}
	// No environment at all.
	writeText(t, filepath.Join(dir, "pyproject.toml"), "[project]\nname = \"x\"\n")
	if err := os.Rename(filepath.Join(dir, ".venv"), filepath.Join(dir, "elsewhere")); err != nil {
		t.Fatal(err)
	}
	none, _ := asl102Lines(t, "", dir)
	if !reflect.DeepEqual(none, off) {
		t.Fatalf("without an environment: ASL102 at %v, want %v", none, off)
	}
	// Named by python-environment (a directory not called .venv).
	writeText(t, filepath.Join(dir, "pyproject.toml"), "[tool.asyncls]\npython-environment = \"elsewhere\"\n")
	named, errs := asl102Lines(t, "", dir)
	if len(errs) > 0 || fmtInts(named) != installedFires {
		t.Fatalf("python-environment = \"elsewhere\": ASL102 at %v (errors %v), want %s", named, errs, installedFires)
	}
	// $VIRTUAL_ENV.
	writeText(t, filepath.Join(dir, "pyproject.toml"), "[project]\nname = \"x\"\n")
	t.Setenv("VIRTUAL_ENV", filepath.Join(dir, "elsewhere"))
	if venv, _ := asl102Lines(t, "", dir); fmtInts(venv) != installedFires {
		t.Fatalf("$VIRTUAL_ENV: ASL102 at %v, want %s", venv, installedFires)
	}
}

func TestPythonEnvironmentMissing(t *testing.T) {
	dir := installedCase(t, "[tool.asyncls]\npython-environment = \"no-such-venv\"\n")
	_, errs := asl102Lines(t, "", dir)
	if len(errs) == 0 || !strings.Contains(errs[0].Error(), "python-environment") || !strings.Contains(errs[0].Error(), "no such directory") {
		t.Fatalf("errors %v, want one naming python-environment and the missing directory", errs)
	}
	// A directory that is no environment.
	writeText(t, filepath.Join(dir, "empty", "README"), "x")
	writeText(t, filepath.Join(dir, "pyproject.toml"), "[tool.asyncls]\npython-environment = \"empty\"\n")
	_, errs = asl102Lines(t, "", dir)
	if len(errs) == 0 || !strings.Contains(errs[0].Error(), "site-packages") {
		t.Fatalf("errors %v, want one saying the directory holds no site-packages", errs)
	}
	if _, err := config.Parse("pyproject.toml", []byte("[tool.asyncls]\npython-environment = 3\n")); err == nil {
		t.Fatal("python-environment = 3 accepted")
	}
}

// The cache's entries depend on the library files read: changing one
// (an async def made a def) checks the project again.
func TestInstalledLibrariesCache(t *testing.T) {
	dir := installedCase(t, "[project]\nname = \"x\"\n")
	t.Setenv("ASYNCLS_CACHE_DIR", t.TempDir())
	first, _ := asl102Lines(t, "test", dir)
	second, _ := asl102Lines(t, "test", dir)
	if fmtInts(first) != installedFires || !reflect.DeepEqual(first, second) {
		t.Fatalf("cached runs found %v then %v, want %s", first, second, installedFires)
	}
	base := filepath.Join(dir, ".venv", "lib", "python3.11", "site-packages", "somelib", "base.py")
	data, _ := os.ReadFile(base)
	writeText(t, base, strings.Replace(string(data), "async def fetch", "def fetch", 1))
	later := time.Now().Add(2 * time.Second)
	os.Chtimes(base, later, later)
	third, _ := asl102Lines(t, "test", dir)
	if got := fmtInts(third); got != "[10 19 25 34]" {
		t.Fatalf("after fetch became a def, the cached run found ASL102 at %s, want [10 19 25 34]", got)
	}
	// A library module that appears (was looked up and missing before).
	writeText(t, filepath.Join(dir, ".venv", "lib", "python3.11", "site-packages", "otherlib.py"), "async def go(): pass\n")
	writeText(t, filepath.Join(dir, "uses_other.py"), "import otherlib\n\n\nasync def main():\n    otherlib.go()\n")
	fourth, _ := asl102Lines(t, "test", dir)
	if !slices.Contains(fourth, 5) {
		t.Fatalf("otherlib.go() not reported: %v", fourth)
	}
}

// Bad library files cost nothing but their names: an undecodable file, one
// over the size limit, a symlink loop, a directory named like a module,
// an unreadable directory.
func TestInstalledLibrariesBadInput(t *testing.T) {
	dir := installedCase(t, "[project]\nname = \"x\"\n")
	site := filepath.Join(dir, ".venv", "lib", "python3.11", "site-packages")
	os.WriteFile(filepath.Join(site, "latin.py"), []byte("async def caf\xe9(): pass\nasync def go(): pass\n"), 0o644)
	huge := "async def go(): pass\n" + strings.Repeat("x = 1\n", 3<<20/6)
	os.WriteFile(filepath.Join(site, "huge.py"), []byte(huge), 0o644)
	os.Symlink("loop.py", filepath.Join(site, "loop.py"))
	os.MkdirAll(filepath.Join(site, "adir.py"), 0o755)
	os.MkdirAll(filepath.Join(site, "locked"), 0o755)
	writeText(t, filepath.Join(site, "locked", "__init__.py"), "async def go(): pass\n")
	os.Chmod(filepath.Join(site, "locked"), 0)
	defer os.Chmod(filepath.Join(site, "locked"), 0o755)
	os.Symlink(site, filepath.Join(site, "cyclic"))
	writeText(t, filepath.Join(dir, "bad.py"), `import latin, huge, loop, adir, locked, cyclic.cyclic.cyclic.somelib as deep


async def main():
    latin.go()
    huge.go()
    loop.go()
    adir.go()
    deep.Client().get_me()
`)
	lines, errs := asl102Lines(t, "", filepath.Join(dir, "bad.py"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	// Only the module reached through the symlinked directory is read
	// (Python would import it too); the others are not read at all.
	if got := fmtInts(lines); got != "[9]" {
		t.Fatalf("ASL102 at %s, want [9]", got)
	}
}
