# docs.python.org TaskGroup example -> 0.2 s.
import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(say_after(0.1, "hello"))
        tg.create_task(say_after(0.2, "world"))
    print("both tasks have completed now")


if __name__ == "__main__":
    asyncio.run(main())
