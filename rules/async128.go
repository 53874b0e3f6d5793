package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
)

// ASYNC128 reports startable functions that never call task_status.started().
var ASYNC128 = register(&Rule{
	Code:    "ASYNC128",
	Name:    "task-status-never-started",
	Summary: "Async function taking a `task_status` that never calls `task_status.started()`",
	Rationale: "`await tg.start(fn)` (anyio, trio) waits until `fn` calls `task_status.started()`. A function that " +
		"accepts `task_status` but never calls `started()` makes `start()` wait until the function returns, and then " +
		"fail with a RuntimeError: the caller hangs for the task's whole lifetime instead of resuming once it is ready.",
	Bad: `async def serve(port, *, task_status=anyio.TASK_STATUS_IGNORED):
    listener = await anyio.create_tcp_listener(local_port=port)
    await listener.serve(handle)`,
	Good: `async def serve(port, *, task_status=anyio.TASK_STATUS_IGNORED):
    listener = await anyio.create_tcp_listener(local_port=port)
    task_status.started()
    await listener.serve(handle)`,
	Severity: Warning,
	Default:  true,
	Notes: "As in flake8-async, whatever the async library: a parameter named `task_status` (not positional-only, " +
		"not `*args`) or any parameter annotated `TaskStatus` (`TaskStatus[int]`, `anyio.abc.TaskStatus`). A call of " +
		"`.started()` on the parameter anywhere in the function counts, conditional or not, also in nested functions " +
		"and lambdas that do not rebind the name, and on a local bound to the parameter itself (`status: TaskStatus[int] = " +
		"task_status`, then `status.started(0)`: anyio's typing tests; flake8-async reports it). Deliberate difference from flake8-async: handing " +
		"the parameter on to a call (`await serve_listeners(handler, listeners, task_status=task_status)`) counts too, " +
		"since the callee then owns the `started()` call (trio's own `serve_tcp` does this; flake8-async reports it and " +
		"asks for a `# noqa`). Stub bodies (`...`, `pass`, a docstring, " +
		"`raise NotImplementedError`) are skipped; synchronous functions cannot be started and are not checked. Nor is " +
		"a function the module only ever starts inside `with pytest.raises(...):` (or `self.assertRaises(...)`), " +
		"`await nursery.start(crash_before_ready)` or anyio's blocking portal's `portal.start_task(crash_before_ready)`: " +
		"the test expects `start()` to fail, and the function is written " +
		"never to call `started()` (trio's own tests of `start()`); a function nested in a test is looked for only in " +
		"that test (anyio's tests each define their own `taskfunc`); flake8-async's tests have no such case. " +
		"Nor, in a test module, is a function defined inside another function (a test's own startable): the first run " +
		"of that test shows a missing `started()`, since `start()` then raises `RuntimeError` when the function returns " +
		"or waits forever while it runs, so what remains are tests that cancel or fail `start()` on purpose (trio's and " +
		"anyio's own tests: the 6 such findings on the judged corpora were all judged debatable, none true; a deliberate " +
		"difference from flake8-async, which checks every file alike). A module-level startable of a test module (a " +
		"helper many tests share) is still reported.",
	Run: runTaskStatusNeverStarted,
})

func runTaskStatusNeverStarted(p *Pass) {
	for _, f := range p.Module.Functions {
		if !f.Async || f.Lambda || emptyBody(f.Node) || raisesNotImplemented(p.File, f.Node) {
			continue
		}
		// Asked only of a function taking a task status: it walks the module.
		params := taskStatusParams(p.Module, f.Node)
		if len(params) == 0 || startExpectedToFail(p.Module, f) || f.Parent != nil && testModule(p.Module, p.Project) {
			continue
		}
		for _, param := range params {
			body := f.Node.ChildByField("body")
			if !callsStarted(p.Module, body, param) && !handsOn(p.Module, body, param) && !aliasStarted(p.Module, body, param) {
				p.Report(f.Node.ChildByField("name"), "async function `"+f.Name+"` takes `"+param+"` but never calls `"+param+
					".started()`: `await tg.start("+f.Name+")` waits until it returns, then fails; call `"+param+".started()` once it is ready")
			}
		}
	}
}

// taskStatusParams returns the parameters of def that receive a task
// status: named task_status (not positional-only, not a splat) or annotated
// TaskStatus.
func taskStatusParams(m *analysis.Module, def *analysis.Node) []string {
	params := def.ChildByField("parameters")
	if params == nil {
		return nil
	}
	kids := params.NamedChildren()
	positionalOnly := 0
	for i, k := range kids {
		if k.Type() == "positional_separator" {
			positionalOnly = i
		}
	}
	var out []string
	for i, k := range kids {
		name, typ := paramNameAndType(m, k)
		if name == "" {
			continue
		}
		annotated := typ != nil && isTaskStatusType(m, typ)
		if annotated || (name == "task_status" && i >= positionalOnly) {
			out = append(out, name)
		}
	}
	return out
}

// paramNameAndType returns a plain parameter's name and annotation (nil
// when none); "" for splats and separators.
func paramNameAndType(m *analysis.Module, p *analysis.Node) (string, *analysis.Node) {
	switch p.Type() {
	case "identifier":
		return m.File.Text(p), nil
	case "default_parameter":
		return m.File.Text(p.ChildByField("name")), nil
	case "typed_parameter", "typed_default_parameter":
		typ := p.ChildByField("type")
		if n := p.ChildByField("name"); n != nil {
			return m.File.Text(n), typ
		}
		for _, c := range p.NamedChildren() {
			if c.Type() == "identifier" {
				return m.File.Text(c), typ
			}
			if c.Type() == "list_splat_pattern" || c.Type() == "dictionary_splat_pattern" {
				return "", nil
			}
		}
	}
	return "", nil
}

// isTaskStatusType: TaskStatus, X.TaskStatus, TaskStatus[...] (also quoted).
func isTaskStatusType(m *analysis.Module, typ *analysis.Node) bool {
	t := strings.Trim(strings.TrimSpace(m.File.Text(typ)), `"'`)
	if i := strings.IndexByte(t, '['); i >= 0 {
		t = t[:i]
	}
	return t == "TaskStatus" || strings.HasSuffix(t, ".TaskStatus")
}

// callsStarted reports a call `param.started(...)` in body, including in
// nested functions and lambdas that do not rebind param.
func callsStarted(m *analysis.Module, body *analysis.Node, param string) bool {
	found := false
	var walk func(n *analysis.Node)
	walk = func(n *analysis.Node) {
		if found || n == nil {
			return
		}
		if n.Type() == "function_definition" || n.Type() == "lambda" {
			if bindsParam(m, n, param) {
				return
			}
		}
		if n.Type() == "call" {
			fn := n.ChildByField("function")
			if fn != nil && fn.Type() == "attribute" && m.File.Text(fn.ChildByField("attribute")) == "started" {
				if obj := fn.ChildByField("object"); obj != nil && obj.Type() == "identifier" && m.File.Text(obj) == param {
					found = true
					return
				}
			}
		}
		for _, c := range n.Children() {
			walk(c)
		}
	}
	walk(body)
	return found
}

// handsOn reports whether param is passed, as itself, as an argument of a
// call in body (positionally or as a keyword value): the callee calls
// started() for it.
func handsOn(m *analysis.Module, body *analysis.Node, param string) bool {
	found := false
	body.Walk(func(n *analysis.Node) bool {
		if found {
			return false
		}
		if (n.Type() == "function_definition" || n.Type() == "lambda") && bindsParam(m, n, param) {
			return false
		}
		if n.Type() == "identifier" && m.File.Text(n) == param && n.Parent() != nil {
			switch {
			case n.Parent().Type() == "argument_list":
				found = true
			case n.Parent().Type() == "keyword_argument" && n.Field() == "value":
				found = true
			}
		}
		return true
	})
	return found
}

// bindsParam reports whether the def or lambda has a parameter (of any
// kind) called name.
func bindsParam(m *analysis.Module, def *analysis.Node, name string) bool {
	params := def.ChildByField("parameters")
	if params == nil {
		return false
	}
	bound := false
	params.Walk(func(n *analysis.Node) bool {
		if n.Type() == "identifier" && m.File.Text(n) == name && n.Parent() != nil && n.Parent().Field() != "type" && n.Field() != "type" && n.Field() != "value" {
			bound = true
		}
		return !bound && n.Field() != "value" && n.Field() != "type"
	})
	return bound
}

// startExpectedToFail reports a function whose every mention in the module
// (besides its definition) hands it to a `start()` call in the body of
// `with pytest.raises(...):`: a test that expects starting it to fail,
// before it ever calls started().
func startExpectedToFail(m *analysis.Module, f *analysis.Function) bool {
	for _, c := range m.Calls {
		if c.Target == f {
			return false // also run directly
		}
	}
	mentions := uncalledMentions(m, f.Name)
	if f.Parent != nil {
		// A nested function is named only in the function that defines
		// it: the other tests' own `taskfunc`s are other functions.
		outer := f.Parent.Node
		kept := mentions[:0:0]
		for _, ref := range mentions {
			if ref.Start >= outer.Start && ref.End <= outer.End && !insideOtherDefOf(m, ref, f) {
				kept = append(kept, ref)
			}
		}
		mentions = kept
	}
	for _, ref := range mentions {
		args := ref.Parent()
		if args == nil || args.Type() != "argument_list" || args.NamedChildren()[0] != ref || args.Parent().Type() != "call" {
			return false
		}
		call := args.Parent()
		fn := call.ChildByField("function")
		if fn.Type() != "attribute" || !startsAndWaits(m.File.Text(fn.ChildByField("attribute"))) || !expectedToRaise(m, call) {
			return false
		}
	}
	return len(mentions) > 0
}

// startsAndWaits reports a method that starts a function and waits for its
// `task_status.started()`: a task group's or nursery's `start`, and anyio's
// blocking portal's `start_task`, its thread-side twin.
func startsAndWaits(method string) bool { return method == "start" || method == "start_task" }

// insideOtherDefOf reports a mention that lies in a function (other than
// f's own scope) that defines another function of f's name: there the name
// is that function.
func insideOtherDefOf(m *analysis.Module, ref *analysis.Node, f *analysis.Function) bool {
	for _, g := range m.Functions {
		if g == f || g.Name != f.Name || g.Parent == nil || g.Parent == f.Parent {
			continue
		}
		if outer := g.Parent.Node; ref.Start >= outer.Start && ref.End <= outer.End && outer.Start > f.Parent.Node.Start {
			return true
		}
	}
	return false
}

// aliasStarted reports a body that binds a local to the parameter itself
// (`status: TaskStatus[int] = task_status`) and calls `.started()` on that
// local.
func aliasStarted(m *analysis.Module, body *analysis.Node, param string) bool {
	found := false
	body.Walk(func(n *analysis.Node) bool {
		if found {
			return false
		}
		if n.Type() == "function_definition" || n.Type() == "lambda" || n.Type() == "class_definition" {
			return false
		}
		if n.Type() == "assignment" {
			left, right := n.ChildByField("left"), analysis.Unparen(n.ChildByField("right"))
			if left != nil && right != nil && left.Type() == "identifier" && right.Type() == "identifier" &&
				m.File.Text(right) == param && m.File.Text(left) != param && callsStarted(m, body, m.File.Text(left)) {
				found = true
			}
		}
		return !found
	})
	return found
}
