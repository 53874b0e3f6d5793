package rules

import (
	"github.com/asyncls/asyncls/analysis"
)

// passedCallableChain returns, for call c in a coroutine whose callee is a
// parameter of that coroutine (`return operation()` in `async def
// _execute_with_retry(self, operation)`), the chain from a synchronous
// project function that a call of the module passes for that parameter
// (`await self._execute_with_retry(update_metadata)`, a def, a method
// reference or a lambda) to a blocking call, and that passing call; nil
// when no call of the module passes one that blocks. The parameter must not
// be rebound in the coroutine, and the call's value must not be awaited or
// scheduled (the parameter is then a coroutine function). Only the module's
// own calls are read, so `check FILE`, `check .` and the server agree.
func passedCallableChain(p *Pass, c *analysis.Call) (analysis.Chain, *analysis.Call, *analysis.Node) {
	f := c.Func
	if f == nil || !f.Async || f.Lambda || c.Usage == analysis.UsageAwaited || c.Usage == analysis.UsageScheduled {
		return nil, nil, nil
	}
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "identifier" {
		return nil, nil, nil
	}
	name := p.File.Text(fn)
	b := f.Scope.Bindings.Get(name)
	if b == nil || b.Kind != analysis.BindParam || len(b.Values) > 0 || b.Node.Type() == "list_splat_pattern" || b.Node.Type() == "dictionary_splat_pattern" {
		return nil, nil, nil
	}
	// Where a call passes it: positionally after self or cls, or by keyword
	// (ASL202's paramPosition).
	pos, byKeyword := paramPosition(p.Module, f, name)
	if pos < 0 && !byKeyword {
		return nil, nil, nil
	}
	inHelpers := blockingInHelpers.of(p)
	for _, k := range p.Module.Calls {
		if k == c || p.Project.Target(k) != f {
			continue
		}
		var arg *analysis.Node
		if byKeyword {
			arg = k.Keyword(name, p.File)
		}
		if arg == nil && pos >= 0 {
			arg = k.Positional(pos)
		}
		t := passedFunction(p, arg)
		if t == nil || t.Async || t.Generator || t == f {
			continue
		}
		if chain := p.Project.ReachWithin(inHelpers.FollowKind, t, inHelpers.Follow, helperDepth(p)); chain != nil {
			return chain, k, arg
		}
	}
	return nil, nil, nil
}

// passedFunction is the project function an argument denotes: a lambda
// written there, or a name or attribute that resolves to a function (not an
// instance of a class).
func passedFunction(p *Pass, arg *analysis.Node) *analysis.Function {
	if arg == nil {
		return nil
	}
	arg = analysis.Unparen(arg)
	if arg.Type() == "lambda" {
		for _, f := range p.Module.Functions {
			if f.Node == arg {
				return f
			}
		}
		return nil
	}
	if arg.Type() != "identifier" && arg.Type() != "attribute" {
		return nil
	}
	r := p.Module.Resolve(arg)
	if r.Func == nil || r.Instance {
		return nil
	}
	return r.Func
}
