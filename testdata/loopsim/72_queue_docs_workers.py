import asyncio
import time

async def worker(name, queue):
    while True:
        sleep_for = await queue.get()
        await asyncio.sleep(sleep_for)
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    total_sleep_time = 0
    for i in range(12):
        sleep_for = 0.01 * (i % 5 + 1)
        total_sleep_time += sleep_for
        queue.put_nowait(sleep_for)
    tasks = []
    for i in range(3):
        task = asyncio.create_task(worker(f'worker-{i}', queue))
        tasks.append(task)
    started_at = time.monotonic()
    await queue.join()
    total_slept_for = time.monotonic() - started_at
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(f'3 workers slept in parallel for {total_slept_for:.2f} seconds')

if __name__ == "__main__":
    asyncio.run(main())
