import asyncio


async def single():
    async with asyncio.TaskGroup() as tg:  # want: ASYNC112 "this task group only starts one task"
        tg.create_task(worker())


# Quiet
async def two():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker())
        tg.create_task(worker())


async def passes_itself():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg))


async def other_statement():
    async with asyncio.TaskGroup() as tg:
        print(tg)


async def worker():
    pass


async def spawner(tg):
    tg.create_task(worker())
