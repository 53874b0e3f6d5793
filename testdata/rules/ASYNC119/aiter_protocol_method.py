# A class's `__aiter__` written as an async generator is what `async for
# obj` calls: callers have no expression to wrap in aclosing(), and a
# context manager cannot stand in for the iteration protocol. The same
# generator under another name is still reported.
import asyncio


class Trace:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return None


class ResponseStream:
    def __init__(self, connection):
        self._connection = connection

    async def __aiter__(self):
        async with Trace():
            async for chunk in self._connection.receive_body():
                yield chunk

    async def chunks(self):
        async with Trace():
            async for chunk in self._connection.receive_body():
                yield chunk  # want: ASYNC119


class Reconnecting:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return None

    async def __aiter__(self):
        while True:
            try:
                async with self as protocol:
                    yield protocol
            except OSError:
                await asyncio.sleep(1)


async def __aiter__(source):
    # Fires: a module-level function is no protocol method.
    async with source:
        yield 1  # want: ASYNC119
