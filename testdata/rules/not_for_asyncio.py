# Code that flake8-async reports under trio/anyio semantics (ASYNC102, 115,
# 116, 120, 122, 125) but that is correct asyncio: asyncls stays quiet on it,
# even with --select ALL. Each such line is marked "quiet:".
import asyncio
import math


async def cleanup_in_finally(conn):
    try:
        await conn.send(b"x")
    finally:
        await conn.close()  # quiet: ASYNC102 (asyncio has no cancel scopes to shield)


async def await_in_except(conn):
    try:
        await conn.send(b"x")
    except OSError:
        await conn.reset()  # quiet: ASYNC120
        raise


async def zero_sleep():
    await asyncio.sleep(0)  # quiet: ASYNC115 (asyncio.sleep(0) is asyncio's checkpoint)


async def long_sleep():
    await asyncio.sleep(math.inf)  # quiet: ASYNC116 (asyncio has no sleep_forever)
    await asyncio.sleep(100000)  # quiet: ASYNC116


async def relative_timeout(loop):
    async with asyncio.timeout_at(10):  # quiet: ASYNC125
        await asyncio.sleep(1)
    async with asyncio.timeout(1):  # quiet: ASYNC122
        await asyncio.sleep(1)
