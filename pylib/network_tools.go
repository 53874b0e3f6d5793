package pylib

// Synchronous clients of network devices and network protocols that async
// programs (chat bots, monitoring dashboards, automation services) call
// from coroutines: netmiko's SSH/Telnet sessions to routers and switches,
// telnetlib, ntplib's NTP query and scapy's send-and-receive and sniffing
// functions. Each waits for a remote device, a server's answer or the
// wire on the calling thread (libcov22b; sources: the Debian packages
// python3-netmiko 2.4.2, python3-ntplib 0.3.3, python3-scapy 2.5.0 and
// CPython 3.11's telnetlib.py, read unpacked, never installed).

const (
	netmikoAlt = "run the session in a worker thread (`await asyncio.to_thread(...)`): netmiko's SSH session waits on " +
		"the device; or use an asyncio SSH client (asyncssh, scrapli's AsyncScrapli)"
	telnetAlt = "use an asyncio Telnet client (telnetlib3, asyncio streams) or `await asyncio.to_thread(...)`"
	ntpAlt    = "query NTP in a worker thread (`await asyncio.to_thread(client.request, host)`) or with an asyncio " +
		"datagram endpoint"
	scapyAlt = "run it in a worker thread (`await asyncio.to_thread(...)`), or sniff with scapy's AsyncSniffer (its own " +
		"thread)"
)

func init() {
	// netmiko: `ConnectHandler(device_type=..., host=...)` picks the vendor
	// class (ssh_dispatcher.py) and builds it, and BaseConnection's
	// constructor opens the SSH (or Telnet, serial) session and prepares
	// it (base_connection.py: `self._open()` → establish_connection,
	// session_preparation); `Netmiko` is the same factory. Each command
	// method writes to the channel and reads until the device's prompt
	// (send_command: "By default this method will keep waiting to receive
	// data until the network device prompt is detected"); read_channel
	// and write_channel are single reads and writes and are not listed.
	const conn = "netmiko.BaseConnection"
	for _, f := range []string{"netmiko.ConnectHandler", "netmiko.Netmiko", "netmiko.ssh_dispatcher.ConnectHandler"} {
		returns(f, conn)
		serviceRequests("ASL202", netmikoAlt, f)
	}
	returns("netmiko.base_connection.BaseConnection", conn)
	returns(conn, conn)
	serviceRequests("ASL202", netmikoAlt, prefixed(conn+".", "send_command", "send_command_timing",
		"send_command_expect", "send_config_set", "send_config_from_file", "find_prompt", "establish_connection",
		"session_preparation", "disconnect", "enable", "exit_enable_mode", "config_mode", "exit_config_mode",
		"check_enable_mode", "check_config_mode", "commit", "save_config", "read_until_prompt", "read_until_pattern",
		"read_until_prompt_or_pattern", "set_base_prompt", "disable_paging", "set_terminal_width", "telnet_login",
		"serial_login", "is_alive")...)

	// telnetlib (CPython 3.11, removed in 3.13): open connects; read_until,
	// read_all ("block until connection closed"), read_some ("Block if no
	// data is immediately available") and expect wait for the peer;
	// interact hands the terminal over. The eager reads ("without
	// blocking in I/O") and write are not listed.
	returns("telnetlib.Telnet", "telnetlib.Telnet")
	serviceRequests("ASL202", telnetAlt, prefixed("telnetlib.Telnet.", "open", "read_until", "read_all", "read_some",
		"expect", "interact")...)

	// ntplib: NTPClient.request(host) resolves the host, sends one UDP
	// packet and waits in recvfrom for the answer (5 s timeout by default).
	returns("ntplib.NTPClient", "ntplib.NTPClient")
	serviceRequests("ASL202", ntpAlt, "ntplib.NTPClient.request")

	// scapy (scapy/sendrecv.py): sr/sr1/srp/srp1 send packets and wait for
	// the answers (until the timeout, or forever without one), srloop and
	// srploop repeat that, sniff captures until its count, timeout or stop
	// filter; send/sendp open a raw socket and write each packet (with
	// `inter` they sleep between them, with `loop` they repeat forever).
	// traceroute (layers/inet.py) and arping (layers/l2.py) are sr calls.
	// AsyncSniffer runs sniff in a thread of its own and is not listed.
	scapyCalls := []string{"sr", "sr1", "srp", "srp1", "srloop", "srploop", "sniff", "send", "sendp", "sendpfast",
		"traceroute", "arping"}
	serviceRequests("ASL202", scapyAlt, prefixed("scapy.all.", scapyCalls...)...)
	serviceRequests("ASL202", scapyAlt, prefixed("scapy.sendrecv.", "sr", "sr1", "srp", "srp1", "srloop", "srploop",
		"sniff", "send", "sendp", "sendpfast")...)
	serviceRequests("ASL202", scapyAlt, "scapy.layers.inet.traceroute", "scapy.layers.l2.arping")
}
