# gather(blocking, sleeper): the sleeper only starts after the block -> 0.3 s.
import asyncio
import time


async def blocker():
    time.sleep(0.15)


async def sleeper():
    await asyncio.sleep(0.15)


async def main():
    await asyncio.gather(blocker(), sleeper())


if __name__ == "__main__":
    asyncio.run(main())
