# config: asl104-discarded-gather = true  # the discarded gather is opt-in
import asyncio


async def fetch(u):
    await asyncio.sleep(0)
    return u


async def wait_coroutines(urls):
    await asyncio.wait([fetch(u) for u in urls])  # want: ASL104 "`asyncio\.wait\(\)` is given coroutines \(`fetch\(u\)`\) but needs tasks"
    await asyncio.wait({fetch(1), fetch(2)})  # want: ASL104
    pending = [fetch(u) for u in urls]
    await asyncio.wait(pending)  # want: ASL104


async def gather_discarded(urls):
    await asyncio.gather(*(fetch(u) for u in urls), return_exceptions=True)  # want: ASL104
    _ = await asyncio.gather(fetch(1), return_exceptions=True)  # want: ASL104


# Quiet
async def wait_tasks(urls):
    done, pending = await asyncio.wait([asyncio.create_task(fetch(u)) for u in urls])
    tasks = [asyncio.ensure_future(fetch(u)) for u in urls]
    await asyncio.wait(tasks)
    return done, pending


async def gather_used(urls):
    results = await asyncio.gather(*(fetch(u) for u in urls), return_exceptions=True)
    await asyncio.gather(fetch(1), fetch(2))
    await asyncio.gather(fetch(1), return_exceptions=False)
    return results


async def cancel_and_wait(tasks):
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def close(tasks):
    await asyncio.gather(*tasks, return_exceptions=True)


async def cleanup_in_finally(tasks):
    try:
        await asyncio.sleep(1)
    finally:
        await asyncio.gather(*tasks, return_exceptions=True)


def fire_and_forget(urls):
    asyncio.gather(*(fetch(u) for u in urls), return_exceptions=True)  # want: ASL104
