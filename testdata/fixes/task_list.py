# fix: ASYNC300
import asyncio

_background_tasks = []


async def g():
    await asyncio.sleep(0)


async def f():
    asyncio.create_task(g())
    await asyncio.sleep(0)
