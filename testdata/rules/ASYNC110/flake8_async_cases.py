# Cases from flake8-async's eval_files/async110.py, with asyncio.
import asyncio
import asyncio as aio
from asyncio import sleep


async def loops(event, ready, items, stream):
    while ...:  # want: ASYNC110
        await asyncio.sleep(1)

    while ...:
        while ...:  # want: ASYNC110
            await asyncio.sleep(0)
        await asyncio.sleep(1)

    while not event.is_set():  # want: ASYNC110
        await sleep(0.1)

    while not ready():  # want: ASYNC110
        await aio.sleep(0.5)

    while (  # want: ASYNC110
        not ready()
    ):
        await asyncio.sleep(0.5)

    # Quiet: the body does more than sleep.
    while ...:
        await asyncio.sleep(1)
        await asyncio.sleep(1)

    while ...:
        ...
        await asyncio.sleep(1)

    while ...:
        if ...:
            await asyncio.sleep(1)

    while await asyncio.sleep(1):
        ...

    for _ in items:
        await asyncio.sleep(1)

    async for _ in stream:
        await asyncio.sleep(1)

    while ...:
        async def blah():
            await asyncio.sleep(1)

    async def nap(): ...

    while ...:
        await nap()

    while ...:
        await asyncio.sleeping()
