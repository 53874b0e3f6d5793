# ruff's RUF006 also reports a task assigned to a local that is never used
# (`_ = asyncio.ensure_future(...)`), the bug ASL301 reports: a project
# moving from ruff keeps its `# noqa: RUF006` on that line, and it silences
# ASL301 there. Another code's noqa does not.
import asyncio


async def refresh_cache(cache):
    await asyncio.sleep(0)
    cache.clear()


def on_change(cache):
    _ = asyncio.ensure_future(  # noqa: RUF006
        refresh_cache(cache)
    )
    task = asyncio.create_task(refresh_cache(cache))  # noqa: E501, RUF006
    task.add_done_callback(print)


def on_change_unsilenced(cache):
    _ = asyncio.ensure_future(refresh_cache(cache))  # want: ASL301
    task = asyncio.create_task(refresh_cache(cache))  # noqa: RUF029  # want: ASL301
    task.add_done_callback(print)
