package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASL202 reports blocking calls outside flake8-async's ASYNC2xx families.
var ASL202 = register(&Rule{
	Code:    "ASL202",
	Name:    "blocking-call",
	Summary: "Blocking network, database, DNS or thread-synchronisation call in an async function",
	Rationale: "Blocking is not only HTTP, files and processes. A sync socket `recv`, a DNS lookup, a `sqlite3`/`psycopg2` " +
		"query, a sync `redis` command, `threading.Event.wait()`, `threading.Lock.acquire()`, `queue.Queue.get()` or " +
		"`concurrent.futures.Future.result()` in a coroutine stops the event loop until it returns: every other task " +
		"waits, and waiting on something another task must provide deadlocks.",
	Bad: `import sqlite3

async def count_users(path):
    conn = sqlite3.connect(path)
    return conn.execute("SELECT count(*) FROM users").fetchone()`,
	Good: `import asyncio
import sqlite3

def count_users_sync(path):
    conn = sqlite3.connect(path)
    return conn.execute("SELECT count(*) FROM users").fetchone()

async def count_users(path):
    return await asyncio.to_thread(count_users_sync, path)`,
	Severity: Warning,
	Default:  true,
	Fix:      "Wrap the call as `await asyncio.to_thread(f, *args)`, importing asyncio when needed; a call on the result of another call (`conn.execute(q).fetchall()`) as `await asyncio.to_thread(lambda: ...)`, so the whole chain runs in the thread (unsafe: the callee then runs in another thread). In a module written for trio or anyio (and not asyncio): `await trio.to_thread.run_sync(f, *args)` (anyio's alike), with a lambda when the call has keyword arguments, which run_sync does not pass; a module mixing asyncio with them gets no fix.",
	Notes: "Covers `socket` connect/recv/send/accept and `create_connection`, DNS lookups (`getaddrinfo`, " +
		"`gethostbyname`, ...), the connect/execute/fetch/commit methods of sqlite3, psycopg2, psycopg (sync), pymysql, " +
		"MySQLdb, mysql.connector, oracledb/cx_Oracle, pymssql and pyodbc, sync `redis` commands and pipelines, " +
		"`threading` Event/Lock/RLock/Semaphore/Condition/Barrier waits and `Thread.join`, `queue.Queue` get/put/join, " +
		"`concurrent.futures` `Future.result()`/`exception()`/`wait()`, executor `shutdown` and `smtplib`. A call that " +
		"cannot block is not reported: `lock.acquire(False)`, `q.get(block=False)`, `ev.wait(0)`, `put()` on a queue " +
		"created unbounded, `getaddrinfo` with `AI_NUMERICHOST` or of an IP address literal, `psycopg2.connect(..., async_=True)`, " +
		"the first `acquire()` of a lock the function has just created, socket calls on a non-blocking socket (inside a " +
		"`try` that handles `BlockingIOError`, or on a socket the module sets `setblocking(False)`) and queries on " +
		"`sqlite3.connect(\":memory:\")` (CPU work), and a call guarded by its readiness check " +
		"(`while q.empty(): await asyncio.sleep(0)` before `q.get()`, `if not q.empty():`, `while t.is_alive(): await ...` " +
		"before `t.join()`); ASL201, ASL402 and ASYNC124 do not count them in helpers either. Nor, as for every blocking " +
		"rule, is dead code (a loop over an empty literal, `if False:`). File-system calls " +
		"(`os.listdir`, `os.stat`, `os.remove`, `os.makedirs`, `shutil.*`, `glob.glob`) are reported as ASYNC240, and " +
		"`json.load`/`pickle.load` on a file as ASYNC232, the closest flake8-async families. The receiver's type must be " +
		"known (from the factory call, an assignment, a `with ... as` target or an annotation).",
	Requires:    []Fact{blockingCalls, blockingDelays},
	Run:         runBlockingCall,
	NonBlocking: callCannotWait,
})

// runBlockingCall reports the calls of this family made directly in a
// coroutine: the library table's entries with Code ASL202 (pylib), as the
// blockingCalls fact classifies them.
func runBlockingCall(p *Pass) {
	for _, b := range blockingCalls.of(p).InCoroutines() {
		if b.Code == "ASL202" {
			p.Report(b.Call.Node, blockingMessage(p, b), WithFix(toThreadFix(p, b.Call)))
		}
	}
}

// callCannotWait reports calls of this family made in a way that cannot
// wait: lock.acquire(False), q.get(block=False), ev.wait(0), put() on an
// unbounded queue, getaddrinfo of a numeric host, psycopg2's async mode,
// socket calls on a non-blocking socket, the first acquire of a lock the
// function has just created, queries on an in-memory sqlite database, and
// a call its readiness check guards (`if not q.empty(): q.get()`).
// (The shared guards of every blocking family are in guards.go.)
func callCannotWait(m *analysis.Module, c *analysis.Call, name string) bool {
	f := m.File
	isFalse := func(n *analysis.Node) bool { return n != nil && (n.Type() == "false" || f.Text(n) == "0") }
	isZero := func(n *analysis.Node) bool { return n != nil && (f.Text(n) == "0" || f.Text(n) == "0.0") }
	recv := c.Node.ChildByField("function").ChildByField("object")
	if waitsForReadiness(m, c) {
		return true
	}
	api, _ := pylib.Lookup(name)
	if api.Has(pylib.MemoryDatabase) {
		return inMemorySQLite(m, c.Node, 0) || recv != nil && inMemorySQLite(m, recv, 0)
	}
	switch api.Unblock {
	case pylib.UnblockedByFlag:
		return isFalse(c.Positional(0)) || isFalse(c.Keyword("blocking", f)) || isZero(c.Keyword("timeout", f)) ||
			recv != nil && freshLock(m, c, recv)
	case pylib.UnblockedQueueGet:
		return isFalse(c.Positional(0)) || isFalse(c.Keyword("block", f)) || isZero(c.Keyword("timeout", f))
	case pylib.UnblockedQueuePut:
		if isFalse(c.Positional(1)) || isFalse(c.Keyword("block", f)) || isZero(c.Keyword("timeout", f)) {
			return true
		}
		// put() on an unbounded queue never waits.
		ctor := constructorCall(m, recv, 0)
		if ctor == nil {
			return false
		}
		size := queueSize(ctor, f)
		return size == nil || f.Text(size) == "0" || pylib.Is(calleeOf(m, ctor), pylib.UnboundedQueue)
	case pylib.UnblockedNumericHost, pylib.UnblockedNumericFlag:
		// Numeric hosts are parsed, not looked up: AI_NUMERICHOST, or an IP
		// address literal ("127.0.0.1", "::1").
		if strings.Contains(strings.ToUpper(f.Text(c.Node.ChildByField("arguments"))), "NUMERIC") {
			return true
		}
		// (getnameinfo of an address literal still looks its name up.)
		host := c.Positional(0)
		if api.Unblock != pylib.UnblockedNumericHost || host == nil || host.Type() != "string" {
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
		return v != nil && v.Type() != "false" && f.Text(v) != "0"
	case pylib.UnblockedSocket:
		return nonBlockingSocket(m, c)
	case pylib.UnblockedByZeroTimeout:
		return isZero(c.Positional(0)) || isZero(c.Keyword("timeout", f))
	}
	return false
}

// queueSize returns the size argument of a queue constructor call.
func queueSize(ctor *analysis.Node, f *analysis.File) *analysis.Node {
	args := ctor.ChildByField("arguments")
	if args == nil {
		return nil
	}
	for _, a := range args.NamedChildren() {
		if a.Type() == "keyword_argument" {
			if f.Text(a.ChildByField("name")) == "maxsize" {
				return a.ChildByField("value")
			}
			continue
		}
		return a
	}
	return nil
}

// nonBlockingSocket reports socket calls made on a socket in non-blocking
// mode: inside a try that handles BlockingIOError, or on a receiver that the
// module switches to non-blocking with setblocking(False).
func nonBlockingSocket(m *analysis.Module, c *analysis.Call) bool {
	for q := c.Node.Parent; q != nil && !isDef(q); q = q.Parent {
		if q.Type() != "try_statement" || !isAncestor(q.ChildByField("body"), c.Node) {
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
			if a := other.Positional(0); a != nil && (a.Type() == "false" || m.File.Text(a) == "0") {
				return true
			}
		}
	}
	return false
}

// freshLock: the first acquire of a lock created earlier in the same
// function (`self._lock = Lock(); self._lock.acquire()`): nobody else can
// hold it yet.
func freshLock(m *analysis.Module, c *analysis.Call, recv *analysis.Node) bool {
	ctor := constructorCall(m, recv, 0)
	if ctor == nil || c.Func == nil || ctor.Start >= c.Node.Start {
		return false
	}
	if !pylib.Is(calleeOf(m, ctor), pylib.FreeWhenNew) {
		return false
	}
	if m.FunctionAt(ctor) != c.Func {
		return false
	}
	// The first acquire only: a second one waits for the first's release.
	callee := m.File.Text(c.Node.ChildByField("function"))
	for _, other := range c.Func.Calls {
		if other != c && other.Node.Start > ctor.Start && other.Node.Start < c.Node.Start &&
			m.File.Text(other.Node.ChildByField("function")) == callee {
			return false
		}
	}
	return true
}

// inMemorySQLite reports an expression whose value comes from
// `sqlite3.connect(":memory:")`, directly or through a method of such a
// connection (`db.execute(...)` gives a cursor): queries on an in-memory
// database are CPU work, not I/O.
func inMemorySQLite(m *analysis.Module, n *analysis.Node, depth int) bool {
	if depth > 4 {
		return false
	}
	n = analysis.Unparen(n)
	if n == nil {
		return false
	}
	switch n.Type() {
	case "call":
		fn := n.ChildByField("function")
		if fn == nil {
			return false
		}
		if pylib.Is(calleeOf(m, n), pylib.OpensMemoryDatabase) {
			args := n.ChildByField("arguments")
			if args == nil {
				return false
			}
			for _, a := range args.NamedChildren() {
				if a.Type() == "keyword_argument" && m.File.Text(a.ChildByField("name")) != "database" {
					continue
				}
				if a.Type() == "keyword_argument" {
					a = a.ChildByField("value")
				}
				t := m.File.Text(a)
				return t == `":memory:"` || t == `':memory:'`
			}
			return false
		}
		if fn.Type() == "attribute" {
			return inMemorySQLite(m, fn.ChildByField("object"), depth+1)
		}
	case "identifier":
		b := m.ScopeAt(n).Lookup(m.File.Text(n))
		if b == nil || b.Node == nil {
			return false
		}
		if len(b.Values) == 1 && b.Values[0] != nil {
			return inMemorySQLite(m, b.Values[0], depth+1)
		}
		// `with sqlite3.connect(":memory:") as db:`
		for p := b.Node.Parent; p != nil && p.Type() != "block"; p = p.Parent {
			if p.Type() == "as_pattern" {
				if named := p.NamedChildren(); len(named) > 0 {
					return inMemorySQLite(m, named[0], depth+1)
				}
			}
		}
	}
	return false
}

// waitsForReadiness reports a call guarded by its object's readiness
// predicate: `while q.empty(): await asyncio.sleep(0)` before `q.get()`
// (`while t.is_alive(): await ...` before `t.join()`), or an enclosing
// `if not q.empty():`: the call cannot wait.
func waitsForReadiness(m *analysis.Module, c *analysis.Call) bool {
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" {
		return false
	}
	recv := m.File.Text(fn.ChildByField("object"))
	preds := pylib.ReadinessPredicates[m.File.Text(fn.ChildByField("attribute"))]
	return preds != nil && (waitedUntilReady(m, c, recv, preds) || underReadyCheck(m, c, recv, preds))
}

func mentionsPredicate(m *analysis.Module, cond *analysis.Node, recv string, preds []string) bool {
	if cond == nil {
		return false
	}
	text := m.File.Text(cond)
	for _, p := range preds {
		if strings.Contains(text, recv+"."+p+"(") {
			return true
		}
	}
	return false
}

// waitedUntilReady: an earlier statement of the block holding the call's
// statement (or of an enclosing block) is a while loop on the readiness
// predicate whose body awaits (`while q.empty(): await asyncio.sleep(0)`).
func waitedUntilReady(m *analysis.Module, c *analysis.Call, recv string, preds []string) bool {
	for n := c.Node; n.Parent != nil && !isDef(n); n = n.Parent {
		if n.Parent.Type() != "block" && n.Parent.Type() != "module" {
			continue
		}
		for _, s := range n.Parent.NamedChildren() {
			if s.Start >= n.Start {
				break
			}
			if s.Type() == "while_statement" && mentionsPredicate(m, s.ChildByField("condition"), recv, preds) &&
				hasCheckpoint(m, s.ChildByField("body"), false, nil) {
				return true
			}
		}
	}
	return false
}

// underReadyCheck: the call is in the consequence of an if statement (or
// conditional expression) whose condition asks the readiness predicate.
func underReadyCheck(m *analysis.Module, c *analysis.Call, recv string, preds []string) bool {
	for q := c.Node.Parent; q != nil && !isDef(q); q = q.Parent {
		switch q.Type() {
		case "if_statement", "elif_clause", "while_statement":
			if body := q.ChildByField("consequence"); body != nil && isAncestor(body, c.Node) &&
				mentionsPredicate(m, q.ChildByField("condition"), recv, preds) {
				return true
			}
		case "conditional_expression", "boolean_operator":
			if mentionsPredicate(m, q, recv, preds) {
				return true
			}
		}
	}
	return false
}
