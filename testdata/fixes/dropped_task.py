# fix: ASYNC300, ASL301
import asyncio
import logging

log = logging.getLogger(__name__)


async def heartbeat():
    await asyncio.sleep(1)


async def main(task):
    asyncio.create_task(heartbeat())
    if task:
        asyncio.ensure_future(heartbeat())


async def local_dies():
    t = asyncio.create_task(heartbeat())
    t.add_done_callback(print)
