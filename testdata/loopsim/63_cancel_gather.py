import asyncio

async def long(d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        await asyncio.sleep(0.03)
        raise

async def main():
    g = asyncio.gather(long(1), long(2))
    await asyncio.sleep(0.1)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("cancelled")

if __name__ == "__main__":
    asyncio.run(main())
