# An async generator produces items every 0.05 s; the consumer spends 0.02 s
# blocking on each (in the same task) -> 5 * (0.05 + 0.02) = 0.35 s.
import asyncio
import time


async def ticker(n, interval):
    for i in range(n):
        await asyncio.sleep(interval)
        yield i


async def main():
    seen = []
    async for tick in ticker(5, 0.05):
        seen.append(tick)
        time.sleep(0.02)
    return seen


if __name__ == "__main__":
    asyncio.run(main())
