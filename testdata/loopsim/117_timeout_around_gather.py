# asyncio.timeout around a gather: the slow lookup blows the budget, the
# children are cancelled, and we fall back to a cached answer.
import asyncio


async def lookup(source: str, delay: float) -> str:
    await asyncio.sleep(delay)
    return source


async def read_cache() -> list:
    await asyncio.sleep(0.03)
    return ["cached"]


async def main():
    try:
        async with asyncio.timeout(0.25):
            results = await asyncio.gather(
                lookup("primary", 0.1),
                lookup("secondary", 0.2),
                lookup("archive", 0.6),
            )
    except TimeoutError:
        results = await read_cache()
    print(results)


if __name__ == "__main__":
    asyncio.run(main())
