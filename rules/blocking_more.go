package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
)

// More blocking calls than flake8-async's catalogue: each is filed under the
// most specific existing family (file-system calls under ASYNC240, reading a
// file object under ASYNC232, HTTP under ASYNC210), and everything outside
// the ASYNC2xx families under ASL202.

const (
	socketAlt  = "use asyncio streams (`asyncio.open_connection`) or `await loop.sock_*(...)`, or run it with `await asyncio.to_thread(...)`"
	dnsAlt     = "use `await loop.getaddrinfo(...)` (or `asyncio.to_thread`)"
	dbAlt      = "use an async driver (aiosqlite, asyncpg, psycopg's AsyncConnection, aiomysql) or run it with `await asyncio.to_thread(...)`"
	redisAlt   = "use `redis.asyncio.Redis` and await it"
	threadAlt  = "use the asyncio primitive (`asyncio.Event`, `asyncio.Lock`, `asyncio.Queue`) or run it with `await asyncio.to_thread(...)`"
	futureAlt  = "await it instead: `await asyncio.wrap_future(fut)` (or `await loop.run_in_executor(...)`)"
	smtpAlt    = "use an async client (aiosmtplib) or run it with `await asyncio.to_thread(...)`"
	fsAlt      = "do the file-system call in `await asyncio.to_thread(...)`"
	fileLoad   = "read the file in `await asyncio.to_thread(...)` (e.g. `await asyncio.to_thread(json.load, f)`)"
	httpAltMsg = "use an async client (httpx2.AsyncClient, aiohttp) or `await asyncio.to_thread(...)`"
)

// dbDrivers maps sync database drivers' connect functions to the types of
// the connections they return ("" when the type is the driver's own).
var dbDrivers = map[string]string{
	"sqlite3.connect":            "sqlite3.Connection",
	"psycopg2.connect":           "psycopg2.extensions.connection",
	"psycopg.connect":            "psycopg.Connection",
	"psycopg.Connection.connect": "psycopg.Connection",
	"pymysql.connect":            "pymysql.connections.Connection",
	"MySQLdb.connect":            "MySQLdb.connections.Connection",
	"mysql.connector.connect":    "mysql.connector.connection.MySQLConnection",
	"oracledb.connect":           "oracledb.Connection",
	"cx_Oracle.connect":          "cx_Oracle.Connection",
	"pymssql.connect":            "pymssql.Connection",
	"pyodbc.connect":             "pyodbc.Connection",
}

// cursorTypes are the cursor types of the drivers' connections.
var cursorTypes = map[string]string{}

// extraReturnTypes extends the model's factory table for receivers the
// blocking table needs (cursors, pipelines, futures).
var extraReturnTypes = map[string]string{
	"asyncio.run_coroutine_threadsafe":      "concurrent.futures.Future",
	"concurrent.futures.Executor.submit":    "concurrent.futures.Future",
	"redis.Redis.pipeline":                  "redis.client.Pipeline",
	"redis.client.Redis":                    "redis.Redis",
	"redis.StrictRedis.from_url":            "redis.Redis",
	"http.client.HTTPConnection":            "http.client.HTTPConnection",
	"http.client.HTTPSConnection":           "http.client.HTTPSConnection",
	"smtplib.SMTP":                          "smtplib.SMTP",
	"smtplib.SMTP_SSL":                      "smtplib.SMTP",
	"threading.Thread":                      "threading.Thread",
	"multiprocessing.Queue":                 "queue.Queue",
	"multiprocessing.Process":               "threading.Thread",
	"socket.socket.makefile":                "io.BufferedRWPair",
	"socket.create_server":                  "socket.socket",
	"socket.fromfd":                         "socket.socket",
	"ssl.SSLContext.wrap_socket":            "socket.socket",
	"concurrent.futures.ThreadPoolExecutor": "concurrent.futures.ThreadPoolExecutor",
}

var redisCommands = strings.Fields(`get set mget mset getset setex setnx delete exists expire expireat ttl incr incrby decr
	decrby hget hset hmget hmset hgetall hdel hexists hincrby hkeys hvals hlen lpush rpush lpop rpop blpop brpop lrange llen
	lrem sadd srem smembers sismember scard zadd zrem zrange zrangebyscore zrevrange zscore zincrby zcard publish keys scan
	scan_iter ping flushdb flushall eval evalsha xadd xread xreadgroup xack execute watch`)

func init() {
	for conn, typ := range dbDrivers {
		addBlocking("ASL202", dbAlt, conn)
		cur := strings.TrimSuffix(typ, "Connection") + "Cursor"
		if typ == "psycopg2.extensions.connection" {
			cur = "psycopg2.extensions.cursor"
		}
		extraReturnTypes[conn] = typ
		extraReturnTypes[typ+".cursor"] = cur
		extraReturnTypes[typ+".execute"] = cur
		cursorTypes[cur] = typ
		for _, m := range []string{"execute", "executemany", "executescript", "commit", "rollback"} {
			addBlocking("ASL202", dbAlt, typ+"."+m)
		}
		for _, m := range []string{"execute", "executemany", "executescript", "fetchone", "fetchall", "fetchmany", "callproc"} {
			addBlocking("ASL202", dbAlt, cur+"."+m)
		}
	}
	for _, m := range []string{"connect", "connect_ex", "recv", "recv_into", "recvfrom", "recvfrom_into", "recvmsg", "send",
		"sendall", "sendto", "sendmsg", "sendfile", "accept"} {
		addBlocking("ASL202", socketAlt, "socket.socket."+m)
	}
	addBlocking("ASL202", socketAlt, "socket.create_connection", "ssl.SSLSocket.do_handshake")
	addBlocking("ASL202", dnsAlt, "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
		"socket.gethostbyaddr", "socket.getnameinfo", "socket.getfqdn")
	for _, c := range redisCommands {
		addBlocking("ASL202", redisAlt, "redis.Redis."+c, "redis.client.Pipeline."+c)
	}
	addBlocking("ASL202", threadAlt, "threading.Event.wait", "threading.Lock.acquire", "threading.RLock.acquire",
		"threading.Semaphore.acquire", "threading.BoundedSemaphore.acquire", "threading.Condition.wait",
		"threading.Condition.wait_for", "threading.Condition.acquire", "threading.Barrier.wait", "threading.Thread.join",
		"queue.Queue.get", "queue.Queue.put", "queue.Queue.join")
	addBlocking("ASL202", futureAlt, "concurrent.futures.Future.result", "concurrent.futures.Future.exception",
		"concurrent.futures.wait")
	addBlocking("ASL202", "shut it down from a thread: `await asyncio.to_thread(executor.shutdown)`",
		"concurrent.futures.ThreadPoolExecutor.shutdown", "concurrent.futures.ProcessPoolExecutor.shutdown")
	addBlocking("ASL202", smtpAlt, "smtplib.SMTP.sendmail", "smtplib.SMTP.send_message", "smtplib.SMTP.login",
		"smtplib.SMTP.connect", "smtplib.SMTP.starttls", "smtplib.SMTP")

	for _, f := range []string{"listdir", "scandir", "stat", "lstat", "remove", "unlink", "rmdir", "removedirs", "mkdir",
		"makedirs", "rename", "renames", "replace", "walk", "chmod", "chown", "link", "symlink", "readlink", "access",
		"utime", "truncate", "statvfs", "fwalk"} {
		addBlocking("ASYNC240", fsAlt, "os."+f)
	}
	for _, f := range []string{"copy", "copy2", "copyfile", "copyfileobj", "copytree", "rmtree", "move", "disk_usage",
		"make_archive", "unpack_archive", "chown", "copymode", "copystat"} {
		addBlocking("ASYNC240", fsAlt, "shutil."+f)
	}
	addBlocking("ASYNC240", fsAlt, "glob.glob", "glob.iglob")
	addBlocking("ASYNC232", fileLoad, "json.load", "json.dump", "pickle.load", "pickle.dump", "marshal.load", "marshal.dump",
		"tomllib.load")

	for _, t := range []string{"http.client.HTTPConnection", "http.client.HTTPSConnection"} {
		addBlocking("ASYNC210", httpAltMsg, t+".request", t+".getresponse", t+".connect", t+".send")
	}
	addBlocking("ASYNC210", httpAltMsg, "urllib.request.urlretrieve")
	for _, v := range httpVerbs {
		addBlocking("ASYNC210", httpAltMsg, "httpx2."+v)
		addBlocking("ASYNC212", "use `httpx2.AsyncClient` and await it", "httpx2.Client."+v)
	}
	addBlocking("ASYNC212", "use `httpx2.AsyncClient` and await it", "httpx2.Client.send", "httpx2.Client.stream", "httpx2.Client.close")
	extraReturnTypes["httpx2.Client"] = "httpx2.Client"
}

// inMemoryFiles are file-like types that never block.
var inMemoryFiles = map[string]bool{"io.StringIO": true, "io.BytesIO": true}

// receiverType returns the type of the instance expression n evaluates to,
// following the model and, where it stops, the factories above: assignments
// of one value, `with ... as` targets, and calls of known factories and
// methods.
func receiverType(m *analysis.Module, n *analysis.Node, depth int) string {
	n = analysis.Unparen(n)
	if n == nil || depth > 8 {
		return ""
	}
	if r := m.Resolve(n); r.Instance && r.Name != "" {
		return r.Name
	}
	switch n.Type {
	case "identifier":
		b := m.ScopeAt(n).Lookup(m.File.Text(n))
		if b == nil || b.Kind != analysis.BindAssign {
			return ""
		}
		var t string
		for _, v := range b.Values {
			if v == nil {
				return ""
			}
			if v.Type == "none" {
				continue
			}
			vt := receiverType(m, v, depth+1)
			if vt == "" || (t != "" && vt != t) {
				return ""
			}
			t = vt
		}
		return t
	case "call":
		name := calleeName(m, n, depth)
		if t, ok := extraReturnTypes[name]; ok {
			return t
		}
		if t, ok := analysis.ReturnType(name); ok {
			return t
		}
	}
	return ""
}

// calleeName is the qualified name of a call's callee, using receiverType
// for methods of instances the model could not type.
func calleeName(m *analysis.Module, call *analysis.Node, depth int) string {
	fn := analysis.Unparen(call.ChildByField("function"))
	if fn == nil {
		return ""
	}
	if r := m.Resolve(fn); r.Name != "" {
		if _, known := blockingNames[r.Name]; known || fn.Type != "attribute" {
			return r.Name
		}
		if _, ok := extraReturnTypes[r.Name]; ok {
			return r.Name
		}
		if _, ok := analysis.ReturnType(r.Name); ok {
			return r.Name
		}
	}
	if fn.Type == "attribute" {
		if t := receiverType(m, fn.ChildByField("object"), depth+1); t != "" {
			return t + "." + m.File.Text(fn.ChildByField("attribute"))
		}
	}
	return qualName(m, fn)
}

// nonBlockingUse reports calls of blocking-capable APIs made in a way that
// does not block: lock.acquire(False), q.get(block=False), ev.wait(0),
// getaddrinfo of an IP address literal,
// json.load on an in-memory buffer.
func nonBlockingUse(m *analysis.Module, c *analysis.Call, name string) bool {
	f := m.File
	isFalse := func(n *analysis.Node) bool { return n != nil && (n.Type == "false" || f.Text(n) == "0") }
	isZero := func(n *analysis.Node) bool { return n != nil && (f.Text(n) == "0" || f.Text(n) == "0.0") }
	last := name[strings.LastIndexByte(name, '.')+1:]
	switch {
	case strings.HasPrefix(name, "threading.") && last == "acquire":
		return isFalse(c.Positional(0)) || isFalse(c.Keyword("blocking", f)) || isZero(c.Keyword("timeout", f))
	case name == "queue.Queue.get":
		return isFalse(c.Positional(0)) || isFalse(c.Keyword("block", f)) || isZero(c.Keyword("timeout", f))
	case name == "queue.Queue.put":
		if isFalse(c.Positional(1)) || isFalse(c.Keyword("block", f)) || isZero(c.Keyword("timeout", f)) {
			return true
		}
		// put() on an unbounded queue never waits.
		ctor := constructorCall(m, c.Node.ChildByField("function").ChildByField("object"), 0)
		if ctor == nil {
			return false
		}
		size := c0(ctor, f)
		return size == nil || f.Text(size) == "0" || strings.HasPrefix(calleeOf(m, ctor), "queue.SimpleQueue")
	case name == "socket.getaddrinfo" || name == "socket.getnameinfo":
		// Numeric hosts are parsed, not looked up: AI_NUMERICHOST, or an IP
		// address literal ("127.0.0.1", "::1").
		if strings.Contains(strings.ToUpper(f.Text(c.Node.ChildByField("arguments"))), "NUMERIC") {
			return true
		}
		// (getnameinfo of an address literal still looks its name up.)
		host := c.Positional(0)
		if name != "socket.getaddrinfo" || host == nil || host.Type != "string" {
			return false
		}
		lit := strings.Trim(f.Text(host), `"'`)
		return lit != "" && strings.Trim(lit, "0123456789.") == "" || strings.Contains(lit, ":") && strings.Trim(lit, "0123456789abcdefABCDEF:") == ""
	case name == "psycopg2.connect":
		// psycopg2.connect(dsn, async_=True) returns at once (aiopg's mode).
		v := c.Keyword("async_", f)
		if v == nil {
			v = c.Keyword("async", f)
		}
		return v != nil && v.Type != "false" && f.Text(v) != "0"
	case strings.HasPrefix(name, "socket.socket."):
		return nonBlockingSocket(m, c)
	case last == "wait" && strings.HasPrefix(name, "threading."), name == "concurrent.futures.Future.result",
		name == "concurrent.futures.Future.exception":
		return isZero(c.Positional(0)) || isZero(c.Keyword("timeout", f))
	case name == "json.load" || name == "pickle.load" || name == "json.dump" || name == "pickle.dump" || name == "marshal.load" ||
		name == "marshal.dump" || name == "tomllib.load":
		arg := c.Positional(0)
		if name == "json.dump" || name == "pickle.dump" || name == "marshal.dump" {
			arg = c.Positional(1)
		}
		if arg == nil {
			return true
		}
		t := receiverType(m, arg, 0)
		if inMemoryFiles[t] {
			return true
		}
		// json.load(open(path)): the open() call is reported already.
		return analysis.Unparen(arg).Type == "call"
	}
	return false
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
		if vals := obj.Class.Attrs[m.File.Text(n.ChildByField("attribute"))]; own && len(vals) == 1 {
			return constructorCall(m, vals[0], depth+1)
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
