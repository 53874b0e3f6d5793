# A coroutine passed to a project function is followed into the parameter
# it binds: a parameter only read as data means nobody awaits it. An
# argument that lands in `*args` (annotated or not) is one item of a tuple:
# `len(args)` counts the arguments and `args[i]` hands one on, neither is a
# use of the coroutine's result. A positional argument past `*args` or a bare
# `*` never binds the keyword-only parameter that follows.
import asyncio
from typing import Any, Awaitable, List


async def gather(*args: Awaitable[Any], limit: int = -1) -> List[Any]:
    results = [None] * len(args)
    for i in range(len(args)):
        results[i] = await asyncio.ensure_future(args[i])
    return results


async def gather_untyped(*args, return_exceptions=False):
    if not args:
        return []
    return await asyncio.gather(*args, return_exceptions=return_exceptions)


def size(value, *, strict=False):
    return len(value)


def pick(first, *rest, key=()):
    return len(first) + len(key)


def only_keywords(*, key=None):
    return len(key)


async def fn(arg):
    await asyncio.sleep(0)
    return arg


async def main():
    f = fn(1)
    g = fn(2)
    await gather(f, f, g, limit=2)  # quiet: gather's *args
    await gather(fn(1), fn(2))  # quiet
    await gather_untyped(fn(1), fn(2))  # quiet
    size(fn(3))  # want: ASL102 "passed to `size\(\)` as `value`, where it is passed to `len\(\)` as if it were its result"
    pick(1, fn(4), fn(5))  # quiet: both into *rest, not key
    pick(fn(6))  # want: ASL102
    only_keywords(fn(7))  # quiet: a bare `*` takes no positional argument (a TypeError, not a misused coroutine)
