import asyncio

async def inner():
    async with asyncio.timeout(0.05):
        await asyncio.sleep(0.2)

async def main():
    async with asyncio.timeout(None):
        try:
            await inner()
        except TimeoutError:
            pass
    async with asyncio.timeout(0.3):
        await asyncio.sleep(0.1)

if __name__ == "__main__":
    asyncio.run(main())
