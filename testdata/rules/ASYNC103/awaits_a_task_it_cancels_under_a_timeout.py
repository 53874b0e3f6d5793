import asyncio
import sys

if sys.version_info >= (3, 11):
    from asyncio import timeout as asyncio_timeout
else:
    from async_timeout import timeout as asyncio_timeout


class Job:
    # aiojobs's Job._close: cancel the task, then wait for it under a
    # timeout. Entering an asyncio timeout does not suspend, so the only
    # await is the wait for the cancelled task.
    def __init__(self, coro):
        self._task = asyncio.ensure_future(coro)

    async def close(self, timeout):
        self._task.cancel()
        try:
            async with asyncio_timeout(timeout):
                await self._task
        except asyncio.CancelledError:
            pass
        except asyncio.TimeoutError:
            pass

    async def close_at(self, when):
        # Quiet: asyncio.timeout_at, the same.
        self._task.cancel()
        try:
            async with asyncio.timeout_at(when):
                await self._task
        except asyncio.CancelledError:
            pass

    async def close_after_flush(self, timeout, flush):
        # Fires: the timeout's body awaits something else first; the
        # CancelledError may be the caller's, delivered there.
        self._task.cancel()
        try:
            async with asyncio.timeout(timeout):
                await flush()
                await self._task
        except asyncio.CancelledError:  # want: ASYNC103
            pass

    async def close_locked(self, lock):
        # Fires: acquiring a lock suspends; the CancelledError may be the
        # caller's, delivered while it waits for the lock.
        self._task.cancel()
        try:
            async with lock:
                await self._task
        except asyncio.CancelledError:  # want: ASYNC103
            pass
