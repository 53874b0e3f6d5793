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
	return expectedToRaiseOf(m, call, "")
}

// expectedToRaiseOf is expectedToRaise for a block expected to raise the
// exception exc names (its last dotted part; "" any): the expectation's E,
// or an item of a tuple E, is exc, `Exception` or `BaseException`.
func expectedToRaiseOf(m *analysis.Module, node *analysis.Node, exc string) bool {
	for q := node.Parent(); q != nil && !isDef(q); q = q.Parent() {
		if q.Type() != "block" || q.Parent() == nil || q.Parent().Type() != "with_statement" {
			continue
		}
		found := false
		q.Parent().Walk(func(n *analysis.Node) bool {
			if found || n.Type() == "block" {
				return false
			}
			if n.Type() != "call" {
				return true
			}
			fn := n.ChildByField("function")
			text := m.File.Text(fn)
			if !pylib.Is(m.Resolve(fn).Name, pylib.ExpectsRaise) && !strings.HasSuffix(text, ".assertRaises") &&
				!strings.HasSuffix(text, ".assertRaisesRegex") {
				return true
			}
			found = exc == "" || raisesNamed(m, n, exc)
			return false
		})
		if found {
			return true
		}
	}
	return false
}

// raisesNamed reports an expectation call whose first argument (or an
// item of it, a tuple) names exc, `Exception` or `BaseException`.
func raisesNamed(m *analysis.Module, call *analysis.Node, exc string) bool {
	args := call.ChildByField("arguments")
	if args == nil || len(args.NamedChildren()) == 0 {
		return false
	}
	first := analysis.Unparen(args.NamedChildren()[0])
	items := []*analysis.Node{first}
	if first.Type() == "tuple" {
		items = first.NamedChildren()
	}
	for _, it := range items {
		name := m.File.Text(it)
		if i := strings.LastIndex(name, "."); i >= 0 {
			name = name[i+1:]
		}
		if name == exc || name == "Exception" || name == "BaseException" {
			return true
		}
	}
	return false
}

// testModule reports a module that test runners collect tests from, or
// that belongs to a test directory: pytest's file names (test_*.py,
// *_test.py, conftest.py), a package named tests, test or testing in its
// dotted name (trio._core.tests.test_run), or a directory of that name
// between the project's root and the file (tests/helpers.py beside
// conftest.py, a directory pytest puts on sys.path, no package). Never the
// directories above the project's root: where a checkout lives (~/test/)
// changes nothing. A library module named testing.py (tornado.testing) is
// not a test module.
func testModule(m *analysis.Module, p *analysis.Project) bool {
	base := filepath.Base(m.File.Path)
	if strings.HasPrefix(base, "test_") || strings.HasSuffix(base, "_test.py") || strings.HasSuffix(base, "_tests.py") ||
		base == "conftest.py" || base == "tests.py" {
		return true
	}
	parts := strings.Split(m.Name, ".")
	if !m.IsPackage && len(parts) > 0 {
		parts = parts[:len(parts)-1] // the module's own name
	}
	if p != nil && p.Root != "" {
		if rel, ok := relativeTo(p.Root, m.File.Path); ok {
			parts = append(parts, strings.Split(filepath.ToSlash(filepath.Dir(rel)), "/")...)
		}
	}
	for _, part := range parts {
		if part == "tests" || part == "test" || part == "testing" {
			return true
		}
	}
	return false
}

// relativeTo returns path relative to root when it lies below it.
func relativeTo(root, path string) (string, bool) {
	if filepath.IsAbs(root) != filepath.IsAbs(path) {
		var err error
		if root, err = filepath.Abs(root); err != nil {
			return "", false
		}
		if path, err = filepath.Abs(path); err != nil {
			return "", false
		}
	}
	rel, err := filepath.Rel(root, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, "../") || strings.HasPrefix(rel, `..\`) {
		return "", false
	}
	return rel, true
}
