# Load shedding: requests that cannot get a slot within 50 ms are rejected.
import asyncio


async def handle(sem: asyncio.Semaphore, rid: int, cost: float) -> bool:
    try:
        async with asyncio.timeout(0.05):
            await sem.acquire()
    except TimeoutError:
        return False
    try:
        await asyncio.sleep(cost)
        return True
    finally:
        sem.release()


async def main():
    sem = asyncio.Semaphore(2)
    costs = [0.1, 0.03, 0.04, 0.2, 0.02, 0.01]
    accepted = await asyncio.gather(*(handle(sem, i, c) for i, c in enumerate(costs)))
    print(accepted)


if __name__ == "__main__":
    asyncio.run(main())
