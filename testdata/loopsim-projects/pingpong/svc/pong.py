import asyncio

import svc.ping


async def pong(n):
    await asyncio.sleep(svc.ping.DELAY * 2)
    if n > 0:
        return 1 + await svc.ping.ping(n - 1)
    return 1
