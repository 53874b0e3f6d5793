# Ten downloads, at most three at a time, 0.1 s each -> ceil(10/3) * 0.1 = 0.4 s.
import asyncio

LIMIT = 3
N = 10


async def download(sem, i):
    async with sem:
        await asyncio.sleep(0.1)
        return i


async def main():
    sem = asyncio.Semaphore(LIMIT)
    return await asyncio.gather(*[download(sem, i) for i in range(N)])


if __name__ == "__main__":
    asyncio.run(main())
