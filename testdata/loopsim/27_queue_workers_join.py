# The docs' worker pattern: 3 workers drain 9 jobs of 0.1 s; queue.join()
# then cancel the workers -> 0.3 s.
import asyncio


async def worker(name, queue):
    while True:
        delay = await queue.get()
        await asyncio.sleep(delay)
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for _ in range(9):
        queue.put_nowait(0.1)
    tasks = [asyncio.create_task(worker(f"worker-{i}", queue)) for i in range(3)]
    await queue.join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


if __name__ == "__main__":
    asyncio.run(main())
