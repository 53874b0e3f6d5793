import asyncio
import time

async def main():
    loop = asyncio.get_event_loop()
    results = await asyncio.gather(
        loop.run_in_executor(None, lambda: time.sleep(0.1) or "a"),
        loop.run_in_executor(None, lambda: time.sleep(0.2) or "b"),
    )
    await asyncio.sleep(0.05)
    return results

if __name__ == "__main__":
    asyncio.run(main())
