import asyncio
import time
from time import sleep as wait


async def ticker():
    while True:
        yield time.time()
        time.sleep(1)  # want: ASYNC251


class Resource:
    async def __aenter__(self):
        wait(0.5)  # want: ASYNC251
        return self

    async def __aexit__(self, *exc):
        await asyncio.sleep(0)


async def backoff(attempt):
    delay = 2**attempt
    if attempt > 3:
        time.sleep(delay)  # want: ASYNC251
    else:
        await asyncio.sleep(delay)


async def quiet():
    def cpu_bound():
        time.sleep(1)
        return 42

    result = await asyncio.get_running_loop().run_in_executor(None, cpu_bound)
    await asyncio.to_thread(time.sleep, 1)
    callback = lambda: time.sleep(1)
    return result, callback


async def shadowed(time):
    time.sleep(1)
