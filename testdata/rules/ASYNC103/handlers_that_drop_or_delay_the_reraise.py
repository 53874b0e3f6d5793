# Patterns found on real code (CPython's asyncio, trio, asgiref).
import asyncio


async def wait_for_result(fut):
    # Quiet: no await in the try body, so the CancelledError is the future's
    # (from result()), not this task's cancellation.
    try:
        return fut.result()
    except asyncio.CancelledError:
        return None


async def start_main(spawn, fn):
    try:
        task = spawn(fn)
    except BaseException:  # quiet: nothing in the try body can be cancelled
        return None
    return task


async def reacquire(lock):
    # Quiet: the cancellation is recorded and re-raised once the lock is held again.
    cancelled = False
    while True:
        try:
            await lock.acquire()
            break
        except asyncio.CancelledError:
            cancelled = True
    if cancelled:
        raise asyncio.CancelledError


async def propagate_later(fut, state):
    try:
        await fut
    except asyncio.CancelledError as exc:
        state.pending = exc
    cleanup(state)
    if state.pending is not None:
        raise state.pending


async def recorded_but_dropped(lock):
    cancelled = False
    while True:
        try:
            await lock.acquire()
            break
        except asyncio.CancelledError:  # want: ASYNC103
            cancelled = True
    return cancelled


async def returns_before_reraise(fut):
    failed = False
    try:
        await fut
    except asyncio.CancelledError:  # left only by return: one finding, ASYNC104 at the return
        failed = True
        return  # want: ASYNC104
    if failed:
        raise RuntimeError("failed")


async def awaited_in_try(fut):
    try:
        await asyncio.sleep(0)
        return fut.result()
    except asyncio.CancelledError:  # left only by return: one finding, ASYNC104 at the return
        return None  # want: ASYNC104


def cleanup(state):
    state.closed = True
