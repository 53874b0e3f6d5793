# Quiet: a test module (pytest's file name, under tests/). A test's one-task
# group is how it exercises the group itself: the ExceptionGroup that wraps
# the task's error, the task's own cancel scope. `await fails()` would test
# something else.
import asyncio

import pytest
from anyio import create_task_group


async def fails():
    raise ValueError


async def test_group_wraps_the_error():
    with pytest.RaisesGroup(ValueError):
        async with create_task_group() as tg:
            tg.start_soon(fails)


async def test_asyncio_group_wraps_the_error():
    with pytest.raises(ExceptionGroup):
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails())
