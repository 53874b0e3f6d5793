# Cases from flake8-async's eval_files/async128.py.
from typing import Any

import anyio
from anyio.abc import TaskStatus


async def never_started(task_status=anyio.TASK_STATUS_IGNORED):  # want: ASYNC128 "async function `never_started` takes `task_status` but never calls `task_status\.started\(\)`"
    await anyio.sleep(1)


async def started(task_status=anyio.TASK_STATUS_IGNORED):
    task_status.started()


async def started_with_value(task_status=anyio.TASK_STATUS_IGNORED):
    task_status.started(7)


async def no_task_status():
    await anyio.sleep(1)


async def conditional_start(condition: bool, *, task_status):
    if condition:
        task_status.started()


async def unreachable_start(task_status):
    for _ in range(0):
        task_status.started()


async def annotated(status: TaskStatus[int]):  # want: ASYNC128
    await anyio.sleep(1)


async def annotated_bare(status: TaskStatus):  # want: ASYNC128
    await anyio.sleep(1)


async def annotated_qualified(status: anyio.abc.TaskStatus[int]):  # want: ASYNC128
    await anyio.sleep(1)


async def annotated_ok(status: TaskStatus[int]):
    status.started(5)


async def posonly_ignored(task_status, /):
    await anyio.sleep(1)


async def posonly_annotated(status: TaskStatus[int], /):  # want: ASYNC128
    await anyio.sleep(1)


async def starargs_ignored(*task_status, **kwargs):
    await anyio.sleep(1)


async def helper(fn: Any, task_status):  # quiet, unlike flake8-async: the callee owns started()
    await fn(task_status=task_status)


async def helper_positional(fn: Any, task_status):  # quiet, unlike flake8-async
    await fn(1, task_status)


async def aliased(task_status):  # quiet, unlike flake8-async: started() on a local bound to the parameter is its own
    ts = task_status
    ts.started()


async def not_called(task_status):  # want: ASYNC128
    task_status.started


class AttributeStatus:
    task_status: TaskStatus[None]

    async def relay(self, task_status):  # want: ASYNC128
        self.task_status.started()


async def closure(task_status=anyio.TASK_STATUS_IGNORED):
    def inner():
        task_status.started()

    inner()


async def lambda_closure(task_status=anyio.TASK_STATUS_IGNORED):
    fn = lambda: task_status.started()
    fn()


async def shadowed(task_status):  # want: ASYNC128
    async def inner(task_status=anyio.TASK_STATUS_IGNORED):
        task_status.started()

    await inner()


async def shadowed_by_lambda(task_status):  # want: ASYNC128
    fn = lambda task_status: task_status.started()
    fn(None)


async def shadowed_by_vararg(task_status):  # want: ASYNC128
    def inner(*task_status: Any):
        task_status[0].started()

    inner(None)


async def nested_never_started():
    async def inner(task_status=anyio.TASK_STATUS_IGNORED):  # want: ASYNC128
        await anyio.sleep(1)

    await inner()


class StartableProtocol:
    async def ellipsis_body(self, *, task_status: TaskStatus[None]): ...

    async def pass_body(self, *, task_status: TaskStatus[None]):
        pass

    async def docstring_body(self, *, task_status: TaskStatus[None]):
        """It has a docstring."""

    async def raise_body(self, *, task_status: TaskStatus[None]):
        raise NotImplementedError

    async def method_never_started(self, task_status=anyio.TASK_STATUS_IGNORED):  # want: ASYNC128
        await anyio.sleep(1)


def sync_fn(task_status):
    return None
