# Producer/consumer with a bounded queue and one None sentinel per consumer.
# The producer makes 8 items (20 ms each); two consumers take 50 ms per item.
import asyncio

N_CONSUMERS = 2
N_ITEMS = 8


async def producer(queue: asyncio.Queue) -> None:
    for i in range(N_ITEMS):
        await asyncio.sleep(0.02)  # "produce"
        await queue.put(i)
    for _ in range(N_CONSUMERS):
        await queue.put(None)


async def consumer(name: str, queue: asyncio.Queue, results: list) -> None:
    while True:
        item = await queue.get()
        if item is None:
            break
        await asyncio.sleep(0.05)
        results.append((name, item))


async def main():
    queue: asyncio.Queue = asyncio.Queue(maxsize=2)
    results: list = []
    consumers = [asyncio.create_task(consumer(f"c{i}", queue, results)) for i in range(N_CONSUMERS)]
    await producer(queue)
    await asyncio.gather(*consumers)
    print(len(results), "items")


if __name__ == "__main__":
    asyncio.run(main())
