# 3,000 short jobs in a TaskGroup, each sleeping a little; results gathered
# from the tasks afterwards.
import asyncio


async def job(i: int) -> int:
    await asyncio.sleep(0.02 + (i % 5) * 0.01)
    return i


async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(job(i)) for i in range(3000)]
    print(sum(t.result() for t in tasks))


if __name__ == "__main__":
    asyncio.run(main())
