# Several producers feed one queue; consumers call task_done(); main waits for
# the producers, then queue.join(), then cancels the idle consumers.
import asyncio


async def produce(queue, prefix, count, interval):
    for n in range(count):
        await queue.put(f"{prefix}-{n}")
        await asyncio.sleep(interval)


async def consume(queue, cost):
    while True:
        job = await queue.get()
        try:
            await asyncio.sleep(cost)
        finally:
            queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=4)
    producers = [
        asyncio.create_task(produce(queue, "fast", 6, 0.01)),
        asyncio.create_task(produce(queue, "slow", 3, 0.06)),
    ]
    consumers = [asyncio.create_task(consume(queue, 0.04)) for _ in range(3)]
    await asyncio.gather(*producers)
    await queue.join()
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)


if __name__ == "__main__":
    asyncio.run(main())
