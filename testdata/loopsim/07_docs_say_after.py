# docs.python.org coroutines example: awaited in turn -> 3 s (scaled by 0.1).
import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    print(f"started at {time.strftime('%X')}")
    await say_after(0.1, "hello")
    await say_after(0.2, "world")
    print(f"finished at {time.strftime('%X')}")


if __name__ == "__main__":
    asyncio.run(main())
