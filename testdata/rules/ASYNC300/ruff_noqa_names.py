# A project moving from ruff keeps its `# noqa: RUF006` comments: RUF006 is
# ruff's name for this check, so it silences ASYNC300 as written.
import asyncio


async def refresh_cache(cache):
    await asyncio.sleep(0)
    cache.clear()


def schedule_refresh(cache):
    asyncio.ensure_future(refresh_cache(cache))  # noqa: RUF006
    asyncio.get_running_loop().create_task(refresh_cache(cache))  # noqa: E501, RUF006


def schedule_unsilenced(cache):
    asyncio.ensure_future(refresh_cache(cache))  # want: ASYNC300
    asyncio.ensure_future(refresh_cache(cache))  # noqa: RUF029  # want: ASYNC300
