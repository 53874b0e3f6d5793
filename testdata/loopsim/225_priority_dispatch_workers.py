"""A dispatcher that feeds a PriorityQueue: urgent jobs jump the queue,
three workers drain it, and a bounded semaphore limits how many jobs touch
the shared printer at once."""
import asyncio
from dataclasses import dataclass, field


@dataclass(order=True)
class Job:
    priority: int
    seq: int
    name: str = field(compare=False)
    cost: float = field(compare=False)


async def worker(wid, queue, printer, log):
    while True:
        job = await queue.get()
        try:
            await asyncio.sleep(job.cost)
            async with printer:
                await asyncio.sleep(0.01)
            log.append((wid, job.name))
        finally:
            queue.task_done()


async def main():
    queue = asyncio.PriorityQueue()
    printer = asyncio.BoundedSemaphore(1)
    log = []
    for seq in range(12):
        urgent = seq % 4 == 0
        queue.put_nowait(Job(0 if urgent else 1, seq, f"job{seq}", 0.02 if urgent else 0.04))
    workers = [asyncio.create_task(worker(i, queue, printer, log)) for i in range(3)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print(log[:3], len(log))


if __name__ == "__main__":
    asyncio.run(main())
