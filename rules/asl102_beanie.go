package rules

import (
	"strings"
	"unicode"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// beanieQueryCall reports a Beanie query that is awaitable
// (pylib.BeanieAwaitableQueries: `User.find_one(User.email == email)`)
// called on a class Beanie's Document records resolve (the project's
// subclass), or on a class imported from a module the run does not hold
// (`from model.mongo import User`) in a module that imports Beanie, when
// the query's first argument is written as Beanie queries are: a
// comparison on an attribute of that same class (`User.id == oid`) or a
// filter dict. Only how the value is then used tells a missing await from
// a query built for later (the caller asks for a misuse).
func beanieQueryCall(p *Pass, c *analysis.Call) bool {
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || c.Func == nil || !pylib.BeanieAwaitableQueries[p.File.Text(fn.ChildByField("attribute"))] {
		return false
	}
	name := p.Project.Callee(c).Name
	if pylib.Is(name, pylib.Coroutine) || pylib.Is(p.Project.Canonical(name), pylib.Coroutine) {
		return false // recorded: judged as any coroutine
	}
	for _, doc := range pylib.BeanieDocuments {
		if strings.HasPrefix(name, doc+".") || strings.HasPrefix(p.Project.Canonical(name), doc+".") {
			return true
		}
	}
	recv := analysis.Unparen(fn.ChildByField("object"))
	if recv == nil || recv.Type() != "identifier" || !pylib.ImportsAny(p.Module.ImportNames(), pylib.BeanieModule) {
		return false
	}
	r := p.Module.Resolve(recv)
	if r.Class != nil || r.Func != nil || r.Instance || r.Name == "" || knownAPI(r.Name) || strings.HasPrefix(r.Name, pylib.BeanieModule+".") {
		return false
	}
	if last := r.Name[strings.LastIndexByte(r.Name, '.')+1:]; last == "" || !unicode.IsUpper(rune(last[0])) || !strings.Contains(r.Name, ".") {
		return false
	}
	args := c.Node.ChildByField("arguments")
	if args == nil || len(args.NamedChildren()) == 0 {
		return false
	}
	first := analysis.Unparen(args.NamedChildren()[0])
	switch {
	case first == nil:
		return false
	case first.Type() == "dictionary":
		return true
	case first.Type() == "comparison_operator":
		left := analysis.Unparen(first.NamedChildren()[0])
		return left != nil && left.Type() == "attribute" && p.File.Text(left.ChildByField("object")) == p.File.Text(recv)
	}
	return false
}
