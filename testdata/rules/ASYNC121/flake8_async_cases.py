# Cases from flake8-async's eval_files/async121_asyncio.py.
import asyncio


async def foo_return():
    async with asyncio.TaskGroup():
        return  # want: ASYNC121


async def foo_return_nested():
    async with asyncio.TaskGroup():

        def bar():
            return  # safe


async def foo_while_continue_safe():
    async with asyncio.TaskGroup():
        while True:
            continue  # safe


async def foo_while_continue_unsafe():
    while True:
        async with asyncio.TaskGroup():
            continue  # want: ASYNC121


async def foo_for_break_unsafe():
    for _ in range(5):
        async with asyncio.TaskGroup() as tg:
            if tg:
                break  # want: ASYNC121
    async for _ in x:
        async with asyncio.TaskGroup() as tg:
            try:
                break  # want: ASYNC121
            finally:
                pass


async def t():
    async with asyncio.timeout(1):
        return 1
    async with asyncio.TaskGroup() as tg:
        tg.create_task(x())
        return await y  # want: ASYNC121
