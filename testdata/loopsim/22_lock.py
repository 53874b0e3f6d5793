# Four tasks take a lock for 0.08 s each -> 0.32 s.
import asyncio

lock = None


async def critical(i):
    async with lock:
        await asyncio.sleep(0.08)


async def main():
    global lock
    lock = asyncio.Lock()
    await asyncio.gather(*(critical(i) for i in range(4)))


if __name__ == "__main__":
    asyncio.run(main())
