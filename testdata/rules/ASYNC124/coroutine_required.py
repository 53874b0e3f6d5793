# Functions whose coroutine is handed to something that requires one, or
# that are used by name, stay coroutines.
import asyncio
import sys


async def make_future():  # quiet: run_until_complete() needs a coroutine
    return asyncio.get_event_loop().create_future()


async def background(items):  # quiet: create_task() needs a coroutine
    items.clear()


async def part(n):  # quiet: gather() needs awaitables
    return n * 2


async def on_message(msg):  # quiet: stored as a callback that is awaited later
    print(msg)


class Bus:
    def __init__(self):
        self.handlers = []

    def subscribe(self, handler):
        self.handlers.append(handler)

    async def publish(self, msg):
        for handler in self.handlers:
            await handler(msg)

    async def __aenter__(self):  # quiet: protocol method
        return self

    async def __aexit__(self, *exc):  # quiet: protocol method
        return None


async def compute(n):  # want: ASYNC124
    return n + 1


async def main(bus, items):
    bus.subscribe(on_message)
    task = asyncio.create_task(background(items))
    await asyncio.gather(part(1), part(2))
    await task
    return await compute(1)


def start(loop):
    return loop.run_until_complete(make_future())


try:
    from _fast_transport import open_channel
except ImportError:
    async def open_channel(path):  # quiet: fallback with the signature of the async original
        raise OSError("fast transport unavailable: " + path)


if sys.platform == "win32":
    async def connect(path):  # quiet: platform variant of an async function
        return path
else:
    async def connect(path):
        await asyncio.sleep(0)
        return path
