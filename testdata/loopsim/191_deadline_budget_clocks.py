# A poller with a time budget: deadlines are loop.time() and
# time.monotonic() arithmetic, and a datetime/timedelta pair measures the
# phases. Only differences of clock readings matter, so the run time is
# known even though the clocks' values are not.
import asyncio
import time
from datetime import datetime, timedelta

BUDGET = timedelta(milliseconds=180)


async def poll_until(deadline, interval, ready_after):
    loop = asyncio.get_running_loop()
    polls = 0
    started = loop.time()
    while loop.time() < deadline:
        polls += 1
        if loop.time() - started >= ready_after:
            return polls
        await asyncio.sleep(min(interval, max(0.0, deadline - loop.time())))
    return None


async def main():
    loop = asyncio.get_running_loop()
    t0 = datetime.now()
    mono0 = time.monotonic()
    deadline = loop.time() + BUDGET.total_seconds()
    first = await poll_until(deadline, 0.025, ready_after=0.06)
    second = await poll_until(deadline, 0.03, ready_after=1.0)
    spent = datetime.now() - t0
    if spent < BUDGET * 2 and time.monotonic() - mono0 > 0.1:
        await asyncio.sleep((BUDGET - spent).total_seconds() + 0.05)
    print(first, second, spent.total_seconds())


if __name__ == "__main__":
    asyncio.run(main())
