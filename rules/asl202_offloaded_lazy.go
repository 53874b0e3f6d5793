package rules

import (
	"fmt"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// A lazy request run in a thread and drawn on the loop: the callable an
// offload call runs is a library call that only builds a generator or a
// cursor (pylib.UnblockedUnlessIterated: PyMongo's `find`, dnspython's
// `dns.query.xfr`, smbclient's `walk`), so the thread returns at once with
// the lazy value, and the coroutine that iterates what it awaited sends
// the requests on the event loop:
//
//	cursor = await loop.run_in_executor(None, coll.find, q)
//	for doc in cursor:          # every batch of the query, on the loop
//
// (bbot's zone transfer, bench/realbugs95: `dns.query.xfr` in the scan's
// executor, the transfer drained by `from_xfr` on the loop). Reported at
// the offload call, without a fix: the iteration belongs in the thread.

// reportOffloadedLazyRequests reports each awaited offload call in a
// coroutine of the module whose callable is such a lazy library request and
// whose awaited result the coroutine iterates in place (code: the rule
// whose records count) (a `for`, a
// comprehension, `list(...)`, a local bound once and iterated so).
func reportOffloadedLazyRequests(p *Pass, code string) {
	m := p.Module
	for _, c := range m.Calls {
		if c.Usage != analysis.UsageAwaited || !c.InCoroutine() {
			continue
		}
		ref, arg, ok := m.OffloadedCallee(c.Node)
		if !ok || arg == nil || ref.Func != nil || ref.Class != nil {
			continue
		}
		name := ref.Name
		if name == "" && ref.Via != "" && p.Project != nil {
			name = p.Project.ResolveVia(ref.Via).Name
		}
		if !lazyRequest(p.Project, name, code) {
			continue
		}
		_, parent := analysis.ParenParent(c.Node)
		if parent == nil || parent.Type() != "await" {
			continue
		}
		if !iteratedOnLoop(m, parent) && !boundThenIterated(m, parent) {
			continue
		}
		shown := "`" + m.File.Brief(arg) + "`"
		if m.File.Brief(arg) != name {
			shown += " (" + name + ")"
		}
		p.Report(c.Node, fmt.Sprintf("%s only builds a lazy result in the thread, and `%s` iterates what it "+
			"returns on the event loop, sending its requests there; iterate it inside the thread (run a function that "+
			"returns `list(...)` of it)", shown, c.Func.Name))
	}
}

// lazyRequest reports whether the record of name (as the project
// canonicalises it) is a request of the rule code that sends nothing
// until what it returns is iterated.
func lazyRequest(proj *analysis.Project, name, code string) bool {
	if name == "" {
		return false
	}
	api, ok := pylib.Lookup(name)
	if !ok && proj != nil {
		api, ok = pylib.Lookup(proj.Canonical(name))
	}
	return ok && api.Has(pylib.Blocking) && api.Code == code && api.Unblock == pylib.UnblockedUnlessIterated
}
