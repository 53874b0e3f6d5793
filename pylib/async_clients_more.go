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
