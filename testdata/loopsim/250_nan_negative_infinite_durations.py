# Durations CPython accepts or refuses as they are: asyncio.sleep() of a
# negative or -inf delay yields once; sleep(nan) as the only timer fires on
# the next loop iteration (heapq and `nan >= end_time` compare false);
# time.sleep() refuses NaN and negative values; an infinite sleep runs until
# a timeout cancels it.
import asyncio
import time


async def main():
    await asyncio.sleep(-1)
    await asyncio.sleep(float("-inf"))
    await asyncio.sleep(float("nan"))
    try:
        time.sleep(float("nan"))
    except ValueError:
        await asyncio.sleep(0.1)
    try:
        time.sleep(-1)
    except ValueError:
        await asyncio.sleep(0.05)
    try:
        await asyncio.wait_for(asyncio.sleep(float("inf")), 0.1)
    except asyncio.TimeoutError:
        await asyncio.sleep(0.02)


if __name__ == "__main__":
    asyncio.run(main())
