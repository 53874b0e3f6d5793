# A coroutine function handed over uncalled where a coroutine is expected:
# the function object is not awaitable, so the line raises every time it
# runs and the coroutine function never runs.
import asyncio

import aiohttp
import anyio
import trio


async def refresh(delay=0.1):
    await asyncio.sleep(delay)


async def worker():
    await asyncio.sleep(1)


class Cache:
    async def reload(self):
        await asyncio.sleep(0)

    @property
    async def size(self):
        await asyncio.sleep(0)
        return 1

    async def close(self):
        await self.reload  # want: ASL110 "`self.reload` is a coroutine function, not a coroutine: `await` needs an awaitable, so this line raises every time it runs"
        n = await self.size
        return n


async def main():
    cache = Cache()
    await refresh  # want: ASL110
    await asyncio.gather(refresh, refresh())  # want: ASL110 "expects a coroutine or awaitable"
    await asyncio.gather(refresh(), worker)  # want: ASL110
    await asyncio.wait_for(worker, timeout=1)  # want: ASL110
    await asyncio.shield(cache.reload)  # want: ASL110
    task = asyncio.create_task(worker)  # want: ASL110
    await task
    asyncio.ensure_future(worker)  # want: ASL110
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker)  # want: ASL110
        tg.create_task(worker())


async def library_methods(session: aiohttp.ClientSession):
    stop = asyncio.Event()
    queue = asyncio.Queue()
    await stop.wait  # want: ASL110 "`asyncio.Event.wait` never runs"
    getter = asyncio.create_task(queue.get)  # want: ASL110
    await asyncio.sleep  # want: ASL110
    await session.close  # want: ASL110
    await stop.wait()
    await asyncio.wait_for(queue.get(), 1)
    stop.set()
    return getter


def run_in_thread(loop):
    return asyncio.run_coroutine_threadsafe(worker, loop)  # want: ASL110


# Quiet: called, shadowed by a parameter, a property, and the APIs that take
# the function itself (trio's and anyio's run and start_soon).
async def quiet(refresh, nursery, tg):
    await refresh
    await asyncio.gather(worker(), asyncio.sleep(1))
    await asyncio.wait_for(worker(), 1)
    nursery.start_soon(worker)
    tg.start_soon(worker)
    await anyio.to_thread.run_sync(print, "x")


def starters():
    trio.run(worker)
    anyio.run(worker)
    asyncio.run(worker())


if __name__ == "__main__":
    asyncio.run(main)  # want: ASL110 "so this line raises every time it runs and `main` never runs"
    asyncio.new_event_loop().run_until_complete(main)  # want: ASL110
