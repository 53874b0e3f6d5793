# config: asl104-discarded-gather = true  # the discarded gather is opt-in
import asyncio
import logging

log = logging.getLogger(__name__)


async def process(item: int) -> int:
    await asyncio.sleep(0)
    return item


class Batcher:
    async def run(self, items: list[int]) -> None:
        await asyncio.gather(*[process(i) for i in items], return_exceptions=True)  # want: ASL104

    async def run_logged(self, items: list[int]) -> list:
        # Quiet: the results (and exceptions) are inspected.
        results = await asyncio.gather(*(process(i) for i in items), return_exceptions=True)
        for r in results:
            if isinstance(r, Exception):
                log.error("failed: %r", r)
        return results

    async def run_wait(self, items: list[int]) -> None:
        done, pending = await asyncio.wait([process(i) for i in items], timeout=5)  # want: ASL104
        for t in pending:
            t.cancel()

    async def run_wait_tasks(self, items: list[int]) -> None:
        # Quiet: tasks, not coroutines.
        tasks = [asyncio.create_task(process(i)) for i in items]
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        for t in done:
            t.result()
