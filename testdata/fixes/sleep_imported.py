# fix: ASYNC251
import asyncio
from time import sleep


async def tick():
    sleep(2)
    await asyncio.sleep(1)
