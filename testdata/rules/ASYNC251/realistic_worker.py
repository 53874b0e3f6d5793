import asyncio
import logging
import random
import time
from datetime import datetime
from time import monotonic, sleep as _sleep
from typing import Callable

logger = logging.getLogger("worker")

POLL_INTERVAL = 0.5


class RateLimiter:
    """Token-bucket limiter shared by the crawler tasks."""

    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.last = monotonic()

    async def acquire(self) -> None:
        elapsed = monotonic() - self.last
        if elapsed < 1 / self.rate:
            time.sleep(1 / self.rate - elapsed)  # want: ASYNC251
        self.last = monotonic()

    async def acquire_properly(self) -> None:
        elapsed = monotonic() - self.last
        if elapsed < 1 / self.rate:
            await asyncio.sleep(1 / self.rate - elapsed)
        self.last = monotonic()

    def acquire_blocking(self) -> None:
        # Quiet: sync code.
        time.sleep(1 / self.rate)


async def backoff(attempt: int) -> None:
    delay = min(30, 2**attempt) + random.random()
    logger.info("retrying in %.1fs", delay)
    _sleep(delay)  # want: ASYNC251


async def poll_until(check: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = monotonic() + timeout
    while monotonic() < deadline:
        if check():
            return True
        time.sleep(POLL_INTERVAL) if POLL_INTERVAL else None  # want: ASYNC251
    return False


async def heartbeat(stop: asyncio.Event) -> None:
    while not stop.is_set():
        logger.debug("alive at %s", datetime.now())
        try:
            await asyncio.wait_for(stop.wait(), timeout=5)
        except asyncio.TimeoutError:
            pass
        finally:
            time.sleep(0.01)  # want: ASYNC251


async def in_executor() -> None:
    loop = asyncio.get_running_loop()
    # Quiet: all run in a worker thread.
    await loop.run_in_executor(None, time.sleep, 1)
    await loop.run_in_executor(None, lambda: time.sleep(0.2))
    await asyncio.to_thread(_sleep, 0.1)
    await asyncio.gather(asyncio.to_thread(time.sleep, 1), asyncio.sleep(1))


async def nested_helpers() -> None:
    def slow_sync_part():
        time.sleep(0.1)  # quiet: nested plain def

    callback = lambda: time.sleep(0.5)  # noqa: E731  (quiet: a lambda is not the coroutine)
    await asyncio.to_thread(slow_sync_part)
    await asyncio.to_thread(callback)


async def generator_worker():
    for i in range(3):
        time.sleep(0.1)  # want: ASYNC251
        yield i


async def shadowed(time: "FakeClock") -> None:
    # Quiet: the parameter shadows the module.
    time.sleep(1)


class FakeClock:
    def sleep(self, seconds: float) -> None:
        self.now = seconds


async def uses_clock_attr(clock: FakeClock) -> None:
    clock.sleep(1)  # quiet: not time.sleep


async def comprehension_and_walrus(items):
    results = [(time.sleep(0.01), x)[1] for x in items]  # want: ASYNC251
    if (n := len(results)) > 10:
        time.sleep(n / 100)  # want: ASYNC251
    return results


async def main() -> None:
    limiter = RateLimiter(5)
    await limiter.acquire()


if __name__ == "__main__":
    time.sleep(0.1)
    asyncio.run(main())
