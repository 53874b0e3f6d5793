import asyncio


async def load(key: str) -> str:
    await asyncio.sleep(0)
    return key


async def retry(key: str, attempts: int = 3) -> str:
    coro = load(key)
    for attempt in range(attempts):
        try:
            return await coro  # want: ASL103
        except OSError:
            await asyncio.sleep(attempt)
    raise RuntimeError(key)


async def retry_fixed(key: str, attempts: int = 3) -> str:
    # Quiet: a fresh coroutine each attempt.
    for attempt in range(attempts):
        try:
            return await load(key)
        except OSError:
            await asyncio.sleep(attempt)
    raise RuntimeError(key)


async def race(key: str) -> str:
    pending = load(key)
    task = asyncio.ensure_future(pending)
    await asyncio.sleep(0)
    return await pending  # want: ASL103


async def task_twice(key: str) -> tuple:
    # Quiet: a Task (not a coroutine) may be awaited many times.
    task = asyncio.create_task(load(key))
    first = await task
    second = await task
    return first, second


async def branches(key: str, fast: bool) -> str:
    # Quiet: only one branch awaits.
    coro = load(key)
    if fast:
        return await asyncio.wait_for(coro, 1)
    else:
        return await coro
