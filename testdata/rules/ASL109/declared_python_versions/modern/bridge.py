# The project declares Python 3.8 and up (setup.py's python_requires): on
# 3.10 and later these calls raise TypeError.
import asyncio


async def poll(loop, queue):
    await asyncio.sleep(1, loop=loop)  # want: ASL109
    return await asyncio.wait_for(queue.get(), 5, loop=loop)  # want: ASL109
