package pylib

import "strings"

// Blocking calls, filed under the most specific rule family: flake8-async's
// ASYNC2xx codes, and ASL202 for everything outside them.

// PoolAlt is the advice for a blocking urllib3 pool request (ASYNC211):
// the table's entries give it, and so does rules' ASYNC211 for a call
// shaped like one whose callee is unknown.
const PoolAlt = "use an async HTTP client (httpx.AsyncClient, aiohttp) or `await asyncio.to_thread(...)`"

const (
	httpAlt       = "use an async client (httpx.AsyncClient, aiohttp) or `await asyncio.to_thread(...)`"
	spawnAlt      = "use `await asyncio.create_subprocess_exec(...)` (or `asyncio.create_subprocess_shell`)"
	openAlt       = "use `await asyncio.to_thread(...)` for the file work, or an async file library such as aiofiles"
	fileIOAlt     = "do the file I/O in `await asyncio.to_thread(...)`, or use an async file library such as aiofiles"
	pathAlt       = "do the file-system call in `await asyncio.to_thread(...)`"
	socketAlt     = "use asyncio streams (`asyncio.open_connection`) or `await loop.sock_*(...)`, or run it with `await asyncio.to_thread(...)`"
	dnsAlt        = "use `await loop.getaddrinfo(...)` (or `asyncio.to_thread`)"
	dbAlt         = "use an async driver (aiosqlite, asyncpg, psycopg's AsyncConnection, aiomysql) or run it with `await asyncio.to_thread(...)`"
	redisAlt      = "use `redis.asyncio.Redis` and await it"
	threadAlt     = "use the asyncio primitive (`asyncio.Event`, `asyncio.Lock`, `asyncio.Queue`) or run it with `await asyncio.to_thread(...)`"
	syncAlt       = "flush in a worker thread: `await asyncio.to_thread(...)`"
	joinAlt       = "wait for the thread in a worker thread: `await asyncio.to_thread(thread.join)`"
	processAlt    = "wait for the process in a worker thread: `await asyncio.to_thread(process.join)`"
	datagramAlt   = "use `await loop.sock_*(...)` (the datagram ones since Python 3.11; asyncio streams are TCP only) or run it with `await asyncio.to_thread(...)`"
	futureAlt     = "await it instead: `await asyncio.wrap_future(fut)` (or `await loop.run_in_executor(...)`)"
	smtpAlt       = "use an async client (aiosmtplib) or run it with `await asyncio.to_thread(...)`"
	zmqPollAlt    = "use pyzmq's asyncio poller: `poller = zmq.asyncio.Poller()` and `await poller.poll(timeout)` (or `await socket.poll(timeout)` on a zmq.asyncio socket)"
	mqttAlt       = "use an asyncio MQTT client (aiomqtt, gmqtt), or `connect_async()` and let the network thread of `loop_start()` connect, or run it with `await asyncio.to_thread(...)`"
	passwordAlt   = "hash and verify in a worker thread: `await asyncio.to_thread(pwd_context.verify, password, hashed)`"
	fileLoad      = "read the file in `await asyncio.to_thread(...)` (e.g. `await asyncio.to_thread(json.load, f)`)"
	pandasAlt     = "do the file I/O in `await asyncio.to_thread(...)` (e.g. `await asyncio.to_thread(pandas.read_csv, path)`)"
	archiveAlt    = "do the archive work in `await asyncio.to_thread(...)`"
	webAlt        = "run it in a thread: `await asyncio.to_thread(...)` (or `await loop.run_in_executor(None, ...)`)"
	litellmAlt    = "await the async twin (`await litellm.acompletion(...)`, `aembedding`...) or `await asyncio.to_thread(...)`"
	langchainAlt  = "await the Runnable's async twin (`await llm.ainvoke(...)`, `abatch`, `apredict`) or `await asyncio.to_thread(...)`"
	llmAlt        = "use the async client (`openai.AsyncOpenAI`, `anthropic.AsyncAnthropic`) and await it, or `await asyncio.to_thread(...)`"
	openAIV0Alt   = "await the resource's async twin `acreate` (e.g. `await openai.ChatCompletion.acreate(...)`), or use `openai.AsyncOpenAI` (openai>=1.0), or `await asyncio.to_thread(...)`"
	geminiAlt     = "await the async twin (`generate_content_async`, `send_message_async`; google-genai's `client.aio.models...`) or `await asyncio.to_thread(...)`"
	firestoreAlt  = "use Firestore's `AsyncClient` and await it, or run it with `await asyncio.to_thread(...)`"
	googleAuthAlt = "run it in a thread: `await asyncio.to_thread(creds.refresh, request)`"
	discoveryAlt  = "run the request in a thread: `await asyncio.to_thread(request.execute)`"
	oauthFlowAlt  = "run the token exchange in a thread: `await asyncio.to_thread(flow.fetch_token, code=code)`"
)

// GoogleAuthRefresh is the record of google-auth's token refresh,
// `credentials.refresh(request)`: an HTTP exchange with the token endpoint
// made through the transport request it is handed.
const GoogleAuthRefresh = "google.auth.credentials.Credentials.refresh"

// GoogleAuthSyncTransports are google-auth's synchronous transport
// requests, the callable its credentials and ID-token helpers make their
// HTTP requests with. A `refresh(request)` or `before_request(request, ...)`
// handed one of them is google-auth's blocking refresh whatever the
// receiver's type is known to be (the credentials often come from
// `google.auth.default()` or a factory annotated `object`).
var GoogleAuthSyncTransports = map[string]bool{
	"google.auth.transport.requests.Request": true,
	"google.auth.transport.urllib3.Request":  true,
}

// HTTPVerbs are the request methods of HTTP client APIs.
var HTTPVerbs = []string{"get", "options", "head", "post", "put", "patch", "delete", "request"}

// FileTypes are the types of sync file objects (what open() returns, and
// what annotations commonly name).
var FileTypes = []string{"io.TextIOWrapper", "io.BufferedReader", "io.BufferedWriter", "io.BufferedRandom", "io.FileIO",
	"io.BufferedRWPair", "io.RawIOBase", "io.IOBase", "io.TextIOBase", "io.BufferedIOBase", "typing.IO", "typing.TextIO",
	"typing.BinaryIO", "gzip.GzipFile", "bz2.BZ2File", "lzma.LZMAFile"}

// InMemoryFiles are file-like types that never block.
var InMemoryFiles = map[string]bool{"io.StringIO": true, "io.BytesIO": true}

// PseudoFileSystems are the path prefixes of the kernel's in-memory file
// systems: opening and reading `/proc/self/status` or a `/sys/class/...`
// attribute waits on no disk (the kernel formats the answer on read).
var PseudoFileSystems = []string{"/proc/", "/sys/"}

// PseudoFileOpeners are the calls that open the file their first
// positional argument names.
var PseudoFileOpeners = map[string]bool{"open": true, "io.open": true}

// FromThreadToLoop are the calls a thread makes to run work on an event
// loop: true when the call itself waits for the result (anyio's and
// trio's from_thread.run: "block until the function returns"), false when
// it returns a concurrent.futures.Future the thread may wait for with
// `.result()` (asyncio.run_coroutine_threadsafe, asyncio docs "Scheduling
// From Other Threads").
// FutureWaitMethod is the method of the concurrent future a false entry of
// FromThreadToLoop returns that waits for the loop's result.
const FutureWaitMethod = "result"

var FromThreadToLoop = map[string]bool{"asyncio.run_coroutine_threadsafe": false,
	"anyio.from_thread.run": true, "anyio.from_thread.run_sync": true,
	"trio.from_thread.run": true, "trio.from_thread.run_sync": true}

// StandardStreams are the process's standard streams: a json.dump (or
// pickle.dump) to one prints, as print() does, which is not file I/O.
var StandardStreams = map[string]bool{"sys.stdout": true, "sys.stderr": true, "sys.stdin": true,
	"sys.__stdout__": true, "sys.__stderr__": true, "sys.__stdin__": true}

// PathTypes are pathlib's concrete path classes: `/` and `.parent` keep the type.
var PathTypes = map[string]bool{"pathlib.Path": true, "pathlib.PosixPath": true, "pathlib.WindowsPath": true, "pathlib.PurePath": true}

// InProcessFileDatabase reports an API (a resolved name) of sqlite3, whose
// database is a local file (or memory) worked in the calling process: its
// calls are local file work, not a round trip to a server.
func InProcessFileDatabase(name string) bool { return strings.HasPrefix(name, "sqlite3.") }

// diskFlushes are the calls that flush files to the storage device
// (os.fsync and its kin, ASL202).
var diskFlushes = map[string]bool{"os.fsync": true, "os.fdatasync": true, "os.sync": true}

// LocalFileWork reports a blocking API (a resolved name) outside the file
// families (ASYNC230, ASYNC231, ASYNC232, ASYNC240) that is local file work
// all the same: sqlite3's file databases (InProcessFileDatabase) and the
// flushes of files to the disk (os.fsync, os.fdatasync, os.sync).
func LocalFileWork(name string) bool { return InProcessFileDatabase(name) || diskFlushes[name] }

// ProcessStarter reports a blocking API (a resolved name) that starts a
// child process and returns it without waiting for it (subprocess.Popen:
// fork and exec, which asyncio's create_subprocess_exec also runs on the
// loop's thread); waiting is the returned object's wait(), communicate()
// or pipe reads. os.popen is not one: its file is read where it is opened.
func ProcessStarter(name string) bool { return name == "subprocess.Popen" }

// DBDrivers maps sync database drivers' connect functions to the types of
// the connections they return.
var DBDrivers = map[string]string{
	"sqlite3.connect":             "sqlite3.Connection",
	"psycopg2.connect":            "psycopg2.extensions.connection",
	"psycopg.connect":             "psycopg.Connection",
	"psycopg.Connection.connect":  "psycopg.Connection",
	"pymysql.connect":             "pymysql.connections.Connection",
	"MySQLdb.connect":             "MySQLdb.connections.Connection",
	"mysql.connector.connect":     "mysql.connector.connection.MySQLConnection",
	"oracledb.connect":            "oracledb.Connection",
	"cx_Oracle.connect":           "cx_Oracle.Connection",
	"pymssql.connect":             "pymssql.Connection",
	"pyodbc.connect":              "pyodbc.Connection",
	"pg8000.connect":              "pg8000.Connection",
	"snowflake.connector.connect": "snowflake.connector.connection.SnowflakeConnection",
	"trino.dbapi.connect":         "trino.dbapi.Connection",
	"redshift_connector.connect":  "redshift_connector.Connection",
}

// ClientSideCursorConnections are the connection types of DBDrivers whose
// cursor() makes a client-side cursor: execute() sends the query and
// receives the whole result, which fetchone/fetchmany/fetchall then read
// from the cursor's memory. psycopg2 (its maintainer, psycopg list,
// 2012-01-11: "fetchone/many/all on a regular cursor will all pull the data
// on the client in a single gulp (when execute() is called)") and psycopg 3
// (docs, "Client-side cursors": the server replies "transferring to the
// client the whole set of results requested, which is stored in the state
// of the same cursor and from where it can be read ... using methods such
// as fetchone() and siblings"). Their fetch methods are not blocking calls;
// execute() is. A named cursor (`conn.cursor("name")`, server-side) fetches
// from the server, and is not told apart: its execute() is reported, its
// fetches are not.
var ClientSideCursorConnections = map[string]bool{
	"psycopg2.extensions.connection": true,
	"psycopg.Connection":             true,
}

var redisCommands = strings.Fields(`get set mget mset getset setex setnx delete exists expire expireat ttl incr incrby decr
	decrby hget hset hmget hmset hgetall hdel hexists hincrby hkeys hvals hlen lpush rpush lpop rpop blpop brpop lrange llen
	lrem sadd srem smembers sismember scard zadd zrem zrange zrangebyscore zrevrange zscore zincrby zcard publish keys scan
	scan_iter ping flushdb flushall eval evalsha xadd xread xreadgroup xack execute watch`)

func init() {
	// The application classes of IPython and Jupyter are traitlets
	// Applications (`class BaseIPythonApplication(Application)`, `class
	// JupyterApp(Application)`).
	for _, app := range []string{"IPython.core.application.BaseIPythonApplication", "jupyter_core.application.JupyterApp"} {
		LibraryBases[app] = append(LibraryBases[app], "traitlets.config.application.Application")
	}

	for _, v := range HTTPVerbs {
		blocking("ASYNC210", httpAlt, "requests."+v, "requests.api."+v, "requests.Session."+v, "httpx."+v, "httpx2."+v)
		blocking("ASYNC212", "use `httpx2.AsyncClient` (httpx's maintained continuation) and await it", "httpx.Client."+v)
		blocking("ASYNC212", "use `httpx2.AsyncClient` and await it", "httpx2.Client."+v)
	}
	blocking("ASYNC210", httpAlt, "requests.Session.send", "urllib.request.urlopen", "urllib.urlopen", "urllib2.urlopen",
		"urllib3.request", "httpx.stream", "urllib.request.urlretrieve")
	// Methods of urllib3's pools are ASYNC211, as flake8-async documents it
	// ("urllib3 method calls on pool objects").
	for _, pool := range []string{"urllib3.PoolManager", "urllib3.ProxyManager", "urllib3.HTTPConnectionPool", "urllib3.HTTPSConnectionPool"} {
		blocking("ASYNC211", PoolAlt, pool+".request", pool+".urlopen", pool+".request_encode_url", pool+".request_encode_body")
	}
	blocking("ASYNC212", "use `httpx2.AsyncClient` (httpx's maintained continuation) and await it", "httpx.Client.send", "httpx.Client.stream", "httpx.Client.close")
	blocking("ASYNC212", "use `httpx2.AsyncClient` and await it", "httpx2.Client.send", "httpx2.Client.stream", "httpx2.Client.close")
	for _, t := range []string{"http.client.HTTPConnection", "http.client.HTTPSConnection"} {
		blocking("ASYNC210", httpAlt, t+".request", t+".getresponse", t+".connect", t+".send")
	}

	blocking("ASYNC220", spawnAlt, "subprocess.Popen", "os.popen")
	blocking("ASYNC221", spawnAlt+" and `await proc.communicate()`", "subprocess.run", "subprocess.call", "subprocess.check_call",
		"subprocess.check_output", "subprocess.getoutput", "subprocess.getstatusoutput", "os.system", "os.posix_spawn", "os.posix_spawnp")
	blocking("ASYNC222", "await the asyncio subprocess's `wait()` instead, or use `await asyncio.to_thread(...)`",
		"os.wait", "os.wait3", "os.wait4", "os.waitid", "os.waitpid")
	// A Popen's own waits: wait() until the child exits, communicate()
	// until it exits after its pipes are drained. Its construction is
	// ASYNC220's; these block for as long as the child runs.
	blocking("ASYNC222", "start it with `asyncio.create_subprocess_exec` and await its `wait()`/`communicate()`, or use `await asyncio.to_thread(...)`",
		"subprocess.Popen.wait", "subprocess.Popen.communicate")

	blocking("ASYNC230", openAlt, "open", "io.open", "io.open_code", "codecs.open", "fileinput.input", "fileinput.FileInput",
		"tempfile.TemporaryFile", "tempfile.NamedTemporaryFile", "tempfile.mkstemp", "pathlib.Path.open")
	// (tempfile.SpooledTemporaryFile() opens nothing: its data stays in
	// memory until a write passes max_size. Making a temporary directory is
	// one mkdir, a metadata call of ASYNC240's family below.)
	blocking("ASYNC231", openAlt, "os.fdopen")
	for _, t := range FileTypes {
		for _, meth := range []string{"read", "read1", "readall", "readinto", "readline", "readlines", "write", "writelines",
			"seek", "truncate", "flush", "close", "__iter__", "__next__"} {
			blocking("ASYNC232", fileIOAlt, t+"."+meth)
		}
	}
	// pandas' readers open the path (or URL) they are given and read all of
	// it; a buffer argument (io.BytesIO) is read in memory. Its DataFrame
	// writers write the file they are given (none given: they return a
	// string). Filed with json.load, which reads a file object or buffer the
	// same way.
	for _, r := range []string{"read_csv", "read_table", "read_fwf", "read_excel", "read_json", "read_parquet", "read_feather",
		"read_orc", "read_pickle", "read_hdf", "read_stata", "read_sas", "read_spss", "read_xml", "read_html"} {
		blocking("ASYNC232", pandasAlt, "pandas."+r)
		returns("pandas."+r, "pandas.DataFrame")
	}
	for _, w := range []string{"to_csv", "to_excel", "to_json", "to_parquet", "to_feather", "to_orc", "to_pickle", "to_hdf",
		"to_stata", "to_xml", "to_html"} {
		blocking("ASYNC232", pandasAlt, "pandas.DataFrame."+w)
	}
	blocking("ASYNC232", fileLoad, "json.load", "json.dump", "pickle.load", "pickle.dump", "marshal.load", "marshal.dump",
		"tomllib.load", "yaml.safe_load_file", "csv.reader.__next__")

	for _, f := range []string{"exists", "lexists", "isfile", "isdir", "islink", "ismount", "isjunction", "getsize", "getmtime",
		"getatime", "getctime", "samefile", "sameopenfile", "samestat", "realpath"} {
		blocking("ASYNC240", pathAlt, "os.path."+f, "posixpath."+f, "ntpath."+f)
		for _, mod := range []string{"os.path.", "posixpath.", "ntpath."} {
			entry(mod + f).ReadsOutside = true
		}
	}
	for _, m := range []string{"exists", "is_file", "is_dir", "is_symlink", "is_mount", "is_socket", "is_fifo",
		"is_block_device", "is_char_device", "stat", "lstat"} {
		entry("pathlib.Path." + m).ReadsOutside = true
	}
	for _, m := range []string{"exists", "is_file", "is_dir", "is_symlink", "is_mount", "is_socket", "is_fifo",
		"is_block_device", "is_char_device", "stat", "lstat",
		"mkdir", "rmdir", "unlink", "touch", "rename", "replace", "iterdir", "glob", "rglob", "resolve", "samefile",
		"chmod", "lchmod", "owner", "group", "readlink", "symlink_to", "hardlink_to", "walk"} {
		blocking("ASYNC240", pathAlt, "pathlib.Path."+m)
	}
	// Path's content methods open the file and read or write all of it: file
	// I/O like open(), filed with it so that they stay on by default (the
	// metadata calls above are ASYNC240, off by default; flake8-async files
	// these under ASYNC240 too).
	blocking("ASYNC230", openAlt, "pathlib.Path.read_text", "pathlib.Path.read_bytes", "pathlib.Path.write_text",
		"pathlib.Path.write_bytes")
	for _, f := range []string{"listdir", "scandir", "stat", "lstat", "remove", "unlink", "rmdir", "removedirs", "mkdir",
		"makedirs", "rename", "renames", "replace", "walk", "chmod", "chown", "link", "symlink", "readlink", "access",
		"utime", "truncate", "statvfs", "fwalk"} {
		blocking("ASYNC240", pathAlt, "os."+f)
	}
	for _, f := range []string{"rmtree", "move", "disk_usage", "chown", "copymode", "copystat"} {
		blocking("ASYNC240", pathAlt, "shutil."+f)
	}
	// shutil's copies and archives open files and read and write all of
	// them (the whole of a tree for copytree): file I/O like open(), filed
	// with it so that they stay on by default, directly in a coroutine and
	// in the helpers ASL201 follows (a backup copy made before a write,
	// Auralis#2317). copyfileobj reads and writes files already open, like
	// their methods. `move` is a rename on one file system and stays with
	// the metadata calls, as do rmtree and the permission copies.
	blocking("ASYNC230", openAlt, "shutil.copy", "shutil.copy2", "shutil.copyfile", "shutil.copytree")
	blocking("ASYNC230", archiveAlt, "shutil.make_archive", "shutil.unpack_archive")
	blocking("ASYNC232", fileIOAlt, "shutil.copyfileobj")
	blocking("ASYNC240", pathAlt, "glob.glob", "glob.iglob", "tempfile.mkdtemp", "tempfile.TemporaryDirectory")

	// Archives and compressed files: opening reads headers, extracting
	// and writing do the file I/O.
	blocking("ASYNC230", archiveAlt, "zipfile.ZipFile", "tarfile.open", "tarfile.TarFile", "gzip.open", "bz2.open", "lzma.open")
	for _, m := range []string{"extractall", "extract", "read", "write", "writestr", "testzip", "close"} {
		blocking("ASYNC232", archiveAlt, "zipfile.ZipFile."+m)
	}
	for _, m := range []string{"extractall", "extract", "extractfile", "add", "addfile", "getmembers", "close"} {
		blocking("ASYNC232", archiveAlt, "tarfile.TarFile."+m)
	}

	// Home Assistant's file helpers open the file they are given: its event
	// loop detector reports them, and its docs ask for an executor job.
	haAlt := "run it in the executor: `await hass.async_add_executor_job(...)`"
	blocking("ASYNC230", haAlt, "homeassistant.util.yaml.load_yaml", "homeassistant.util.yaml.loader.load_yaml",
		"homeassistant.util.yaml.load_yaml_dict", "homeassistant.util.yaml.loader.load_yaml_dict",
		"homeassistant.util.yaml.save_yaml", "homeassistant.util.yaml.dumper.save_yaml",
		"homeassistant.util.json.load_json", "homeassistant.util.json.load_json_object",
		"homeassistant.util.json.load_json_array", "homeassistant.helpers.json.save_json",
		"homeassistant.util.json.save_json", "homeassistant.util.file.write_utf8_file",
		"homeassistant.util.file.write_utf8_file_atomic")

	// Importing a module that is not loaded yet finds, reads and compiles
	// its files; loading a time zone reads its zoneinfo file (the loaders
	// cache it, but the first load of each key blocks). Home Assistant's
	// event-loop detector reports both and its docs ask for an executor
	// job (dt_util.async_get_time_zone for zones). Filed with open(), the
	// file I/O they do.
	blocking("ASYNC230", "import it at module level, or run the import in `await asyncio.to_thread(importlib.import_module, name)`",
		"importlib.import_module", "importlib.reload")
	// Distribution metadata: importlib.metadata (and its backport) lists
	// every sys.path entry for *.dist-info directories and reads the
	// METADATA (or RECORD, entry_points.txt) file found, on every call;
	// Home Assistant's detector reports the listdir and open. pkg_resources
	// scans the whole working set the same way.
	metaAlt := "read it once at import time, or in `await asyncio.to_thread(...)` " +
		"(Home Assistant: `await hass.async_add_executor_job(...)`)"
	for _, mod := range []string{"importlib.metadata.", "importlib_metadata."} {
		blocking("ASYNC230", metaAlt, prefixed(mod, "version", "metadata", "distribution", "distributions", "files",
			"requires", "entry_points", "packages_distributions")...)
	}
	blocking("ASYNC230", metaAlt, "pkg_resources.get_distribution", "pkg_resources.require",
		"pkg_resources.iter_entry_points")
	// pysnmp's SnmpEngine loads MIB modules in its constructor:
	// pysnmp/entity/engine.py (4.4) `SnmpEngine.__init__` calls
	// `mibBuilder.importSymbols('__SNMP-FRAMEWORK-MIB', ...)`, and
	// smi/builder.py's importSymbols -> loadModules lists every MIB source
	// directory (`os.listdir`) and opens and executes the module files found;
	// Home Assistant's detector reports the listdir (kou147258/hikvision-snmp
	// v0.1.12 builds it with `await asyncio.to_thread(SnmpEngine)`). The
	// class is re-exported by the hlapi packages (`from
	// pysnmp.entity.engine import *` in pysnmp.hlapi and
	// pysnmp.hlapi.asyncio; pysnmp 7's pysnmp.hlapi.v3arch.asyncio). Filed
	// with open(), the file I/O it does.
	blocking("ASYNC230", "build the engine once in `await asyncio.to_thread(SnmpEngine)` and reuse it "+
		"(Home Assistant: `await hass.async_add_executor_job(SnmpEngine)`)",
		"pysnmp.entity.engine.SnmpEngine", "pysnmp.hlapi.SnmpEngine", "pysnmp.hlapi.asyncio.SnmpEngine",
		"pysnmp.hlapi.asyncore.SnmpEngine", "pysnmp.hlapi.v3arch.SnmpEngine", "pysnmp.hlapi.v3arch.asyncio.SnmpEngine")
	blocking("ASYNC230", "load the zone once at import time, or in `await asyncio.to_thread(...)` "+
		"(Home Assistant: `await dt_util.async_get_time_zone(key)`)",
		"zoneinfo.ZoneInfo", "backports.zoneinfo.ZoneInfo", "pytz.timezone", "dateutil.tz.gettz", "dateutil.tz.tz.gettz",
		"homeassistant.util.dt.get_time_zone")

	// TLS set-up from certificate files reads them (ssl's
	// load_verify_locations/load_cert_chain, which Home Assistant's
	// detector reports): paho-mqtt's tls_set, and aiomqtt's Client (as
	// asyncio_mqtt before its rename) when given tls_params, which it hands
	// to tls_set in its constructor; a tls_context built beforehand loads
	// nothing.
	tlsAlt := "build the SSL context in `await asyncio.to_thread(...)` (ssl.create_default_context, " +
		"load_verify_locations, load_cert_chain) and hand it over ready-made"
	blocking("ASYNC230", tlsAlt+" with `tls_set_context(ctx)`", "paho.mqtt.client.Client.tls_set")
	// ssl's own loaders, and the HTTP clients that call them in their
	// constructors (httpx builds an SSL context from certifi's CA bundle
	// for each client and transport unless given verify=False or a
	// context): certificate files read and parsed, tens of milliseconds,
	// which Home Assistant's detector reports. ASL203, off by default
	// (its Notes give the measurement): most such contexts and clients
	// are built once per connection or at start-up.
	blocking("ASL203", tlsAlt, "ssl.create_default_context", "ssl.SSLContext.load_verify_locations",
		"ssl.SSLContext.load_cert_chain", "ssl.SSLContext.load_default_certs", "ssl.SSLContext.set_default_verify_paths")
	returns("ssl.create_default_context", "ssl.SSLContext")
	returns("ssl.SSLContext", "ssl.SSLContext")
	blocking("ASL203", "build the client once, off the loop (`await asyncio.to_thread(httpx.AsyncClient, ...)`), and reuse it, "+
		"or pass `verify=` an SSL context built once (Home Assistant: `get_async_client(hass)`)",
		"httpx.AsyncClient", "httpx.Client", "httpx.AsyncHTTPTransport", "httpx.HTTPTransport",
		"httpx2.AsyncClient", "httpx2.Client", "httpx2.AsyncHTTPTransport", "httpx2.HTTPTransport")
	for _, n := range []string{"httpx.AsyncClient", "httpx.Client", "httpx.AsyncHTTPTransport", "httpx.HTTPTransport",
		"httpx2.AsyncClient", "httpx2.Client", "httpx2.AsyncHTTPTransport", "httpx2.HTTPTransport"} {
		entry(n).Unblock = UnblockedByVerify
	}
	// cadata= alone is parsed from memory; cafile is create_default_context's
	// second parameter (keyword-only) and load_verify_locations' first.
	entry("ssl.create_default_context").Unblock, entry("ssl.create_default_context").FileArg = UnblockedInMemoryCerts, 1
	entry("ssl.SSLContext.load_verify_locations").Unblock = UnblockedInMemoryCerts
	// A context that authenticates clients is a server's (ASL203 leaves it
	// out: built once, when the server starts listening).
	entry("ssl.create_default_context").ServerMarker, entry("ssl.create_default_context").ServerKeyword = "CLIENT_AUTH", "purpose"
	entry("ssl.SSLContext").ServerMarker, entry("ssl.SSLContext").ServerKeyword = "PROTOCOL_TLS_SERVER", "protocol"
	// The client itself stays in the coroutine: its constructor takes the
	// running loop and makes futures on it (no thread may build it).
	for _, n := range []string{"aiomqtt.Client", "aiomqtt.client.Client", "asyncio_mqtt.Client", "asyncio_mqtt.client.Client"} {
		blocking("ASYNC230", tlsAlt+" as `tls_context=ctx`; the client itself must be built on the loop", n)
		a := entry(n)
		a.Unblock, a.BlockingKeyword = UnblockedWithoutKeyword, "tls_params"
		a.Roles |= ThreadUnsafe
	}

	blocking("ASYNC250", "use `await asyncio.to_thread(input, ...)`", "input")
	blocking("ASYNC251", "use `await asyncio.sleep(...)`", "time.sleep")

	// Drivers whose connect(":memory:") opens an in-memory database.
	memoryDrivers := map[string]bool{"sqlite3.connect": true}
	for conn, typ := range DBDrivers {
		blocking("ASL202", dbAlt, conn)
		cur := strings.TrimSuffix(typ, "Connection") + "Cursor"
		if typ == "psycopg2.extensions.connection" {
			cur = "psycopg2.extensions.cursor"
		}
		returns(conn, typ)
		returns(typ+".cursor", cur)
		returns(typ+".execute", cur)
		for _, m := range []string{"execute", "executemany", "executescript", "commit", "rollback"} {
			blocking("ASL202", dbAlt, typ+"."+m)
		}
		for _, m := range []string{"execute", "executemany", "executescript", "fetchone", "fetchall", "fetchmany", "callproc"} {
			if ClientSideCursorConnections[typ] && strings.HasPrefix(m, "fetch") {
				// The rows are in the cursor already (ClientSideCursorConnections).
				continue
			}
			blocking("ASL202", dbAlt, cur+"."+m)
		}
		if memoryDrivers[conn] {
			entry(conn).Roles |= OpensMemoryDatabase
			for _, a := range apis {
				if a.Name == conn || strings.HasPrefix(a.Name, typ+".") || strings.HasPrefix(a.Name, cur+".") {
					a.Roles |= MemoryDatabase
				}
			}
		}
	}
	for _, m := range []string{"connect", "connect_ex", "recv", "recv_into", "recvfrom", "recvfrom_into", "recvmsg", "send",
		"sendall", "sendto", "sendmsg", "sendfile", "accept"} {
		alt := socketAlt
		if m == "sendto" || m == "recvfrom" || m == "recvfrom_into" {
			// Datagram calls: asyncio's streams are TCP.
			alt = datagramAlt
		}
		blocking("ASL202", alt, "socket.socket."+m)
		entry("socket.socket." + m).Unblock = UnblockedSocket
	}
	blocking("ASL202", socketAlt, "socket.create_connection", "ssl.SSLSocket.do_handshake")
	blocking("ASL202", dnsAlt, "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
		"socket.gethostbyaddr", "socket.getnameinfo", "socket.getfqdn")
	for _, c := range redisCommands {
		blocking("ASL202", redisAlt, "redis.Redis."+c, "redis.client.Pipeline."+c)
	}
	blocking("ASL202", threadAlt, "threading.Event.wait", "threading.Lock.acquire", "threading.RLock.acquire",
		"threading.Semaphore.acquire", "threading.BoundedSemaphore.acquire", "threading.Condition.wait",
		"threading.Condition.wait_for", "threading.Condition.acquire", "threading.Barrier.wait",
		"queue.Queue.get", "queue.Queue.put", "queue.Queue.join")
	// Flushing a file to the storage device: os.fsync "force[s] write of
	// file with filedescriptor fd to disk" and os.fdatasync likewise without
	// the metadata (Python's os docs); the fsync(2) man page: "The call
	// blocks until the device reports that the transfer has completed", and
	// sync(2) commits every file system's buffers. Local file work
	// (LocalFileWork): ASL201 follows it through helpers where it follows
	// file I/O (chad-loder/pyhaul#35, a library's fdatasync per MiB).
	blocking("ASL202", syncAlt, "os.fsync", "os.fdatasync", "os.sync")
	blocking("ASL202", joinAlt, "threading.Thread.join")
	blocking("ASL202", processAlt, "multiprocessing.Process.join")
	blocking("ASL202", futureAlt, "concurrent.futures.Future.result", "concurrent.futures.Future.exception",
		"concurrent.futures.wait")
	blocking("ASL202", "shut it down from a thread: `await asyncio.to_thread(executor.shutdown)`",
		"concurrent.futures.ThreadPoolExecutor.shutdown", "concurrent.futures.ProcessPoolExecutor.shutdown")
	// The synchronous LLM clients: every API call is an HTTP request (httpx
	// underneath), often seconds long. The async twins are in async_libs.go.
	for _, typ := range []string{"openai.OpenAI", "openai.AzureOpenAI"} {
		blocking("ASL202", llmAlt, prefixed(typ+".", openAIRequests...)...)
		returns(typ, typ)
	}
	blocking("ASL202", llmAlt, prefixed("anthropic.Anthropic.", anthropicRequests...)...)
	returns("anthropic.Anthropic", "anthropic.Anthropic")
	// openai-python before 1.0: the module-level resource classes send one
	// HTTPS request per call. openai/api_resources/chat_completion.py (0.27):
	// `class ChatCompletion(EngineAPIResource)` whose classmethod `create`
	// calls `EngineAPIResource.create`, which makes the request with
	// `api_requestor.APIRequestor(...).request("post", ...)` (requests, in
	// openai/api_resources/abstract/engine_api_resource.py); Completion,
	// Embedding and Edit are the same EngineAPIResource classes. Their
	// `acreate` twins are in async_libs.go. openai>=1.0 has no working
	// `create` on these names (response types, or stubs that raise), so a
	// call is 0.x code.
	for _, r := range openAIV0Resources {
		blocking("ASL202", openAIV0Alt, "openai."+r+".create")
	}
	// LiteLLM's synchronous calls (litellm/main.py: completion is one HTTP
	// request to the provider; acompletion is its async twin).
	blocking("ASL202", litellmAlt, prefixed("litellm.", litellmSyncCalls...)...)
	for _, r := range []string{"litellm.Router", "litellm.router.Router"} {
		blocking("ASL202", litellmAlt, prefixed(r+".", litellmSyncCalls...)...)
	}
	// LangChain's OpenAI chat model: its synchronous Runnable methods send the
	// request through the sync OpenAI client. langchain_openai's
	// chat_models/base.py (BaseChatOpenAI.validate_environment) builds
	// `self.root_client = openai.OpenAI(...)` and `self.client =
	// self.root_client.chat.completions`, which _generate calls; the async
	// path uses `openai.AsyncOpenAI`. LangChain's Runnable reference
	// (langchain-core runnables) gives each sync method an async twin
	// (invoke/ainvoke, batch/abatch; the deprecated predict/apredict,
	// predict_messages/apredict_messages, generate/agenerate). The class is
	// importable from langchain_openai and, in older releases, from
	// langchain_community.chat_models and langchain.chat_models (the same
	// sync client, or openai<1.0's ChatCompletion.create). stream() is a
	// generator (the request starts when it is iterated): not listed.
	for _, typ := range langchainChatOpenAI {
		blocking("ASL202", langchainAlt, prefixed(typ+".", langchainSyncCalls...)...)
		returns(typ, typ)
	}
	// Synchronous web clients with no async counterpart: each call is one
	// or more HTTP round trips (yt-dlp's extraction of a playlist, many).
	// Bots call them from their command handlers.
	for _, typ := range []string{"yt_dlp.YoutubeDL", "youtube_dl.YoutubeDL"} {
		blocking("ASL202", webAlt, prefixed(typ+".", "extract_info", "download", "download_with_info_file",
			"process_ie_result", "process_info", "process_video_result", "urlopen")...)
		returns(typ, typ)
	}
	for _, typ := range []string{"lyricsgenius.Genius", "lyricsgenius.API", "lyricsgenius.PublicAPI"} {
		blocking("ASL202", webAlt, prefixed(typ+".", "search_song", "search_songs", "search_artist", "search_artists",
			"search_album", "search_albums", "search_lyrics", "search_all", "search", "lyrics", "song", "songs", "artist",
			"artist_songs", "album", "album_tracks", "referents", "annotation", "search_genius", "search_genius_web")...)
		returns(typ, typ)
	}
	// Google's Gemini SDKs: google-generativeai's GenerativeModel (and the
	// ChatSession from start_chat) and google-genai's Client send one HTTPS
	// request per call, often seconds long; their async twins are in
	// async_libs.go.
	const gai, ggenai = "google.generativeai.", "google.genai."
	blocking("ASL202", geminiAlt, prefixed(gai+"GenerativeModel.", "generate_content", "count_tokens")...)
	returns(gai+"GenerativeModel", gai+"GenerativeModel")
	returns(gai+"GenerativeModel.start_chat", gai+"ChatSession")
	blocking("ASL202", geminiAlt, gai+"ChatSession.send_message", gai+"embed_content", gai+"generate_text",
		gai+"generate_embeddings", gai+"count_text_tokens")
	for _, r := range geminiRequests {
		// generate_content_stream is a generator function: the request is
		// made when the result is iterated, not at the call.
		if r != "models.generate_content_stream" {
			blocking("ASL202", geminiAlt, ggenai+"Client."+r)
		}
	}
	serviceRequests("ASL202", geminiAlt, prefixed(ggenai+"Client.", geminiServiceRequests...)...)
	returns(ggenai+"Client", ggenai+"Client")
	// google-api-python-client: build() "Construct[s] a Resource for
	// interacting with an API" (googleapiclient.discovery); the Resource's
	// methods are generated from the discovery document at run time: a
	// collection method (`service.users()`) returns a Resource, an API method
	// (`.messages().get(userId=..., id=...)`) an HttpRequest (build's
	// requestBuilder=HttpRequest), and HttpRequest.execute() sends it through
	// httplib2, synchronously, retrying with sleeps when num_retries is set;
	// BatchHttpRequest.execute() likewise (new_batch_http_request()). Every
	// call on a Resource is modelled as giving a Resource, so `execute` on
	// one stands for the HttpRequest's. Receivers are typed from build() and
	// build_from_document() (also under the old `apiclient` name), never from
	// the bare name `execute`.
	for _, mod := range []string{"googleapiclient.discovery.", "apiclient.discovery."} {
		returns(mod+"build", "googleapiclient.discovery.Resource")
		returns(mod+"build_from_document", "googleapiclient.discovery.Resource")
	}
	returns("googleapiclient.discovery.Resource.*", "googleapiclient.discovery.Resource")
	serviceRequests("ASL202", discoveryAlt, "googleapiclient.discovery.Resource.execute",
		"googleapiclient.http.HttpRequest.execute", "googleapiclient.http.BatchHttpRequest.execute")
	// google-auth-oauthlib: Flow "uses a requests_oauthlib.OAuth2Session
	// instance ... to perform all of the OAuth 2.0 logic" (its docs);
	// fetch_token() exchanges the authorization code at the token endpoint,
	// a synchronous requests POST, and InstalledAppFlow.run_local_server()
	// serves the redirect until the user has consented in a browser. Typed
	// from the class constructors from_client_secrets_file/from_client_config.
	for _, cls := range []string{"google_auth_oauthlib.flow.Flow", "google_auth_oauthlib.flow.InstalledAppFlow"} {
		returns(cls+".from_client_secrets_file", cls)
		returns(cls+".from_client_config", cls)
		serviceRequests("ASL202", oauthFlowAlt, cls+".fetch_token")
	}
	serviceRequests("ASL202", "run the local-server flow in a thread: `await asyncio.to_thread(flow.run_local_server, port=0)`",
		"google_auth_oauthlib.flow.InstalledAppFlow.run_local_server")
	// google-auth: refreshing credentials (and verifying or fetching an ID
	// token, which downloads Google's certificates or asks the metadata
	// server) is an HTTP exchange made through the transport request passed
	// in; the requests and urllib3 transports are synchronous. The
	// credentials classes' refresh is named here for receivers whose type is
	// known; an unknown receiver handed a sync transport is classified by
	// that argument (rules/blocking.go, googleAuthRefresh).
	blocking("ASL202", googleAuthAlt, GoogleAuthRefresh, "google.oauth2.credentials.Credentials.refresh",
		"google.oauth2.service_account.Credentials.refresh", "google.auth.compute_engine.Credentials.refresh",
		"google.auth.impersonated_credentials.Credentials.refresh", "google.auth.external_account.Credentials.refresh")
	blocking("ASL202", "run it in a thread: `await asyncio.to_thread(id_token.verify_oauth2_token, token, request, audience)`",
		prefixed("google.oauth2.id_token.", "verify_oauth2_token", "verify_token", "verify_firebase_token", "fetch_id_token")...)
	// Firestore's synchronous client (what firebase_admin.firestore.client()
	// returns): a document's get/set/update/delete/create and a query's get
	// are each a gRPC round trip. collection(), document(), where() and the
	// other query builders only name the target.
	const fs = "google.cloud.firestore."
	for _, n := range []string{"firebase_admin.firestore.client", fs + "Client", "google.cloud.firestore_v1.Client",
		"google.cloud.firestore_v1.client.Client"} {
		returns(n, fs+"Client")
	}
	for _, typ := range []string{fs + "Client", fs + "DocumentReference"} {
		returns(typ+".collection", fs+"CollectionReference")
	}
	returns(fs+"Client.document", fs+"DocumentReference")
	returns(fs+"CollectionReference.document", fs+"DocumentReference")
	for _, typ := range []string{fs + "CollectionReference", fs + "Query"} {
		for _, m := range []string{"where", "order_by", "limit", "limit_to_last", "offset", "start_at", "start_after",
			"end_at", "end_before", "select"} {
			returns(typ+"."+m, fs+"Query")
		}
		serviceRequests("ASL202", firestoreAlt, typ+".get")
	}
	serviceRequests("ASL202", firestoreAlt, prefixed(fs+"DocumentReference.", "get", "set", "update", "delete", "create")...)
	serviceRequests("ASL202", firestoreAlt, fs+"CollectionReference.add", fs+"CollectionReference.list_documents",
		fs+"Client.get_all", fs+"Client.collections")
	// collection_group(id) names every collection with that id: a query
	// like the others (CollectionGroup is a Query). stream() runs the query,
	// a RunQuery RPC whose documents arrive as the loop over it draws them
	// (`for doc in query.stream():`, the line of the call). batch() only
	// collects writes; the batch's commit() sends them, a Commit RPC.
	returns(fs+"Client.collection_group", fs+"Query")
	serviceRequests("ASL202", firestoreAlt, fs+"CollectionReference.stream", fs+"Query.stream")
	// stream() itself sends nothing: it returns a generator (a
	// StreamGenerator over `_make_stream`, a generator function, since
	// 2.15; a generator function before) whose first draw sends the query,
	// so it is a request where it is iterated in place (`for doc in
	// q.stream():`, a local bound once to it and looped over), not where a
	// thread is handed it (`await asyncio.to_thread(list, q.stream())`).
	for _, n := range []string{fs + "CollectionReference.stream", fs + "Query.stream"} {
		entry(n).Unblock = UnblockedUnlessIterated
	}
	returns(fs+"Client.batch", fs+"WriteBatch")
	serviceRequests("ASL202", firestoreAlt, fs+"WriteBatch.commit")
	// Password hashing: bcrypt, argon2 and the other password hashes are
	// slow on purpose, a configured work factor per call (pyca/bcrypt's
	// README, "Adjustable Work Factor": `gensalt(rounds=12)`, the default;
	// passlib's CryptContext tutorial: "set defaults for time-cost
	// parameters"; argon2-cffi's PasswordHasher(time_cost=..., memory_cost=...);
	// pwdlib, FastAPI's documented choice, wraps argon2 and bcrypt), about a
	// quarter of a second at the defaults. A login or sign-up coroutine that
	// hashes on the loop holds every other request for that long. Receiver
	// types come from the constructors, never from the bare names
	// `hash`/`verify`, which many objects have.
	for _, typ := range []string{"passlib.context.CryptContext", "argon2.PasswordHasher", "pwdlib.PasswordHash"} {
		returns(typ, typ)
	}
	returns("pwdlib.PasswordHash.recommended", "pwdlib.PasswordHash")
	blocking("ASL202", passwordAlt, "passlib.context.CryptContext.hash", "passlib.context.CryptContext.verify",
		"passlib.context.CryptContext.verify_and_update", "passlib.context.CryptContext.encrypt",
		"bcrypt.hashpw", "bcrypt.checkpw", "bcrypt.kdf",
		"argon2.PasswordHasher.hash", "argon2.PasswordHasher.verify",
		"pwdlib.PasswordHash.hash", "pwdlib.PasswordHash.verify", "pwdlib.PasswordHash.verify_and_update")
	blocking("ASL202", smtpAlt, "smtplib.SMTP.sendmail", "smtplib.SMTP.send_message", "smtplib.SMTP.login",
		"smtplib.SMTP.connect", "smtplib.SMTP.starttls", "smtplib.SMTP")
	// paho-mqtt's Client.connect: "This is a blocking call that establishes
	// the underlying connection and transmits a CONNECT packet" (its
	// docstring, src/paho/mqtt/client.py): connect() records the broker
	// (connect_async) and returns reconnect(), which opens the socket (DNS
	// lookup, TCP and TLS handshakes, up to connect_timeout, 5 s by default)
	// and sends CONNECT; connect_srv() looks the broker up in DNS SRV
	// records, then calls connect(). connect_async() only records the
	// broker for the network thread of loop_start() to connect: not listed.
	returns("paho.mqtt.client.Client", "paho.mqtt.client.Client")
	blocking("ASL202", mqttAlt, "paho.mqtt.client.Client.connect", "paho.mqtt.client.Client.reconnect",
		"paho.mqtt.client.Client.connect_srv")
	// pyzmq's synchronous Poller: poll(timeout=None) "will return as soon
	// the first event is available or after timeout milliseconds have
	// elapsed", None meaning no timeout (its docstring, zmq/sugar/poll.py);
	// the asyncio twin is zmq.asyncio.Poller, "Poller that returns a Future
	// on poll, instead of blocking" (zmq/_future.py _AsyncPoller), which
	// gets no record here. poll(0) returns at once (below).
	for _, typ := range []string{"zmq.Poller", "zmq.sugar.Poller", "zmq.sugar.poll.Poller"} {
		returns(typ, "zmq.Poller")
	}
	blocking("ASL202", zmqPollAlt, "zmq.Poller.poll")
	unblocked := func(how Unblocking, names ...string) {
		for _, n := range names {
			entry(n).Unblock = how
		}
	}
	unblocked(UnblockedByFlag, "threading.Lock.acquire", "threading.RLock.acquire", "threading.Semaphore.acquire",
		"threading.BoundedSemaphore.acquire", "threading.Condition.acquire")
	unblocked(UnblockedQueueGet, "queue.Queue.get")
	unblocked(UnblockedQueuePut, "queue.Queue.put")
	unblocked(UnblockedByZeroTimeout, "threading.Event.wait", "threading.Condition.wait", "threading.Barrier.wait",
		"concurrent.futures.Future.result", "concurrent.futures.Future.exception", "zmq.Poller.poll")
	unblocked(UnblockedNumericHost, "socket.getaddrinfo")
	unblocked(UnblockedLocalHost, "socket.gethostbyname", "socket.gethostbyname_ex")
	unblocked(UnblockedUTCZone, "pytz.timezone")
	unblocked(UnblockedCachedModule, "importlib.import_module")
	unblocked(UnblockedNumericFlag, "socket.getnameinfo")
	unblocked(UnblockedAsyncKeyword, "psycopg2.connect")
	unblocked(UnblockedStoppedThread, "threading.Thread.join", "multiprocessing.Process.join")
	unblocked(UnblockedNoWait, "concurrent.futures.ThreadPoolExecutor.shutdown", "concurrent.futures.ProcessPoolExecutor.shutdown")
	for _, t := range FileTypes {
		if strings.HasPrefix(t, "io.") {
			unblocked(UnblockedReadOnlyClose, t+".close")
		}
	}
	unblocked(UnblockedMemoryArchive, "zipfile.ZipFile", "tarfile.open", "tarfile.TarFile", "gzip.open", "bz2.open", "lzma.open")
	for _, m := range []string{"read", "writestr", "testzip", "close"} {
		unblocked(UnblockedMemoryArchiveRead, "zipfile.ZipFile."+m)
	}
	for _, m := range []string{"extractfile", "addfile", "getmembers", "close"} {
		unblocked(UnblockedMemoryArchiveRead, "tarfile.TarFile."+m)
	}
	unblocked(UnblockedMemoryFile, "json.load", "pickle.load", "marshal.load", "tomllib.load")
	for _, a := range apis {
		if strings.HasPrefix(a.Name, "pandas.read_") || strings.HasPrefix(a.Name, "pandas.DataFrame.to_") {
			unblocked(UnblockedMemoryFile, a.Name)
		}
	}
	for _, n := range []string{"json.dump", "pickle.dump", "marshal.dump"} {
		unblocked(UnblockedMemoryFile, n)
		entry(n).FileArg = 1
	}
	for n, kw := range fileKeywords {
		entry(n).BlockingKeyword = kw
	}

	for name, seconds := range map[string]float64{
		"requests.get": 0.1, "requests.post": 0.1, "requests.put": 0.1, "requests.patch": 0.1, "requests.delete": 0.1,
		"requests.head": 0.1, "requests.request": 0.1, "requests.Session.get": 0.1, "requests.Session.post": 0.1,
		"urllib.request.urlopen": 0.1, "httpx.get": 0.1, "httpx.post": 0.1, "httpx.Client.get": 0.1, "httpx.Client.post": 0.1,
		"subprocess.run": 0.05, "subprocess.call": 0.05, "subprocess.check_call": 0.05, "subprocess.check_output": 0.05,
		"os.system": 0.05, "openai.OpenAI.chat.completions.create": 1.0, "bcrypt.hashpw": 0.25, "bcrypt.checkpw": 0.25,
		"passlib.context.CryptContext.hash": 0.25, "passlib.context.CryptContext.verify": 0.25, "sqlite3.connect": 0.001, "psycopg2.connect": 0.02, "socket.create_connection": 0.02,
	} {
		latency(name, seconds)
	}
}

// fileKeywords are the names of the file argument of the calls whose
// file is read or written only when one is given (UnblockedMemoryFile):
// a caller may pass it by keyword instead of at FileArg
// (`df.to_parquet(path=file)` in storey's ParquetTarget, bench/realbugs94;
// `json.dump(result, fp=f)`). The names are the parameters' in pandas'
// signatures (python3-pandas 1.5.3: pandas/io/*.py, core/generic.py and
// core/frame.py), the json and pickle modules' (`load(fp)`, `dump(obj,
// fp)`, `load(file)`, `dump(obj, file)`), openpyxl's (`load_workbook(filename)`,
// `Workbook.save(filename)`; python3-openpyxl 3.0.9) and PyMuPDF's
// (`Document(filename=None, stream=None, ...)`, `Document.save(filename)`;
// python3-fitz 1.21.1). marshal's and tomllib's file argument is
// positional-only.
var fileKeywords = map[string]string{
	"pandas.read_csv": "filepath_or_buffer", "pandas.read_table": "filepath_or_buffer",
	"pandas.read_fwf": "filepath_or_buffer", "pandas.read_excel": "io", "pandas.read_json": "path_or_buf",
	"pandas.read_parquet": "path", "pandas.read_feather": "path", "pandas.read_orc": "path",
	"pandas.read_pickle": "filepath_or_buffer", "pandas.read_hdf": "path_or_buf",
	"pandas.read_stata": "filepath_or_buffer", "pandas.read_sas": "filepath_or_buffer", "pandas.read_spss": "path",
	"pandas.read_xml": "path_or_buffer", "pandas.read_html": "io",
	"pandas.DataFrame.to_csv": "path_or_buf", "pandas.DataFrame.to_excel": "excel_writer",
	"pandas.DataFrame.to_json": "path_or_buf", "pandas.DataFrame.to_parquet": "path",
	"pandas.DataFrame.to_feather": "path", "pandas.DataFrame.to_orc": "path", "pandas.DataFrame.to_pickle": "path",
	"pandas.DataFrame.to_hdf": "path_or_buf", "pandas.DataFrame.to_stata": "path",
	"pandas.DataFrame.to_xml": "path_or_buffer", "pandas.DataFrame.to_html": "buf",
	"json.load": "fp", "json.dump": "fp", "pickle.load": "file", "pickle.dump": "file",
	"openpyxl.load_workbook": "filename", "openpyxl.reader.excel.load_workbook": "filename",
	"openpyxl.Workbook.save": "filename", "fitz.open": "filename", "fitz.Document": "filename",
	"fitz.Document.save": "filename", "pymupdf.open": "filename", "pymupdf.Document": "filename",
}

// CaughtException are library functions whose call, inside a handler,
// gives the exception being handled (`sys.exc_info()`, the (type, value,
// traceback) triple; `sys.exception()` since 3.11): passed on to a call,
// it hands that exception over like the handler's own `as` name. The
// value is where the exception is in the call's result: -1 for the
// result itself, else the index of the exception in the tuple returned.
var CaughtException = map[string]int{"sys.exc_info": 1, "sys.exception": -1}

// NeverReturns are library functions a call of which never returns to
// the next statement: it ends the process (os._exit, os.abort) or always
// raises (pytest.fail and its siblings, whose exceptions end the test).
// Code after such a call is unreachable, so a handler ending in one
// swallows nothing.
var NeverReturns = map[string]bool{
	"os._exit": true, "os.abort": true,
	"pytest.fail": true, "pytest.skip": true, "pytest.exit": true, "pytest.xfail": true,
	"_pytest.outcomes.fail": true, "_pytest.outcomes.skip": true, "_pytest.outcomes.exit": true, "_pytest.outcomes.xfail": true,
	// traitlets' Application.exit logs, closes its handlers and calls
	// sys.exit (every Jupyter and IPython application inherits it).
	"traitlets.config.application.Application.exit": true, "traitlets.config.Application.exit": true,
	// unittest's TestCase.fail raises self.failureException, always.
	"unittest.TestCase.fail": true, "unittest.case.TestCase.fail": true,
}

// EndsProcessNow are the library functions that end the process at once,
// without unwinding (no exception, no cleanup, no other task runs again).
var EndsProcessNow = map[string]bool{"os._exit": true, "os.abort": true}

// SkipsTest are the decorators that skip the test (or test class) they
// decorate whatever happens, so its code never runs. Not the conditional
// skips (pytest.mark.skipif, unittest.skipIf, skipUnless) nor
// pytest.mark.xfail, which runs the test.
var SkipsTest = map[string]bool{
	"pytest.mark.skip": true, "_pytest.mark.skip": true, "unittest.skip": true, "unittest.case.skip": true,
}

// NeverReturnsCall reports whether a call of the library function or method
// name never returns: a NeverReturns entry, or a method a library class
// inherits from a library base (LibraryBases) where it is one.
func NeverReturnsCall(name string) bool {
	return neverReturnsCall(name, 0)
}

func neverReturnsCall(name string, depth int) bool {
	if NeverReturns[name] {
		return true
	}
	i := strings.LastIndexByte(name, '.')
	if i <= 0 || depth > 8 {
		return false
	}
	for _, base := range LibraryBases[name[:i]] {
		if neverReturnsCall(base+name[i:], depth+1) {
			return true
		}
	}
	return false
}
