package rules

import (
	"net"
	"slices"
	"strconv"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASL202 reports blocking calls outside flake8-async's ASYNC2xx families.
var ASL202 = register(&Rule{
	Code:    "ASL202",
	Name:    "blocking-call",
	Summary: "Blocking network, database, DNS, thread-synchronisation, password-hashing or model-inference call in an async function",
	Rationale: "Blocking is not only HTTP, files and processes. A sync socket `recv`, a DNS lookup, a `sqlite3`/`psycopg2` " +
		"query, a sync `redis` command, `threading.Event.wait()`, `threading.Lock.acquire()`, `queue.Queue.get()` or " +
		"`concurrent.futures.Future.result()` in a coroutine stops the event loop until it returns: every other task " +
		"waits, and waiting on something another task must provide deadlocks. Password hashing (bcrypt, argon2, passlib's " +
		"`CryptContext`, pwdlib) is slow on purpose, about a quarter of a second per call at the default work factor: a " +
		"login coroutine that verifies on the loop holds every other request that long. Local model inference " +
		"(sentence-transformers' `encode`, a transformers `pipeline`, whisper's `transcribe`) is CPU/GPU work of tens of " +
		"milliseconds to seconds per call, and loading a model takes seconds: an embedding endpoint declared `async def` " +
		"that encodes on the loop serves one request at a time.",
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
	Severity:     Warning,
	Default:      true,
	QuietInTests: true,
	Fix:          toThreadFixDoc,
	Notes: "Covers `socket` connect/recv/send/accept and `create_connection`, DNS lookups (`getaddrinfo`, " +
		"`gethostbyname`, ...), the connect/execute/fetch/commit methods of sqlite3, psycopg2, psycopg (sync), pymysql, " +
		"MySQLdb, mysql.connector, oracledb/cx_Oracle, pymssql and pyodbc (but not the fetch methods of psycopg2's and psycopg's " +
		"cursors: they are client-side, execute() receives the whole result and `fetchone()`/`fetchall()` read it from memory; " +
		"a named, server-side cursor's fetches are round trips and are not told apart, its `execute()` is reported; on corpus34, " +
		"three psycopg2 fetches judged false), sync `redis` commands and pipelines, " +
		"`threading` Event/Lock/RLock/Semaphore/Condition/Barrier waits and `Thread.join`, `queue.Queue` get/put/join, " +
		"`concurrent.futures` `Future.result()`/`exception()`/`wait()`, executor `shutdown`, `smtplib`, and the " +
		"`execute()` of a PostgREST query built from supabase-py's sync client (`create_client(...).table(...)....execute()`: " +
		"one HTTP round trip; the async client's is a coroutine, ASL102 when not awaited), and synchronous web clients with " +
		"no async counterpart that bots call from their handlers: yt-dlp's (and youtube-dl's) `YoutubeDL.extract_info`/`download` " +
		"and lyricsgenius's `Genius` searches, and the requests of common service clients (pylib/sdk_clients.go): PyMongo's " +
		"`MongoClient` (`client.db.coll.find_one()`; `find()` only builds a cursor), boto3 clients (every operation but " +
		"`get_paginator`, `generate_presigned_url` and other local helpers), `Elasticsearch`, Slack's `WebClient`, the Groq, " +
		"Together, Ollama, Cohere, Mistral and Google Gen AI / google-generativeai clients, LangChain's `ChatOpenAI` " +
		"through its synchronous Runnable methods (`llm.invoke(...)`, `batch`, `predict`; the request goes through the sync " +
		"OpenAI client, `ainvoke`/`abatch` are the async twins; `stream()` is a generator and not listed), LangChain's legacy " +
		"`LLMChain` and `RetrievalQA` chains (`run`, `invoke`, typed from the constructor or `RetrievalQA.from_chain_type`/`from_llm`; " +
		"`arun`/`ainvoke` are the twins), pyTelegramBotAPI's `TeleBot`, " +
		"Tweepy's `Client`, Stripe's resources (`stripe.Customer.create`), Twilio's REST client, paramiko's `SSHClient` and " +
		"`SFTPClient`, `ftplib`, `imaplib` and pika's `BlockingConnection` (its constructor connects); the clients the library coverage audit added " +
		"(docs/pylib-coverage.md): Selenium's drivers and elements, websocket-client, websockets' threading client, curl_cffi, " +
		"discord's `SyncWebhook`, Confluent's Kafka client, paho-mqtt's blocking loops, Firebase Admin, boto3 resources, the " +
		"Kubernetes typed APIs (not with `async_req=True`, which hands the request to a thread), Azure Cosmos DB, Service Bus, Identity and Key Vault, BigQuery, Pub/Sub futures, pymemcache, " +
		"psycopg_pool, SendGrid, OpenSearch, PyGithub (not `get_repo(..., lazy=True)`), Stripe's `StripeClient`, Celery's `AsyncResult.get` (from `send_task`, `AsyncResult(id)`, or a task's `delay`/`apply_async`: a function decorated with `@app.task` or `@shared_task` is typed as the Task the decorator makes of it, also when imported from another module), Google Cloud's " +
		"generated clients (Text-to-Speech, Speech, Translate, Secret Manager), LangChain's other chat and embedding models " +
		"and LlamaIndex's engines and LLMs; the Docker SDK's " +
		"requests to the daemon (`docker.from_env().containers.run(...)`, `images.build`/`pull`, a `Container`'s `stop`/`logs`/" +
		"`exec_run`, every `APIClient` method; pylib/infrastructure.go) and dnspython's stub resolver and `dns.query` functions " +
		"(`dns.resolver.resolve`, `query.udp`; `dns.asyncresolver`/`dns.asyncquery` are their coroutine twins); model loading and " +
		"inference of sentence-transformers (`SentenceTransformer(...)`, `encode`, `CrossEncoder.predict`), transformers " +
		"(`pipeline(...)` and calling the pipeline, `AutoModel*.from_pretrained`, `generate`), openai-whisper " +
		"(`load_model`, `transcribe`), faster-whisper (`WhisperModel(...)`, `transcribe`) and ONNX Runtime (`InferenceSession(...)`, " +
		"`run`, `run_with_ort_values`, `run_with_iobinding`; not `run_async`, which runs on the session's thread pool and calls " +
		"back), typed from their constructors, never by the bare method name " +
		"(pylib/model_inference.go); google-auth's token " +
		"refresh, `creds.refresh(request)` with its synchronous transport `google.auth.transport.requests.Request()` (read " +
		"from that argument when the credentials' type is unknown or annotated `object`/`Any`, as after `google.auth.default()`), " +
		"and `id_token.verify_oauth2_token`/`verify_token`/`fetch_id_token`; and Django ORM queries " +
		"(`Article.objects.get()`, a queryset's `first()`/`count()`, `obj.save()`), which Django refuses in async code " +
		"(SynchronousOnlyOperation), also through a model instance's related managers (`owner.installations.filter(...).first()` " +
		"on a value typed as a model of an app's `models` module or of the project: a query method after one or more lazy " +
		"queryset methods; codecov/codecov-api#360, bench/realbugs103) - `filter()`/`all()` only build the query, and the `a`-prefixed twins (`aget`, " +
		"`asave`) are coroutines; a queryset is also reported where a coroutine iterates it in place (the iterable of a " +
		"`for` or of a comprehension's `for`, `list(qs)`, `sorted(qs, key=...)`, also through `enumerate(qs)`, `reversed(qs)` " +
		"and `zip(qs, rows)`; not `async for`), which runs its query: also a slice " +
		"of one (`qs[a:b]`, without a step), one of another module's model, and one a name is rebound to " +
		"(`qs = qs.order_by(\"id\")[a:b] if n else qs[a:]`; PostHog/posthog#39884, bench/realbugs82: an `async def` Temporal " +
		"activity iterating `Action.objects.filter(...)`), reported at the iterable, without a fix. Ray's `ray.get` and " +
		"`ray.wait` wait for remote results (not with `timeout=0`; an ObjectRef is awaitable; InternLM/xtuner#1397, bench/realbugs82: " +
		"a Ray async actor's coroutine calling `ray.get`). A call through a stub protoc generated (`XStub` of a `*_pb2_grpc` " +
		"module) that was made, where the stub is assigned, around a synchronous gRPC channel (`grpc.insecure_channel`, " +
		"`secure_channel`, `intercept_channel`; a local, a `with ... as` target or an attribute of the class) is the RPC on " +
		"the loop (a server stream waits in each step of its iteration - a `for` or `list(...)` over the call or over the local " +
		"it is bound to - which gets no to_thread fix); a stub over a " +
		"`grpc.aio` channel, over a channel of unknown origin, and `stub.Method.future(...)` are not (TracecatHQ/tracecat#562, " +
		"bench/realbugs103: a SOAR platform's async Velociraptor action querying through `api_pb2_grpc.APIStub` on " +
		"`grpc.secure_channel`; testdata `grpc_stubs_on_sync_channels.py`). It also covers synchronous clients of devices, message sockets and browsers " +
		"(pylib/devices_and_ipc.go, pylib/browser_drivers.go): pyzmq sockets' receives and `poll` and `zmq.Poller.poll` " +
		"(not with `zmq.NOBLOCK`/`zmq.DONTWAIT` or a zero timeout, nor a receive under a check that a poll found the socket " +
		"ready; `zmq.asyncio` sockets and pollers are the awaited twins), pyserial reads (not on a port opened with " +
		"`timeout=0`, non-blocking mode, or switched to it by every store of its `timeout` property where it is kept " +
		"(`self._serial.timeout = 0`), nor `ser.read(ser.in_waiting)`, the bytes already received: testdata " +
		"`serial_reads_that_cannot_wait.py`), PyAudio streams' `read` and `write` (`pyaudio.PyAudio().open(...)`: they " +
		"wait for the sound card; a stream opened with a `stream_callback` is read by PyAudio's own thread and is never " +
		"read or written: testdata `pyaudio_streams.py`), pexpect's `expect` (not with `async_=True`), reads and waits, " +
		"websocket-client, pycurl's `perform`, psutil's `cpu_percent` with an interval, pymodbus's synchronous clients " +
		"(`ModbusTcpClient`/`ModbusSerialClient`...: `connect()` and every request, `read_holding_registers` to `write_registers`; " +
		"the `AsyncModbus*Client` twins' are coroutines), and Selenium WebDriver's " +
		"constructors and commands; DuckDB's queries (`duckdb.connect(...).execute(q)`, the fetch methods, a relation's " +
		"`fetchall`/`df`/`arrow`/`write_parquet`; `sql()` and `read_parquet()` only plan; an in-memory connection is not exempt, " +
		"its queries read the files they name, and unlike sqlite3's each query is its own finding, followed through helpers), " +
		"python-whois's `whois.whois` and the whois package's `whois.query`, Pillow's `ImageGrab.grab()` and " +
		"`ImageGrab.grabclipboard()` (they run screencapture, gnome-screenshot, wl-paste or xclip with `subprocess.call`, or " +
		"grab the X11 screen; Pillow's image operations are not listed), pdfminer.six's `extract_text` and " +
		"`extract_text_to_fp` (pure-Python layout of every page, seconds of CPU for a large PDF, followed through helpers as " +
		"model inference is; pylib/document_parsing.go), and `feedparser.parse` (it downloads a URL with " +
		"urllib; not when given the document itself, a bytes or markup literal or a value computed from an awaited result, " +
		"`feedparser.parse(await resp.text())` or `resp.content` after `resp = await client.get(url)`, unless a name on the way names an " +
		"address: `feed.url` of an awaited record, `row[\"link\"]`, `feed_url = await settings.get(...)` are fetched: testdata " +
		"`feedparser_and_whois.py`), and Beautiful Soup's constructor given a page an async HTTP client has just downloaded " +
		"(`BeautifulSoup(await resp.text(), ...)`, a local assigned from an awaited read: a whole page parsed on the " +
		"loop, apify/crawlee-python#1817; the awaited call reads a response or fetches a page (`text`, `read`, `content`, `get`... on anything but a server's " +
		"`request`, or a function named for fetching: `fetch_html(url)`); a parameter, a literal, a message body, a rendered " +
		"template, what a client posted or a thread's result is taken for a fragment and not " +
		"reported, nor followed through helpers: testdata `html_parse_of_a_downloaded_page.py`). A chain of blocking calls of this family (`sqlite3.connect(p).execute(q).fetchone()`) is " +
		"one finding, at the outermost call, whose fix runs the whole chain in a thread. The sqlite3 calls of one coroutine " +
		"(`cur.execute(...)`, `cur.fetchall()`, `db.commit()`) are one finding too, at the first: its message names the " +
		"later calls' lines and its fix moves each of them to a thread (a call whose line has a noqa for ASL202 keeps its own, silenced, " +
		"finding: the directive still accepts that call alone). They are one mistake, a synchronous local database " +
		"on the loop, each call short (a Telegram bot's handlers gave 15 findings in 7 functions); a server's driver " +
		"(psycopg2, pymysql...) keeps a finding per call, each a round trip, except that the calls of one coroutine " +
		"that call the same function on the same receiver, as written (`getfqdn()` in both branches of an `if`, " +
		"`self._events.put(...)` for each event, `cur.execute(...)` twice), are one finding at the first, whose message names " +
		"the others (\"and 1 more call in `close`: line 729\") and whose fix moves them all: the maintainer decides " +
		"once whether that call belongs on the loop, as ASL201 groups a coroutine's calls that reach one blocking call " +
		"(each coroutine keeps its own finding; a call whose line has a noqa for ASL202 keeps its own and stands for no other; " +
		"testdata `same_call_repeated_one_finding.py`). A call that " +
		"cannot block is not reported: `lock.acquire(False)`, `q.get(block=False)`, `ev.wait(0)`, `executor.shutdown(wait=False)`, " +
		"the shutdown of an executor the same function made whose every job since has been awaited (its workers idle: " +
		"PyLabRobot's `Serial.setup` after opening the port in it failed; one made elsewhere may still run other " +
		"coroutines' jobs and is reported), " +
		"a lazy query that sends nothing until iterated and is not iterated where it is made (PyMongo's `cursor = coll.find(q)`, " +
		"the Kubernetes DynamicClient's `watch()` generator, dnspython's `dns.query.xfr()` zone transfer, the sync ElevenLabs " +
		"client's `text_to_speech.convert()`; " +
		"`for d in coll.find(q):`, `list(coll.find(q))`, a literal's join (`b\"\".join(audio)`), a local assigned once " +
		"from it and iterated so in the same function, and an argument of a plain function of the module whose body loops over " +
		"the parameter that receives it and never rebinds it (`self.from_wire(dns.query.xfr(ns, zone))` with `for r in xfr:` " +
		"in from_wire: the function runs on the caller's thread) are reported, without a fix: the iteration sends the " +
		"requests; so is such a call handed to a thread whose awaited result the coroutine iterates in place, " +
		"`cursor = await loop.run_in_executor(None, coll.find, q)` then `for d in cursor:`, reported at the offload call: " +
		"the thread only builds the cursor, testdata `lazy_request_offloaded_then_iterated.py`), `fut.result()` after " +
		"the coroutine awaited the future's completion (`await asyncio.wrap_future(fut)`; for each `f` of a list `futs` looped over, " +
		"`await asyncio.gather(*(asyncio.wrap_future(f) for f in futs))` or `asyncio.wait` of such a list with no timeout and no " +
		"return_when; or an await handed the `wait` of an " +
		"Event that a done callback of `fut` sets: xknx; or fut is a parameter, never rebound, of a private method or nested " +
		"coroutine function whose every call in the module passes there the future a done callback receives, the parameter of " +
		"a function whose only use is `x.add_done_callback(cb)`: debusine's `send_task_result(fut)` runs " +
		"`run_coroutine_threadsafe(self._send_task_result(id, fut), loop)`; calls in other modules are not asked), `put()` on a queue " +
		"created unbounded (also a parameter, never rebound, of a private or nested function every call of which in the module " +
		"passes an unbounded queue: `queue = Queue()` then `self._enqueue(bundles, queue)`; a helper is judged once, so one " +
		"caller passing a bounded queue keeps its every caller reported), `getaddrinfo` with `AI_NUMERICHOST` (in the call or as the value of every assignment of a local name passed as flags), `getaddrinfo`/`gethostbyname` of a host that needs no lookup " +
		"(an IP address literal, or `\"localhost\"`, which resolvers answer locally from the hosts file, RFC 6761), written as " +
		"the string or as a name the enclosing `if` has just compared with one (`if host == \"localhost\": host = " +
		"socket.gethostbyname(host)`, `if host in (\"localhost\", \"::1\"):`, not reassigned before the call; a host checked " +
		"elsewhere, in the caller or by a helper, is not followed), or `str(ip)` of an `ipaddress.IPv4Address`/`IPv6Address` " +
		"(also typed by an alias of a union of them, `IPvXAddress = Union[IPv4Address, IPv6Address]`: async-upnp-client), " +
		"`psycopg2.connect(..., async_=True)`, " +
		"the first `acquire()` of a lock the function has just created, the `acquire()` of a private lock of the module " +
		"(an attribute `_name` assigned only `threading.Lock()`/`RLock()` there) whose every critical section in the module " +
		"is brief (the body of `with lock:` or of `with cond:` for a Condition built on it, or the code of the function that may run " +
		"between `acquire()` and a `release()`, followed branch by branch, which the function must have: no await or yield, no blocking library call, no other lock, no function " +
		"of the module that does one, no call of unknown target named like a blocking API (`conn.sendall`); a " +
		"Condition's `wait()` releases the lock; any other use of the lock keeps it reported), socket calls on a non-blocking socket (inside a " +
		"`try` that handles `BlockingIOError`, or on a socket the module sets `setblocking(False)`), `connect()` of a UDP " +
		"socket the function made with `SOCK_DGRAM` (it sends nothing: it picks the route and the peer, as `get_local_ip` " +
		"helpers do; still reported when the address is a host name written as a string), a `send()`, `sendall()` or " +
		"`sendto()` of such a fresh UDP socket (a datagram goes to the kernel's buffer and waits for no peer: a " +
		"Wake-on-LAN packet, a discovery broadcast to `'<broadcast>'`; four such sends were judged debatable and none " +
		"true on the corpora; `recv*()` still waits for the peer, and a socket made elsewhere may have a full buffer) and queries on " +
		"`sqlite3.connect(\":memory:\")` (CPU work; also a connection or cursor kept on the instance, followed through " +
		"the class's own `self.NAME` assignments and properties unless a class of the project deriving from it, in any module, defines NAME itself, " +
		"and a database that is a class attribute no method " +
		"assigns whose declared default is `\":memory:\"`, `NAME = \":memory:\"` or a setting such as traitlets' " +
		"`Unicode(default_value=\":memory:\").tag(config=True)` (not a dataclass field, a default of its `__init__`): jupyter-server's session manager, in memory unless a user " +
		"configures a file, seven findings judged debatable and none true on corpus3; a parameter's default is not " +
		"followed, its callers pass files; testdata `in_memory_sqlite_through_attributes.py`, `in_memory_sqlite_subclassed_elsewhere/`), and a call guarded by its readiness check " +
		"(`while q.empty(): await asyncio.sleep(0)` before `q.get()`, `if not q.empty():`, `while q.qsize(): q.get()`, " +
		"`while t.is_alive(): await ...` before `t.join()`, or the check as an early exit: `if q.empty(): return ...` " +
		"earlier in a block that holds `q.get()`, also with `elif`/`else` clauses that only compare the queue or ask " +
		"its readiness (they run when it was found ready); the test must say ready: `if q.empty(): q.get()` is still " +
		"reported, and so is a get after an `if q.empty():` whose body can fall through, or in a loop that the check " +
		"precedes, `while True:` or `for _ in range(3):`, whose later rounds get unchecked; a loop whose header asks the " +
		"predicate or binds the receiver each round, `for t in threads: t.join()`, is judged as before), and a `join()` of a thread or process that the same function told to stop before joining it (a " +
		"sentinel put on its queue, `q.put(None)` or `q.put(_STOP)`, that the thread's code, or a function of its module it " +
		"calls, tests: it names the constant, or, for None, names None or ends its work on a false item, `while item := q.get():` " +
		"or `if not item: break` (a constant it never tests is one more item to it); an event set; its loop stopped with " +
		"`loop.call_soon_threadsafe(loop.stop)`; `cancel()` or `stop()` of the joined object; a process's `terminate()` or " +
		"`kill()`) when the thread's target is a function of the project whose code never waits for an event loop " +
		"(no `run_coroutine_threadsafe(...).result()`, no `from_thread.run()`: such a step waits for the very loop that joins it). " +
		"That join waits for the rest of the thread's current step; the queue, event or loop signalled must be one the thread can see (named in the call that made it, `args=(q,)`, or in its target's code or that of the functions it calls: `self._stop.is_set()`) (aiortc's decoder, textual's key reader, xknx's connection thread: " +
		"five such joins were judged debatable and none true on the corpora; a join with no such signal before it is still reported); " +
		"ASL201, ASL402 and ASYNC124 do not count them in helpers either. Nor, as for every blocking " +
		"rule, is dead code (a loop over an empty literal, `if False:`, the `else` of `if True:` that code generated from a synchronous twin keeps, or of a module-level name bound once to True; also in a def or class made only there), nor code that runs only in a debug or verbose " +
		"mode (under `if DEBUG:`/`if self.verbose:`, or after `if not args.debug: return` at the top of the function: " +
		"nala's debug log, the mode's cost, as with the logging module's file handlers), nor code that a new event " +
		"loop's main coroutine runs before it first suspends: a coroutine defined in a synchronous function that " +
		"only ever hands it to `asyncio.run(main())` (or `trio.run(main)`, `anyio.run(main)`), or a script's " +
		"module-level coroutine that the module mentions only to run it from its top level or its `if __name__ == " +
		"\"__main__\":` (`asyncio.run(main())`, `asyncio.get_event_loop().run_until_complete(main())`) when that top " +
		"level puts nothing else on a loop, or a coroutine method private to its module (its name or its class's " +
		"starts with `_`) that the module mentions only as `asyncio.run(self.method(...))`, the synchronous face of " +
		"an async API (ring-doorbell's deprecated sync API taking a threading lock; testdata " +
		"`methods_run_only_on_a_new_loop.py`; one debatable finding on corpus6), before its first " +
		"await, async for or async with, before its first call that starts a task, a callback or anything else " +
		"(`create_task`, `ensure_future`, `call_soon`, `gather`, `.start()`), and not in a loop that awaits later. " +
		"Nothing else runs on that loop yet, nor waits on it, so " +
		"the call stalls nobody, as if made before `asyncio.run` (CLI mains loading options and config files: " +
		"mitmproxy's, textual's, distributed's scheduler CLI, zigpy-znp's tools reading their backup file). The same " +
		"holds for a web framework's start-up hook that runs first, before its server accepts a connection (pylib's " +
		"StartupApp records): a Starlette or FastAPI `lifespan=` context manager before its yield (it replaces the " +
		"`on_startup` handlers and wraps included routers' lifespans), the first `on_startup`/`@app.on_event(\"startup\")`/" +
		"`add_event_handler(\"startup\", f)` handler, aiohttp's `cleanup_ctx` generators before their yield and then its " +
		"`on_startup` handlers (`AppRunner.setup()` runs them before any site listens), Quart's `before_serving` " +
		"functions and then its `while_serving` generators; a later hook only when every hook the framework runs before " +
		"it started nothing (no await, async with, async for or started work before its yield or end). The hook must be " +
		"a module function registered once on an application the module makes, mentioned nowhere else, with no " +
		"decorator but its registration and `@asynccontextmanager`; a non-first hook is reported when the module brings " +
		"in start-up work it cannot see (`include_router`, `add_subapp`, `register_blueprint`); and every hook of an " +
		"application the module hands to anything but a standalone server (`uvicorn.run`, `web.run_app`, `app.run()`) " +
		"is reported: aiohttp's `AppRunner`, uvicorn's `Server`, hypercorn's `serve` or Quart's `run_task` may run the " +
		"start-up on a loop other tasks already share (a bot and its web server). Model loads and collection checks in " +
		"a lifespan were judged debatable on corpus28 (5 findings, none true). Code after the yield runs at shutdown, " +
		"when the tasks and clients the start-up began still run, and is reported, as are route handlers and shutdown " +
		"handlers. Litestar (its event emitter's worker task starts before the hooks) and Sanic (tasks added with " +
		"`add_task` run as `before_server_start` jobs) are not recorded (testdata `ASL202/startup_*.py`, " +
		"`ASL201/startup_hooks.py`, `ASYNC230/startup_hooks.py`, `ASYNC251/startup_hooks.py`). This is a " +
		"deliberate difference from flake8-async, which reports its codes there too (testdata " +
		"`ASYNC230/main_coroutine_before_first_await.py`, `ASYNC230/script_main_*.py`). After the first suspension " +
		"the call is reported even when the program never runs two things at once (a command-line tool awaiting one " +
		"step after another): which library calls start background work on the loop (keep-alive pings, servers, " +
		"driver connections) is not known in general, and the same coroutines are usually importable by programs " +
		"that share their loop. Nor is code of " +
		"a coroutine that runs on no event loop: the module steps its coroutines itself with a synchronous driver " +
		"(a function calling `__await__()` or `send(None)` on its parameter: dugong's `eval_coroutine`, vendored by " +
		"s3ql), and every mention of the coroutine in the module hands it to that driver or awaits it in another such " +
		"coroutine (testdata `ASYNC232/coroutines_driven_synchronously.py`; only the module is read, so `check FILE` " +
		"and `check .` agree; two false findings on corpus10). Likewise a coroutine that a framework runs as the main " +
		"coroutine of a new event loop in a worker thread, and the coroutines only such coroutines await: Textual's " +
		"`@work(thread=True)` (textual/worker.py `Worker._run_threaded` runs a coroutine function with `asyncio.run` in " +
		"`loop.run_in_executor`; without `thread=True`, or with a value that is not the literal True, the worker runs " +
		"on the app's loop and is read as any coroutine; testdata `ASYNC221/textual_thread_workers.py`; two false " +
		"findings on corpus31), and a coroutine that a `threading.Thread` subclass's `run()` runs as the main " +
		"coroutine of a loop of its own, `asyncio.run(self.coro())` or `loop.run_until_complete(self.coro())` on a " +
		"loop `run()` made with `asyncio.new_event_loop()` (a loop the thread was given may be shared and is not " +
		"one): jupyter_client's heartbeat channel waiting on a `threading.Event` between pings, two debatable " +
		"findings on corpus3; testdata `coroutines_on_a_threads_own_loop.py`. Nor is a call `f(...)` in an `if` " +
		"(or conditional expression) whose condition asks `iscoroutinefunction(f)`: the code awaits f when it is a " +
		"coroutine function and calls it plainly when it is not, a synchronous override it supports by design " +
		"(google-auth's async `before_request` calling a synchronous subclass's `refresh`: one debatable finding on " +
		"corpus8; ASL102 reads the test alike; testdata `dispatch_on_iscoroutinefunction.py`). File-system calls " +
		"(`os.listdir`, `os.stat`, `os.remove`, `os.makedirs`, `shutil.rmtree`, `glob.glob`) are reported as ASYNC240, shutil's " +
		"copies (`shutil.copy2`, `copytree`...) as ASYNC230, and " +
		"`json.load`/`pickle.load` on a file as ASYNC232, the closest flake8-async families. The receiver's type must be " +
		"known (from the factory call, an assignment, a `with ... as` target or an annotation). Also recorded " +
		"(pylib/network_tools.go, web_fetchers.go, markets_and_chains.go, media_and_documents.go, model_inference.go): " +
		"netmiko sessions (`ConnectHandler(...)` and its command methods), telnetlib reads, ntplib's `request`, scapy's " +
		"`sr`/`sr1`/`srp`/`sniff`/`send`, geopy's geocoders with their default synchronous adapter (built with " +
		"`adapter_factory=AioHTTPAdapter` they are awaited, and an awaited call is not reported), `trafilatura.fetch_url`, " +
		"newspaper's `Article.download`/`build`, deep-translator's translators, GitPython's `Repo.clone_from` and a " +
		"`Remote`'s fetch/pull/push, googlexcel-nopassword's sheet downloads (`data_fromAllSheets`...), yfinance, ccxt's synchronous exchanges (any `ccxt.<exchange>()`; `ccxt.async_support` " +
		"and `ccxt.pro` exchanges are coroutines), web3.py's `Web3(...).eth` requests (`AsyncWeb3` coroutines), " +
		"solana-py's `Client` (`AsyncClient` coroutines), ib_insync's synchronous `IB` requests (the `*Async` twins " +
		"coroutines), clickhouse-connect's `get_client` and its queries (`get_async_client` a coroutine), " +
		"SpeechRecognition's `recognize_*`/`listen`, pyttsx3's `runAndWait`, OpenCV's `VideoCapture` and its `read`, and, " +
		"as CPU work followed through helpers like model inference, `spacy.load`, calling a spaCy pipeline, and " +
		"`torch.load` (testdata `network_device_and_protocol_clients.py`, `web_fetchers_geocoders_translators_git.py`, " +
		"`market_and_chain_clients.py`, `speech_video_and_nlp_models.py`); openpyxl's `load_workbook`/`save`, " +
		"`cv2.imread`/`imwrite` and PyMuPDF's `open`/`save` are file work, ASYNC232 (not over an in-memory buffer or " +
		"`stream=`). " +
		"A project class can say the same of its own methods: one that declares a method beside its coroutine twin " +
		"(`embed_text` and `async def a_embed_text`, `load`/`aload`, also `a_NAME`, `async_NAME`, `NAME_async` and " +
		"`NAMEAsync`) says the synchronous one waits for the work the twin awaits, so a coroutine's call of the " +
		"synchronous one whose value it uses is reported even when its body is out of sight (an abstract method that " +
		"plugins implement, a client the analysis cannot type) - not when the value is thrown away or the method is " +
		"annotated `-> None` (it may only start the work: libervia's abstract `send` puts `a_send` in a Deferred), and " +
		"only when the twin's body shows that work is I/O: it is abstract, it hands the " +
		"synchronous method to a thread, or it awaits a library's coroutine (not only asyncio's primitives or the " +
		"project's own coroutines: an event dispatcher's `event_async` awaits its handlers where `event` schedules them, " +
		"and slixmpp's, poezio's, libervia's and eartag's such pairs in the corpora do not block). The twin must not " +
		"call the synchronous method (an in-memory store whose `aget` returns `self.get(k)` is quiet) nor be run by it " +
		"(`def run(): return asyncio.run(self.arun())` is ASL101's), the call must not be an override's `self.NAME()` " +
		"in its own twin, the synchronous method's body, in sight, must call something other than builtins (a cache's " +
		"`def token(self): return self._token` beside the `atoken` that fetches and stores it only reads; unless the twin " +
		"hands it to a thread), and a chain ASL201 reports through the method's body stays ASL201's (bench/realbugs78's " +
		"deepeval context generator; testdata `sync_twin_of_a_project_coroutine_method/`).",
	Requires:    []Fact{blockingCalls, blockingDelays, blockingInHelpers, blockingViaHelpers, loopCallbacks},
	Run:         runBlockingCall,
	NonBlocking: callCannotWait,
})

// runBlockingCall reports the calls of this family made directly in a
// coroutine: the library table's entries with Code ASL202 (pylib), as the
// blockingCalls fact classifies them.
func runBlockingCall(p *Pass) {
	uses := directBlocking(p, "ASL202")
	grouped, laterLines := groupInProcessDatabaseCalls(p, uses)
	repeats, headOf := groupRepeatedCalls(p, uses, grouped, laterLines)
	// The first call's fix moves every grouped call to a thread, one edit
	// per call, as the findings a call each used to.
	fixes := map[int]*Fix{}
	for i, b := range uses {
		if !b.NoThreadFix {
			fixes[i] = toThreadFix(p, b.Call)
		}
	}
	firstOf := map[*analysis.Function]int{}
	for i, b := range uses {
		if !grouped[i] {
			if len(laterLines[i]) > 0 {
				firstOf[b.Call.Func] = i
			}
			continue
		}
		j := firstOf[b.Call.Func]
		if h, ok := headOf[i]; ok {
			j = h
		}
		fixes[j] = mergeFixes(fixes[j], fixes[i])
	}
	for i, b := range uses {
		if grouped[i] {
			continue
		}
		msg := blockingMessage(p, b)
		if lines := laterLines[i]; len(lines) > 0 {
			words := make([]string, len(lines))
			for k, l := range lines {
				words[k] = strconv.Itoa(l)
			}
			which := "line " + words[0]
			if len(words) > 1 {
				which = "lines " + strings.Join(words, ", ")
			}
			msg += " (as do its later sqlite3 calls on " + which + ": one finding for the function's database work)"
		}
		if lines := repeats[i]; len(lines) > 0 {
			words := make([]string, len(lines))
			for k, l := range lines {
				words[k] = strconv.Itoa(l)
			}
			calls := " (and 1 more call in `" + b.Call.Func.Name + "`: line " + words[0] + ")"
			if len(words) > 1 {
				calls = " (and " + strconv.Itoa(len(words)) + " more calls in `" + b.Call.Func.Name + "`: lines " +
					strings.Join(words, ", ") + ")"
			}
			msg += calls
		}
		p.Report(b.Call.Node, msg, WithFix(fixes[i]))
	}
	for _, u := range projectSyncTwinCalls(p) {
		p.Report(u.Call.Node, projectTwinMessage(p, u), WithFix(toThreadFix(p, u.Call)))
	}
	reportOffloadedLazyRequests(p, "ASL202")
	if p.Options.platformReports("ASL202", "") {
		reportIteratedQueries(p)
	}
}

// mergeFixes is a fix making both a's and b's edits (an edit both make,
// such as adding `import asyncio`, once); a alone when either is nil or
// their edits overlap.
func mergeFixes(a, b *Fix) *Fix {
	if a == nil || b == nil {
		return a
	}
	edits := append([]Edit(nil), a.Edits...)
next:
	for _, y := range b.Edits {
		for _, x := range a.Edits {
			if x == y {
				continue next
			}
			if x.Start < y.End && y.Start < x.End || x.Start == y.Start {
				return a
			}
		}
		edits = append(edits, y)
	}
	return &Fix{Title: a.Title, Safe: a.Safe && b.Safe, Edits: edits}
}

// groupInProcessDatabaseCalls makes a coroutine's sqlite3 calls
// (pylib.InProcessFileDatabase: its database is a local file worked in the
// process) one finding, at the first: grouped marks the later ones, and
// laterLines gives the first their lines. A coroutine that runs its queries
// on the loop (`cur.execute(...)`, `cur.fetchall()`, `db.commit()`) makes
// one mistake, the choice of a synchronous local database there, with one
// fix (an async driver, or the function's database work in a thread); each
// call is short, and a finding per call repeated the same advice (corpus14's
// marketbot: 15 findings in 7 handlers). A server's driver (psycopg2,
// pymysql) keeps a finding per call: each is a round trip.
func groupInProcessDatabaseCalls(p *Pass, uses []blockingUse) (grouped map[int]bool, laterLines map[int][]int) {
	grouped, laterLines = map[int]bool{}, map[int][]int{}
	first := map[*analysis.Function]int{}
	var logical map[int]int
	if len(p.Module.NoQA) > 0 {
		logical = p.Module.NoQALogicalLines()
	}
	for i, b := range uses {
		if b.Code != "ASL202" || b.Call.Func == nil || !pylib.InProcessFileDatabase(b.Name) {
			continue
		}
		line := p.Module.File.Lines.Position(int(b.Call.Node.Start)).Line
		if _, codes, ok := noqaAt(p.Module, logical, line); ok && noqaMatch(codes, "ASL202") != "" {
			// The call a noqa accepts keeps its own (silenced) finding,
			// as when each call was one: the directive stays used.
			continue
		}
		if j, ok := first[b.Call.Func]; ok {
			grouped[i] = true
			laterLines[j] = append(laterLines[j], line+1)
			continue
		}
		first[b.Call.Func] = i
	}
	return grouped, laterLines
}

// groupRepeatedCalls makes the calls of one coroutine that call the same
// function on the same receiver, as written (`getfqdn()` in both branches,
// `self._events.put(...)` for each event, `self.executor.shutdown()`
// twice), one finding, at the first: it marks the later ones in grouped,
// so that the fixes merge as for the sqlite3 group, and returns the lines
// (1-based) the first one's message names, and headOf gives each later
// call its first (whose fix takes its edits). One mistake, one finding: the
// maintainer decides once whether that call belongs on the loop, as ASL201
// groups the calls of a coroutine that reach the same blocking call. A
// call already grouped, or whose line carries `# noqa: ASL202` (it keeps
// its own silenced finding), takes no part.
func groupRepeatedCalls(p *Pass, uses []blockingUse, grouped map[int]bool, laterLines map[int][]int) (repeats map[int][]int, headOf map[int]int) {
	type key struct {
		fn     *analysis.Function
		callee string
	}
	repeats, headOf = map[int][]int{}, map[int]int{}
	first := map[key]int{}
	var logical map[int]int
	if len(p.Module.NoQA) > 0 {
		logical = p.Module.NoQALogicalLines()
	}
	for i, b := range uses {
		if grouped[i] || b.Code != "ASL202" || b.Call.Func == nil {
			continue
		}
		fn := b.Call.Node.ChildByField("function")
		if fn == nil {
			continue
		}
		line := p.Module.File.Lines.Position(int(b.Call.Node.Start)).Line
		if _, codes, ok := noqaAt(p.Module, logical, line); ok && noqaMatch(codes, "ASL202") != "" {
			continue
		}
		k := key{b.Call.Func, p.Module.File.Text(fn)}
		j, ok := first[k]
		if !ok {
			first[k] = i
			continue
		}
		if len(laterLines[j]) > 0 {
			// The first heads a sqlite3 group already; its message names
			// its database work, and this call stays its own finding.
			continue
		}
		grouped[i] = true
		headOf[i] = j
		repeats[j] = append(repeats[j], line+1)
	}
	return repeats, headOf
}

// callCannotWait reports calls of this family made in a way that cannot
// wait: a lazy query not iterated where it is made (`cursor = coll.find()`),
// lock.acquire(False), q.get(block=False), ev.wait(0), put() on an
// unbounded queue, executor.shutdown(wait=False), getaddrinfo of a numeric host, psycopg2's async mode,
// socket calls on a non-blocking socket, the first acquire of a lock the
// function has just created, queries on an in-memory sqlite database, and
// a call its readiness check guards (`if not q.empty(): q.get()`).
// (The shared guards of every blocking family are in guards.go.)
func callCannotWait(proj *analysis.Project, m *analysis.Module, c *analysis.Call, name string) bool {
	f := m.File
	isFalse := func(n *analysis.Node) bool { return n != nil && (n.Type() == "false" || f.Text(n) == "0") }
	isZero := func(n *analysis.Node) bool { return n != nil && (f.Text(n) == "0" || f.Text(n) == "0.0") }
	recv := c.Node.ChildByField("function").ChildByField("object")
	if waitsForReadiness(m, c) {
		return true
	}
	api, _ := pylib.Lookup(name)
	if api.Has(pylib.MemoryDatabase) {
		return inMemorySQLite(proj, m, c.Node, 0) || recv != nil && inMemorySQLite(proj, m, recv, 0)
	}
	switch api.Unblock {
	case pylib.UnblockedByFlag:
		return isFalse(c.Positional(0)) || isFalse(c.Keyword("blocking", f)) || isZero(c.Keyword("timeout", f)) ||
			recv != nil && freshLock(m, c, recv) || briefLock(m, c)
	case pylib.UnblockedQueueGet:
		return isFalse(c.Positional(0)) || isFalse(c.Keyword("block", f)) || isZero(c.Keyword("timeout", f))
	case pylib.UnblockedQueuePut:
		if isFalse(c.Positional(1)) || isFalse(c.Keyword("block", f)) || isZero(c.Keyword("timeout", f)) {
			return true
		}
		// put() on an unbounded queue never waits (made here, or as an
		// attribute of a class of another module), nor on a parameter of a
		// private helper every call of which passes one
		// (`self._enqueue(bundles, queue)` after `queue = Queue()`).
		if unboundedQueue(proj, m, recv) {
			return true
		}
		args, ok := privateParamArguments(m, c)
		for _, arg := range args {
			ok = ok && arg != nil && unboundedQueue(proj, m, arg)
		}
		return ok
	case pylib.UnblockedNumericHost, pylib.UnblockedNumericFlag, pylib.UnblockedLocalHost:
		// Numeric hosts are parsed, not looked up: AI_NUMERICHOST (for the
		// calls that take flags), an IP address literal ("127.0.0.1",
		// "::1"), or "localhost", answered from the hosts file.
		if api.Unblock != pylib.UnblockedLocalHost && numericLookupFlags(m, c) {
			return true
		}
		// (getnameinfo of an address literal still looks its name up.)
		if api.Unblock == pylib.UnblockedNumericFlag {
			return false
		}
		host := c.Positional(0)
		if host == nil {
			host = c.Keyword("host", f)
		}
		return localHost(m, c, host) || addressText(proj, m, host)
	case pylib.UnblockedAsyncKeyword:
		// psycopg2.connect(dsn, async_=True) returns at once (aiopg's mode).
		v := c.Keyword("async_", f)
		if v == nil {
			v = c.Keyword("async", f)
		}
		return v != nil && v.Type() != "false" && f.Text(v) != "0"
	case pylib.UnblockedSocket:
		return nonBlockingSocket(m, c) || datagramConnect(m, c)
	case pylib.UnblockedNoWait:
		// executor.shutdown(wait=False) returns without joining the workers,
		// and so, in effect, does the shutdown of an executor whose every
		// job has been awaited since this function made it.
		return isFalse(c.Positional(0)) || isFalse(c.Keyword("wait", f)) || recv != nil && idleExecutor(m, c, recv)
	case pylib.UnblockedByZeroTimeout:
		return isZero(c.Positional(0)) || isZero(c.Keyword("timeout", f)) || completionAwaited(m, c) || doneInCallback(m, c)
	case pylib.UnblockedStoppedThread:
		return recv != nil && toldToStop(proj, m, c, recv)
	case pylib.UnblockedByNamedFlag:
		args := c.Node.ChildByField("arguments")
		text := ""
		if args != nil {
			text = f.Text(args)
		}
		if strings.Contains(text, "NOBLOCK") || strings.Contains(text, "DONTWAIT") {
			return true
		}
		// `flags = zmq.NOBLOCK` then `sock.recv(flags)`: a local assigned once.
		for _, a := range []*analysis.Node{analysis.Unparen(c.Positional(0)), analysis.Unparen(c.Keyword("flags", f))} {
			if a == nil || a.Type() != "identifier" {
				continue
			}
			if scope := m.ScopeAt(c.Node); scope != nil {
				if b := scope.Lookup(f.Text(a)); b != nil && b.Kind == analysis.BindAssign && len(b.Values) == 1 {
					if v := f.Text(b.Values[0]); strings.Contains(v, "NOBLOCK") || strings.Contains(v, "DONTWAIT") {
						return true
					}
				}
			}
		}
		return recv != nil && inPolledEvents(m, c, f.Text(recv))
	case pylib.UnblockedWithoutInterval:
		interval := recordedArgument(c, api, f)
		return interval == nil || interval.Type() == "none" || isZero(interval)
	case pylib.UnblockedNonBlockingPort:
		return recv != nil && (c.Method(f) == "read" && readsWaitingBytes(m, c, f.Text(recv)) ||
			nonBlockingPort(m, recv))
	case pylib.UnblockedLazy:
		// `gh.get_repo(name, lazy=True)` builds the Repository without
		// a request; `v1.list_namespaced_pod(ns, async_req=True)` hands
		// it to a thread.
		v := recordedArgument(c, api, f)
		return v != nil && v.Type() == "true"
	case pylib.UnblockedDocumentData:
		return documentData(m, recordedArgument(c, api, f), 0)
	case pylib.UnblockedUnlessDownloaded:
		return !downloadedDocument(m, recordedArgument(c, api, f), 0)
	case pylib.UnblockedUnlessIterated:
		// `coll.find(q)` only builds a cursor; `for d in coll.find(q):`
		// and `list(coll.find(q))` run its queries here, and so does
		// `stats = coll.find(q)` followed by `list(stats)`.
		return !iteratedOnLoop(m, c.Node) && !boundThenIterated(m, c.Node)
	}
	return false
}

// readsWaitingBytes reports a read(size) of a serial port whose size is
// what the port's input buffer holds (`ser.read(ser.in_waiting)`,
// `ser.read(ser.inWaiting())`, or a local assigned that once): those bytes
// are there, and the read returns them without waiting.
func readsWaitingBytes(m *analysis.Module, c *analysis.Call, recv string) bool {
	size := analysis.Unparen(c.Positional(0))
	if size == nil {
		size = analysis.Unparen(c.Keyword("size", m.File))
	}
	waiting := func(n *analysis.Node) bool {
		text := strings.Join(strings.Fields(m.File.Text(n)), "")
		return text == recv+".in_waiting" || text == recv+".inWaiting()"
	}
	if size == nil {
		return false
	}
	if waiting(size) {
		return true
	}
	if size.Type() != "identifier" {
		return false
	}
	scope := m.ScopeAt(c.Node)
	if scope == nil {
		return false
	}
	b := scope.Lookup(m.File.Text(size))
	return b != nil && b.Kind == analysis.BindAssign && len(b.Values) == 1 && waiting(analysis.Unparen(b.Values[0]))
}

// nonBlockingPort reports a port opened in non-blocking mode
// (pylib.NonBlockingTimeout: `serial.Serial(port, 9600, timeout=0)`): its
// reads return at once with what is there.
func nonBlockingPort(m *analysis.Module, recv *analysis.Node) bool {
	if zeroTimeoutStored(m, recv) {
		return true
	}
	ctor := constructorCall(m, recv, 0)
	if ctor == nil {
		return false
	}
	i, ok := pylib.NonBlockingTimeout[calleeOf(m, ctor)]
	if !ok {
		return false
	}
	t := analysis.Unparen(constructorArg(m, ctor, i, "timeout"))
	return t != nil && (m.File.Text(t) == "0" || m.File.Text(t) == "0.0")
}

// zeroTimeoutStored reports a port that the code around the read switches
// to non-blocking mode by its `timeout` property (pyserial: "timeout = 0:
// non-blocking mode"; `self._serial.timeout = 0` in the transport's
// __init__): every store of `RECV.timeout` in the class that holds the read
// (for `self.x`), or else in its function, is a zero, and there is one.
func zeroTimeoutStored(m *analysis.Module, recv *analysis.Node) bool {
	recv = analysis.Unparen(recv)
	if recv == nil {
		return false
	}
	text := strings.Join(strings.Fields(m.File.Text(recv)), "")
	f := m.FunctionAt(recv)
	if f == nil {
		return false
	}
	root := f.Node
	if strings.HasPrefix(text, "self.") {
		if f.Class == nil {
			return false
		}
		root = f.Class.Node
	}
	zero, other := false, false
	root.Walk(func(n *analysis.Node) bool {
		if n.Type() != "assignment" && n.Type() != "augmented_assignment" {
			return true
		}
		left := analysis.Unparen(n.ChildByField("left"))
		if left == nil || strings.Join(strings.Fields(m.File.Text(left)), "") != text+".timeout" {
			return true
		}
		v := analysis.Unparen(n.ChildByField("right"))
		if n.Type() == "assignment" && v != nil && (m.File.Text(v) == "0" || m.File.Text(v) == "0.0") {
			zero = true
		} else {
			other = true
		}
		return true
	})
	return zero && !other
}

// recordedArgument is the argument the record names: its BlockingKeyword
// given by name, else the positional argument at FileArg (none when
// negative), unparenthesised.
func recordedArgument(c *analysis.Call, api pylib.API, f *analysis.File) *analysis.Node {
	v := c.Keyword(api.BlockingKeyword, f)
	if v == nil && api.FileArg >= 0 {
		v = c.Positional(api.FileArg)
	}
	return analysis.Unparen(v)
}

// inPolledEvents reports a receive under a check that a poll found the
// socket ready: `events = dict(poller.poll()); if sock in events:
// sock.recv_multipart()`, the zguide's `if socks.get(sock) == zmq.POLLIN:`,
// `if sock in socks and socks[sock] == zmq.POLLIN:`, or `if sock not in
// events: continue` before it (pyzmq's own ZAP authenticator; the poll is
// what waits, and is reported itself when it is a synchronous one).
func inPolledEvents(m *analysis.Module, c *analysis.Call, recv string) bool {
	text := func(n *analysis.Node) string { return strings.Join(strings.Fields(m.File.Text(n)), " ") }
	// fromPoll: events (text) is what a poll returned.
	fromPoll := func(events string) bool {
		if strings.Contains(events, ".poll(") {
			return true
		}
		for _, wrap := range []string{"dict(", "set(", "list("} { // `sock in dict(events)`
			if inner, ok := strings.CutPrefix(events, wrap); ok && strings.HasSuffix(inner, ")") {
				events = strings.TrimSuffix(inner, ")")
			}
		}
		scope := m.ScopeAt(c.Node)
		if scope == nil {
			return false
		}
		b := scope.Lookup(events)
		if b == nil || b.Kind != analysis.BindAssign || len(b.Values) == 0 {
			return false
		}
		for _, v := range b.Values {
			if !strings.Contains(m.File.Text(v), ".poll(") {
				return false
			}
		}
		return true
	}
	// lookedUp: n is the poll's events for the socket, `socks.get(sock)`
	// or `socks[sock]`.
	lookedUp := func(n *analysis.Node) bool {
		n = analysis.Unparen(n)
		if n == nil {
			return false
		}
		switch n.Type() {
		case "call":
			fn := n.ChildByField("function")
			args := n.ChildByField("arguments")
			if fn == nil || fn.Type() != "attribute" || text(fn.ChildByField("attribute")) != "get" || args == nil {
				return false
			}
			if a := args.NamedChildren(); len(a) == 0 || text(a[0]) != recv {
				return false
			}
			return fromPoll(text(fn.ChildByField("object")))
		case "subscript":
			if sub := n.ChildByField("subscript"); sub == nil || text(sub) != recv {
				return false
			}
			return fromPoll(text(n.ChildByField("value")))
		}
		return false
	}
	// ready: cond true means a poll found the socket readable.
	var ready func(cond *analysis.Node) bool
	ready = func(cond *analysis.Node) bool {
		cond = analysis.Unparen(cond)
		if cond == nil {
			return false
		}
		switch cond.Type() {
		case "boolean_operator":
			if op := cond.ChildByField("operator"); op != nil && m.File.Text(op) == "and" {
				return ready(cond.ChildByField("left")) || ready(cond.ChildByField("right"))
			}
		case "comparison_operator":
			t := text(cond)
			if events, ok := strings.CutPrefix(t, recv+" in "); ok {
				return fromPoll(events)
			}
			// `socks.get(sock) == zmq.POLLIN`
			if operands := cond.NamedChildren(); len(operands) == 2 && strings.Contains(t, " == ") &&
				strings.HasSuffix(text(operands[1]), "POLLIN") {
				return lookedUp(operands[0])
			}
		case "binary_operator":
			// `socks.get(sock) & zmq.POLLIN`
			if op := cond.ChildByField("operator"); op != nil && m.File.Text(op) == "&" &&
				strings.HasSuffix(text(cond.ChildByField("right")), "POLLIN") {
				return lookedUp(cond.ChildByField("left"))
			}
		case "call", "subscript":
			// `if socks.get(sock):`
			return lookedUp(cond)
		}
		return false
	}
	// notReady: cond true means a poll did not find the socket ready.
	notReady := func(cond *analysis.Node) bool {
		cond = analysis.Unparen(cond)
		if cond == nil || cond.Type() != "comparison_operator" {
			return false
		}
		events, ok := strings.CutPrefix(text(cond), recv+" not in ")
		return ok && fromPoll(events)
	}
	for child, q := c.Node, c.Node.Parent(); q != nil && !isDef(q); child, q = q, q.Parent() {
		switch q.Type() {
		case "if_statement", "elif_clause":
			if body := q.ChildByField("consequence"); body != nil && isAncestor(body, c.Node) && ready(q.ChildByField("condition")) {
				return true
			}
		case "block":
			for _, st := range q.NamedChildren() {
				if st.Start >= child.Start {
					break
				}
				if st.Type() == "if_statement" && len(st.ChildrenByField("alternative")) == 0 &&
					notReady(st.ChildByField("condition")) && !fallsThrough(m, statements(st.ChildByField("consequence"))) {
					return true
				}
			}
		}
	}
	return false
}

// boundThenIterated reports a call whose value is assigned to a plain local
// (`stats = server.find(q)`, the only assignment of the name) that a read of
// the same function iterates in place (`list(stats)`, `for d in stats:`,
// `[d["id"] for d in stats]`).
func boundThenIterated(m *analysis.Module, call *analysis.Node) bool {
	n, parent := analysis.ParenParent(call)
	if parent == nil || parent.Type() != "assignment" || n.Field() != "right" {
		return false
	}
	if _, uses, ok := localUses(m, parent); ok {
		for _, u := range uses {
			if iteratedOnLoop(m, u) {
				return true
			}
		}
		return false
	}
	// A comprehension reads the name (localUses gives up on reads from
	// nested scopes): a list, set or dict comprehension one of whose
	// iterables is the name iterates it where it stands, since Python
	// runs the comprehension at once (a generator expression runs when
	// consumed).
	return comprehensionIterates(m, parent)
}

// comprehensionIterates reports a list, set or dict comprehension of the
// function of assignment assign, after it, one of whose `for` clauses
// iterates the plain local the assignment binds (its only assignment).
func comprehensionIterates(m *analysis.Module, assign *analysis.Node) bool {
	local, found := assignedLocal(m, assign)
	if !found || local.binding.Kind != analysis.BindAssign || len(local.binding.Values) != 1 {
		return false
	}
	body := local.scope.Node.ChildByField("body")
	if body == nil {
		return false
	}
	iterated := false
	body.Walk(func(n *analysis.Node) bool {
		if iterated {
			return false
		}
		switch n.Type() {
		case "function_definition", "lambda", "class_definition":
			return false
		case "list_comprehension", "set_comprehension", "dictionary_comprehension":
		default:
			return true
		}
		if n.Start < assign.End || m.ScopeAt(n.Parent()) != local.scope {
			return true
		}
		// Every `for` clause iterates its iterable while the comprehension
		// runs: the first evaluated in the enclosing scope, a later one
		// inside the comprehension, once per item of the clauses before
		// it, where the name is the local unless an earlier clause binds
		// it (`[b for blobs in groups for b in blobs]`).
		bound := map[string]bool{}
		for _, c := range n.NamedChildren() {
			if c.Type() != "for_in_clause" {
				continue
			}
			it := analysis.Unparen(c.ChildByField("right"))
			if it != nil && it.Type() == "identifier" && m.File.Text(it) == local.name && !bound[local.name] &&
				!c.HasToken("async") && local.scope.Lookup(local.name) == local.binding {
				iterated = true
				break
			}
			if left := c.ChildByField("left"); left != nil {
				left.Walk(func(t *analysis.Node) bool {
					if t.Type() == "identifier" {
						bound[m.File.Text(t)] = true
					}
					return true
				})
			}
		}
		return true
	})
	return iterated
}

// numericLookupFlags: the call's arguments name a numeric-lookup flag
// (AI_NUMERICHOST, NI_NUMERICHOST), written in the call or as a local name
// every assignment of which names one (dnspython's `ai_flags =
// socket.AI_NUMERICHOST` then `getaddrinfo(address, port, flags=ai_flags)`).
func numericLookupFlags(m *analysis.Module, c *analysis.Call) bool {
	args := c.Node.ChildByField("arguments")
	if args == nil {
		return false
	}
	if strings.Contains(strings.ToUpper(m.File.Text(args)), "NUMERIC") {
		return true
	}
	scope := m.ScopeAt(c.Node)
	for _, a := range args.NamedChildren() {
		if a.Type() == "keyword_argument" {
			a = a.ChildByField("value")
		}
		a = analysis.Unparen(a)
		if a == nil || a.Type() != "identifier" || scope == nil {
			continue
		}
		b := scope.Lookup(m.File.Text(a))
		if b == nil || b.Kind != analysis.BindAssign || len(b.Values) == 0 {
			continue
		}
		all := true
		for _, v := range b.Values {
			if !numericFlagValue(m, v) {
				all = false
			}
		}
		if all {
			return true
		}
	}
	return false
}

// numericFlagValue: a flags value that always holds a numeric-lookup flag:
// the flag itself, or'ed with others, or such a value in both branches of
// a conditional expression.
func numericFlagValue(m *analysis.Module, v *analysis.Node) bool {
	v = analysis.Unparen(v)
	if v == nil {
		return false
	}
	switch v.Type() {
	case "attribute", "identifier":
		return strings.Contains(strings.ToUpper(m.File.Text(v)), "NUMERIC")
	case "binary_operator":
		if op := v.ChildByField("operator"); op == nil || m.File.Text(op) != "|" {
			return false
		}
		return numericFlagValue(m, v.ChildByField("left")) || numericFlagValue(m, v.ChildByField("right"))
	case "conditional_expression":
		parts := v.NamedChildren()
		return len(parts) == 3 && numericFlagValue(m, parts[0]) && numericFlagValue(m, parts[2])
	}
	return false
}

// localHost: a resolver's host argument that needs no lookup, an IP
// address literal or "localhost" (RFC 6761: answered locally, from the
// hosts file), written as the string itself or as a name (`host`,
// `self.host`) the enclosing `if` has just compared with one
// (`if host == "localhost": host = socket.gethostbyname(host)`), with no
// assignment of that name between the test and the call.
func localHost(m *analysis.Module, c *analysis.Call, host *analysis.Node) bool {
	host = analysis.Unparen(host)
	if host == nil {
		return false
	}
	if host.Type() == "string" {
		return localHostLiteral(m.File.Text(host))
	}
	if host.Type() != "identifier" && host.Type() != "attribute" {
		return false
	}
	name := m.File.Text(host)
	for q := c.Node.Parent(); q != nil && !isDef(q); q = q.Parent() {
		if q.Type() != "if_statement" && q.Type() != "elif_clause" {
			continue
		}
		body := q.ChildByField("consequence")
		if body == nil || !isAncestor(body, c.Node) || !comparedWithLocalHost(m, q.ChildByField("condition"), name) {
			continue
		}
		return !assignedBetween(m, body, c.Node, name)
	}
	return false
}

// addressText: host is `str(ip)` where ip is an IPv4Address or IPv6Address
// (or an alias of a union of them, as a helper's return annotation
// `Tuple[IPvXAddress, int]` names it): the text of an IP address, parsed,
// not looked up (async-upnp-client's get_ssdp_socket).
func addressText(proj *analysis.Project, m *analysis.Module, host *analysis.Node) bool {
	host = analysis.Unparen(host)
	if host == nil || host.Type() != "call" {
		return false
	}
	fn := host.ChildByField("function")
	if fn == nil || fn.Type() != "identifier" || m.File.Text(fn) != "str" || !m.IsBuiltin(fn, "str") {
		return false
	}
	args := host.ChildByField("arguments")
	if args == nil || len(args.NamedChildren()) != 1 {
		return false
	}
	r := m.Resolve(args.NamedChildren()[0])
	if !r.Instance || r.Name == "" {
		return false
	}
	if pylib.NumericAddressClasses[r.Name] {
		return true
	}
	members := proj.UnionAliasMembers(r.Name)
	for _, t := range members {
		if !pylib.NumericAddressClasses[t] {
			return false
		}
	}
	return len(members) > 0
}

// localHostLiteral: the source text of a string that is an IP address
// literal or "localhost".
func localHostLiteral(text string) bool {
	if len(text) < 2 || text[0] != text[len(text)-1] || (text[0] != '"' && text[0] != '\'') {
		return false // a prefixed (f, b, r) or triple-quoted string
	}
	lit := text[1 : len(text)-1]
	return lit == "localhost" || net.ParseIP(lit) != nil
}

// comparedWithLocalHost: the condition (or one operand of its `and`) is
// `name == "localhost"` (either side) or `name in ("localhost", "::1")`
// with only local hosts in the literal.
func comparedWithLocalHost(m *analysis.Module, cond *analysis.Node, name string) bool {
	cond = analysis.Unparen(cond)
	if cond == nil {
		return false
	}
	f := m.File
	if cond.Type() == "boolean_operator" {
		if op := cond.ChildByField("operator"); op == nil || f.Text(op) != "and" {
			return false
		}
		return comparedWithLocalHost(m, cond.ChildByField("left"), name) || comparedWithLocalHost(m, cond.ChildByField("right"), name)
	}
	if cond.Type() != "comparison_operator" {
		return false
	}
	operands := cond.NamedChildren()
	if len(operands) != 2 {
		return false
	}
	op := strings.Join(strings.Fields(f.Text(cond)[operands[0].End-cond.Start:operands[1].Start-cond.Start]), " ")
	left, right := analysis.Unparen(operands[0]), analysis.Unparen(operands[1])
	switch op {
	case "==":
		if f.Text(right) == name {
			left, right = right, left
		}
		return f.Text(left) == name && right.Type() == "string" && localHostLiteral(f.Text(right))
	case "in":
		if f.Text(left) != name || (right.Type() != "tuple" && right.Type() != "list" && right.Type() != "set") {
			return false
		}
		items := right.NamedChildren()
		for _, it := range items {
			if it.Type() != "string" || !localHostLiteral(f.Text(it)) {
				return false
			}
		}
		return len(items) > 0
	}
	return false
}

// assignedBetween: a statement of block before node assigns name (`name =`,
// `name +=`, a `for name in` or `with ... as name`).
func assignedBetween(m *analysis.Module, block, node *analysis.Node, name string) bool {
	found := false
	var walk func(n *analysis.Node)
	walk = func(n *analysis.Node) {
		if found || n.Start >= node.Start {
			return
		}
		switch n.Type() {
		case "assignment", "augmented_assignment", "for_statement", "as_pattern", "named_expression":
			if n.Type() != "for_statement" && n.Type() != "as_pattern" && isAncestor(n, node) {
				break // the assignment of the call's own result
			}
			target := n.ChildByField("left")
			if target == nil {
				target = n.ChildByField("alias")
			}
			if target == nil {
				target = n.ChildByField("name")
			}
			if target != nil && strings.Contains(m.File.Text(target), name) {
				found = true
				return
			}
		}
		for _, ch := range n.NamedChildren() {
			walk(ch)
		}
	}
	walk(block)
	return found
}

// unboundedQueue reports a queue made (where n is assigned, or as an
// attribute of a class of another module) without a maxsize, with maxsize
// 0, or of a class whose put never waits (queue.SimpleQueue).
func unboundedQueue(proj *analysis.Project, m *analysis.Module, n *analysis.Node) bool {
	cm, ctor := constructorCallIn(proj, m, n)
	if ctor == nil {
		return false
	}
	size := queueSize(ctor, cm.File)
	return size == nil || cm.File.Text(size) == "0" || pylib.Is(calleeOf(cm, ctor), pylib.UnboundedQueue)
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
	for q := c.Node.Parent(); q != nil && !isDef(q); q = q.Parent() {
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

// datagramConnect: connect()/connect_ex() of a UDP socket made with
// socket.socket(..., SOCK_DGRAM) in the same function: it sends nothing and
// waits for nothing, it only picks the route and the peer (aiocoap's
// route check, get_local_ip helpers), unless the address names a host to
// look up, written as a string literal that is no IP address. So is a
// send()/sendall()/sendto() of such a fresh socket: a datagram goes to the
// kernel's buffer and nothing waits for the peer (a Wake-on-LAN packet, a
// discovery broadcast); a socket made elsewhere may have a full buffer
// after many sends, and recv*() waits for the peer.
func datagramConnect(m *analysis.Module, c *analysis.Call) bool {
	var addr *analysis.Node
	switch c.Method(m.File) {
	case "connect", "connect_ex":
		addr = c.Positional(0)
	case "send", "sendall":
	case "sendto":
		// sendto(data, address) or sendto(data, flags, address).
		for i := 1; i <= 2; i++ {
			if a := c.Positional(i); a != nil {
				addr = a
			}
		}
	default:
		return false
	}
	ctor := constructorCall(m, c.Node.ChildByField("function").ChildByField("object"), 0)
	if ctor == nil || m.FunctionAt(ctor) != c.Func || !pylib.SocketConstructors[calleeOf(m, ctor)] {
		return false
	}
	typ := constructorArg(m, ctor, 1, "type")
	if typ == nil || !strings.HasSuffix(m.File.Text(typ), "SOCK_DGRAM") {
		return false
	}
	addr = analysis.Unparen(addr)
	if addr != nil && addr.Type() == "tuple" {
		if parts := addr.NamedChildren(); len(parts) > 0 && parts[0].Type() == "string" && !lookupFreeHost(m.File.Text(parts[0])) {
			return false
		}
	}
	return true
}

// lookupFreeHost: a host string literal that needs no name lookup: an IP
// address, "localhost", or the socket module's special '<broadcast>'
// (INADDR_BROADCAST) and the empty string (INADDR_ANY).
func lookupFreeHost(text string) bool {
	if localHostLiteral(text) {
		return true
	}
	switch text {
	case `"<broadcast>"`, `'<broadcast>'`, `""`, `''`:
		return true
	}
	return false
}

// constructorArg returns the argument of call at position i or keyword kw.
func constructorArg(m *analysis.Module, call *analysis.Node, i int, kw string) *analysis.Node {
	args := call.ChildByField("arguments")
	if args == nil {
		return nil
	}
	pos := 0
	for _, a := range args.NamedChildren() {
		if a.Type() == "keyword_argument" {
			if n := a.ChildByField("name"); n != nil && m.File.Text(n) == kw {
				return a.ChildByField("value")
			}
			continue
		}
		if a.Type() == "list_splat" || a.Type() == "dictionary_splat" {
			return nil
		}
		if pos == i {
			return a
		}
		pos++
	}
	return nil
}

// completionAwaited: `fut.result()` (or exception()) after the coroutine
// awaited fut's completion: `await asyncio.wrap_future(fut)`, or an await
// handed the `wait` of an Event that a done callback of fut sets (xknx:
// `fut.add_done_callback(cb)` where cb calls `finished.set()`, then `await
// loop.run_in_executor(None, finished.wait)`): the future is done, result()
// returns at once.
func completionAwaited(m *analysis.Module, c *analysis.Call) bool {
	recv := analysis.Unparen(c.Node.ChildByField("function").ChildByField("object"))
	if recv == nil || recv.Type() != "identifier" || c.Func == nil {
		return false
	}
	fut := m.File.Text(recv)
	body := c.Func.Node.ChildByField("body")
	// The events a done callback of fut sets: cb named in
	// fut.add_done_callback(cb), a def of this function.
	events := map[string]bool{}
	walkBody(body, func(n *analysis.Node) bool {
		if n.Start >= c.Node.Start || n.Type() != "call" || m.File.Text(n.ChildByField("function")) != fut+".add_done_callback" {
			return true
		}
		cb := analysis.Unparen(firstArg(n))
		if cb == nil || cb.Type() != "identifier" {
			return true
		}
		for _, d := range statements(body) {
			if d.Type() == "function_definition" && m.File.Text(d.ChildByField("name")) == m.File.Text(cb) {
				d.ChildByField("body").Walk(func(x *analysis.Node) bool {
					if x.Type() == "call" {
						if fn := x.ChildByField("function"); fn != nil && fn.Type() == "attribute" &&
							m.File.Text(fn.ChildByField("attribute")) == "set" {
							events[m.File.Text(fn.ChildByField("object"))] = true
						}
					}
					return true
				})
			}
		}
		return true
	})
	// fut the variable of a loop over a plain name (`for f in futs:`,
	// `[f.result() for f in futs]`): the futures of that list.
	futs := loopedList(m, c.Node, fut)
	found := false
	walkBody(body, func(n *analysis.Node) bool {
		if found || n.Start >= c.Node.Start {
			return false
		}
		if n.Type() != "await" || !n.Named() {
			return true
		}
		call := analysis.Unparen(n.NamedChildren()[0])
		if call == nil || call.Type() != "call" {
			return true
		}
		args := call.ChildByField("arguments")
		if args == nil {
			return true
		}
		if futs != "" && awaitsAllWrapped(m, call, futs) {
			found = true
			return false
		}
		for _, a := range args.NamedChildren() {
			a = analysis.Unparen(a)
			if pylib.WrapsFuture[calleeOf(m, call)] && m.File.Text(a) == fut {
				found = true
			}
			if a.Type() == "attribute" && m.File.Text(a.ChildByField("attribute")) == "wait" && events[m.File.Text(a.ChildByField("object"))] {
				found = true
			}
		}
		return !found
	})
	return found
}

// loopedList returns the plain name a loop around n goes through with
// variable name (`for f in futs:` or a comprehension's `for f in futs`),
// "" when none does.
func loopedList(m *analysis.Module, n *analysis.Node, name string) string {
	for p := n.Parent(); p != nil && !isDef(p); p = p.Parent() {
		var clauses []*analysis.Node
		switch p.Type() {
		case "for_statement":
			clauses = []*analysis.Node{p}
		case "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression":
			for _, c := range p.NamedChildren() {
				if c.Type() == "for_in_clause" {
					clauses = append(clauses, c)
				}
			}
		}
		for _, c := range clauses {
			left, right := analysis.Unparen(c.ChildByField("left")), analysis.Unparen(c.ChildByField("right"))
			if left != nil && left.Type() == "identifier" && m.File.Text(left) == name &&
				right != nil && right.Type() == "identifier" && !c.HasToken("async") {
				return m.File.Text(right)
			}
		}
	}
	return ""
}

// awaitsAllWrapped reports an awaited `asyncio.gather(*(wrap_future(f) for
// f in futs))` or `asyncio.wait([wrap_future(f) for f in futs])` (no
// timeout, no return_when: every one complete) over the list futs: each of
// its futures is done once the await returns.
func awaitsAllWrapped(m *analysis.Module, call *analysis.Node, futs string) bool {
	switch name := calleeOf(m, call); {
	case pylib.Is(name, pylib.Gathers):
	case pylib.Is(name, pylib.TakesTasks):
		// One positional argument, no timeout or return_when.
		n := 0
		for _, a := range call.ChildByField("arguments").NamedChildren() {
			switch a.Type() {
			case "comment":
			case "keyword_argument", "list_splat", "dictionary_splat":
				return false
			default:
				n++
			}
		}
		if n != 1 {
			return false
		}
	default:
		return false
	}
	for _, a := range call.ChildByField("arguments").NamedChildren() {
		if a.Type() == "list_splat" && len(a.NamedChildren()) == 1 {
			a = a.NamedChildren()[0]
		}
		a = analysis.Unparen(a)
		if a == nil || a.Type() != "list_comprehension" && a.Type() != "generator_expression" && a.Type() != "set_comprehension" {
			continue
		}
		var clause *analysis.Node
		for _, c := range a.NamedChildren() {
			if c.Type() == "for_in_clause" {
				if clause != nil {
					clause = nil
					break
				}
				clause = c
			}
		}
		if clause == nil {
			continue
		}
		v, right := analysis.Unparen(clause.ChildByField("left")), analysis.Unparen(clause.ChildByField("right"))
		body := analysis.Unparen(a.ChildByField("body"))
		if v == nil || v.Type() != "identifier" || right == nil || m.File.Text(right) != futs ||
			body == nil || body.Type() != "call" || !pylib.WrapsFuture[calleeOf(m, body)] {
			continue
		}
		if w := analysis.Unparen(firstArg(body)); w != nil && m.File.Text(w) == m.File.Text(v) {
			return true
		}
	}
	return false
}

// doneInCallback: `fut.result()` (or exception()) where fut is a parameter,
// never rebound, of a private or nested coroutine function every call of
// which in the module passes there the future a done callback receives:
// the parameter, never rebound, of a function whose only use is to be
// registered by `add_done_callback` (debusine: `def
// send_task_result(task_exec_future)` registered by
// `self._task_exec_future.add_done_callback(send_task_result)` runs
// `asyncio.run_coroutine_threadsafe(self._send_task_result(id,
// task_exec_future), loop)`). A done callback runs once its future is done,
// so result() returns at once. Calls in other modules are not asked (check
// FILE must equal check .); the coroutine is private to its module.
func doneInCallback(m *analysis.Module, c *analysis.Call) bool {
	args, ok := privateParamArguments(m, c)
	if !ok {
		return false
	}
	for _, arg := range args {
		if !doneCallbackParam(m, analysis.Unparen(arg)) {
			return false
		}
	}
	return true
}

// privateParamArguments returns, when call c's receiver is a parameter,
// never rebound, of c's function and that function is private (`_name`) or
// nested and called only by its own module, the argument each call of the
// module passes for that parameter (nil where a call passes none); ok is
// false otherwise, or when no call is found. Calls in other modules are not
// asked (check FILE must equal check .), which a private function makes
// safe.
func privateParamArguments(m *analysis.Module, c *analysis.Call) (args []*analysis.Node, ok bool) {
	recv := analysis.Unparen(c.Node.ChildByField("function").ChildByField("object"))
	fn := c.Func
	if recv == nil || recv.Type() != "identifier" || fn == nil || fn.Lambda || fn.Name == "" ||
		fn.Parent == nil && !strings.HasPrefix(fn.Name, "_") {
		return nil, false
	}
	name := m.File.Text(recv)
	b := m.ScopeAt(recv).Lookup(name)
	if b == nil || b.Kind != analysis.BindParam || len(b.Values) > 0 || fn.Scope.Bindings.Get(name) != b {
		return nil, false
	}
	pos, kw := paramPosition(m, fn, name)
	if pos < 0 && !kw {
		return nil, false
	}
	calls, ok := onlyCalled(m, fn)
	if !ok || len(calls) == 0 {
		return nil, false
	}
	for _, call := range calls {
		var arg *analysis.Node
		for _, a := range call.ChildByField("arguments").NamedChildren() {
			if a.Type() == "keyword_argument" && m.File.Text(a.ChildByField("name")) == name {
				arg = a.ChildByField("value")
			}
		}
		if arg == nil && pos >= 0 {
			arg = positionalArg(call, pos)
		}
		args = append(args, arg)
	}
	return args, true
}

// paramPosition is the index of fn's parameter name among the arguments of
// a call (after self or cls for a method called on an object), -1 when a
// call cannot pass it positionally (keyword-only); kw says a call may pass
// it by keyword (not a `*args`/`**kwargs` catch-all).
func paramPosition(m *analysis.Module, fn *analysis.Function, name string) (pos int, kw bool) {
	first := 0
	if fn.Class != nil && !hasDecorator(m, fn, "staticmethod") {
		first = 1 // self or cls
	}
	for i, p := range positionalParams(fn) {
		if p == name {
			if i < first {
				return -1, false
			}
			return i - first, true
		}
	}
	if b := fn.Scope.Bindings.Get(name); b == nil || b.Kind != analysis.BindParam || catchAllParam(b.Node) {
		return -1, false
	}
	return -1, true
}

// positionalArg is the i-th positional argument of call (nil after a splat).
func positionalArg(call *analysis.Node, i int) *analysis.Node {
	if i < 0 {
		return nil
	}
	k := 0
	for _, a := range call.ChildByField("arguments").NamedChildren() {
		switch a.Type() {
		case "keyword_argument", "comment":
			continue
		case "list_splat", "dictionary_splat":
			return nil
		}
		if k == i {
			return a
		}
		k++
	}
	return nil
}

// onlyCalled returns the calls in the module of fn when its name is used
// nowhere but as a callee (`f(...)`, `self.f(...)`); ok is false when it
// is passed or stored as a value, or another def has its name.
func onlyCalled(m *analysis.Module, fn *analysis.Function) (calls []*analysis.Node, ok bool) {
	uses, ok := usesOf(m, fn)
	for _, n := range uses {
		parent := n.Parent()
		switch {
		case n.Field() == "function" && parent.Type() == "call":
			calls = append(calls, parent)
		case n.Field() == "attribute" && parent.Field() == "function" && parent.Parent().Type() == "call":
			calls = append(calls, parent.Parent())
		default:
			return nil, false
		}
	}
	return calls, ok
}

// usesOf returns the identifiers of the module that may name fn, other
// than its def: for a function, those its binding resolves; for a method,
// every attribute of its name (`self.f`, `obj.f`). ok is false when the
// name is ambiguous: another def of it (another method of the name, a
// redefinition), or a method's name read bare.
func usesOf(m *analysis.Module, fn *analysis.Function) (uses []*analysis.Node, ok bool) {
	var binding *analysis.Binding
	if fn.Class == nil {
		scope := m.Scope
		if fn.Parent != nil {
			scope = fn.Parent.Scope
		}
		binding = scope.Bindings.Get(fn.Name)
		if binding == nil || binding.Kind != analysis.BindDef || binding.Func != fn {
			return nil, false
		}
	}
	ok = true
	m.File.Root.Walk(func(n *analysis.Node) bool {
		if !ok {
			return false
		}
		if n.Type() != "identifier" || m.File.Text(n) != fn.Name {
			return true
		}
		parent := n.Parent()
		switch {
		case parent == nil:
			ok = false
		case isDef(parent) && n.Field() == "name":
			if parent != fn.Node && (fn.Class != nil || m.ScopeAt(parent).Lookup(fn.Name) == binding) {
				ok = false
			}
		case fn.Class != nil:
			if n.Field() != "attribute" {
				ok = false
			}
			uses = append(uses, n)
		case n.Field() != "attribute" && m.ScopeAt(n).Lookup(fn.Name) == binding:
			uses = append(uses, n)
		}
		return ok
	})
	return uses, ok
}

// doneCallbackParam reports whether arg names the future a done callback
// receives: the first parameter (after self) of a function whose only use
// is to be handed to `add_done_callback`, not rebound there.
func doneCallbackParam(m *analysis.Module, arg *analysis.Node) bool {
	if arg == nil || arg.Type() != "identifier" {
		return false
	}
	name := m.File.Text(arg)
	b := m.ScopeAt(arg).Lookup(name)
	if b == nil || b.Kind != analysis.BindParam || len(b.Values) > 0 {
		return false
	}
	var cb *analysis.Function
	for f := m.FunctionAt(arg); f != nil; f = f.Parent {
		if f.Scope.Bindings.Get(name) == b {
			cb = f
			break
		}
	}
	if cb == nil {
		return false
	}
	first := 0
	if cb.Class != nil && !hasDecorator(m, cb, "staticmethod") {
		first = 1
	}
	if len(cb.Params) != first+1 || cb.Params[first] != name || cb.Generator || cb.Async {
		return false
	}
	if cb.Lambda {
		return registeredAsDoneCallback(m, cb.Node)
	}
	uses, ok := usesOf(m, cb)
	if !ok || len(uses) == 0 {
		return false
	}
	for _, n := range uses {
		if cb.Class != nil {
			n = n.Parent() // self.cb
		}
		if !registeredAsDoneCallback(m, n) {
			return false
		}
	}
	return true
}

// registeredAsDoneCallback: n is the only argument of `x.add_done_callback(n)`.
func registeredAsDoneCallback(m *analysis.Module, n *analysis.Node) bool {
	args := n.Parent()
	if args == nil || args.Type() != "argument_list" || len(args.NamedChildren()) != 1 {
		return false
	}
	call := args.Parent()
	fn := call.ChildByField("function")
	return fn != nil && fn.Type() == "attribute" && m.File.Text(fn.ChildByField("attribute")) == "add_done_callback"
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

// idleExecutor: the shutdown of an executor created earlier in the same
// function, with no job submitted to it since but the ones awaited on the
// way (`self._executor = ThreadPoolExecutor(max_workers=1)`, then `await
// loop.run_in_executor(self._executor, _open)` whose failure leads to
// `self._executor.shutdown(wait=True)`): its workers are idle, and joining
// them returns at once. A `submit` or `map` of it, an executor handed on
// to anything but an awaited `run_in_executor`, or one this function did
// not make (its jobs may still run) keeps the shutdown reported. Like
// freshLock, this reads only the function: another coroutine could still
// submit to an attribute across the awaits, which a method that makes the
// executor it shuts down does not expect.
func idleExecutor(m *analysis.Module, c *analysis.Call, recv *analysis.Node) bool {
	ctor := constructorCall(m, recv, 0)
	if ctor == nil || c.Func == nil || ctor.Start >= c.Node.Start || m.FunctionAt(ctor) != c.Func {
		return false
	}
	if !pylib.Is(calleeOf(m, ctor), pylib.FreeWhenNew) {
		return false
	}
	name := m.File.Text(analysis.Unparen(recv))
	for _, other := range c.Func.Calls {
		if other == c || other.Node.Start <= ctor.Start || other.Node.Start >= c.Node.Start {
			continue
		}
		fn := other.Node.ChildByField("function")
		if fn != nil && fn.Type() == "attribute" && m.File.Text(analysis.Unparen(fn.ChildByField("object"))) == name {
			return false // executor.submit(...), executor.map(...)
		}
		handed := false
		if args := other.Node.ChildByField("arguments"); args != nil {
			for _, a := range args.NamedChildren() {
				if a.Type() == "keyword_argument" {
					a = a.ChildByField("value")
				}
				handed = handed || m.File.Text(analysis.Unparen(a)) == name
			}
		}
		if !handed {
			continue
		}
		if other.Method(m.File) != "run_in_executor" {
			return false
		}
		if p := analysis.Unparen(other.Node).Parent(); p == nil || p.Type() != "await" {
			return false
		}
	}
	return true
}

// documentData reports an argument that is a document already in memory
// rather than the address of one (pylib.UnblockedDocumentData): a bytes
// literal, a string literal holding markup, an awaited value
// (`await resp.text()`), or an attribute, method result or item of one
// (`resp.content` with `resp = await client.get(url)`,
// `(await resp.read()).decode()`), through names whose every assignment
// is such a value. A parameter, a URL literal or anything else may be an
// address the call fetches, and so may a value named as one on the way
// (`feed.url` of an awaited record, `row["link"]`, `feed_url = await
// settings.get(...)`: an awaited result may hold the address, not the
// document).
func documentData(m *analysis.Module, n *analysis.Node, depth int) bool {
	return documentValue(m, n, depth, true)
}

// downloadedDocument reports a document an async HTTP client has just
// downloaded (pylib.UnblockedUnlessDownloaded): an awaited value or a
// value computed from one, as documentData recognises, but not a literal
// (markup written in the source is a fragment).
func downloadedDocument(m *analysis.Module, n *analysis.Node, depth int) bool {
	return documentValue(m, n, depth, false)
}

// documentValue is documentData, counting literals as documents only when
// literals is true.
func documentValue(m *analysis.Module, n *analysis.Node, depth int, literals bool) bool {
	n = analysis.Unparen(n)
	if n == nil || depth > 6 {
		return false
	}
	switch n.Type() {
	case "await":
		return literals || awaitedDownload(m, n)
	case "string":
		if !literals {
			return false
		}
		text := m.File.Text(n)
		prefix := text[:len(text)-len(strings.TrimLeft(text, "rRbBuUfF"))]
		return strings.ContainsAny(prefix, "bB") || strings.Contains(text, "<")
	case "attribute":
		return !namesAddress(m.File.Text(n.ChildByField("attribute"))) &&
			documentValue(m, n.ChildByField("object"), depth+1, literals)
	case "subscript":
		if namesAddress(analysis.StringConstant(m.File, n.ChildByField("subscript"))) {
			return false
		}
		return documentValue(m, n.ChildByField("value"), depth+1, literals)
	case "call":
		if fn := n.ChildByField("function"); fn != nil && fn.Type() == "attribute" {
			return documentValue(m, fn.ChildByField("object"), depth+1, literals)
		}
	case "identifier":
		if namesAddress(m.File.Text(n)) {
			return false
		}
		b := m.ScopeAt(n).Lookup(m.File.Text(n))
		if b == nil || b.Kind != analysis.BindAssign || len(b.Values) == 0 {
			return false
		}
		// A document already in memory on every path; a downloaded page on
		// one path at least (`html = await resp.text()`, then on a redirect
		// `html = await self._find_login_url()`).
		for _, v := range b.Values {
			if doc := documentValue(m, v, depth+1, literals); doc != literals {
				return doc
			}
		}
		return literals
	}
	return false
}

// namesAddress reports a name one of whose words (split at underscores)
// names where a document is, not the document: `url`, `feed_url`, `link`,
// `href`, `path`, `file_name`...
func namesAddress(name string) bool {
	for _, w := range strings.Split(strings.ToLower(name), "_") {
		switch w {
		case "url", "urls", "uri", "link", "href", "path", "file", "filename", "address", "endpoint", "location":
			return true
		}
	}
	return false
}

// inMemorySQLite reports an expression whose value comes from
// `sqlite3.connect(":memory:")`, directly or through a method of such a
// connection (`db.execute(...)` gives a cursor): queries on an in-memory
// database are CPU work, not I/O. The value is followed through locals and,
// in a method, through the instance's attributes and properties of its own
// class (`self._cursor = self.connection.cursor()`, a `connection` property
// returning `self._connection`, assigned `sqlite3.connect(...)`:
// inMemorySelfAttr); the database may be a class attribute whose declared
// default is `":memory:"` (memoryDatabasePath).
func inMemorySQLite(proj *analysis.Project, m *analysis.Module, n *analysis.Node, depth int) bool {
	if depth > 10 {
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
				return memoryDatabasePath(proj, m, a)
			}
			return false
		}
		if fn.Type() == "attribute" {
			return inMemorySQLite(proj, m, fn.ChildByField("object"), depth+1)
		}
	case "attribute":
		return inMemorySelfAttr(proj, m, n, depth+1)
	case "identifier":
		b := m.ScopeAt(n).Lookup(m.File.Text(n))
		if b == nil || b.Node == nil {
			return false
		}
		if len(b.Values) == 1 && b.Values[0] != nil {
			return inMemorySQLite(proj, m, b.Values[0], depth+1)
		}
		// `with sqlite3.connect(":memory:") as db:`
		for p := b.Node.Parent(); p != nil && p.Type() != "block"; p = p.Parent() {
			if p.Type() == "as_pattern" {
				if named := p.NamedChildren(); len(named) > 0 {
					return inMemorySQLite(proj, m, named[0], depth+1)
				}
			}
		}
	}
	return false
}

// isMemoryLiteral reports the string literal ":memory:".
func isMemoryLiteral(m *analysis.Module, n *analysis.Node) bool {
	t := m.File.Text(analysis.Unparen(n))
	return t == `":memory:"` || t == `':memory:'`
}

// memoryDatabasePath reports a database argument that names the in-memory
// database: the literal `":memory:"`, or `self.NAME` where NAME is an
// attribute that no method of the class assigns and whose class-level
// declaration has the default `":memory:"`: `NAME = ":memory:"`, or a
// setting declared with that default (`Unicode(default_value=":memory:",
// help=...).tag(config=True)`, `Field(default=":memory:")`, a first
// positional argument). The code works in memory unless a user configures a
// file (jupyter-server's session database, whose help text says so); a file
// configured then is a small local database, and the call is still CPU and
// local-disk work of a few rows.
func memoryDatabasePath(proj *analysis.Project, m *analysis.Module, a *analysis.Node) bool {
	a = analysis.Unparen(a)
	if a == nil {
		return false
	}
	if isMemoryLiteral(m, a) {
		return true
	}
	cls, attr := methodSelfAttribute(proj, m, a)
	if cls == nil || len(cls.Attrs[attr]) > 0 {
		return false
	}
	// A subclass of another module that gives the name its own value
	// (methodSelfAttribute looked at the module's own), asked last: the
	// question holds the modules that name the class.
	return declaredMemoryDefault(m, cls, attr) && !proj.SubclassDefines(cls, attr)
}

// declaredMemoryDefault reports whether class cls declares attr with the
// default ":memory:" (see memoryDatabasePath).
func declaredMemoryDefault(m *analysis.Module, cls *analysis.Class, attr string) bool {
	b := cls.Scope.Bindings.Get(attr)
	if b == nil || b.Kind != analysis.BindAssign || len(b.Values) != 1 || b.Values[0] == nil {
		return false
	}
	// A dataclass field (`path: str = ":memory:"`): the default of the
	// `__init__` dataclasses writes, which its callers may override as
	// they may any parameter's default.
	if cls.GeneratedInit() {
		if as := b.Values[0].Parent(); as != nil && as.Type() == "assignment" && as.ChildByField("type") != nil {
			return false
		}
	}
	v := analysis.Unparen(b.Values[0])
	for depth := 0; v != nil && depth < 4; depth++ {
		if isMemoryLiteral(m, v) {
			return true
		}
		if v.Type() != "call" {
			return false
		}
		args := v.ChildByField("arguments")
		if args != nil {
			for i, arg := range args.NamedChildren() {
				if arg.Type() == "keyword_argument" {
					switch m.File.Text(arg.ChildByField("name")) {
					case "default_value", "default":
						if isMemoryLiteral(m, arg.ChildByField("value")) {
							return true
						}
					}
					continue
				}
				if i == 0 && isMemoryLiteral(m, arg) {
					return true
				}
			}
		}
		// `Unicode(...).tag(config=True)`: the declaration the method
		// chain starts from.
		fn := v.ChildByField("function")
		if fn == nil || fn.Type() != "attribute" {
			return false
		}
		v = analysis.Unparen(fn.ChildByField("object"))
	}
	return false
}

// methodSelfAttribute returns the class and attribute name of `self.NAME` written
// in a method of that class (self being the method's first parameter, not
// a static method's), when
// what the class itself binds to NAME is what the method reads: nil when a
// class of the module deriving from it defines NAME itself (a class
// attribute, a method or property, a `self.NAME = ...` of its methods),
// whose instances run the method with that value (`class
// FileStore(DefaultStore): path = "store.db"`).
func methodSelfAttribute(proj *analysis.Project, m *analysis.Module, n *analysis.Node) (*analysis.Class, string) {
	if n == nil || n.Type() != "attribute" {
		return nil, ""
	}
	obj := analysis.Unparen(n.ChildByField("object"))
	f := m.FunctionAt(n)
	for f != nil && f.Lambda {
		f = f.Parent
	}
	if obj == nil || obj.Type() != "identifier" || f == nil || f.Class == nil || len(f.Params) == 0 || m.File.Text(obj) != f.Params[0] ||
		hasDecorator(m, f, "staticmethod") {
		return nil, ""
	}
	attr := m.File.Text(n.ChildByField("attribute"))
	for _, sub := range m.Classes {
		if sub == f.Class || sub.Methods[attr] == nil && len(sub.Attrs[attr]) == 0 && (sub.Scope == nil || sub.Scope.Bindings.Get(attr) == nil) {
			continue
		}
		if derivesInModule(proj, m, sub, f.Class) {
			return nil, ""
		}
	}
	return f.Class, attr
}

// derivesInModule reports whether class sub of m derives from cls: through
// the project when there is one (Project.DerivesFromAny), else through the
// bases m resolves to its own classes.
func derivesInModule(proj *analysis.Project, m *analysis.Module, sub, cls *analysis.Class) bool {
	if proj != nil {
		return proj.DerivesFromAny(sub, map[*analysis.Class]bool{cls: true})
	}
	return m.DerivesInModule(sub, cls)
}

// inMemorySelfAttr reports `self.NAME` in a method whose value is an
// in-memory sqlite connection or cursor: NAME is a property of the class
// whose every returned value is one, or an attribute whose every value
// other than None (the class's `self.NAME = ...` assignments, a class-level
// `NAME = None`) is one.
func inMemorySelfAttr(proj *analysis.Project, m *analysis.Module, n *analysis.Node, depth int) bool {
	cls, attr := methodSelfAttribute(proj, m, n)
	if cls == nil {
		return false
	}
	var values []*analysis.Node
	if getter := cls.Methods[attr]; getter != nil {
		if !getter.IsProperty() || getter.Async || getter.Generator {
			return false
		}
		ok := true
		getter.Node.ChildByField("body").Walk(func(x *analysis.Node) bool {
			switch x.Type() {
			case "function_definition", "lambda", "class_definition":
				return false
			case "return_statement":
				named := x.NamedChildren()
				if len(named) != 1 {
					ok = false
					return false
				}
				values = append(values, named[0])
			}
			return true
		})
		if !ok {
			return false
		}
	} else {
		values = cls.AttrValues(attr)
		if b := cls.Scope.Bindings.Get(attr); b != nil {
			values = append(values, b.Values...)
		}
	}
	return everyValueBesidesNone(values, func(v *analysis.Node) bool { return inMemorySQLite(proj, m, v, depth) }) &&
		!proj.SubclassDefines(cls, attr)
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
	return preds != nil && (waitedUntilReady(m, c, recv, preds) || underReadyCheck(m, c, recv, preds) ||
		afterNotReadyExit(m, c, recv, preds))
}

// afterNotReadyExit reports a call that follows, in a block of its function
// that holds it, an `if` whose condition finds the call not ready and whose
// body never falls through: `if self.q.empty(): return "UP"`, then
// `self.q.get()` (the readiness check of underReadyCheck, written as an
// early exit; corpus 17's MoveQueue.dequeue_oldest_move). The `if` may go
// on with `elif`/`else` clauses: they run only when its condition found
// the call ready, so what falls through them still finds it ready, as
// long as they leave the object alone (readyAlternatives): cylc's
// `for flow_id, flow_queue in flow_delta_queues.items(): if
// flow_queue.empty(): continue / elif flow_id in delta_processing_flows:
// ... / topic, delta_store = flow_queue.get()` (corpus 3).
func afterNotReadyExit(m *analysis.Module, c *analysis.Call, recv string, preds []string) bool {
	for child, q := c.Node, c.Node.Parent(); q != nil && !isDef(q); child, q = q, q.Parent() {
		if repeatsUnchecked(m, q, c, recv, preds) {
			return false
		}
		if q.Type() != "block" && q.Type() != "module" {
			continue
		}
		for _, st := range q.NamedChildren() {
			if st.Start >= child.Start {
				break
			}
			if st.Type() != "if_statement" || !readyAlternatives(m, st, recv, preds) {
				continue
			}
			cond := st.ChildByField("condition")
			if mentionsPredicate(m, cond, recv, preds) && !truthMeansReady(m, cond, recv, preds) &&
				!fallsThrough(m, statements(st.ChildByField("consequence"))) {
				return true
			}
		}
	}
	return false
}

// readyAlternatives reports whether the `elif`/`else` clauses of if
// statement st (none at all, too) leave the object recv names alone: recv
// appears in them only as the receiver of a readiness predicate
// (`elif q.qsize() > 10:`) or an operand of a comparison (`elif q in
// busy:`), never rebound, handed over or called another method of (`else:
// q.get()` would take the item the check found).
func readyAlternatives(m *analysis.Module, st *analysis.Node, recv string, preds []string) bool {
	ok := true
	for _, alt := range st.ChildrenByField("alternative") {
		alt.Walk(func(n *analysis.Node) bool {
			if !ok {
				return false
			}
			if (n.Type() != "identifier" && n.Type() != "attribute") || m.File.Text(n) != recv {
				return true
			}
			attr := n.Parent()
			if attr != nil && attr.Type() == "attribute" && n.Field() == "object" && attr.Field() == "function" &&
				slices.Contains(preds, m.File.Text(attr.ChildByField("attribute"))) {
				return false
			}
			// Compared (`elif q in busy:`, `elif q is primary:`): read, not
			// taken from.
			if attr != nil && attr.Type() == "comparison_operator" {
				return false
			}
			ok = false
			return false
		})
	}
	return ok
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
	if !strings.HasPrefix(recv, "self.") || !strings.Contains(text, "self.") {
		return false
	}
	found := false
	walkBody(cond, func(n *analysis.Node) bool {
		if e := predicateMethodReturn(m, n); e != nil && !found {
			found = mentionsPredicate(m, e, recv, preds)
		}
		return !found
	})
	return found
}

// predicateMethodReturn is, for a call `self.name()` without arguments
// whose method (of the class of the function holding the call, in this
// module) is a single `return EXPR` (after a docstring), that EXPR: a
// readiness predicate behind a method of its own (pyzmq's ZMQStream
// `sending()` returns `not self._send_queue.empty()`, and `if not
// self.sending(): return` guards the `self._send_queue.get()` after it).
// A returned expression that itself calls such a method is not expanded
// further. nil otherwise.
func predicateMethodReturn(m *analysis.Module, n *analysis.Node) *analysis.Node {
	if n == nil || n.Type() != "call" {
		return nil
	}
	fn, args := n.ChildByField("function"), n.ChildByField("arguments")
	if fn == nil || fn.Type() != "attribute" || m.File.Text(fn.ChildByField("object")) != "self" ||
		args == nil || len(args.NamedChildren()) > 0 {
		return nil
	}
	holder := m.FunctionAt(n)
	for holder != nil && holder.Class == nil && holder.Lambda {
		holder = m.FunctionAt(holder.Node.Parent())
	}
	if holder == nil || holder.Class == nil {
		return nil
	}
	method := holder.Class.Methods[m.File.Text(fn.ChildByField("attribute"))]
	if method == nil || method.Async || method.Generator || method.Module() != m {
		return nil
	}
	body := statements(method.Node.ChildByField("body"))
	if len(body) > 0 && body[0].Type() == "expression_statement" && len(body) > 1 {
		if first := body[0].NamedChildren(); len(first) == 1 && first[0].Type() == "string" {
			body = body[1:]
		}
	}
	if len(body) != 1 || body[0].Type() != "return_statement" {
		return nil
	}
	ret := body[0].NamedChildren()
	if len(ret) != 1 || strings.Contains(m.File.Text(ret[0]), "self.") && containsSelfMethodCall(m, ret[0]) {
		return nil
	}
	return ret[0]
}

// containsSelfMethodCall reports a call `self.x()` within n.
func containsSelfMethodCall(m *analysis.Module, n *analysis.Node) bool {
	found := false
	walkBody(n, func(k *analysis.Node) bool {
		if k.Type() == "call" {
			if fn := k.ChildByField("function"); fn != nil && fn.Type() == "attribute" {
				obj := fn.ChildByField("object")
				if obj != nil && obj.Type() == "identifier" && m.File.Text(obj) == "self" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// readyWhenTrue are the readiness predicates that are true when the
// blocking call would not wait (`q.qsize()`, `e.is_set()`, `f.done()`);
// the others (`q.empty()`, `t.is_alive()`, `lock.locked()`) are true
// when it would.
var readyWhenTrue = map[string]bool{"qsize": true, "is_set": true, "done": true, "poll": true}

// truthMeansReady reports whether cond being true means the call on recv
// would not wait: `q.qsize()`, `not q.empty()`, `q.qsize() > 0`; false for
// `q.empty()`, `not q.qsize()`, `q.qsize() == 0`. In an `and`, one ready
// operand is enough; anything else is read by the predicate alone.
func truthMeansReady(m *analysis.Module, cond *analysis.Node, recv string, preds []string) bool {
	cond = analysis.Unparen(cond)
	if cond == nil {
		return false
	}
	switch cond.Type() {
	case "not_operator":
		return !truthMeansReady(m, cond.ChildByField("argument"), recv, preds)
	case "boolean_operator":
		if m.File.Text(cond.ChildByField("operator")) == "and" {
			for _, side := range []*analysis.Node{cond.ChildByField("left"), cond.ChildByField("right")} {
				if mentionsPredicate(m, side, recv, preds) && truthMeansReady(m, side, recv, preds) {
					return true
				}
			}
			return false
		}
	case "call":
		if e := predicateMethodReturn(m, cond); e != nil && mentionsPredicate(m, e, recv, preds) {
			return truthMeansReady(m, e, recv, preds)
		}
	case "comparison_operator":
		text := m.File.Text(cond)
		ready := true
		for _, p := range preds {
			if strings.Contains(text, recv+"."+p+"(") {
				ready = readyWhenTrue[p]
			}
		}
		if strings.HasSuffix(strings.TrimSpace(text), "== 0") || strings.HasSuffix(strings.TrimSpace(text), "< 1") {
			return !ready
		}
		return ready
	}
	text := m.File.Text(cond)
	for _, p := range preds {
		if strings.Contains(text, recv+"."+p+"(") {
			return readyWhenTrue[p]
		}
	}
	return false
}

// waitedUntilReady: an earlier statement of the block holding the call's
// statement (or of an enclosing block) is a while loop on the readiness
// predicate whose body awaits (`while q.empty(): await asyncio.sleep(0)`).
func waitedUntilReady(m *analysis.Module, c *analysis.Call, recv string, preds []string) bool {
	for n := c.Node; n.Parent() != nil && !isDef(n); n = n.Parent() {
		if repeatsUnchecked(m, n, c, recv, preds) {
			return false
		}
		if n.Parent().Type() != "block" && n.Parent().Type() != "module" {
			continue
		}
		for _, s := range n.Parent().NamedChildren() {
			if s.Start >= n.Start {
				break
			}
			if s.Type() == "while_statement" && mentionsPredicate(m, s.ChildByField("condition"), recv, preds) &&
				!truthMeansReady(m, s.ChildByField("condition"), recv, preds) &&
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
	for q := c.Node.Parent(); q != nil && !isDef(q); q = q.Parent() {
		switch q.Type() {
		case "if_statement", "elif_clause", "while_statement":
			body := q.ChildByField("consequence")
			if q.Type() == "while_statement" {
				body = q.ChildByField("body") // `while q.qsize(): q.get()`
			}
			if body != nil && isAncestor(body, c.Node) &&
				mentionsPredicate(m, q.ChildByField("condition"), recv, preds) &&
				truthMeansReady(m, q.ChildByField("condition"), recv, preds) {
				return true
			}
		case "conditional_expression", "boolean_operator":
			if mentionsPredicate(m, q, recv, preds) {
				return true
			}
		}
		if repeatsUnchecked(m, q, c, recv, preds) {
			return false
		}
	}
	return false
}

// repeatsUnchecked reports a for or while loop whose body holds call c and
// whose header does not ask the readiness predicate: its later rounds call
// again with no new check, so a check made before the loop covers the
// first round only (`if q.empty(): return` or `if not q.empty():`, then
// `while True: q.get()`). A header that asks it (`while q.qsize():`,
// `for _ in range(q.qsize()):`), or a for loop that binds the receiver
// anew each round, is left to the checks themselves.
func repeatsUnchecked(m *analysis.Module, loop *analysis.Node, c *analysis.Call, recv string, preds []string) bool {
	var header *analysis.Node
	switch loop.Type() {
	case "while_statement":
		header = loop.ChildByField("condition")
	case "for_statement":
		header = loop.ChildByField("right")
		// `for t in threads: t.join()`: each round has its own receiver.
		root, _, _ := strings.Cut(recv, ".")
		if left := loop.ChildByField("left"); left != nil && analysis.ContainsIdentifier(m.File.Text(left), root) {
			return false
		}
	default:
		return false
	}
	body := loop.ChildByField("body")
	return body != nil && isAncestor(body, c.Node) && !mentionsPredicate(m, header, recv, preds)
}

// A thread lock is a problem for the event loop only when some holder keeps
// it long: acquiring it then waits for that holder. A private lock of a
// module (an attribute `_name` assigned nothing but `threading.Lock()` or
// `RLock()` there, private so no other module takes it) whose every critical
// section in the module is brief cannot stall the loop for long: janus's
// queue mutex, held by the thread side and the loop side only around a few
// constant-time statements.
//
// A critical section is brief when, while the lock is held, nothing awaits
// or yields, and no call that asyncls knows can block runs: no blocking
// library call, no `with` of another lock, and no function of this module
// that does one of those (followed a few calls deep). Waiting on a
// `threading.Condition` built on the lock releases it, so it does not count.
// A section is the body of `with lock:` (or of `with cond:`), or the code
// of a function that may run between its `lock.acquire()` and a
// `lock.release()` (followed statement by statement: acquireSectionIsBrief).
// Any other use of the lock (passed to a call, returned, an acquire never
// released in its function) makes its sections unknown, and its acquires
// stay reported.

// lockMethodsInSection are the methods of a lock or of a Condition built
// on it that a critical section may call on it without waiting for another
// holder (wait and wait_for release the lock while they wait).
var lockMethodsInSection = map[string]bool{"release": true, "locked": true, "notify": true, "notify_all": true,
	"notifyAll": true, "wait": true, "wait_for": true}

// briefLock reports whether c is the acquire() of a private lock of
// module m whose every critical section is brief.
func briefLock(m *analysis.Module, c *analysis.Call) bool {
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || m.File.Text(fn.ChildByField("attribute")) != "acquire" {
		return false // a Condition's wait() waits for a notify, however brief the sections
	}
	recv := analysis.Unparen(fn.ChildByField("object"))
	if recv == nil || recv.Type() != "attribute" {
		return false
	}
	brief := m.Memo("brief-locks", func() any { return briefLocks(m) }).(map[string]bool)
	return brief[m.File.Text(recv.ChildByField("attribute"))]
}

// briefLocks returns the attribute names of the module's private locks
// whose every critical section is brief.
func briefLocks(m *analysis.Module) map[string]bool {
	f := m.File
	// What each attribute name is assigned anywhere in the module: "lock",
	// "cond:<lock attribute>", or "other".
	kinds := map[string]map[string]bool{}
	note := func(attr, kind string) {
		if kinds[attr] == nil {
			kinds[attr] = map[string]bool{}
		}
		kinds[attr][kind] = true
	}
	// The callees of the values assigned to each attribute name ("" when
	// not a call or unknown): what an attribute of unknown owner holds.
	assigned := map[string][]string{}
	f.Root.Walk(func(n *analysis.Node) bool {
		if n.Type() != "assignment" && n.Type() != "augmented_assignment" {
			return true
		}
		left, right := n.ChildByField("left"), analysis.Unparen(n.ChildByField("right"))
		if left == nil {
			return true
		}
		if left.Type() != "attribute" || n.Type() != "assignment" {
			left.Walk(func(t *analysis.Node) bool {
				if t.Type() == "attribute" {
					note(f.Text(t.ChildByField("attribute")), "other")
					assigned[f.Text(t.ChildByField("attribute"))] = append(assigned[f.Text(t.ChildByField("attribute"))], "")
				}
				return true
			})
			return true
		}
		attr := f.Text(left.ChildByField("attribute"))
		assigned[attr] = append(assigned[attr], calleeOf(m, right))
		switch pylib.ThreadLockKindOf(calleeOf(m, right)) {
		case pylib.MutexLock:
			note(attr, "lock")
		case pylib.ConditionOnLock:
			var arg *analysis.Node
			if args := right.ChildByField("arguments"); args != nil {
				if named := args.NamedChildren(); len(named) == 1 {
					arg = analysis.Unparen(named[0])
				}
			}
			if arg != nil && arg.Type() == "attribute" {
				note(attr, "cond:"+f.Text(arg.ChildByField("attribute")))
			} else {
				note(attr, "other")
			}
		default:
			note(attr, "other")
		}
		return true
	})
	private := func(attr string) bool {
		return strings.HasPrefix(attr, "_") && !strings.HasSuffix(attr, "__")
	}
	only := func(attr, kind string) bool { return len(kinds[attr]) == 1 && kinds[attr][kind] }

	calls := callByNode(m)
	brief := map[string]bool{}
	for lock := range kinds {
		if !private(lock) || !only(lock, "lock") {
			continue
		}
		members := map[string]bool{lock: true}
		for attr := range kinds {
			if private(attr) && only(attr, "cond:"+lock) {
				members[attr] = true
			}
		}
		s := &sectionCheck{m: m, calls: calls, members: members, assigned: assigned,
			visited: map[*analysis.Function]bool{}, flowed: map[*analysis.Function]bool{}}
		brief[lock] = s.allSectionsBrief()
	}
	return brief
}

// sectionCheck checks the critical sections of one lock (members: its
// attribute name and those of the Conditions built on it).
type sectionCheck struct {
	m        *analysis.Module
	calls    map[*analysis.Node]*analysis.Call
	members  map[string]bool
	assigned map[string][]string // attribute name -> callees of its assigned values
	visited  map[*analysis.Function]bool
	flowed   map[*analysis.Function]bool // functions whose acquire sections were followed
	failed   bool                        // a section found not brief by the flow
	names    map[string]bool             // blockingNames, made when first needed
	roots    map[string]bool             // pylib.Roots, made when first needed
}

// libraryTypes returns the library types an attribute receiver
// (`self._parent._pending`) holds, by the values assigned to that attribute
// name anywhere in the module, when every one is a call of a builtin or of
// a library the tables know (`set()`, `asyncio.Event()`); ok is false
// otherwise.
func (s *sectionCheck) libraryTypes(recv *analysis.Node) (types []string, ok bool) {
	recv = analysis.Unparen(recv)
	if recv == nil || recv.Type() != "attribute" {
		return nil, false
	}
	values := s.assigned[s.m.File.Text(recv.ChildByField("attribute"))]
	if len(values) == 0 {
		return nil, false
	}
	if s.roots == nil {
		s.roots = pylib.Roots()
	}
	for _, callee := range values {
		// (A callee without a module is a builtin: `set()`, `open()`.)
		root, _, dotted := strings.Cut(callee, ".")
		if callee == "" || dotted && !s.roots[root] {
			return nil, false
		}
		if t, known := pylib.ReturnType(callee); known && t != "" {
			callee = t
		}
		types = append(types, callee)
	}
	return types, true
}

// blockingNames is the set of the last names of the blocking APIs of the
// library table (`sendall`, `recv`, `execute`, `read`...), leaving out the
// request methods of service clients, whose names (`append`, `find_one`)
// say nothing of an unknown receiver.
func (s *sectionCheck) blockingNames() map[string]bool {
	if s.names == nil {
		s.names = map[string]bool{}
		pylib.Each(pylib.Blocking, func(a pylib.API) {
			if !a.ServiceRequest {
				s.names[a.Name[strings.LastIndexByte(a.Name, '.')+1:]] = true
			}
		})
	}
	return s.names
}

// isMember reports whether n is an attribute naming the lock or one of
// its Conditions (`self._parent._mutex`).
func (s *sectionCheck) isMember(n *analysis.Node) bool {
	n = analysis.Unparen(n)
	return n != nil && n.Type() == "attribute" && s.members[s.m.File.Text(n.ChildByField("attribute"))]
}

// allSectionsBrief finds every use of the lock in the module and checks
// the critical section it opens.
func (s *sectionCheck) allSectionsBrief() bool {
	ok := true
	s.m.File.Root.Walk(func(n *analysis.Node) bool {
		if !ok {
			return false
		}
		if !s.isMember(n) {
			return true
		}
		ok = s.useIsBrief(n)
		return false
	})
	return ok
}

// useIsBrief checks one use n of the lock.
func (s *sectionCheck) useIsBrief(n *analysis.Node) bool {
	p := n.Parent()
	switch {
	case p == nil:
		return false
	case p.Type() == "assignment" && p.ChildByField("left") == n:
		return true // its creation, checked by briefLocks
	case p.Type() == "with_item" || p.Type() == "as_pattern" && p.Parent() != nil && p.Parent().Type() == "with_item":
		for w := p; w != nil; w = w.Parent() {
			if w.Type() == "with_statement" {
				return s.regionIsBrief(w.ChildByField("body"), 0)
			}
		}
		return false
	case p.Type() == "argument_list" && p.Parent() != nil && pylib.ThreadLockKindOf(calleeOf(s.m, p.Parent())) == pylib.ConditionOnLock:
		return true // a Condition built on it: one of the members
	case p.Type() == "attribute" && p.ChildByField("object") == n && p.Parent() != nil && p.Parent().Type() == "call" &&
		p.Parent().ChildByField("function") == p:
		method := s.m.File.Text(p.ChildByField("attribute"))
		if method != "acquire" {
			return lockMethodsInSection[method]
		}
		return s.acquireSectionIsBrief(p.Parent())
	}
	return false
}

// acquireSectionIsBrief checks the code that may run with the lock held
// after acquire, in its function: the statements are followed in order
// with the set of states the lock may be in (held or free), an if joining
// its branches, a loop repeating until its states settle, an except or
// finally clause starting from any state of the try body. A return, raise,
// break or continue is read as falling through, which can only add held
// states. The function must release the lock somewhere after acquire (an
// acquire released by someone else later is held for who knows how long).
func (s *sectionCheck) acquireSectionIsBrief(acquire *analysis.Node) bool {
	fn := s.m.FunctionAt(acquire)
	if fn == nil {
		return false
	}
	body := fn.Node.ChildByField("body")
	released := false
	walkBody(body, func(n *analysis.Node) bool {
		if n.Start > acquire.End && s.lockCall(n) == "release" {
			released = true
		}
		return !released
	})
	if !released {
		return false
	}
	if s.flowed[fn] {
		return !s.failed
	}
	s.flowed[fn] = true
	s.block(body, mayBeFree)
	return !s.failed
}

// lockStates is the set of states the lock may be in at a statement.
type lockStates uint8

const (
	mayBeFree lockStates = 1 << iota
	mayBeHeld
)

// lockCall returns the method when n is a call of a method of the lock
// (`self._mutex.acquire()` gives "acquire"), else "".
func (s *sectionCheck) lockCall(n *analysis.Node) string {
	if n.Type() != "call" {
		return ""
	}
	fn := n.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || !s.isMember(fn.ChildByField("object")) {
		return ""
	}
	return s.m.File.Text(fn.ChildByField("attribute"))
}

// block follows the statements of a block from the states in.
func (s *sectionCheck) block(n *analysis.Node, in lockStates) lockStates {
	st := in
	for _, stmt := range statements(n) {
		st = s.statement(stmt, st)
	}
	return st
}

// check marks the lock's sections not brief when n may run with the lock
// held and awaits, yields or can block.
func (s *sectionCheck) check(n *analysis.Node, st lockStates) {
	if n != nil && st&mayBeHeld != 0 && !s.failed && !s.regionIsBrief(n, 0) {
		s.failed = true
	}
}

// statement follows one statement from the states in.
func (s *sectionCheck) statement(n *analysis.Node, in lockStates) lockStates {
	switch n.Type() {
	case "function_definition", "class_definition", "decorated_definition":
		return in // runs later, if at all
	case "if_statement":
		s.check(n.ChildByField("condition"), in)
		out := s.block(n.ChildByField("consequence"), in)
		hasElse := false
		for _, alt := range n.ChildrenByField("alternative") {
			switch alt.Type() {
			case "elif_clause":
				s.check(alt.ChildByField("condition"), in)
				out |= s.block(alt.ChildByField("consequence"), in)
			case "else_clause":
				hasElse = true
				out |= s.block(alt.ChildByField("body"), in)
			}
		}
		if !hasElse {
			out |= in
		}
		return out
	case "while_statement", "for_statement":
		s.check(n.ChildByField("right"), in)
		entry := in
		for i := 0; i < 3; i++ {
			s.check(n.ChildByField("condition"), entry)
			end := s.block(n.ChildByField("body"), entry)
			if entry|end == entry {
				break
			}
			entry |= end
		}
		out := entry
		if alt := n.ChildByField("alternative"); alt != nil {
			out |= s.block(alt.ChildByField("body"), entry)
		}
		return out
	case "try_statement":
		bodyOut := s.block(n.ChildByField("body"), in)
		// An exception may leave the body at any statement.
		anywhere := in | bodyOut
		walkBody(n.ChildByField("body"), func(c *analysis.Node) bool {
			switch s.lockCall(c) {
			case "acquire":
				anywhere |= mayBeHeld
			case "release":
				anywhere |= mayBeFree
			}
			return true
		})
		out := bodyOut
		var finally *analysis.Node
		for _, ch := range n.NamedChildren() {
			switch ch.Type() {
			case "except_clause", "except_group_clause":
				_, _, body := exceptParts(ch)
				out |= s.block(body, anywhere)
			case "else_clause":
				out |= s.block(ch.ChildByField("body"), bodyOut)
			case "finally_clause":
				finally = ch
			}
		}
		if finally != nil {
			var body *analysis.Node
			for _, ch := range finally.NamedChildren() {
				if ch.Type() == "block" {
					body = ch
				}
			}
			return s.block(body, out|anywhere)
		}
		return out
	case "with_statement":
		for _, ch := range n.NamedChildren() {
			if ch.Type() == "with_clause" {
				s.check(ch, in)
			}
		}
		return s.block(n.ChildByField("body"), in)
	}
	// A simple statement (or one not followed inside): checked whole, then
	// the lock's last acquire or release in it says its state.
	s.check(n, in)
	out := in
	walkBody(n, func(c *analysis.Node) bool {
		switch s.lockCall(c) {
		case "acquire":
			out = mayBeHeld
		case "release":
			out = mayBeFree
		}
		return true
	})
	return out
}

// regionIsBrief reports whether the code of n (nested defs excluded: they
// do not run here) neither awaits nor yields nor calls anything that can
// block. depth counts the functions followed into.
func (s *sectionCheck) regionIsBrief(n *analysis.Node, depth int) bool {
	if n == nil {
		return true
	}
	ok := true
	walkBody(n, func(c *analysis.Node) bool {
		if !ok {
			return false
		}
		switch {
		case c.Type() == "await" || isYield(c):
			ok = false
		case c.Type() == "with_item":
			// Another lock taken inside the section may wait for its holder.
			v := analysis.Unparen(c.ChildByField("value"))
			if v != nil && v.Type() == "as_pattern" {
				if named := v.NamedChildren(); len(named) > 0 {
					v = analysis.Unparen(named[0])
				}
			}
			if v == nil || v.Type() != "call" && !s.isMember(v) {
				ok = false
			}
		case c.Type() == "call":
			if fnNode := c.ChildByField("function"); fnNode != nil && fnNode.Type() == "attribute" &&
				s.isMember(fnNode.ChildByField("object")) {
				return true // the lock's own methods
			}
			if s.callCanBlock(s.calls[c], depth) {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// callCanBlock reports whether call c is a blocking library call (as the
// library table names it, whatever its arguments) or calls a synchronous
// function of this module whose body can block. A method call whose
// receiver is unknown is followed to every method of that name defined in
// the module; with none, it may block when a blocking API has its name.
func (s *sectionCheck) callCanBlock(c *analysis.Call, depth int) bool {
	if c == nil {
		return false
	}
	if _, ok := blockingNamed(c.Callee); ok {
		return true
	}
	if depth >= 4 {
		return false
	}
	var targets []*analysis.Function
	switch {
	case c.Target != nil:
		targets = []*analysis.Function{c.Target}
	case c.Callee == "":
		fnNode := c.Node.ChildByField("function")
		name := ""
		switch {
		case fnNode == nil:
		case fnNode.Type() == "attribute":
			name = s.m.File.Text(fnNode.ChildByField("attribute"))
			if types, ok := s.libraryTypes(fnNode.ChildByField("object")); ok {
				for _, t := range types {
					if _, blocks := blockingNamed(t + "." + name); blocks {
						return true
					}
				}
				return false
			}
			for _, f := range s.m.Functions {
				if f.Name == name && f.Class != nil {
					targets = append(targets, f)
				}
			}
		case fnNode.Type() == "identifier":
			name = s.m.File.Text(fnNode)
		}
		// Nothing known of it: a call named like a blocking API
		// (`self._conn.sendall`, `sock.recv`) may be one.
		if len(targets) == 0 && (name == "" || s.blockingNames()[name]) {
			return true
		}
	}
	for _, t := range targets {
		if t.Async || t.Generator || s.visited[t] {
			continue // a coroutine or generator function runs nothing when called
		}
		s.visited[t] = true
		if !s.regionIsBrief(t.Node.ChildByField("body"), depth+1) {
			return true
		}
	}
	return false
}

// toldToStop reports a join() of a thread (or process) that the same
// function told to stop before joining it: a sentinel put on a queue
// (`q.put(None)`, `q.put(_STOP)`), an event set (`self._stop.set()`), a
// thread's event loop stopped (`loop.call_soon_threadsafe(loop.stop)`), or
// the joined object itself stopped (`p.terminate()`, `p.kill()`,
// `timer.cancel()`, `t.stop()`). The join then waits for the rest of the
// thread's current step, not for its work (aiortc's decoder thread,
// textual's key reader, xknx's connection thread); a join with no such
// signal before it waits for whatever the thread does.
func toldToStop(proj *analysis.Project, m *analysis.Module, join *analysis.Call, thread *analysis.Node) bool {
	f := m.File
	joined := f.Text(thread)
	// Unless the thread's step may itself wait for the event loop
	// (`run_coroutine_threadsafe(coro, loop).result()`): joined from the
	// loop, that step cannot finish until the join gives up.
	th := threadOf(proj, m, thread)
	stepIsOwn := th.target != nil && !waitsOnLoop(th.module, th.target, 2)
	calls := m.Calls // a join at module level: its calls are the module's
	if join.Func != nil {
		calls = join.Func.Calls
	}
	for _, c := range calls {
		if c.Func != join.Func || c.Node.Start >= join.Node.Start {
			continue
		}
		fn := c.Node.ChildByField("function")
		if fn == nil || fn.Type() != "attribute" {
			continue
		}
		method := f.Text(fn.ChildByField("attribute"))
		args := c.Node.ChildByField("arguments")
		var first *analysis.Node
		nargs := 0
		if args != nil {
			nargs = len(args.NamedChildren())
			if nargs > 0 {
				first = analysis.Unparen(args.NamedChildren()[0])
			}
		}
		switch pylib.StopSignals[method] {
		case pylib.StopBySentinel:
			if nargs == 1 && stopSentinel(f, first) && stepIsOwn && th.knowsOf(f, fn.ChildByField("object")) &&
				looksFor(th.module, th.target, sentinelName(f, first), 2) {
				return true
			}
		case pylib.StopByEvent:
			if nargs == 0 && stepIsOwn && th.knowsOf(f, fn.ChildByField("object")) {
				return true
			}
		case pylib.StopByLoopStop:
			if first != nil && first.Type() == "attribute" && f.Text(first.ChildByField("attribute")) == pylib.LoopStopMethod && stepIsOwn &&
				th.knowsOf(f, first.ChildByField("object")) {
				return true
			}
		case pylib.StopByKill:
			// A process ended by a signal: its code no longer runs.
			if f.Text(fn.ChildByField("object")) == joined {
				return true
			}
		case pylib.StopByOwnMethod:
			if f.Text(fn.ChildByField("object")) == joined && stepIsOwn {
				return true
			}
		}
	}
	return false
}

// sentinelName is the name a thread's code must mention to recognise the
// sentinel n (stopSentinel): `None`, or the constant's name.
func sentinelName(f *analysis.File, n *analysis.Node) string {
	if n.Type() == "attribute" {
		n = n.ChildByField("attribute")
	}
	return f.Text(n)
}

// looksFor reports whether fn, or a function of its module it calls
// (depth calls deep), mentions name: a thread that never compares what it
// reads with the sentinel treats it as one more item and keeps reading, so
// the join still waits for whatever comes next. None, being false, is
// also recognised by a test of a value's truth (`if not item: break`,
// `while item := q.get():`).
func looksFor(m *analysis.Module, fn *analysis.Function, name string, depth int) bool {
	if analysis.ContainsIdentifier(m.File.Text(fn.Node), name) || name == "None" && testsTruth(m, fn) {
		return true
	}
	for _, c := range fn.Calls {
		if depth > 0 && c.Target != nil && c.Target != fn && looksFor(m, c.Target, name, depth-1) {
			return true
		}
	}
	return false
}

// testsTruth reports a test in fn of a local's truth that ends the
// thread's work when the value is false: `while item := q.get():` or
// `while item:`, or an if (or elif) on `not item` whose body leaves
// (`break`, `return`, `raise`), or on `item` whose else does. The local is
// a name or an assignment expression; an attribute (`while self.running:`)
// is a flag of the thread, not the item it read, and `if not item:
// continue` skips a false item rather than stopping.
func testsTruth(m *analysis.Module, fn *analysis.Function) bool {
	found := false
	walkBody(fn.Node.ChildByField("body"), func(n *analysis.Node) bool {
		switch n.Type() {
		case "if_statement", "elif_clause", "while_statement":
			inner, negated := analysis.StripNot(n.ChildByField("condition"))
			if inner == nil || inner.Type() != "identifier" && inner.Type() != "named_expression" {
				break
			}
			if n.Type() == "while_statement" {
				found = found || !negated
				break
			}
			onFalse := n.ChildByField("consequence")
			if !negated {
				onFalse = nil
				if n.Type() == "if_statement" {
					for _, c := range n.NamedChildren() {
						if c.Type() == "else_clause" {
							onFalse = c.ChildByField("body")
						}
					}
				}
			}
			found = found || onFalse != nil && leavesLoop(onFalse)
		}
		return !found
	})
	return found
}

// leavesLoop reports a break, return or raise statement in block (not in a
// loop or function it holds, for a break).
func leavesLoop(block *analysis.Node) bool {
	found := false
	walkBody(block, func(n *analysis.Node) bool {
		switch n.Type() {
		case "return_statement", "raise_statement", "break_statement":
			found = true
		case "for_statement", "while_statement":
			return false
		}
		return !found
	})
	return found
}

// stopSentinel: None, or a constant's name (`_STOP`, `SENTINEL`,
// `self._SHUTDOWN`) put on a queue to tell its consumer to finish.
func stopSentinel(f *analysis.File, n *analysis.Node) bool {
	if n == nil {
		return false
	}
	if n.Type() == "none" {
		return true
	}
	if n.Type() == "attribute" {
		n = n.ChildByField("attribute")
	}
	if n.Type() != "identifier" {
		return false
	}
	name := strings.TrimLeft(f.Text(n), "_")
	return name != "" && strings.ToUpper(name) == name && strings.ToLower(name) != name
}

// joinedThread is what is known of a thread object: the module holding the
// call that made it (`threading.Thread(target=..., args=...)`), that call,
// and the target function when the project defines it.
type joinedThread struct {
	module *analysis.Module
	ctor   *analysis.Node
	target *analysis.Function
}

// threadOf finds how the thread object thread was made. toldToStop counts
// a stop only for a target the project defines whose code (and the
// functions of its module it calls, two calls deep) never waits for an
// event loop (waitsOnLoop: a heartbeat thread that runs each beat on the
// loop and waits for it, realbugs29's NormalizerRuntime, would wait for
// the loop that joins it); a target the project does not define is not
// known.
func threadOf(proj *analysis.Project, m *analysis.Module, thread *analysis.Node) joinedThread {
	tm, ctor := constructorCallIn(proj, m, thread)
	if ctor == nil {
		return joinedThread{}
	}
	th := joinedThread{module: tm, ctor: ctor}
	c := moduleCallAt(tm, ctor)
	if c == nil {
		return th
	}
	target := c.Keyword("target", tm.File)
	if target == nil {
		target = c.Positional(1)
	}
	if target != nil {
		th.target = tm.Resolve(target).Func
	}
	return th
}

// knowsOf reports whether the thread can see the object a stop signal goes
// to (a queue, an event, a loop): the object's name (its last attribute,
// `self._stop` -> `_stop`) is written in the call that made the thread (an
// argument, `args=(q,)`) or in the target's own code (`self._stop.is_set()`).
func (th joinedThread) knowsOf(f *analysis.File, obj *analysis.Node) bool {
	if th.ctor == nil || obj == nil {
		return false
	}
	name := f.Text(obj)
	if obj.Type() == "attribute" {
		name = f.Text(obj.ChildByField("attribute"))
	}
	if name == "" || name == "self" {
		return false
	}
	if analysis.ContainsIdentifier(th.module.File.Text(th.ctor), name) {
		return true
	}
	return th.target != nil && mentionsIn(th.target, name, 2)
}

// mentionsIn reports whether fn's code, or that of a function of its
// module it calls (depth calls deep), writes name as an identifier.
func mentionsIn(fn *analysis.Function, name string, depth int) bool {
	if fn.Node != nil && analysis.ContainsIdentifier(fn.Module().File.Text(fn.Node), name) {
		return true
	}
	if depth == 0 {
		return false
	}
	for _, c := range fn.Calls {
		if c.Target != nil && c.Target != fn && mentionsIn(c.Target, name, depth-1) {
			return true
		}
	}
	return false
}

// waitsOnLoop reports a function that submits a coroutine to an event loop
// from its thread and waits for its result, itself or through the
// functions of its module it calls, depth calls deep.
func waitsOnLoop(m *analysis.Module, fn *analysis.Function, depth int) bool {
	submits, waits := false, false
	for _, c := range fn.Calls {
		if waitsItself, ok := pylib.FromThreadToLoop[calleeName(m, c)]; ok {
			if waitsItself {
				return true
			}
			submits = true
		} else if strings.HasSuffix(m.File.Text(c.Node.ChildByField("function")), "."+pylib.FutureWaitMethod) {
			waits = true
		}
		if depth > 0 && c.Target != nil && c.Target != fn && waitsOnLoop(m, c.Target, depth-1) {
			return true
		}
	}
	return submits && waits
}

// downloadMethods are the coroutine methods whose awaited result is a page
// an async HTTP client or browser has fetched: a response's body (`await
// resp.text()`, `read()`), the request that makes the response (`await
// client.get(url)`, then `.text`), a browser page's markup (`await
// page.content()`).
var downloadMethods = map[string]bool{"text": true, "read": true, "content": true, "body": true, "get": true,
	"fetch": true, "request": true, "post": true, "html": true, "inner_html": true, "page_source": true,
	"download": true}

// awaitedDownload reports an await (pylib.UnblockedUnlessDownloaded) of a
// download: a method of downloadMethods on a receiver that is not the
// request a server handles (`await request.json()`, `await
// request.text()` hold what a client sent: a fragment), or a function of
// the project or a library named for fetching a page (`await
// fetch_html(url)`, `await self.crawler.async_send(request)`). Other awaited values (a message body, a rendered
// template, a websocket frame, a thread's result) are not taken for
// downloaded pages.
func awaitedDownload(m *analysis.Module, n *analysis.Node) bool {
	named := n.NamedChildren()
	if len(named) != 1 {
		return false
	}
	call := analysis.Unparen(named[0])
	if call == nil || call.Type() != "call" {
		return false
	}
	fn := call.ChildByField("function")
	switch {
	case fn == nil:
		return false
	case fn.Type() == "attribute":
		recv := analysis.Unparen(fn.ChildByField("object"))
		name := ""
		switch {
		case recv == nil:
		case recv.Type() == "identifier":
			name = m.File.Text(recv)
		case recv.Type() == "attribute":
			name = m.File.Text(recv.ChildByField("attribute"))
		}
		if r := strings.ToLower(strings.TrimLeft(name, "_")); r == "req" || strings.HasSuffix(r, "request") {
			return false
		}
		method := m.File.Text(fn.ChildByField("attribute"))
		return downloadMethods[method] || namedForFetching(method)
	case fn.Type() == "identifier":
		return namedForFetching(m.File.Text(fn))
	}
	return false
}

// namedForFetching reports a function or method name that says it fetches
// a page: `fetch_html`, `download`, `async_send` (a crawler's request),
// `get_page`.
func namedForFetching(name string) bool {
	name = strings.ToLower(name)
	for _, w := range []string{"fetch", "download", "crawl", "scrape", "send", "request", "get_page", "get_html", "http_get"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}
