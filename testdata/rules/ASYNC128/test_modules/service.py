# The same nested startable outside a test module is reported.
import anyio
from anyio import create_task_group
from anyio.abc import TaskStatus


async def run_service():
    async def taskfunc(*, task_status: TaskStatus) -> None:  # want: ASYNC128
        await anyio.sleep(2)

    async with create_task_group() as tg:
        await tg.start(taskfunc)
