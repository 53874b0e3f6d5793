# A fire-and-forget executor job outlives main; asyncio.run joins the
# default executor's threads -> 0.3 s.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    loop.run_in_executor(None, time.sleep, 0.3)
    await asyncio.sleep(0.05)


if __name__ == "__main__":
    asyncio.run(main())
