import asyncio


# Quiet: a task of the done set has finished; awaiting it does not suspend,
# so the CancelledError caught is the task's own (it was cancelled).
async def sign_all(files, sign):
    tasks = [asyncio.create_task(sign(f)) for f in files]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    failed = False
    for task in done:
        try:
            await task
        except (asyncio.CancelledError, asyncio.InvalidStateError):
            pass
        except ValueError:
            failed = True
    for task in pending:
        task.cancel()
    return failed


async def results_of_done(tasks):
    done, _ = await asyncio.wait(tasks)
    out = []
    for t in done:
        try:
            value = await t
        except asyncio.CancelledError:
            value = None
        out.append(value)
    return out


# Reported: the pending set's tasks are not done; awaiting one suspends.
async def pending_awaited(tasks):
    done, pending = await asyncio.wait(tasks, timeout=1)
    for t in pending:
        try:
            await t
        except asyncio.CancelledError:  # want: ASYNC103
            pass


# Reported: the loop variable is rebound before the await.
async def rebound_in_loop(tasks, other):
    done, pending = await asyncio.wait(tasks)
    for t in done:
        t = other
        try:
            await t
        except asyncio.CancelledError:  # want: ASYNC103
            pass


# Reported: `done` is rebound to something else as well.
async def done_rebound(tasks, more):
    done, pending = await asyncio.wait(tasks)
    done = more
    for t in done:
        try:
            await t
        except asyncio.CancelledError:  # want: ASYNC103
            pass
