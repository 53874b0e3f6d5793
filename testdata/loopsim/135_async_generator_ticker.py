# An async generator paging through results with a sleep per page; the
# consumer stops early with break and the generator is closed.
import asyncio


async def pages(total: int, per_page: int, latency: float):
    fetched = 0
    while fetched < total:
        await asyncio.sleep(latency)
        batch = list(range(fetched, min(fetched + per_page, total)))
        fetched += len(batch)
        yield batch


async def main():
    seen = []
    async for batch in pages(total=23, per_page=5, latency=0.04):
        seen.extend(batch)
        await asyncio.sleep(0.01)  # process the page
    head = []
    gen = pages(total=100, per_page=10, latency=0.03)
    async for batch in gen:
        head.extend(batch)
        if len(head) >= 30:
            break
    await gen.aclose()
    print(len(seen), len(head))


if __name__ == "__main__":
    asyncio.run(main())
