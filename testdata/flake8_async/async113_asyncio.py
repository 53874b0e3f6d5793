# upstream: tests/eval_files/async113_asyncio.py @ 0748ce7d9814cabbe8ad38ff132e98a368638b4f
# codes: ASYNC113
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# Upstream names the startable with --startable-in-context-manager=serve;
# here it is a startable by its signature (a task_status parameter).
import asyncio
from contextlib import asynccontextmanager

import anyio


async def serve(task_status=anyio.TASK_STATUS_IGNORED):
    task_status.started()
    await anyio.sleep_forever()


@asynccontextmanager
async def serving():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(serve())  # want: ASYNC113
        yield
