import asyncio

from app.a import f


async def g():
    await asyncio.sleep(0.05)
