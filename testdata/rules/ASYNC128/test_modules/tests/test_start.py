# A test module: a startable defined inside a test is the test's own; running
# the test shows a missing started() (start() raises or never returns), so
# what is left are tests that cancel or fail start() on purpose.
import anyio
from anyio import create_task_group
from anyio.abc import TaskStatus


async def test_start_cancelled():
    started = finished = False

    # Quiet: nested in a test of a test module.
    async def taskfunc(*, task_status: TaskStatus) -> None:
        nonlocal started, finished
        started = True
        await anyio.sleep(2)
        finished = True

    async with create_task_group() as tg:
        tg.cancel_scope.cancel()
        await tg.start(taskfunc)

    assert started
    assert not finished


# Fires: a module-level helper that the module's tests share.
async def serve(*, task_status: TaskStatus) -> None:  # want: ASYNC128
    await anyio.sleep(1)


async def test_serve():
    async with create_task_group() as tg:
        await tg.start(serve)
        tg.cancel_scope.cancel()
