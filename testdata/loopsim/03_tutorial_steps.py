# Tutorial: step_one then step_two awaited in turn -> 2 s (scaled by 0.1).
import asyncio


async def step_one():
    await asyncio.sleep(0.1)
    return 1


async def step_two(x):
    await asyncio.sleep(0.1)
    return x + 1


async def main():
    a = await step_one()
    b = await step_two(a)
    print(b)


if __name__ == "__main__":
    asyncio.run(main())
