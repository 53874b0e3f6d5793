import asyncio
from asyncio import timeout as deadline


class Fetcher:
    def __init__(self, session) -> None:
        self.session = session
        self.cache: dict = {}

    async def get(self, url: str) -> bytes:
        async with asyncio.timeout(5):  # want: ASYNC100
            data = self.cache.get(url, b"")
        return data

    async def get_ok(self, url: str) -> bytes:
        # Quiet: the await inside can be cancelled by the timeout.
        async with asyncio.timeout(5):
            resp = await self.session.get(url)
            return await resp.read()

    async def aliased(self) -> None:
        async with deadline(1):  # want: ASYNC100
            print("nothing to time out")

    async def async_for_inside(self, stream) -> list:
        # Quiet: async for is a checkpoint.
        out = []
        async with asyncio.timeout(10):
            async for chunk in stream:
                out.append(chunk)
        return out

    async def comprehension_inside(self, stream) -> list:
        # Quiet: an async comprehension awaits.
        async with asyncio.timeout(10):
            return [c async for c in stream]

    async def nested_cm(self, lock: asyncio.Lock) -> None:
        # Quiet: `async with lock` awaits on entry.
        async with asyncio.timeout(1):
            async with lock:
                pass

    async def at(self, when: float) -> None:
        loop = asyncio.get_running_loop()
        async with asyncio.timeout_at(loop.time() + when):  # want: ASYNC100
            self.cache.clear()


async def nested_def_only() -> None:
    async with asyncio.timeout(1):  # want: ASYNC100
        async def inner():
            await asyncio.sleep(1)
