import asyncio

# A task handed to asyncio.wait() with a timeout or FIRST_COMPLETED may still
# run when the wait returns; dropping the wait's result, the function must
# keep it on every path to its end.


async def page(build, connected: asyncio.Event, timeout: float):
    task = asyncio.create_task(build())  # want: ASL301 "task `task` may still be running after `asyncio.wait\(\)` returns .*on the path where `not connected.is_set\(\) and not task.done\(\)` is false nothing keeps it"
    waiter = asyncio.ensure_future(connected.wait())  # want: ASL301 "task `waiter` may still be running"
    await asyncio.wait([task, waiter], timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    if not connected.is_set() and not task.done():
        waiter.cancel()
        task.cancel()
    if task.done():
        return task.result()
    task.add_done_callback(lambda t: None)
    return None


async def bounded(job):
    task = asyncio.create_task(job())  # want: ASL301 "only referenced by this local variable"
    await asyncio.wait([task], timeout=5)


# Quiet: cancelled or awaited on every path after the wait, the wait's
# result used, or a wait for all of them without a timeout.
async def cancelled_after(job, stop: asyncio.Event):
    task = asyncio.create_task(job())
    await asyncio.wait([task, asyncio.ensure_future(stop.wait())], return_when=asyncio.FIRST_COMPLETED)
    task.cancel()


async def pending_set(job, timeout):
    task = asyncio.create_task(job())
    done, pending = await asyncio.wait([task], timeout=timeout)
    for t in pending:
        t.cancel()


async def all_of_them(job):
    task = asyncio.create_task(job())
    await asyncio.wait([task])


async def both_branches(job, timeout):
    task = asyncio.create_task(job())
    await asyncio.wait([task], timeout=timeout)
    if task.done():
        return task.result()
    else:
        task.cancel()
        return None


# The task alone in the wait: FIRST_COMPLETED or FIRST_EXCEPTION of one task
# returns only once it is done (aiostream-magic's connection handler waits
# for its consumer task so).
async def first_completed_of_one(consume):
    consumer = asyncio.create_task(consume())
    await asyncio.wait([consumer], return_when=asyncio.FIRST_COMPLETED)


async def first_exception_of_one(consume):
    consumer = asyncio.create_task(consume())
    await asyncio.wait((consumer,), return_when=asyncio.FIRST_EXCEPTION)


# Not alone: a starred collection may hold other tasks that finish first.
async def first_completed_of_splat(consume, others):
    consumer = asyncio.create_task(consume())  # want: ASL301 "only referenced by this local variable"
    await asyncio.wait([*others, consumer], return_when=asyncio.FIRST_COMPLETED)


async def first_completed_of_one_with_timeout(consume):
    consumer = asyncio.create_task(consume())  # want: ASL301 "only referenced by this local variable"
    await asyncio.wait([consumer], timeout=1.0, return_when=asyncio.FIRST_COMPLETED)
