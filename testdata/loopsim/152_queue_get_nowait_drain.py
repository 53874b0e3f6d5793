# Batching consumer: wait for one item, then drain whatever else is queued
# with get_nowait() until QueueEmpty.
import asyncio


async def producer(q: asyncio.Queue):
    for burst in (3, 1, 4):
        for i in range(burst):
            q.put_nowait(i)
        await asyncio.sleep(0.05)
    await q.put(None)


async def batcher(q: asyncio.Queue) -> list:
    batches = []
    while True:
        first = await q.get()
        if first is None:
            return batches
        batch = [first]
        while True:
            try:
                item = q.get_nowait()
            except asyncio.QueueEmpty:
                break
            if item is None:
                batches.append(batch)
                return batches
            batch.append(item)
        await asyncio.sleep(0.02 * len(batch))
        batches.append(batch)


async def main():
    q: asyncio.Queue = asyncio.Queue()
    _, batches = await asyncio.gather(producer(q), batcher(q))
    print(batches)


if __name__ == "__main__":
    asyncio.run(main())
