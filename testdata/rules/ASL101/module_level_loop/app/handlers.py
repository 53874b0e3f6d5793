from . import sync_api
from .loop import loop


async def job():
    await sync_api._get("x")


async def handle(key):
    loop.create_task(job())  # want: ASYNC300
    value = sync_api.get(key)  # want: ASL101
    loop.run_until_complete(job())  # want: ASL101
    return value
