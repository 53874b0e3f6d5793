import asyncio

from pkg.util import asyncio_timeout


class Job:
    # The documented wait for a task one cancelled, under a timeout the
    # package's util module imports conditionally (xknx).
    def __init__(self, coro, lock):
        self._task = asyncio.ensure_future(coro)
        self._lock = lock

    async def close(self, timeout):
        self._task.cancel()
        try:
            async with asyncio_timeout(timeout):
                await self._task
        except asyncio.CancelledError:
            pass

    async def close_locked(self):
        # Fires: the lock's entry suspends.
        self._task.cancel()
        try:
            async with self._lock:
                await self._task
        except asyncio.CancelledError:  # want: ASYNC103
            pass
