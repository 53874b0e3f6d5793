# A legacy blocking client run on an explicit 2-thread pool, alongside async
# work; the pool is the bottleneck.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def legacy_query(n: int) -> int:
    time.sleep(0.08)
    return n * n


async def heartbeat(times: int) -> None:
    for _ in range(times):
        await asyncio.sleep(0.05)


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = [loop.run_in_executor(pool, legacy_query, n) for n in range(5)]
        results, _ = await asyncio.gather(asyncio.gather(*jobs), heartbeat(3))
    print(results)


if __name__ == "__main__":
    asyncio.run(main())
