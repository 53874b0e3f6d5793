# Two ways the type of a receiver is known without annotations
# (bench/realbugs99, tcppinglib's AsyncTCPSocket): a Sphinx field
# `:type name: T` documenting an untyped parameter (for __init__, in the
# class's docstring), and the return of a method that is only a stub to
# override, when every override in the module's subclasses returns the
# same type (`_create_socket` returning `socket.socket(...)`).
import socket


class TCPSocket:
    """Base class for TCP sockets."""

    def __init__(self) -> None:
        self._sock = None
        self._sock = self._create_socket(type=socket.SOCK_STREAM)

    def _create_socket(self, type):
        """Create the socket. Must be overridden."""
        raise NotImplementedError

    def connect(self, host, port):
        self._sock.connect((host, port))


class TCPv4Socket(TCPSocket):
    def _create_socket(self, type):
        return socket.socket(family=socket.AF_INET, type=type)


class TCPv6Socket(TCPSocket):
    def _create_socket(self, type):
        return socket.socket(family=socket.AF_INET6, type=type)


class AsyncTCPSocket:
    """
    Wraps a TCP socket.

    :type tcp_sock: TCPSocket
    :param tcp_sock: the socket to wrap.
    """

    def __init__(self, tcp_sock) -> None:
        self._tcp_sock = tcp_sock

    async def connect(self, host, port):
        self._tcp_sock.connect(host, port)  # want: ASL201


class Pinger:
    def __init__(self, sock):
        """Ping through a socket.

        :type sock: TCPSocket
        """
        self.sock = sock

    async def ping(self, host):
        self.sock.connect(host, 80)  # want: ASL201


class Recorder:
    """
    Records results.

    :type sink: list
    :type other: TCPSocket or None
    """

    def __init__(self, sink, other) -> None:
        self.sink = sink
        self.other = other

    async def record(self, host):
        # Quiet: a builtin named by the field is not taken, nor is a
        # field that is not a plain dotted name.
        self.sink.append(host)
        self.other.connect(host, 80)


class Transport:
    def _open(self):
        raise NotImplementedError

    def start(self):
        self._conn = self._open()
        self._conn.connect(("example.com", 80))


class FakeTransport(Transport):
    def _open(self):
        return socket.socket()


class LoopbackTransport(Transport):
    def _open(self):
        return Loopback()


class Loopback:
    def connect(self, address):
        pass


class Runner:
    """
    :type transport: Transport
    """

    def __init__(self, transport) -> None:
        self.transport = transport

    async def run(self):
        # Quiet: the overrides of `_open` disagree (a socket, a Loopback),
        # so the stub's return is not known.
        self.transport.start()
