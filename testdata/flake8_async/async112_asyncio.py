# upstream: tests/eval_files/async112_asyncio.py @ 0748ce7d9814cabbe8ad38ff132e98a368638b4f
# codes: ASYNC112
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
import asyncio


async def work(*args): ...


async def groups():
    async with asyncio.TaskGroup() as tg:  # want: ASYNC112
        tg.create_task(work())

    async with asyncio.TaskGroup() as tg:
        tg.create_task(work(tg))

    async with asyncio.TaskGroup() as tg:
        tg.start(work())
