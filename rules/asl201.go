package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASL201 reports blocking calls reached through synchronous helpers.
var ASL201 = register(&Rule{
	Code:    "ASL201",
	Name:    "blocking-call-via-helper",
	Summary: "Blocking call reached from a coroutine through synchronous helpers",
	Rationale: "Linters stop at the function boundary: `time.sleep` in a coroutine is caught, but a coroutine that " +
		"calls `load_config()`, which calls `requests.get`, blocks the event loop just the same. asyncls follows calls " +
		"into the project's synchronous functions and methods, across modules, up to three functions deep by default.",
	Bad: `import requests

def load_config(url):
    return requests.get(url).json()

async def start(url):
    config = load_config(url)`,
	Good: `import asyncio
import requests

def load_config(url):
    return requests.get(url).json()

async def start(url):
    config = await asyncio.to_thread(load_config, url)`,
	Severity:     Warning,
	Default:      true,
	QuietInTests: true,
	CrossFile:    true,
	Fix:          "Wrap the call as `await asyncio.to_thread(helper, *args)` (`trio.to_thread.run_sync`, `anyio.to_thread.run_sync` in a module written for that library).",
	Notes: "The coroutines checked are async defs and generator-based coroutines (`@asyncio.coroutine` defs that wait " +
		"with `yield from`, Python before 3.11), whose bodies run on the event loop the same way (a log shipper's publish " +
		"timer calling a synchronous method that sends the bulk upload); in the latter the advice waits with `yield " +
		"from` and no fix is offered. A plain generator is not one. " +
		"Blocking calls are every call of the ASYNC2xx families (and names configured as blocking), but a " +
		"`subprocess.Popen(...)` that only starts a process ends no chain: one whose process the helper drops or " +
		"stores (`self.proc = Popen(...)`) without waiting for it, or returns to a caller on the chain that does the " +
		"same, up to the coroutine (a kernel, a server or ffmpeg started for a reader thread). Popen forks and execs " +
		"the child and returns, which `asyncio.create_subprocess_exec` also does on the loop's thread; waiting for " +
		"the child blocks, and a chain where a function waits (`wait()`, `communicate()`, a read of its pipes, a " +
		"`with` over it) or hands the process to another call or name is reported; a helper that starts a process " +
		"and also blocks in another way is reported for that (testdata `processes_started_not_waited_for.py`; on " +
		"the judged corpora the chains ending in a Popen were 16 debatable findings and no true one, and the 5 of " +
		"them left out start a process that runs on; docs/precision.md, noise201). A chain is " +
		"followed through at most `asl201-max-depth` levels of synchronous functions (3 by default; 0 is any depth), and the " +
		"shallowest one within it is reported. A level is an object or a function: a method's call of another method of " +
		"its own class on its own `self` (`self._ensure_valid_token()` -> `self._generate_new_token()`) is that object's " +
		"work and adds no level (nowireless4u/hpe-networking-mcp#440, bench/realbugs56: an OAuth token fetch, a synchronous " +
		"httpx POST, five functions but three objects below the coroutine: its HTTP client's header helper, the token " +
		"manager and its two private helpers, the OAuth provider). Why: the real blocking bugs through helpers that projects fixed upstream " +
		"(bench/realbugs*) are one or two functions deep; on real packages the chains of four to nine functions end in a " +
		"persistence or configuration layer that is synchronous by design (a wallet's `save_db()`, a config's " +
		"`set_key()`), which maintainers keep, and which is fixed, if at all, in that layer, not at each coroutine's " +
		"call. Reported at " +
		"the call site in the coroutine, with the chain in the message and each hop as related information. Reading a `@property` (or `cached_property`) of the project counts as calling its getter, in the " +
		"coroutine and in the helpers on the way (`self.client.get(...)` whose getter lazily builds the client; aiosmtplib's " +
		"`local_hostname` getter ran `socket.getfqdn()` at each HELO, fixed upstream, cole/aiosmtplib#293): reported at the " +
		"read, without a fix (the getter is what must change); assigning or deleting the attribute runs no getter, and a read " +
		"that is the receiver of a call a blocking rule already reports (`self.cursor.execute(...)` with a sqlite3 cursor " +
		"whose getter also creates the table) is left to that finding: moving the call to a thread moves the read too. A `with` " +
		"statement over a `@contextmanager` helper counts too (its body runs on entry and exit), and so does a generator " +
		"iterated where it is called (`for line in read_lines(path):`, `list(read_lines(path))`, `\"\".join(read_lines(path))`). A call of a dataclass " +
		"whose `__init__` `@dataclass` writes (the class defines none, no init=False, no other decorator) runs the " +
		"`default_factory` of each field the call does not pass (by keyword, by a position it may reach, or through " +
		"`*args`/`**kwargs`), its dataclass bases' fields included (of any module of the project), and the `__post_init__` " +
		"it has or inherits: both are followed (mholzi/quizify#343, bench/realbugs77: " +
		"`AppContext(...)` without `version=`, whose field's factory read manifest.json in Home Assistant's " +
		"`async_setup_entry`). A call of a " +
		"parameter of the coroutine (`return operation()` in `async def _execute_with_retry(self, operation)`) runs " +
		"what the caller passed: when a call of the same module passes a synchronous function, method or lambda that " +
		"blocks (`await self._execute_with_retry(update_metadata)`), the parameter's call is reported, naming what was " +
		"passed and where (doobidoo/mcp-memory-service#433, bench/realbugs26); not when the parameter is rebound or its " +
		"call awaited or scheduled; only the module's own calls are read, so `check FILE`, `check .` and the server " +
		"agree. A helper whose result " +
		"is awaited or scheduled has been made asynchronous by a decorator and is not followed. A hook meant to be " +
		"overridden, whose result the coroutine awaits when it is awaitable (`r = self._server.stat(path)`, then `if " +
		"inspect.isawaitable(r): r = await r`), is reported once, at the default method when it blocks, not at each " +
		"call site; the finding names every coroutine that dispatches to it, each call as related information. A call in the body of `with pytest.raises(...):` (or `self.assertRaises(...)`) is not reported: " +
		"the test expects it to fail, typically at a guard before the blocking work (a thread-only API called from " +
		"the event loop raises `RuntimeError` first). Nor is a call that a new event loop's main coroutine makes before " +
		"it first suspends (a coroutine defined in a synchronous function that only runs it with `asyncio.run(main())`; " +
		"see ASL202's notes on guards; testdata `main_coroutine_before_first_await.py`; also a " +
		"script's module-level coroutine that the module mentions only to run it from its top level or its `if __name__ " +
		"== \"__main__\":` with `asyncio.run(main())` or `asyncio.get_event_loop().run_until_complete(main())`, when that " +
		"top level puts nothing else on a loop first: a matrix-nio bot's `main()` opening its sqlite or postgres store " +
		"before logging in; testdata `script_main_*.py`; and a web framework's start-up hook that runs first, before " +
		"its server serves, before it first suspends: a FastAPI lifespan checking its Qdrant collection through the " +
		"sync client; testdata `startup_hooks.py`), nor a call in a coroutine that runs on no event loop, only " +
		"the module's own synchronous driver (see ASL202's notes; testdata `coroutines_driven_synchronously.py`), or only on a loop of " +
		"its own in a worker thread (a Textual `@work(thread=True)` coroutine, and the coroutines only such workers await; testdata " +
		"`textual_thread_workers.py`), nor a helper that opens a file " +
		"the coroutine only hands to a worker thread (`with self.open(path) as f: return await run_sync(f.read)`; see " +
		"ASYNC230). A blocking call under an `isinstance` test of a parameter is not " +
		"followed when the argument is known not to pass it: `File(io.BytesIO(data))` where File opens only what is " +
		"not an `io.IOBase`; a value narrowed on the way (`if isinstance(media, InputFile): get_attributes(media)`) or a " +
		"parameter left at its default (`thumb=None`) where the helper opens only a `str`; so is a test of a local bound once, " +
		"before it, to such a test (`uri_is_file = not isinstance(uri, str)` ... `if not uri_is_file: open(uri)` given an " +
		"`io.StringIO`). Nor is one under " +
		"`if flag:` (or `if not flag:`, and its else) that a literal argument makes fail: `key_housekeeping(reg, " +
		"create=False)` where the helper copies key files only `if create:` (True, False, None or an integer passed, " +
		"or left at such a default, and the parameter not reassigned before the test). Nor is one under `if param " +
		"is None:` (and its else for `is not None`) when the call passes a value that is no None as written (a literal, " +
		"container, subscript, arithmetic, a constructor call, or a local every assignment of which is one), the " +
		"idiom of a parameter that defaults to None and is looked up only when not given (ipyparallel's `Client(info[" +
		"'client'])` waits for a connection file only `if connection_info is None`); reassignments before the test " +
		"must be such values too; a parameter, attribute or call's result passed may be None and is followed. A local " +
		"that an if/else (no elif, in no loop) sets to None on one side and to a new object on the other, and that nothing " +
		"else assigns, tested `is None` / `is not None` after it, holds None exactly when that if's condition chose the " +
		"None side, so the test fails when the condition does (argos: `if wait_for_model_update and ...: event = " +
		"threading.Event()` / `else: event = None` ... `if event is not None: event.wait()`, called without " +
		"wait_for_model_update, which defaults to False). Such " +
		"tests combine with `and`/`or`, and an `if` that returns or raises when its test holds keeps the code after " +
		"it from running (`if config is not None: return config`), also from inside the body of a `with` before it, at " +
		"that body's top level, since leaving the with normally passes the `if` (pyrate-limiter: `with " +
		"combined_lock(...):` ... `if _force_async: return ...`, then the blocking retry after the with, called " +
		"with `_force_async=True`; testdata `literal_flag_guard_inside_a_with.py`), unless the with's context manager " +
		"swallows exceptions (`contextlib.suppress`). Types are known from " +
		"constructor calls, literals, annotations and `isinstance` tests; base classes from the project's class " +
		"statements and the standard library's io classes; an argument of unknown type may take any branch. Nor is " +
		"code a helper runs only when no event loop is running followed (called from a coroutine, one is): after `if " +
		"<running loop>: ... return`, in its `else`, or under `if <no running loop>:`, where the test is " +
		"`asyncio.get_running_loop()` / `asyncio._get_running_loop()` (compared with None or negated), a function of " +
		"the project that returns it, or a name or attribute the helper assigned it to (`self.loop = " +
		"get_running_loop()`, `if self.loop: ...; return`, then `self._start_thread()`), or a comparison `loop is " +
		"asyncio.get_running_loop()` (true only on the loop's thread: it raises elsewhere) returned by a property or helper " +
		"of the project, up to three deep (`if self.asynchronous: ... else: self._done.wait()`). Nor is a call of a method of " +
		"the coroutine's own class whose blocking call is a readiness-checked method of an attribute of self " +
		"(`self.queue.get()`) when the call site is guarded by that check (`while self.queue.empty(): await ...` " +
		"before it, or `if not self.queue.empty():`), as ASL202 judges the same call made in place. One finding per mistake: in one " +
		"coroutine, the calls that reach the same blocking call are one finding, at the first of them; its message names " +
		"the others (\"and 3 more calls in `set_parameters` reach it: `self.config.set_key()` lines 621, 622, 623\"), " +
		"each is related information, and its fix moves them all to a thread. Calls on one line are one finding too, " +
		"naming what the others reach. Why: a maintainer fixes, or decides to keep, a coroutine's wait on one blocking " +
		"operation once; four `config.set_key()` calls in a row that each write the config file are one stall of that " +
		"coroutine, one decision, one `noqa`, and a second finding on a line says nothing new. Each coroutine keeps its " +
		"own finding: it is its own path that stalls the loop, fixed at its own call, and grouping across coroutines would " +
		"make a finding depend on the other coroutines of the file and let one `noqa` hide another coroutine's stall. A " +
		"call on a line with `# noqa: ASL201` is silenced alone and stands for no other call: the next call reaching the " +
		"same blocking call is still reported. Grouping reads only the coroutine reported, so `check FILE`, `check .` and " +
		"the server agree. A helper that keeps what it loads (`if self.df is not None: return`, `@functools.cache`) is " +
		"reported like any other: its first use stalls the loop for the whole load, and llama-stack's memoised dataset " +
		"`load()` (pandas.read_csv of the whole file) was a real bug fixed upstream (bench/realbugs9); on the three corpora " +
		"one finding went through such a cache (a template read on a first request). Local file work (the ASYNC230, ASYNC231, " +
		"ASYNC232 and ASYNC240 families: files, imports, file-system calls; sqlite3's file databases; os.fsync's flushes to the disk) reached through " +
		"helpers is reported by default only in the modules of a plug-in of a platform that forbids any blocking work on " +
		"the loop it shares (Home Assistant integrations: a module that imports `homeassistant`, or lies under " +
		"`custom_components/`; pylib.StrictLoopPlatforms), and left out elsewhere; `asl201-local-files = true` reports " +
		"it everywhere, `false` nowhere. Network calls, sleeps, subprocesses, locks and database servers are followed " +
		"everywhere, and a file call written in the coroutine itself is its own rule's finding (ASYNC230, ASYNC232). " +
		"In a command-line program's own module (a `__main__.py`, or a module importing argparse, click, typer...), " +
		"where the direct calls of those families and `input()` are left out (ASYNC230, ASYNC250), a chain that ends in " +
		"them is left out too, whatever `asl201-local-files` says, unless `local-io-in-cli = true`: a prompt reached " +
		"through a helper waits for the user as a direct one does (aiohomekit's `__main__.py` asking for a PIN, judged " +
		"debatable; testdata `command_line_prompt/`). Elsewhere a prompt through a helper is reported, as a direct " +
		"`input()` is (a bot's or a library's loop serves others while it waits). " +
		"Why: whether a coroutine may read a small local file synchronously is the policy of whoever owns the loop, and " +
		"nothing at the call says it otherwise (not the path: the fixed bugs read fixed config files too; not the kind " +
		"of coroutine: setup and startup coroutines hold most of them). On nine judged corpora of real packages " +
		"(docs/precision.md, thirteenth session) the local-file chains were 20 true and 235 debatable findings: " +
		"applications that own their loop (a wallet, a scheduler, a chat client, CLIs) keep their config, state, log " +
		"and database files synchronous by design, and maintainers reject those findings. The real bugs of that kind " +
		"that projects fixed upstream (bench/realbugs*) are 17, 13 of them Home Assistant integrations, whose platform " +
		"reports the same reads at run time; the other 4 (llama-stack's dataset load, a retry queue's state file, a " +
		"music library's tag writer, an integration file with no Home Assistant import) need the setting. A library " +
		"whose coroutines run on its users' loops should set `asl201-local-files = true`. A synchronous request handler " +
		"that its web framework calls on the event loop's thread is read as a coroutine is (pylib.LoopThreadHandlerOf: " +
		"Litestar's route decorators `@get(...)`, `@post(...)`... without `sync_to_thread=True`; Litestar's docs, " +
		"\"Route handlers\": such a function \"can potentially block the main thread running the event loop\", and " +
		"`sync_to_thread=True` runs it in a thread pool): its blocking calls are reported, the ones written in it too " +
		"(no ASYNC2xx rule reads a plain def), with the same families and local-file policy, and the decorator as " +
		"related information; `sync_to_thread=False` (it only silences Litestar's warning) and `sync_to_thread=None` (the " +
		"parameter's default) are reported like an unset value, a value that is no literal or options passed with `**` are not (testdata " +
		"`litestar_sync_handlers.py`; dylanjcastillo/chatbot-code-interpreter#1, a `@post(\"/ask\")` handler running an " +
		"LLM chain's HTTP requests). So is a plain function marked with Home Assistant's `@callback` " +
		"(`homeassistant.core.callback`, by any alias: core.py's \"safe to call from within the event loop\"; Home " +
		"Assistant runs it on its shared loop, from its listeners and from the integration's own coroutines), with " +
		"Home Assistant's local-file policy; a coroutine's call of such a function is not a second finding for " +
		"the blocking call the function reports itself, and another library's `callback` decorator is not read " +
		"(testdata `homeassistant_callbacks.py`). So is a plain `def` registered as a Textual message handler with " +
		"`@on(...)` (textual/message_pump.py awaits `invoke(method, message)`, and textual/_callback.py calls a plain " +
		"def inline, on the app's loop), unless it is also decorated `@work` (it then starts a worker); calling a " +
		"`@work`-decorated method starts a worker and runs none of its body in the caller, so no chain goes through it " +
		"(testdata `textual_on_handlers.py`). So is a plain `def` registered with the MCP SDK 1.x's " +
		"`@mcp.tool()` (`mcp.server.fastmcp.FastMCP.tool`: its func_metadata.py calls a sync tool with " +
		"`return fn(**arguments_parsed_dict)`, inline on the loop; python-sdk#1646), not the standalone `fastmcp` " +
		"package's, whose newer releases run sync tools in a worker thread (testdata `mcp_fastmcp_sync_tools.py`). " +
		"So is a plain `def` registered as a Sanic route handler or middleware (`@app.get(...)`, `@bp.route(...)`, " +
		"`@app.middleware(...)` of a `Sanic` or `Blueprint`: sanic/app.py's handle_request calls it inline and awaits only an " +
		"awaitable result; the Sanic guide's \"Handlers\" shows a sync handler's `time.sleep` holding the worker), and an " +
		"`HTTPMethodView`'s verb methods; Flask's handlers, run by a WSGI server's threads, are not (testdata " +
		"`sanic_sync_handlers.py`). " +
		"So are the synchronous methods that a library calls on the loop because of the class they belong to " +
		"(pylib.LoopThreadMethodsNamed), in a class deriving from the library's class through the project's own " +
		"classes of any module: asyncio's protocol callbacks (`data_received`, `datagram_received`, `connection_made`... " +
		"of an `asyncio.Protocol`/`DatagramProtocol`/`BufferedProtocol`/`SubprocessProtocol` subclass; the transports " +
		"call them from the loop, asyncio-protocol.html), Textual's `on_*`, `action_*` and `watch_*` methods of its " +
		"apps, screens and widgets (dispatched by name by the message pump, a plain def inline), and Tornado's " +
		"`RequestHandler`/`WebSocketHandler` verb methods and hooks (web.py `_execute` calls them inline on the " +
		"IOLoop), and AsyncSSH's `SSHServer`/`SSHClient` callbacks (`validate_password`, `begin_auth`, `session_requested`... " +
		"whose docstrings say a callback that must block should be a coroutine) and its session classes' callbacks (`data_received`, " +
		"`shell_requested`, `exec_requested`...; testdata `asyncssh_callbacks.py`); the same names on other classes, a `typing.Protocol`, `@work(thread=True)` methods and methods or callbacks decorated with Tornado's " +
		"`@run_on_executor` (its wrapper submits the body to the executor: pylib.RunsInThread) are not read " +
		"(testdata `loop_thread_methods.py`, `loop_thread_methods_project/`), and a Home Assistant entity's state " +
		"properties (`native_value`, `state`, `is_on`, `available`, `extra_state_attributes`...: helpers/entity.py's " +
		"async_write_ha_state reads them on the loop, and the developer docs say they must not do I/O; `update()`, run " +
		"in the executor, is not read; testdata `homeassistant_entity_properties/`). " +
		"A plain function handed to the event loop to call later runs on its thread too (pylib.LoopCallbackRegistrarOf: " +
		"`loop.call_soon`, `call_soon_threadsafe`, `call_later`, `call_at`, `add_signal_handler`, by method name on a " +
		"receiver of unknown type, not on another library's object reached by its import (`Clock.call_later` of " +
		"`from gamekit.clock import Clock`); `add_done_callback` of a value an asyncio task factory or future-returning call made; " +
		"Tornado's IOLoop callbacks), defined in the module or in another one (an imported function, a method of an " +
		"imported class): when it reaches a blocking call, the finding is at the argument that hands it over, " +
		"once per function (the first registration; a periodic callback re-registers itself), following only the code " +
		"that runs while a loop runs. A `concurrent.futures` future's done callback (run in the thread that completes " +
		"it) and `add_reader`/`add_writer` callbacks (run when the descriptor is ready, so their socket reads and writes " +
		"return at once) are not read (testdata `loop_callbacks.py`, `loop_callbacks_project/`). " +
		"Such a function's call of another one (`self.data_received(...)` in `eof_received`, `self.action_refresh()` " +
		"in a Textual `on_*` handler) is the callee's finding only, one per mistake. " +
		"A file's read or write in such a function that it opened itself " +
		"is folded into the open()'s finding, as in a coroutine. " +
		"A call in the `with` block of Textual's `App.suspend()` (`with self.suspend():`, `with self.app.suspend():`; " +
		"pylib.HandsTerminalOver) is not blocking for any rule: the app stops reading input and drawing for the block so " +
		"that an editor or pager can have the terminal (textual/app.py's own example is `with self.suspend(): " +
		"os.system(\"emacs -nw\")`), and the block must run on the app's thread, so neither a worker thread nor to_thread " +
		"can take it (on corpus44, posting's open-in-editor and open-in-pager actions, 4 findings judged false; testdata " +
		"`textual_suspend_hands_over_the_terminal.py`). The same call after the block is still reported.",
	Requires: []Fact{blockingCalls, blockingInHelpers, blockingViaHelpers, blockingDelays, loopCallbacks},
	Settings: &BlockingViaHelperSettings{MaxDepth: defaultHelperDepth},
	Run:      runBlockingViaHelper,
})

// BlockingViaHelperSettings are ASL201's settings.
type BlockingViaHelperSettings struct {
	MaxDepth int `toml:"asl201-max-depth" doc:"The most levels of synchronous functions between a coroutine and the blocking call it reaches for which ASL201 reports it (a method's call of its own class's method on self adds no level); 0 follows chains of any depth."`
	// LocalFiles: see localFileFamilies; nil decides per module
	// (helperLocalFiles).
	LocalFiles *bool `toml:"asl201-local-files" doc:"Report chains through helpers that end in local file work (opening, reading and writing files, imports, file-system calls: the ASYNC230, ASYNC231, ASYNC232 and ASYNC240 families, sqlite3's file databases, and os.fsync's flushes to the disk). Unset (the default): only in modules of Home Assistant integrations, whose platform forbids any blocking work on its shared loop; true: everywhere (a library whose coroutines run on its users' loops); false: nowhere. Network calls, sleeps, subprocesses, locks and database servers are always followed, and a blocking call written in the coroutine itself is still reported by its own rule."`
}

// Validate refuses a negative depth.
func (s *BlockingViaHelperSettings) Validate() error {
	if s.MaxDepth < 0 {
		return fmt.Errorf("asl201-max-depth: %d is not a number of functions (0 or more; 0 is any depth)", s.MaxDepth)
	}
	return nil
}

// defaultHelperDepth: the real blocking bugs reached through helpers that
// upstream projects fixed (bench/realbugs*) are one or two functions deep;
// the chains of four to nine that the corpora show run into a persistence
// or configuration layer that is synchronous by design (a wallet's
// save_db, a config's set_key), which maintainers keep and which is fixed,
// if at all, at that layer rather than at every coroutine's call.
const defaultHelperDepth = 3

// helperDepth is ASL201's asl201-max-depth for the pass, whichever rule
// asks (ASL402 leaves to ASL201 what it reports).
func helperDepth(p *Pass) int {
	if p.Options != nil {
		if s, ok := p.Options.Settings["ASL201"].(*BlockingViaHelperSettings); ok {
			return s.MaxDepth
		}
	}
	return defaultHelperDepth
}

// localFileFamilies are the blocking families of local file work: opening
// files and importing modules (ASYNC230, ASYNC231), reading and writing
// file objects (ASYNC232), and asking the file system about paths
// (ASYNC240). `asl201-local-files = false` leaves them (and sqlite3, whose
// database is a local file, and os.fsync's flushes to the disk:
// pylib.LocalFileWork) out of the chains through helpers.
var localFileFamilies = map[string]bool{"ASYNC230": true, "ASYNC231": true, "ASYNC232": true, "ASYNC240": true}

// helperLocalFiles is ASL201's asl201-local-files for the pass's module
// (ASL402 leaves to ASL201 the chains ASL201 follows; ASYNC124 asks about
// every blocking call, whatever this setting says): the setting when it is
// set, else whether the module runs on a loop whose platform forbids local
// file work (pylib.OnStrictLoop). The answer depends on the reported
// module only, so `check FILE` and `check .` agree.
func helperLocalFiles(p *Pass) bool {
	if p.Options != nil {
		if s, ok := p.Options.Settings["ASL201"].(*BlockingViaHelperSettings); ok && s.LocalFiles != nil {
			return *s.LocalFiles
		}
	}
	m := p.Module
	return pylib.OnStrictLoop(m.ImportNames(), m.Name, m.File.Path)
}

func runBlockingViaHelper(p *Pass) {
	for _, g := range groupHelperChains(p, blockingViaHelpers.of(p)) {
		h := g.first
		c, chain := h.Call, h.Chain
		last := chain[len(chain)-1]
		lastText := last.Func.Module().File.Brief(last.Call.Node.ChildByField("function"))
		subject := "it"
		if h.Entry != "" {
			subject = h.Entry + ", which" // a function a dataclass's generated __init__ runs
		}
		how := subject + " calls blocking `" + lastText + "()`"
		if len(chain) > 1 {
			how = subject + " reaches blocking `" + lastText + "()` via " + describeChain(chain)
		}
		if h.Passed != nil {
			// `operation()` where the coroutine's parameter operation is a
			// function the module passes it.
			param := p.File.Text(c.Node.ChildByField("function"))
			passed := "`" + p.File.Brief(h.PassedArg) + "`"
			if analysis.Unparen(h.PassedArg).Type() == "lambda" {
				passed = "a lambda"
			}
			how = "`" + param + "` is " + passed + ", passed by `" + HopText(p.Module, h.Passed) + "` line " +
				strconv.Itoa(p.File.Lines.Position(int(h.Passed.Node.Start)).Line+1) + ", which calls blocking `" + lastText + "()`"
			if len(chain) > 1 {
				how = "`" + param + "` is " + passed + ", passed by `" + HopText(p.Module, h.Passed) + "` line " +
					strconv.Itoa(p.File.Lines.Position(int(h.Passed.Node.Start)).Line+1) + ", which reaches blocking `" +
					lastText + "()` via " + describeChain(chain)
			}
		}
		msg := "`" + HopText(p.Module, c) + "` blocks the event loop in " + coroutineNoun(c.Func) + " `" +
			c.Func.Name + "`: " + how + g.more(p) + "; run " + g.pronoun() + awaitAs(c.Func, " with `await asyncio.to_thread(...)`")
		if c.IsPropertyRead() {
			// Reading the property runs its getter on the loop.
			how = "its getter `" + chain[0].Func.QualName + "()` calls blocking `" + lastText + "()`"
			if len(chain) > 1 {
				how = "its getter reaches blocking `" + lastText + "()` via " + describeChain(chain)
			}
			msg = "reading property `" + HopText(p.Module, c) + "` blocks the event loop in " + coroutineNoun(c.Func) + " `" +
				c.Func.Name + "`: " + how + g.more(p) + "; make the getter an `async def` method that runs the blocking " +
				"work with `await asyncio.to_thread(...)`, or read the property in a thread"
		}
		if last.Func.Module() == p.Module {
			msg = withDelay(p, msg, int(last.Call.Node.Start))
		}
		related := chainRelated(chain)
		if h.Passed != nil {
			related = append([]Related{RelatedAt(p.Module, h.Passed.Node, "`"+chain[0].Func.QualName+"` is passed here")}, related...)
		}
		for _, o := range append(g.sameRoot, g.sameLine...) {
			related = append(related, RelatedAt(p.Module, o.Call.Node, "`"+HopText(p.Module, o.Call)+
				"` blocks here too, through `"+o.Chain[0].Func.QualName+"()`"))
		}
		p.Report(c.Node, msg, WithRelated(related...), WithFix(g.fix(p)))
	}
	reportLoopThreadHandlers(p)
	reportLoopCallbacks(p)
	// Dispatch to something that may be overridden by a coroutine function
	// is reported once, at the default method.
	defaults := map[*analysis.Function][]*analysis.Call{} // overridable default method -> its dispatching calls
	var order []*analysis.Function
	for _, c := range p.Module.Calls {
		if !c.InAsync() || !awaitedIfAwaitable(p.Module, c) {
			continue
		}
		if t := p.Project.Target(c); t != nil && t.Class != nil && t.Module() == p.Module && !t.Async {
			if _, seen := defaults[t]; !seen {
				order = append(order, t)
			}
			defaults[t] = append(defaults[t], c)
		}
	}
	inHelpers := blockingInHelpers.of(p)
	kind, follow := inHelpers.FollowKind, inHelpers.Follow
	for _, f := range order {
		chain := p.Project.ReachWithin(kind, f, follow, helperDepth(p))
		if chain == nil {
			continue
		}
		last := chain[len(chain)-1]
		lastText := last.Func.Module().File.Brief(last.Call.Node.ChildByField("function"))
		via := ""
		if len(chain) > 1 {
			via = " via " + describeChain(chain)
		}
		// Every dispatching call is named: the one finding stands for the
		// stall of each coroutine that dispatches to the default.
		callers := defaults[f]
		var related []Related
		var others []string
		for i, caller := range callers {
			related = append(related, RelatedAt(p.Module, caller.Node, "called here from coroutine `"+caller.Func.Name+"`"))
			if i > 0 && !slices.Contains(others, "`"+caller.Func.Name+"`") && caller.Func.Name != callers[0].Func.Name {
				others = append(others, "`"+caller.Func.Name+"`")
			}
		}
		more := ""
		if len(others) > 0 {
			more = " (and " + strings.Join(others, ", ") + ")"
		}
		p.Report(f.Node.ChildByField("name"), "default method `"+f.QualName+"()` blocks the event loop: it reaches blocking `"+
			lastText+"()`"+via+", and coroutines such as `"+callers[0].Func.Name+"`"+more+" call it expecting an override that may be "+
			"async (they await its result when it is awaitable); make the default `async def` and run the blocking work "+
			"with `await asyncio.to_thread(...)`",
			WithRelated(append(related, chainRelated(chain)...)...))
	}
}

// helperGroup is one ASL201 finding: the first call of a coroutine that
// reaches a blocking call, the later calls of the same coroutine that reach
// the same blocking call (sameRoot), and other calls on the first one's
// line that reach a different one (sameLine).
type helperGroup struct {
	first              helperChain
	sameRoot, sameLine []helperChain
}

// groupHelperChains makes one finding per mistake: per coroutine, one per
// blocking call reached, at the first call that reaches it; and one per
// line. A call on a line with `# noqa: ASL201` stays alone (it is
// silenced; the calls it would have stood for are still reported).
// Grouping reads only the reported module's coroutines, so every entry
// point groups alike.
func groupHelperChains(p *Pass, chains []helperChain) []*helperGroup {
	type rootKey struct {
		coroutine *analysis.Function
		root      *analysis.Call
	}
	var groups []*helperGroup
	byRoot := map[rootKey]*helperGroup{}
	byLine := map[int]*helperGroup{}
	for _, h := range chains {
		line := p.File.Lines.Position(int(h.Call.Node.Start)).Line
		if p.Module.HasNoQA(line, p.Rule.Code) {
			groups = append(groups, &helperGroup{first: h})
			continue
		}
		key := rootKey{h.Call.Func, h.Chain[len(h.Chain)-1].Call}
		if g := byRoot[key]; g != nil {
			g.sameRoot = append(g.sameRoot, h)
			continue
		}
		if g := byLine[line]; g != nil {
			g.sameLine = append(g.sameLine, h)
			byRoot[key] = g
			continue
		}
		g := &helperGroup{first: h}
		groups = append(groups, g)
		byRoot[key], byLine[line] = g, g
	}
	return groups
}

// pronoun names what the fix moves to a thread.
func (g *helperGroup) pronoun() string {
	if len(g.sameRoot)+len(g.sameLine) > 0 {
		return "them"
	}
	return "it"
}

// more tells what else the group's finding stands for.
func (g *helperGroup) more(p *Pass) string {
	out := ""
	if n := len(g.sameRoot); n > 0 {
		// `self.config.set_key()` lines 621, 622, 623
		var texts []string
		lines := map[string][]string{}
		for _, o := range g.sameRoot {
			text := "`" + HopText(p.Module, o.Call) + "`"
			if lines[text] == nil {
				texts = append(texts, text)
			}
			lines[text] = append(lines[text], strconv.Itoa(p.File.Lines.Position(int(o.Call.Node.Start)).Line+1))
		}
		var parts []string
		for _, text := range texts {
			word := " line "
			if len(lines[text]) > 1 {
				word = " lines "
			}
			parts = append(parts, text+word+strings.Join(lines[text], ", "))
		}
		calls := " more call in `" + g.first.Call.Func.Name + "` reaches it: "
		if n > 1 {
			calls = " more calls in `" + g.first.Call.Func.Name + "` reach it: "
		}
		out += " (and " + strconv.Itoa(n) + calls + strings.Join(parts, ", ") + ")"
	}
	for _, o := range g.sameLine {
		last := o.Chain[len(o.Chain)-1]
		out += "; on the same line `" + HopText(p.Module, o.Call) + "` reaches blocking `" +
			last.Func.Module().File.Brief(last.Call.Node.ChildByField("function")) + "()` via " + describeChain(o.Chain)
	}
	return out
}

// fix moves every call of the group to a thread (one import for them
// all), so that fixing the finding fixes the mistake; a call inside
// another one that is moved (`Mnemonic(lang).make_seed()` runs
// `Mnemonic(lang)` in the thread too) needs no edit of its own.
func (g *helperGroup) fix(p *Pass) *Fix {
	if g.first.Fix == nil || len(g.sameRoot)+len(g.sameLine) == 0 {
		return g.first.Fix
	}
	f := &Fix{Title: g.first.Fix.Title, Safe: g.first.Fix.Safe, Edits: slices.Clone(g.first.Fix.Edits)}
	moved := []*analysis.Node{g.first.Call.Node}
	n := 1
	for _, o := range append(slices.Clone(g.sameRoot), g.sameLine...) {
		if o.Fix == nil || slices.ContainsFunc(moved, func(m *analysis.Node) bool { return m.Start <= o.Call.Node.Start && o.Call.Node.End <= m.End }) {
			continue
		}
		moved = append(moved, o.Call.Node)
		n++
		f.Safe = f.Safe && o.Fix.Safe
		for _, e := range o.Fix.Edits {
			if !slices.Contains(f.Edits, e) {
				f.Edits = append(f.Edits, e)
			}
		}
	}
	if n > 1 {
		f.Title += ", and the other calls the finding names"
	}
	return f
}

// awaitedIfAwaitable reports a call whose stored result the coroutine
// awaits only when it is awaitable (`r = self._server.stat(path)` then `if
// inspect.isawaitable(r): r = await r`): the callee is an overridable hook
// that may be sync or async.
func awaitedIfAwaitable(m *analysis.Module, c *analysis.Call) bool {
	if c.Usage != analysis.UsageStored || c.UsedBy == nil || c.UsedBy.Type() != "assignment" {
		return false
	}
	left := analysis.Unparen(c.UsedBy.ChildByField("left"))
	if left == nil || left.Type() != "identifier" {
		return false
	}
	name := m.File.Text(left)
	for _, other := range c.Func.Calls {
		if other.Node.Start <= c.Node.Start {
			continue
		}
		fn := other.Node.ChildByField("function")
		if fn == nil {
			continue
		}
		text := m.File.Text(fn)
		if !strings.HasSuffix(text, "isawaitable") && !strings.HasSuffix(text, "iscoroutine") {
			continue
		}
		if arg := other.Positional(0); arg != nil && m.File.Text(arg) == name {
			return true
		}
	}
	return false
}

// blockingViaHelpers are the calls of the module's coroutines that reach a
// blocking call through synchronous helpers, in source order, with the
// chain and the fix that moves the call to a thread: what ASL201 reports,
// and what ASL402 leaves to it. Calls dispatched to an overridable hook
// (awaitedIfAwaitable), calls expected to raise and calls a new loop's main
// coroutine makes before anything else runs (beforeLoopIsShared) are not
// among them, nor are calls of a coroutine that runs on no event loop the
// application shares, only the module's synchronous driver or a worker
// thread's own loop (drivenSynchronously), as its direct blocking calls
// are not reported.
var blockingViaHelpers = &fact[[]helperChain]{name: "blockingViaHelpers", crossFile: true, compute: func(p *Pass) []helperChain {
	var out []helperChain
	for _, c := range p.Module.Calls {
		if !c.InCoroutine() || awaitedIfAwaitable(p.Module, c) || expectedToRaise(p.Module, c.Node) || beforeLoopIsShared(p.Module, c) ||
			drivenSynchronously(p.Module, c) {
			continue
		}
		if chain, fix := blockingHelperChain(p, c); chain != nil {
			if !openedForOffload(p, c, chain) && !throughLoopThreadFunction(p.Project, chain) {
				out = append(out, helperChain{Call: c, Chain: chain, Fix: fix})
			}
		} else if chain, passed, arg := passedCallableChain(p, c); chain != nil && !openedForOffload(p, c, chain) &&
			!throughLoopThreadFunction(p.Project, chain) {
			out = append(out, helperChain{Call: c, Chain: chain, Fix: toThreadFix(p, c), Passed: passed, PassedArg: arg})
		} else if chain, entry := generatedInitChain(p, c); chain != nil && !openedForOffload(p, c, chain) &&
			!throughLoopThreadFunction(p.Project, chain) {
			out = append(out, helperChain{Call: c, Chain: chain, Fix: toThreadFix(p, c), Entry: entry})
		}
	}
	// Reading a property of the project runs its getter in the coroutine.
	reads := false
	var reported map[*analysis.Node]bool
	for _, f := range p.Module.Functions {
		if !f.Async && !f.IsGeneratorCoroutine() || f.Lambda {
			continue
		}
		for _, c := range p.Project.PropertyReads(f) {
			if expectedToRaise(p.Module, c.Node) || beforeLoopIsShared(p.Module, c) || drivenSynchronously(p.Module, c) {
				continue
			}
			if reported == nil {
				reported = directlyBlockingCalls(p)
			}
			if receiverOfReportedCall(c.Node, reported) {
				continue
			}
			if chain := propertyReadChain(p, c); chain != nil {
				out = append(out, helperChain{Call: c, Chain: chain})
				reads = true
			}
		}
	}
	if reads {
		slices.SortStableFunc(out, func(a, b helperChain) int { return int(a.Call.Node.Start) - int(b.Call.Node.Start) })
	}
	return out
}}

// directlyBlockingCalls are the call nodes in the module's coroutines that a
// blocking rule reports where they are written.
func directlyBlockingCalls(p *Pass) map[*analysis.Node]bool {
	blocks := blockingInHelpers.of(p).Blocks
	out := map[*analysis.Node]bool{}
	for _, c := range p.Module.Calls {
		if c.InCoroutine() && blocks(p.Module, c) {
			out[c.Node] = true
		}
	}
	return out
}

// receiverOfReportedCall reports a property read that is the receiver of a
// call a blocking rule already reports (`self.cursor.execute(...)`, where
// the getter of `cursor` blocks too): moving that call to a thread moves
// the read with it, so the statement's one mistake gets one finding.
func receiverOfReportedCall(read *analysis.Node, reported map[*analysis.Node]bool) bool {
	fn := read.Parent()
	if fn == nil || fn.Type() != "attribute" || read.Field() != "object" {
		return false
	}
	call := fn.Parent()
	return call != nil && call.Type() == "call" && fn.Field() == "function" && reported[call]
}

// openedForOffload reports a helper that opens a file (the chain ends in
// ASYNC230's family: `with self.open(path) as f:`) whose result the
// coroutine hands only to calls that run a callable in a worker thread
// (`await run_sync(f.read)`): as for a direct `open()`, only opening the
// file is on the loop (fileOnlyOffloaded).
func openedForOffload(p *Pass, c *analysis.Call, chain analysis.Chain) bool {
	last := chain[len(chain)-1]
	b, ok := classifyBlockingIn(p.Project, last.Func.Module(), last.Call, nil)
	return ok && b.Code == "ASYNC230" && fileOnlyOffloaded(p.Module, c)
}

// helperChain is a call that blocks through helpers.
type helperChain struct {
	Call  *analysis.Call
	Chain analysis.Chain // from the called helper to the blocking call
	Fix   *Fix
	// Passed is set when Call calls a parameter of its coroutine: the call
	// of the module that passes the function Chain starts in, and the
	// argument it passes.
	Passed    *analysis.Call
	PassedArg *analysis.Node
	// Entry is set when Call constructs a dataclass and Chain starts in a
	// function its generated `__init__` calls: how that function is
	// reached (generatedInitChain).
	Entry string
}

// generatedInitChain returns, for call c in a coroutine of a dataclass whose
// `__init__` `@dataclass` writes, the chain from a function that
// construction runs (a field's default_factory the call leaves to run, or
// the class's __post_init__: Project.GeneratedInitCalls) to a blocking
// call, and how the generated `__init__` reaches that function. Such a
// class shows no `__init__` for blockingHelperChain to follow.
func generatedInitChain(p *Pass, c *analysis.Call) (analysis.Chain, string) {
	if p.Project.Target(c) != nil || awaitedIfAwaitable(p.Module, c) {
		return nil, ""
	}
	inHelpers := blockingInHelpers.of(p)
	for _, g := range p.Project.GeneratedInitCalls(p.Module, c) {
		chain := p.Project.ReachWithin(inHelpers.FollowKind, g.Func, inHelpers.Follow, helperDepth(p))
		if chain == nil {
			continue
		}
		if g.Field == "" {
			return chain, "its generated `__init__` calls `" + g.Func.QualName + "()`"
		}
		return chain, "its generated `__init__` calls `" + g.Factory +
			"()` (field `" + g.Field + "`'s `default_factory`: the call passes no `" + g.Field + "`)"
	}
	return nil, ""
}

// blockingHelperChain returns, for call c in a coroutine, the chain through
// synchronous project helpers to a blocking call (nil when there is none or
// c itself is a blocking call), and the fix that moves c to a thread.
func blockingHelperChain(p *Pass, c *analysis.Call) (analysis.Chain, *Fix) {
	inHelpers := blockingInHelpers.of(p)
	kind, blocks := inHelpers.FollowKind, inHelpers.Blocks
	direct := inHelpers.Follow
	if blocks(p.Module, c) || awaitedIfAwaitable(p.Module, c) {
		return nil, nil
	}
	target := p.Project.Target(c)
	if target == nil || target.Async || target.Lambda || returnsAwaitable(c) {
		return nil, nil
	}
	switch {
	case !target.Generator:
		// What the arguments are known to be, here or narrowed by an
		// isinstance test on the way, may rule out the branches that block
		// (`File(io.BytesIO(data))` where File opens only a path), and so
		// does the running loop.
		chain := reachPastSpawns(p, c, kind, direct, func(kind string, follow func(*analysis.Module, *analysis.Call) bool) analysis.Chain {
			return p.Project.ReachOnLoopWithin(kind, c, target, follow, helperDepth(p))
		})
		if chain == nil || guardedThroughHelper(p, c, chain) {
			return nil, nil
		}
		return chain, toThreadFix(p, c)
	case isContextManagerDef(target) && withStatementOf(c.Node) != nil && !withStatementOf(c.Node).HasToken("async"):
		// `with opened(path) as f:` runs the @contextmanager body up to
		// its yield (and the rest on exit) on the event loop's thread.
		return contextManagerReach(p, target, kind, direct, helperDepth(p)), nil
	case iteratedOnLoop(p.Module, c.Node):
		// `for line in read_lines(path):` runs the generator's body, one
		// step per iteration, in the coroutine.
		return contextManagerReach(p, target, kind, direct, helperDepth(p)), nil
	}
	return nil, nil
}

// propertyReadChain returns, for the read c of a project property in a
// coroutine, the chain from its getter to a blocking call, or nil. There is
// no fix: the getter is what must change (or the read move to a thread).
func propertyReadChain(p *Pass, c *analysis.Call) analysis.Chain {
	inHelpers := blockingInHelpers.of(p)
	target := p.Project.Target(c)
	if target == nil {
		return nil
	}
	return p.Project.ReachOnLoopWithin(inHelpers.FollowKind, c, target, inHelpers.Follow, helperDepth(p))
}

// guardedThroughHelper reports a call of a method of the coroutine's own
// class (`self._get_and_raise()`) whose blocking call is a method of an
// attribute of self that has a readiness check (`self.queue.get()`, made
// directly in that method), when the call site is guarded by that check:
// `while self.queue.empty(): await self.condition.wait()` before it, or
// inside `if not self.queue.empty():`. The helper's call cannot wait then,
// as ASL202 judges the same call written in the coroutine.
func guardedThroughHelper(p *Pass, c *analysis.Call, chain analysis.Chain) bool {
	if len(chain) != 1 || c.Func == nil || c.Func.Class == nil || chain[0].Func.Class != c.Func.Class {
		return false
	}
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || p.File.Text(fn.ChildByField("object")) != "self" {
		return false
	}
	hm := chain[0].Func.Module()
	leaf := chain[0].Call.Node.ChildByField("function")
	if leaf == nil || leaf.Type() != "attribute" {
		return false
	}
	recv := hm.File.Text(leaf.ChildByField("object"))
	preds := pylib.ReadinessPredicates[hm.File.Text(leaf.ChildByField("attribute"))]
	if preds == nil || !strings.HasPrefix(recv, "self.") {
		return false
	}
	return waitedUntilReady(p.Module, c, recv, preds) || underReadyCheck(p.Module, c, recv, preds)
}

// isContextManagerDef reports a generator decorated with
// contextlib.contextmanager.
func isContextManagerDef(f *analysis.Function) bool {
	for _, d := range f.Decorators {
		named := d.NamedChildren()
		if len(named) == 1 && pylib.Is(f.Module().Resolve(named[0]).Name, pylib.SyncContextManagerDecorator) {
			return true
		}
	}
	return false
}

// contextManagerReach is Reach for the body of a generator that is run (a
// @contextmanager entered by `with`, or a generator iterated in place), which
// Reach skips (calling a plain generator runs none of its body); its chain
// has at most max hops (max <= 0: any).
func contextManagerReach(p *Pass, f *analysis.Function, kind string, direct func(*analysis.Module, *analysis.Call) bool, max int) analysis.Chain {
	for _, c := range f.Calls {
		if direct(f.Module(), c) {
			return analysis.Chain{{Func: f, Call: c}}
		}
	}
	if max == 1 {
		return nil // only f's own calls fit
	}
	rest := 0 // hops left after f's own (0: any)
	if max > 1 {
		rest = max - 1
	}
	for _, c := range f.Calls {
		t := p.Project.Target(c)
		if t == nil || t.Async || t.Lambda || t.Generator || t == f {
			continue
		}
		within := rest
		if within > 0 && analysis.SameObjectHop(f, c, t) {
			within++ // one object's own helper: no level of its own (Chain.Depth)
		}
		if sub := p.Project.ReachWithin(kind, t, direct, within); sub != nil {
			return append(analysis.Chain{{Func: f, Call: c}}, sub...)
		}
	}
	return nil
}

// iteratedOnLoop reports whether the value of call is iterated where it is
// made: the iterable of a (non-async) for statement or comprehension, the
// argument of a builtin that consumes an iterable (`list(gen())`) or of a
// literal's join (`b"".join(gen())`), or an argument of a plain function of
// the module that loops over the parameter receiving it (iteratedByHelper).
func iteratedOnLoop(m *analysis.Module, call *analysis.Node) bool {
	n, p := analysis.ParenParent(call)
	if p == nil {
		return false
	}
	switch p.Type() {
	case "for_statement", "for_in_clause":
		return n.Field() == "right" && !p.HasToken("async")
	case "argument_list":
		outer := p.Parent()
		if outer != nil && outer.Type() == "call" && iteratedByHelper(m, outer, positionalIndex(p, n), "") {
			return true
		}
		if outer == nil || outer.Type() != "call" || len(p.NamedChildren()) != 1 {
			return false
		}
		fn := outer.ChildByField("function")
		if fn != nil && fn.Type() == "attribute" {
			return joinedByLiteral(m, fn)
		}
		if fn == nil || fn.Type() != "identifier" {
			return false
		}
		name := m.File.Text(fn)
		return pylib.Method(name, pylib.ConsumesIterable) && m.IsBuiltin(fn, name)
	case "keyword_argument":
		args := p.Parent()
		if n.Field() != "value" || args == nil || args.Type() != "argument_list" {
			return false
		}
		outer := args.Parent()
		return outer != nil && outer.Type() == "call" &&
			iteratedByHelper(m, outer, -1, m.File.Text(p.ChildByField("name")))
	}
	return false
}

// positionalIndex is the position of arg among the positional arguments
// of args, or -1 when it is not one of them or follows a splat (whose
// length is unknown).
func positionalIndex(args, arg *analysis.Node) int {
	i := 0
	for _, a := range args.NamedChildren() {
		switch a.Type() {
		case "keyword_argument", "comment":
			continue
		case "list_splat", "dictionary_splat":
			return -1
		}
		if a == arg {
			return i
		}
		i++
	}
	return -1
}

// iteratedByHelper reports that the call node call, of a plain function of
// this module (its Target), draws the argument it gets at position pos (or
// by keyword name kw) to the end where it runs: the function's body loops
// over the parameter that receives it (a `for`, a list, set or dict
// comprehension, or `list(param)` and the other consumers of iterables) and
// never rebinds it. The function runs on its caller's thread, so a lazy
// request handed to it (`self.from_wire(dns.query.xfr(ns, zone))` with
// `for r in xfr:` in from_wire) is drawn there, as a `for` over it in the
// caller would draw it. A generator or async function runs its body later,
// when it is drawn or awaited, and is not followed.
func iteratedByHelper(m *analysis.Module, call *analysis.Node, pos int, kw string) bool {
	if pos < 0 && kw == "" {
		return false
	}
	c := m.CallOf(call)
	if c == nil {
		return false
	}
	target := c.Target
	if target == nil || target.Async || target.Generator || target.Lambda {
		return false
	}
	name := kw
	if name == "" {
		first := 0
		if fn := call.ChildByField("function"); target.Class != nil && fn != nil && fn.Type() == "attribute" &&
			!hasDecorator(m, target, "staticmethod") {
			first = 1 // self or cls, bound by the attribute
		}
		params := positionalParams(target)
		if pos+first >= len(params) {
			return false
		}
		name = params[pos+first]
	}
	body := target.Node.ChildByField("body")
	if body == nil {
		return false
	}
	iterated, rebound := false, false
	isParam := func(n *analysis.Node) bool {
		n = analysis.Unparen(n)
		return n != nil && n.Type() == "identifier" && m.File.Text(n) == name
	}
	body.Walk(func(n *analysis.Node) bool {
		switch n.Type() {
		case "function_definition", "lambda", "class_definition", "generator_expression":
			return false
		case "assignment", "augmented_assignment":
			if isParam(n.ChildByField("left")) {
				rebound = true
			}
		case "for_statement":
			if isParam(n.ChildByField("left")) {
				rebound = true
			}
			if isParam(n.ChildByField("right")) && !n.HasToken("async") {
				iterated = true
			}
		case "for_in_clause":
			if isParam(n.ChildByField("right")) && !n.HasToken("async") {
				iterated = true
			}
		case "call":
			args := n.ChildByField("arguments")
			fn := n.ChildByField("function")
			if fn != nil && fn.Type() == "identifier" && args != nil && len(args.NamedChildren()) == 1 &&
				isParam(args.NamedChildren()[0]) && pylib.Method(m.File.Text(fn), pylib.ConsumesIterable) &&
				m.IsBuiltin(fn, m.File.Text(fn)) {
				iterated = true
			}
		}
		return true
	})
	return iterated && !rebound
}

// joinedByLiteral reports the `join` of a str or bytes (`b"".join(chunks)`,
// `", ".join(lines)`, `sep.join(lines)` with sep a local, global or
// parameter every binding of which is a string literal, or a parameter
// annotated str or bytes), which iterates its argument to the end where it
// is called, as list() does.
func joinedByLiteral(m *analysis.Module, fn *analysis.Node) bool {
	if m.File.Text(fn.ChildByField("attribute")) != "join" {
		return false
	}
	recv := analysis.Unparen(fn.ChildByField("object"))
	if recv == nil {
		return false
	}
	if stringLiteral(recv) {
		return true
	}
	if recv.Type() != "identifier" {
		return false
	}
	if r := m.Resolve(recv); r.Instance && (r.Name == "str" || r.Name == "bytes") {
		return true
	}
	scope := m.ScopeAt(recv)
	if scope == nil {
		return false
	}
	b := scope.Lookup(m.File.Text(recv))
	if b == nil || b.Kind != analysis.BindAssign || len(b.Values) == 0 {
		return false
	}
	for _, v := range b.Values {
		if !stringLiteral(analysis.Unparen(v)) {
			return false
		}
	}
	return true
}

// stringLiteral reports a str or bytes literal (an f-string too).
func stringLiteral(n *analysis.Node) bool {
	return n != nil && (n.Type() == "string" || n.Type() == "concatenated_string")
}

// loopThreadHandler returns the record of the framework decorator that
// makes its framework call synchronous function f on the event loop's
// thread (pylib.LoopThreadHandlerOf: Litestar's `@get(...)`,
// `@post(...)`..., Home Assistant's `@callback`), with the decorator; nil when f is no such handler, or
// its decorator runs it in a thread (`sync_to_thread=True`) or says so
// through a value that is not a literal.
func loopThreadHandler(proj *analysis.Project, m *analysis.Module, f *analysis.Function) (*pylib.LoopThreadHandler, *analysis.Node) {
	if f.Async || f.Lambda || f.Generator {
		return nil, nil
	}
	for _, d := range f.Decorators {
		if expr := d.NamedChildren(); len(expr) > 0 && startsThreadLoopWorker(m, expr[0]) {
			return nil, nil // the handler starts a worker (Textual's `@on` with `@work`)
		}
	}
	if decoratedToRunInThread(m, f) {
		return nil, nil // Tornado's `@run_on_executor`: the body runs in the executor's thread
	}
	for _, d := range f.Decorators {
		expr := d.NamedChildren()
		if len(expr) == 0 {
			continue
		}
		e := expr[0]
		callee := e
		if e.Type() == "call" {
			callee = e.ChildByField("function")
		}
		h := pylib.LoopThreadHandlerOf(m.Resolve(callee).Name)
		if h == nil {
			continue
		}
		if e.Type() == "call" {
			if args := e.ChildByField("arguments"); args != nil {
				for _, a := range args.NamedChildren() {
					if a.Type() == "dictionary_splat" {
						return nil, nil // options passed through **kwargs: unknown
					}
					if a.Type() == "keyword_argument" && h.ThreadKeyword != "" && m.File.Text(a.ChildByField("name")) == h.ThreadKeyword {
						// False, and None (the parameter's default: Litestar
						// warns and calls it on the loop), leave it on the loop.
						if v := analysis.Unparen(a.ChildByField("value")); v == nil || v.Type() != "false" && v.Type() != "none" {
							return nil, nil // True runs it in a thread; another value is not known
						}
					}
				}
			}
		}
		return h, d
	}
	return loopThreadMethod(proj, f)
}

// loopThreadMethod returns the record of a library base class whose
// library calls method f of its subclass on the event loop's thread by its
// name (pylib.LoopThreadMethodsNamed: asyncio protocol callbacks, Textual's
// `on_*` handlers, Tornado's verb methods), with the base expression of
// f's class that leads to it; nil when f is no such method. A method that
// is only a nested function's or a static/class method's is not one.
func loopThreadMethod(proj *analysis.Project, f *analysis.Function) (*pylib.LoopThreadHandler, *analysis.Node) {
	if f.Class == nil || proj == nil {
		return nil, nil
	}
	for _, r := range pylib.LoopThreadMethodsNamed(f.Name) {
		if r.Properties && !f.IsProperty() {
			continue // read as an attribute: a plain method of that name is not called
		}
		if base := proj.LibraryBaseWhere(f.Class, r.Covers); base != nil {
			return r.Handler, base
		}
	}
	return nil, nil
}

// decoratedToRunInThread reports a function decorated, bare or called,
// with a decorator whose wrapper runs it in a worker thread
// (pylib.RunsInThread: Tornado's `@run_on_executor`).
func decoratedToRunInThread(m *analysis.Module, f *analysis.Function) bool {
	for _, d := range f.Decorators {
		expr := d.NamedChildren()
		if len(expr) == 0 {
			continue
		}
		callee := expr[0]
		if callee.Type() == "call" {
			callee = callee.ChildByField("function")
		}
		if callee != nil && pylib.RunsInThread(m.Resolve(callee).Name) {
			return true
		}
	}
	return false
}

// startsThreadLoopWorker reports a decorator, bare or called, that makes
// the function start a worker when called (pylib.ThreadLoopWorkerOf:
// Textual's `@work`).
func startsThreadLoopWorker(m *analysis.Module, dec *analysis.Node) bool {
	callee := dec
	if dec.Type() == "call" {
		callee = dec.ChildByField("function")
	}
	return callee != nil && pylib.ThreadLoopWorkerOf(m.Resolve(callee).Name) != nil
}

// reportLoopThreadHandlers reports the blocking calls of the module's
// synchronous functions that their framework calls on the event loop's
// thread (loopThreadHandler: request handlers, Home Assistant's
// `@callback`s): the direct ones (no ASYNC2xx rule
// reads a plain def) and those reached through helpers, as in a coroutine,
// with the same families (local file work only where
// `asl201-local-files` says so).
func reportLoopThreadHandlers(p *Pass) {
	inHelpers := blockingInHelpers.of(p)
	kind, follow := inHelpers.FollowKind, inHelpers.Follow
	for _, f := range p.Module.Functions {
		h, dec := loopThreadHandler(p.Project, p.Module, f)
		if h == nil {
			continue
		}
		where := "`" + f.Name + "`" + h.Where
		advice := "; " + h.Advice
		decRel := RelatedAt(p.Module, dec, h.Registered)
		for _, c := range f.Calls {
			if expectedToRaise(p.Module, c.Node) {
				continue
			}
			if follow(p.Module, c) {
				if foldedIntoOpen(p, f, c, follow) {
					continue // the file's read or write is the open()'s finding
				}
				p.Report(c.Node, "`"+p.File.Brief(c.Node.ChildByField("function"))+"()` blocks the event loop in "+where+advice,
					WithRelated(decRel))
				continue
			}
			if inHelpers.Blocks(p.Module, c) || returnsAwaitable(c) {
				continue
			}
			target := p.Project.Target(c)
			if target == nil || target.Async || target.Lambda || target.Generator {
				continue
			}
			chain := reachPastSpawns(p, c, kind, follow, func(kind string, follow func(*analysis.Module, *analysis.Call) bool) analysis.Chain {
				return p.Project.ReachOnLoopWithin(kind, c, target, follow, helperDepth(p))
			})
			if chain == nil || guardedThroughHelper(p, c, chain) || throughLoopThreadFunction(p.Project, chain) {
				continue // through another loop-thread function (`self.data_received()`): its own finding
			}
			last := chain[len(chain)-1]
			lastText := last.Func.Module().File.Brief(last.Call.Node.ChildByField("function"))
			how := "it calls blocking `" + lastText + "()`"
			if len(chain) > 1 {
				how = "it reaches blocking `" + lastText + "()` via " + describeChain(chain)
			}
			p.Report(c.Node, "`"+HopText(p.Module, c)+"` blocks the event loop in "+where+": "+how+advice,
				WithRelated(append([]Related{decRel}, chainRelated(chain)...)...))
		}
	}
}

// foldedIntoOpen reports a blocking call c of loop-thread function f that
// reads or writes a file object (ASYNC232's family: `f.read()`,
// `json.load(f)`) that f itself opened with a blocking open() it reports:
// as in a coroutine (fileOpenFolds), moving the open() off the loop moves
// its file's work with it, so the two are one finding, at the open().
func foldedIntoOpen(p *Pass, f *analysis.Function, c *analysis.Call, follow func(*analysis.Module, *analysis.Call) bool) bool {
	b, ok := classifyBlockingIn(p.Project, p.Module, c, nil)
	if !ok || b.Code != "ASYNC232" {
		return false
	}
	for _, file := range fileOperands(p.Module, blockingUse{Call: c, blockingCall: b}) {
		opener := constructorCall(p.Module, file, 0)
		if opener == nil {
			continue
		}
		for _, o := range f.Calls {
			if o.Node == opener && o != c && follow(p.Module, o) {
				return true
			}
		}
	}
	return false
}

// throughLoopThreadFunction reports a chain from a coroutine that passes
// through a synchronous function its framework runs on the event loop
// (loopThreadHandler: Home Assistant's `@callback` functions, which
// integrations call from their coroutines too): that function's own
// finding (reportLoopThreadHandlers) reports the rest of the chain, so the
// coroutine's call is not a second finding for the same mistake.
func throughLoopThreadFunction(proj *analysis.Project, chain analysis.Chain) bool {
	for _, h := range chain {
		if h.Func != nil && h.Func.Module() != nil {
			if lt, _ := loopThreadHandler(proj, h.Func.Module(), h.Func); lt != nil {
				return true
			}
		}
	}
	return false
}
