import asyncio

import pipeline.settings
from pipeline.stages import Store, parse


async def worker(queue, store):
    while True:
        job = await queue.get()
        try:
            row = await parse(job)
            await store.save(row)
        finally:
            queue.task_done()


async def run():
    queue = asyncio.Queue()
    store = Store()
    for job in range(pipeline.settings.JOBS):
        queue.put_nowait(job)
    workers = [asyncio.create_task(worker(queue, store)) for _ in range(pipeline.settings.WORKERS)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    return len(store.rows)
