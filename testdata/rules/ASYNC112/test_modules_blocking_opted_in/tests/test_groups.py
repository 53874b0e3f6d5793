# Quiet: blocking-in-tests = true turns on the rules about blocking calls in
# test modules, not the simplification hints (hints-in-tests).
from anyio import create_task_group


async def step():
    pass


async def test_one_step():
    async with create_task_group() as tg:
        tg.start_soon(step)
