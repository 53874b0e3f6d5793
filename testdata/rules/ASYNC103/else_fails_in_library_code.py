# Outside a test module a failing `else` clause is no test's expectation:
# the handler is reported.
import asyncio


async def wait_aborted(aborting):
    try:
        await aborting.wait()
    except asyncio.CancelledError:  # want: ASYNC103
        pass
    else:
        raise AssertionError("not cancelled")
