package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// skippedRanges are the byte ranges of the module's functions and classes
// decorated with an unconditional skip (pylib.SkipsTest; not the
// conditional skipif, nor xfail, which runs the test) (`@pytest.mark.skip("flaky")`,
// `@unittest.skip("broken")`): a test that never runs. check drops every
// finding inside one, whatever its rule: the code is true or false only
// once someone removes the skip, and then the finding comes back.
func skippedRanges(m *analysis.Module) [][2]int {
	if !strings.Contains(m.File.Text(m.File.Root), "skip") {
		return nil
	}
	var out [][2]int
	m.File.Root.Walk(func(n *analysis.Node) bool {
		if n.Type() != "decorated_definition" {
			return true
		}
		for _, d := range n.NamedChildren() {
			if d.Type() != "decorator" {
				continue
			}
			for _, e := range d.NamedChildren() {
				e = analysis.Unparen(e)
				if e.Type() == "call" {
					e = e.ChildByField("function")
				}
				if e != nil && pylib.SkipsTest[qualName(m, e)] {
					out = append(out, [2]int{int(n.Start), int(n.End)})
					return false
				}
			}
		}
		return true
	})
	return out
}

// inSkipped reports whether the byte offset lies in one of ranges.
func inSkipped(ranges [][2]int, at int) bool {
	for _, r := range ranges {
		if r[0] <= at && at < r[1] {
			return true
		}
	}
	return false
}
