# A trio module that imports asyncio inside one function (to test the two
# together) is still written for trio: module-level imports decide.
import time

import trio


async def pause():
    time.sleep(1)  # want: ASYNC251 "use `await trio\.sleep\(\.\.\.\)`$"


async def interplay():
    import asyncio

    await trio.sleep(0)
    return asyncio
