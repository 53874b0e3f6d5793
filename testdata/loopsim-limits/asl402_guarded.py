# expect: seconds 0.55
import asyncio, time
async def hb():
    while True:
        await asyncio.sleep(0.1)
async def main():
    t = asyncio.create_task(hb())
    await asyncio.sleep(0.05)
    time.sleep(0.5)
    t.cancel()
if __name__ == "__main__":
    asyncio.run(main())
