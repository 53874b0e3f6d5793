# A handler that re-raises cancellation first and translates the rest.
import asyncio

from anyio import get_cancelled_exc_class


class BrokenWorker(Exception):
    pass


async def run_worker(proc):
    try:
        await proc.wait()
    except BaseException as exc:
        proc.kill()
        if isinstance(exc, get_cancelled_exc_class()):
            raise
        else:
            raise BrokenWorker from exc  # quiet: cancellation was re-raised above


async def start_worker(proc):
    try:
        await proc.start()
    except (BrokenWorker, get_cancelled_exc_class()):
        raise
    except BaseException as exc:  # quiet: cancellation is handled by the clause above
        proc.kill()
        raise BrokenWorker("failed to start") from exc


async def translate_all(proc):
    try:
        await proc.wait()
    except BaseException as exc:
        proc.kill()
        raise BrokenWorker from exc  # want: ASYNC104


async def checks_too_late(fut):
    try:
        await fut
    except asyncio.CancelledError as exc:
        return None  # want: ASYNC104
        if isinstance(exc, asyncio.CancelledError):
            raise
