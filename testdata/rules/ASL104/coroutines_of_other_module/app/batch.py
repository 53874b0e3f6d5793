import asyncio

from .client import fetch, start


async def wait_coroutines(urls):
    # fetch is an async def of another module: its calls are coroutines.
    await asyncio.wait([fetch(u) for u in urls])  # want: ASL104


async def wait_tasks(urls):
    # start, a sync function of another module, returns tasks: quiet.
    await asyncio.wait([start(u) for u in urls])
