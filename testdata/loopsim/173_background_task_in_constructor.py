# A service whose constructor starts a background flusher task; the buffer is
# drained by polling empty()/get_nowait(); stop() cancels and awaits it.
import asyncio


class Metrics:
    def __init__(self, interval: float = 0.05):
        self.queue: asyncio.Queue = asyncio.Queue()
        self.flushed: list = []
        self.interval = interval
        self._task = asyncio.create_task(self._flusher())

    async def _flusher(self):
        while True:
            await asyncio.sleep(self.interval)
            batch = []
            while not self.queue.empty():
                batch.append(self.queue.get_nowait())
            if batch:
                await asyncio.sleep(0.005 * len(batch))  # ship it
                self.flushed.append(len(batch))

    def record(self, value: float) -> None:
        self.queue.put_nowait(value)

    async def stop(self):
        self._task.cancel()
        try:
            await self._task
        except asyncio.CancelledError:
            pass


async def main():
    metrics = Metrics()
    for i in range(12):
        metrics.record(i)
        await asyncio.sleep(0.015)
    await metrics.stop()
    print(metrics.flushed)


if __name__ == "__main__":
    asyncio.run(main())
