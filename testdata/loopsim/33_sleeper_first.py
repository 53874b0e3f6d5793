# gather(sleeper, blocking): the sleeper's timer runs during the block -> 0.15 s.
import asyncio
import time


async def blocker():
    time.sleep(0.15)


async def sleeper():
    await asyncio.sleep(0.15)


async def main():
    await asyncio.gather(sleeper(), blocker())


if __name__ == "__main__":
    asyncio.run(main())
