import asyncio
import logging
from asyncio import CancelledError as Cancelled

log = logging.getLogger(__name__)


class Consumer:
    def __init__(self, queue: asyncio.Queue) -> None:
        self.queue = queue
        self.running = True

    async def run(self) -> None:
        while self.running:
            try:
                item = await self.queue.get()
                await self.handle(item)
            except asyncio.CancelledError:
                log.info("consumer cancelled")
                break  # want: ASYNC104
            except Exception:
                log.exception("handler failed")

    async def handle(self, item) -> None:
        await asyncio.sleep(0)

    async def run_reraising(self) -> None:
        # Quiet: re-raised after cleanup.
        try:
            await self.queue.get()
        except asyncio.CancelledError:
            log.info("cleanup")
            raise

    async def run_bound(self) -> None:
        # Quiet: the bound name is re-raised.
        try:
            await self.queue.get()
        except Cancelled as exc:
            self.running = False
            raise exc

    async def swallow_all(self) -> None:
        try:
            await self.queue.join()
        except BaseException as e:  # want: ASYNC103
            log.error("join failed: %r", e)

    async def handled_first(self) -> None:
        # Quiet: CancelledError has its own handler that re-raises before the catch-all.
        try:
            await self.queue.join()
        except asyncio.CancelledError:
            raise
        except BaseException:
            log.exception("failed")

    async def only_exception(self) -> None:
        # Quiet: Exception does not include CancelledError (3.8+).
        try:
            await self.queue.join()
        except Exception:
            log.exception("failed")

    async def bare(self) -> None:
        try:
            await asyncio.sleep(1)
        except:  # want: ASYNC103
            log.warning("interrupted")

    async def finally_only(self) -> None:
        # Quiet: finally does not catch.
        try:
            await asyncio.sleep(1)
        finally:
            log.info("done")


async def cancel_and_wait(task: asyncio.Task) -> None:
    # Quiet (deliberately, unlike flake8-async): the documented way to wait for
    # a task one has just cancelled.
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass


async def return_in_handler(queue: asyncio.Queue):
    try:
        return await queue.get()
    except asyncio.CancelledError:  # left only by return: one finding, ASYNC104 at the return
        return None  # want: ASYNC104
