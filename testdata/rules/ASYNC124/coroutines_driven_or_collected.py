# A coroutine function whose coroutine is used as one stays async: its
# call's `__await__()` implements an object's `__await__`, or its calls are
# collected in a list or tuple to be awaited together. A coroutine function
# only called and awaited is still reported.
import asyncio


class NoOpAwaitable:
    def __await__(self):
        async def f():
            return None

        return f().__await__()


async def run_all(tasks):
    for t in tasks:
        await t


async def check_both():
    async def throws():
        1 / 0

    async def slow():
        await asyncio.sleep(1)

    for tasks in [[throws(), slow()], (slow(), throws())]:
        try:
            await run_all(tasks)
        except ZeroDivisionError:
            pass


async def helper():  # want: ASYNC124
    return 1


async def caller():
    return await helper()
