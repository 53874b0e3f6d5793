package rules

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
		"created unbounded, `getaddrinfo` with `AI_NUMERICHOST` or of an IP address literal, the first `acquire()` of a " +
		"lock the function has just created, and socket calls on a non-blocking socket (inside a " +
		"`try` that handles `BlockingIOError`, or on a socket the module sets `setblocking(False)`), a call guarded by " +
		"its readiness check (`while q.empty(): await asyncio.sleep(0)` before `q.get()`, `if not q.empty():`, " +
		"`while t.is_alive(): await ...` before `t.join()`), queries on `sqlite3.connect(\":memory:\")` (CPU work) and dead code (a loop over an empty literal, `if False:`); " +
		"these guards apply to every blocking rule. File-system calls " +
		"(`os.listdir`, `os.stat`, `os.remove`, `os.makedirs`, `shutil.*`, `glob.glob`) are reported as ASYNC240, and " +
		"`json.load`/`pickle.load` on a file as ASYNC232, the closest flake8-async families. The receiver's type must be " +
		"known (from the factory call, an assignment, a `with ... as` target or an annotation).",
	Requires: []Fact{blockingCalls, blockingDelays},
	Run:      runBlockingCall,
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
