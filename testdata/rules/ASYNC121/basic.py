import asyncio


async def first_match(items):
    async with asyncio.TaskGroup() as tg:
        for item in items:
            if item.ok:
                return item  # want: ASYNC121 "`return` inside a task group waits for all its tasks"
            tg.create_task(check(item))


async def in_loop(batches):
    for batch in batches:
        async with asyncio.TaskGroup() as tg:
            if not batch:
                continue  # want: ASYNC121
            if batch == "stop":
                break  # want: ASYNC121
            tg.create_task(check(batch))


# Quiet
async def loop_inside(items):
    async with asyncio.TaskGroup() as tg:
        for item in items:
            if item is None:
                continue
            if item == "stop":
                break
            tg.create_task(check(item))
    return items


async def nested_def():
    async with asyncio.TaskGroup() as tg:
        def helper():
            return 1

        tg.create_task(check(helper()))


async def check(item):
    return item
