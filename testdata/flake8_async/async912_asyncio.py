# upstream: tests/eval_files/async912_asyncio.py @ 231ba7445087ee82dd4a38438ebe845b25f74669
# codes: ASYNC100 ASYNC912
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
import asyncio
import asyncio.timeouts


def pick() -> bool: ...


async def step(): ...


async def timeouts(deadline):
    async with asyncio.timeout(10):  # want: ASYNC100
        print("no await")
    async with asyncio.timeout_at(deadline):  # want: ASYNC100
        print("no await")
    async with asyncio.timeouts.timeout(  # want: ASYNC100
        10
    ):
        print("no await")
    async with asyncio.timeouts.timeout_at(  # want: ASYNC100
        deadline
    ):
        print("no await")

    async with asyncio.timeout(10):
        await step()
    async with asyncio.timeout_at(deadline):
        await step()

    async with asyncio.timeout_at(deadline):  # want: ASYNC912
        if pick():
            await step()
    async with asyncio.timeout(10):  # want: ASYNC912
        if pick():
            await step()
    async with asyncio.timeouts.timeout(10):  # want: ASYNC912
        if pick():
            await step()
    async with asyncio.timeouts.timeout_at(deadline):  # want: ASYNC912
        if pick():
            await step()
