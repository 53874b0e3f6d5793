# fut.result() of a concurrent future the coroutine has awaited to complete
# returns at once (xknx's connection thread: a done callback sets an Event
# that an executor waits on).
import asyncio
import concurrent.futures
import threading


async def from_thread(coro, thread_loop, main_loop):
    fut = asyncio.run_coroutine_threadsafe(coro, thread_loop)
    finished = threading.Event()

    def fut_finished_cb(_: concurrent.futures.Future) -> None:
        finished.set()

    fut.add_done_callback(fut_finished_cb)
    await main_loop.run_in_executor(None, finished.wait)
    return fut.result()


async def wrapped(coro, thread_loop):
    fut = asyncio.run_coroutine_threadsafe(coro, thread_loop)
    await asyncio.wrap_future(fut)
    return fut.result()


async def other_event(coro, thread_loop, main_loop, ready):
    # Fires: the awaited event is not the one the done callback sets.
    fut = asyncio.run_coroutine_threadsafe(coro, thread_loop)
    finished = threading.Event()

    def fut_finished_cb(_: concurrent.futures.Future) -> None:
        finished.set()

    fut.add_done_callback(fut_finished_cb)
    await main_loop.run_in_executor(None, ready.wait)
    return fut.result()  # want: ASL202


async def not_awaited(coro, thread_loop):
    # Fires: nothing waits for the future first.
    fut = asyncio.run_coroutine_threadsafe(coro, thread_loop)
    return fut.result()  # want: ASL202
