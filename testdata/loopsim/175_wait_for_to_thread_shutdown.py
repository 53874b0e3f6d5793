# wait_for gives up on a to_thread job, but asyncio.run still waits for the
# thread at shutdown.
import asyncio
import time


def slow_report() -> str:
    time.sleep(0.3)
    return "report"


async def main():
    try:
        await asyncio.wait_for(asyncio.to_thread(slow_report), timeout=0.1)
    except asyncio.TimeoutError:
        print("gave up waiting")
    await asyncio.sleep(0.05)


if __name__ == "__main__":
    asyncio.run(main())
