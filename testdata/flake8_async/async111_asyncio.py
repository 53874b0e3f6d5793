# upstream: tests/eval_files/async111_asyncio.py @ 126eab4be1b4aaffd5b5f4a3da0514c991b95675
# codes: ASYNC111
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
import asyncio


async def work(*args): ...


async def files(path):
    async with asyncio.TaskGroup() as tg:
        with open(path) as f:
            tg.create_task(work(f))  # want: ASYNC111
            # asyncio's TaskGroup has no start/start_soon; flake8-async reports them anyway
            await tg.start(work, f)  # want: ASYNC111
            tg.start_soon(work, f)  # want: ASYNC111


async def opened_outside(path):
    with open(path) as f:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work(f))
