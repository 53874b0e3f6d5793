# A Celery task defined in another module of the project: its delay and
# apply_async publish the task message to the broker synchronously, and give
# an AsyncResult whose get() waits for the worker.
import asyncio

from proj import tasks
from proj.tasks import add


async def total(x):
    return add.delay(x, 1).get(timeout=10)  # want: ASL202 "add\.delay\(x, 1\)\.get\(\)"


async def daily(day):
    result = tasks.report.apply_async((day,))  # want: ASL202 "tasks\.report\.apply_async\(\)"
    return result.get()  # want: ASL202


async def fire_and_forget(x):
    return add.delay(x, 1).id  # want: ASL202 "add\.delay\(\).*publishes the task message to the broker"


# Quiet.
async def total_offloaded(x):
    result = await asyncio.to_thread(add.delay, x, 1)
    return await asyncio.to_thread(result.get, timeout=10)


async def fire_and_forget_offloaded(x):
    return (await asyncio.to_thread(add.delay, x, 1)).id


def total_sync(x):
    return add.delay(x, 1).get()
