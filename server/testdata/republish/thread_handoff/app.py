import asyncio

from registry import crunch


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    await loop.run_in_executor(None, crunch, loop, fut)
    return await fut
