# A parameter annotated with a quoted generic, "asyncio.Queue[Job]": its
# get() and put() are coroutines, so calling them without await drops them.
import asyncio


class Job:
    pass


async def worker(queue: "asyncio.Queue[Job]"):
    job = queue.get()  # want: ASL102
    queue.put(job)  # want: ASL102


# Quiet: awaited, and the queue's synchronous methods.
async def worker_fixed(queue: "asyncio.Queue[Job]"):
    job = await queue.get()
    queue.put_nowait(job)
    queue.task_done()
    return queue.qsize()
