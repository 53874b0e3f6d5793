import asyncio


class Job:
    def __init__(self) -> None:
        self.done = False
        self.progress = 0
        self._event = asyncio.Event()

    async def wait_done(self) -> None:
        while not self.done:  # want: ASYNC110
            await asyncio.sleep(0.05)

    async def wait_progress(self, target: int) -> None:
        while self.progress < target:  # want: ASYNC110
            await asyncio.sleep(0.1)

    async def wait_event(self) -> None:
        # Quiet: the fix.
        await self._event.wait()

    async def poll_with_work(self, fetch) -> None:
        # Quiet: the loop does work besides sleeping.
        while not self.done:
            self.progress = await fetch()
            await asyncio.sleep(1)

    async def ticker(self) -> None:
        # Quiet: a periodic task, not a wait for a condition.
        while True:
            await asyncio.sleep(60)
            print("tick")
