import asyncio


async def fetch(x):
    await asyncio.sleep(x)
    return x


async def awaited_twice():
    coro = fetch(1)
    await coro
    await coro  # want: ASL103


async def awaited_in_loop():
    coro = fetch(1)
    for _ in range(3):
        await coro  # want: ASL103


async def scheduled_and_awaited():
    coro = fetch(1)
    task = asyncio.create_task(coro)
    await coro  # want: ASL103
    await task


# Quiet.
async def rebound_between():
    coro = fetch(1)
    await coro
    coro = fetch(2)
    await coro


async def one_branch_each(flag):
    coro = fetch(1)
    if flag:
        await coro
    else:
        await coro


async def task_awaited_twice():
    # A task (unlike a coroutine) may be awaited any number of times.
    task = asyncio.create_task(fetch(1))
    await task
    await task


async def fresh_each_iteration():
    for i in range(3):
        coro = fetch(i)
        await coro
