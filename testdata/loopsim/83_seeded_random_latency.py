# "Network latency" from a seeded random generator is reproducible, so
# statically knowable: the slowest of 8 uniform(0.05, 0.25) delays.
import asyncio
import random

random.seed(7)


async def fetch(i):
    delay = random.uniform(0.05, 0.25)
    await asyncio.sleep(delay)
    return i, delay


async def main():
    results = await asyncio.gather(*(fetch(i) for i in range(8)))
    jitter = random.randint(1, 5)
    await asyncio.sleep(jitter * 0.01)
    return results


if __name__ == "__main__":
    asyncio.run(main())
