# Tutorial: two tasks sleeping 2 s and 1 s, gathered -> 2 s (scaled by 0.1).
import asyncio

UNIT = 0.1


async def task(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    await asyncio.gather(task("A", 2 * UNIT), task("B", 1 * UNIT))


if __name__ == "__main__":
    asyncio.run(main())
