# A callable bound once to a value of unknown type (a wrapped library method,
# a parameter) that the same async function awaits elsewhere makes an
# awaitable with every call: returning or dropping one of its calls is the bug.
import asyncio

from somelib.web import App

old_dispatch = App._dispatch


def install():
    async def patched(self, request):
        if request is None:
            return old_dispatch(self, request)  # want: ASL102
        return await old_dispatch(self, request)

    App._dispatch = patched


async def notify_all(send, users):
    await send(users[0])
    for user in users[1:]:
        send(user)  # want: ASL102


async def either_kind(func, *args):
    # Quiet: the function asks whether func is a coroutine function.
    if asyncio.iscoroutinefunction(func):
        return await func(*args)
    return func(*args)


async def guarded(cb, value):
    # Quiet: the awaited call sits under a test of the value's type.
    if isinstance(value, bytes):
        await cb(value)
    return cb(value.encode())


async def rebound(handler, item):
    # Quiet: a name bound twice may hold two kinds of callables.
    await handler(item)
    handler = make_sync_handler()
    handler(item)


def make_sync_handler():
    return print
