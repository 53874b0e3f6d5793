import asyncio

from .decorators import cached, timed


@timed
async def nightly_cleanup() -> None:
    await asyncio.sleep(0)


@cached
async def lookup(key: str) -> str:
    return key


async def scheduler() -> None:
    nightly_cleanup()  # want: ASL102
    lookup("k")
    await nightly_cleanup()


async def evict(key: str) -> None:
    from .instances import cache

    cache.invalidate(key)  # want: ASL102
    cache.get(key)
    await cache.set(key, None)


async def ping() -> None:
    from .http import client

    client.get("/ping")  # want: ASL102
    await client.get("/ping")


async def guarded() -> None:
    from .locks import refresh_lock

    refresh_lock.acquire()  # want: ASL102
    try:
        await asyncio.sleep(0)
    finally:
        refresh_lock.release()
