import asyncio
from collections.abc import Awaitable, Coroutine
from typing import Any


class Hooks:
    def __init__(self) -> None:
        self._pending: asyncio.Queue[Awaitable[None]] = asyncio.Queue()
        self._counts: asyncio.Queue[int] = asyncio.Queue()

    def fire(self, coro: Awaitable[None]) -> None:
        self._pending.put_nowait(coro)

    # The queue holds coroutines: awaiting get() takes one out, and the
    # statement drops it without running it.
    async def loop(self) -> None:
        while True:
            await self._pending.get()  # want: ASL102 "the value `await self\._pending\.get\(\)` gives is an awaitable"

    # Quiet: the item is awaited, handed to create_task, or not awaitable.
    async def run_one(self) -> None:
        hook = await self._pending.get()
        await hook

    async def run_nested(self) -> None:
        await (await self._pending.get())

    async def schedule(self) -> None:
        self.task = asyncio.create_task(await self._pending.get())

    async def skip_count(self) -> None:
        await self._counts.get()


async def drain_local() -> None:
    jobs: asyncio.Queue[Coroutine[Any, Any, None]] = asyncio.Queue()
    await jobs.get()  # want: ASL102
