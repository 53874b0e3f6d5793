# Cases from flake8-async's eval_files/async100*.py, translated to asyncio.
import asyncio
import asyncio.timeouts
import contextlib


async def one_line():
    async with asyncio.timeout(10): ...; ...; ...  # want: ASYNC100


async def module_paths():
    async with asyncio.timeouts.timeout(10):  # want: ASYNC100
        ...
    async with asyncio.timeouts.timeout_at(10):  # want: ASYNC100
        ...


async def sync_for_is_no_checkpoint(items):
    async with asyncio.timeout(10):  # want: ASYNC100
        for _ in items:
            ...


async def nested_def_is_not_run():
    async with asyncio.timeout(10):  # want: ASYNC100
        async def inner():
            await asyncio.sleep(1)

    async with asyncio.timeout(10):  # want: ASYNC100
        if inner:
            async def inner2():
                if inner:
                    await asyncio.sleep(1)


async def lambda_is_not_run():
    async with asyncio.timeout(1):  # want: ASYNC100
        callback = lambda: asyncio.sleep(1)
    return callback


async def inside_other_context():
    async with contextlib.AsyncExitStack():
        async with asyncio.timeout(1):  # want: ASYNC100
            print("foo")


async def task_group_starting_nothing():
    async with asyncio.timeout(1):  # want: ASYNC100
        async with asyncio.TaskGroup():
            ...


# Quiet.
async def loop_with_await():
    async with asyncio.timeout(10):
        while True:
            await asyncio.sleep(1)


async def early_return(condition):
    async with asyncio.timeout(10):
        while True:
            if condition():
                return
            await asyncio.sleep(1)


async def other_async_with(stream):
    async with asyncio.timeout(10):
        async with stream:
            ...


async def task_group_with_tasks(a, b):
    # The group's exit waits for the tasks: the timeout can fire there.
    async with asyncio.timeout(10):
        async with asyncio.TaskGroup() as tg:
            tg.create_task(a())
            tg.create_task(b())


async def unknown_library():
    async with random_ignored_library.timeout(10):
        ...


async def odd_context_expressions(agen_fn, a):
    async with contextlib.asynccontextmanager(agen_fn)():
        ...
    async with a().b():
        ...


async def await_in_conditional_expression(y):
    async with asyncio.timeout(1):
        x = 1 if (await y()) else 2
    return x
