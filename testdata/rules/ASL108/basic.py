import asyncio
import threading

import aiohttp
import httpx

lock = asyncio.Lock()
thread_lock = threading.Lock()


async def update(db, key):
    with lock:  # want: ASL108 "supports only `async with`"
        await db.set(key, 1)
    async with lock:
        await db.set(key, 2)
    with thread_lock:
        db.touch(key)
    # Mixed with a thread lock: reported, but `async with` would break the
    # other item, so no fix is offered.
    with thread_lock, lock:  # want: ASL108
        await db.set(key, 3)


async def fetch(url):
    with aiohttp.ClientSession() as session:  # want: ASL108
        async with session.get(url) as resp:
            return await resp.text()


async def fetch_httpx(url):
    async with httpx.AsyncClient() as client:
        return await client.get(url)


async def bounded(work):
    with asyncio.timeout(5):  # want: ASL108
        await work()
    async with asyncio.timeout(5):
        await work()
    with asyncio.TaskGroup() as tg:  # want: ASL108
        tg.create_task(work())


class Worker:
    def __init__(self):
        self._lock = asyncio.Lock()
        self._sem = asyncio.Semaphore(3)
        self._thread_lock = threading.RLock()

    async def step(self):
        with self._lock:  # want: ASL108
            await asyncio.sleep(0)
        async with self._sem:
            await asyncio.sleep(0)
        with self._thread_lock:
            pass

    def sync_step(self):
        # Wrong in a plain def too: the with raises wherever it runs.
        with self._sem:  # want: ASL108 "use it with `async with` in a coroutine"
            pass


class ProjectLock:
    """A project class named like asyncio's: not asyncio.Lock."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def local():
    Lock = ProjectLock
    with Lock():
        pass
