# A handler that hands the exception to whoever waits for the outcome
# forwards the cancellation; logging it swallows it.
import asyncio
import logging

log = logging.getLogger(__name__)


async def bridge(coro, fut):
    try:
        result = await coro
    except BaseException as exc:  # quiet: the waiter of fut gets the cancellation
        fut.set_exception(exc)
    else:
        fut.set_result(result)


async def collect(coro, errors, index):
    try:
        await coro
    except BaseException as exc:  # quiet: stored for the caller, who raises it
        errors[index] = exc


async def run_app(app):
    try:
        await app()
    except BaseException as exc:  # want: ASYNC103
        log.error("Exception in application", exc_info=exc)
