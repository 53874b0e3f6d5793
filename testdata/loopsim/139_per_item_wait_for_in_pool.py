# Each item gets its own wait_for deadline inside a semaphore-bounded pool;
# items that time out are recorded as failures.
import asyncio

DURATIONS = [0.05, 0.2, 0.04, 0.06, 0.3, 0.02]
DEADLINE = 0.1


async def process(i: int) -> int:
    await asyncio.sleep(DURATIONS[i])
    return i


async def guarded(sem: asyncio.Semaphore, i: int):
    async with sem:
        try:
            return await asyncio.wait_for(process(i), timeout=DEADLINE)
        except asyncio.TimeoutError:
            return None


async def main():
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded(sem, i) for i in range(len(DURATIONS))))
    failed = [i for i, r in enumerate(results) if r is None]
    print("failed", failed)


if __name__ == "__main__":
    asyncio.run(main())
