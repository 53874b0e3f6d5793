# Cases from flake8-async's eval_files/async111_asyncio.py and realistic variants.
import asyncio


async def bar(*args, **kwargs): ...


async def files(path):
    async with asyncio.TaskGroup() as tg:
        with open(path) as f:
            tg.create_task(bar(f))  # want: ASYNC111
            await tg.start(bar, f)  # want: ASYNC111
            tg.start_soon(bar, f)  # want: ASYNC111


async def connections(pool):
    async with asyncio.TaskGroup() as tg:
        async with pool.acquire() as conn:
            tg.create_task(bar(conn.cursor()))  # want: ASYNC111
            task = tg.create_task(bar(x=conn))  # want: ASYNC111
    return task


# Quiet.
async def opened_outside(path):
    with open(path) as f:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bar(f))


async def value_read_before(path):
    async with asyncio.TaskGroup() as tg:
        with open(path) as f:
            data = f.read()
        tg.create_task(bar(data))


async def other_names(pool, items):
    async with asyncio.TaskGroup() as tg:
        async with pool.acquire() as conn:
            rows = await conn.fetch("select 1")
        for item in items:
            tg.create_task(bar(item, rows))
