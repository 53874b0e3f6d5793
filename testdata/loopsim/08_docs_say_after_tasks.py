# docs.python.org example with create_task: -> 2 s (scaled by 0.1).
import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    task1 = asyncio.create_task(say_after(0.1, "hello"))
    task2 = asyncio.create_task(say_after(0.2, "world"))
    await task1
    await task2


if __name__ == "__main__":
    asyncio.run(main())
