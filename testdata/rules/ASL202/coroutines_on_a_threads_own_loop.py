# A coroutine that a thread's run() method runs as the main coroutine of a
# loop of its own (`asyncio.run(...)`, or `run_until_complete` on a loop
# run() made with `asyncio.new_event_loop()`) shares that loop with nobody
# but what it starts itself: a wait on a threading.Event there holds only
# the thread, as in a synchronous run() (jupyter_client's heartbeat
# channel). A coroutine also run or awaited elsewhere, one run on a loop
# the thread was given, or run() of a class that is no thread stays
# reported.
import asyncio
import threading
from threading import Event, Thread


class HeartBeat(Thread):
    def __init__(self, loop):
        super().__init__()
        self._exit = Event()
        self._loop = loop

    def run(self):
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        loop.run_until_complete(self._async_run())
        loop.close()

    async def _async_run(self):
        while True:
            self._exit.wait(1.0)  # quiet: the thread's own loop
            await self._beat()

    async def _beat(self):
        self._exit.wait(0.5)  # quiet: awaited only by the thread's coroutine


class Poller(threading.Thread):
    def run(self):
        asyncio.run(self._poll())

    async def _poll(self):
        self.done = threading.Event()
        self.done.wait()  # quiet


class Shared(Thread):
    def __init__(self, loop):
        super().__init__()
        self._loop = loop
        self._exit = Event()

    def run(self):
        self._loop.run_until_complete(self._serve())

    async def _serve(self):
        self._exit.wait()  # want: ASL202


class AlsoAwaited(Thread):
    def __init__(self):
        super().__init__()
        self._exit = Event()

    def run(self):
        asyncio.run(self._work())

    async def _work(self):
        self._exit.wait()  # want: ASL202

    async def again(self):
        await self._work()


class NotAThread:
    def __init__(self):
        self._exit = Event()

    def run(self):
        asyncio.run(self._work())

    async def _work(self):
        await asyncio.sleep(0)
        self._exit.wait()  # want: ASL202
