package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// Part of the blockingCalls fact: calls of a blocking API made in a way that
// does not block (nonBlockingUse). The library table (pylib) files each
// blocking API under the most specific family (file-system calls under
// ASYNC240, reading a file object under ASYNC232, HTTP under ASYNC210), and
// everything outside the ASYNC2xx families under ASL202.

// receiverType returns the type of the instance expression n evaluates to,
// as the semantic model resolves it (constructors, annotations, `with ...
// as` targets, and the library table's return types).
func receiverType(m *analysis.Module, n *analysis.Node) string {
	if r := m.Resolve(n); r.Instance && r.Name != "" {
		return r.Name
	}
	return ""
}

// nonBlockingUse reports calls of blocking-capable APIs made in a way that
// does not block: lock.acquire(False), q.get(block=False), ev.wait(0),
// getaddrinfo of an IP address literal,
// json.load on an in-memory buffer.
func nonBlockingUse(m *analysis.Module, c *analysis.Call, name string) bool {
	f := m.File
	isFalse := func(n *analysis.Node) bool { return n != nil && (n.Type == "false" || f.Text(n) == "0") }
	isZero := func(n *analysis.Node) bool { return n != nil && (f.Text(n) == "0" || f.Text(n) == "0.0") }
	api, _ := pylib.Lookup(name)
	switch api.Unblock {
	case pylib.UnblockedByFlag:
		return isFalse(c.Positional(0)) || isFalse(c.Keyword("blocking", f)) || isZero(c.Keyword("timeout", f))
	case pylib.UnblockedQueueGet:
		return isFalse(c.Positional(0)) || isFalse(c.Keyword("block", f)) || isZero(c.Keyword("timeout", f))
	case pylib.UnblockedQueuePut:
		if isFalse(c.Positional(1)) || isFalse(c.Keyword("block", f)) || isZero(c.Keyword("timeout", f)) {
			return true
		}
		// put() on an unbounded queue never waits.
		ctor := constructorCall(m, c.Node.ChildByField("function").ChildByField("object"), 0)
		if ctor == nil {
			return false
		}
		size := c0(ctor, f)
		return size == nil || f.Text(size) == "0" || pylib.Is(calleeOf(m, ctor), pylib.UnboundedQueue)
	case pylib.UnblockedNumericHost, pylib.UnblockedNumericFlag:
		// Numeric hosts are parsed, not looked up: AI_NUMERICHOST, or an IP
		// address literal ("127.0.0.1", "::1").
		if strings.Contains(strings.ToUpper(f.Text(c.Node.ChildByField("arguments"))), "NUMERIC") {
			return true
		}
		// (getnameinfo of an address literal still looks its name up.)
		host := c.Positional(0)
		if api.Unblock != pylib.UnblockedNumericHost || host == nil || host.Type != "string" {
			return false
		}
		lit := strings.Trim(f.Text(host), `"'`)
		return lit != "" && strings.Trim(lit, "0123456789.") == "" || strings.Contains(lit, ":") && strings.Trim(lit, "0123456789abcdefABCDEF:") == ""
	case pylib.UnblockedAsyncKeyword:
		// psycopg2.connect(dsn, async_=True) returns at once (aiopg's mode).
		v := c.Keyword("async_", f)
		if v == nil {
			v = c.Keyword("async", f)
		}
		return v != nil && v.Type != "false" && f.Text(v) != "0"
	case pylib.UnblockedSocket:
		return nonBlockingSocket(m, c)
	case pylib.UnblockedReadOnlyClose:
		// Closing a file opened only for reading has nothing to flush.
		return openedReadOnly(m, c.Node.ChildByField("function").ChildByField("object"))
	case pylib.UnblockedByZeroTimeout:
		return isZero(c.Positional(0)) || isZero(c.Keyword("timeout", f))
	case pylib.UnblockedMemoryFile:
		arg := c.Positional(api.FileArg)
		if arg == nil {
			return true
		}
		t := receiverType(m, arg)
		if pylib.InMemoryFiles[t] {
			return true
		}
		// json.load(open(path)): the open() call is reported already.
		return analysis.Unparen(arg).Type == "call"
	}
	return false
}

// openedReadOnly reports a file object made by `open(...)` with a mode that
// neither writes nor appends (none given is "r").
func openedReadOnly(m *analysis.Module, obj *analysis.Node) bool {
	if obj == nil {
		return false
	}
	ctor := constructorCall(m, obj, 0)
	if ctor == nil {
		return false
	}
	if !pylib.Is(calleeOf(m, ctor), pylib.OpensFile) {
		return false
	}
	args := ctor.ChildByField("arguments")
	if args == nil {
		return false
	}
	var mode *analysis.Node
	positional := 0
	for _, a := range args.NamedChildren() {
		switch {
		case a.Type == "keyword_argument" && m.File.Text(a.ChildByField("name")) == "mode":
			mode = a.ChildByField("value")
		case a.Type != "keyword_argument" && a.Type != "list_splat" && a.Type != "dictionary_splat":
			if positional == 1 {
				mode = a
			}
			positional++
		case a.Type == "list_splat" || a.Type == "dictionary_splat":
			return false
		}
	}
	if mode == nil {
		return true
	}
	if mode.Type != "string" {
		return false
	}
	return !strings.ContainsAny(strings.Trim(m.File.Text(mode), `"'`), "wax+")
}

// c0 returns the size argument of a queue constructor call.
func c0(ctor *analysis.Node, f *analysis.File) *analysis.Node {
	args := ctor.ChildByField("arguments")
	if args == nil {
		return nil
	}
	for _, a := range args.NamedChildren() {
		if a.Type == "keyword_argument" {
			if f.Text(a.ChildByField("name")) == "maxsize" {
				return a.ChildByField("value")
			}
			continue
		}
		return a
	}
	return nil
}

// constructorCall follows a name or self attribute assigned once to the call
// that created its value.
func constructorCall(m *analysis.Module, n *analysis.Node, depth int) *analysis.Node {
	n = analysis.Unparen(n)
	if n == nil || depth > 6 {
		return nil
	}
	switch n.Type {
	case "call":
		return n
	case "identifier":
		b := m.ScopeAt(n).Lookup(m.File.Text(n))
		if b != nil && b.Kind == analysis.BindAssign && len(b.Values) == 1 {
			return constructorCall(m, b.Values[0], depth+1)
		}
	case "attribute":
		obj := m.Resolve(n.ChildByField("object"))
		if obj.Class == nil || !obj.Instance {
			return nil
		}
		own := false
		for _, c := range m.Classes {
			own = own || c == obj.Class
		}
		// `self._f = None` (not opened yet, or closed) constructs nothing.
		var made []*analysis.Node
		for _, v := range obj.Class.Attrs[m.File.Text(n.ChildByField("attribute"))] {
			if analysis.Unparen(v).Type != "none" {
				made = append(made, v)
			}
		}
		if own && len(made) == 1 {
			return constructorCall(m, made[0], depth+1)
		}
	}
	return nil
}

// nonBlockingSocket reports socket calls made on a socket in non-blocking
// mode: inside a try that handles BlockingIOError, or on a receiver that the
// module switches to non-blocking with setblocking(False).
func nonBlockingSocket(m *analysis.Module, c *analysis.Call) bool {
	for q := c.Node.Parent; q != nil && !isDef(q); q = q.Parent {
		if q.Type != "try_statement" || !isAncestor(q.ChildByField("body"), c.Node) {
			continue
		}
		for _, clause := range exceptClauses(q) {
			typ, _, _ := exceptParts(clause)
			if typ != nil && strings.Contains(m.File.Text(typ), "BlockingIOError") {
				return true
			}
		}
	}
	recv := m.File.Text(c.Node.ChildByField("function").ChildByField("object"))
	for _, other := range m.Calls {
		// The same local (same function), or the same attribute of self.
		if other.Func != c.Func && !strings.HasPrefix(recv, "self.") {
			continue
		}
		if m.File.Text(other.Node.ChildByField("function")) == recv+".setblocking" {
			if a := other.Positional(0); a != nil && (a.Type == "false" || m.File.Text(a) == "0") {
				return true
			}
		}
	}
	return false
}
