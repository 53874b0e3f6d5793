# A coroutine that a plain def or a lambda returns to its caller must stay a
# coroutine: the caller awaits what it gets (duet's `awaitable(value)`, which
# wraps a plain value in a coroutine with a never-awaiting helper).
import asyncio
import inspect


def awaitable(value):
    """Wraps a value to ensure that it is awaitable."""
    if inspect.isawaitable(value):
        return value
    return _awaitable_value(value)


async def _awaitable_value(value):  # quiet: awaitable() returns its coroutine to callers that await it
    return value


async def _default_reply():  # quiet: the lambda returns its coroutine to the caller that awaits it
    return {"ok": True}


REPLY = lambda: _default_reply()


async def use(x):
    return await awaitable(x), await REPLY()


# Returned unawaited from an async def, the coroutine is a missing await
# (ASL102's finding), not a use: the never-awaiting callee is still reported.
async def _compute(n):  # want: ASYNC124
    return n * 2


async def compute_twice(n):
    await asyncio.sleep(0)
    return _compute(n)


# Called and awaited only: still reported.
async def _double(n):  # want: ASYNC124
    return n * 2


def not_returned(n):
    coro = _double(n)
    coro.close()


async def run(n):
    return await _double(n)
