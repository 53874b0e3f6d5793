# A background poller is cancelled; its finally block flushes (awaits), and
# main waits for it with contextlib.suppress(CancelledError).
import asyncio
import contextlib


class Poller:
    def __init__(self, interval: float):
        self.interval = interval
        self.ticks = 0

    async def run(self):
        try:
            while True:
                await asyncio.sleep(self.interval)
                self.ticks += 1
        finally:
            await self.flush()

    async def flush(self):
        await asyncio.sleep(0.04)


async def main():
    poller = Poller(0.03)
    task = asyncio.create_task(poller.run())
    await asyncio.sleep(0.2)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    print("ticks", poller.ticks)


if __name__ == "__main__":
    asyncio.run(main())
