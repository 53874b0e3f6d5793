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
	Notes:    "Also reported for `BaseExceptionGroup` and the `exceptiongroup` backport's classes, and for a tuple containing them.",
	Run:      runPytestRaisesGroup,
})

func runPytestRaisesGroup(p *Pass) {
	for _, c := range p.Module.Calls {
		name := c.Callee
		if name == "" {
			name = calleeOf(p.Module, c.Node)
		}
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
				p.Report(c.Node, "`pytest.raises("+p.File.Brief(it)+")` passes whatever the group contains; use "+
					"`pytest.RaisesGroup(...)` naming the expected exceptions")
				break
			}
		}
	}
}
