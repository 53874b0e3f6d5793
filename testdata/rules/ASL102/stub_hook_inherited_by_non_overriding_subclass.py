# Quiet: a base class's no-op hook (`def on_start(self): pass`) that one
# subclass overrides with an async def and another does not override. In
# the class that keeps the base's hook (and has no subclass of its own),
# `self.on_start()` runs the base's plain no-op, never a coroutine
# function: only the overrides in the receiver's own subclasses can run
# there (review30). Nor is a call whose result is tested for a coroutine,
# or handed back to the caller, a dropped coroutine.
import asyncio


class Plugin:
    def on_start(self):
        pass


class AsyncPlugin(Plugin):
    async def on_start(self):
        await asyncio.sleep(0)

    def restart(self):
        # Fires: in the class that overrides it, the hook is a coroutine function.
        self.on_start()  # want: ASL102 "coroutine `self.on_start\(\)` is never awaited"


class Counter(Plugin):
    """Keeps Plugin's on_start: its own calls run the no-op."""

    def reset(self):
        self.count = 0
        self.on_start()


class Loader:
    def __init__(self, plugin: Plugin):
        self.plugin = plugin

    def load(self):
        result = self.plugin.on_start()
        if asyncio.iscoroutine(result):
            asyncio.get_event_loop().run_until_complete(result)

    def started(self):
        return self.plugin.on_start()

    async def aload(self):
        r = self.plugin.on_start()
        if r is not None:
            await r


def reset_counter(counter: Counter):
    counter.on_start()


# Quiet: a class listing asyncio.Protocol before the base runs asyncio's own
# plain connection_lost (first in its MRO), not the base's stub nor an
# async override: asyncio.Protocol is a library class with methods, not
# typing.Protocol.
class Transport:
    def connection_lost(self, exc):
        raise NotImplementedError


class AsyncTransport(Transport):
    async def connection_lost(self, exc):
        await asyncio.sleep(0)


class StreamProtocol(asyncio.Protocol, Transport):
    pass


def lose(transport: Transport):
    transport.connection_lost(None)
