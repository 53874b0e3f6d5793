# upstream: tests/eval_files/async128.py @ b2b2a5f30999a907123e761bfbdf2aa03c5a5690
# codes: ASYNC128
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# Upstream runs this file under every library; here the startables are
# written for anyio's TaskStatus, which asyncio programs use through anyio.
from typing import Any

import anyio
from anyio.abc import TaskStatus


async def server_never_ready(  # want: ASYNC128
    task_status=anyio.TASK_STATUS_IGNORED,
):
    await anyio.sleep(1)


async def server_ready(task_status=anyio.TASK_STATUS_IGNORED):
    task_status.started()


async def server_ready_with_port(task_status=anyio.TASK_STATUS_IGNORED):
    task_status.started(8080)


async def plain_task():
    await anyio.sleep(1)


async def ready_when(flag: bool, *, task_status):
    if flag:
        task_status.started()


async def ready_in_dead_loop(task_status):
    for _ in range(0):
        task_status.started()


async def typed_never_ready(status: TaskStatus[int]):  # want: ASYNC128
    await anyio.sleep(1)


async def typed_bare_never_ready(status: TaskStatus):  # want: ASYNC128
    await anyio.sleep(1)


async def typed_dotted_never_ready(  # want: ASYNC128
    status: anyio.abc.TaskStatus[int],
):
    await anyio.sleep(1)


async def typed_ready(status: TaskStatus[int]):
    status.started(1)


async def positional_only_name(task_status, /):
    await anyio.sleep(1)


async def positional_only_typed(  # want: ASYNC128
    status: TaskStatus[int], /
):
    await anyio.sleep(1)


async def star_params(*task_status, **options):
    await anyio.sleep(1)


async def forwards(run: Any, task_status):  # differs: ASYNC128 -- the callee owns the started() call (trio's serve_tcp does this)
    await run(task_status=task_status)


async def through_alias(task_status):  # differs: ASYNC128 -- started() on a local bound to the parameter is the parameter's own (anyio's typing tests)
    status = task_status
    status.started()


async def attribute_only(task_status):  # want: ASYNC128
    task_status.started


class Relay:
    task_status: TaskStatus[None]

    async def relay(self, task_status):  # want: ASYNC128
        self.task_status.started()


async def in_closure(task_status=anyio.TASK_STATUS_IGNORED):
    def mark():
        task_status.started()

    mark()


async def in_lambda(task_status=anyio.TASK_STATUS_IGNORED):
    mark = lambda: task_status.started()
    mark()


async def shadowed_by_inner(task_status):  # want: ASYNC128
    async def inner(task_status=anyio.TASK_STATUS_IGNORED):
        task_status.started()

    await inner()


async def shadowed_by_lambda_param(  # want: ASYNC128
    task_status,
):
    mark = lambda task_status: task_status.started()
    mark(None)


async def shadowed_by_varargs(  # want: ASYNC128
    task_status,
):
    def inner(*task_status: Any):
        task_status[0].started()

    inner(None)


async def outer_without_status():
    async def inner(  # want: ASYNC128
        task_status=anyio.TASK_STATUS_IGNORED,
    ):
        await anyio.sleep(1)

    await inner()


class StartableInterface:
    async def stub_ellipsis(self, *, task_status: TaskStatus[None]): ...

    async def stub_pass(self, *, task_status: TaskStatus[None]):
        pass

    async def stub_docstring(self, *, task_status: TaskStatus[None]):
        """Started by implementations."""

    async def stub_raise(self, *, task_status: TaskStatus[None]):
        raise NotImplementedError

    async def real_never_ready(  # want: ASYNC128
        self, task_status=anyio.TASK_STATUS_IGNORED
    ):
        await anyio.sleep(1)


def sync_function(task_status):
    return None
