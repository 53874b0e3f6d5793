# A task only tested for truth is dropped right after the test. (Not named
# *_test.py: that would make it a test module.)
import asyncio


async def work(): ...


async def conditions(flag):
    a = 1 if asyncio.create_task(work()) else 2  # want: ASYNC300
    b = (i for i in range(3) if asyncio.create_task(work()))  # want: ASYNC300
    if asyncio.create_task(work()):  # want: ASYNC300
        pass
    while asyncio.create_task(work()):  # want: ASYNC300
        break
    # Quiet: the task is the value kept.
    c = asyncio.create_task(work()) if flag else None
    return a, b, c
