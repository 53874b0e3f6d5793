# anyio's own tests: each test defines its own `taskfunc`.
import anyio
import pytest
from anyio import TASK_STATUS_IGNORED, create_task_group
from anyio.abc import TaskStatus
from anyio.from_thread import start_blocking_portal


# Quiet: this test's `taskfunc` is only started where start() must fail; the
# other tests' `taskfunc`s are other functions.
async def test_start_crash_before_started_call():
    async def taskfunc(*, task_status: TaskStatus):
        raise Exception("foo")

    async with create_task_group() as tg:
        with pytest.raises(Exception):
            await tg.start(taskfunc)


# Fires: this one is started where start() waits for it.
async def test_start_waits():
    async def taskfunc(*, task_status: TaskStatus):  # want: ASYNC128
        await anyio.sleep(1)

    async with create_task_group() as tg:
        await tg.start(taskfunc)


# Quiet: the blocking portal's start_task, expected to fail.
def test_portal_start_crash():
    async def taskfunc(*, task_status: TaskStatus):
        raise Exception("foo")

    with start_blocking_portal() as portal:
        with pytest.raises(Exception, match="foo"):
            portal.start_task(taskfunc)


# Fires: the portal's start_task outside pytest.raises waits for started().
def test_portal_start_waits():
    async def taskfunc(*, task_status: TaskStatus):  # want: ASYNC128
        await anyio.sleep(1)

    with start_blocking_portal() as portal:
        portal.start_task(taskfunc)


# Quiet: started() is called on a local bound to the parameter.
async def started_through_an_alias(*, task_status: TaskStatus[float] = TASK_STATUS_IGNORED):
    status: TaskStatus[int] = task_status
    status.started(0)
    await anyio.sleep(1)


# Fires: the alias is bound, but nothing calls started() on it.
async def alias_never_started(*, task_status: TaskStatus[float] = TASK_STATUS_IGNORED):  # want: ASYNC128
    status = task_status
    print(status)
    await anyio.sleep(1)
