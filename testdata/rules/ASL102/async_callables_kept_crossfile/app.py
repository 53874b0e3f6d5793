# Another module subscribes: an async callback is reported at the argument,
# since the call that drops its coroutine is in bus.py.
import asyncio

from bus import Bus

bus = Bus()


async def on_order(message):
    await asyncio.sleep(0)


def on_order_sync(message):
    print(message)


def wire():
    bus.subscribe("orders", on_order)  # want: ASL102 "`on_order` is a coroutine function, kept by `Bus.subscribe\(\)` in `self._subscribers` and called without awaiting \(`callback\(message\)`\)"
    bus.subscribe("orders", on_order_sync)
