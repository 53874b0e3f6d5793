# unknown: random
# Jittered delays without a seed: the total differs on every run.
import asyncio
import random


async def jittery(i: int) -> float:
    delay = random.uniform(0.01, 0.2)
    await asyncio.sleep(delay)
    return delay


async def main():
    delays = await asyncio.gather(*(jittery(i) for i in range(5)))
    print(max(delays))


if __name__ == "__main__":
    asyncio.run(main())
