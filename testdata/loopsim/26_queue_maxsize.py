# Producer (0.02 s per item) feeds a bounded queue; the consumer takes
# 0.06 s per item; 5 items -> about 0.02 + 5 * 0.06 = 0.32 s.
import asyncio


async def producer(q, n):
    for i in range(n):
        await asyncio.sleep(0.02)
        await q.put(i)
    await q.put(None)


async def consumer(q):
    while True:
        item = await q.get()
        if item is None:
            break
        await asyncio.sleep(0.06)


async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q, 5), consumer(q))


if __name__ == "__main__":
    asyncio.run(main())
