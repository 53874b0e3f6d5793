import asyncio


async def get(cache, key):
    if key in cache:
        return cache[key]  # want: ASYNC910 "return from async function `get` with no guaranteed checkpoint since its definition on line 4"
    return await load(key)


async def maybe(flag):  # want: ASYNC910
    if flag:
        await asyncio.sleep(0)


async def loop_may_not_run(items):  # want: ASYNC910
    for item in items:
        await load(item)


# Quiet
async def always(flag):
    if flag:
        await asyncio.sleep(0)
    else:
        await asyncio.sleep(1)


async def raises(flag):
    if flag:
        raise ValueError
    await asyncio.sleep(0)


async def async_for(stream):
    async for item in stream:
        pass


async def with_lock(lock):
    async with lock:
        return 1


async def infinite(q):
    while True:
        await q.get()


async def stub():
    ...


async def try_all(x):
    try:
        await load(x)
    except ValueError:
        await load(None)


async def load(key):
    await asyncio.sleep(0)
    return key
