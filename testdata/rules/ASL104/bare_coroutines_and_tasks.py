# config: asl104-discarded-gather = true  # the discarded gather is opt-in
import asyncio


async def fetch(x):
    await asyncio.sleep(x)
    return x


async def bare_coroutines():
    done, pending = await asyncio.wait([fetch(1), fetch(2)])  # want: ASL104
    coros = [fetch(i) for i in range(3)]
    await asyncio.wait(coros)  # want: ASL104
    await asyncio.gather(fetch(1), fetch(2), return_exceptions=True)  # want: ASL104
    return done, pending


# Quiet.
async def tasks():
    done, _ = await asyncio.wait([asyncio.create_task(fetch(1))])
    tasks = [asyncio.create_task(fetch(i)) for i in range(3)]
    await asyncio.wait(tasks, timeout=1)
    results = await asyncio.gather(fetch(1), return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            print(r)
    return done
