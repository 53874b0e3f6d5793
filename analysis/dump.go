package analysis

import (
	"fmt"
	"strings"
)

// Dump renders the subtree of n as an indented outline, for tests and debugging.
func (f *File) Dump(n *Node) string {
	var b strings.Builder
	var rec func(n *Node, depth int)
	rec = func(n *Node, depth int) {
		b.WriteString(strings.Repeat("  ", depth))
		if n.Field() != "" {
			b.WriteString(n.Field() + ": ")
		}
		b.WriteString(n.Type())
		if !n.HasChildren() {
			fmt.Fprintf(&b, " %q", f.Text(n))
		}
		b.WriteByte('\n')
		for _, c := range n.Children() {
			rec(c, depth+1)
		}
	}
	rec(n, 0)
	return b.String()
}
