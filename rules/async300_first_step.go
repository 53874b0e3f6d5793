package rules

import "github.com/asyncls/asyncls/analysis"

// neverSuspends returns the project coroutine function whose call a task
// factory call runs when that function never suspends: an `async def`
// (not a generator, not decorated) whose body, outside nested functions,
// has no `await`, `async for`, `async with` or async comprehension, and is
// not a stub (`...`, `pass`, `raise NotImplementedError`: a placeholder
// whose real body is elsewhere), called as a method only when no subclass,
// attribute store or patch may replace it (Project.MethodMayBeReplaced).
//
// Such a task runs to completion in its first step: until that step the
// loop's ready queue holds the handle that will run it, and after it the
// task is done, so the garbage collector cannot take it mid-flight. Its
// exception is only logged when the task is freed. It is still reported
// (noise300, twenty-ninth session: exempting it lost four real bugs whose
// maintainers made the call synchronous, PyISY#425 among them), with a
// message that says so and names the fix they chose. Nil otherwise.
func neverSuspends(p *Pass, c *analysis.Call) *analysis.Function {
	if p.Project == nil {
		return nil
	}
	inner := taskCoroutineCall(p, c)
	if inner == nil {
		return nil
	}
	f := p.Project.Target(inner)
	if f == nil || !f.Async || f.Generator || f.Lambda || len(f.Decorators) > 0 || !f.IsCoroutineFunction() || len(f.Awaits) > 0 {
		return nil
	}
	if stubBody(f.Module().File, f.Node) || p.Project.MethodMayBeReplaced(f, p.overrideKeyNote()) {
		return nil
	}
	suspends := false
	walkBody(f.Node.ChildByField("body"), func(n *analysis.Node) bool {
		switch n.Type() {
		case "await":
			suspends = true
		case "for_statement", "with_statement", "for_in_clause":
			suspends = suspends || isAsyncStmt(n)
		}
		return !suspends
	})
	if suspends {
		return nil
	}
	return f
}
