# Every offload primitive pylib knows hands its callable to another thread:
# anyio, trio and Starlette's thread helpers as well as asyncio's.
import asyncio

import anyio.to_thread
from starlette.concurrency import run_in_threadpool


def finish(fut):
    fut.set_result(1)  # want: ASL106 "handed to anyio\.to_thread\.run_sync"


def notify(loop):
    loop.call_soon(print, "done")  # want: ASL106 "handed to starlette\.concurrency\.run_in_threadpool"


def finish_safely(loop, fut):
    # Quiet: the thread-safe hand-back.
    loop.call_soon_threadsafe(fut.set_result, 2)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    await anyio.to_thread.run_sync(finish, fut)
    await run_in_threadpool(notify, loop)
    await anyio.to_thread.run_sync(finish_safely, loop, fut)
    return await fut
