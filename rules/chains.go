package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
)

// How the rules that follow calls through helpers show the chain.

// describeChain renders "helper() -> inner() -> asyncio.run()".
func describeChain(chain analysis.Chain) string {
	parts := []string{chain[0].Func.QualName + "()"}
	for _, h := range chain {
		parts = append(parts, h.Func.Module().File.Text(h.Call.Node.ChildByField("function"))+"()")
	}
	return strings.Join(parts, " -> ")
}

// chainRelated points at each call of the chain.
func chainRelated(chain analysis.Chain) []Related {
	var out []Related
	for _, h := range chain {
		m := h.Func.Module()
		out = append(out, RelatedAt(m, h.Call.Node, "`"+h.Func.QualName+"` calls `"+m.File.Text(h.Call.Node.ChildByField("function"))+"()` here"))
	}
	return out
}
