import socket


class BaseBus:
    def setup(self, path: str, tcp: bool) -> None:
        if tcp:
            self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self._stream = self._sock.makefile("rwb")
        else:
            self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self._stream = self._sock.makefile("rwb")
        self._sock.connect(path)
        self._sock.setblocking(False)


class BlockingBus:
    def setup(self, path: str) -> None:
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._stream = self._sock.makefile("rwb")
        self._sock.connect(path)


class LocalAioBus(BaseBus):
    async def ping(self) -> None:
        # Quiet: the stream of a non-blocking socket, from a base class of
        # this module.
        self._stream.flush()


async def send_once(path: str, msg: bytes) -> None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(path)
    stream = sock.makefile("wb")
    stream.write(msg)  # want: ASYNC232
    quiet_sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    quiet_sock.setblocking(False)
    quiet = quiet_sock.makefile("wb")
    # Quiet: a local socket set non-blocking in this function.
    quiet.write(msg)
