# Tutorial: the blocking version: two 2 s time.sleep() calls "gathered" -> 4 s (scaled by 0.1).
import asyncio
import time


async def task(seconds):
    time.sleep(seconds)  # blocks the whole loop


async def main():
    await asyncio.gather(task(0.2), task(0.2))


if __name__ == "__main__":
    asyncio.run(main())
