# Not a test module: the same poll is reported.
import asyncio


async def wait_for_thread(thread):
    while thread.is_alive():  # want: ASYNC110
        await asyncio.sleep(0.01)
