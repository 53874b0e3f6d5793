# upstream: tests/eval_files/async110.py @ 2475157b9ebad45eb65cf3a9e00ec63116f8f491
# codes: ASYNC110
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# Upstream marks this file ASYNCIO_NO_ERROR ("not yet supported"): it expects
# nothing on asyncio code, so each asyncio busy-wait asyncls reports is an extra.
import asyncio
import asyncio as other_name


def pick() -> bool: ...


async def waits(ready):
    while not ready():  # extra: ASYNC110 -- asyncio.sleep busy-waits as trio.sleep does
        await asyncio.sleep(1)

    while pick():
        while not ready():  # extra: ASYNC110 -- asyncio.sleep busy-waits as trio.sleep does
            await asyncio.sleep(1)
        await asyncio.sleep(1)

    while pick():
        await asyncio.sleep(1)
        await asyncio.sleep(1)

    while pick():
        print("tick")
        await asyncio.sleep(1)

    async def sleep(): ...

    while pick():
        await sleep()

    while pick():
        await asyncio.sleepy()

    for _ in "abc":
        await asyncio.sleep(1)

    while pick():

        async def inner():
            await asyncio.sleep(1)

    while pick():
        if ready():
            await asyncio.sleep(1)
