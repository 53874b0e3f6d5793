# upstream: tests/eval_files/async113.py @ 0241dfac9ad4fd19cab661f4ba3b27baa1ef3198
# codes: ASYNC113
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# Upstream's base library is anyio (substituted by asyncio, which has no start_soon):
# restated with anyio task groups, the startable known by its task_status parameter.
from contextlib import asynccontextmanager

import anyio
import anyio.abc


async def ready_when_started(task_status: anyio.abc.TaskStatus[None] = anyio.TASK_STATUS_IGNORED):
    task_status.started()
    await anyio.sleep(0)


@asynccontextmanager
async def serving():
    async with anyio.create_task_group() as group:
        group.start_soon(ready_when_started)  # want: ASYNC113
    annotated: anyio.abc.TaskGroup = ...
    annotated.start_soon(ready_when_started)  # want: ASYNC113
    annotated.start_soon(anyio.run_process, ["true"])  # differs: ASYNC113 -- anyio's run_process takes no task_status: not startable (upstream: a false alarm)
    yield


class NamedGroup:
    def __init__(self):
        self.nursery_manager = anyio.create_task_group()
        self.nursery = None

    async def __aenter__(self):
        self.nursery = await self.nursery_manager.__aenter__()
        self.nursery.start_soon(ready_when_started)  # want: ASYNC113

    async def __aexit__(self, *exc):
        await self.nursery_manager.__aexit__(*exc)


# Upstream tracks the receiver only through an annotation of exactly the
# task group type or a name containing "nursery", and lists these as not
# tracked; asyncls needs no receiver type: start_soon of a startable function.
class FromAenter:
    async def __aenter__(self):
        self.group_manager = anyio.create_task_group()
        self.group = await self.group_manager.__aenter__()
        self.group.start_soon(ready_when_started)  # extra: ASYNC113 -- the receiver's type is not needed (upstream: call chain not tracked)

    async def __aexit__(self, *exc):
        await self.group_manager.__aexit__(*exc)


class AnnotatedInInit:
    def __init__(self):
        self.group_manager = anyio.create_task_group()
        self.group: anyio.abc.TaskGroup = None

    async def __aenter__(self):
        self.group = await self.group_manager.__aenter__()
        self.group.start_soon(ready_when_started)  # extra: ASYNC113 -- the receiver's type is not needed (upstream: not tracked across methods)

    async def __aexit__(self, *exc):
        await self.group_manager.__aexit__(*exc)


class AnnotatedOptional:
    async def __aenter__(self):
        self.group_manager = anyio.create_task_group()
        self.group: anyio.abc.TaskGroup | None = None
        self.group = await self.group_manager.__aenter__()
        self.group.start_soon(ready_when_started)  # extra: ASYNC113 -- the receiver's type is not needed (upstream: `X | None` not read)

    async def __aexit__(self, *exc):
        await self.group_manager.__aexit__(*exc)


class AnnotatedExactly:
    async def __aenter__(self):
        self.group_manager = anyio.create_task_group()
        self.group: anyio.abc.TaskGroup = None
        self.group = await self.group_manager.__aenter__()
        self.group.start_soon(ready_when_started)  # want: ASYNC113

    async def __aexit__(self, *exc):
        await self.group_manager.__aexit__(*exc)


# Quiet: a start_soon in a nested sync function runs later, not in the
# context manager's entry.
@asynccontextmanager
async def nested_sync():
    async with anyio.create_task_group() as group:
        def later():
            group.start_soon(ready_when_started)

        yield later
