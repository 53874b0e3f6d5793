import asyncio

sem = None

async def limited(i):
    async with sem:
        await asyncio.sleep(0.05 + 0.01 * (i % 3))

async def main():
    global sem
    sem = asyncio.BoundedSemaphore(4)
    await asyncio.gather(*(limited(i) for i in range(12)))

if __name__ == "__main__":
    asyncio.run(main())
