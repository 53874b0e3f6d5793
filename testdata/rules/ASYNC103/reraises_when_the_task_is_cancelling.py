# A handler that re-raises when the running task is itself being cancelled
# (`Task.cancelling()`, Python 3.11) tells its own cancellation from an inner
# future's or timeout's and goes on only after the latter (aiohttp's
# lingering read): it swallows nothing of the task's. The guard must come
# before any statement that leaves, ask the running task, and not be negated.
import asyncio
import sys


async def linger(payload, end):
    try:
        async with asyncio.timeout(end):
            await payload.readany()
    except (asyncio.CancelledError, asyncio.TimeoutError):  # quiet: the task's own cancellation is re-raised
        if (
            sys.version_info >= (3, 11)
            and (t := asyncio.current_task())
            and t.cancelling()
        ):
            raise


async def wait_handler(waiter, log):
    task = asyncio.current_task()
    try:
        await waiter
    except asyncio.CancelledError:  # quiet: a name bound to the running task
        log("handler waiter cancelled")
        if task.cancelling():
            raise


async def wait_negated(waiter):
    try:
        await waiter
    except asyncio.CancelledError:  # want: ASYNC103
        if not asyncio.current_task().cancelling():
            raise


async def wait_other_task(waiter, other):
    try:
        await waiter
    except asyncio.CancelledError:  # want: ASYNC103
        if other.cancelling():
            raise


async def wait_or(waiter, strict):
    try:
        await waiter
    except asyncio.CancelledError:  # want: ASYNC103
        if strict or asyncio.current_task().cancelling():
            raise


async def wait_returns_first(waiter, done):
    try:
        await waiter
    except asyncio.CancelledError:
        if done:
            return None  # want: ASYNC104
        if asyncio.current_task().cancelling():
            raise
        return 1  # want: ASYNC104
