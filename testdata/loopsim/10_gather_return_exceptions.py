# gather(return_exceptions=True) waits for every child, failures included -> 0.3 s.
import asyncio


async def ok(d):
    await asyncio.sleep(d)
    return d


async def fail(d):
    await asyncio.sleep(d)
    raise ValueError("bad")


async def main():
    results = await asyncio.gather(ok(0.3), fail(0.1), ok(0.2), return_exceptions=True)
    print(results)


if __name__ == "__main__":
    asyncio.run(main())
