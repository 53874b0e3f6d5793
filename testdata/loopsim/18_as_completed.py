# as_completed yields in completion order; each result takes 0.05 s of
# blocking post-processing -> 0.1, 0.15 ... last at 0.3 + 0.05 = 0.35 s.
import asyncio
import time


async def work(d):
    await asyncio.sleep(d)
    return d


async def main():
    total = 0
    for fut in asyncio.as_completed([work(0.3), work(0.1), work(0.2)]):
        total += await fut
        time.sleep(0.05)
    return total


if __name__ == "__main__":
    asyncio.run(main())
