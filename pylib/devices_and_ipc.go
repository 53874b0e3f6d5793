package pylib

import "strings"

// Synchronous clients of local devices, message sockets and terminals that
// async programs call from coroutines: ZeroMQ sockets (pyzmq), serial ports
// (pyserial), sound cards (PyAudio), child terminals (pexpect), pycurl's
// transfers, psutil's sampling calls and Modbus devices (pymodbus).
// Each waits for a peer, a device or a clock on the loop's thread. Found by
// counting the imports of every corpus the project measures on against the
// libraries pylib knows (the twentieth session): these were among the most
// imported unknown ones whose calls wait.

const (
	zmqAlt     = "use pyzmq's asyncio sockets (`zmq.asyncio.Context()`: `await sock.recv()`) or pass zmq.NOBLOCK"
	serialAlt  = "use an asyncio serial transport (pyserial-asyncio's `open_serial_connection`) or `await asyncio.to_thread(...)`"
	pexpectAlt = "pass `async_=True` and await it (pexpect's asyncio mode), or `await asyncio.to_thread(...)`"
	curlAlt    = "use an asyncio HTTP client (aiohttp, httpx.AsyncClient) or `await asyncio.to_thread(curl.perform)`"
	psutilAlt  = "sample with `interval=None` (compares with the previous call) or `await asyncio.to_thread(...)`"
	audioAlt   = "open the stream with a `stream_callback` (PyAudio then calls it from its own thread) or `await asyncio.to_thread(...)`"
	modbusAlt  = "use pymodbus's asyncio client (`AsyncModbusTcpClient`, `AsyncModbusSerialClient`: `await client.connect()`, " +
		"`await client.read_holding_registers(...)`) or `await asyncio.to_thread(...)`"
)

var (
	// pyzmq's Socket (zmq/sugar/socket.py; "Socket.recv(flags=0, ...):
	// Receive a message ... flags: 0 or NOBLOCK ... If NOBLOCK is set, this
	// method will raise a ZMQError with EAGAIN if a message is not ready";
	// without it the call waits for a message). The send family waits too
	// when the socket's queue is full or, for REQ/PUSH/DEALER, no peer is
	// connected; that is a condition of the pattern, not of every send, so
	// only the receiving calls and poll are recorded. zmq.asyncio's Socket
	// (a subclass) returns Futures from the same methods: not recorded.
	zmqReceives = []string{"recv", "recv_string", "recv_json", "recv_pyobj", "recv_multipart", "recv_serialized"}

	// pyserial's Serial (serial/serialposix.py; docs "read(size=1): Read
	// size bytes from the serial port. If a timeout is set it may return
	// fewer characters as requested. With no timeout it will block until the
	// requested number of bytes is read"; readline and read_until read until
	// the terminator or the timeout).
	serialReads = []string{"read", "readline", "readlines", "read_until"}

	// PyAudio's stream (pyaudio/__init__.py, 0.2.13 as Debian ships it in
	// python3-pyaudio): `PyAudio.open(...)` returns a `PyAudio.Stream`
	// ("Opens a new stream ... :returns: A new PyAudio.Stream"; the
	// module-level `Stream` subclass is a deprecated alias); under "Stream
	// blocking I/O", `read(num_frames)` waits until the sound card has
	// captured num_frames frames ("get_read_available: Return the number of
	// frames that can be read without waiting"), `write(frames)` until the
	// output buffer has room for them. On a stream opened with a
	// stream_callback both raise at once ("Do not call when using
	// non-blocking mode": PortAudio's paCanNotReadFromACallbackStream), so
	// every call that does anything waits for the device: a 1024-frame read
	// at 24 kHz holds the loop 43 ms, every time a voice agent's coroutine
	// reads the microphone.
	pyaudioStreamIO = []string{"read", "write"}

	// pexpect's spawn (pexpect/spawnbase.py: "expect(pattern, timeout=-1,
	// searchwindowsize=-1, async_=False): This seeks through the stream
	// until a pattern is matched ... blocks until the pattern is found or
	// the timeout (30 s by default) passes"; with async_=True it returns a
	// coroutine). read/readline read the child's output, wait() waits for
	// it to exit, interact() hands the terminal over until it ends.
	pexpectExpects = []string{"expect", "expect_exact", "expect_list"}
	pexpectWaits   = []string{"read", "readline", "readlines", "wait", "interact"}

	// pymodbus's request methods (pymodbus/client/mixin.py, 3.x: every one
	// builds a request PDU and returns `self.execute(request)`; 2.x has the
	// same names in pymodbus/client/common.py). On a synchronous client
	// (ModbusTcpClient, ModbusSerialClient, ModbusUdpClient,
	// ModbusTlsClient) execute sends the frame and waits for the device's
	// answer or the timeout (3 s by default), retrying; the serial client
	// sleeps between polls of the port (`time.sleep(self._recv_interval)`,
	// client/serial.py, what Home Assistant's detector reported in
	// lmatula/ha_chint_pm#25). connect() opens the socket or the port. On
	// the asyncio clients (AsyncModbus*Client) the same methods return a
	// coroutine (`execute` is `async def` there), and connect is `async def`.
	modbusRequests = []string{"execute", "read_coils", "read_discrete_inputs", "read_holding_registers",
		"read_input_registers", "write_coil", "write_coils", "write_register", "write_registers", "readwrite_registers",
		"mask_write_register", "read_exception_status", "read_device_information", "report_slave_id",
		"report_device_id", "read_fifo_queue", "read_file_record", "write_file_record", "diag_query_data",
		"diag_restart_communication", "diag_read_diagnostic_register", "diag_force_listen_only", "diag_clear_counters",
		"diag_read_bus_message_count", "diag_read_bus_comm_error_count", "diag_read_bus_exception_error_count",
		"diag_read_slave_message_count", "diag_read_slave_no_response_count", "diag_read_slave_nak_count",
		"diag_read_slave_busy_count", "diag_read_bus_char_overrun_count", "diag_read_iop_overrun_count",
		"diag_clear_overrun_counter", "diag_getclear_modbus_response"}
)

// NonBlockingTimeout are the constructors of ports whose reads return at
// once when the port is opened with a timeout of 0, by the index of the
// timeout among the constructor's positional parameters (pyserial's
// `Serial(port, baudrate, bytesize, parity, stopbits, timeout, ...)`, and
// serial_for_url(url, ...), which passes the rest to Serial).
var NonBlockingTimeout = map[string]int{"serial.Serial": 5, "serial.serial_for_url": 5}

func init() {
	// zmq: sync contexts make sync sockets.
	for _, ctx := range []string{"zmq.Context", "zmq.sugar.context.Context"} {
		returns(ctx, "zmq.Context")
		returns(ctx+".instance", "zmq.Context")
	}
	returns("zmq.Context.socket", "zmq.Socket")
	returns("zmq.Socket", "zmq.Socket")
	for _, m := range zmqReceives {
		serviceRequests("ASL202", zmqAlt, "zmq.Socket."+m)
		entry("zmq.Socket." + m).Unblock = UnblockedByNamedFlag
	}
	// Socket.poll(timeout=None) waits up to timeout milliseconds, forever
	// when None; poll(0) returns at once. (zmq.Poller's poll is in
	// blocking.go.)
	serviceRequests("ASL202", zmqAlt, "zmq.Socket.poll")
	entry("zmq.Socket.poll").Unblock = UnblockedByZeroTimeout
	// The asyncio twins: typed so that their sockets are not taken for the
	// sync ones (their recv returns a Future to await).
	for _, ctx := range []string{"zmq.asyncio.Context"} {
		returns(ctx, ctx)
		returns(ctx+".instance", ctx)
		returns(ctx+".socket", "zmq.asyncio.Socket")
	}
	returns("zmq.asyncio.Poller", "zmq.asyncio.Poller")

	for _, typ := range []string{"serial.Serial", "serial.serial_for_url"} {
		returns(typ, "serial.Serial")
	}
	serviceRequests("ASL202", serialAlt, prefixed("serial.Serial.", serialReads...)...)
	// Docs (pyserial API, Serial.__init__): "timeout = 0: non-blocking
	// mode, return immediately in any case, returning zero or more, up to
	// the requested number of bytes"; in_waiting is "the number of bytes in
	// the receive buffer", which read(size) returns without waiting
	// (serialposix.py: it reads while fewer than size bytes are read).
	for _, m := range serialReads {
		entry("serial.Serial." + m).Unblock = UnblockedNonBlockingPort
	}

	returns("pyaudio.PyAudio", "pyaudio.PyAudio")
	for _, typ := range []string{"pyaudio.PyAudio.open", "pyaudio.Stream"} {
		returns(typ, "pyaudio.PyAudio.Stream")
	}
	blocking("ASL202", audioAlt, prefixed("pyaudio.PyAudio.Stream.", pyaudioStreamIO...)...)

	for _, typ := range []string{"pexpect.spawn", "pexpect.spawnu", "pexpect.popen_spawn.PopenSpawn", "pexpect.pxssh.pxssh"} {
		returns(typ, typ)
		serviceRequests("ASL202", pexpectAlt, prefixed(typ+".", pexpectExpects...)...)
		for _, m := range pexpectExpects {
			entry(typ + "." + m).Unblock = UnblockedAsyncKeyword
		}
		serviceRequests("ASL202", pexpectAlt, prefixed(typ+".", pexpectWaits...)...)
	}
	// pxssh's login runs ssh and expects its prompts.
	serviceRequests("ASL202", pexpectAlt, "pexpect.pxssh.pxssh.login", "pexpect.pxssh.pxssh.prompt")
	// pexpect.run: "runs the given command; waits for it to finish; then
	// returns all output as a string" (pexpect/run.py).
	blocking("ASYNC221", spawnAlt+" and `await proc.communicate()`", "pexpect.run", "pexpect.runu")

	// websocket-client's requests are in sync_clients_more.go; its
	// constructors return their own type.
	returns("websocket.WebSocket", "websocket.WebSocket")
	returns("websocket.WebSocketApp", "websocket.WebSocketApp")

	// pycurl: Curl.perform "Perform a file transfer" (pycurl docs,
	// curlobject); perform_rb and perform_rs return the body.
	returns("pycurl.Curl", "pycurl.Curl")
	serviceRequests("ASL202", curlAlt, "pycurl.Curl.perform", "pycurl.Curl.perform_rb", "pycurl.Curl.perform_rs")

	// psutil: "When interval is > 0.0 compares system CPU times elapsed
	// before and after the interval (blocking). When interval is 0.0 or
	// None compares system CPU times elapsed since last call or module
	// import, returning immediately" (psutil docs, cpu_percent; the same
	// for cpu_times_percent and Process.cpu_percent).
	returns("psutil.Process", "psutil.Process")
	blocking("ASL202", psutilAlt, "psutil.cpu_percent", "psutil.cpu_times_percent", "psutil.Process.cpu_percent")
	for _, name := range []string{"psutil.cpu_percent", "psutil.cpu_times_percent", "psutil.Process.cpu_percent"} {
		a := entry(name)
		a.Unblock, a.BlockingKeyword, a.FileArg = UnblockedWithoutInterval, "interval", 0
	}

	// pymodbus: the synchronous clients under the names 3.x exports them
	// by (pymodbus.client and its modules) and 2.x's pymodbus.client.sync;
	// the asyncio twins' requests are coroutines. close() and the register
	// converters (convert_from_registers) do no I/O and are not listed.
	for _, kind := range []string{"Tcp", "Serial", "Udp", "Tls"} {
		module := strings.ToLower(kind)
		for _, typ := range []string{"pymodbus.client.Modbus" + kind + "Client",
			"pymodbus.client." + module + ".Modbus" + kind + "Client", "pymodbus.client.sync.Modbus" + kind + "Client"} {
			returns(typ, typ)
			serviceRequests("ASL202", modbusAlt, typ+".connect")
			serviceRequests("ASL202", modbusAlt, prefixed(typ+".", modbusRequests...)...)
		}
		for _, typ := range []string{"pymodbus.client.AsyncModbus" + kind + "Client",
			"pymodbus.client." + module + ".AsyncModbus" + kind + "Client"} {
			returns(typ, typ)
			coroutineMethods(typ, "connect")
			coroutineMethods(typ, modbusRequests...)
		}
	}
}
