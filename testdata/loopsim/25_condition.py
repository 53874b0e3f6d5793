# Consumers wait on a Condition; the producer notifies one per 0.1 s -> 0.3 s.
import asyncio

items = []


async def consumer(cond):
    async with cond:
        await cond.wait_for(lambda: len(items) > 0)
        items.pop()


async def producer(cond):
    for i in range(3):
        await asyncio.sleep(0.1)
        async with cond:
            items.append(i)
            cond.notify()


async def main():
    cond = asyncio.Condition()
    await asyncio.gather(consumer(cond), consumer(cond), consumer(cond), producer(cond))


if __name__ == "__main__":
    asyncio.run(main())
