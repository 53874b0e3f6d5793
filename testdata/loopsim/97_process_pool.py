# Eight 0.1 s jobs on a ProcessPoolExecutor of four workers -> 0.2 s plus the
# pool's own costs (forking the workers at the first submission, a round
# trip per job, shutting down): about 0.22 s on Linux.
import asyncio
import time
from concurrent.futures import ProcessPoolExecutor


def job(d):
    time.sleep(d)
    return d


async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=4) as pool:
        await asyncio.gather(*(loop.run_in_executor(pool, job, 0.1) for _ in range(8)))


if __name__ == "__main__":
    asyncio.run(main())
