# 2,000 tasks consumed with as_completed, counting as they arrive.
import asyncio


async def probe(i: int) -> int:
    await asyncio.sleep(0.05 if i % 2 else 0.08)
    return i


async def main():
    tasks = [asyncio.create_task(probe(i)) for i in range(2000)]
    seen = 0
    for fut in asyncio.as_completed(tasks):
        await fut
        seen += 1
    print(seen)


if __name__ == "__main__":
    asyncio.run(main())
