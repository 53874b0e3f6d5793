# config: asl104-discarded-gather = true  # the discarded gather is opt-in
# gather(..., return_exceptions=True) only to wait: the exceptions are
# retrieved another way, so discarding gather's result loses nothing.
import asyncio


def finish(loop, tasks):
    for task in tasks:
        task.cancel()

    async def wait_all():
        await asyncio.gather(*tasks, return_exceptions=True)  # quiet: cancelled in the enclosing function

    loop.run_until_complete(wait_all())


async def run_jobs(jobs, log):
    tasks = [asyncio.create_task(j()) for j in jobs]
    await asyncio.gather(*tasks, return_exceptions=True)  # quiet: exceptions read below
    for task in tasks:
        if task.exception() is not None:
            log.append(task.exception())


async def with_callbacks(jobs, report):
    tasks = [asyncio.create_task(j()) for j in jobs]
    for t in tasks:
        t.add_done_callback(report)
    await asyncio.gather(*tasks, return_exceptions=True)


async def loses_errors(jobs):
    tasks = [asyncio.create_task(j()) for j in jobs]
    await asyncio.gather(*tasks, return_exceptions=True)  # want: ASL104
    return len(tasks)
