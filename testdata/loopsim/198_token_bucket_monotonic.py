# A client-side rate limiter: a token bucket refilled from time.monotonic()
# readings; callers wait for the next token. 18 requests through a bucket
# of 4 tokens refilling at 40 tokens/s, each request taking 10 ms.
import asyncio
import time


class TokenBucket:
    def __init__(self, rate, capacity):
        self.rate = rate
        self.capacity = capacity
        self.tokens = capacity
        self.updated = time.monotonic()
        self.lock = asyncio.Lock()

    def _refill(self):
        now = time.monotonic()
        elapsed = now - self.updated
        self.tokens = min(self.capacity, self.tokens + elapsed * self.rate)
        self.updated = now

    async def acquire(self):
        async with self.lock:
            while True:
                self._refill()
                if self.tokens >= 1:
                    self.tokens -= 1
                    return
                missing = 1 - self.tokens
                await asyncio.sleep(missing / self.rate)


class ApiClient:
    def __init__(self, bucket):
        self.bucket = bucket
        self.calls = 0

    async def request(self, path):
        await self.bucket.acquire()
        self.calls += 1
        await asyncio.sleep(0.01)
        return {"path": path, "status": 200}


async def main():
    client = ApiClient(TokenBucket(rate=40, capacity=4))
    started = time.monotonic()
    paths = [f"/items/{i}" for i in range(18)]
    responses = await asyncio.gather(*(client.request(p) for p in paths))
    ok = sum(1 for r in responses if r["status"] == 200)
    print(f"{ok} ok in {time.monotonic() - started:.2f}s")


if __name__ == "__main__":
    asyncio.run(main())
