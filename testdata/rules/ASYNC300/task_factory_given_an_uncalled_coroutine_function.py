# `asyncio.create_task(worker)` raises TypeError and makes no task: ASL110
# reports the uncalled coroutine function, ASYNC300 has no task to keep. A
# project wrapper that takes the function itself still makes one.
import asyncio


async def worker():
    await asyncio.sleep(1)


class Server:
    def start_background_task(self, target, *args, **kwargs):
        return asyncio.ensure_future(target(*args, **kwargs))

    async def handle(self):
        self.start_background_task(self.service)  # want: ASYNC300
        asyncio.create_task(worker)
        asyncio.ensure_future(self.service)
        asyncio.create_task(worker())  # want: ASYNC300

    async def service(self):
        await asyncio.sleep(1)


class Base:
    async def ready(self):
        pass

    async def go(self):
        # A subclass stores a future as self.ready, so ASL110 stays quiet
        # and the task made from it is not kept.
        asyncio.ensure_future(self.ready)  # want: ASYNC300


class Child(Base):
    def __init__(self):
        self.ready = asyncio.get_event_loop().create_future()
