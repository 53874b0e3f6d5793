# Tutorial: a background task of 3 s with 1 s of other work -> 3 s (scaled by 0.1).
import asyncio


async def background():
    await asyncio.sleep(0.3)
    return "done"


async def other_work():
    await asyncio.sleep(0.1)


async def main():
    task = asyncio.create_task(background())
    await other_work()
    result = await task
    print(result)


if __name__ == "__main__":
    asyncio.run(main())
