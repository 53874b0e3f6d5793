import asyncio
import time

def log_slowly(msg):
    time.sleep(0.01)

async def handler(i):
    log_slowly(f"start {i}")
    await asyncio.sleep(0.1)
    log_slowly(f"end {i}")

async def main():
    await asyncio.gather(*[handler(i) for i in range(5)])

if __name__ == "__main__":
    asyncio.run(main())
