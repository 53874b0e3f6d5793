import asyncio
from concurrent.futures import ThreadPoolExecutor

from dualclient.client import Client


async def main():
    loop = asyncio.get_running_loop()
    c = Client(loop)
    with ThreadPoolExecutor() as pool:
        pool.submit(c.start)
        pool.submit(c.restart)
        pool.submit(c.stop)
        pool.submit(c.start_configured)
        pool.submit(c.start_maybe)


async def local():
    from dualclient.client import LocalClient

    c = LocalClient(asyncio.get_running_loop())
    with ThreadPoolExecutor() as pool:
        pool.submit(c.start)
        pool.submit(c.start_elsewhere)
