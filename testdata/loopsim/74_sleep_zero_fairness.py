import asyncio
import time

async def busy(n):
    for i in range(n):
        time.sleep(0.002)
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(busy(30), busy(30), asyncio.sleep(0.05))

if __name__ == "__main__":
    asyncio.run(main())
