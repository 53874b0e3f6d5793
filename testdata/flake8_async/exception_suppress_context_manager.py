# upstream: tests/eval_files/exception_suppress_context_manager.py @ 112e8929739b36d641a027d283f682573fc52575
# codes: ASYNC910 ASYNC911
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# Upstream's option, as asyncls's setting:
# config: exception-suppress-context-managers = ["swallow", "*.dangerousname", "dangerouslibrary.*"]
import asyncio
import contextlib
from contextlib import suppress
from contextlib import suppress as renamed
from typing import Any

swallow: Any
anything: Any
dangerouslibrary: Any


async def suppress_call():  # want: ASYNC910
    with contextlib.suppress(ValueError):
        await asyncio.sleep(0)


async def configured_name():  # want: ASYNC910
    with swallow():
        await asyncio.sleep(0)


async def configured_suffix():  # want: ASYNC910
    with anything.dangerousname():
        await asyncio.sleep(0)


async def configured_prefix():  # want: ASYNC910
    with dangerouslibrary.anything():
        await asyncio.sleep(0)


async def generator_suppressed():  # want: ASYNC911
    with contextlib.suppress(KeyError):
        await asyncio.sleep(0)
        yield
        await asyncio.sleep(0)


async def async_with_checkpoints():
    async with swallow:
        await asyncio.sleep(0)


async def not_a_call():
    with contextlib.suppress:
        await asyncio.sleep(0)


async def imported_names():  # want: ASYNC910
    with suppress(OSError):
        await asyncio.sleep(0)
    with renamed(OSError):
        await asyncio.sleep(0)


async def function_local_import():
    from contextlib import suppress as inner

    with renamed():
        await asyncio.sleep(0)
    yield  # want: ASYNC911
    with inner():
        await asyncio.sleep(0)
    yield  # want: ASYNC911
    await asyncio.sleep(0)


async def other_context_manager():
    with open("x"):
        await asyncio.sleep(0)
