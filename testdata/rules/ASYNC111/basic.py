import asyncio


async def main(pool, path):
    async with asyncio.TaskGroup() as tg:
        async with pool.acquire() as conn:
            tg.create_task(work(conn))  # want: ASYNC111 "`conn` comes from a context manager that closes before the task group waits"
        with open(path) as f:
            tg.create_task(work(f))  # want: ASYNC111


# Quiet: the context manager encloses the task group.
async def right_order(pool):
    async with pool.acquire() as conn:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work(conn))


async def unrelated(pool, other):
    async with asyncio.TaskGroup() as tg:
        async with pool.acquire() as conn:
            await conn.execute("SELECT 1")
            tg.create_task(work(other))


async def work(x):
    return x
