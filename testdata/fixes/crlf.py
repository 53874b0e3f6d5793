# fix: ASYNC300, ASYNC251
import time, asyncio

async def g():
    await asyncio.sleep(0)

async def f():
    asyncio.create_task(g())
    time.sleep(1)
