package pylib

import "strings"

// LoopThreadMethods names methods that a library calls on the event loop's
// thread because of the class they are defined in, not because of a
// decorator: the callbacks of asyncio's protocols, Textual's message
// handlers found by their names, Tornado's request handler methods. A
// synchronous such method runs inline on the loop, so a blocking call in it
// stalls the loop as it would in a coroutine (the decorator-registered kind
// is LoopThreadHandler, whose fields Handler reuses for the messages).
type LoopThreadMethods struct {
	Handler *LoopThreadHandler
	// Bases are the library classes whose subclasses' methods these are;
	// a library class that LibraryBases records as deriving from one is
	// covered too.
	Bases []string
	// Packages are library modules all of whose classes derive from Bases
	// (Textual's widgets and containers), for the classes pylib does not
	// list one by one.
	Packages []string
	// Names are the exact method names, Prefixes the name prefixes
	// (Textual's `on_`, `action_`, `watch_`) that the library calls.
	Names, Prefixes []string
	// Properties: the library reads these names as attributes (Home
	// Assistant's entity state), so only a property getter runs; a plain
	// method of that name is not called.
	Properties bool
}

var loopThreadMethods []*LoopThreadMethods

// LoopThreadMethodsNamed returns the records whose methods include one
// named method, or nil.
func LoopThreadMethodsNamed(method string) []*LoopThreadMethods {
	var out []*LoopThreadMethods
	for _, r := range loopThreadMethods {
		if r.names(method) {
			out = append(out, r)
		}
	}
	return out
}

func (r *LoopThreadMethods) names(method string) bool {
	for _, n := range r.Names {
		if n == method {
			return true
		}
	}
	for _, p := range r.Prefixes {
		if strings.HasPrefix(method, p) && len(method) > len(p) {
			return true
		}
	}
	return false
}

// Covers reports whether the library class named class (qualified) is one
// of r's bases or derives from one.
func (r *LoopThreadMethods) Covers(class string) bool {
	for _, b := range r.Bases {
		if DerivesFrom(class, b) {
			return true
		}
	}
	for _, p := range r.Packages {
		if strings.HasPrefix(class, p+".") && !strings.Contains(class[len(p)+1:], ".") {
			return true
		}
	}
	return false
}

// asyncio's protocols: "Protocol callbacks ... are called by transports"
// from the event loop (docs.python.org/3/library/asyncio-protocol.html,
// "Base Protocol": connection_made, connection_lost, pause_writing,
// resume_writing; "Streaming Protocols": data_received, eof_received;
// "Buffered Streaming Protocols": get_buffer, buffer_updated; "Datagram
// Protocols": datagram_received, error_received; "Subprocess Protocols":
// pipe_data_received, pipe_connection_lost, process_exited). The selector
// transports call them with loop.call_soon or from their own reader
// callbacks (asyncio/selector_events.py _SelectorSocketTransport._read_ready
// calls self._protocol.data_received(data)), so they run on the loop's
// thread, one at a time, between the tasks' steps.
func init() {
	for _, c := range []string{"Protocol", "BufferedProtocol", "DatagramProtocol", "SubprocessProtocol"} {
		LibraryBases["asyncio."+c] = []string{"asyncio.BaseProtocol"}
		LibraryBases["asyncio.protocols."+c] = []string{"asyncio.BaseProtocol"}
	}
	LibraryBases["asyncio.protocols.BaseProtocol"] = []string{"asyncio.BaseProtocol"}
	LibraryBases["asyncio.streams.StreamReaderProtocol"] = []string{"asyncio.Protocol"}
	loopThreadMethods = append(loopThreadMethods, &LoopThreadMethods{
		Handler: &LoopThreadHandler{Framework: "asyncio",
			Where:      ", a protocol callback that the event loop calls on its own thread",
			Advice:     "hand the blocking work to a thread (`loop.run_in_executor(None, ...)`) or to a task that awaits an async API",
			Registered: "an asyncio protocol: the event loop calls its callbacks on its thread",
			Note:       "docs.python.org/3/library/asyncio-protocol.html: protocol callbacks are called by the transports on the event loop"},
		Bases: []string{"asyncio.BaseProtocol"},
		Names: []string{"connection_made", "connection_lost", "pause_writing", "resume_writing", "data_received",
			"eof_received", "get_buffer", "buffer_updated", "datagram_received", "error_received",
			"pipe_data_received", "pipe_connection_lost", "process_exited"},
	})
}

// Textual dispatches a message to the methods named after it
// (textual/message_pump.py `_get_dispatch_methods` yields
// `getattr(cls, f"_{method_name}")` and `f"on_{...}"` handlers;
// `_dispatch_message` awaits `invoke(method, message)`, and
// textual/_callback.py `_invoke` calls a plain def inline), runs actions
// by name (`action_*`, app.py `_dispatch_action`), watchers of reactive
// attributes (`watch_*`, reactive.py `invoke_watcher`), all on the app's
// event loop: Textual's guide ("Workers") says work that takes a while in
// them makes the app unresponsive. Every class of textual.app, .screen,
// .widget, .widgets and .containers is a MessagePump. Read in Textual 2.1.2
// (Debian python3-textual).
func init() {
	loopThreadMethods = append(loopThreadMethods, &LoopThreadMethods{
		Handler: &LoopThreadHandler{Framework: "Textual",
			Where:      ", a synchronous Textual handler that Textual calls on the app's event loop",
			Advice:     textualHandlerAdvice,
			Registered: "a Textual message pump: Textual calls its `on_*`, `action_*` and `watch_*` methods on the app's event loop",
			Note:       "textual/message_pump.py _dispatch_message awaits invoke(method, message); textual/_callback.py _invoke calls a plain def inline (Textual 2.1.2)"},
		Bases:    []string{"textual.message_pump.MessagePump"},
		Packages: []string{"textual.app", "textual.screen", "textual.widget", "textual.widgets", "textual.containers", "textual.scroll_view", "textual.message_pump"},
		Prefixes: []string{"on_", "_on_", "action_", "watch_"},
	})
}

// Tornado calls a request handler's HTTP-verb methods and hooks on its
// IOLoop (asyncio's loop since Tornado 5), awaiting the result only when it
// is awaitable (tornado/web.py RequestHandler._execute: `result =
// method(*self.path_args, **self.path_kwargs); if result is not None:
// result = await result`); Tornado's guide ("Running and deploying",
// "Asynchronous and non-Blocking I/O") says a blocking call there stops
// every other request. The WebSocket handler's callbacks run the same way
// (tornado/websocket.py: `self.handler.on_message(...)`).
func init() {
	tornado := &LoopThreadHandler{Framework: "Tornado",
		Where:      ", a synchronous Tornado handler method that Tornado calls on its IOLoop (the event loop's thread)",
		Advice:     "make it `async def` and run the blocking work with `await IOLoop.current().run_in_executor(None, ...)` or an async client",
		Registered: "a Tornado handler: Tornado calls its methods on the IOLoop",
		Note:       "tornado/web.py RequestHandler._execute calls the verb method inline and awaits only an awaitable result"}
	loopThreadMethods = append(loopThreadMethods, &LoopThreadMethods{Handler: tornado,
		Bases: []string{"tornado.web.RequestHandler"},
		Names: []string{"get", "post", "put", "patch", "delete", "head", "options", "prepare", "on_finish"},
	})
	// The WebSocket callbacks are WebSocketHandler's only: a plain
	// RequestHandler's own `open()` or `on_message()` is its helper.
	loopThreadMethods = append(loopThreadMethods, &LoopThreadMethods{Handler: tornado,
		Bases: []string{"tornado.websocket.WebSocketHandler"},
		Names: []string{"open", "on_message", "on_close", "on_ping", "on_pong"},
	})
	LibraryBases["tornado.websocket.WebSocketHandler"] = []string{"tornado.web.RequestHandler"}
	// tornado/concurrent.py run_on_executor: the wrapper submits the method
	// to `self.executor` (or the executor its keyword names) and returns a
	// future chained to the executor's, which Tornado awaits: the body runs
	// in the executor's thread.
	threadDecorators["tornado.concurrent.run_on_executor"] = true
}

// AsyncSSH calls the callbacks of its SSHServer and SSHClient (auth, session
// and forwarding requests) and of its session classes (data, EOF, pty, shell
// and exec requests) from its connection's packet handlers, on the event
// loop (asyncssh/connection.py runs on the connection's protocol). Its own
// docstrings say it: "If blocking operations need to be performed to
// determine the validity of the password, this method may be defined as a
// coroutine" (asyncssh/server.py validate_password; the same for begin_auth,
// validate_public_key, session_requested ...; read in Debian's
// python3-asyncssh, corpus/src). Session callbacks are plain methods.
func init() {
	auth := &LoopThreadHandler{Framework: "AsyncSSH",
		Where:      ", a synchronous AsyncSSH callback that AsyncSSH calls on the event loop",
		Advice:     "define it `async def` (AsyncSSH awaits a coroutine here) and run the blocking work with `await asyncio.to_thread(...)`",
		Registered: "an AsyncSSH server or client: AsyncSSH calls its callbacks on the event loop",
		Note:       "asyncssh/server.py: \"If blocking operations need to be performed ..., this method may be defined as a coroutine\""}
	for _, base := range []string{"asyncssh.server.SSHServer", "asyncssh.client.SSHClient"} {
		short := "asyncssh." + base[strings.LastIndex(base, ".")+1:]
		LibraryBases[short] = []string{base}
	}
	loopThreadMethods = append(loopThreadMethods, &LoopThreadMethods{Handler: auth,
		Bases: []string{"asyncssh.server.SSHServer"},
		Names: []string{"connection_made", "connection_lost", "debug_msg_received", "begin_auth", "auth_completed",
			"validate_gss_principal", "host_based_auth_supported", "validate_host_public_key", "validate_host_ca_key",
			"validate_host_based_user", "public_key_auth_supported", "validate_public_key", "validate_ca_key",
			"password_auth_supported", "validate_password", "change_password", "kbdint_auth_supported",
			"get_kbdint_challenge", "validate_kbdint_response", "session_requested", "connection_requested",
			"server_requested", "unix_connection_requested", "unix_server_requested"},
	})
	loopThreadMethods = append(loopThreadMethods, &LoopThreadMethods{Handler: auth,
		Bases: []string{"asyncssh.client.SSHClient"},
		Names: []string{"connection_made", "connection_lost", "debug_msg_received", "validate_host_public_key",
			"validate_host_ca_key", "auth_banner_received", "auth_completed", "public_key_auth_requested",
			"password_auth_requested", "password_change_requested", "password_changed", "password_change_failed",
			"kbdint_auth_requested", "kbdint_challenge_received"},
	})
	session := &LoopThreadHandler{Framework: "AsyncSSH",
		Where:      ", an AsyncSSH session callback that AsyncSSH calls on the event loop",
		Advice:     "hand the blocking work to a thread (`loop.run_in_executor(None, ...)`) or to a task that awaits an async API",
		Registered: "an AsyncSSH session: AsyncSSH calls its callbacks on the event loop",
		Note:       "asyncssh/session.py: SSHSession callbacks are called by the channel on the connection's event loop"}
	for _, c := range []string{"SSHClientSession", "SSHServerSession", "SSHTCPSession", "SSHUNIXSession"} {
		LibraryBases["asyncssh."+c] = []string{"asyncssh.session." + c}
		LibraryBases["asyncssh.session."+c] = []string{"asyncssh.session.SSHSession"}
	}
	loopThreadMethods = append(loopThreadMethods, &LoopThreadMethods{Handler: session,
		Bases: []string{"asyncssh.session.SSHSession"},
		Names: []string{"connection_made", "connection_lost", "session_started", "data_received", "eof_received",
			"pause_writing", "resume_writing", "xon_xoff_requested", "exit_status_received", "exit_signal_received",
			"pty_requested", "terminal_size_changed", "shell_requested", "exec_requested", "subsystem_requested",
			"break_received", "signal_received", "soft_eof_received"},
	})
}

// threadDecorators are decorators, bare or called, whose wrapper runs the
// decorated function in a worker thread (or process: Pebble's
// `@concurrent.process`) and returns a future instead of running it: the
// function is no loop-thread method or callback whatever its class and
// name, and a call of it does not run its body (analysis handsBodyAway).
var threadDecorators = map[string]bool{}

// RunsInThread reports a decorator (qualified name) whose wrapper runs the
// function it decorates in a worker thread or process.
func RunsInThread(decorator string) bool { return threadDecorators[decorator] }

// LoopCallbackRegistrar is a method that registers a plain callable for the
// event loop to call later on its own thread: the callable at position Arg.
// ByMethodName: matched by its name on a receiver of unknown type too
// (event loops are rarely typed where they are used; a future's
// add_done_callback is not, since concurrent.futures calls its callbacks
// in the thread that completes the future).
type LoopCallbackRegistrar struct {
	Arg          int
	ByMethodName bool
	// DropsResult: the loop calls the callback and discards what it
	// returns (asyncio's Handle._run runs `self._context.run(self._callback,
	// *self._args)` and ignores the value), so a task the callback returns
	// is held by nothing (ASYNC300). Tornado's IOLoop is not: its
	// _run_callback converts a returned awaitable and adds it to the loop
	// with a done callback that logs its exception.
	DropsResult bool
}

var loopCallbackRegistrars = map[string]LoopCallbackRegistrar{}

// LoopCallbackRegistrarOf returns the record of a registrar by its
// qualified name.
func LoopCallbackRegistrarOf(name string) (LoopCallbackRegistrar, bool) {
	r, ok := loopCallbackRegistrars[name]
	return r, ok
}

// LoopCallbackMethod returns the record of a registrar matched by its
// method name on a receiver of unknown type.
func LoopCallbackMethod(method string) (LoopCallbackRegistrar, bool) {
	r, ok := loopCallbackRegistrars["asyncio.AbstractEventLoop."+method]
	return r, ok && r.ByMethodName
}

// FutureCallbackMethod returns the record of an asyncio Future's (or
// Task's) method named method that registers a callback for the loop, for
// a receiver known only to hold an asyncio future (the value of a
// TaskFactory or ReturnsFuture call).
func FutureCallbackMethod(method string) (LoopCallbackRegistrar, bool) {
	r, ok := loopCallbackRegistrars["asyncio.Future."+method]
	return r, ok
}

// asyncio's event loop "Scheduling callbacks" (call_soon, call_soon_threadsafe),
// "Scheduling delayed callbacks" (call_later, call_at) and "Unix signals"
// (add_signal_handler: "the callback will be invoked by loop, along with
// other queued callbacks and runnable coroutines"), and Future/Task
// add_done_callback ("scheduled with loop.call_soon()"): every one runs the
// callable on the loop's thread, between the tasks' steps. Tornado's IOLoop
// (on asyncio since Tornado 5) does the same with add_callback,
// spawn_callback, call_later, call_at, add_timeout and add_future. The
// loop's add_reader/add_writer are not here: their callbacks run when the
// descriptor is ready, so the socket reads and writes they are written for
// return at once (prompt_toolkit's telnet server, dbus-fast's writer), and
// the socket records cannot tell a ready descriptor from another.
func init() {
	for name, arg := range map[string]int{"call_soon": 0, "call_soon_threadsafe": 0, "call_later": 1, "call_at": 1,
		"add_signal_handler": 1} {
		loopCallbackRegistrars["asyncio.AbstractEventLoop."+name] = LoopCallbackRegistrar{Arg: arg, ByMethodName: true, DropsResult: true}
	}
	for _, t := range []string{"asyncio.Future", "asyncio.Task"} {
		loopCallbackRegistrars[t+".add_done_callback"] = LoopCallbackRegistrar{Arg: 0, DropsResult: true}
	}
	for name, arg := range map[string]int{"add_callback": 0, "spawn_callback": 0, "call_later": 1, "call_at": 1,
		"add_timeout": 1, "add_future": 1} {
		loopCallbackRegistrars["tornado.ioloop.IOLoop."+name] = LoopCallbackRegistrar{Arg: arg}
	}
}
