# fix: -
# Code mixing asyncio and trio: which library a rewrite should use is unclear, so none is made.
import asyncio
import time

import trio


async def main():
    time.sleep(1)
    await trio.sleep(1)
    await asyncio.sleep(1)
