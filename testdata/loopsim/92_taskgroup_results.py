import asyncio

async def square(x):
    await asyncio.sleep(0.02 * x)
    return x * x

async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(square(x)) for x in range(1, 6)]
    total = sum(t.result() for t in tasks)
    await asyncio.sleep(total / 1000)
    return total

if __name__ == "__main__":
    asyncio.run(main())
