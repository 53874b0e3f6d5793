package pyfront

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/loopsim"
)

// projectsDir holds programs of several modules: NAME/main.py imports the
// modules of its project (NAME/, marked by its pyproject.toml), recorded in
// projectsDir/groundtruth.json like testdata/loopsim's programs.
const projectsDir = "../../testdata/loopsim-projects"

// projectOf parses every Python file below root (a project root, as
// `asyncls check` finds it for these inputs: the directory holding
// pyproject.toml), minus nested projects (directories holding a
// pyproject.toml of their own), into a snapshot named by the check's
// layout. cmd/asyncls's tests check that `simulate` finds the same.
func projectOf(t *testing.T, root string) *analysis.Project {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root {
			if _, err := os.Stat(filepath.Join(p, "pyproject.toml")); err == nil {
				return filepath.SkipDir
			}
		}
		if !d.IsDir() && strings.HasSuffix(p, ".py") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	layout := analysis.NewLayout(root, paths)
	var mods []*analysis.Module
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		mods = append(mods, analysis.BuildModuleNamed(analysis.Parse(p, src), layout.Naming(p)))
	}
	return analysis.NewProject(root, mods)
}

// memProject is projectOf for files given as text (path relative to
// root -> source).
func memProject(root string, files map[string]string) *analysis.Project {
	var paths []string
	for p := range files {
		paths = append(paths, filepath.Join(root, p))
	}
	sort.Strings(paths)
	layout := analysis.NewLayout(root, paths)
	var mods []*analysis.Module
	for _, p := range paths {
		rel, _ := filepath.Rel(root, p)
		mods = append(mods, analysis.BuildModuleNamed(analysis.Parse(p, []byte(files[rel])), layout.Naming(p)))
	}
	return analysis.NewProject(root, mods)
}

func simulateInProject(t *testing.T, p *analysis.Project, path string, cfg loopsim.Config) *loopsim.Result {
	t.Helper()
	m := p.Module(path)
	if m == nil {
		t.Fatalf("%s is not in the project", path)
	}
	res, err := Simulate(m.File, Options{Config: cfg, Project: SnapshotProject(p)})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return res
}

func simulateProjectMain(t *testing.T, path string) *loopsim.Result {
	t.Helper()
	return simulateInProject(t, projectOf(t, filepath.Dir(path)), path, loopsim.Config{})
}

func projectPrograms(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(projectsDir, "*", "main.py"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no programs in %s (%v)", projectsDir, err)
	}
	sort.Strings(files)
	return files
}

// TestProjectGroundTruth: the programs of several modules simulate as
// close to their recorded python3 time as testdata/loopsim's, following
// their imports (from x import y, import x.y as z, import x.y, relative
// imports, a package's __init__ re-exporting, an import cycle Python
// accepts), with no assumption but the CPU cost model.
func TestProjectGroundTruth(t *testing.T) {
	files := projectPrograms(t)
	for _, f := range files {
		res := simulateProjectMain(t, f)
		if !res.Finished || res.Outcome != "ok" {
			t.Errorf("%s: finished=%v outcome=%s problem=%s", f, res.Finished, res.Outcome, res.Problem)
		}
		for _, a := range res.Assumptions {
			if !strings.Contains(a.Text, "CPU work estimated") {
				t.Errorf("%s: assumption %+v", f, a)
			}
		}
	}
	compareGroundTruth(t, projectsDir, files, simulateProjectMain)
}

// Without the project, the same programs are what the simulator saw
// before it followed imports: calls into the project are unknown, and
// the estimate says so (not high).
func TestProjectProgramsAloneSayUnknown(t *testing.T) {
	for _, f := range projectPrograms(t) {
		res := simulateFile(t, f)
		if res.Level == "high" {
			t.Errorf("%s alone: confidence high (%.2f) with its project's modules unknown", f, res.Confidence)
		}
		named := false
		for _, a := range res.Assumptions {
			named = named || strings.Contains(a.Text, "not modelled")
		}
		if !named {
			t.Errorf("%s alone: no assumption names the unknown calls: %+v", f, res.Assumptions)
		}
	}
}

func assumptionsText(res *loopsim.Result) string {
	var b strings.Builder
	for _, a := range res.Assumptions {
		fmt.Fprintf(&b, "%s:%d: %s\n", a.File, a.Line, a.Text)
	}
	return b.String()
}

// A module outside the project (a library, or a nested project, which
// `check` reads as a project of its own) stays unknown: the time of what
// the project does is counted, the unknown call is named, and the
// confidence is not high.
func TestProjectOutsideModuleStaysUnknown(t *testing.T) {
	dir := filepath.Join(projectsDir, "unknown", "outside")
	res := simulateInProject(t, projectOf(t, dir), filepath.Join(dir, "main.py"), loopsim.Config{})
	if !res.Finished {
		t.Fatalf("not finished: %s", res.Problem)
	}
	if res.ConcurrentS < 0.1 || res.ConcurrentS > 0.11 {
		t.Errorf("concurrent %.3f s, want the project's own 0.1 s sleep", res.ConcurrentS)
	}
	text := assumptionsText(res)
	for _, want := range []string{"`vendorlib.fetch` not modelled", "app/work.py:"} {
		if !strings.Contains(text, want) {
			t.Errorf("no assumption with %q:\n%s", want, text)
		}
	}
	if res.Level == "high" {
		t.Errorf("confidence high with an unknown library call:\n%s", text)
	}
}

// Two modules importing names from each other (an ImportError in Python)
// and a module importing itself: the simulation ends, and says which name
// the cycle left unbound.
func TestProjectImportCycleTerminates(t *testing.T) {
	dir := filepath.Join(projectsDir, "unknown", "cycle")
	res := simulateInProject(t, projectOf(t, dir), filepath.Join(dir, "main.py"), loopsim.Config{})
	text := assumptionsText(res)
	if !strings.Contains(text, "import cycle") {
		t.Errorf("no assumption names the cycle:\n%s", text)
	}
	if res.Level == "high" {
		t.Errorf("confidence high through an import cycle:\n%s", text)
	}
}

// A chain of imports deeper than the simulator follows, and a module whose
// body never ends: each run ends, the first with the chain's end unknown,
// the second at a budget.
func TestProjectImportBounds(t *testing.T) {
	files := map[string]string{}
	const n = 100
	for i := 0; i < n; i++ {
		files[fmt.Sprintf("m%d.py", i)] = fmt.Sprintf("import m%d\nasync def f():\n    import asyncio\n    await asyncio.sleep(0.01)\n", i+1)
	}
	files["main.py"] = "import asyncio\nimport m0\nasync def main():\n    await m0.f()\n"
	root := t.TempDir()
	p := memProject(root, files)
	res := simulateInProject(t, p, filepath.Join(root, "main.py"), loopsim.Config{})
	if !res.Finished || res.ConcurrentS < 0.01 {
		t.Errorf("deep chain: finished=%v concurrent=%.3f problem=%s", res.Finished, res.ConcurrentS, res.Problem)
	}
	if text := assumptionsText(res); !strings.Contains(text, "nested more than") {
		t.Errorf("deep chain: no assumption says where the chain was cut:\n%s", text)
	}

	endless := memProject(root, map[string]string{
		"spin.py": "while True:\n    pass\n",
		"main.py": "import asyncio\nasync def main():\n    import spin\n    await asyncio.sleep(1)\n",
	})
	res = simulateInProject(t, endless, filepath.Join(root, "main.py"), loopsim.Config{MaxSteps: 100_000})
	if res.Budget == "" {
		t.Errorf("endless module body: no budget hit (finished=%v, %s)", res.Finished, res.Problem)
	}
}

// A module inside a package, simulated on its own (the hover's estimate of
// a coroutine): its relative imports are resolved from its own name.
func TestProjectRelativeImportsOfAModule(t *testing.T) {
	p := projectOf(t, filepath.Join(projectsDir, "fetchapp"))
	m := p.ModuleNamed("app.fetch")
	if m == nil {
		t.Fatal("no app.fetch")
	}
	fn := FunctionNamed(m.File, "fetch_all")
	res, err := EstimateFunction(m.File, fn, Options{Project: SnapshotProject(p)})
	if err != nil {
		t.Fatal(err)
	}
	// connect (30 ms), then the slowest of four gets (200 ms).
	if res.ConcurrentS < 0.229 || res.ConcurrentS > 0.235 {
		t.Errorf("fetch_all alone: %.3f s, want about 0.23 s:\n%s", res.ConcurrentS, assumptionsText(res))
	}
}

// from a package import *, a namespace package (no __init__.py), and a
// name of a package's __init__ that is its submodule.
func TestProjectStarAndNamespaceImports(t *testing.T) {
	root := t.TempDir()
	p := memProject(root, map[string]string{
		"ns/tools/slow.py": "import asyncio\n__all__ = ['nap']\nasync def nap():\n    await asyncio.sleep(0.05)\nasync def _hidden():\n    pass\n",
		"pkg/__init__.py":  "from .inner import *\n",
		"pkg/inner.py":     "import asyncio\nasync def work():\n    await asyncio.sleep(0.02)\n",
		"main.py":          "import asyncio\nimport ns.tools.slow\nfrom pkg import *\nfrom pkg import inner\n\nasync def main():\n    await ns.tools.slow.nap()\n    await work()\n    await inner.work()\n",
	})
	res := simulateInProject(t, p, filepath.Join(root, "main.py"), loopsim.Config{})
	if !res.Finished || res.ConcurrentS < 0.09 || res.ConcurrentS > 0.095 {
		t.Errorf("concurrent %.3f s (finished %v), want 0.09 s:\n%s", res.ConcurrentS, res.Finished, assumptionsText(res))
	}
	for _, a := range res.Assumptions {
		if !strings.Contains(a.Text, "CPU work") {
			t.Errorf("assumption %s:%d: %s", a.File, a.Line, a.Text)
		}
	}
}

// typing.TYPE_CHECKING is False at run time: what it guards does not run
// and is not an assumption.
func TestTypeCheckingIsFalse(t *testing.T) {
	src := `import asyncio
import typing
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.models import Model


async def main():
    if TYPE_CHECKING:
        await asyncio.sleep(1)
    if typing.TYPE_CHECKING:
        await asyncio.sleep(1)
    await asyncio.sleep(0.1)
`
	res, err := Simulate(analysis.Parse("p.py", []byte(src)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := assumptionsText(res)
	if res.Outcome != "ok" || res.ConcurrentS < 0.1 || res.ConcurrentS > 0.102 || res.Level != "high" {
		t.Errorf("outcome %s, %.3f s, %s; want ok, 0.1 s, high:\n%s", res.Outcome, res.ConcurrentS, res.Level, text)
	}
}
