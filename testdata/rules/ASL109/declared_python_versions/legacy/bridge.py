# The project declares it runs on Python 3.7 to 3.9 (pyproject.toml's
# requires-python), where asyncio still takes `loop=`: nothing is reported.
import asyncio


async def poll(loop, queue):
    await asyncio.sleep(1, loop=loop)
    return await asyncio.wait_for(queue.get(), 5, loop=loop)
