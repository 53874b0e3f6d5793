# With hints-in-tests = true, test modules get the simplification hints too.
from anyio import create_task_group


async def step():
    pass


async def test_one_step():
    async with create_task_group() as tg:  # want: ASYNC112
        tg.start_soon(step)
