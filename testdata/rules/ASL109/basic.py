# Python 3.10 removed the `loop` parameter of asyncio's high-level API:
# passing it raises TypeError wherever the call runs.
import asyncio
import asyncio as aio
import sys
from asyncio import Event, Queue


class Device:
    def __init__(self, loop):
        self._loop = loop
        self.queue = aio.Queue(loop=loop)  # want: ASL109 "`asyncio.Queue\(\)` no longer takes `loop` \(removed in Python 3.10\): this call raises TypeError"
        self.stack = aio.LifoQueue(loop=loop)  # want: ASL109
        self.ready = Event(loop=loop)  # want: ASL109
        self.lock = asyncio.Lock(loop=loop)  # want: ASL109

    async def read(self, client, char):
        return await aio.wait_for(client.read(char), timeout=5, loop=self._loop)  # want: ASL109 "`asyncio.wait_for\(\)` no longer takes `loop`"

    async def publish(self, coros):
        await aio.gather(*coros, loop=self._loop)  # want: ASL109
        await asyncio.sleep(1, loop=self._loop)  # want: ASL109


def serve(loop, handle):
    return loop.run_until_complete(asyncio.start_server(handle, "127.0.0.1", 8080, loop=loop))  # want: ASL109


queue = Queue(loop=asyncio.new_event_loop())  # want: ASL109


# Quiet: the low-level API still takes a loop; the calls that do not pass
# one; code written for both sides of the removal.
def schedule(loop, coro):
    fut = asyncio.ensure_future(coro, loop=loop)
    other = asyncio.run_coroutine_threadsafe(coro, loop)
    return fut, other, asyncio.Future(loop=loop)


async def modern():
    await asyncio.sleep(1)
    return asyncio.Queue()


class Pool:
    def __init__(self, loop):
        try:
            # The loop parameter is deprecated since 3.8, removed in 3.10.
            self._lock = asyncio.Condition(loop=loop)
        except TypeError:
            self._lock = asyncio.Condition()


class Master:
    def __init__(self, loop):
        try:
            self.should_exit = asyncio.Event()
        except RuntimeError:
            self.should_exit = asyncio.Event(loop=loop)


def make_queue(loop):
    if sys.version_info < (3, 10):
        return asyncio.Queue(loop=loop)
    return asyncio.Queue()


def make_event(loop):
    return asyncio.Event() if sys.version_info >= (3, 10) else asyncio.Event(loop=loop)


def other_loop_keyword(loop, make):
    return make(loop=loop)


if sys.version_info >= (3, 7):
    from asyncio import run as native_run
else:
    def native_run(main, loop):
        def _cancel_all_tasks(tasks):
            loop.run_until_complete(asyncio.gather(*tasks, loop=loop, return_exceptions=True))
        return loop.run_until_complete(main)


try:
    def _old_style(loop):
        return asyncio.Queue(loop=loop)  # want: ASL109
except TypeError:
    pass
