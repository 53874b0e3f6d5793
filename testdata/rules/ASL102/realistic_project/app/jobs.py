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
