# A task that calls time.sleep() by mistake starves a ticker that wants to
# run every 20 ms.
import asyncio
import time


async def ticker(stop_after: int, ticks: list) -> None:
    for _ in range(stop_after):
        await asyncio.sleep(0.02)
        ticks.append(time.perf_counter())


async def bad_worker() -> None:
    for _ in range(3):
        time.sleep(0.06)  # oops: blocks the loop
        await asyncio.sleep(0)


async def main():
    ticks: list = []
    await asyncio.gather(ticker(8, ticks), bad_worker())
    print(len(ticks))


if __name__ == "__main__":
    asyncio.run(main())
