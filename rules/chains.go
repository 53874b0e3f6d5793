package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
)

// How the rules that follow calls through helpers show the chain.

// describeChain renders "helper() -> inner() -> asyncio.run()"; a hop that
// reads a property shows the read ("helper() -> self.client -> Client()").
func describeChain(chain analysis.Chain) string {
	parts := []string{chain[0].Func.QualName + "()"}
	for _, h := range chain {
		parts = append(parts, HopText(h.Func.Module(), h.Call))
	}
	return strings.Join(parts, " -> ")
}

// HopText is how a chain shows a call, `f()`, or a property read,
// `self.prop` (in messages, and in the server's hover).
func HopText(m *analysis.Module, c *analysis.Call) string {
	if c.IsPropertyRead() {
		return m.File.Brief(c.Node)
	}
	return m.File.Brief(c.Node.ChildByField("function")) + "()"
}

// chainRelated points at each call of the chain.
func chainRelated(chain analysis.Chain) []Related {
	var out []Related
	for _, h := range chain {
		m := h.Func.Module()
		verb := "calls"
		if h.Call.IsPropertyRead() {
			verb = "reads property"
		}
		out = append(out, RelatedAt(m, h.Call.Node, "`"+h.Func.QualName+"` "+verb+" `"+HopText(m, h.Call)+"` here"))
	}
	return out
}
