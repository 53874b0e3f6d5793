import asyncio

background = set()


async def work():
    await asyncio.sleep(1)


async def dropped(loop, flag):
    asyncio.create_task(work())  # want: ASYNC300 "the task returned by `asyncio\.create_task\(\)` is not kept"
    asyncio.ensure_future(work())  # want: ASYNC300
    loop.create_task(work())  # want: ASYNC300
    asyncio.get_running_loop().create_task(work())  # want: ASYNC300
    asyncio.create_task(work()) if flag else None  # want: ASYNC300
    flag and asyncio.create_task(work())  # want: ASYNC300
    [asyncio.create_task(work()) for _ in range(3)]  # want: ASYNC300
    asyncio.create_task(work()).add_done_callback(print)  # want: ASYNC300


# Quiet: the reference is kept.
async def kept(tg: asyncio.TaskGroup):
    task = asyncio.create_task(work())
    background.add(task)
    task.add_done_callback(background.discard)
    background.add(asyncio.create_task(work()))
    tasks = [asyncio.create_task(work()) for _ in range(3)]
    await asyncio.gather(*tasks)
    async with asyncio.TaskGroup() as group:
        group.create_task(work())
    tg.create_task(work())
    return asyncio.create_task(work())


def sync_kept():
    return asyncio.ensure_future(work())
