# Blocking work moved to threads runs in parallel with the loop -> 0.2 s.
import asyncio
import time


def blocking_io(d):
    time.sleep(d)
    return d


async def main():
    await asyncio.gather(asyncio.to_thread(blocking_io, 0.2), asyncio.to_thread(blocking_io, 0.15), asyncio.sleep(0.1))


if __name__ == "__main__":
    asyncio.run(main())
