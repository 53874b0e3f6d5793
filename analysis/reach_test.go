package analysis

import (
	"strings"
	"testing"
)

// TestReachDoesNotDependOnOrder asks about the functions of call cycles in
// every order, each time of a fresh snapshot, and wants the same chains:
// a function asked about inside a cycle that leads back to its caller
// (b, while a is walked, cannot go through a) still reaches through that
// caller when asked about itself.
func TestReachDoesNotDependOnOrder(t *testing.T) {
	src := `
def a(x):
    b(x)
    e()

def e():
    block()

def b(x):
    a(x)

def c(x):
    d(x)

def d(x):
    c(x)
    if isinstance(x, str):
        block()

async def main():
    a(1)
    b(1)
    c("s")
    d(1)
`
	direct := func(m *Module, c *Call) bool { return m.File.Text(c.Node.ChildByField("function")) == "block" }
	chainText := func(ch Chain) string {
		var parts []string
		for _, h := range ch {
			parts = append(parts, h.Func.Name)
		}
		return strings.Join(parts, ">")
	}
	want := map[string]string{"a(1)": "a>e", "b(1)": "b>a>e", "c(\"s\")": "c>d", "d(1)": ""}
	orders := [][]string{{"a(1)", "b(1)", "c(\"s\")", "d(1)"}, {"b(1)", "a(1)", "d(1)", "c(\"s\")"}}
	for _, order := range orders {
		for _, typed := range []bool{false, true} {
			m := build(t, src)
			p := NewProject("", []*Module{m})
			for _, call := range order {
				c := callAt(t, m, call)
				target := p.Target(c)
				var got Chain
				if typed {
					got = p.ReachOnLoop("k", c, target, direct)
				} else {
					got = p.Reach("k", target, direct)
				}
				w := want[call]
				if !typed && call == "d(1)" {
					w = "d" // the untyped walk does not know x is no str
				}
				if chainText(got) != w {
					t.Errorf("order %v, typed %v: %s reaches %q, want %q", order, typed, call, chainText(got), w)
				}
			}
		}
	}
}
