import asyncio


async def get_user(uid):
    await asyncio.sleep(0.1)
    return uid
