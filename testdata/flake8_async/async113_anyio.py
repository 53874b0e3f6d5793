# upstream: tests/eval_files/async113_anyio.py @ 4539d9c6262d88366a220bcdafedb16ac2de2893
# codes: ASYNC113
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
from contextlib import asynccontextmanager

import anyio
import anyio.abc


async def ready_when_started(task_status: anyio.abc.TaskStatus[None] = anyio.TASK_STATUS_IGNORED):
    task_status.started()
    await anyio.sleep(0)


@asynccontextmanager
async def background():
    async with anyio.create_task_group() as group:
        group.start_soon(ready_when_started)  # want: ASYNC113
        group.start_soon(anyio.run_process, ["true"])  # differs: ASYNC113 -- anyio's run_process takes no task_status: not startable (upstream: a false alarm)
        yield
