import asyncio
import logging
from typing import Optional

log = logging.getLogger(__name__)
_running: set[asyncio.Task] = set()


async def deliver(msg: str) -> None:
    await asyncio.sleep(0.1)


def _report(task: asyncio.Task) -> None:
    if not task.cancelled() and task.exception():
        log.error("delivery failed", exc_info=task.exception())


class Mailer:
    def __init__(self) -> None:
        self.pending: list[asyncio.Task] = []
        self._flusher: Optional[asyncio.Task] = None

    async def send(self, msg: str) -> None:
        task = asyncio.create_task(deliver(msg))  # want: ASL301
        task.add_done_callback(_report)

    async def send_tracked(self, msg: str) -> None:
        # Quiet: kept in a list attribute.
        task = asyncio.create_task(deliver(msg))
        self.pending.append(task)

    async def send_later(self, msg: str, delay: float) -> None:
        loop = asyncio.get_running_loop()
        handle = loop.create_task(deliver(msg))  # want: ASL301
        handle.set_name(f"send-later-{msg}")

    async def flush(self) -> None:
        # Quiet: stored in an attribute through a local.
        flusher = asyncio.create_task(self._flush())
        self._flusher = flusher

    async def _flush(self) -> None:
        await asyncio.gather(*self.pending)

    async def broadcast(self, msgs: list[str]) -> None:
        for m in msgs:
            t = asyncio.ensure_future(deliver(m))  # want: ASL301
            t.add_done_callback(_report)

    async def broadcast_kept(self, msgs: list[str]) -> None:
        # Quiet: every task kept in the module-level set.
        for m in msgs:
            t = asyncio.create_task(deliver(m))
            _running.add(t)
            t.add_done_callback(_running.discard)

    async def with_timeout(self, msg: str) -> None:
        # Quiet: awaited through wait_for / wait.
        t = asyncio.create_task(deliver(msg))
        try:
            await asyncio.wait_for(t, timeout=2)
        except asyncio.TimeoutError:
            log.warning("slow")
        t2 = asyncio.create_task(deliver(msg))
        done, _ = await asyncio.wait([t2], timeout=1)

    async def closure(self, msg: str) -> None:
        # Quiet: captured by the callback closure.
        t = asyncio.create_task(deliver(msg))

        def cancel_it() -> None:
            t.cancel()

        asyncio.get_running_loop().call_later(5, cancel_it)

    async def in_group(self, msgs: list[str]) -> None:
        # Quiet: the TaskGroup holds its tasks.
        async with asyncio.TaskGroup() as tg:
            for m in msgs:
                t = tg.create_task(deliver(m))
                t.add_done_callback(_report)
