import asyncio

async def source(n):
    for i in range(n):
        await asyncio.sleep(0.02)
        yield i

async def doubler(agen):
    async for x in agen:
        await asyncio.sleep(0.01)
        yield x * 2

async def main():
    total = 0
    async for v in doubler(source(6)):
        total += v
    return total

if __name__ == "__main__":
    asyncio.run(main())
