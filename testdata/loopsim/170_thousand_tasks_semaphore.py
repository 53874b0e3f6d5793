# 1,000 tasks through a Semaphore(50), each sleeping 10 ms.
import asyncio


async def job(sem: asyncio.Semaphore, i: int) -> int:
    async with sem:
        await asyncio.sleep(0.01)
        return i


async def main():
    sem = asyncio.Semaphore(50)
    tasks = [asyncio.create_task(job(sem, i)) for i in range(1000)]
    await asyncio.gather(*tasks)


if __name__ == "__main__":
    asyncio.run(main())
