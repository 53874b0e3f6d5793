# A token-bucket rate limiter for a metrics exporter: refill intervals come
# from math and are often below a millisecond, so asyncio's timer
# granularity (epoll waits whole milliseconds) decides the run time.
import asyncio
import math


class TokenBucket:
    def __init__(self, rate_per_s, burst):
        self.interval = 1 / rate_per_s
        self.tokens = burst
        self.burst = burst

    async def take(self):
        while self.tokens < 1:
            await asyncio.sleep(self.interval)
            self.tokens = min(self.burst, self.tokens + 1)
        self.tokens -= 1


async def export(bucket, points):
    sent = 0
    for _ in range(points):
        await bucket.take()
        sent += 1
    return sent


async def main():
    fast = TokenBucket(rate_per_s=5000, burst=5)       # 0.2 ms per token
    slow = TokenBucket(rate_per_s=250, burst=2)         # 4 ms per token
    n_fast = math.ceil(math.sqrt(1600))                 # 40 points
    n_slow = int(math.log2(1024)) * 2                   # 20 points
    sent = await asyncio.gather(export(fast, n_fast), export(slow, n_slow))
    await asyncio.sleep(math.floor(math.pi * 10) / 1000)
    print(sent)


if __name__ == "__main__":
    asyncio.run(main())
