# Cases from flake8-async's eval_files/async913.py, with asyncio.
import asyncio


def condition() -> bool:
    return False


async def foo():
    while True:  # want: ASYNC913
        ...


async def foo2():
    while True:
        await foo()


async def foo3():
    while True:  # want: ASYNC913
        if condition():
            await foo()


async def foo_break():
    while True:
        if condition():
            break


async def foo_nested():
    while True:
        while True:  # want: ASYNC913
            ...


async def foo_conditional_nested():
    while True:  # want: ASYNC913
        if condition():
            while True:  # want: ASYNC913
                ...


async def foo_indef_and_910():
    while True:  # want: ASYNC913
        if condition():
            await foo()
            return


async def foo_indef_and_910_2():
    while True:  # want: ASYNC913
        if condition():
            return


async def foo_indef_and_911():
    await foo()
    while True:  # want: ASYNC913
        if condition():
            yield
        if condition():
            yield


async def foo_indef_and_911_2():
    await foo()
    while True:  # want: ASYNC913
        while condition():
            yield


async def polls(queue):
    while True:  # want: ASYNC913
        try:
            item = queue.get_nowait()
        except asyncio.QueueEmpty:
            continue
        await handle(item)


async def handle(item):
    await asyncio.sleep(0)
    while True:
        try:
            await asyncio.sleep(item)
        except ValueError:
            await asyncio.sleep(0)
