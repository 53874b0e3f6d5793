# The futures a thread pool returns, iterated: from a comprehension, from
# concurrent.futures.as_completed (which yields the futures it is given) or a
# sorted copy; `.result()` of each waits for its thread.
import asyncio
import concurrent.futures
from concurrent.futures import ThreadPoolExecutor, as_completed


def fetch(url):
    return url


async def fan_out(urls):
    results = []
    with ThreadPoolExecutor(max_workers=4) as executor:
        futures = [executor.submit(fetch, u) for u in urls]
        for future in as_completed(futures):
            results.append(future.result())  # want: ASL202 "blocks the event loop in async function `fan_out`"
    return results


async def qualified(urls, pool: concurrent.futures.ThreadPoolExecutor):
    for fut in concurrent.futures.as_completed([pool.submit(fetch, u) for u in urls], timeout=10):
        fut.result()  # want: ASL202


async def in_order(urls, pool: ThreadPoolExecutor):
    pending = [pool.submit(fetch, u) for u in urls]
    for fut in list(pending):
        fut.result()  # want: ASL202


# Quiet: asyncio tasks from a comprehension; their result() of a done task
# does not wait.
async def tasks_done(urls):
    tasks = [asyncio.create_task(asyncio.sleep(0)) for u in urls]
    await asyncio.wait(tasks)
    for t in tasks:
        t.result()


# Quiet: asyncio.as_completed yields awaitables, awaited here.
async def awaited_in_turn(urls):
    for coro in asyncio.as_completed([asyncio.sleep(0) for u in urls]):
        await coro


# Quiet: the pool's futures wrapped and awaited.
async def wrapped(urls, pool: ThreadPoolExecutor):
    futures = [asyncio.wrap_future(pool.submit(fetch, u)) for u in urls]
    for fut in futures:
        await fut


# Quiet: a synchronous function may wait.
def sync_fan_out(urls):
    with ThreadPoolExecutor() as executor:
        for future in as_completed([executor.submit(fetch, u) for u in urls]):
            future.result()
