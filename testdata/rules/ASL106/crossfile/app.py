import asyncio

from workers.jobs import crunch, report, safe


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    await loop.run_in_executor(None, crunch, loop, fut)
    await asyncio.to_thread(safe, loop, fut)
    report(loop, loop.create_future())
    return await fut
