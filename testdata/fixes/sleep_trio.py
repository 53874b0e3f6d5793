# fix: ASYNC251
# A trio program: time.sleep becomes trio.sleep, never asyncio's.
import time

import trio


async def main():
    time.sleep(1)
    await trio.sleep(1)
