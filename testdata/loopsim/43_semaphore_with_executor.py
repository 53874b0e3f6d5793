# A semaphore of 2 guards executor jobs of 0.1 s; 4 jobs -> 0.2 s.
import asyncio
import time


def crunch(x):
    time.sleep(0.1)
    return x


async def guarded(sem, x):
    async with sem:
        return await asyncio.to_thread(crunch, x)


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(guarded(sem, i) for i in range(4)))


if __name__ == "__main__":
    asyncio.run(main())
