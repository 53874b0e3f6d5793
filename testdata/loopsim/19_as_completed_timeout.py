# as_completed with a timeout: the next await after 0.25 s raises
# TimeoutError; the 0.9 s task is cancelled by asyncio.run -> 0.25 s.
import asyncio


async def work(d):
    await asyncio.sleep(d)
    return d


async def main():
    got = []
    try:
        for fut in asyncio.as_completed([work(0.1), work(0.9), work(0.2)], timeout=0.25):
            got.append(await fut)
    except asyncio.TimeoutError:
        pass
    return got


if __name__ == "__main__":
    asyncio.run(main())
