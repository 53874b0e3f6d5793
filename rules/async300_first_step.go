package rules

import "github.com/asyncls/asyncls/analysis"

// finishesInFirstStep reports a task factory call whose coroutine is a
// call of a project coroutine function that never suspends: an `async def`
// (not a generator, not decorated) whose body, outside nested functions,
// has no `await`, `async for`, `async with` or async comprehension, and is
// not a stub (`...`, `pass`, `raise NotImplementedError`: a placeholder
// whose real body is elsewhere), called as a method only when no subclass,
// attribute store or patch may replace it (Project.MethodMayBeReplaced).
//
// Such a task runs to completion in its first step: until that step the
// loop's ready queue holds the handle that will run it, and after it the
// task is done, so the garbage collector can never take it mid-flight, the
// hazard this rule is for. Its exception (if any) is reported by asyncio
// as for any dropped task when the task is freed, which is at once in
// CPython. Dropping the task is then only a deferred plain call. In a test
// module a task whose coroutine checks something (checksInTest) is still
// reported: the failed assertion it would raise is lost to the test.
func finishesInFirstStep(p *Pass, c *analysis.Call) bool {
	if p.Project == nil {
		return false
	}
	args := awaitableArgs(p, c)
	var arg *analysis.Node
	if len(args) > 0 {
		arg = args[0]
	} else if arg = c.Positional(0); arg != nil {
		arg = analysis.Unparen(arg)
	}
	if arg == nil || arg.Type() != "call" {
		return false
	}
	calls := p.Module.Memo("rules.callByNode", func() any { return callByNode(p.Module) }).(map[*analysis.Node]*analysis.Call)
	inner := calls[arg]
	if inner == nil {
		return false
	}
	f := p.Project.Target(inner)
	if f == nil || !f.Async || f.Generator || f.Lambda || len(f.Decorators) > 0 || !f.IsCoroutineFunction() || len(f.Awaits) > 0 {
		return false
	}
	if stubBody(f.Module().File, f.Node) || p.Project.MethodMayBeReplaced(f, p.overrideKeyNote()) {
		return false
	}
	// In a test module a task that checks something is reported whatever
	// its steps (testScaffoldingTask): its failed assertion is lost.
	if testModule(p.Module, p.Project) && checksInTest(p.Project, f, map[*analysis.Function]bool{}) {
		return false
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
	return !suspends
}
