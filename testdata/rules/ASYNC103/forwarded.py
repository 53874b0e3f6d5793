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
        await app.serve()
    except BaseException as exc:  # want: ASYNC103
        log.error("Exception in application", exc_info=exc)


async def greenlet_spawn(context, fn):
    import sys

    result = context.switch(fn)
    while not context.dead:
        try:
            value = await result
        except BaseException:  # quiet: thrown into the greenlet that awaited (sqlalchemy), raised there
            result = context.throw(*sys.exc_info())
        else:
            result = context.switch(value)
    return result


async def attempt(retry_state, fn):
    import sys

    try:
        result = await fn()
    except BaseException:  # quiet: recorded in the attempt, whose outcome is re-raised (tenacity)
        retry_state.set_exception(sys.exc_info())
    else:
        retry_state.set_result(result)


async def run_logged(app):
    import sys
    import traceback

    try:
        await app.serve()
    except BaseException:  # want: ASYNC103
        traceback.print_exception(*sys.exc_info())
