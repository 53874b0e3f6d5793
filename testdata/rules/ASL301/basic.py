import asyncio

background = set()


async def notify(event):
    await asyncio.sleep(0)


def log_result(task):
    pass


async def handle(event):
    task = asyncio.create_task(notify(event))  # want: ASL301 "task `task` is only referenced by this local variable, which dies when `handle` returns"
    task.add_done_callback(log_result)


async def never_used(event):
    t = asyncio.ensure_future(notify(event))  # want: ASL301


async def in_loop(events):
    for event in events:
        task = asyncio.create_task(notify(event))  # want: ASL301
        task.set_name(str(event))


# Quiet
async def awaited(event):
    task = asyncio.create_task(notify(event))
    await task


async def stored(event):
    task = asyncio.create_task(notify(event))
    background.add(task)
    task.add_done_callback(background.discard)


async def returned(event):
    task = asyncio.create_task(notify(event))
    return task


async def cancelled(event):
    task = asyncio.create_task(notify(event))
    task.cancel()


async def group(event):
    async with asyncio.TaskGroup() as tg:
        task = tg.create_task(notify(event))


async def gathered(events):
    first = asyncio.create_task(notify(events[0]))
    await asyncio.gather(first)


module_task = None


async def global_task(event):
    global module_task
    module_task = asyncio.create_task(notify(event))
