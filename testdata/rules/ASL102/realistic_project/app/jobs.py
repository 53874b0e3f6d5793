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
