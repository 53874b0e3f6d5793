import asyncio

async def worker(barrier, d):
    for _ in range(3):
        await asyncio.sleep(d)
        await barrier.wait()

async def main():
    b = asyncio.Barrier(3)
    await asyncio.gather(worker(b, 0.01), worker(b, 0.03), worker(b, 0.05))

if __name__ == "__main__":
    asyncio.run(main())
