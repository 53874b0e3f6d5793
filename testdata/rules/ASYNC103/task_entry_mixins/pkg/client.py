import asyncio

from .updates import UpdateMethods


class Client(UpdateMethods):
    def __init__(self):
        self._queue = asyncio.Queue()
        self._tasks = set()

    def connect(self):
        loop = asyncio.get_running_loop()
        self._tasks.add(asyncio.create_task(self._update_loop()))
        self._tasks.add(loop.create_task(self._keepalive_loop()))
        self._tasks.add(asyncio.create_task(self._sync_state()))

    async def resync(self):
        await self._sync_state()
