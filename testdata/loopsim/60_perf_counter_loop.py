import asyncio
import time

async def main():
    start = time.perf_counter()
    ticks = 0
    while time.perf_counter() - start < 0.2:
        await asyncio.sleep(0.03)
        ticks += 1
    print(ticks)

if __name__ == "__main__":
    asyncio.run(main())
