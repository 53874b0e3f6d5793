package rules

import (
	"path/filepath"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// expectedToRaise reports a call in the body of `with pytest.raises(...):`
// (or unittest's `self.assertRaises(...)`): the test expects the block to
// fail, typically at a guard before any blocking work (calling a
// thread-only API from the event loop raises RuntimeError first), so the
// helper's blocking call is not what runs.
func expectedToRaise(m *analysis.Module, call *analysis.Node) bool {
	for q := call.Parent(); q != nil && !isDef(q); q = q.Parent() {
		if q.Type() != "block" || q.Parent() == nil || q.Parent().Type() != "with_statement" {
			continue
		}
		found := false
		q.Parent().Walk(func(n *analysis.Node) bool {
			if found || n.Type() == "block" {
				return false
			}
			if n.Type() == "call" {
				fn := n.ChildByField("function")
				name := m.Resolve(fn).Name
				text := m.File.Text(fn)
				found = pylib.Is(name, pylib.ExpectsRaise) || strings.HasSuffix(text, ".assertRaises") ||
					strings.HasSuffix(text, ".assertRaisesRegex")
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// testModule reports a module that test runners collect tests from, or
// that belongs to a test package: pytest's file names (test_*.py,
// *_test.py, conftest.py; isTestModule) or a package named tests, test or
// testing in its dotted name (trio._core.tests.test_run, pkg.tests.helpers).
// The dotted name, not the path, so that where the project lives (a
// checkout under ~/test/) changes nothing, and every entry point agrees.
func testModule(m *analysis.Module) bool {
	base := filepath.Base(m.File.Path)
	if strings.HasPrefix(base, "test_") || strings.HasSuffix(base, "_test.py") || strings.HasSuffix(base, "_tests.py") ||
		base == "conftest.py" || base == "tests.py" {
		return true
	}
	parts := strings.Split(m.Name, ".")
	if !m.IsPackage && len(parts) > 0 {
		parts = parts[:len(parts)-1] // the module's own name: tests.py above, testing.py is a library module
	}
	for _, part := range parts {
		if part == "tests" || part == "test" || part == "testing" {
			return true
		}
	}
	return false
}
