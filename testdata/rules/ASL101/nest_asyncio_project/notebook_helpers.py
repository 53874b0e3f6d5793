import asyncio

import nest_asyncio

# Patches asyncio so that asyncio.run() works inside a running loop (Jupyter).
nest_asyncio.apply()


async def fetch(x):
    await asyncio.sleep(0)
    return x


def fetch_sync(x):
    return asyncio.run(fetch(x))


async def cell():
    # Quiet: nest_asyncio makes the nested run legal.
    return fetch_sync(1)
