# Two cooperative counters yielding with sleep(0) 5,000 times each.
import asyncio


async def count(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
        await asyncio.sleep(0)
    return total


async def main():
    await asyncio.gather(count(5000), count(5000))


if __name__ == "__main__":
    asyncio.run(main())
