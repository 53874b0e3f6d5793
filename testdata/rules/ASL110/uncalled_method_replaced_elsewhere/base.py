import asyncio


class Base:
    async def ready(self):
        pass

    async def closed(self):
        pass

    async def go(self):
        await self.ready  # quiet: child.py's Child stores a future as self.ready
        await self.closed  # want: ASL110 "`self.closed` is a coroutine function, not a coroutine"
        asyncio.create_task(self.closed)  # want: ASL110 "`asyncio.create_task\(\)` expects a coroutine"


class Plain:
    async def run(self):
        pass

    def start(self):
        self.run = asyncio.ensure_future(self.run())

    async def stop(self):
        await self.run  # quiet: start() stores the task as self.run
