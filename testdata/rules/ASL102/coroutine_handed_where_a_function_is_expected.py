# A coroutine object handed where a function is expected: the API calls
# what it is given (in a worker thread, or later on the loop) without
# awaiting, a coroutine object is not callable, and it never runs.
import asyncio
import functools
import signal
import threading


async def work(n=1):
    await asyncio.sleep(n)


def blocking(n=1):
    return n


async def main():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, work())  # want: ASL102 "handed to `loop.run_in_executor\(\)`, which calls its callable in a worker thread: a coroutine object is not callable"
    await asyncio.to_thread(work(2))  # want: ASL102 "await it on the loop instead of offloading it"
    loop.call_soon(work())  # want: ASL102 "which calls what it is given without awaiting"
    loop.call_later(1, work())  # want: ASL102
    threading.Thread(target=work()).start()  # want: ASL102
    loop.add_signal_handler(signal.SIGTERM, work())  # want: ASL102
    pending = work()  # want: ASL102 "stored in `pending` and handed to `loop.call_soon_threadsafe\(\)`.*; hand over a function"
    loop.call_soon_threadsafe(pending)


class Auth:
    async def abort(self, timeout=False):
        await asyncio.sleep(0)

    async def start(self):
        loop = asyncio.get_running_loop()
        on_timeout = functools.partial(self.abort, timeout=True)
        self.timer = loop.call_later(5, on_timeout)  # want: ASL102 "`on_timeout` \(it holds a partial of a coroutine function\) is handed to `loop.call_later\(\)`"
        loop.call_soon(functools.partial(self.abort))  # want: ASL102 "a partial of a coroutine function"
        loop.call_soon(print, functools.partial(self.abort))
        loop.call_later(5, functools.partial(blocking, 2))


class Group:
    """A project task group whose call_soon schedules what its callable makes."""

    def __init__(self):
        self.tasks = set()

    def call_soon(self, afunc, *args):
        task = asyncio.create_task(afunc(*args))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)


async def quiet():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, blocking, 1)
    await loop.run_in_executor(None, functools.partial(blocking, 2))
    await asyncio.to_thread(blocking, 3)
    loop.call_soon(blocking)
    loop.call_soon(asyncio.ensure_future, work())
    loop.call_later(1, lambda: asyncio.ensure_future(work()))
    threading.Thread(target=asyncio.run, args=(work(),)).start()
    Group().call_soon(work)
    await work()
