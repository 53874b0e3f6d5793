import asyncio
import concurrent.futures


async def fetch():
    await asyncio.sleep(0)
    return 1


def run_sync(coro):
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def run_sync_checked(coro):
    loop = asyncio.get_event_loop()
    if loop.is_running():
        raise RuntimeError("use await instead")
    return loop.run_until_complete(coro)


def run_plain(coro):
    return asyncio.run(coro)


async def handler():
    a = run_sync(fetch())  # want: ASL201
    b = run_sync_checked(fetch())
    c = run_plain(fetch())  # want: ASL101
    return a, b, c
