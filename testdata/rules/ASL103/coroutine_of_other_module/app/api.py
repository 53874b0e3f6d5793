import asyncio


async def fetch():
    await asyncio.sleep(0)
    return 1


def cached():
    return 1
