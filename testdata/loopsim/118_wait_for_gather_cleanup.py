# wait_for around a gather: on timeout every child is cancelled and each one
# runs its finally block (which awaits) before TimeoutError reaches main.
import asyncio


async def job(n: int) -> int:
    try:
        await asyncio.sleep(0.1 * n)
        return n
    finally:
        await asyncio.sleep(0.02)  # release resources


async def main():
    try:
        await asyncio.wait_for(asyncio.gather(*(job(n) for n in range(1, 5))), timeout=0.25)
    except asyncio.TimeoutError:
        print("timed out")


if __name__ == "__main__":
    asyncio.run(main())
