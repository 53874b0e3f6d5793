from .api import cached, fetch


async def twice():
    # fetch is an async def of another module: `coro` is a coroutine.
    coro = fetch()
    first = await coro
    second = await coro  # want: ASL103
    return first, second


def reused_value():
    # cached, a sync function of another module, returns a value: quiet.
    value = cached()
    return value, value
