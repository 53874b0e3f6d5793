"""A token-bucket limiter refilled by loop callbacks: callers wait on a
Condition until a token is there; a call_later chain adds one token every
20 ms until the work is done."""
import asyncio


class Bucket:
    def __init__(self, capacity, every):
        self.tokens = capacity
        self.capacity = capacity
        self.every = every
        self.cond = asyncio.Condition()
        self.handle = None

    def start(self):
        loop = asyncio.get_running_loop()
        self.handle = loop.call_later(self.every, self._refill)

    def _refill(self):
        if self.tokens < self.capacity:
            self.tokens += 1
            asyncio.ensure_future(self._notify())
        self.handle = asyncio.get_running_loop().call_later(self.every, self._refill)

    async def _notify(self):
        async with self.cond:
            self.cond.notify()

    def stop(self):
        self.handle.cancel()

    async def take(self):
        async with self.cond:
            await self.cond.wait_for(lambda: self.tokens > 0)
            self.tokens -= 1


async def call_api(bucket, i, results):
    await bucket.take()
    await asyncio.sleep(0.01)
    results.append(i)


async def main():
    bucket = Bucket(capacity=3, every=0.02)
    bucket.start()
    results = []
    await asyncio.gather(*(call_api(bucket, i, results) for i in range(10)))
    bucket.stop()
    print(results)


if __name__ == "__main__":
    asyncio.run(main())
