# The classic demo: 10,000 coroutines each sleeping 0.1 s, gathered.
import asyncio


async def tiny(i: int) -> int:
    await asyncio.sleep(0.1)
    return i


async def main():
    results = await asyncio.gather(*(tiny(i) for i in range(10_000)))
    print(len(results))


if __name__ == "__main__":
    asyncio.run(main())
