# A handler that only logs the cancellation with structlog's asynchronous
# methods swallows it, as one that logs it with `logger.exception(e)` does.
import asyncio

import structlog

logger = structlog.get_logger()


async def worker(queue):
    while True:
        try:
            await queue.get()
        except asyncio.CancelledError as e:  # want: ASYNC103
            await logger.aexception(e)


async def worker_that_stops(queue):
    try:
        await queue.get()
    except asyncio.CancelledError as e:
        await logger.adebug("stopping", error=e)
        raise
