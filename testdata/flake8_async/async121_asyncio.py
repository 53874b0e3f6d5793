# upstream: tests/eval_files/async121_asyncio.py @ 3435f63fbc201fbaa93730b53391a3eb442ab77d
# codes: ASYNC121
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
import asyncio


async def returns_in_group():
    async with asyncio.TaskGroup():
        return  # want: ASYNC121


async def returns_in_nested_def():
    async with asyncio.TaskGroup():

        def helper():
            return


async def loop_inside_group():
    async with asyncio.TaskGroup():
        while True:
            continue


async def group_inside_while_continue():
    while True:
        async with asyncio.TaskGroup():
            continue  # want: ASYNC121


async def for_inside_group():
    async with asyncio.TaskGroup():
        for _ in range(3):
            continue


async def group_inside_for_continue():
    for _ in range(3):
        async with asyncio.TaskGroup():
            continue  # want: ASYNC121


async def break_in_own_while():
    async with asyncio.TaskGroup():
        while True:
            break


async def group_inside_while_break():
    while True:
        async with asyncio.TaskGroup():
            break  # want: ASYNC121


async def break_in_own_for():
    async with asyncio.TaskGroup():
        for _ in range(3):
            break


async def group_inside_for_break():
    for _ in range(3):
        async with asyncio.TaskGroup():
            break  # want: ASYNC121
