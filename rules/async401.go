package rules

import (
	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC401 reports pytest.raises(ExceptionGroup).
var ASYNC401 = register(&Rule{
	Code:    "ASYNC401",
	Name:    "pytest-raises-exceptiongroup",
	Summary: "`pytest.raises(ExceptionGroup)` checks only the group type, not what it contains",
	Rationale: "Code using TaskGroups raises `ExceptionGroup`s. `pytest.raises(ExceptionGroup)` passes whatever the group " +
		"contains, so the test still passes when the code fails with an entirely different error. `pytest.RaisesGroup` " +
		"(pytest 8.4+; `trio.testing.RaisesGroup` before) states which exceptions the group must hold.",
	Bad: `import pytest

async def test_fails():
    with pytest.raises(ExceptionGroup):
        await run_all()`,
	Good: `import pytest

async def test_fails():
    with pytest.RaisesGroup(ValueError):
        await run_all()`,
	Severity: Warning,
	Default:  true,
	Notes: "Also reported for `BaseExceptionGroup` and the `exceptiongroup` backport's classes, and for a tuple containing them. " +
		"Not reported when the test reads what it caught after the block (`with pytest.raises(ExceptionGroup) as exc:` then " +
		"`exc.value`, `exc.group_contains(...)`): it checks the group's contents itself, as anyio's and trio's suites do.",
	Run: runPytestRaisesGroup,
})

func runPytestRaisesGroup(p *Pass) {
	for _, c := range p.Module.Calls {
		name := calleeName(p.Module, c)
		if name == "" || !pylib.Is(name, pylib.ExpectsRaise) {
			continue
		}
		arg := c.Positional(0)
		if arg == nil {
			arg = c.Keyword("expected_exception", p.File)
		}
		if arg == nil {
			continue
		}
		items := []*analysis.Node{arg}
		if arg.Type() == "tuple" {
			items = arg.NamedChildren()
		}
		for _, it := range items {
			n := qualName(p.Module, it)
			if n == "" {
				n = p.File.Text(it)
			}
			if pylib.Is(n, pylib.ExceptionGroupClass) {
				if inspectsCaughtGroup(p.File, c.Node) {
					break
				}
				p.Report(c.Node, "`pytest.raises("+p.File.Brief(it)+")` passes whatever the group contains; use "+
					"`pytest.RaisesGroup(...)` naming the expected exceptions")
				break
			}
		}
	}
}

// inspectsCaughtGroup reports a `with pytest.raises(...) as name:` (call is
// the raises call) after whose block the enclosing function (or module)
// reads `name.value` or calls `name.group_contains(...)`: the test checks
// what the group holds itself.
func inspectsCaughtGroup(f *analysis.File, call *analysis.Node) bool {
	as := call.Parent()
	if as == nil || as.Type() != "as_pattern" {
		return false
	}
	var name string
	for _, c := range as.NamedChildren() {
		if c.Type() == "as_pattern_target" {
			if t := c.NamedChildren(); len(t) == 1 && t[0].Type() == "identifier" {
				name = f.Text(t[0])
			}
		}
	}
	if name == "" {
		return false
	}
	with := as.Parent()
	for with != nil && with.Type() != "with_statement" {
		with = with.Parent()
	}
	if with == nil {
		return false
	}
	scope := enclosingFunc(with)
	if scope == nil {
		scope = f.Root
	}
	found := false
	scope.Walk(func(n *analysis.Node) bool {
		if found {
			return false
		}
		if n.Type() != "attribute" || n.Start < with.End {
			return true
		}
		obj := n.ChildByField("object")
		if obj == nil || obj.Type() != "identifier" || f.Text(obj) != name {
			return true
		}
		switch f.Text(n.ChildByField("attribute")) {
		case "value", "group_contains":
			found = true
		}
		return !found
	})
	return found
}
