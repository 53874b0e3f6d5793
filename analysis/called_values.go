package analysis

import (
	"github.com/asyncls/asyncls/pylib"
)

// What awaiting an offload call gives, and what iterating what a call
// returns gives.

// offloadedCallee returns, when call is a call of an offload API whose
// awaited value is what the callable it runs returns
// (pylib.OffloadResult: `asyncio.to_thread(f, x)`,
// `loop.run_in_executor(None, f, x)`,
// `hass.async_add_executor_job(f, x)`), what that callable is: f, also
// through `functools.partial(f, ...)`. callee is what the call's function
// resolves to; an API matched by method name (pylib.ByMethodName) counts
// on a receiver of unknown type, as completedArgument reads
// `loop.run_until_complete`. ok is false for any other call.
func (m *Module) offloadedCallee(call *Node, callee Ref, depth int) (Ref, bool) {
	r, _, ok := m.offloadedCalleeArg(call, callee, depth)
	return r, ok
}

// offloadedCalleeArg is offloadedCallee that also returns the expression
// the callable is written as (the argument, or the first argument of the
// `functools.partial(...)` it is; nil when absent).
func (m *Module) offloadedCalleeArg(call *Node, callee Ref, depth int) (Ref, *Node, bool) {
	api, ok := pylib.API{}, false
	if callee.Name != "" && callee.Func == nil && callee.Class == nil {
		api, ok = pylib.OffloadResult(callee.Name)
	}
	if !ok && callee.Func == nil && callee.Class == nil && !callee.Instance {
		if fn := call.ChildByField("function"); fn != nil && fn.Type() == "attribute" {
			api, ok = pylib.OffloadResultMethod(m.File.Text(fn.ChildByField("attribute")))
		}
	}
	if !ok {
		return Ref{}, nil, false
	}
	arg := Unparen(OffloadedCallable(call, api, m.File))
	if arg == nil {
		return Ref{}, nil, true
	}
	if arg.Type() == "call" {
		bound := m.resolve(arg.ChildByField("function"), depth+1)
		if bound.Func != nil || bound.Class != nil || !pylib.Is(bound.Name, pylib.BindsArguments) {
			return Ref{}, nil, true
		}
		arg = Unparen(firstPositional(arg))
		if arg == nil {
			return Ref{}, nil, true
		}
	}
	return m.resolve(arg, depth+1), arg, true
}

// OffloadedCallable returns the argument of call c (a call of Offload API
// api) that holds the callable the API runs: the keyword argument
// api.CallableKeyword when the API takes it by name (threading.Thread's
// `target=`), else the positional argument at api.CallableArg; nil when
// absent, or when an unpacked argument comes first (its length is
// unknown).
func OffloadedCallable(c *Node, api pylib.API, f *File) *Node {
	args := c.ChildByField("arguments")
	if args == nil || args.Type() != "argument_list" {
		return nil
	}
	k := 0
	for _, a := range args.NamedChildren() {
		switch a.Type() {
		case "comment":
			continue
		case "keyword_argument":
			if api.CallableKeyword != "" && f.Text(a.ChildByField("name")) == api.CallableKeyword {
				return a.ChildByField("value")
			}
			continue
		case "list_splat", "dictionary_splat":
			if api.CallableKeyword == "" {
				return nil
			}
			continue
		}
		if api.CallableKeyword == "" && k == api.CallableArg {
			return a
		}
		k++
	}
	return nil
}

// returnedFunction returns the function of the project whose returns make
// value v (a call, `await` of a call, or a name bound once to one of
// those), and whether its returns are what v is: a plain function called
// (a generator function too: its annotation types the call's result), a
// coroutine function awaited, a plain function an awaited offload call
// runs. nil when v is none of those, or a decorator makes the call run
// something else.
func (m *Module) returnedFunction(v *Node, depth int) *Function {
	v = Unparen(v)
	if v != nil && v.Type() == "identifier" {
		v = Unparen(m.boundDisplay(v))
	}
	if v == nil || depth > maxResolveDepth {
		return nil
	}
	awaited := false
	if v.Type() == "await" {
		named := v.NamedChildren()
		if len(named) != 1 {
			return nil
		}
		v, awaited = Unparen(named[0]), true
	}
	if v == nil || v.Type() != "call" {
		return nil
	}
	callee := m.resolve(v.ChildByField("function"), depth+1)
	if awaited {
		if fn, ok := m.offloadedCallee(v, callee, depth); ok {
			callee, awaited = fn, false
		}
	}
	f := callee.Func
	if f == nil || callee.Instance || callee.Class != nil || f.Lambda || f.module == nil {
		return nil
	}
	if awaited != f.IsCoroutine() || !awaited && f.Async {
		return nil
	}
	if t := f.decoratedType(depth + 1); t != "" {
		return nil
	}
	if _, ok := f.wrapperResult(depth); ok {
		return nil
	}
	return f
}

// returnedContainer splits the generic return annotation (`-> list[Path]`,
// `-> dict[str, Client]`) of the function returnedFunction finds for v into
// its base and parameters, with the module that wrote them; nil when there
// is none.
func (m *Module) returnedContainer(v *Node, depth int) (*Module, *Node, []*Node) {
	f := m.returnedFunction(v, depth)
	if f == nil {
		return nil, nil, nil
	}
	rt := f.Node.ChildByField("return_type")
	if rt == nil {
		return nil, nil, nil
	}
	base, params := genericParts(Unparen(rt))
	if base == nil || len(params) == 0 {
		return nil, nil, nil
	}
	return f.module, base, params
}

// iterReturned is iterElement of v when v is what a function of the
// project returns (returnedFunction): the element its return annotation
// gives when iterated (`-> list[Path]`, `-> Iterator[Path]`: a Path), or,
// unannotated and not a generator, the element iterating each value it
// returns gives, when they agree (a bare `return` or `return None`
// aside). ok is false when v is no such value.
func (m *Module) iterReturned(v *Node, steps []unpackStep, depth int) (elementResult, bool) {
	f := m.returnedFunction(v, depth)
	if f == nil {
		return elementResult{}, false
	}
	fm := f.module
	if rt := f.Node.ChildByField("return_type"); rt != nil {
		base, params := genericParts(Unparen(rt))
		if base == nil || len(params) == 0 {
			return elementResult{}, true
		}
		t := iteratedParam(fm.resolve(base, depth+1).Name, params)
		if t == nil {
			return elementResult{}, true
		}
		return elementResult{ref: fm.annotationElement(t, steps, depth+1)}, true
	}
	if f.Generator || f.Async {
		return elementResult{}, true
	}
	var results []elementResult
	for _, ret := range f.returnStatements() {
		named := ret.NamedChildren()
		if len(named) == 0 || Unparen(named[0]).Type() == "none" {
			continue
		}
		results = append(results, fm.iterElement(named[0], steps, depth+1))
	}
	if len(results) == 0 {
		return elementResult{}, true
	}
	return elementResult{ref: agreeElements(results)}, true
}

// OffloadedCallee is offloadedCallee for a call of module m: when call
// runs a callable in a thread or executor and awaiting it gives what the
// callable returns (`asyncio.to_thread(f, x)`,
// `loop.run_in_executor(None, f, x)`), the callable f as resolved; ok is
// false for any other call; arg is the expression the callable is written
// as.
func (m *Module) OffloadedCallee(call *Node) (callee Ref, arg *Node, ok bool) {
	if call == nil || call.Type() != "call" {
		return Ref{}, nil, false
	}
	return m.offloadedCalleeArg(call, m.resolve(call.ChildByField("function"), 0), 0)
}
