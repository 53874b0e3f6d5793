# `from asyncio import Queue`: the bare spelling is asyncio's queue here, so
# an empty one still takes its item type from the annotation (as
# awaited_queue_items.py with `asyncio.Queue`), and an awaited get() whose
# coroutine item is dropped is reported.
from asyncio import Queue
from collections.abc import Awaitable


class Hooks:
    def __init__(self) -> None:
        self._pending: Queue[Awaitable[None]] = Queue()

    async def loop(self) -> None:
        while True:
            await self._pending.get()  # want: ASL102 "the value `await self\._pending\.get\(\)` gives is an awaitable"

    async def run_one(self) -> None:
        hook = await self._pending.get()
        await hook
