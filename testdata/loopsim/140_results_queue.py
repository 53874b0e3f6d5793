# Workers pull jobs from one queue and push results onto another; main
# collects exactly as many results as it submitted.
import asyncio

JOBS = [0.05, 0.02, 0.09, 0.03, 0.07, 0.04, 0.01]


async def worker(jobs: asyncio.Queue, results: asyncio.Queue):
    while True:
        idx, cost = await jobs.get()
        await asyncio.sleep(cost)
        await results.put(idx)
        jobs.task_done()


async def main():
    jobs: asyncio.Queue = asyncio.Queue()
    results: asyncio.Queue = asyncio.Queue()
    workers = [asyncio.create_task(worker(jobs, results)) for _ in range(3)]
    for job in enumerate(JOBS):
        jobs.put_nowait(job)
    finished = [await results.get() for _ in JOBS]
    for w in workers:
        w.cancel()
    print(finished)


if __name__ == "__main__":
    asyncio.run(main())
