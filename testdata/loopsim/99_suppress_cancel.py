import asyncio
import contextlib

async def ticker():
    while True:
        await asyncio.sleep(0.03)

async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0.1)
    t.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await t
    await asyncio.sleep(0.05)

if __name__ == "__main__":
    asyncio.run(main())
