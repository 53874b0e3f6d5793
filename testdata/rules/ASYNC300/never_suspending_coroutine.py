import asyncio
import logging
import signal

log = logging.getLogger(__name__)


async def log_status(sig):
    # No await: the task runs to completion at the loop's next step.
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


async def awaits_only_in_a_nested_function():
    async def inner():
        await asyncio.sleep(1)

    return inner


def retrying(fn):
    return fn


@retrying
async def decorated():
    log.info("decorated")


class Group:
    # PyISY#425's shape: the maintainers made update() a plain method.
    def __init__(self, loop):
        self.loop = loop
        self.loop.create_task(self.update())  # want: ASYNC300 "its coroutine `update\(\)` never suspends \(no await\).*make `update` a `def`"

    async def update(self):
        log.info("updated")


class Expiry:
    async def run(self):
        log.info("configured")

    def restart(self):
        # A subclass overrides run() with a coroutine that waits.
        asyncio.create_task(self.run())  # want: ASYNC300 "may be garbage-collected before it finishes"


class SlowExpiry(Expiry):
    async def run(self):
        await asyncio.sleep(1)


async def main(source, lock):
    asyncio.create_task(log_status(None))  # want: ASYNC300 "`log_status\(\)` never suspends"
    asyncio.get_running_loop().create_task(awaits_only_in_a_nested_function())  # want: ASYNC300 "never suspends"
    asyncio.create_task(fetch("x"))  # want: ASYNC300 "may be garbage-collected before it finishes"
    asyncio.create_task(stub())  # want: ASYNC300 "may be garbage-collected before it finishes"
    asyncio.create_task(with_async_for(source))  # want: ASYNC300 "may be garbage-collected before it finishes"
    asyncio.create_task(with_async_with(lock))  # want: ASYNC300 "may be garbage-collected before it finishes"
    asyncio.create_task(decorated())  # want: ASYNC300 "may be garbage-collected before it finishes"
    kept = asyncio.create_task(log_status(signal.SIGHUP))
    await kept
