import asyncio

from app.threads import Pool, run_blocking, run_inline


def produce(loop, fut):
    fut.set_result(42)  # want: ASL106 "handed to app\.threads\.run_blocking"


def report(loop, fut):
    loop.call_soon(print, "done")  # want: ASL106


def settle(loop, fut):
    # Quiet: handed only to a helper that runs it on the calling thread.
    fut.set_result(1)


def settle_safely(loop, fut):
    # Quiet: thread-safe hand-back.
    loop.call_soon_threadsafe(fut.set_result, 2)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    await run_blocking(produce, loop, fut)
    Pool().run(report, loop, fut)
    run_inline(settle, loop, fut)
    await run_blocking(settle_safely, loop, fut)
    return await fut
