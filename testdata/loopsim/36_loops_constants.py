# Module constants, arithmetic and range loops -> 3 batches of 0.05 * 2 s.
import asyncio

BATCHES = 3
PER_BATCH = 4
BASE_DELAY = 0.05


async def item(i):
    await asyncio.sleep(BASE_DELAY * 2)
    return i * i


async def main():
    total = 0
    for b in range(BATCHES):
        results = await asyncio.gather(*(item(b * PER_BATCH + i) for i in range(PER_BATCH)))
        total += sum(results)
    if total > 1000:
        await asyncio.sleep(1)
    return total


if __name__ == "__main__":
    asyncio.run(main())
