import asyncio
import time


def load():
    time.sleep(0.3)  # want: ASL402


async def heartbeat():
    while True:
        await asyncio.sleep(0.1)


async def quick():
    time.sleep(0.001)


async def main():
    time.sleep(0.2)  # nothing else exists yet: nobody is delayed
    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.05)
    time.sleep(0.5)  # want: ASL402
    load()
    await quick()
    beat.cancel()


if __name__ == "__main__":
    asyncio.run(main())
