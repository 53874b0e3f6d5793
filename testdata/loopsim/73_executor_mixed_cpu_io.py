import asyncio
import concurrent.futures
import time

def io_task(n):
    time.sleep(0.05 * n)
    return n

async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        futs = [loop.run_in_executor(pool, io_task, n) for n in (1, 2, 3, 4)]
        for coro in asyncio.as_completed(futs):
            print(await coro)

if __name__ == "__main__":
    asyncio.run(main())
