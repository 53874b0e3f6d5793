# Five 0.1 s jobs on an explicit pool of two threads -> 0.3 s.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def job(i):
    time.sleep(0.1)
    return i


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [loop.run_in_executor(pool, job, i) for i in range(5)]
        await asyncio.gather(*futures)


if __name__ == "__main__":
    asyncio.run(main())
