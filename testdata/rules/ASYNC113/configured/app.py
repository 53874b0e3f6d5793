# flake8-async's eval_files/async113_asyncio.py, with the startable name configured.
import asyncio
from contextlib import asynccontextmanager

import mylib


async def bar(): ...


async def baz(): ...


@asynccontextmanager
async def my_cm():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bar)  # want: ASYNC113
        tg.create_task(bar())  # want: ASYNC113
        tg.create_task(mylib.serve(8080))  # want: ASYNC113
        tg.create_task(baz())
        yield
        tg.create_task(bar())


class Service:
    async def __aenter__(self):
        self._tg = asyncio.TaskGroup()
        await self._tg.__aenter__()
        self._tg.create_task(bar())  # want: ASYNC113
        self._tg.create_task(baz())

        def later():
            self._tg.create_task(bar())

        return self

    async def start(self):
        self._tg.create_task(bar())
