import asyncio
import logging

log = logging.getLogger(__name__)


class Connection:
    def __init__(self, reader, writer):
        self._reader = reader
        self._writer = writer
        self._closed = False
        self._reader_task = None
        self._pinger = None

    def start(self):
        self._reader_task = asyncio.create_task(self._read_loop())
        self._pinger = asyncio.ensure_future(self._ping_loop())

    # Quiet: a private coroutine the module only starts as a task; on
    # cancellation the task ends at once (break, then bookkeeping with no
    # await). Only the task's final state differs, and nobody awaits it.
    async def _read_loop(self):
        while True:
            try:
                frame = await self._reader.readexactly(8)
            except asyncio.CancelledError:
                log.debug("reader stopped")
                break
            self.handle(frame)
        self._closed = True

    async def _ping_loop(self):
        try:
            while True:
                await asyncio.sleep(30)
                self._writer.write(b"PING\r\n")
        except asyncio.CancelledError:
            return

    def handle(self, frame):
        log.debug("frame %r", frame)


def watch(queue):
    # Quiet: a nested coroutine function, only started as a task.
    async def drain():
        try:
            while True:
                log.info("event %r", await queue.get())
        except asyncio.CancelledError:
            log.info("watcher stopped")

    return asyncio.ensure_future(drain())


class Worker:
    def start(self):
        asyncio.create_task(self.run())
        asyncio.create_task(self._serve())
        asyncio.create_task(self._flush_loop())
        asyncio.create_task(self._retry_loop())

    # Fires: a public coroutine started as a task here but also awaited
    # (stop_after below): that caller's cancellation and timeout are lost.
    async def run(self):
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:  # want: ASYNC103
            log.info("stopped")

    # Fires: also awaited directly below, so a caller sees the swallow.
    async def _serve(self):
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:  # left only by return: one finding, ASYNC104 at the return
            return  # want: ASYNC104

    async def serve_once(self):
        await self._serve()

    # Fires (ASYNC104 at the break, which ASYNC103 leaves to it): after the swallow the task goes on working in a loop.
    async def _flush_loop(self):
        while True:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                break  # want: ASYNC104
        while self.pending:
            await self.flush()

    # Fires: the handler falls through and the loop goes on: cancel() is ignored.
    async def _retry_loop(self):
        while True:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:  # want: ASYNC103
                log.warning("ignoring cancellation")


async def stop_after(worker, seconds):
    async with asyncio.timeout(seconds):
        await worker.run()


class Poller:
    def start(self):
        self._task = asyncio.create_task(self._poll())
        self._other = asyncio.create_task(self._poll_with_timeout())

    # Fires: the cancellation may be the function's own timeout's, which then
    # never raises TimeoutError: the swallow is seen inside the task itself.
    async def _poll_with_timeout(self):
        async with asyncio.timeout(10):
            try:
                await asyncio.sleep(60)
            except asyncio.CancelledError:  # want: ASYNC103
                log.info("poll gave up")

    # Quiet: cleanup after the loop awaits, then the task ends; the same
    # cleanup written inside the handler would be too.
    async def _poll(self):
        while True:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                break
        await self.flush()
        log.info("poller stopped")

    async def flush(self):
        await asyncio.sleep(0)


class Pipeline:
    async def run(self, sources):
        async with asyncio.TaskGroup() as tg:
            for source in sources:
                tg.create_task(self._pump(source))
            tg.create_task(self._collect())

    # Quiet: a task group's child, only ever started by the group; when the
    # group cancels it, the child ends and the group completes the same.
    async def _pump(self, source):
        try:
            async for item in source:
                await self.push(item)
        except asyncio.CancelledError:
            log.info("pump stopped")

    # Fires: the try sits in the function's own task group. Swallowed, the
    # cancellation never reaches the group, which then waits for its other
    # children as if nothing had been cancelled: cancel() does not stop them.
    async def _collect(self):
        async with asyncio.TaskGroup() as inner:
            inner.create_task(self.push(None))
            try:
                await asyncio.sleep(3600)
            except asyncio.CancelledError:  # left only by return: one finding, ASYNC104 at the return
                return  # want: ASYNC104

    async def push(self, item):
        await asyncio.sleep(0)
