# A per-user sliding-window rate limiter: time.monotonic() hits in a defaultdict of deques under an asyncio.Lock, retrying after the oldest hit leaves the window.
import asyncio
import time
from collections import defaultdict, deque


class SlidingWindowLimiter:
    def __init__(self, limit, window):
        self.limit = limit
        self.window = window
        self.hits = defaultdict(deque)
        self.lock = asyncio.Lock()

    async def wait(self, user):
        while True:
            async with self.lock:
                now = time.monotonic()
                q = self.hits[user]
                while q and now - q[0] >= self.window:
                    q.popleft()
                if len(q) < self.limit:
                    q.append(now)
                    return
                retry_in = self.window - (now - q[0])
            await asyncio.sleep(retry_in)


async def handle(limiter, user, i, log):
    await limiter.wait(user)
    await asyncio.sleep(0.005)
    log.append((user, i))


async def main():
    limiter = SlidingWindowLimiter(limit=3, window=0.05)
    log = []
    users = ["alice"] * 7 + ["bob"] * 4
    await asyncio.gather(*(handle(limiter, u, i, log) for i, u in enumerate(users)))
    per_user = {u: sum(1 for x, _ in log if x == u) for u in set(users)}
    print(per_user, log[-1])


if __name__ == "__main__":
    asyncio.run(main())
