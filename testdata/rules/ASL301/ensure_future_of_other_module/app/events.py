import asyncio


def new_waiter():
    return asyncio.get_running_loop().create_future()


async def notify():
    await asyncio.sleep(0)
