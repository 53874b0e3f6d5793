# upstream: tests/eval_files/async300.py @ 112e8929739b36d641a027d283f682573fc52575
# codes: ASYNC300
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
import asyncio
from typing import Any


def consume(*args: object): ...


class Keeper:
    def __init__(self):
        self.tasks: set[Any] = set()

    def __ior__(self, task: object):
        self.tasks.add(task)
        return self

    def __iadd__(self, task: object):
        self.tasks.add(task)
        return self


async def work(): ...


async def spawns(args: Any):
    asyncio.create_task(work())  # want: ASYNC300

    kept = asyncio.create_task(work())

    tasks = []
    tasks.append(asyncio.create_task(work()))

    consume(asyncio.create_task(work()))

    (walrus := asyncio.create_task(work()))

    tasks = [asyncio.create_task(work())]

    keeper = Keeper()
    keeper |= asyncio.create_task(work())
    keeper += asyncio.create_task(work())

    tasks = [asyncio.create_task(work()) for _ in range(3)]

    def hands_back():
        return asyncio.create_task(work())

    def hands_back_list():
        return [asyncio.create_task(work())]

    asyncio.create_task

    [asyncio.create_task(work())]  # want: ASYNC300

    (asyncio.create_task(work()) for _ in range(3))  # want: ASYNC300

    flag = 1 if asyncio.create_task(work()) else 2  # want: ASYNC300

    flags = (i for i in range(3) if asyncio.create_task(work()))  # want: ASYNC300

    with asyncio.create_task(work()) as entered:  # differs: ASYNC300 -- a task is no context manager: an AttributeError, not a dropped task
        pass

    from asyncio import create_task

    create_task(work())  # extra: ASYNC300 -- the function-local import is resolved

    alias = asyncio.create_task
    alias(work())  # extra: ASYNC300 -- the alias of create_task is resolved

    starter = lambda: asyncio.create_task(work())
    starter()
