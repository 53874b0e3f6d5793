# upstream: tests/eval_files/async91x_autofix.py @ 18192ed65f585ed7d4bb4c25ee4853d7e85773a9
# codes: ASYNC910
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# Reduced to the match statements (upstream's other cases are restated in async910.py).
import asyncio
from typing import Any


def peek() -> Any: ...


async def poll() -> Any:
    await asyncio.sleep(0)


async def some_cases_wait(kind):  # want: ASYNC910
    match kind:
        case 1:
            pass
        case _:
            await poll()


async def guarded_wildcard_is_no_fallback(kind):  # want: ASYNC910
    match kind:
        case 1:
            await poll()
        case _ if True:
            await poll()


async def wildcard_guard_calls(kind):  # want: ASYNC910
    match kind:
        case 1:
            await poll()
        case _ if peek():
            await poll()


async def every_case_waits(kind):
    match kind:
        case 1:
            await poll()
        case _:
            await poll()


async def every_guard_waits(kind):
    match kind:
        case 1 if await poll():
            pass
        case _ if await poll():
            pass


async def guard_waits_then_wildcard(kind):
    match kind:
        case 1 if await poll():
            pass
        case _:
            await poll()


async def only_wildcard_guard_waits(kind):  # want: ASYNC910
    match kind:
        case 1:
            pass
        case _ if await poll():
            pass
