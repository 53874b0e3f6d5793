# unknown: time of day
# A metrics flusher that aligns each flush to the next whole second of the
# wall clock: how long the first wait lasts depends on when it starts.
import asyncio
import time


class Flusher:
    def __init__(self, period):
        self.period = period
        self.flushed = 0

    async def run(self, rounds):
        for _ in range(rounds):
            now = time.time()
            await asyncio.sleep(self.period - now % self.period)
            self.flushed += 1


async def main():
    flusher = Flusher(period=1.0)
    await flusher.run(2)
    print(flusher.flushed)


if __name__ == "__main__":
    asyncio.run(main())
