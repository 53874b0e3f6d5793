package pylib

// More asyncio clients whose calls make coroutines (ASL102 when not
// awaited), found by the library coverage audit (docs/pylib-coverage.md):
// SSH (asyncssh), mail (aiosmtplib), FTP (aioftp), MySQL and PostgreSQL
// through aiomysql and aiopg, encode's `databases`, memcached (aiomcache),
// and OpenSearch's clients (the sync one blocks, ASL202). Each is recorded
// on its own classes, so a method of the same name on a sync twin
// (paramiko, smtplib, ftplib, pymysql, psycopg2) stays what that library
// makes it. Sources: the libraries' own code as the judged corpora hold it
// (python3-asyncssh, python3-aiosmtplib, aioftp, python3-aiomysql,
// python3-aiopg, databases, aiomcache) and opensearch-py's
// opensearchpy/_async/client/__init__.py (`class AsyncOpenSearch(Client)`).

const opensearchAlt = "use `opensearchpy.AsyncOpenSearch` and await it, or `await asyncio.to_thread(...)`"

func init() {
	// asyncssh: connect and listen are `@async_context_manager async def`
	// (asyncssh/connection.py): awaited or entered with `async with`, they
	// give the connection. The connection's run, open_session,
	// create_connection and wait_closed are coroutines; create_process and
	// start_sftp_client are async context managers too. The SFTP client's
	// file operations are `async def` (asyncssh/sftp.py, class SFTPClient;
	// scandir is an async generator and not listed).
	const (
		sshConn = "asyncssh.SSHClientConnection"
		sftp    = "asyncssh.SFTPClient"
	)
	for _, f := range []string{"asyncssh.connect", "asyncssh.connection.connect"} {
		with(Coroutine|Awaitable, f)
		awaitReturns(f, sshConn)
	}
	with(Coroutine|Awaitable, "asyncssh.listen", "asyncssh.connection.listen")
	LibraryBases["asyncssh.connection.SSHClientConnection"] = []string{sshConn}
	LibraryBases["asyncssh.sftp.SFTPClient"] = []string{sftp}
	coroutineMethods(sshConn, "run", "open_session", "create_connection", "wait_closed", "forward_local_port",
		"forward_remote_port")
	with(Coroutine|Awaitable, sshConn+".create_process", sshConn+".start_sftp_client")
	awaitReturns(sshConn+".start_sftp_client", sftp)
	coroutineMethods(sftp, "get", "put", "copy", "mget", "mput", "mcopy", "glob", "makedirs", "rmtree", "stat", "lstat",
		"setstat", "statvfs", "truncate", "chown", "chmod", "utime", "exists", "lexists", "getsize", "getmtime", "isdir",
		"isfile", "islink", "remove", "unlink", "rename", "posix_rename", "readdir", "listdir", "mkdir", "rmdir",
		"realpath", "getcwd", "chdir", "readlink", "symlink", "link")
	with(Coroutine|Awaitable, sftp+".open")

	// aiosmtplib: `async def send` (aiosmtplib/api.py) and the SMTP client's
	// protocol steps (aiosmtplib/smtp.py: `async def connect`, login,
	// send_message, sendmail, starttls, ehlo, helo, noop, quit,
	// execute_command, auth_plain).
	coroutines("aiosmtplib.send", "aiosmtplib.api.send")
	for _, typ := range []string{"aiosmtplib.SMTP", "aiosmtplib.smtp.SMTP"} {
		returns(typ, typ)
		coroutineMethods(typ, "connect", "login", "send_message", "sendmail", "starttls", "ehlo", "helo", "noop", "quit",
			"execute_command", "auth_plain")
	}

	// aioftp's Client (aioftp/client.py): connect, login, the directory and
	// file commands, upload, download and quit are `async def`; list,
	// upload_stream and download_stream return async iterables or context
	// managers and are not listed.
	for _, typ := range []string{"aioftp.Client", "aioftp.client.Client"} {
		returns(typ, typ)
		coroutineMethods(typ, "connect", "login", "get_current_directory", "change_directory", "make_directory",
			"remove_directory", "stat", "is_file", "is_dir", "exists", "rename", "remove_file", "remove", "upload",
			"download", "quit", "abort", "command")
	}

	// aiomysql and aiopg: connect() and create_pool() return a context
	// manager that is also awaitable (aiomysql/connection.py: `return
	// _ConnectionContextManager(coro)`; aiopg/connection.py: `return
	// _ContextManager[Connection](...)`), as do Pool.acquire and
	// Connection.cursor; a cursor's execute and fetch methods are
	// coroutines (aiomysql/cursors.py: `async def execute`, fetchone
	// returns a future; aiopg: `async def fetchone`), and so are the
	// connection's commit and rollback (and aiomysql's begin).
	for _, lib := range []string{"aiomysql", "aiopg"} {
		conn, pool, cursor := lib+".Connection", lib+".Pool", lib+".Cursor"
		for _, f := range []string{lib + ".connect", lib + ".connection.connect"} {
			with(Coroutine|Awaitable, f)
			awaitReturns(f, conn)
		}
		for _, f := range []string{lib + ".create_pool", lib + ".pool.create_pool"} {
			with(Coroutine|Awaitable, f)
			awaitReturns(f, pool)
		}
		with(Coroutine|Awaitable, pool+".acquire", conn+".cursor")
		awaitReturns(pool+".acquire", conn)
		awaitReturns(conn+".cursor", cursor)
		coroutineMethods(pool, "wait_closed")
		coroutineMethods(conn, "commit", "rollback")
		coroutineMethods(cursor, "execute", "executemany", "callproc", "fetchone", "fetchmany", "fetchall", "scroll")
		LibraryBases[lib+".connection.Connection"] = []string{conn}
		LibraryBases[lib+".pool.Pool"] = []string{pool}
	}
	coroutineMethods("aiomysql.Connection", "begin", "select_db", "ping")
	for _, c := range []string{"aiomysql.cursors.Cursor", "aiomysql.DictCursor", "aiomysql.SSCursor", "aiomysql.SSDictCursor",
		"aiomysql.cursors.DictCursor", "aiomysql.cursors.SSCursor", "aiomysql.cursors.SSDictCursor"} {
		LibraryBases[c] = []string{"aiomysql.Cursor"}
	}
	LibraryBases["aiopg.connection.Cursor"] = []string{"aiopg.Cursor"}
	with(Coroutine, "aiopg.Pool.cursor")

	// encode's databases (databases/core.py): Database and Connection run
	// queries with `async def` connect, disconnect, fetch_all, fetch_one,
	// fetch_val, execute and execute_many (iterate is an async generator;
	// connection() and transaction() are not coroutines).
	for _, typ := range []string{"databases.Database", "databases.core.Database"} {
		returns(typ, typ)
		coroutineMethods(typ, "connect", "disconnect", "fetch_all", "fetch_one", "fetch_val", "execute", "execute_many")
		returns(typ+".connection", "databases.core.Connection")
	}
	coroutineMethods("databases.core.Connection", "fetch_all", "fetch_one", "fetch_val", "execute", "execute_many")
	coroutineMethods("databases.core.Transaction", "start", "commit", "rollback")

	// aiomcache's Client (aiomcache/client.py): every command is an `async
	// def` (under the `@acquire` decorator, which keeps it one).
	for _, typ := range []string{"aiomcache.Client", "aiomcache.client.Client"} {
		returns(typ, typ)
		coroutineMethods(typ, "get", "gets", "multi_get", "set", "add", "replace", "append", "prepend", "cas", "delete",
			"incr", "decr", "touch", "stats", "version", "flush_all", "close")
	}

	// opensearch-py, a fork of elasticsearch-py 7 with the same request
	// methods: OpenSearch's are HTTP requests on the calling thread,
	// AsyncOpenSearch's coroutines.
	for _, typ := range []string{"opensearchpy.OpenSearch", "opensearchpy.client.OpenSearch"} {
		returns(typ, typ)
		serviceRequests("ASL202", opensearchAlt, prefixed(typ+".", elasticsearchRequests...)...)
	}
	for _, typ := range []string{"opensearchpy.AsyncOpenSearch", "opensearchpy._async.client.AsyncOpenSearch"} {
		returns(typ, typ)
		coroutineMethods(typ, append([]string{"close"}, elasticsearchRequests...)...)
	}
}

// Third batch of the coverage audit: psycopg 3's asyncio API, psycopg_pool,
// aioimaplib, aiocache and Firestore's AsyncClient.
func init() {
	// psycopg 3 (corpus6 psycopg/connection_async.py, cursor_async.py):
	// `AsyncConnection.connect` is an `async def` classmethod, and the
	// connection's execute, commit, rollback and close are `async def`
	// (execute gives the cursor); cursor() only builds an AsyncCursor,
	// whose execute, executemany, fetch*, scroll, close and copy are `async
	// def`. The sync Connection and Cursor are in blocking.go.
	const aconn, acur = "psycopg.AsyncConnection", "psycopg.AsyncCursor"
	LibraryBases["psycopg.connection_async.AsyncConnection"] = []string{aconn}
	LibraryBases["psycopg.cursor_async.AsyncCursor"] = []string{acur}
	coroutineMethods(aconn, "connect", "execute", "commit", "rollback", "close", "cancel_safe", "set_autocommit",
		"set_isolation_level", "set_read_only", "set_deferrable", "tpc_begin", "tpc_prepare", "tpc_commit",
		"tpc_rollback", "tpc_recover")
	awaitReturns(aconn+".connect", aconn)
	awaitReturns(aconn+".execute", acur)
	returns(aconn+".cursor", acur)
	coroutineMethods(acur, "execute", "executemany", "fetchone", "fetchmany", "fetchall", "scroll", "close")
	// psycopg_pool (corpus8 psycopg_pool/pool.py, pool_async.py): the sync
	// ConnectionPool's getconn waits for a free connection (up to its
	// timeout, 30 s by default), wait() until the pool is filled, close()
	// for its workers; the AsyncConnectionPool's getconn, putconn, wait,
	// open, close and check are `async def` (connection() is an async
	// context manager, not listed).
	for _, p := range []string{"psycopg_pool.ConnectionPool", "psycopg_pool.pool.ConnectionPool"} {
		returns(p, p)
		returns(p+".getconn", "psycopg.Connection")
		serviceRequests("ASL202", "use `psycopg_pool.AsyncConnectionPool` and await it, or `await asyncio.to_thread(...)`",
			p+".getconn", p+".wait", p+".check")
	}
	for _, p := range []string{"psycopg_pool.AsyncConnectionPool", "psycopg_pool.pool_async.AsyncConnectionPool"} {
		returns(p, p)
		coroutineMethods(p, "getconn", "putconn", "wait", "open", "close", "check")
		awaitReturns(p+".getconn", aconn)
	}

	// aioimaplib (corpus5 aioimaplib/aioimaplib.py, class IMAP4 and
	// IMAP4_SSL(IMAP4)): the IMAP commands are `async def`; idle_done and
	// has_capability are plain methods.
	LibraryBases["aioimaplib.IMAP4_SSL"] = []string{"aioimaplib.IMAP4"}
	LibraryBases["aioimaplib.aioimaplib.IMAP4_SSL"] = []string{"aioimaplib.IMAP4"}
	LibraryBases["aioimaplib.aioimaplib.IMAP4"] = []string{"aioimaplib.IMAP4"}
	coroutineMethods("aioimaplib.IMAP4", "wait_hello_from_server", "login", "logout", "select", "search", "uid_search",
		"uid", "store", "copy", "expunge", "fetch", "idle", "wait_server_push", "stop_wait_server_push", "idle_start",
		"noop", "check", "examine", "status", "subscribe", "unsubscribe", "lsub", "create", "delete", "rename",
		"getquotaroot", "list", "append", "close", "move", "enable", "id", "namespace")

	// aiocache (corpus5 aiocache/base.py, class BaseCache): add, get,
	// multi_get, set, multi_set, delete, exists, increment, expire, clear,
	// raw and close are `async def`; `Cache(...)` and the backends
	// (SimpleMemoryCache, RedisCache, MemcachedCache) are BaseCache.
	const baseCache = "aiocache.base.BaseCache"
	for _, c := range []string{"aiocache.Cache", "aiocache.SimpleMemoryCache", "aiocache.RedisCache",
		"aiocache.MemcachedCache", "aiocache.BaseCache", "aiocache.backends.memory.SimpleMemoryCache",
		"aiocache.backends.redis.RedisCache", "aiocache.backends.memcached.MemcachedCache"} {
		LibraryBases[c] = []string{baseCache}
	}
	coroutineMethods(baseCache, "add", "get", "multi_get", "set", "multi_set", "delete", "exists", "increment",
		"expire", "clear", "raw", "close")

	// Firestore's AsyncClient (google-cloud-firestore, what
	// firebase_admin.firestore_async.client() returns): the async twins of
	// the sync records in blocking.go: a document's get/set/update/delete/
	// create, a collection's add and a query's get are coroutines;
	// collection(), document() and the query builders only name the
	// target; stream(), and the client's get_all and collections, are async
	// generators.
	const afs = "google.cloud.firestore."
	for _, n := range []string{"firebase_admin.firestore_async.client", afs + "AsyncClient",
		"google.cloud.firestore_v1.AsyncClient", "google.cloud.firestore_v1.async_client.AsyncClient"} {
		returns(n, afs+"AsyncClient")
	}
	for _, typ := range []string{afs + "AsyncClient", afs + "AsyncDocumentReference"} {
		returns(typ+".collection", afs+"AsyncCollectionReference")
	}
	returns(afs+"AsyncClient.document", afs+"AsyncDocumentReference")
	returns(afs+"AsyncCollectionReference.document", afs+"AsyncDocumentReference")
	for _, typ := range []string{afs + "AsyncCollectionReference", afs + "AsyncQuery"} {
		for _, m := range []string{"where", "order_by", "limit", "limit_to_last", "offset", "start_at", "start_after",
			"end_at", "end_before", "select"} {
			returns(typ+"."+m, afs+"AsyncQuery")
		}
		coroutines(typ + ".get")
	}
	coroutineMethods(afs+"AsyncDocumentReference", "get", "set", "update", "delete", "create")
	coroutineMethods(afs+"AsyncCollectionReference", "add")
	// The async twins of collection_group() and batch() (blocking.go): a
	// query, and a batch whose commit() is a coroutine.
	returns(afs+"AsyncClient.collection_group", afs+"AsyncQuery")
	returns(afs+"AsyncClient.batch", afs+"AsyncWriteBatch")
	coroutineMethods(afs+"AsyncWriteBatch", "commit")
}
