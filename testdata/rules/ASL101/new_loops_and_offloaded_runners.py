import asyncio
import functools
import threading

from asgiref.sync import sync_to_async


async def fetch():
    await asyncio.sleep(0)
    return 1


def blocking_wrapper():
    return asyncio.run(fetch())


async def direct_forms():
    a = asyncio.get_event_loop().run_until_complete(fetch())  # want: ASL101
    b = asyncio.new_event_loop().run_until_complete(fetch())  # want: ASL101
    return a + b


async def offloaded():
    threading.Thread(target=lambda: asyncio.run(fetch())).start()
    threading.Thread(target=blocking_wrapper).start()
    loop = asyncio.get_running_loop()
    c = await loop.run_in_executor(None, functools.partial(blocking_wrapper))
    d = await sync_to_async(blocking_wrapper)()
    return c + d


async def test_wrapper():
    assert blocking_wrapper() == 1  # want: ASL101
