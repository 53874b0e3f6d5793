# 20,000 items through a queue to 4 workers with no sleeps: pure loop overhead.
import asyncio


async def worker(q: asyncio.Queue, out: list) -> None:
    while True:
        item = await q.get()
        out.append(item * 2)
        q.task_done()


async def main():
    q: asyncio.Queue = asyncio.Queue(maxsize=100)
    out: list = []
    workers = [asyncio.create_task(worker(q, out)) for _ in range(4)]
    for i in range(20_000):
        await q.put(i)
    await q.join()
    for w in workers:
        w.cancel()
    print(len(out))


if __name__ == "__main__":
    asyncio.run(main())
