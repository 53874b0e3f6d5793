# Cases from flake8-async's eval_files/async912_asyncio.py.
import asyncio
import asyncio.timeouts


def bar() -> bool:
    return False


async def foo():
    # ASYNC100's, not ASYNC912's.
    async with asyncio.timeout(10):  # want: ASYNC100
        ...
    async with asyncio.timeouts.timeout_at(  # want: ASYNC100
        10
    ):
        ...

    # Quiet.
    async with asyncio.timeout(10):
        await foo()
    async with asyncio.timeout_at(10):
        await foo()
    async with asyncio.timeout(10):
        if bar():
            await foo()
        else:
            raise TimeoutError

    async with asyncio.timeout_at(10):  # want: ASYNC912
        if bar():
            await foo()
    async with asyncio.timeout(10):  # want: ASYNC912
        if bar():
            await foo()
    async with asyncio.timeouts.timeout(10):  # want: ASYNC912
        for _ in range(bar()):
            await foo()
    async with asyncio.timeouts.timeout_at(10):  # want: ASYNC912
        while bar():
            await foo()
