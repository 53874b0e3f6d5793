# ping and pong import each other: each reads the other's names only when a
# function runs, which Python allows.
import asyncio

from svc import pong

DELAY = 0.02


async def ping(n):
    await asyncio.sleep(DELAY)
    if n > 0:
        return 1 + await pong.pong(n - 1)
    return 1
