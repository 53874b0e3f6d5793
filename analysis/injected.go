package analysis

import (
	"strings"

	"github.com/asyncls/asyncls/pylib"
)

// injectedValueVia brackets, at the start of a Via path, the qualified
// name of a function of another module of the project that a
// dependency-injection framework calls to fill a parameter
// (`client=Depends(get_client)` with get_client imported): the project
// resolves it to what the framework passes (injectedValue).
const injectedValueVia = "~"

// injectedParamType is what a dependency-injection framework passes the
// parameter p whose default is one of its markers naming the dependency
// (pylib.DependencyMarkers: `client=Depends(get_client)`,
// `db=Depends(get_db)`): what the dependency returns, what it yields when
// it is a generator, its awaited return when it is an `async def`, an
// instance when it is a class. A dependency of another module of the
// project is a Via path (injectedValueVia). ok reports that p's default is
// such a marker with a dependency named (its value may still be unknown).
func (m *Module) injectedParamType(p *Node, depth int) (Ref, bool) {
	if p == nil || (p.Type() != "default_parameter" && p.Type() != "typed_default_parameter") || depth > maxResolveDepth {
		return Ref{}, false
	}
	call := Unparen(p.ChildByField("value"))
	if call == nil || call.Type() != "call" {
		return Ref{}, false
	}
	if !pylib.DependencyMarkers[m.resolve(call.ChildByField("function"), depth+1).Name] {
		return Ref{}, false
	}
	dep := dependencyArgument(m, call)
	if dep == nil {
		return Ref{}, false // `Depends()`: the annotation names the class
	}
	d := m.resolve(dep, depth+1)
	if r, ok := injectedFrom(d, depth); ok {
		return r, true
	}
	if d.Known() && !d.Instance && d.Name != "" && !strings.ContainsAny(d.Name, injectedValueVia+"()[<") {
		// A function (or class) of another module: the project says.
		return Ref{Via: injectedValueVia + d.Name + injectedValueVia}, true
	}
	return Ref{}, true
}

// injectedFrom is what the framework passes for the dependency d when it
// is a function or class of the project (injectedValue; an instance of the
// class); a method or lambda gives an unknown value. ok is false when d is
// neither.
func injectedFrom(d Ref, depth int) (Ref, bool) {
	switch {
	case d.Func != nil:
		if d.Func.Class != nil || d.Func.Lambda {
			return Ref{}, true
		}
		return d.Func.module.injectedValue(d.Func, depth+1), true
	case d.Class != nil && !d.Instance:
		return Ref{Name: d.Class.FullName(), Class: d.Class, Instance: true}, true
	}
	return Ref{}, false
}

// dependencyArgument is the dependency a marker call names: its first
// positional argument or its `dependency=` keyword; nil when it names none.
func dependencyArgument(m *Module, call *Node) *Node {
	args := call.ChildByField("arguments")
	if args == nil {
		return nil
	}
	for _, a := range args.NamedChildren() {
		switch a.Type() {
		case "keyword_argument":
			if m.File.Text(a.ChildByField("name")) == "dependency" {
				return a.ChildByField("value")
			}
		case "list_splat", "dictionary_splat", "comment":
		default:
			return a
		}
	}
	return nil
}

// injectedValue is what a dependency-injection framework passes for the
// dependency function f of m: what it returns, or yields when it is a
// generator (sync or async); an `async def`'s return is its awaited value
// already (the same rules as a pytest fixture's value).
func (m *Module) injectedValue(f *Function, depth int) Ref {
	return m.fixtureValue(f, depth)
}

// injectedVia resolves an injectedValueVia path: the value the framework
// passes for the dependency the bracketed qualified name denotes, then the
// rest of the path.
func (p *Project) injectedVia(via string, depth int) Ref {
	body := via[len(injectedValueVia):]
	end := strings.Index(body, injectedValueVia)
	if end <= 0 {
		return Ref{}
	}
	name, rest := body[:end], body[end+len(injectedValueVia):]
	r, ok := injectedFrom(p.refOf(name, depth+1), depth)
	if !ok || r == (Ref{}) {
		return Ref{}
	}
	if !r.Known() && r.Via != "" {
		r = p.resolveVia(r.Via, depth+1)
	}
	return p.continueVia(r, rest, depth)
}
