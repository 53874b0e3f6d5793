# A coroutine that waits until a thread-side queue has an item, then calls
# a method of its class that takes it: the helper's get() cannot wait, as
# the same get() written after the loop would not (ASL202's readiness
# guards). Without the wait, or with the test the wrong way round, the
# helper's get() blocks the loop and is reported.
import asyncio
import queue


class Results:
    def __init__(self):
        self.queue = queue.Queue()
        self.condition = asyncio.Condition()

    def _get_and_raise(self):
        res = self.queue.get()
        if isinstance(res, Exception):
            raise res
        return res

    async def __anext__(self):
        while self.queue.empty():
            async with self.condition:
                await self.condition.wait()
        return self._get_and_raise()

    async def next_if_ready(self):
        if not self.queue.empty():
            return self._get_and_raise()
        return None

    async def next_blocking(self):
        return self._get_and_raise()  # want: ASL201

    async def next_when_empty(self):
        if self.queue.empty():
            return self._get_and_raise()  # want: ASL201
        return None
