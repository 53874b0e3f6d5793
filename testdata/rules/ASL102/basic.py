import asyncio


async def exists(key):
    return True


async def save(key):
    pass


async def agen():
    yield 1


class Repo:
    async def fetch(self, key):
        return key

    async def handler(self, key):
        self.fetch(key)  # want: ASL102 "coroutine `self\.fetch\(\)` is never awaited"
        if self.fetch(key):  # want: ASL102
            pass
        return await self.fetch(key)


async def handler(key):
    save(key)  # want: ASL102
    if not exists(key):  # want: ASL102
        pass
    while exists(key):  # want: ASL102
        break
    ok = exists(key) and True  # want: ASL102
    pending = save(key)  # want: ASL102
    asyncio.sleep(1)  # want: ASL102
    x = 1 if exists(key) else 2  # want: ASL102


def sync_caller(key):
    save(key)  # want: ASL102


# Quiet: awaited, scheduled, passed on, stored and used.
async def fine(key, tg):
    await save(key)
    if await exists(key):
        pass
    await asyncio.gather(save(key), exists(key))
    await asyncio.wait_for(save(key), timeout=1)
    task = asyncio.create_task(save(key))
    tg.create_task(save(key))
    coro = save(key)
    await coro
    later = exists(key)
    schedule(later)
    async for item in agen():
        pass
    agen()
    # Returned from an async def: awaiting fine() would give a coroutine.
    return save(key)  # want: ASL102


def schedule(c):
    return asyncio.ensure_future(c)


def sync_entry(key):
    asyncio.run(save(key))
    loop = asyncio.new_event_loop()
    loop.run_until_complete(exists(key))


def decorated(fn):
    return fn


@decorated
async def wrapped():
    pass


async def unknown_decorator():
    wrapped()
