from bus.base import BaseBus, BlockingBus


class AioBus(BaseBus):
    async def hello(self, msg: bytes) -> None:
        # Quiet: the base class (another module) sets the socket under the
        # stream non-blocking; write and flush never wait.
        self._stream.write(msg)
        self._stream.flush()


class SlowBus(BlockingBus):
    async def hello(self, msg: bytes) -> None:
        # A blocking socket: flushing waits for the peer to read.
        self._stream.write(msg)  # want: ASYNC232
        self._stream.flush()  # want: ASYNC232
