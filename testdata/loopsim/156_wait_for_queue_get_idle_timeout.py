# A consumer that exits after being idle: wait_for(queue.get(), timeout).
import asyncio

IDLE_TIMEOUT = 0.1


async def consumer(q: asyncio.Queue, handled: list) -> None:
    while True:
        try:
            item = await asyncio.wait_for(q.get(), timeout=IDLE_TIMEOUT)
        except asyncio.TimeoutError:
            return
        await asyncio.sleep(0.02)
        handled.append(item)


async def producer(q: asyncio.Queue) -> None:
    for gap in [0.01, 0.05, 0.03, 0.09, 0.02]:
        await asyncio.sleep(gap)
        await q.put(gap)


async def main():
    q: asyncio.Queue = asyncio.Queue()
    handled: list = []
    await asyncio.gather(consumer(q, handled), producer(q))
    print(len(handled))


if __name__ == "__main__":
    asyncio.run(main())
