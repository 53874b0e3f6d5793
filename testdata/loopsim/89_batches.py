import asyncio

async def item(i):
    await asyncio.sleep(i / 100)
    return i

async def main():
    items = list(range(1, 13))
    size = 4
    out = []
    for start in range(0, len(items), size):
        batch = items[start:start + size]
        out.extend(await asyncio.gather(*[item(i) for i in batch]))
    return out

if __name__ == "__main__":
    asyncio.run(main())
