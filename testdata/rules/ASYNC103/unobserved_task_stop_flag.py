import asyncio
import logging

log = logging.getLogger(__name__)


class Handler:
    def start(self):
        self.running = True
        self._closed = False
        self.tasks = {
            asyncio.create_task(self._handle()),
            asyncio.create_task(self._pump()),
            asyncio.create_task(self._ignore_cancel()),
            asyncio.create_task(self._flush_after()),
            asyncio.create_task(self._other_flag()),
        }

    # Quiet: a task's top level whose handler clears the loop's flag: the
    # loop ends after the handler, and the task with it.
    async def _handle(self):
        while self.running:
            try:
                data = await self._recv()
                self.process(data)
            except asyncio.CancelledError:
                log.info("handler cancelled")
                self.running = False
            except Exception:
                log.exception("bad frame")

    # Quiet: the same with `while not flag:`.
    async def _pump(self):
        while not self._closed:
            try:
                await self._recv()
            except asyncio.CancelledError:
                self._closed = True

    # Fires: the handler clears no flag: the loop goes on, cancel() is ignored.
    async def _ignore_cancel(self):
        while self.running:
            try:
                await self._recv()
            except asyncio.CancelledError:  # want: ASYNC103
                log.info("ignored")

    # Fires: the loop body awaits again after the try statement before the
    # flag is tested.
    async def _flush_after(self):
        while self.running:
            try:
                await self._recv()
            except asyncio.CancelledError:  # want: ASYNC103
                self.running = False
            await self.flush()

    # Fires: the handler clears another flag than the loop tests.
    async def _other_flag(self):
        while self.running:
            try:
                await self._recv()
            except asyncio.CancelledError:  # want: ASYNC103
                self._closed = True

    async def _recv(self):
        await asyncio.sleep(1)

    async def flush(self):
        await asyncio.sleep(0)

    def process(self, data):
        log.info("%s", data)
