# Another module hands them callables: an async one is reported at the
# argument, since the call that drops its coroutine is in hooks.py.
import asyncio
import functools

from hooks import fire, fire_checked


async def on_start(event):
    await asyncio.sleep(0)


def on_start_sync(event):
    print(event)


def boot():
    fire("start", on_start)  # want: ASL102 "`on_start` is a coroutine function, passed to `fire\(\)` as `hook`, which calls it without awaiting \(`hook\(event\)`\)"
    fire("start", hook=functools.partial(on_start))  # want: ASL102 "a partial of a coroutine function"
    fire("start", on_start_sync)
    fire_checked("start", on_start)
