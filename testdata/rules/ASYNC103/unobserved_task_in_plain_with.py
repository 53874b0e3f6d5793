import asyncio
import contextlib
import logging

log = logging.getLogger(__name__)


@contextlib.contextmanager
def session_files(path):
    f = open(path)
    try:
        yield f
    finally:
        f.close()


class Session:
    def started(self, path):
        self.task = asyncio.get_running_loop().create_task(self._interact(path))

    # Quiet: the task's top level; the plain `with` around the handler is no
    # cancel scope (asyncio's timeouts and task groups are all `async with`),
    # so the cancellation is the task's own, and the task ends.
    async def _interact(self, path):
        with session_files(path) as f:
            try:
                await self.serve(f)
            except BaseException:
                log.exception("session failed")
            finally:
                f.close()

    def started_with_deadline(self, path):
        self.task = asyncio.get_running_loop().create_task(self._interact_briefly(path))

    # Fires: an `async with` around the handler may be the function's own
    # timeout, whose cancellation this swallows.
    async def _interact_briefly(self, path):
        async with asyncio.timeout(5):
            try:
                await self.serve(path)
            except BaseException:  # want: ASYNC103
                log.exception("session failed")

    async def serve(self, f):
        await asyncio.sleep(0)
