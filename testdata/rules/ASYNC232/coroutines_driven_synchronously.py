# A connection whose coroutine methods the module drives itself, on no event
# loop (dugong's eval_coroutine, vendored by s3ql): the blocking methods run
# each coroutine to completion with `__await__()`; nothing awaits them from a
# loop, so a file write in them stalls only the calling thread.


def eval_coroutine(coroutine):
    it = coroutine.__await__()
    try:
        next(it)
    except StopIteration as exc:
        return exc.value
    raise RuntimeError("coroutine suspended")


class Connection:
    def __init__(self, trace_path):
        self.trace_fh = open(trace_path, "wb")

    def send_request(self, buf):
        return eval_coroutine(self.co_send_request(buf))

    async def co_send_request(self, buf):
        await self._co_send(buf)

    async def _co_send(self, buf):
        self.trace_fh.write(buf)

    def readall(self):
        return eval_coroutine(self.co_readall())

    async def co_readall(self):
        self.trace_fh.write(b"read")
        return b""


# Fires: a coroutine of a module with a driver that is also run otherwise
# (here handed to asyncio.run) may run on an event loop.
import asyncio


class Client:
    def __init__(self, log_path):
        self.log_fh = open(log_path, "wb")

    def get(self):
        return eval_coroutine(self.co_get())

    async def co_get(self):
        self.log_fh.write(b"get")  # want: ASYNC232
        return b""

    def run(self):
        return asyncio.run(self.co_get())


# Quiet: coroutines that await each other (read and readall), both driven.
class Reader:
    def __init__(self, trace_path):
        self.trace_fh = open(trace_path, "wb")

    def read(self, n):
        return eval_coroutine(self.co_read(n))

    async def co_read(self, n=None):
        if n is None:
            return await self.co_readall()
        return b""

    async def co_readall(self):
        parts = []
        while True:
            buf = await self.co_read(4096)
            if not buf:
                break
            parts.append(buf)
        self.trace_fh.write(b"".join(parts))
        return b"".join(parts)


# Fires: coroutines that only await each other, which no driver runs, may be
# run from another module on a loop.
class Orphan:
    def __init__(self, trace_path):
        self.trace_fh = open(trace_path, "wb")

    async def co_ping(self):
        await self.co_pong()

    async def co_pong(self):
        self.trace_fh.write(b"pong")  # want: ASYNC232
        await self.co_ping()
