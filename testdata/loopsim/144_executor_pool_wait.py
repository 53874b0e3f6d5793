# Seven blocking jobs of different lengths on a 3-worker pool, awaited with
# asyncio.wait; the pool's FIFO decides the finish time.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

COSTS = [0.1, 0.05, 0.12, 0.03, 0.08, 0.06, 0.02]


def crunch(cost: float) -> float:
    time.sleep(cost)
    return cost


async def main():
    loop = asyncio.get_running_loop()
    pool = ThreadPoolExecutor(max_workers=3)
    futures = [loop.run_in_executor(pool, crunch, c) for c in COSTS]
    done, pending = await asyncio.wait(futures)
    pool.shutdown(wait=True)
    print(len(done), len(pending))


if __name__ == "__main__":
    asyncio.run(main())
