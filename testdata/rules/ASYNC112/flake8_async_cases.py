# Cases from flake8-async's eval_files/async112_asyncio.py and async112.py.
import asyncio
from functools import partial


async def bar(*args, **kwargs): ...


async def groups(items, other):
    async with asyncio.TaskGroup() as tg:  # want: ASYNC112
        tg.create_task(bar())

    async with asyncio.TaskGroup() as tg:  # want: ASYNC112
        await tg.create_task(bar())

    async with asyncio.TaskGroup() as tg, asyncio.timeout(1):  # want: ASYNC112
        tg.create_task(bar())

    # Quiet: the group is passed on, or the body does more.
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bar(tg))

    async with asyncio.TaskGroup() as tg:
        tg.create_task(bar(), name=str(tg))

    async with asyncio.TaskGroup() as tg:
        tg.create_task(partial(bar, tg)())

    async with asyncio.TaskGroup() as tg:
        tg.create_task(bar())
        tg.create_task(bar())

    async with asyncio.TaskGroup() as tg:
        for item in items:
            tg.create_task(bar(item))

    async with asyncio.TaskGroup() as tg:
        ...
        tg.create_task(bar())

    async with asyncio.TaskGroup() as tg:
        other.create_task(bar())

    async with asyncio.TaskGroup():
        pass
