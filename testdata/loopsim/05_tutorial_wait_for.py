# Tutorial: wait_for of a 10 s operation with a 2 s timeout -> 2 s (scaled by 0.1).
import asyncio


async def long_operation():
    await asyncio.sleep(1.0)
    return "finished"


async def main():
    try:
        await asyncio.wait_for(long_operation(), timeout=0.2)
    except asyncio.TimeoutError:
        print("timed out")


if __name__ == "__main__":
    asyncio.run(main())
