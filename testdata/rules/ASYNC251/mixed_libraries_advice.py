# A module that uses asyncio next to trio keeps asyncio's advice.
import asyncio
import time

import trio


async def bridge():
    time.sleep(1)  # want: ASYNC251 "use `await asyncio\.sleep\(\.\.\.\)`$"
    await trio.sleep(0)
    await asyncio.sleep(0)
