package rules

import (
	"bytes"
	"sort"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// A receiver whose class nothing in view names — an unannotated parameter
// that a framework fills (`db=Depends(get_db)`, get_db in a module outside
// the run) — still shows what it is by the methods the module awaits on
// it: `await db.commit()`, `await db.execute(...)`, `await db.delete(x)`.
// When the library tables record every one of those methods as a
// coroutine function only for classes that also record the called method
// as one (`rollback` of SQLAlchemy's AsyncSession, aiosqlite's and
// aiomysql's connections alike), a lone `db.rollback()` in a coroutine is
// a coroutine call that is never awaited, though the method itself is
// awaited nowhere (bench/realbugs71's metabolomics router).
//
// The evidence is gathered from the call's own function and from the
// module's other coroutines that declare a parameter of the same name in
// the very same words (`db=Depends(get_db)`): the same framework fills
// them with the same kind of object. Two different awaited methods at
// least are needed; every class that records all of them as coroutines
// must record the called method as one too, and none may record it
// otherwise. An annotated parameter is left to its annotation, a
// parameter the function rebinds, a call under a test of the value's
// type, a method the module defines as a synchronous method, and a name
// some library uses for work that runs without an await.

// MinAwaitedSiblings is how many different methods awaited on the same
// receiver the module needs before the receiver's class is inferred.
const MinAwaitedSiblings = 2

// awaitedSiblingsOwners returns the library classes (sorted) that the
// awaited methods of c's receiver identify and that record c's method as
// a coroutine function, with the awaited method names (sorted); nil when
// the call is not of that kind.
func awaitedSiblingsOwners(p *Pass, c *analysis.Call) (owners, awaited []string) {
	fn := c.Node.ChildByField("function")
	if !c.InAsync() || fn == nil || fn.Type() != "attribute" || c.Callee != "" {
		return nil, nil
	}
	recv := fn.ChildByField("object")
	if recv == nil || recv.Type() != "identifier" {
		return nil, nil
	}
	method := p.File.Text(fn.ChildByField("attribute"))
	if method == "" || pylib.RunsWithoutAwait(method) || definesSyncMethod(p.Module, method) {
		return nil, nil
	}
	name := p.File.Text(recv)
	decl := unannotatedParamDecl(c.Func, name)
	if decl == nil {
		return nil, nil
	}
	seen := awaitedParamMethods.of(p)[name+"\x00"+string(p.File.Src[decl.Start:decl.End])]
	for m := range seen {
		if m != method {
			awaited = append(awaited, m)
		}
	}
	if len(awaited) < MinAwaitedSiblings {
		return nil, nil
	}
	sort.Strings(awaited)
	if projectSyncTwin(p, method, awaited) {
		return nil, nil
	}
	owners = pylib.CoroutineMethodOwners(awaited...)
	if len(owners) == 0 {
		return nil, nil
	}
	for _, typ := range owners {
		if !pylib.Is(typ+"."+method, pylib.Coroutine) || pylib.RecordsMethodOtherThanCoroutine(typ, method) {
			return nil, nil
		}
	}
	if underTypeTest(p, c) {
		return nil, nil
	}
	body := p.File.Src[c.Func.Node.Start:c.Func.Node.End]
	if bytes.Contains(body, []byte("iscoroutine")) || bytes.Contains(body, []byte("isawaitable")) {
		return nil, nil
	}
	return owners, awaited
}

// unannotatedParamDecl returns the declaration of f's parameter name (the
// identifier, or `name=default`) when it has no annotation and f never
// rebinds it; nil otherwise.
func unannotatedParamDecl(f *analysis.Function, name string) *analysis.Node {
	if f == nil || f.Scope == nil {
		return nil
	}
	b := f.Scope.Bindings.Get(name)
	if b == nil || b.Kind != analysis.BindParam || len(b.Values) > 0 || b.Node == nil {
		return nil
	}
	// The first parameter of a method is the instance or the class: its
	// methods are the class's own business.
	if f.Class != nil && len(f.Params) > 0 && f.Params[0] == name {
		return nil
	}
	d := b.Node
	if d.Type() == "identifier" {
		if par := d.Parent(); par != nil && par.Type() != "parameters" && par.Type() != "lambda_parameters" {
			d = par
		}
	}
	switch d.Type() {
	case "identifier", "default_parameter":
		return d
	}
	return nil
}

// awaitedSiblingsNote says which awaited methods identified the receiver's
// class.
func awaitedSiblingsNote(p *Pass, c *analysis.Call, owners, awaited []string) string {
	recv := p.File.Text(c.Node.ChildByField("function").ChildByField("object"))
	ms := make([]string, len(awaited))
	for i, m := range awaited {
		ms[i] = "`" + m + "()`"
	}
	var names []string
	short := map[string]bool{}
	for _, o := range owners {
		s := o[strings.LastIndexByte(o, '.')+1:]
		if !short[s] {
			short[s] = true
			names = append(names, s)
		}
	}
	if len(names) > 3 {
		names = append(names[:3], "...")
	}
	return " (this module awaits " + strings.Join(ms, ", ") + " on `" + recv + "`; the library classes that have all those as coroutine methods (" +
		strings.Join(names, ", ") + ") have `" + p.File.Text(c.Node.ChildByField("function").ChildByField("attribute")) + "()` as one too)"
}

// awaitedSiblingsCall reports a call awaitedSiblingsOwners takes for a
// coroutine call.
func awaitedSiblingsCall(p *Pass, c *analysis.Call) bool {
	owners, _ := awaitedSiblingsOwners(p, c)
	return len(owners) > 0
}

// awaitedParamMethods maps an unannotated parameter, by its name and the
// words that declare it (`db` NUL `db=Depends(get_db)`), to the methods the
// module's coroutines that declare it so await on it (`await db.commit()`),
// outside tests of the value's type.
var awaitedParamMethods = &fact[map[string]map[string]bool]{name: "awaitedParamMethods", compute: func(p *Pass) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, f := range p.Module.Functions {
		if !f.Async || f.Scope == nil {
			continue
		}
		for _, aw := range f.Awaits {
			kids := aw.NamedChildren()
			if len(kids) != 1 {
				continue
			}
			call := analysis.Unparen(kids[0])
			if call == nil || call.Type() != "call" {
				continue
			}
			g := call.ChildByField("function")
			if g == nil || g.Type() != "attribute" {
				continue
			}
			obj := g.ChildByField("object")
			if obj == nil || obj.Type() != "identifier" {
				continue
			}
			name := p.File.Text(obj)
			d := unannotatedParamDecl(f, name)
			m := p.File.Text(g.ChildByField("attribute"))
			if d == nil || m == "" || underTypeTestNode(p, call, f.Node) {
				continue
			}
			key := name + "\x00" + string(p.File.Src[d.Start:d.End])
			if out[key] == nil {
				out[key] = map[string]bool{}
			}
			out[key][m] = true
		}
	}
	return out
}}

// projectSyncTwin reports a class of the module or of a module it imports
// (directly or not) that defines method other than as a coroutine
// function beside an async def of one of the awaited methods (`class
// Channel: async def send, async def recv, def close`): the receiver may
// be one of its instances, whose method needs no await, rather than the
// library's. Only the import closure is read, so that every view of the
// project (a whole check, a scoped one, the server) answers alike.
func projectSyncTwin(p *Pass, method string, awaited []string) bool {
	for m := range p.Project.ImportClosure(p.Module) {
		for _, c := range m.Classes {
			if f := c.Methods[method]; f == nil || f.Async && !f.Generator {
				continue
			}
			for _, a := range awaited {
				if f := c.Methods[a]; f != nil && f.Async {
					return true
				}
			}
		}
	}
	return false
}
