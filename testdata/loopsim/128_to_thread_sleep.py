# to_thread moves blocking sleeps off the loop; they overlap with each other
# and with asyncio.sleep.
import asyncio
import time


def blocking_io(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


async def main():
    start = time.perf_counter()
    await asyncio.gather(
        asyncio.to_thread(time.sleep, 0.2),
        asyncio.to_thread(blocking_io, 0.15),
        asyncio.sleep(0.1),
    )
    await asyncio.to_thread(blocking_io, 0.05)
    print(f"{time.perf_counter() - start:.2f}s")


if __name__ == "__main__":
    asyncio.run(main())
