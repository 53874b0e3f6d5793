import asyncio
import functools
import time
import requests


async def wrong_to_thread(url):
    # The call runs before to_thread sees it: still blocking.
    await asyncio.to_thread(time.sleep(1))  # want: ASYNC251
    await asyncio.to_thread(functools.partial(time.sleep, 1))


async def defaults_and_decorators():
    def later(delay=time.sleep(0.1)):  # want: ASYNC251
        time.sleep(delay)

    class Local:
        started = time.sleep(0.1)  # want: ASYNC251

    return later, Local


async def in_async_with(lock: asyncio.Lock):
    async with lock:
        time.sleep(0.1)  # want: ASYNC251


async def in_async_for(queue):
    async for item in queue:
        time.sleep(item)  # want: ASYNC251


async def in_except():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        time.sleep(0.1)  # want: ASYNC251
        raise


async def generator_expression(delays):
    return sum(time.sleep(d) or d for d in delays)  # want: ASYNC251


async def references_only():
    # Quiet: no call of time.sleep here.
    sleeper = time.sleep
    tasks = {"sleep": time.sleep}
    await asyncio.to_thread(sleeper, 1)
    return tasks


async def outer():
    async def inner():
        time.sleep(1)  # want: ASYNC251

    def sync_inner():
        time.sleep(1)

    await inner()
    await asyncio.to_thread(sync_inner)
