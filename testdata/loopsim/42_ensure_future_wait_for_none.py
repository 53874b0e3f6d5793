# ensure_future, wait_for(timeout=None) and a sleep(0) loop -> 0.2 s.
import asyncio


async def job(d):
    for _ in range(50):
        await asyncio.sleep(0)
    await asyncio.sleep(d)
    return d


async def main():
    f = asyncio.ensure_future(job(0.2))
    r = await asyncio.wait_for(job(0.1), timeout=None)
    return r + await f


if __name__ == "__main__":
    asyncio.run(main())
