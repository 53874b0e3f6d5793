import asyncio


async def refresh(cache, key):
    async with asyncio.timeout(1):  # want: ASYNC912 "`asyncio\.timeout\(\)` context has checkpoints, but not on every path"
        if key not in cache:
            cache[key] = await load(key)


# Quiet
async def always(key):
    async with asyncio.timeout(1):
        return await load(key)


async def none_at_all(key):
    async with asyncio.timeout(1):  # want: ASYNC100
        print(key)


async def load(key):
    await asyncio.sleep(0)
    return key
