# Tutorial: three 1 s fetches gathered -> 1 s (3 s sequentially), scaled by 0.1.
import asyncio


async def fetch(url, delay=0.1):
    await asyncio.sleep(delay)  # stands in for network latency
    return {"url": url}


async def main():
    urls = ["a", "b", "c"]
    results = await asyncio.gather(*[fetch(u) for u in urls])
    return results


if __name__ == "__main__":
    asyncio.run(main())
