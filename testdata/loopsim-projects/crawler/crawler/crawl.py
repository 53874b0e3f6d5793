import asyncio

from . import net
from .config import LIMITS
from .util import retry


@retry(LIMITS.attempts, LIMITS.backoff)
async def fetch(session, url):
    return await session.get(url)


async def crawl_all(urls):
    session = net.Session()
    sem = asyncio.Semaphore(LIMITS.concurrency)

    async def one(url):
        async with sem:
            return await fetch(session, url)

    sizes = await asyncio.gather(*(one(u) for u in urls))
    return dict(zip(urls, sizes))
