# upstream: tests/eval_files/async100_asyncio.py @ 231ba7445087ee82dd4a38438ebe845b25f74669
# codes: ASYNC100
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
import asyncio
import asyncio.timeouts


async def empty_timeouts(deadline):
    async with asyncio.timeout_at(deadline):  # want: ASYNC100
        print("no await")
    async with asyncio.timeout(10):  # want: ASYNC100
        print("no await")

    async with asyncio.timeouts.timeout_at(deadline):  # want: ASYNC100
        print("no await")
    async with asyncio.timeouts.timeout(10):  # want: ASYNC100
        print("no await")


async def awaited_timeouts():
    async with asyncio.timeout(10):
        await asyncio.sleep(1)


async def two_timeouts_in_one_statement(deadline):
    async with asyncio.timeout(10), asyncio.timeout_at(deadline):  # want: ASYNC100  # extra: ASYNC100 -- entering asyncio.timeout_at never suspends: both timeouts are empty (upstream counts one)
        ...
