# A coroutine awaited only as the last statement of a task's entry point
# ends that task when it ends: swallowing the task's cancellation there is
# seen only as the task's final state, as in the entry point itself.
import asyncio
import logging

log = logging.getLogger(__name__)


class MessageWorker:
    def __init__(self, queue):
        self._queue = queue
        self._task = None

    def start(self):
        self._task = asyncio.ensure_future(self._run())

    async def _run(self):
        log.debug("worker started")
        await self._take_message()

    # Quiet: only awaited as _run's last statement, and _run only runs as a task.
    async def _take_message(self):
        while True:
            try:
                msg = await self._queue.get()
            except asyncio.CancelledError:
                log.debug("worker cancelled")
                break
            log.info("message %r", msg)


class Stream:
    def __init__(self, session):
        self.session = session
        self.task = None

    async def _connect(self, url):
        try:
            while True:
                await self.session.get(url)
        except asyncio.CancelledError:
            return

    async def _connect_filtered(self, url):
        return await self._connect(url + "?filter")

    def filter(self, url):
        self.task = asyncio.create_task(self._connect_filtered(url))


class Awaited:
    def __init__(self, queue):
        self._queue = queue

    def start(self):
        self.task = asyncio.create_task(self._run())

    async def _run(self):
        await self._drain()
        log.debug("drained")  # the task goes on after _drain returns

    async def _drain(self):
        try:
            await self._queue.get()
        except asyncio.CancelledError:  # want: ASYNC103
            log.debug("drain cancelled")


class UnderATimeout:
    def __init__(self, queue):
        self._queue = queue

    def start(self):
        self.task = asyncio.create_task(self._run())

    async def _run(self):
        async with asyncio.timeout(5):
            await self._wait()

    async def _wait(self):
        try:
            await self._queue.get()
        except asyncio.CancelledError:
            return  # want: ASYNC104


class AlsoAwaitedElsewhere:
    def __init__(self, queue):
        self._queue = queue

    def start(self):
        self.task = asyncio.create_task(self._run())

    async def _run(self):
        await self._step()

    async def _step(self):
        try:
            await self._queue.get()
        except asyncio.CancelledError:
            return  # want: ASYNC104

    async def poll(self):
        await self._step()
        return self._queue.qsize()
