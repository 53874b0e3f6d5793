package rules

import (
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
