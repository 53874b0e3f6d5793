import asyncio

async def holder(lock, d):
    async with lock:
        await asyncio.sleep(d)

async def main():
    lock = asyncio.Lock()
    tasks = [asyncio.create_task(holder(lock, 0.03)) for _ in range(5)]
    await asyncio.sleep(0.01)
    async with lock:
        await asyncio.sleep(0.05)
    await asyncio.gather(*tasks)

if __name__ == "__main__":
    asyncio.run(main())
