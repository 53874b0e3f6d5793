# A retry decorator (functools.wraps) on dataclass services behind a Semaphore, seeded jitter, a latency histogram with bisect, itemgetter ranking.
import asyncio
import bisect
import functools
import random
import time
from dataclasses import dataclass, field
from operator import itemgetter


def retry(times=3, base=0.01):
    def deco(fn):
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs):
            delay = base
            for attempt in range(1, times + 1):
                try:
                    return await fn(*args, **kwargs)
                except (TimeoutError, ConnectionError) as exc:
                    if attempt == times:
                        raise
                    await asyncio.sleep(delay)
                    delay *= 2
        return wrapper
    return deco


@dataclass
class Service:
    name: str
    latencies: list
    calls: int = 0
    errors: list = field(default_factory=list)

    @retry(times=4, base=0.005)
    async def ping(self, payload=None, *, strict=False):
        self.calls += 1
        lat = self.latencies[min(self.calls - 1, len(self.latencies) - 1)]
        if lat is None:
            self.errors.append(self.calls)
            raise ConnectionError(f"{self.name} down")
        await asyncio.sleep(lat)
        return self.name, lat


BUCKETS = [0.01, 0.02, 0.05, 0.1]


def bucket_of(lat):
    i = bisect.bisect_left(BUCKETS, lat)
    return BUCKETS[i] if i < len(BUCKETS) else float("inf")


async def main():
    rng = random.Random(1234)
    services = [Service(f"svc{i}", [None] * (i % 3) + [round(rng.uniform(0.01, 0.06), 3)]) for i in range(5)]
    sem = asyncio.Semaphore(2)

    async def guarded(s):
        async with sem:
            return await s.ping({"n": 1}, strict=True)

    t0 = time.monotonic()
    results = await asyncio.gather(*(guarded(s) for s in services))
    ranked = sorted(results, key=itemgetter(1), reverse=True)
    hist = {}
    for name, lat in results:
        hist[bucket_of(lat)] = hist.get(bucket_of(lat), 0) + 1
    slowest = max(hist, default=0)
    await asyncio.sleep(slowest / 2)
    total_errors = sum((len(s.errors) for s in services), start=0)
    for idx, (name, lat) in enumerate(ranked[:2], start=1):
        await asyncio.sleep(0.002 * idx + 0.001 * total_errors)
    print(ranked, hist, total_errors, f"{time.monotonic() - t0:.3f}")


if __name__ == "__main__":
    asyncio.run(main())
