package lint

import (
	"os"
	"path/filepath"
	"testing"
)

// SimulationProject finds modules as Python would from the file's place in
// the project check reads: a src/ layout, a namespace package, the
// package of the file itself; not a nested project, not an excluded
// directory, nothing outside the root.
func TestSimulationProjectLooksModulesUp(t *testing.T) {
	root := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("proj/pyproject.toml", "[tool.asyncls]\nexclude = [\"generated\"]\n")
	write("proj/src/app/__init__.py", "")
	write("proj/src/app/x.py", "X = 1\n")
	write("proj/scripts/run.py", "import app.x\n")
	write("proj/ns/tool.py", "")
	write("proj/app2/__init__.py", "")
	write("proj/app2/__main__.py", "from . import y\n")
	write("proj/app2/y.py", "")
	write("proj/nested/pyproject.toml", "")
	write("proj/nested/lib.py", "")
	write("proj/generated/gen.py", "")
	write("elsewhere.py", "")
	configs := NewConfigs(nil, nil)
	p := SimulationProject(filepath.Join(root, "proj/scripts/run.py"), configs)
	if p == nil {
		t.Fatal("no project")
	}
	if f, isPkg := p.Module("app.x"); f == nil || isPkg {
		t.Errorf("app.x (src/ layout): %v %v", f, isPkg)
	}
	if f, isPkg := p.Module("app"); f == nil || !isPkg {
		t.Errorf("app: %v %v", f, isPkg)
	}
	if !p.Namespace("ns") {
		t.Error("ns is a namespace package")
	}
	if f, _ := p.Module("ns.tool"); f == nil {
		t.Error("ns.tool not found")
	}
	for _, name := range []string{"nested.lib", "lib", "generated.gen", "elsewhere", "asyncio"} {
		if f, _ := p.Module(name); f != nil {
			t.Errorf("%s is not a module of the project: %s", name, f.Path)
		}
	}
	main := filepath.Join(root, "proj/app2/__main__.py")
	p = SimulationProject(main, configs)
	if name, isPkg := p.Naming(main); name != "app2.__main__" || isPkg {
		t.Errorf("naming of app2/__main__.py: %q %v", name, isPkg)
	}
	if f, _ := p.Module("app2.y"); f == nil {
		t.Error("app2.y not found from inside the package")
	}
}
