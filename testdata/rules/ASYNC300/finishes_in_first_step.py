import asyncio
import logging
import signal

log = logging.getLogger(__name__)


async def log_status(sig):
    # No await: the task runs to completion in its first step.
    log.critical("received %s", sig)


async def fetch(url):
    await asyncio.sleep(1)
    return url


async def stub():
    ...


async def with_async_for(source):
    async for item in source:
        log.info("%s", item)


async def with_async_with(lock):
    async with lock:
        log.info("locked")


async def with_async_comprehension(source):
    return [item async for item in source]


async def awaits_only_in_a_nested_function():
    async def inner():
        await asyncio.sleep(1)

    return inner


def retrying(fn):
    return fn


@retrying
async def decorated():
    log.info("decorated")


class Expiry:
    def __init__(self):
        self.timer = None

    async def _schedule(self):
        # Stores the real task and returns: nothing ever waits here.
        if self.timer is None or self.timer.done():
            self.timer = asyncio.create_task(fetch("expire"))

    def restore(self):
        asyncio.ensure_future(self._schedule())  # quiet: no await in _schedule

    async def run(self):
        log.info("configured")

    def restart(self):
        asyncio.create_task(self.run())  # want: ASYNC300


class SlowExpiry(Expiry):
    async def run(self):
        # Overrides run() with a coroutine that waits: restart() may start this one.
        await asyncio.sleep(1)


def install(loop):
    loop.add_signal_handler(signal.SIGUSR1, lambda: asyncio.ensure_future(log_status(signal.SIGUSR1)))
    loop.add_signal_handler(signal.SIGUSR2, lambda: asyncio.ensure_future(fetch("status")))  # want: ASYNC300


async def main(source, lock):
    asyncio.create_task(log_status(None))
    asyncio.get_running_loop().create_task(awaits_only_in_a_nested_function())
    asyncio.create_task(fetch("x"))  # want: ASYNC300
    asyncio.create_task(stub())  # want: ASYNC300
    asyncio.create_task(with_async_for(source))  # want: ASYNC300
    asyncio.create_task(with_async_with(lock))  # want: ASYNC300
    asyncio.create_task(with_async_comprehension(source))  # want: ASYNC300
    asyncio.create_task(decorated())  # want: ASYNC300
