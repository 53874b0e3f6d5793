import asyncio


async def fetch(u):
    await asyncio.sleep(0)
    return u


def start(u):
    return asyncio.ensure_future(fetch(u))
