import asyncio


class IoTBase:
    # hass-nabucasa's reconnect loop: _wait_retry() starts and awaits
    # self.retry_task, which disconnect() cancels; the handler breaks out of
    # the loop, ending the wait.
    def __init__(self):
        self.retry_task = None
        self.other_task = None

    async def disconnect(self):
        if self.retry_task is not None:
            self.retry_task.cancel()

    async def _wait_retry(self):
        self.retry_task = asyncio.create_task(asyncio.sleep(5))
        await self.retry_task
        self.retry_task = None

    async def _wait_other(self):
        self.other_task = asyncio.create_task(asyncio.sleep(5))
        await self.other_task

    async def _wait_twice(self):
        await asyncio.sleep(1)
        await self.retry_task

    async def connect(self, handle):
        while True:
            await handle()
            try:
                await self._wait_retry()
            except asyncio.CancelledError:
                # Happens if disconnect called
                break

    async def connect_other(self, handle):
        while True:
            await handle()
            try:
                await self._wait_other()
            except asyncio.CancelledError:
                # Fires: nothing in the class cancels other_task.
                break  # want: ASYNC104

    async def connect_twice(self, handle):
        while True:
            await handle()
            try:
                await self._wait_twice()
            except asyncio.CancelledError:
                # Fires: the helper's first await may receive the caller's cancel.
                break  # want: ASYNC104

    async def connect_and_go_on(self, handle):
        while True:
            await handle()
            try:
                await self._wait_retry()
            except asyncio.CancelledError:  # want: ASYNC103
                # Fires: the loop goes on after the swallow.
                pass
