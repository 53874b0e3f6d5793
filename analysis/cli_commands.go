package analysis

import (
	"slices"

	"github.com/asyncls/asyncls/pylib"
)

// SyncCommandRegistration returns the decorator of f that registers f, as
// the decorators under it leave it, as a command whose callback a
// command-line framework calls synchronously (pylib.SyncCommandDecorators:
// `@click.command()`; pylib.SyncCommandGroupTypes: `@app.command()` on a
// `typer.Typer`; a subcommand decorator of a group a function of the
// project was made into by `@click.group()`, in any module), with the
// framework's name. f must be a module-level `async def` (not a generator);
// every decorator under the registering one must leave the call's result as
// it is: Click's parameter and `pass_*` decorators (pylib's
// CommandParamDecorators), decorators known to keep a coroutine function
// one (`functools.wraps`), and decorators of the project whose wrapper is
// an `async def` or returns the wrapped call as it is (`return func(**kw)`,
// a decorator adding options in another module). Any other decorator there
// (one whose wrapper runs the coroutine with `asyncio.run`, a library
// decorator asyncls knows nothing of) may make the callback synchronous:
// nil then.
func (p *Project) SyncCommandRegistration(f *Function) (*Node, string) {
	if f == nil || f.module == nil || !f.Async || f.Generator || f.Lambda || f.Class != nil || f.Parent != nil {
		return nil, ""
	}
	for i, d := range f.Decorators {
		framework, _ := f.module.syncCommandDecorator(d, p, 0)
		if framework == "" {
			continue
		}
		for _, under := range f.Decorators[i+1:] {
			if !f.module.leavesCommandResult(under, p) {
				return nil, ""
			}
		}
		return d, framework
	}
	return nil, ""
}

// leavesCommandResult reports whether decorator dec, under a command's
// registering decorator, hands the function's result back as it is.
func (m *Module) leavesCommandResult(dec *Node, p *Project) bool {
	named := dec.NamedChildren()
	if len(named) == 0 {
		return false
	}
	return m.commandParamDecorator(dec) || m.preservesCoroutine(dec) || m.wrapsInCoroutine(dec, p)
}

// commandParamDecorator reports a decorator of pylib's
// CommandParamDecorators, called or bare (`@click.option("--x")`,
// `@click.pass_context`), or a name bound once to such a call
// (`REMOTE_URL_OPTION = click.option(...)` then `@REMOTE_URL_OPTION`): it
// returns the function it decorates, or a wrapper returning its call.
func (m *Module) commandParamDecorator(dec *Node) bool {
	named := dec.NamedChildren()
	if len(named) == 0 {
		return false
	}
	e := Unparen(named[0])
	if callee := decoratorCallee(e); callee != nil && pylib.CommandParamDecorators[m.Resolve(callee).Name] {
		return true
	}
	if e == nil || e.Type() != "identifier" {
		return false
	}
	scope := m.ScopeAt(e)
	if scope == nil {
		return false
	}
	b := scope.Lookup(m.File.Text(e))
	if b == nil || b.Kind != BindAssign || len(b.Values) != 1 || b.Values[0] == nil {
		return false
	}
	v := Unparen(b.Values[0])
	if v == nil || v.Type() != "call" {
		return false
	}
	return pylib.CommandParamDecorators[m.Resolve(v.ChildByField("function")).Name]
}

// syncCommandDecorator returns the framework whose command-registering
// decorator dec is (pylib.SyncCommandDecorators, a method of a
// pylib.SyncCommandGroupTypes instance, or a subcommand decorator of a
// function of the project made into a group), and whether it makes a
// group; "" when it is none of those.
func (m *Module) syncCommandDecorator(dec *Node, p *Project, depth int) (framework string, group bool) {
	if depth > 4 {
		return "", false
	}
	named := dec.NamedChildren()
	if len(named) == 0 {
		return "", false
	}
	callee := decoratorCallee(named[0])
	if callee == nil || m.customCommandClass(named[0]) {
		return "", false
	}
	if callee.Type() == "attribute" {
		// Every registering decorator written as an attribute ends in one
		// of these names (`click.command`, `cli.group`, `app.callback`):
		// the other decorators of async defs (a web framework's routes)
		// are not resolved at all.
		attr := callee.ChildByField("attribute")
		if attr == nil || !pylib.CommandRegistrationName(m.File.Text(attr)) {
			return "", false
		}
	}
	r := m.Resolve(callee)
	if fw := pylib.SyncCommandDecorators[r.Name]; fw != "" {
		return fw, pylib.SyncGroupDecorators[r.Name]
	}
	if callee.Type() != "attribute" {
		return "", false
	}
	obj, attr := callee.ChildByField("object"), callee.ChildByField("attribute")
	if obj == nil || attr == nil {
		return "", false
	}
	method := m.File.Text(attr)
	o := m.Resolve(obj)
	if o.Func == nil && o.Class == nil && !o.Instance && o.Name != "" && o.Via == "" && p != nil && !knownLibrary(o.Name) {
		o = p.refOf(o.Name, 0) // a group or an app imported from another module of the project
	}
	if o.Instance && o.Class == nil {
		if fw, ok := pylib.SyncCommandGroupType(o.Name, method); ok {
			return fw, method == "group"
		}
		return "", false
	}
	if o.Func == nil || o.Instance || !slices.Contains(pylib.SyncCommandGroupMethods, method) {
		return "", false
	}
	// `@ops_group.command(...)` where `ops_group` is a function of the
	// project that `@click.group(...)` (or a group's `group` method)
	// registered: the name is bound to the click.Group it made.
	for _, d := range o.Func.Decorators {
		if fw, isGroup := o.Func.module.syncCommandDecorator(d, p, depth+1); fw != "" && isGroup {
			return fw, method == "group"
		}
	}
	return "", false
}

// customCommandClass reports a registering decorator's call given a
// command or group class other than the frameworks' own
// (pylib.SyncCommandClasses): `cls=AsyncCommand`, Click's second positional
// argument (`command(name, cls)`), or a `**kwargs` that may hold one. That
// class decides how the callback runs (a project's AsyncCommand runs its
// coroutine with asyncio.run), and so, for a group, how its subcommands'
// callbacks run.
func (m *Module) customCommandClass(dec *Node) bool {
	dec = Unparen(dec)
	if dec == nil || dec.Type() != "call" {
		return false
	}
	args := dec.ChildByField("arguments")
	if args == nil {
		return false
	}
	pos := 0
	for _, a := range args.NamedChildren() {
		var cls *Node
		switch a.Type() {
		case "comment":
			continue
		case "list_splat", "dictionary_splat":
			return true
		case "keyword_argument":
			if m.File.Text(a.ChildByField("name")) == "cls" {
				cls = a.ChildByField("value")
			}
		default:
			if pos++; pos == 2 {
				cls = a
			}
		}
		if cls != nil && !pylib.SyncCommandClasses[m.Resolve(cls).Name] {
			return true
		}
	}
	return false
}
