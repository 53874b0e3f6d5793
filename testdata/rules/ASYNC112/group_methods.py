# The single task must be started with the group's own method.
import asyncio

import anyio


async def serve(*args, task_status=anyio.TASK_STATUS_IGNORED):
    task_status.started()


async def asyncio_group():
    # asyncio's TaskGroup has no start(): an AttributeError, not a task.
    async with asyncio.TaskGroup() as tg:
        await tg.start(serve)

    async with asyncio.TaskGroup() as tg:  # want: ASYNC112
        tg.create_task(serve())


async def anyio_group():
    async with anyio.create_task_group() as tg:  # want: ASYNC112
        await tg.start(serve)

    async with anyio.create_task_group() as tg:  # want: ASYNC112
        tg.start_soon(serve)

    # anyio's task group has no create_task.
    async with anyio.create_task_group() as tg:
        tg.create_task(serve())
