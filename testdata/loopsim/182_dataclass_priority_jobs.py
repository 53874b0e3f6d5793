# A job scheduler: jobs are order=True dataclasses in a PriorityQueue, so
# the queue orders them by (priority, seq) and workers pick the most urgent.
import asyncio
import itertools
from dataclasses import dataclass, field


@dataclass(order=True)
class Job:
    priority: int
    seq: int
    name: str = field(compare=False)
    cost: float = field(compare=False, default=0.01)


_seq = itertools.count()


def make_job(name, priority, cost):
    return Job(priority, next(_seq), name, cost)


async def worker(queue, log):
    while True:
        job = await queue.get()
        try:
            await asyncio.sleep(job.cost)
            log.append(job.name)
            if job.name == "report" and job.priority > 0:
                # urgent follow-up jumps the queue
                await queue.put(make_job("report-urgent", 0, 0.03))
        finally:
            queue.task_done()


async def main():
    queue = asyncio.PriorityQueue()
    jobs = [
        make_job("backup", 5, 0.08),
        make_job("email", 2, 0.02),
        make_job("report", 3, 0.05),
        make_job("cleanup", 9, 0.04),
        make_job("index", 2, 0.06),
        make_job("thumbnail", 1, 0.01),
    ]
    for job in jobs:
        queue.put_nowait(job)
    assert min(jobs) < max(jobs)
    log = []
    workers = [asyncio.create_task(worker(queue, log)) for _ in range(2)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    # the order decides the remaining phase: only jobs after "index" cost extra
    tail = log[log.index("index") + 1:]
    await asyncio.sleep(0.01 * len(tail))
    print(log)


if __name__ == "__main__":
    asyncio.run(main())
