# ensure_future(x) returns x itself when x is already a Future or Task:
# only a coroutine makes a new task that the local must keep alive.
import asyncio


class Event:
    def __init__(self):
        self._waiters = []

    def wait(self):
        fut = asyncio.get_running_loop().create_future()
        self._waiters.append(fut)
        return fut


async def notify(event):
    await asyncio.sleep(0)


def waits_on_future(event: Event):
    e = Event()
    waiter = asyncio.ensure_future(e.wait())  # quiet: Event.wait() returns a Future
    waiter.add_done_callback(print)


def wraps_given_awaitable(aw):
    fut = asyncio.ensure_future(aw)  # quiet: may already be a Future
    fut.add_done_callback(print)


def starts_coroutine(event):
    t = asyncio.ensure_future(notify(event))  # want: ASL301
    t.add_done_callback(print)


def offloads(path):
    lp = asyncio.get_running_loop()
    fut = asyncio.ensure_future(lp.run_in_executor(None, print, path))  # quiet: run_in_executor returns a Future
    fut.add_done_callback(print)
