# Retry with jittered exponential backoff, reproducible through a seed:
# random.Random(42) drives jitter, failure decisions and the order of work.
import asyncio
import random

rng = random.Random(42)


class Flaky:
    def __init__(self, name, fail_rate):
        self.name = name
        self.fail_rate = fail_rate

    async def call(self):
        await asyncio.sleep(rng.uniform(0.005, 0.015))
        if rng.random() < self.fail_rate:
            raise ConnectionError(self.name)
        return self.name


async def call_with_backoff(svc, base=0.01, cap=0.2, attempts=6):
    for attempt in range(attempts):
        try:
            return await svc.call()
        except ConnectionError:
            delay = min(cap, base * 2 ** attempt)
            await asyncio.sleep(delay / 2 + rng.uniform(0, delay / 2))
    return None


async def main():
    services = [Flaky(f"svc{i}", rate) for i, rate in enumerate([0.2, 0.5, 0.7, 0.1])]
    rng.shuffle(services)
    results = []
    for svc in services:
        results.append(await call_with_backoff(svc))
    pick = rng.choice([r for r in results if r] or ["none"])
    extra = rng.randint(1, 5)
    await asyncio.sleep(0.01 * extra)
    print(results, pick, extra)


if __name__ == "__main__":
    asyncio.run(main())
