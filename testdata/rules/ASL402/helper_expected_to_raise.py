import asyncio
import time

import pytest


def slow_check(value):
    time.sleep(0.3)  # want: ASL402 "`time\.sleep\(\)` holds the event loop" (ASL201 leaves the call under pytest.raises alone, so ASL402 reports it)
    if value < 0:
        raise ValueError(value)


def slow_load():
    time.sleep(0.2)  # quiet: ASL201 reports it at `slow_load()` and carries the delay


async def heartbeat():
    while True:
        await asyncio.sleep(0.1)


async def main():
    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.05)
    slow_load()  # want: ASL201
    with pytest.raises(ValueError):
        slow_check(-1)
    beat.cancel()


if __name__ == "__main__":
    asyncio.run(main())
