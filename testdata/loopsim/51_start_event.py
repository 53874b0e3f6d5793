import asyncio
import time

async def runner(i, start):
    await start.wait()
    await asyncio.sleep(0.01 * i)
    return i

async def main():
    start = asyncio.Event()
    tasks = [asyncio.create_task(runner(i, start)) for i in range(10)]
    await asyncio.sleep(0.1)
    t0 = time.perf_counter()
    start.set()
    results = await asyncio.gather(*tasks)
    print(results, time.perf_counter() - t0)

if __name__ == "__main__":
    asyncio.run(main())
