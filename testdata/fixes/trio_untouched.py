# fix: -
# A trio program: time.sleep is reported, but not rewritten to asyncio.
import time

import trio


async def main():
    time.sleep(1)
    await trio.sleep(1)
