# A timeout handed on through a local computed from it, and methods that
# implement a base class's signature.
import asyncio

import anyio


class Stream:
    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:  # want: ASYNC109
        await asyncio.sleep(0)
        return b""


class AnyioStream(Stream):
    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        limit = float("inf") if timeout is None else timeout  # quiet: handed on below
        with anyio.fail_after(limit):
            return await self._receive(max_bytes)

    async def _receive(self, max_bytes):
        await asyncio.sleep(0)
        return b""


class MockStream(Stream):
    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:  # quiet: Stream.read's signature
        return b"x" * max_bytes


async def poll(timeout: float):  # want: ASYNC109
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.1)
