import asyncio


async def fetch():
    await asyncio.sleep(0)
    return 1


async def twice():
    coro = fetch()
    first = await coro
    second = await coro  # want: ASL103 "coroutine `coro` was already awaited on line 11"
    return first, second


async def scheduled_and_awaited():
    coro = fetch()
    task = asyncio.create_task(coro)
    result = await coro  # want: ASL103
    return task, result


async def gathered_twice():
    coro = fetch()
    await asyncio.gather(coro)
    await asyncio.wait_for(coro, 1)  # want: ASL103


async def in_loop():
    coro = fetch()
    for _ in range(3):
        await coro  # want: ASL103


async def sleep_twice():
    pause = asyncio.sleep(1)
    await pause
    await pause  # want: ASL103


# Quiet
async def task_twice():
    task = asyncio.create_task(fetch())
    await task
    await task


async def branches(flag):
    coro = fetch()
    if flag:
        await coro
    else:
        await asyncio.wait_for(coro, 1)


async def fresh_each_time():
    for _ in range(3):
        coro = fetch()
        await coro


async def once():
    coro = fetch()
    return await coro


async def escapes(holder):
    coro = fetch()
    holder.append(coro)
    await coro
