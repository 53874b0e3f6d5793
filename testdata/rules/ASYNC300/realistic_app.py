import asyncio
import contextlib
import logging
from asyncio import create_task, ensure_future as schedule
from typing import Optional

from aiohttp import web

log = logging.getLogger(__name__)
_background: set[asyncio.Task] = set()


async def send_email(to: str) -> None:
    await asyncio.sleep(0.1)


async def refresh_cache() -> None:
    await asyncio.sleep(1)


async def signup(request: web.Request) -> web.Response:
    data = await request.json()
    asyncio.create_task(send_email(data["email"]))  # want: ASYNC300
    return web.json_response({"ok": True})


async def on_startup(app: web.Application) -> None:
    create_task(refresh_cache())  # want: ASYNC300
    schedule(refresh_cache())  # want: ASYNC300
    loop = asyncio.get_running_loop()
    loop.create_task(refresh_cache())  # want: ASYNC300


class Notifier:
    def __init__(self) -> None:
        self.loop = asyncio.get_event_loop()
        self.tasks: list[asyncio.Task] = []
        self._task: Optional[asyncio.Task] = None

    async def notify(self, users: list[str]) -> None:
        for user in users:
            asyncio.create_task(send_email(user))  # want: ASYNC300

    async def notify_tracked(self, users: list[str]) -> None:
        # Quiet: every reference is kept.
        for user in users:
            self.tasks.append(asyncio.create_task(send_email(user)))
        self._task = asyncio.create_task(refresh_cache())
        t = asyncio.create_task(refresh_cache())
        _background.add(t)
        t.add_done_callback(_background.discard)

    def start(self) -> None:
        self.loop.create_task(refresh_cache())  # want: ASYNC300

    async def run_all(self, users):
        # Quiet: awaited, gathered, returned, walrus-bound, waited.
        await asyncio.create_task(refresh_cache())
        await asyncio.gather(*[asyncio.create_task(send_email(u)) for u in users])
        if (task := asyncio.create_task(refresh_cache())) is not None:
            await task
        done, pending = await asyncio.wait({asyncio.create_task(send_email(u)) for u in users})
        return asyncio.create_task(refresh_cache())


async def structured(users: list[str]) -> None:
    # Quiet: the TaskGroup owns its tasks.
    async with asyncio.TaskGroup() as tg:
        for user in users:
            tg.create_task(send_email(user))


async def cancel_later() -> None:
    task = asyncio.create_task(refresh_cache())
    await asyncio.sleep(1)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def fire_and_log(user: str) -> None:
    asyncio.create_task(send_email(user)).add_done_callback(lambda t: log.info("sent"))  # want: ASYNC300


def sync_schedule(loop: asyncio.AbstractEventLoop) -> asyncio.Task:
    # Quiet: the reference is returned.
    return loop.create_task(refresh_cache())


if __name__ == "__main__":
    asyncio.run(refresh_cache())
