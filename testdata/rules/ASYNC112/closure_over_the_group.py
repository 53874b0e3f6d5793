import asyncio

import anyio
from anyio import create_task_group


async def subtask() -> None:
    await anyio.sleep(0)


async def test_parent_of_a_grandchild() -> None:
    # Quiet: the one task starts another in the same group through the closure.
    async def starter_task() -> None:
        tg.start_soon(subtask)

    async with create_task_group() as tg:
        tg.start_soon(starter_task)


async def asyncio_closure() -> None:
    # Quiet: the same with asyncio's TaskGroup and a coroutine call.
    async def starter() -> None:
        group.create_task(subtask())

    async with asyncio.TaskGroup() as group:
        group.create_task(starter())


async def closure_over_something_else() -> None:
    # Fires: the nested function does not name the group.
    other = []

    async def worker() -> None:
        other.append(1)

    async with create_task_group() as tg:  # want: ASYNC112
        tg.start_soon(worker)


async def shadowed_by_a_parameter() -> None:
    # Fires: `tg` in the task is its own parameter, not the group.
    async def worker(tg=None) -> None:
        print(tg)

    async with create_task_group() as tg:  # want: ASYNC112
        tg.start_soon(worker)
