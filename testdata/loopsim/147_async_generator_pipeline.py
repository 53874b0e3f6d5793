# Chained async generators: source -> transform -> filter, each stage with
# its own latency, consumed with async for and an async comprehension.
import asyncio


async def source(n: int):
    for i in range(n):
        await asyncio.sleep(0.015)
        yield i


async def enrich(items):
    async for item in items:
        await asyncio.sleep(0.01)
        yield item * 10


async def only_even(items):
    async for item in items:
        if item % 20 == 0:
            yield item


async def main():
    collected = [x async for x in only_even(enrich(source(8)))]
    total = 0
    async for v in enrich(source(3)):
        total += v
    print(collected, total)


if __name__ == "__main__":
    asyncio.run(main())
